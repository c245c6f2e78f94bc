"""Bare `racegui` opens the race file opened last (keyboard user's review: a relaunch had
shown the demo, not the race left open), unless it is a splits CSV or gone."""

from __future__ import annotations

from racegui.ui.app import last_race_file
from tests.helpers_race import two_runner_data, write_json


def test_the_race_opened_last_is_opened_again(settings, tmp_path):
    assert last_race_file(settings) is None  # a first launch: the demo
    older = write_json(tmp_path / "older.json", two_runner_data())
    last = write_json(tmp_path / "last.json", two_runner_data())
    settings.add_recent(str(older))
    settings.add_recent(str(last))
    assert last_race_file(settings) == last


def test_a_csv_or_a_file_gone_is_not_reopened(settings, tmp_path):
    csv = tmp_path / "laps.csv"
    csv.write_text("athlete,distance_m,time\nr,400,60.0\n", encoding="utf-8")
    settings.add_recent(str(csv))
    assert last_race_file(settings) is None  # its dialog would come before the window
    gone = tmp_path / "gone.json"
    settings.add_recent(str(gone))
    assert last_race_file(settings) is None


def _launched(argv, settings, monkeypatch) -> str:
    """The title of the window the racegui-app launcher opens for argv (no event loop)."""
    from PySide6.QtWidgets import QApplication

    from racegui import cli
    from racegui.ui import app as app_module
    from racegui.ui.main_window import MainWindow

    monkeypatch.setattr(app_module, "AppSettings", lambda: settings)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(cli.sys, "argv", ["racegui-app", *argv])
    monkeypatch.setattr(cli, "_can_show_dialog", lambda: True)
    titles = []
    try:
        assert cli.gui_main() == 0
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                titles.append(widget.windowTitle())
                widget.close()
                widget.deleteLater()
    (title,) = titles
    return title


def test_a_launch_opens_the_last_race_and_demo_the_demo(qapp, settings, tmp_path, monkeypatch):
    last = write_json(tmp_path / "club.json", two_runner_data(title="Club mile"))
    settings.add_recent(str(last))
    assert _launched([], settings, monkeypatch).startswith("Club mile (club.json")
    assert "Breaking4" in _launched(["--demo"], settings, monkeypatch)
