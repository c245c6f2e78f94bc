"""A wide sheet whose Result column follows split columns that do not say the race distance
(400, 800, 1200 m: a mile, or a 1600 m) asks for it in the window's CSV dialog: the window
had shown only the command line's "give it (--distance)", with nowhere to give it (K26)."""

from __future__ import annotations

import pytest

from racegui.io.errors import DistanceNeeded
from racegui.io.replay_file import csv_prefill
from racegui.io.splits_csv import read_splits_csv
from racegui.ui.csv_dialog import CsvOpenDialog

MILE = 1609.344
SHEET = (
    "Club mile, 12 May\n"
    "Athlete,400,800,1200,Result\n"
    "Ann Lee,61.0,2:03.0,3:05.0,4:10.2\n"
    "Bea Kim,62.0,2:04.0,3:06.0,4:12.9\n"
)


@pytest.fixture
def sheet(tmp_path):
    path = tmp_path / "club.csv"
    path.write_text(SHEET, encoding="utf-8")
    return path


def test_the_reader_says_the_distance_is_wanting(sheet):
    with pytest.raises(DistanceNeeded) as caught:
        read_splits_csv(sheet)
    assert caught.value.header_line == 2
    assert "give it (--distance)" in str(caught.value)


def test_the_dialog_asks_for_the_distance_and_reads_the_sheet_at_it(qtbot, sheet):
    prefill = csv_prefill(sheet)
    assert (prefill.laps, prefill.distance_m, prefill.title) == (None, None, "Club mile, 12 May")
    dialog = CsvOpenDialog(sheet, prefill)
    qtbot.addWidget(dialog)
    assert dialog.distance.text() == ""
    dialog.distance.setText("1 mile")
    dialog.accept()
    assert dialog.replay is not None
    assert dialog.replay.race.distance_m == pytest.approx(MILE)
    assert [a.name for a in dialog.replay.race.athletes] == ["Ann Lee", "Bea Kim"]


def test_compared_with_a_mile_it_proposes_the_mile(sheet):
    assert csv_prefill(sheet, MILE).distance_m == MILE
