"""A lap CSV without --distance whose most laps are a disqualified runner's before her mark:
asked for the distance, it had been told only the distances those laps fit ("its 2 laps fit
a race of ... such as 800 m"), as if a runner had finished them, and not that every runner
is marked, nor that in any longer race no one finishes (reviewer)."""

from __future__ import annotations

from racegui.cli import main

HEADER = "Athlete,Lap,Lap Time,Total Time\n"
TOM_DQ = "Tom,1,53.0,53.0\nTom,2,1:05.1,1:58.1\nTom,3,DQ,\n"


def _refused(tmp_path, capsys, text: str) -> str:
    path = tmp_path / "club.csv"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "club.json"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    assert not out.exists()
    return err[0].removeprefix(f"{path}: ")


def test_every_runner_marked_names_each_mark_and_who_finishes_where(tmp_path, capsys):
    why = _refused(tmp_path, capsys, HEADER + TOM_DQ + "Ann,1,54.0,54.0\nAnn,2,DNF,\n")
    assert why.startswith("line 1: a lap CSV (Athlete, Lap, Lap Time, Total Time")
    assert "give it with --distance; its 2 laps fit a race of more than 400 m" in why
    assert why.endswith(
        "; as every runner is marked, Tom 'DQ' after 2 laps (line 4) and Ann 'DNF' after 1 "
        "lap (line 6), only in a race of 2 laps does Tom finish, disqualified after "
        "finishing; in a longer race no runner finishes, and a race needs one"
    )


def test_the_only_runner_disqualified_is_said_so(tmp_path, capsys):
    why = _refused(tmp_path, capsys, HEADER + TOM_DQ)
    assert "; as the only runner is marked, Tom 'DQ' after 2 laps (line 4), only in a race" in why


def test_a_dq_s_laps_beyond_an_unmarked_runner_s_are_named_as_hers(tmp_path, capsys):
    why = _refused(tmp_path, capsys, HEADER + TOM_DQ + "Ann,1,54.0,54.0\n")
    assert why.endswith(
        "; the 2 laps are Tom's, before the 'DQ' (line 4): only in a race of 2 laps does Tom "
        "finish, disqualified after finishing; in a longer race no runner finishes, and a race "
        "needs one"
    )


def test_a_runner_not_marked_with_the_most_laps_is_told_as_before(tmp_path, capsys):
    why = _refused(tmp_path, capsys, HEADER + TOM_DQ + "Ann,1,54.0,54.0\nAnn,2,1:06.0,2:00.0\n")
    assert why.endswith("its 2 laps fit a race of more than 400 m and at most 800 m, such as 800 m")
