"""A coach's review of lap CSVs read without a word: a lap of 2:01.50 among laps of about
1:04 (l_typo.csv), and a mile's four laps read with --distance 1500 (a first 300 m in
1:07.90, at 1:30 a lap among laps of 1:06). Each is noted, as a lap time that does not
match the totals is, and the laps read as they are (they may be true)."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.io.lap_notes import odd_lap_notes
from racegui.io.splits_csv import read_splits_csv

TYPO = "Lap,Lap Time\n1,48.2\n2,2:01.5\n3,1:04.8\n4,1:01.0\n"
MILE_IN_4 = "Lap,Lap Time\n1,1:07.9\n2,1:06.2\n3,1:06.8\n4,1:03.1\n"
SLOW_LAP = (
    "Line 3: lap 2 in 2:01.5 is far slower than the others: 1.9 times the median lap "
    "(1:04.53). Check it (a typo?)."
)
SLOW_PART = (
    "Line 2: lap 1, the 300 m part lap, in 1:07.9 is at 1:30.53 a lap, far slower than the "
    "laps after it (their median 1:06.20). Check it, and the race distance: these laps fit "
    "1 mile timed at the finish line each time round better."
)


def _write(tmp_path, text: str, name: str = "laps.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_lap_far_slower_than_the_others_is_noted(tmp_path):
    race = read_splits_csv(_write(tmp_path, TYPO), distance_m=1500)
    assert race.notes == (SLOW_LAP,)
    assert race.focus.splits[1].time_s == pytest.approx(169.7)  # read as it is


def test_validate_prints_the_note_and_exits_0(tmp_path, capsys):
    path = _write(tmp_path, TYPO)
    assert main(["validate", str(path), "--distance", "1500"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [f'{path}: ok ("laps", 1 athlete)', f"  {SLOW_LAP}"]


def test_a_lap_far_faster_than_the_others_is_noted(tmp_path):
    fast = "Lap,Lap Time\n1,48.2\n2,1:04.2\n3,34.8\n4,1:04.0\n5,1:03.5\n"
    race = read_splits_csv(_write(tmp_path, fast), distance_m=1900)
    assert race.notes == (
        "Line 4: lap 3 in 34.8 is far faster than the others: 0.5 times the median lap "
        "(1:04.00). Check it (a typo?).",
    )


def test_a_mile_s_laps_read_as_1500_m_are_noted_with_the_race_they_fit(tmp_path, capsys):
    path = _write(tmp_path, MILE_IN_4)
    assert read_splits_csv(path, distance_m=1500).notes == (SLOW_PART,)
    assert main(["import", str(path), "--distance", "1500", "-o", str(tmp_path / "m.json")]) == 0
    assert f"  {SLOW_PART}" in capsys.readouterr().out.splitlines()
    assert read_splits_csv(path, distance_m=1609.344).notes == (
        "Read as timed at the finish line each time round: 4 laps (409.34 m, the 9.34 m part "
        "lap and a lap, then 3 × 400 m).",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Lap,Lap Time\n1,51.80\n2,1:09.20\n3,1:10.10\n4,1:07.40\n",  # a club 1500 m
        "Lap,Lap Time\n1,48.0\n2,1:06.0\n3,1:05.0\n4,55.0\n",  # a tactical race's kick
        "Lap,Lap Time\n1,52.0\n2,1:05.0\n3,1:04.0\n4,1:02.0\n",  # a slowish first 300 m
    ],
)
def test_laps_in_line_are_not_noted(tmp_path, text):
    assert read_splits_csv(_write(tmp_path, text), distance_m=1500).notes == ()


def test_two_laps_cannot_tell_which_is_out_of_line():
    assert odd_lap_notes([2, 3], [1, 2], [64.0, 121.5], 800) == []
