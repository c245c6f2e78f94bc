"""A results service's sheet as a reviewer tried it (R8): a sheet whose only runner did
not finish is told that no runner finishes, result cells with record and qualifier marks
("3:54.37 PB", "3:55.10 q") read as their times, and the notes and problems of result
columns and marks say what was done in plain words."""

import pytest

from racegui.cli import main
from racegui.io.splits_csv import read_splits_csv


def _write(tmp_path, text: str, name: str = "sheet.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(tmp_path, text: str, capsys, *options: str) -> str:
    """The one line racegui validate says of a bad sheet (exit 2), without its folder."""
    path = _write(tmp_path, text)
    assert main(["validate", str(path), *options]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    return err[0].replace(f"{path}: ", "", 1)


@pytest.mark.parametrize("mark", ["DNF", "DNS", "DQ"])
def test_a_sheet_whose_one_runner_did_not_finish_says_no_runner_finished(tmp_path, capsys, mark):
    text = f"Athlete,300,700,1100,Result\nAnn,47.4,1:50.2,2:53.55,{mark}\n"
    assert _refused(tmp_path, text, capsys) == (
        f"line 2, column 5 (1500 m): no runner finishes: Ann is marked '{mark}' here, and a "
        "race needs at least one finisher (a time at the finish: 1500 m, inferred as a step "
        "of 400 m on from the last split column's 1100 m; --distance gives another)"
    )


def test_a_finish_the_sheet_or_distance_states_is_named_plainly(tmp_path, capsys):
    """The race distance is said to be inferred only where it was: "a time at the 1500 m
    finish" had named a distance no cell of the sheet gives (reviewer)."""
    given = "Athlete,300,700,1100,Result\nAnn,47.4,1:50.2,2:53.55,DNF\n"
    stated = "Athlete,300,700,1100,1500,Result\nAnn,47.4,1:50.2,2:53.55,,DNF\n"
    for text, options in ((given, ("--distance", "1500")), (stated, ())):
        line = _refused(tmp_path, text, capsys, *options)
        assert line.endswith("least one finisher (a time at the 1500 m finish)"), line


def test_a_sheet_whose_runners_all_stopped_names_the_first_mark(tmp_path, capsys):
    text = "Athlete,300,700,1100,Result\nAnn,47.4,1:50.2,2:53.55,DNF\nBea,47.5,1:50.4,DNF,DNF\n"
    line = _refused(tmp_path, text, capsys)
    assert line.startswith(
        "line 2, column 5 (1500 m): no runner finishes: Ann is marked 'DNF' here (and 1 more "
    )


def test_a_distance_given_past_the_finishers_is_still_the_distance_s_problem(tmp_path, capsys):
    text = "Athlete,300,700,1100,1500\nAnn,47.4,1:50.2,2:53.55,3:54.37\nBea,47.5,1:50.4,DNF,\n"
    line = _refused(tmp_path, text, capsys, "--distance", "1600")
    assert "no runner finishes" not in line and "1600" in line


@pytest.mark.parametrize(
    "marked",
    ["3:54.37 PB", "3:54.37 SB", "3:54.37 Q", "3:54.37 q", "3:54.37 =PB", "3:54.37 NR",
     "3:54.37 WL", "3:54.37 AR", "3:54.37 CR", "3:54.37 MR", "3:54.37 WR", "3:54.37 Q SB"],
)  # fmt: skip
def test_a_result_with_a_record_or_qualifier_mark_reads_as_its_time(tmp_path, marked):
    text = (
        "Pos,Athlete,Nat,300m,700m,1100m,Result\n"
        f"1,Ann Lee,GBR,47.40,1:50.20,2:53.55,{marked}\n"
        "2,Bea Kim,KOR,47.60,1:50.50 PB,2:54.00,3:55.10 sb\n"
    )
    race = read_splits_csv(_write(tmp_path, text))
    ends = [(a.splits[-1].distance_m, round(a.splits[-1].time_s, 2)) for a in race.athletes]
    assert ends == [(1500, 234.37), (1500, 235.1)]
    assert round(race.athlete("bea-kim").splits[1].time_s, 2) == 110.5


def test_a_mark_that_is_no_record_or_qualifier_is_still_not_a_time(tmp_path, capsys):
    text = "Athlete,300,700,1100,Result\nAnn,47.4,1:50.2,2:53.55,3:54.37 fast\n"
    assert _refused(tmp_path, text, capsys).startswith(
        "line 2, column 5 (1500 m): '3:54.37 fast' is not a time"
    )


def test_a_result_column_whose_distance_is_unknown_is_named_once(tmp_path, capsys):
    text = "Pos;Name;400;800;1200;Time\n1;Sara;1:02,10;2:05,30;3:08,40;4:11,20\n"
    assert _refused(tmp_path, text, capsys) == (
        "line 1, column 6: the Time column holds finish times, but the split columns "
        "(400, 800, 1200 m) do not say the race distance: give it (--distance)"
    )


@pytest.mark.parametrize(("first", "second"), [("Time", "Final"), ("Result", "Result")])
def test_a_second_column_of_finish_times_is_refused_as_one(tmp_path, capsys, first, second):
    text = f"Athlete,300,700,1100,{first},{second}\nAnn,47.4,1:50.2,2:53.55,3:54.37,3:54.37\n"
    assert _refused(tmp_path, text, capsys) == (
        f"line 1, column 6: '{second}' is a second column of finish times (column 5, "
        f"'{first}', is the first): keep one Result (Time, Final, Mark) column"
    )


RESULTS = "Athlete,300,700,1100,Result\nAnn,47.4,1:50.2,2:53.55,3:54.37\n"


@pytest.mark.parametrize("mark", ["DQ", "DSQ"])
def test_a_disqualified_runner_is_noted_as_disqualified(tmp_path, mark):
    race = read_splits_csv(_write(tmp_path, RESULTS + f"Bea,47.5,1:50.4,2:54.55,{mark}\n"))
    assert race.athlete("Bea").dnf
    assert race.notes[1:] == (
        f"Bea stops at 1100 m, before the 1500 m finish: disqualified ('{mark}' at line 3, "
        "column 5 (1500 m)), shown as DQ there.",
    )


def test_a_dns_after_splits_is_noted_as_the_contradiction_it_is(tmp_path):
    race = read_splits_csv(_write(tmp_path, RESULTS + "Bea,47.5,1:50.4,2:54.55,DNS\n"))
    assert race.athlete("Bea").dnf
    assert race.notes[1:] == (
        "Bea is marked 'DNS' (did not start) at line 3, column 5 (1500 m), but has splits to "
        "1100 m: shown as a runner who did not finish, stopping there.",
    )


def test_an_athlete_whose_one_row_has_no_time_is_noted_in_the_singular(tmp_path):
    race = read_splits_csv(_write(tmp_path, RESULTS + "Cy,,,,\n"))
    assert race.notes[1:] == ("Cy is left out of the race: the only row (line 3) has no time.",)


@pytest.mark.parametrize("mark", ["DSQ", "DQ"])
def test_a_runner_disqualified_after_finishing_is_read_with_a_note(tmp_path, mark):
    """R9: a DSQ in the result of a runner with every split, her finish too, had made the
    whole sheet fail ("'DSQ' is not column 5's '3:50.5'")."""
    text = (
        "Athlete,400,800,1200,1500,Result\nAnn,60.1,2:01.0,3:02.0,3:50.0,3:50.00 PB\n"
        f"Fay,60.5,2:01.5,3:02.5,3:50.5,{mark}\n"
    )
    race = read_splits_csv(_write(tmp_path, text))
    fay = next(a for a in race.athletes if a.name == "Fay")
    assert fay.splits[-1].time_s == pytest.approx(230.5) and not fay.dnf
    assert (
        f"Fay: disqualified ('{mark}' at line 3, column 6 (1500 m)); Fay's run is shown as "
        "timed, to the finish, with no place."
    ) in race.notes


@pytest.mark.parametrize("mark", ["DNF", "DNS"])
def test_a_stop_mark_beside_a_finish_time_says_so(tmp_path, capsys, mark):
    text = (
        "Athlete,400,800,1200,1500,Result\nAnn,60.1,2:01.0,3:02.0,3:50.0,3:50.00\n"
        f"Fay,60.5,2:01.5,3:02.5,3:50.5,{mark}\n"
    )
    assert _refused(tmp_path, text, capsys).startswith(
        f"line 3, column 6 (1500 m): '{mark}' as the result, but column 5 has a time at the "
        "1500 m finish: leave the cell empty for a split not taken"
    )
