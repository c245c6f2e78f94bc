"""A wide sheet whose Result column follows split columns that do not say the race distance
(400, 800, 1200 m: a mile, or a 1600 m) asks for it in the window's CSV dialog: the window
had shown only the command line's "give it (--distance)", with nowhere to give it (K26)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from racegui.io.errors import DistanceNeeded, RaceFileError
from racegui.io.replay_file import csv_prefill
from racegui.io.splits_csv import read_splits_csv
from racegui.ui.csv_dialog import CsvOpenDialog, in_dialog_words

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


def _ok(dialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_dialog_says_why_it_asks_and_nothing_red_before_typing(qtbot, sheet):
    """It had opened with a red 'Give the race distance.' and no word of why (review R11)."""
    dialog = CsvOpenDialog(sheet, csv_prefill(sheet))
    qtbot.addWidget(dialog)
    about = dialog._about()
    assert "does not say the distance of its Result column" in about
    assert "after split columns at 400, 800 and 1200 m, it may be 1500 m, 1 mile or longer" in (
        about.replace("\u00a0", " ")
    )
    assert "1500\u00a0m" in about and "1\u00a0mile" in about  # kept together when wrapped
    assert dialog.problem.text() == "" and not _ok(dialog)
    dialog.distance.setText("1")
    dialog.distance.setText("")  # emptied once typed in: said
    assert dialog.problem.text() == "Give the race distance." and not _ok(dialog)


@pytest.mark.parametrize("typed", ["800", "1200", "1000"])
def test_a_distance_not_beyond_the_last_split_column_is_refused_in_the_dialog(qtbot, sheet, typed):
    """800 had left OK enabled, and OK said '... give its distance: --distance)'."""
    dialog = CsvOpenDialog(sheet, csv_prefill(sheet))
    qtbot.addWidget(dialog)
    dialog.distance.setText(typed)
    assert not _ok(dialog)
    assert dialog.problem.text() == (
        "The race is longer than 1200 m: the sheet has a split column at 1200 m before its "
        "Result column, the finish."
    )
    dialog.distance.setText("1600")
    assert _ok(dialog) and dialog.problem.text() == ""


def test_the_reader_s_words_for_the_distance_name_no_option_in_the_dialog(sheet, tmp_path):
    """What the reader says of a Result column names --distance; the dialog its field."""
    texts = []
    for distance_m in (None, 800.0):
        with pytest.raises(RaceFileError) as caught:
            read_splits_csv(sheet, distance_m=distance_m)
        texts.append(str(caught.value))
    none_finished = tmp_path / "dnf.csv"
    none_finished.write_text("Athlete,300,700,1100,Result\nAnn Lee,50.0,1:55.0,DNF,DNF\n")
    with pytest.raises(RaceFileError) as caught:
        read_splits_csv(none_finished)
    texts.append(str(caught.value))
    assert all("--distance" in text for text in texts)
    assert not any("--distance" in in_dialog_words(text) for text in texts)
    assert "give its distance above)" in in_dialog_words(texts[1])


def test_compared_on_the_command_line_it_is_read_at_the_shown_race_s_distance(sheet, capsys):
    """'info demo --compare club.csv' had said 'give it (--distance)', an option that applies
    to FILE only: the compared sheet's Result column is the finish of the race it is
    compared with, as the window's dialog proposes."""
    from racegui.cli import main
    from racegui.resources_path import demo_race_path

    assert main(["info", str(demo_race_path()), "--compare", str(sheet)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    finish = [line for line in out.splitlines() if line.lstrip().startswith("finish")][-1]
    assert finish.split()[1:5] == ["1609.34", "m", "4:06.42", "4:10.2"]
