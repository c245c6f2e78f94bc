"""Keyboard use of the dialogs: focus starts on the first field and Tab goes down the
fields, top to bottom, then to the buttons (a keyboard user's review: the splits CSV
dialog started on Target time, so Tab went Title, Runner's name, OK, Cancel and only then
Race distance)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox, QWidget

from racegui.export.dialog import ExportDialog
from racegui.io.replay_file import csv_prefill
from racegui.ui.csv_dialog import CsvOpenDialog
from racegui.ui.goto_time import GoToTimeDialog
from racegui.ui.help_dialog import HelpDialog
from racegui.ui.loading import load_replay
from racegui.ui.ui_paths import demo_path

LAPS = "Lap,Lap Time,Total Time\n1,1:02.30,1:02.30\n2,1:04.10,2:06.40\n3,1:03.80,3:10.20\n"
LAPS += "4,0:59.90,4:10.10\n"
ATHLETES = "athlete,distance_m,time\nAnna Lind,400,68.5\nAnna Lind,800,2:18.0\n"


def _tab_walk(qtbot, dialog: QDialog, stops: int) -> list[QWidget]:
    """The widget with focus when the dialog opens, then after each of `stops` Tabs."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    seen = [dialog.focusWidget()]
    for _ in range(stops):
        dialog.focusNextChild()  # what Tab does
        seen.append(dialog.focusWidget())
    return seen


def _csv_dialog(qtbot, tmp_path: Path, text: str) -> CsvOpenDialog:
    path = tmp_path / "laps.csv"
    path.write_text(text, encoding="utf-8")
    dialog = CsvOpenDialog(path, csv_prefill(path))
    qtbot.addWidget(dialog)
    return dialog


def _buttons(box: QDialogButtonBox) -> list[QWidget]:
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    return [ok, box.button(QDialogButtonBox.StandardButton.Cancel)]


def test_a_lap_csv_s_dialog_starts_on_the_distance_and_tabs_down(qtbot, tmp_path):
    dialog = _csv_dialog(qtbot, tmp_path, LAPS)
    assert dialog.distance.text() == "1 mile"  # prefilled: focus still starts there
    fields = [dialog.distance, dialog.target, dialog.title, dialog.name]
    order = fields + _buttons(dialog.buttons)
    assert _tab_walk(qtbot, dialog, len(order)) == order + [dialog.distance]


def test_an_athlete_csv_s_dialog_tabs_down_its_three_fields(qtbot, tmp_path):
    dialog = _csv_dialog(qtbot, tmp_path, ATHLETES)
    order = [dialog.distance, dialog.target, dialog.title, *_buttons(dialog.buttons)]
    assert _tab_walk(qtbot, dialog, len(order)) == order + [dialog.distance]


def test_go_to_time_tabs_from_the_time_to_ok_and_cancel(qtbot):
    dialog = GoToTimeDialog(181.84, 250.57)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    order = [dialog.edit, *_buttons(box)]
    assert _tab_walk(qtbot, dialog, len(order)) == order + [dialog.edit]


def test_the_export_dialog_tabs_top_to_bottom(qtbot, tmp_path):
    dialog = ExportDialog(load_replay(demo_path()), start_dir=tmp_path)
    qtbot.addWidget(dialog)
    browse = [b for b in dialog.findChildren(QWidget) if getattr(b, "text", None)]
    browse = next(b for b in browse if b.text().startswith("Browse"))
    order = [
        dialog.path_edit,
        browse,
        dialog.format_combo,
        dialog.size_combo,
        dialog.fps_spin,
        dialog.speed_combo,
        dialog.from_edit,
        dialog.to_edit,
        dialog.whole_button,
        dialog.panel_check,
        dialog.splits_combo,
        dialog.theme_combo,
        dialog.presentation_check,
        dialog.title_spin,
        dialog.end_spin,
        dialog.export_button,
        dialog.cancel_button,
    ]
    seen = _tab_walk(qtbot, dialog, len(order))
    # a spin box's focus is on its line edit inside it
    seen = [w.parentWidget() if w.parentWidget() in order else w for w in seen]
    assert seen == order + [dialog.path_edit]


def test_the_help_s_one_stop_is_close(qtbot):
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert _tab_walk(qtbot, dialog, 1) == [close, close]


def test_enter_after_tabbing_past_the_end_time_exports_it(qtbot, tmp_path, monkeypatch):
    """Typing an end time, Tab, then Enter had pressed "Whole race" (it had the focus ring)
    and reset the span, dropping the time typed (GUI review): Enter exports, with it."""
    dialog = ExportDialog(load_replay(demo_path()), start_dir=tmp_path)
    qtbot.addWidget(dialog)
    run: list = []
    monkeypatch.setattr(dialog, "run_export", run.append)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.to_edit.setFocus()
    dialog.to_edit.selectAll()
    qtbot.keyClicks(dialog.to_edit, "2:00.00")
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.whole_button
    assert dialog.export_button.isDefault()  # not Browse, which would open its file dialog
    qtbot.keyClick(dialog.whole_button, Qt.Key.Key_Return)
    assert dialog.to_edit.text() == "2:00.00"
    assert said == []
    assert [options.to_s for options in run] == [120.0]
