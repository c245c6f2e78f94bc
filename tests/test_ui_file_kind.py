"""The window opens a file for what it holds, as the verbs read it (tester R6: Excel's "Text
(Tab delimited)" .txt opened in the window said "line 1, column 1: not valid JSON")."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QMessageBox

from racegui.ui.main_window import FILE_FILTER
from racegui.ui.ui_paths import demo_path
from tests.helpers_csv_dialog import answered_dialogs
from tests.test_cli_file_kind import COMMAS, TABS


def _messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    return shown


def test_tab_separated_text_opens_through_the_csv_dialog(window, monkeypatch, tmp_path):
    shown = _messages(monkeypatch)
    dialogs = answered_dialogs(monkeypatch)
    path = tmp_path / "tabs.txt"
    path.write_text(TABS, encoding="utf-8")
    assert window.open_path(path)
    assert shown == [] and len(dialogs) == 1
    assert window.path == path and window.replay.race.title == "tabs"
    assert window.replay.race.distance_m == 1609.34


def test_csv_text_named_json_opens_as_splits(window, monkeypatch, tmp_path):
    shown = _messages(monkeypatch)
    dialogs = answered_dialogs(monkeypatch)
    path = tmp_path / "data.json"
    path.write_text(COMMAS, encoding="utf-8")
    assert window.open_path(path)
    assert shown == [] and len(dialogs) == 1
    assert [a.id for a in window.replay.race.athletes] == ["Anna"]


def test_a_race_file_named_txt_opens_without_the_csv_dialog(window, monkeypatch, tmp_path):
    shown = _messages(monkeypatch)
    dialogs = answered_dialogs(monkeypatch)
    path = tmp_path / "race.txt"
    shutil.copy(demo_path(), path)
    assert window.open_path(path)
    assert shown == [] and dialogs == []
    assert window.path == path and len(window.replay.race.athletes) > 1


def test_the_open_dialog_and_a_drop_take_txt_and_tsv(window, tmp_path):
    for name, taken in (("tabs.txt", True), ("tabs.TSV", True), ("clip.mp4", False)):
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(tmp_path / name))])
        event = QDragEnterEvent(
            QPoint(5, 5),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dragEnterEvent(event)
        assert event.isAccepted() == taken, name
    assert "*.txt" in FILE_FILTER.split(";;")[0] and "*.tsv" in FILE_FILTER.split(";;")[0]
