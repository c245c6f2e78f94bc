"""File > Export starts from where the presenter is and what they used last, and its result
line goes once the options change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer

from racegui.export.dialog import ExportDialog
from racegui.export.window_export import install_export, open_export_dialog
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.settings import AppSettings


@pytest.fixture(scope="module")
def replay():
    return compile_race(read_race(demo_race_path()))


def _short_clip(dlg: ExportDialog, path) -> None:
    dlg.size_combo.setCurrentIndex(1)  # 1280 x 720
    dlg.fps_spin.setValue(5)
    dlg.from_edit.setText("1:00")
    dlg.to_edit.setText("1:01")
    dlg.path_edit.setText(str(path))


def test_a_still_is_taken_where_the_window_is(window, qtbot, tmp_path):
    """Seeked to 2:16, the dialog still said 0:00.00, so a PNG showed the start."""
    install_export(window)
    window.clock.seek(136.0)
    dlg = open_export_dialog(window)
    qtbot.addWidget(dlg)
    # a video from there too, paused mid-race (R10: test_export_dialog_paused)
    assert (dlg.from_edit.text(), dlg.to_edit.text()) == ("2:16.00", "4:06.42")
    dlg.path_edit.setText(str(tmp_path / "still.png"))
    assert dlg.from_edit.text() == "2:16.00" and dlg.options().from_s == 136.0
    dlg.path_edit.setText(str(tmp_path / "clip.mp4"))
    assert dlg.from_edit.text() == "2:16.00"
    dlg.from_edit.setText("1:00")  # the user's own time is kept for a still
    dlg.path_edit.setText(str(tmp_path / "still.png"))
    assert dlg.options().from_s == 60.0
    dlg.close()


def test_the_dialog_starts_with_the_last_type_and_cards_and_the_window_s_theme(
    replay, qtbot, tmp_path
):
    """Only the folder was remembered: cards went back to none, and a presenter re-ticked
    "Big type for a projector or a slide" for every export. The theme is not remembered
    across sessions: it is the window's (the last export's had overridden it, and a user who
    switched the window to light got a dark export)."""
    ini = str(tmp_path / "s.ini")
    settings = AppSettings(QSettings(ini, QSettings.Format.IniFormat))
    first = ExportDialog(replay, start_dir=tmp_path, settings=settings)
    qtbot.addWidget(first)
    _short_clip(first, tmp_path / "clip.mp4")
    first.theme_combo.setCurrentText("light")
    first.title_spin.setValue(3.0)
    first.end_spin.setValue(2.5)
    assert not first.presentation_check.isChecked()  # off at first
    first.presentation_check.setChecked(True)
    assert first.run_export(first.options()) is not None
    settings.sync()
    again = ExportDialog(replay, start_dir=tmp_path, settings=settings, theme="dark")
    qtbot.addWidget(again)
    assert again.options().theme == "dark" and again.options().presentation
    assert (again.title_spin.value(), again.end_spin.value()) == (3.0, 2.5)
    later = AppSettings(QSettings(ini, QSettings.Format.IniFormat))  # the next session
    assert later.export_presentation
    assert (later.export_title_card_s, later.export_end_card_s) == (3.0, 2.5)
    assert not later.store.contains("export/theme")


def test_a_result_line_goes_when_the_options_change(replay, qtbot, tmp_path):
    """'Cancelled: nothing was written.' stayed on screen beside a new problem."""
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    _short_clip(dlg, tmp_path / "clip.mp4")
    dlg.to_edit.setText("1:30")
    QTimer.singleShot(0, dlg.cancel_button.click)  # heard while the export pumps events
    dlg.export_button.click()
    assert dlg.status.text() == "Cancelled: nothing was written." and dlg.status.isVisibleTo(dlg)
    dlg.to_edit.setText("9:99")
    assert dlg.status.text() == "" and not dlg.status.isVisibleTo(dlg)
    assert "Race time" in dlg.check_label.text() and not dlg.progress.isVisibleTo(dlg)
    dlg.to_edit.setText("1:01")
    assert dlg.run_export(dlg.options()).startswith("Wrote")
    assert dlg.cancel_button.text() == "Close"
    dlg.theme_combo.setCurrentText("light")  # the file written was dark
    assert dlg.status.text() == "" and dlg.cancel_button.text() == "Cancel"


@pytest.mark.parametrize("untick", [False, True])
def test_big_type_ticked_for_presentation_mode_is_not_remembered(replay, qtbot, tmp_path, untick):
    """Big type ticked because the window presented is not the user's choice: the next
    dialog outside presentation mode had started with it (noticed last stop). Unticked
    there, it is the user's choice, and remembered."""
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.export_presentation = untick  # the last export's, before presenting
    first = ExportDialog(replay, start_dir=tmp_path, settings=settings, presenting=True)
    qtbot.addWidget(first)
    assert first.presentation_check.isChecked()
    if untick:
        first.presentation_check.setChecked(False)
    first.path_edit.setText(str(tmp_path / "still.png"))
    assert first.run_export(first.options()) is not None
    again = ExportDialog(replay, start_dir=tmp_path, settings=settings)
    qtbot.addWidget(again)
    assert not again.presentation_check.isChecked()
    assert settings.export_presentation is False


def test_the_dialog_reopens_as_the_last_export_of_the_race(window, qtbot, tmp_path):
    """Reopened, the dialog had gone back to a whole-race 1080p MP4, and Return started
    7,394 frames (keyboard user's review): it starts as the last export of the same race,
    and as new for another race."""
    install_export(window)
    first = open_export_dialog(window)
    qtbot.addWidget(first)
    first.path_edit.setText(str(tmp_path / "clip.gif"))
    first.size_combo.setCurrentIndex(1)  # 1280 x 720
    first.fps_spin.setValue(10)
    first.speed_combo.setCurrentIndex(first.speed_combo.findData(2.0))
    first.from_edit.setText("3:00")
    first.to_edit.setText("3:02")
    assert first.run_export(first.options()) is not None
    first.close()

    again = open_export_dialog(window)
    qtbot.addWidget(again)
    options = again.options()
    assert options.output == tmp_path / "clip.gif" and options.format == "gif"
    assert (options.size, options.fps, options.speed) == ((1280, 720), 10, 2.0)
    assert (options.from_s, options.to_s) == (180.0, 182.0)
    assert not options.panel  # a GIF's proposal, kept
    again.path_edit.setText(str(tmp_path / "clip.mp4"))  # the user's size and rate stay
    assert (again.options().size, again.options().fps) == ((1280, 720), 10)
    assert again.options().panel  # an MP4's proposal: the panel was not the user's choice
    again.close()

    assert window.open_path(demo_race_path().with_name("kipyegon-wr-2023.json"))
    other = open_export_dialog(window)
    qtbot.addWidget(other)
    options = other.options()
    assert options.format == "mp4" and options.size == (1920, 1080) and options.fps == 30
    assert options.from_s == 0.0 and options.to_s == window.replay.race_end_s
    other.close()
