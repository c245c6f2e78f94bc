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
        "line 8: Tom has lap 3 after the 'DNF' at lap 2 (line 7): leave out the laps not run"
    )


def test_a_dnf_in_one_runner_s_laps_is_refused_with_a_hint(tmp_path, capsys):
    text = "Lap,Lap Time\n1,52.1\n2,1:05.2\n3,DNF\n"
    assert _refusal(tmp_path, capsys, text) == (
        "line 4, column 2: 'DNF' is not a time: a lap CSV of one runner's laps needs the runner "
        "to finish; leave out the laps not run"
    )


def test_a_sheet_total_row_in_the_athlete_column_is_left_out_when_it_agrees(tmp_path):
    path = _write(tmp_path, HEADER + SAM + TOM + "Total,,,\nSum,,8:13.1,\n")
    race = read_splits_csv(path, distance_m=1500)
    assert [a.splits[-1].time_s for a in race.athletes] == [245.8, 247.3]
    assert list(race.notes) == [
        "Line 10: the 'Total' row is left out: it totals the sheet, no runner's lap.",
        "Line 11: the 'Sum' row is left out: it totals the sheet, no runner's lap, and its "
        "8:13.1 is the sum of the Lap Time column.",
    ]


def test_a_sheet_total_row_that_disagrees_is_refused(tmp_path, capsys):
    text = HEADER + SAM + TOM + "Sum,,8:14.1,\n"
    assert _refusal(tmp_path, capsys, text) == (
        "line 10, column 3: the 'Sum' row's 8:14.1 is not 8:13.1, the sum of the Lap Time "
        "column above it: a row of the sheet's totals, no runner's lap; check the laps' "
        "times, or leave it out"
    )


def test_a_row_with_no_runner_s_name_is_no_runner_in_the_dialog(tmp_path, capsys):
    path = _write(tmp_path, HEADER + SAM + ",1,53.0,53.0\n")
    assert csv_prefill(path).runners == 1
    with pytest.raises(RaceFileError, match=r"line 6, column 1: no runner's name"):
        read_splits_csv(path, distance_m=1500)


def test_a_lap_0_shorter_than_a_lap_is_refused(tmp_path, capsys):
    text = HEADER + "Sam,0,10.0,10.0\n" + SAM.replace("Sam,1,52.1,52.1", "Sam,1,52.1,1:02.1")
    text = text.replace("1:57.3", "2:07.3").replace("3:03.3", "3:13.3").replace("4:05.8", "4:15.8")
    assert _refusal(tmp_path, capsys, text) == (
        "line 2, column 2: lap 0 of Sam: its 10.0 is far shorter than a lap after it: a start "
        "or reaction time? leave it out"
    )


def test_laps_numbered_from_0_are_read_so(tmp_path):
    path = _write(tmp_path, "Lap,Lap Time\n0,52.1\n1,1:05.2\n2,1:06.0\n3,1:02.5\n")
    race = read_splits_csv(path, distance_m=1500)
    assert [s.distance_m for s in race.athletes[0].splits] == [300.0, 700.0, 1100.0, 1500.0]
    assert race.athletes[0].splits[-1].time_s == pytest.approx(245.8)
    assert (
        "The laps are numbered from 0 (line 2: lap 0): lap 0 is read as the first lap, lap 1 "
        "as the second, and so on." in race.notes
    )


def test_a_lap_0_among_laps_from_1_is_refused(tmp_path, capsys):
    text = "Name,Lap,Lap Time\nSam,0,52.1\nSam,1,1:05.2\nSam,2,1:06.0\nSam,3,1:02.5\n"
    text += "Tom,1,53.0\nTom,2,1:05.1\nTom,3,1:06.0\nTom,4,1:03.2\n"
    assert _refusal(tmp_path, capsys, text) == (
        "line 2, column 2: lap 0 of Sam: laps are numbered 1, 2, 3 ...: leave it out if it is "
        "no lap"
    )


ANN = "Ann,1,54,54\nAnn,2,1:06,2:00\nAnn,3,1:07,3:07\nAnn,4,1:03,4:10\n"


def test_one_runner_s_extra_lap_is_named_when_the_others_agree(tmp_path, capsys):
    text = HEADER + SAM + ANN + TOM + "Tom,5,1:03.0,5:10.3\n"
    path = _write(tmp_path, text)
    race = read_splits_csv(path, distance_m=2000)
    assert race.notes[0] == (
        "Tom has 5 laps, the others 4: they are read as runners who did not finish; if the "
        "race is 4 laps, check Tom's lap 5 (line 14), or the distance."
    )
    assert _refusal(tmp_path, capsys, text).endswith(
        "such as 1 mile or 2000 m; the others have 4, which fit it: check Tom's lap 5 (line 14)"
    )
