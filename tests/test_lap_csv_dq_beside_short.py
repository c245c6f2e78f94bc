"""A lap CSV whose runner disqualified after finishing has more laps than a runner not
marked: Tom 4 laps then 'DQ', Ann 2 laps and no mark, had been refused "Tom is marked 'DQ'
after 4 laps, and a runner who finishes runs 2" (reviewer). Tom's laps are the race's; Ann
stops short, as a runner not marked with fewer laps than a finisher does."""

from __future__ import annotations

import json

from racegui.cli import main
from tests.helpers_cli import import_refused

HEADER = "Athlete,Lap,Lap Time,Total Time\n"
TOM = "Tom,1,53.0,53.0\nTom,2,1:05.1,1:58.1\nTom,3,1:06.0,3:04.1\nTom,4,1:03.2,4:07.3\n"
ANN = "Ann,1,54.0,54.0\nAnn,2,1:06.0,2:00.0\n"


def _file(tmp_path, text: str):
    path = tmp_path / "club.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_dq_after_the_race_s_laps_beside_a_short_unmarked_runner_reads(tmp_path, capsys):
    path = _file(tmp_path, HEADER + TOM + "Tom,5,DQ,\n" + ANN)
    out = tmp_path / "club.json"
    assert main(["import", str(path), "-o", str(out), "--distance", "1500"]) == 0
    said = capsys.readouterr().out
    assert "Tom: disqualified ('DQ' at line 6, column 3)" in said
    assert "Ann stops at 700 m, before the 1500 m finish: a runner who did not finish (2 laps" in (
        said
    )
    athletes = {a["name"]: a for a in json.loads(out.read_text(encoding="utf-8"))["athletes"]}
    assert athletes["Tom"].get("dq") and not athletes["Tom"].get("dnf")
    assert athletes["Ann"].get("dnf") and not athletes["Ann"].get("dq")
    assert athletes["Tom"]["splits"][-1]["distance_m"] == 1500


def test_without_the_distance_a_dq_s_laps_are_the_ones_that_fit(tmp_path, capsys):
    why = import_refused(_file(tmp_path, HEADER + TOM + "Tom,5,DQ,\n" + ANN), capsys)
    assert "needs the race distance" in why and "its 4 laps fit" in why and "1500 m" in why


def test_a_dq_before_the_race_s_laps_is_no_lap_too_many(tmp_path, capsys):
    """Tom disqualified on his 4th lap of a 1500 m, Ann stopping after 2 unmarked: no one
    finishes, and Ann's 2 laps are told they are no 1500 m's, as a lone runner's are."""
    three = "\n".join(TOM.splitlines()[:3]) + "\nTom,4,DQ,\n"
    why = import_refused(_file(tmp_path, HEADER + three + ANN), capsys, "--distance", "1500")
    assert why.startswith("Ann has 2 laps, but 1500 m is 4 laps")


def test_a_dnf_after_the_race_s_laps_beside_a_short_unmarked_runner_is_refused(tmp_path, capsys):
    """A DNF after as many laps as the race has is still the contradiction it was."""
    path = _file(tmp_path, HEADER + TOM + "Tom,5,DNF,\n" + ANN)
    why = import_refused(path, capsys, "--distance", "1500")
    assert why.startswith("line 6, column 3: Tom is marked 'DNF' after 4 laps")


def test_a_dq_after_more_laps_than_the_race_beside_a_short_unmarked_runner_says_so(
    tmp_path, capsys
):
    """Tom 5 laps of a 1500 m (4 laps) then 'DQ', Ann 2 unmarked had been told "a runner
    who finishes runs 2", as if Ann finished: Tom's laps are too many, Ann did not finish."""
    five = TOM + "Tom,5,1:03.0,5:10.3\n"
    why = import_refused(
        _file(tmp_path, HEADER + five + "Tom,6,DQ,\n" + ANN), capsys, "--distance", "1500"
    )
    assert why == (
        "line 7, column 3: Tom is marked 'DQ' after 5 laps, but 1500 m is 4 laps (a 300 m "
        "part lap, then 3 × 400 m): leave out the laps not run; Ann, with 2 of its laps and "
        "no mark, did not finish, or needs a mark"
    )


def test_a_dnf_after_more_laps_than_the_race_beside_short_unmarked_runners_says_so(
    tmp_path, capsys
):
    five = TOM + "Tom,5,1:03.0,5:10.3\n"
    bob = "Bob,1,55.0,55.0\nBob,2,1:06.0,2:01.0\nBob,3,1:07.0,3:08.0\n"
    path = _file(tmp_path, HEADER + five + "Tom,6,DNF,\n" + ANN + bob)
    why = import_refused(path, capsys, "--distance", "1500")
    assert why.startswith("line 7, column 3: Tom is marked 'DNF' after 5 laps, but 1500 m is 4")
    assert why.endswith(
        "Ann and Bob, with 2 and 3 of its laps and no mark, did not finish, or need marks"
    )
