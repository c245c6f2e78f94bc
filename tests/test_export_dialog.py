"""File > Export: the dialog runs an export with progress, and Cancel leaves nothing behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import av
import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from racegui.export import dialog_run as dialog_module
from racegui.export import mp4_writer
from racegui.export.dialog import ExportDialog
from racegui.export.export_folder import default_folder
from racegui.export.file_naming import file_stem
from racegui.export.window_export import install_export, open_export_dialog
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.model.timefmt import clock_text
from racegui.resources_path import demo_race_path
from racegui.ui.track_view import TrackView
from tests.helpers_export import fill_disk_under_mp4
from tests.helpers_race import minimal_data, write_json


@pytest.fixture(scope="module")
def replay():
    return compile_race(read_race(demo_race_path()))


@pytest.fixture
def dialog(qtbot, replay, tmp_path):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.size_combo.setCurrentIndex(1)  # 1280 x 720
    dlg.fps_spin.setValue(10)
    dlg.from_edit.setText("1:00")
    dlg.to_edit.setText("1:02")
    return dlg


def test_defaults_cover_the_whole_race(replay, tmp_path, qtbot):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    options = dlg.options()
    assert options.size == (1920, 1080) and options.fps == 30 and options.speed == 1.0
    assert options.from_s == 0 and options.to_s == pytest.approx(246.42, abs=0.005)
    assert options.output.parent == tmp_path and options.output.suffix == ".mp4"


def test_export_button_writes_the_file_and_reports(dialog, tmp_path, qtbot):
    out = tmp_path / "clip.mp4"
    dialog.path_edit.setText(str(out))
    with qtbot.waitSignal(dialog.export_finished, timeout=60_000) as blocker:
        dialog.export_button.click()
    assert "21 frames" in blocker.args[0]
    assert dialog.progress.value() == dialog.progress.maximum() == 21
    with av.open(str(out)) as container:
        assert container.streams.video[0].frames == 21
    assert not dialog.running and dialog.export_button.isEnabled()
    assert dialog.cancel_button.text() == "Close"
    assert not dialog.progress.isHidden() and not dialog.status.isHidden()


def test_cancel_removes_the_temporary_file_and_keeps_the_old_one(dialog, tmp_path, monkeypatch):
    out = tmp_path / "clip.mp4"
    out.write_bytes(b"old")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.to_edit.setText("1:30")
    QTimer.singleShot(0, dialog.cancel_button.click)  # heard while the export pumps events
    dialog.export_button.click()
    assert "Cancelled" in dialog.status.text()
    assert dialog.progress.value() == 0 and dialog.cancel_button.text() == "Cancel"
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mp4"]
    assert dialog.isEnabled() and not dialog.running


def test_bad_options_are_shown_next_to_them_before_export(dialog, tmp_path):
    dialog.path_edit.setText(str(tmp_path / "clip.mp4"))
    assert dialog.problem() is None and dialog.export_button.isEnabled()
    assert dialog.check_label.text() == "21 frames: 0:02.1 of video at 10 fps."
    dialog.from_edit.setText("2:00")
    dialog.to_edit.setText("1:00")
    assert "not before its end" in dialog.check_label.text()
    assert not dialog.export_button.isEnabled()
    dialog.from_edit.setText("soon")
    assert "not a time" in dialog.check_label.text()
    dialog.from_edit.setText("0")
    dialog.to_edit.setText("9:00")
    assert "replay ends" in dialog.check_label.text()
    dialog.to_edit.setText("1:00")
    dialog.path_edit.setText(str(tmp_path / "clip.avi"))
    assert ".avi" in dialog.check_label.text() and not dialog.export_button.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "clip.mp4"))
    assert "601 frames" in dialog.check_label.text() and dialog.export_button.isEnabled()
    assert list(tmp_path.iterdir()) == []


def test_options_gone_bad_since_the_check_are_refused_with_one_message(
    dialog, tmp_path, monkeypatch
):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    folder = tmp_path / "talk"
    folder.mkdir()
    dialog.path_edit.setText(str(folder / "clip.mp4"))
    assert dialog.export_button.isEnabled()
    folder.rmdir()
    dialog.export_button.click()
    assert len(shown) == 1 and "does not exist" in shown[0]
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_shows_why_and_keeps_the_old_file(dialog, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    fill_disk_under_mp4(monkeypatch)
    out = tmp_path / "clip.mp4"
    out.write_bytes(b"old")
    dialog.path_edit.setText(str(out))
    dialog.export_button.click()
    assert shown == [f"Could not write {out}: No space left on device"]
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mp4"]
    assert "nothing was written" in dialog.status.text()
    assert dialog.export_button.isEnabled() and not dialog.running

    def refused(dest, suffix=".part"):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), f"{dest}.1a2b.part")

    monkeypatch.setattr(mp4_writer, "reserve_temp_path", refused)
    dialog.export_button.click()
    assert shown[1] == f"Could not write {out}: Permission denied"


def test_window_gets_an_export_action(qtbot, tmp_path):
    from racegui.ui.app import ensure_app
    from racegui.ui.loading import load_replay
    from racegui.ui.main_window import MainWindow
    from racegui.ui.settings import AppSettings
    from racegui.ui.ui_paths import demo_path

    ensure_app()
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(load_replay(demo_path()), settings, theme="light")
    qtbot.addWidget(window)
    assert not window.actions["export"].isEnabled()
    install_export(window)
    assert window.actions["export"].isEnabled()
    dlg = open_export_dialog(window)
    qtbot.addWidget(dlg)
    assert dlg.replay is window.replay
    assert dlg.theme_combo.currentText() == "light"
    assert Path(dlg.path_edit.text()).suffix == ".mp4"
    dlg.close()


def test_the_dialog_starts_with_the_window_splits_table_and_names_its_ghost(window, qtbot):
    """What the window shows is what the export starts from: its 200 m table, and the
    compared race, which the video will show too (the dialog says so)."""
    from racegui.ui.loading import load_replay
    from racegui.ui.panel.splits_table import SPLITS
    from racegui.ui.ui_paths import demo_path

    install_export(window)
    plain = open_export_dialog(window)
    qtbot.addWidget(plain)
    assert plain.splits_combo.currentData() == "laps" and plain.ghost_label is None
    assert plain.splits_combo.findData("compare") == -1  # no comparison, no such table
    plain.close()
    window.set_compare(load_replay(demo_path().parent / "kipyegon-wr-2023.json"))
    window.scene.panel.splits.set_mode(SPLITS)  # the 200 m tab, chosen while compared
    dlg = open_export_dialog(window)
    qtbot.addWidget(dlg)
    assert dlg.options().splits == "200m"
    assert dlg.ghost_label.text() == "Kipyegon 2023 (4:07.64), as in the window"
    dlg.close()


def test_save_as_shows_the_whole_default_path(qtbot, replay):
    deep = Path("/home/coach/Talks/2026-clinic")
    dlg = ExportDialog(replay, start_dir=deep)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    edit = dlg.path_edit
    text = edit.text()
    assert text.startswith(str(deep))
    assert edit.fontMetrics().horizontalAdvance(text) < edit.contentsRect().width()
    assert edit.toolTip() == text


def test_a_gui_export_leaves_the_window_layout_as_it_was(window, qtbot, tmp_path):
    """The finished export is reported in the dialog; no status-bar strip takes the track's room."""
    from PySide6.QtWidgets import QStatusBar

    install_export(window)
    track_height = window.scene.height()
    dlg = open_export_dialog(window)
    qtbot.addWidget(dlg)
    dlg.size_combo.setCurrentIndex(1)  # 1280 x 720
    dlg.fps_spin.setValue(5)
    dlg.from_edit.setText("1:00")
    dlg.to_edit.setText("1:01")
    dlg.path_edit.setText(str(tmp_path / "clip.mp4"))
    with qtbot.waitSignal(dlg.export_finished, timeout=60_000) as blocker:
        dlg.export_button.click()
    shown = dlg.status.text()
    assert shown.replace("\u00a0", " ") == blocker.args[0] and "6 frames" in blocker.args[0]
    # A number is never wrapped away from its unit ("1.8" | "MB": presenter's review).
    assert "6\u00a0frames" in shown and "\u00a0MB" in shown and "5\u00a0fps" in shown
    dlg.close()
    QApplication.processEvents()  # let the window lay itself out again
    assert window.findChild(QStatusBar) is None
    assert window.scene.height() == track_height
    # The next export starts in the folder of this one (remembered in the app's settings).
    assert window.settings.export_folder == str(tmp_path)
    again = open_export_dialog(window)
    qtbot.addWidget(again)
    assert Path(again.path_edit.text()).parent == tmp_path
    again.close()


def test_the_default_name_reads_like_the_title(replay, tmp_path, qtbot):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    assert Path(dlg.path_edit.text()) == tmp_path / "breaking4-faith-kipyegons-mile.mp4"
    assert file_stem("Kipyegon\u2019s WR: 4:07.64 -- Monaco") == "kipyegons-wr-4-07-64-monaco"
    assert file_stem("?!") == "replay"


@pytest.fixture
def videos(tmp_path, monkeypatch):
    """The user's Videos folder, in tmp_path (made by the test that needs it)."""
    folder = tmp_path / "Videos"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(folder))
    return folder


def test_the_default_folder_is_never_the_shipped_demo_folder(videos, tmp_path):
    demo = demo_race_path()
    assert default_folder(None, demo) == Path.home()  # no Videos folder yet
    videos.mkdir()
    assert default_folder(None, demo) == videos
    assert default_folder(None, None) == videos
    mine = tmp_path / "races" / "mine.json"
    mine.parent.mkdir()
    assert default_folder(None, mine) == mine.parent
    assert default_folder(tmp_path / "gone", mine) == mine.parent
    assert default_folder(tmp_path, mine) == tmp_path


def test_the_window_dialog_starts_where_the_last_export_went(window, qtbot, videos, tmp_path):
    videos.mkdir()
    install_export(window)
    window.open_path(demo_race_path())
    dlg = open_export_dialog(window)
    qtbot.addWidget(dlg)
    assert Path(dlg.path_edit.text()).parent == videos
    out = tmp_path / "talks" / "clip.mp4"
    out.parent.mkdir()
    dlg.size_combo.setCurrentIndex(1)  # 1280 x 720
    dlg.fps_spin.setValue(5)
    dlg.from_edit.setText("1:00")
    dlg.to_edit.setText("1:01")
    dlg.path_edit.setText(str(out))
    with qtbot.waitSignal(dlg.export_finished, timeout=60_000):
        dlg.export_button.click()
    dlg.close()
    again = open_export_dialog(window)
    qtbot.addWidget(again)
    assert Path(again.path_edit.text()).parent == out.parent
    again.close()


def _current(dlg: ExportDialog) -> tuple[str, tuple[int, int], int]:
    return dlg.format_combo.currentText(), tuple(dlg.size_combo.currentData()), dlg.fps_spin.value()


def test_switching_to_gif_proposes_gif_settings(replay, tmp_path, qtbot):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    assert _current(dlg) == ("MP4 video", (1920, 1080), 30)
    dlg.path_edit.setText(str(tmp_path / "clip.gif"))
    assert _current(dlg) == ("Animated GIF", (640, 360), 15)
    assert not dlg.panel_check.isChecked()  # its text would be 3 to 4 px tall at 360p
    qtbot.keyClick(dlg.format_combo, Qt.Key.Key_Down)  # the user picks "PNG image"
    assert dlg.path_edit.text() == str(tmp_path / "clip.png")
    assert _current(dlg) == ("PNG image", (1920, 1080), 30)
    assert dlg.panel_check.isChecked()
    qtbot.keyClick(dlg.format_combo, Qt.Key.Key_Up)
    assert dlg.path_edit.text() == str(tmp_path / "clip.gif")
    assert _current(dlg) == ("Animated GIF", (640, 360), 15)


def test_a_size_or_rate_the_user_chose_is_kept_for_gif(replay, tmp_path, qtbot):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.fps_spin.setValue(24)
    dlg.panel_check.setChecked(False)
    dlg.panel_check.setChecked(True)  # the user wants the panel, even in a GIF
    dlg.path_edit.setText(str(tmp_path / "clip.gif"))
    assert _current(dlg) == ("Animated GIF", (640, 360), 24)
    assert dlg.panel_check.isChecked()
    dlg.size_combo.setCurrentIndex(1)  # 1280 x 720
    dlg.path_edit.setText(str(tmp_path / "clip.mp4"))
    assert _current(dlg) == ("MP4 video", (1280, 720), 24)


def test_the_gif_budget_is_shown_live(replay, tmp_path, qtbot):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "clip.gif"))
    assert "too long" in dlg.check_label.text()  # the whole race at 15 fps
    assert not dlg.export_button.isEnabled()
    dlg.speed_combo.setCurrentIndex(2)  # 4x faster
    assert dlg.problem() is None and dlg.export_button.isEnabled()
    dlg.speed_combo.setCurrentIndex(0)
    dlg.from_edit.setText("1:00")
    dlg.to_edit.setText("1:10")
    dlg.size_combo.setCurrentIndex(0)  # 1920 x 1080
    dlg.fps_spin.setValue(30)
    assert "A 1920x1080 GIF of 301 frames is too big" in dlg.check_label.text()
    assert not dlg.export_button.isEnabled()
    dlg.size_combo.setCurrentIndex(dlg.size_combo.count() - 1)  # 640 x 360
    assert dlg.check_label.text() == "301 frames: 0:10.0 of video at 30 fps."
    assert dlg.problem() is None and dlg.export_button.isEnabled()


def test_the_options_a_format_changes_are_said_until_the_user_changes_one(replay, tmp_path, qtbot):
    """Typing .gif changed the size, rate and panel without a word (presenter's review)."""
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.from_edit.setText("3:00")
    dlg.to_edit.setText("3:05")
    assert not dlg.check_label.text().startswith("Set for")
    dlg.path_edit.setText(str(tmp_path / "talk.gif"))
    size = " ".join(dlg.size_combo.currentText().split())
    note = f"Set for a GIF: size {size}, 15 fps, no side panel (yours to change)."
    assert "360" in size and dlg.check_label.text().startswith(note + "\n")
    dlg.fps_spin.setValue(12)  # the user's own choice: the note has done its work
    assert not dlg.check_label.text().startswith("Set for")
    dlg.path_edit.setText(str(tmp_path / "talk.mp4"))  # fps stays the user's 12
    assert dlg.check_label.text().startswith("Set for an MP4: size 1920")
    assert "fps" not in dlg.check_label.text().splitlines()[0]
    fresh = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(fresh)
    fresh.path_edit.setText(str(tmp_path / "talk.gif"))
    fresh.path_edit.setText(str(tmp_path / "still.png"))  # a still has no frame rate to tell
    assert fresh.check_label.text().startswith("Set for a PNG: size 1920")
    assert "fps" not in fresh.check_label.text().splitlines()[0]


def test_a_gif_too_long_says_the_latest_end_that_fits(replay, tmp_path, qtbot):
    """Told only 'too long' or 'too big', a presenter could not tell what would fit."""
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "clip.gif"))
    dlg.size_combo.setCurrentIndex(1)  # 1280 x 720, at most 271 frames
    dlg.from_edit.setText("3:00")
    dlg.to_edit.setText("3:30")
    assert "; from 3:00.00 it fits up to an end at 3:18.00:" in dlg.check_label.text()
    dlg.to_edit.setText("3:18")
    assert dlg.problem() is None
    dlg.to_edit.setText("3:18.07")  # one more frame at 15 fps
    assert dlg.problem() is not None


def test_browse_gives_a_name_typed_without_suffix_the_chosen_format(
    replay, tmp_path, qtbot, monkeypatch
):
    from racegui.export import dialog_form as export_dialog

    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    picked = str(tmp_path / "clip"), "Animated GIF (*.gif)"
    monkeypatch.setattr(export_dialog, "save_file_name", lambda *a, **k: picked)
    next(b for b in dlg.findChildren(QPushButton) if b.text() == "Browse…").click()
    assert dlg.path_edit.text() == str(tmp_path / "clip.gif")
    assert _current(dlg) == ("Animated GIF", (640, 360), 15)


def test_before_an_export_the_dialog_says_what_it_will_write(replay, tmp_path, qtbot):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    assert dlg.progress.isHidden() and dlg.status.isHidden()  # no "0%" bar yet
    assert (dlg.from_edit.text(), dlg.to_edit.text()) == ("0:00.00", "4:06.42")
    assert dlg.title_spin.lineEdit().text() == dlg.end_spin.lineEdit().text() == "none"
    assert dlg.check_label.text() == "7,394 frames: 4:06.5 of video at 30 fps."
    dlg.end_spin.setValue(2.0)
    assert dlg.check_label.text() == "7,454 frames: 4:08.5 of video at 30 fps."


def test_a_png_still_greys_out_what_does_not_apply(replay, tmp_path, qtbot):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.from_edit.setText("1:00")
    dlg.path_edit.setText(str(tmp_path / "still.png"))
    assert dlg.check_label.text() == "One picture of the race at 1:00.00."
    for widget in (dlg.fps_spin, dlg.speed_combo, dlg.to_edit, dlg.title_spin, dlg.end_spin):
        assert not widget.isEnabled()
    dlg.path_edit.setText(str(tmp_path / "race_%04d.png"))
    assert dlg.fps_spin.isEnabled() and dlg.to_edit.isEnabled()
    text = "5,594 frames (one PNG file each): 3:06.5 of video at 30 fps."
    assert dlg.check_label.text() == text


def test_picking_the_size_already_shown_keeps_it_for_gif(replay, tmp_path, qtbot):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.size_combo.activated.emit(0)  # what the combo says when 1920 x 1080 is picked again
    dlg.path_edit.setText(str(tmp_path / "clip.gif"))
    assert _current(dlg) == ("Animated GIF", (1920, 1080), 15)


def test_a_still_ignores_the_greyed_out_end_time(dialog, tmp_path):
    """The end field, disabled for a still, still blocked Export with '9:99' in it."""
    dialog.to_edit.setText("9:99")
    dialog.path_edit.setText(str(tmp_path / "still.png"))
    assert not dialog.to_edit.isEnabled()
    assert dialog.problem() is None and dialog.export_button.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "clip.mp4"))
    assert "Race time" in dialog.problem() and not dialog.export_button.isEnabled()


def test_the_end_time_as_shown_can_be_typed(qtbot, tmp_path):
    """The 1500 m demo ends at 235.7285 s, shown as 3:55.73: typing that was refused."""
    metric = compile_race(read_race(demo_race_path().with_name("example-1500m.json")))
    assert clock_text(metric.duration_s) == "3:55.73" and metric.duration_s < 235.73
    dlg = ExportDialog(metric, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.to_edit.setText("3:55.73")
    assert dlg.problem() is None
    assert dlg.options().to_s == metric.duration_s
    dlg.to_edit.setText("3:55.74")
    assert dlg.problem() == "The end time 3:55.74 is after the replay ends (3:55.73)."


def test_bad_save_as_text_is_a_message_not_a_traceback(qtbot, replay, tmp_path):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText("~nosuchuser-racegui/clip.mp4")  # expanduser raised RuntimeError
    assert dlg.problem().startswith("Save as: ") and not dlg.export_button.isEnabled()
    dlg.path_edit.setText(str(tmp_path / ("a" * 300 + ".mp4")))  # exists() raised OSError
    assert "File name too long" in dlg.problem()


def test_a_long_title_gives_a_short_default_name(qtbot, replay, tmp_path):
    """A 300-character title made a file name the file system refused: the dialog did not
    open at all."""
    from dataclasses import replace

    from racegui.export.file_naming import FILE_STEM_CHARS, file_stem

    title = "Women's 1500 m final " * 14
    stem = file_stem(title)
    assert len(stem) <= FILE_STEM_CHARS and stem.startswith("womens-1500-m-final-womens")
    assert not stem.endswith("-")
    long = replace(replay, race=replace(replay.race, title=title))
    dlg = ExportDialog(long, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    assert dlg.problem() is None


def test_one_frame_is_one_frame(dialog):
    dialog.from_edit.setText("1:00")
    dialog.to_edit.setText("1:00.01")
    assert dialog.check_label.text().startswith("1 frame: ")


def test_the_dialog_chooses_the_splits_table(dialog):
    assert dialog.options().splits == "laps"
    dialog.splits_combo.setCurrentIndex(dialog.splits_combo.findData("200m"))
    assert dialog.options().splits == "200m"
    dialog.panel_check.setChecked(False)
    assert not dialog.splits_combo.isEnabled()  # no panel, no table
    dialog.panel_check.setChecked(True)
    assert dialog.splits_combo.isEnabled()


def test_the_race_time_fields_read_like_the_window_clock_past_an_hour(qtbot, tmp_path):
    """A race over an hour ends at "62:03.40" on the window's clock; the dialog's end field
    said "1:02:03.40". It now shows the clock's text, which reads back as the same time."""
    race = minimal_data(title="A 10,000 m jog", distance_m=10000, target=None)
    del race["target"]
    race["athletes"][0]["splits"] = [
        {"distance_m": 5000, "time": "31:00.00"},
        {"distance_m": 10000, "time": "62:03.40"},
    ]
    race["athletes"][1]["dropout"] = {"distance_m": 4000}
    path = write_json(tmp_path / "long.json", race)
    long = compile_race(read_race(path))
    dlg = ExportDialog(long, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    assert dlg.to_edit.text() == "62:03.40"
    assert dlg.problem() is None and dlg.options().to_s == long.race_end_s == 3723.4


def test_the_export_scene_is_not_repainted_by_the_event_pumps(dialog, tmp_path, monkeypatch):
    """File > Export ran at half the command line's speed: each event pump that keeps the
    dialog responsive had painted the whole offscreen 1080p track once more (195 times in a
    10 s clip at 30 fps); the export draws its frames itself, with render_image."""
    painted: list[TrackView] = []
    real_paint = TrackView.paintEvent
    monkeypatch.setattr(
        TrackView, "paintEvent", lambda view, ev: painted.append(view) or real_paint(view, ev)
    )
    monkeypatch.setattr(dialog_module, "PUMP_INTERVAL_MS", 0)  # pump after every frame
    dialog.path_edit.setText(str(tmp_path / "clip.mp4"))
    assert dialog.run_export(dialog.options()) is not None
    assert painted == []


def test_a_side_panel_too_small_to_read_is_said_in_the_dialog(replay, tmp_path, qtbot):
    """The command line said a 360p clip's panel text was 3 px high; the dialog had made the
    same GIF without a word (coach's review)."""
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.from_edit.setText("1:00")
    dlg.to_edit.setText("1:10")
    dlg.size_combo.setCurrentIndex(dlg.size_combo.count() - 1)  # 640 x 360
    dlg.panel_check.setChecked(True)
    text = dlg.check_label.text()
    assert text.startswith("301 frames: 0:10.0 of video at 30 fps. ")
    assert "4 px high, too small to read" in text and "untick “Show the side panel”" in text
    assert dlg.export_button.isEnabled()  # a warning, not a problem
    dlg.panel_check.setChecked(False)
    assert dlg.check_label.text() == "301 frames: 0:10.0 of video at 30 fps."
    dlg.panel_check.setChecked(True)
    dlg.size_combo.setCurrentIndex(0)  # 1920 x 1080
    assert dlg.check_label.text() == "301 frames: 0:10.0 of video at 30 fps."
