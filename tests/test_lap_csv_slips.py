"""Slips in a lap CSV of several runners (reviewer R11's files): a name typed in another
letter case had been two runners each missing laps; a 'DNF' lap time cell had been "not a
time"; a spreadsheet's "Total,,," row below the laps had been "'' is not a lap number";
a row with no runner's name had been counted in the dialog as a runner."""

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.replay_file import csv_prefill
from racegui.io.splits_csv import read_splits_csv

HEADER = "Athlete,Lap,Lap Time,Total Time\n"
SAM = "Sam,1,52.1,52.1\nSam,2,1:05.2,1:57.3\nSam,3,1:06.0,3:03.3\nSam,4,1:02.5,4:05.8\n"
TOM = "Tom,1,53.0,53.0\nTom,2,1:05.1,1:58.1\nTom,3,1:06.0,3:04.1\nTom,4,1:03.2,4:07.3\n"


def _write(tmp_path, text: str, name: str = "laps.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(tmp_path, capsys, text: str, distance: str = "1500") -> str:
    """The one stderr line `racegui validate` refuses text with (exit 2)."""
    path = _write(tmp_path, text)
    assert main(["validate", str(path), "--distance", distance]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    return err.removeprefix(f"{path}: ")


def test_a_name_in_another_letter_case_is_named_as_the_slip_it_is(tmp_path, capsys):
    text = HEADER + SAM.replace("Sam,2,", "sam,2,")
    assert _refusal(tmp_path, capsys, text) == (
        "line 3, column 1: 'sam' differs from 'Sam' (line 2) only in letter case: write one "
        "runner the same way on every row"
    )


def test_a_dnf_lap_cell_is_where_the_runner_stopped(tmp_path, capsys):
    path = _write(tmp_path, HEADER + SAM + "Tom,1,53.0,53.0\nTom,2,DNF,\n")
    race = read_splits_csv(path, distance_m=1500)
    tom = race.athletes[1]
    assert tom.dnf and [(s.distance_m, s.time_s) for s in tom.splits] == [(300.0, 53.0)]
    assert not race.athletes[0].dnf
    assert (
        "Tom stops at 300 m, before the 1500 m finish: a runner who did not finish "
        "('DNF' at line 7, column 3)." in race.notes
    )


def test_a_dns_runner_is_left_out_and_a_lap_after_a_mark_is_refused(tmp_path, capsys):
    path = _write(tmp_path, HEADER + SAM + "Tom,1,dns,DNS\n")
    race = read_splits_csv(path, distance_m=1500)
    assert [a.name for a in race.athletes] == ["Sam"]
    assert "Tom did not start ('dns' at line 6, column 3) and is left out of the race." in (
        race.notes
    )
    after = HEADER + SAM + "Tom,1,53.0,53.0\nTom,2,DNF,\nTom,3,1:06.0,3:04.1\n"
    assert _refusal(tmp_path, capsys, after) == (
        "line 8: lap 3 of Tom is not before her 'DNF' at lap 2 (line 7): leave out the laps "
        "she did not run"
    )


def test_a_dnf_in_one_runner_s_laps_is_refused_with_a_hint(tmp_path, capsys):
    text = "Lap,Lap Time\n1,52.1\n2,1:05.2\n3,DNF\n"
    assert _refusal(tmp_path, capsys, text) == (
        "line 4, column 2: 'DNF' is not a time: a lap CSV of one runner's laps needs her to "
        "finish; leave out the laps she did not run"
    )


def test_a_sheet_total_row_in_the_athlete_column_is_left_out_when_it_agrees(tmp_path):
    path = _write(tmp_path, HEADER + SAM + TOM + "Total,,,\nSum,,8:13.1,\n")
    race = read_splits_csv(path, distance_m=1500)
    assert [a.splits[-1].time_s for a in race.athletes] == [245.8, 247.3]
    assert list(race.notes) == [
        "Line 10: the 'Total' row is left out: it totals the sheet, no runner's lap.",
        "Line 11: the 'Sum' row is left out: it totals the sheet, no runner's lap, and its "
        "8:13.10 is the sum of the Lap Time column.",
    ]


def test_a_sheet_total_row_that_disagrees_is_refused(tmp_path, capsys):
    text = HEADER + SAM + TOM + "Sum,,8:14.1,\n"
    assert _refusal(tmp_path, capsys, text) == (
        "line 10, column 3: the 'Sum' row's 8:14.10 is not 8:13.10, the sum of the Lap Time "
        "column above it: a row of the sheet's totals, no runner's lap; check the laps' "
        "times, or leave it out"
    )


def test_a_row_with_no_runner_s_name_is_no_runner_in_the_dialog(tmp_path, capsys):
    path = _write(tmp_path, HEADER + SAM + ",1,53.0,53.0\n")
    assert csv_prefill(path).runners == 1
    with pytest.raises(RaceFileError, match=r"line 6, column 1: no runner's name"):
        read_splits_csv(path, distance_m=1500)
