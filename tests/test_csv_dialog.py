"""Opening a splits CSV in the window asks for what it lacks: a coach's CSV had opened with
"FINISH · NO TARGET", the file's name as title and every gap "—", and a stopwatch's lap CSV
could not be opened at all. No test waits on a modal dialog: exec is replaced, or the dialog
is driven while shown (offscreen, open_csv reads without asking)."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from racegui.io.race_file import read_race
from racegui.io.replay_file import csv_prefill
from racegui.ui import app as app_module
from racegui.ui.csv_dialog import CsvOpenDialog
from racegui.ui.main_window import MainWindow
from tests.helpers_csv_dialog import answered_dialogs

LAPS = (
    "Stopwatch export\nDate,2025-05-10 17:32\n"
    "Lap,Split (mm:ss.hh),Cumulative (mm:ss.hh)\n"
    "1,00:51.80,00:51.80\n2,01:09.20,02:01.00\n3,01:10.10,03:11.10\n4,01:07.40,04:18.50\n"
)
ATHLETES = "athlete,distance_m,time\nAnna Lind,400,68.5\nAnna Lind,800,2:18.0\n"


def _csv(tmp_path, text: str, name: str = "tue-1500.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _dialog(qtbot, path: Path) -> CsvOpenDialog:
    dialog = CsvOpenDialog(path, csv_prefill(path))
    qtbot.addWidget(dialog)
    return dialog


def _ok(dialog: CsvOpenDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_a_lap_csv_s_dialog_is_prefilled_and_enter_accepts_it(qtbot, tmp_path):
    dialog = _dialog(qtbot, _csv(tmp_path, LAPS))
    assert dialog.distance.text() == "1500 m"  # the one standard race 4 laps fit
    assert dialog.laps.text() == "4 laps (a 300 m part lap, then 3 × 400 m)"
    assert (dialog.title.text(), dialog.name.text(), dialog.target.text()) == (
        "tue-1500",
        "tue-1500",
        "",
    )
    assert dialog.problem.text() == "" and _ok(dialog).isEnabled()
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    race = dialog.replay.race
    assert (race.distance_m, race.focus.name, race.target_time_s) == (1500, "tue-1500", None)


def test_a_bad_target_says_why_and_greys_ok(qtbot, tmp_path):
    dialog = _dialog(qtbot, _csv(tmp_path, LAPS))
    dialog.target.setText("4.20")
    assert dialog.problem.text() == (
        "Target: 4.20 is 4.20 seconds, faster than anyone runs 1500 m (minutes and seconds "
        "are written 4:20.00)."
    )
    assert not _ok(dialog).isEnabled()
    dialog.target.setText("4:2x")
    assert dialog.problem.text().startswith("Target: '4:2x'")
    dialog.target.setText("4:20")
    assert dialog.problem.text() == "" and _ok(dialog).isEnabled()


def test_a_distance_the_laps_do_not_fit_is_said_inline(qtbot, tmp_path):
    dialog = _dialog(qtbot, _csv(tmp_path, LAPS))
    dialog.distance.setText("2400")
    assert dialog.problem.text() == (
        "The CSV has 4 laps, but 2400 m is 6 laps of 400 m; 4 laps fit a race of more than "
        "1200 m and at most 1600 m, such as 1500 m, or 1 mile timed at the finish line each "
        "time round (its 9.34 m part lap in the first lap)."
    )
    assert not _ok(dialog).isEnabled()
    dialog.distance.setText("fifteen")
    assert dialog.problem.text().startswith("“fifteen” is not a distance")


def test_the_dialog_reads_with_distance_target_title_and_name(qtbot, tmp_path):
    dialog = _dialog(qtbot, _csv(tmp_path, LAPS))
    dialog.target.setText("4:20")
    dialog.title.setText("Tuesday 1500")
    dialog.name.setText("Mia Berg")
    dialog.accept()
    race = dialog.replay.race
    assert (race.title, race.focus.name, race.target_time_s) == ("Tuesday 1500", "Mia Berg", 260)


def test_an_athlete_csv_s_dialog_has_its_distance_and_no_name(qtbot, tmp_path):
    dialog = _dialog(qtbot, _csv(tmp_path, ATHLETES, "club.csv"))
    assert dialog.distance.text() == "800 m" and dialog.title.text() == "club"
    assert dialog.name.parentWidget() is dialog and not dialog.name.isVisibleTo(dialog)
    dialog.target.setText("2:10")
    dialog.accept()
    assert dialog.replay.race.target_time_s == 130


def test_a_problem_found_on_reading_is_shown_in_the_dialog_which_stays_open(qtbot, tmp_path):
    dialog = _dialog(qtbot, _csv(tmp_path, ATHLETES, "club.csv"))
    dialog.distance.setText("1500")  # her last split, 800 m, is short of it
    dialog.accept()
    assert dialog.replay is None and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problem.text().startswith("line 3, column 2: ")
    assert dialog.problem.text().endswith("(1500 m) given above")  # no "--distance": no flags


def test_the_window_opens_a_csv_with_what_its_dialog_is_given(window, tmp_path, monkeypatch):
    seen = answered_dialogs(monkeypatch, target="4:20", name="Mia Berg", title="Tuesday 1500")
    path = _csv(tmp_path, LAPS)
    assert window.open_path(path)
    assert [d.parent() for d in seen] == [window]  # over the window
    race = window.replay.race
    assert (race.title, race.focus.name, race.target_time_s) == ("Tuesday 1500", "Mia Berg", 260)
    assert window.windowTitle().startswith("Tuesday 1500 (tue-1500.csv)")


def test_cancel_keeps_the_race_shown(window, tmp_path, monkeypatch):
    answered_dialogs(monkeypatch, cancel=True)
    before = window.replay
    assert window.open_path(_csv(tmp_path, LAPS)) is False
    assert window.replay is before


def test_a_csv_that_cannot_be_read_says_so_without_a_dialog(window, tmp_path, monkeypatch):
    seen = answered_dialogs(monkeypatch)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert window.open_path(_csv(tmp_path, "who,where\n1,2\n")) is False
    assert seen == [] and "missing column(s)" in shown[0]


def test_offscreen_a_lap_csv_opens_as_its_dialog_starts(window, tmp_path):
    assert window.open_path(_csv(tmp_path, LAPS))  # no dialog is waited on
    assert window.replay.race.distance_m == 1500


def test_a_csv_on_the_command_line_opens_after_its_dialog(settings, tmp_path, monkeypatch):
    answered_dialogs(monkeypatch, target="4:20")
    monkeypatch.setattr(app_module, "AppSettings", lambda: settings)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: pytest.fail("a box was shown"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    try:
        path = _csv(tmp_path, LAPS)
        assert app_module.main_gui(path) == 0
        [win] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.path == path
        ]
        assert win.replay.race.target_time_s == 260
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()
                widget.deleteLater()


def test_save_as_writes_the_race_with_its_target_as_json(window, tmp_path, monkeypatch):
    answered_dialogs(monkeypatch, target="4:20")
    assert window.open_path(_csv(tmp_path, LAPS))
    assert "&Save As…" in [a.text() for a in window.menus["file"].actions()]
    assert window.save_as(str(tmp_path / "tuesday"))  # .json added
    race = read_race(tmp_path / "tuesday.json")
    assert race.target_time_s == 260 and race.distance_m == 1500
    assert window.path == tmp_path / "tuesday.json"
    assert window.settings.recent_files[0] == str((tmp_path / "tuesday.json").resolve())


def test_save_as_that_cannot_write_says_why(window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert window.save_as(str(tmp_path / "no-such-folder" / "r.json")) is False
    assert "cannot write" in shown[0]


RUNNERS = (
    "Stopwatch export\nDate,2026-05-12 18:40\nAthlete,Lap,Lap Time,Total Time\n"
    "Sam Ortiz,1,00:52.10,00:52.10\nSam Ortiz,2,01:08.40,02:00.50\n"
    "Sam Ortiz,3,01:09.20,03:09.70\nSam Ortiz,4,01:06.30,04:16.00\n"
    "Lena Brandt,1,00:53.00,00:53.00\nLena Brandt,2,01:09.10,02:02.10\n"
    "Lena Brandt,3,01:10.00,03:12.10\n"
)


def test_a_lap_csv_of_several_runners_asks_no_runner_s_name(qtbot, tmp_path):
    """A coach's stopwatch export of several runners: the dialog had passed the file's name
    as --name, which such a file refuses ("this file names its athletes in a column")."""
    dialog = _dialog(qtbot, _csv(tmp_path, RUNNERS))
    assert dialog.distance.text() == "1500 m" and dialog.name.isHidden()
    assert "holds 2 runners' laps from a stopwatch (4 laps for the finishers)" in dialog._about()
    dialog.accept()
    race = dialog.replay.race
    assert [(a.name, a.dnf) for a in race.athletes] == [("Sam Ortiz", False), ("Lena Brandt", True)]
