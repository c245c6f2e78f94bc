"""The window's CSV dialog starts at the race a lap CSV's laps fit best: a mile timed at the
finish line in 4 laps had started at 1500 m while the dialog's text named the mile (coach);
laps that fit a race only one way still start at it, and laps that fit several start at the
one their first lap's pace says."""

from __future__ import annotations

import pytest

from racegui.io.lap_csv import best_distance, find_lap_header
from racegui.io.replay_file import csv_prefill
from racegui.ui.csv_dialog import CsvOpenDialog

MILE = 1609.344
CASES = {
    # 409.34 m in 1:05.20 among laps of 1:04: a mile (300 m would be far slower).
    "mile in 4": ("Lap,Lap Time\n1,1:05.20\n2,1:03.90\n3,1:04.10\n4,1:02.80\n", MILE),
    # 300 m in 51.80 among laps of 1:09: 1500 m.
    "1500": ("Lap,Lap Time\n1,51.80\n2,1:09.20\n3,1:10.10\n4,1:07.40\n", 1500.0),
    # Times from the start, as many apps give: the same.
    "1500 totals": ("Lap,Total Time\n1,51.80\n2,2:01.00\n3,3:11.10\n4,4:18.50\n", 1500.0),
    # A 1500 m's part lap typed last: 1500 m, whose reading says so (not a mile read silently).
    "1500 swapped": ("Lap,Lap Time\n1,1:02.3\n2,1:04.1\n3,1:03.8\n4,46.9\n", 1500.0),
    # 5 laps: the mile's 9.34 m on its own, or 2000 m.
    "mile in 5": ("Lap,Lap Time\n1,1.49\n2,1:03.71\n3,1:03.90\n4,1:04.10\n5,1:02.80\n", MILE),
    "2000": ("Lap,Lap Time\n1,1:10\n2,1:11\n3,1:12\n4,1:11\n5,1:08\n", 2000.0),
    # 8 laps: 3000 m (a 200 m part lap) or two miles timed at the finish line.
    "3000": ("Lap,Lap Time\n1,32\n2,65\n3,66\n4,66\n5,66\n6,66\n7,65\n8,62\n", 3000.0),
    "2 miles in 8": ("Lap,Lap Time\n1,68\n2,65\n3,66\n4,66\n5,66\n6,66\n7,65\n8,62\n", 2 * MILE),
    # 2 laps fit only 800 m; a bad time cannot tell, so 4 laps start at 1500 m as before.
    "800": ("Lap,Lap Time\n1,60\n2,62\n", 800.0),
    "unreadable": ("Lap,Lap Time\n1,1:0x\n2,1:04\n3,1:04\n4,1:02\n", 1500.0),
    # 1 lap fits no standard race.
    "1 lap": ("Lap,Lap Time\n1,60\n", None),
}


@pytest.mark.parametrize("case", CASES)
def test_the_distance_the_laps_fit_best(case):
    text, expected = CASES[case]
    assert best_distance(text, find_lap_header(text)) == expected


@pytest.mark.parametrize("case", ["mile in 4", "1500", "mile in 5", "2 miles in 8"])
def test_the_dialog_starts_at_it_and_reads_the_file_so(qtbot, tmp_path, case):
    text, expected = CASES[case]
    path = tmp_path / "laps.csv"
    path.write_text(text, encoding="utf-8")
    dialog = CsvOpenDialog(path, csv_prefill(path))
    qtbot.addWidget(dialog)
    assert dialog.distance.text() == {MILE: "1 mile", 2 * MILE: "2 miles"}.get(
        expected, f"{expected:g} m"
    )
    assert dialog.problem.text() == ""
    dialog.accept()
    assert dialog.replay is not None and dialog.replay.race.distance_m == pytest.approx(expected)


@pytest.mark.parametrize(
    ("case", "preferred", "expected"),
    [
        ("mile in 4", MILE, MILE),
        ("1500", MILE, 1500.0),  # its pace says 1500 m, not the race it is compared with
        ("800", MILE, MILE),  # 2 laps do not fit a mile: the dialog says so
        ("unreadable", MILE, MILE),
        ("1 lap", 400.0, 400.0),
    ],
)
def test_a_preferred_distance_is_taken_unless_the_pace_says_another(case, preferred, expected):
    text = CASES[case][0]
    assert best_distance(text, find_lap_header(text), preferred) == expected


def test_a_1600_m_preferred_beats_a_mile_within_the_margin():
    """Even laps of a 1600 m fit a mile timed at the finish line within 2 %: 1600 m stays."""
    text = "Lap,Lap Time\n1,1:04.0\n2,1:04.2\n3,1:03.8\n4,1:03.0\n"
    assert best_distance(text, find_lap_header(text), 1600.0) == 1600.0
    assert best_distance(text, find_lap_header(text)) == MILE
