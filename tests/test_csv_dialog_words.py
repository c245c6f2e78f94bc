"""The window's CSV dialog speaks of its fields, not of racegui import's flags (it had said
"which --distance set" to a user who has no flags), and grows to fit what is wrong rather
than squeezing its rows together."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from racegui.io.replay_file import csv_prefill
from racegui.ui.csv_dialog import CsvOpenDialog, in_dialog_words, open_csv
from racegui.ui.loading import LoadError, error_text

ATHLETES = "athlete,distance_m,time\nAnna Lind,400,68.5\nAnna Lind,800,2:18.0\n"
LAPS = "Lap,Lap Time\n1,51.80\n2,1:09.20\n3,1:10.10\n4,1:07.40\n"


def _dialog(qtbot, tmp_path, text: str, name: str = "club.csv") -> CsvOpenDialog:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    dialog = CsvOpenDialog(path, csv_prefill(path))
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize(
    ("distance", "said"),
    [
        (
            "1500",
            "line 3, column 2: the last split (800 m) must be at the race distance "
            "(1500 m) given above",
        ),
        ("400", "line 3, column 2: 800 m is past the race distance 400 m given above"),
    ],
)
def test_a_problem_on_reading_names_the_dialog_s_field(qtbot, tmp_path, distance, said):
    dialog = _dialog(qtbot, tmp_path, ATHLETES)
    dialog.distance.setText(distance)
    dialog.accept()
    assert dialog.problem.text() == said


def test_no_text_of_the_dialog_names_a_flag(qtbot, tmp_path):
    for text, name in ((ATHLETES, "club.csv"), (LAPS, "tue.csv")):
        dialog = _dialog(qtbot, tmp_path, text, name)
        dialog.distance.setText("2400")
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        assert not any("--" in t for t in texts), texts


@pytest.mark.parametrize(
    ("cli", "dialog"),
    [
        ("--distance 2000: must be more than 0", "Race distance 2000 m: must be more than 0"),
        ("--target 4:20.00: is too slow", "Target time 4:20.00: is too slow"),
        ("--title: has U+0007", "Title: has U+0007"),
        ("--name: has U+001B", "Runner's name: has U+001B"),
        (
            "a\nline 4, column 2: 800 m is past it (set by --distance 700)",
            "a\nline 4, column 2: 800 m is past it given above",
        ),
    ],
)
def test_each_flag_a_reading_problem_may_name_is_said_as_the_field(cli, dialog):
    assert in_dialog_words(cli) == dialog


def test_the_dialog_grows_to_show_a_problem_whole(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path, LAPS, "tue.csv")
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    dialog.distance.setText("2400")  # three lines of what fits
    assert dialog.problem.text().startswith("The CSV has 4 laps")
    assert dialog.height() > before
    assert dialog.height() >= dialog.heightForWidth(dialog.width())
    for edit in (dialog.distance, dialog.target, dialog.title, dialog.name):
        assert edit.height() >= edit.sizeHint().height()  # no row squeezed


INFERRED = "Athlete,300,700,1100,Result\n"  # a finish the sheet does not state: 1500 m
NO_FINISHER = INFERRED + "Ann Lee,47.40,1:50.20,2:53.55,DNF\nBo Park,48.00,1:51.00,2:55.00,DNF\n"


def test_a_sheet_s_inferred_finish_is_said_without_the_flag():
    """The note on a wide sheet whose finish is inferred ended "(--distance gives
    another)", a form the dialog's table did not have (review)."""
    note = (
        "Column 5 (Result) is read as the finish times of a 1500 m race, a step of 400 m on "
        "from the last split column's 1100 m (--distance gives another)."
    )
    assert in_dialog_words(note) == note.replace("--distance gives another", "give another above")


def test_a_problem_before_the_dialog_opens_names_no_flag(qtbot, tmp_path):
    """A sheet that cannot be read before its dialog opens (no one finishes the inferred
    1500 m) was said in the window's message box with "; --distance gives another"; the
    command line (--screenshot, ask=False) keeps it."""
    path = tmp_path / "club.csv"
    path.write_text(NO_FINISHER, encoding="utf-8")
    with pytest.raises(LoadError) as window:
        open_csv(path)
    said = error_text(window.value)
    assert "--" not in said and "--" not in str(window.value)
    assert said.endswith("inferred as a step of 400 m on from the last split column's 1100 m)")
    with pytest.raises(LoadError) as command_line:
        open_csv(path, ask=False)
    assert error_text(command_line.value).endswith("1100 m; --distance gives another)")


def _about(dialog: CsvOpenDialog) -> str:
    """The text above the dialog's fields, saying what the file holds."""
    return next(label.text() for label in dialog.findChildren(QLabel) if "holds" in label.text())


@pytest.mark.parametrize(
    ("text", "whose"),
    [
        (ATHLETES, "of Anna Lind."),
        (ATHLETES.replace("Anna Lind", "Jo <Smith> & Co"), "of Jo &lt;Smith&gt; &amp; Co."),
        (ATHLETES + "Bea Holm,400,70.1\nBea Holm,800,2:21.0\n", "of its athletes."),
    ],
)
def test_the_dialog_says_whose_splits_a_file_of_one_runner_holds(qtbot, tmp_path, text, whose):
    """A file of one runner "holds the splits of its athletes" (GUI review, good.csv of Jo
    Smith's): it holds hers, by name; a file of several still holds its athletes'."""
    about = _about(_dialog(qtbot, tmp_path, text))
    assert f"club.csv</b> holds the splits {whose} Set a target time" in about
