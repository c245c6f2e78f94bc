"""The replay window: runner placement, shortcuts, bad files, settings, screenshots."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage, QImageWriter, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

import racegui.ui.app as app_module
import racegui.ui.main_window as main_window
from racegui.ui.app import ensure_app, main_gui, render_window
from racegui.ui.loading import load_replay
from racegui.ui.main_window import MainWindow
from racegui.ui.settings import AppSettings
from racegui.ui.ui_paths import demo_path

T_1200 = 181.84
"""Kipyegon's published 1200 m split (s)."""


def test_runner_marker_sits_at_the_model_position(window):
    window.clock.seek(T_1200)
    replay = window.replay
    state = replay.state_at(T_1200)
    f = replay.focus
    x, y = window.scene.track.runner_item.points()
    assert x[0] == pytest.approx(state.x_m[f]) and y[0] == pytest.approx(state.y_m[f])
    track = replay.track
    assert state.distance_m[f] == pytest.approx(1200.0, abs=1e-6)
    assert x[0] == pytest.approx(track.straight_m / 2 - 9.344, abs=0.01)
    assert y[0] == pytest.approx(-36.8, abs=0.01)


def test_keyboard_shortcuts_act(window, qtbot):
    clock = window.clock
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert clock.playing
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not clock.playing
    clock.seek(10.0)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert clock.time() == pytest.approx(10.1)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert clock.time() == pytest.approx(15.1)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    times = np.array(window.event_times())
    assert clock.time() == pytest.approx(times[times > 15.1][0])
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert clock.time() == pytest.approx(times[times < 61.6][-1])
    labels = window.scene.track.labels_visible
    qtbot.keyClick(window, Qt.Key.Key_L)
    assert window.scene.track.labels_visible is not labels
    speed = clock.speed
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert clock.speed == 2 * speed
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    assert clock.speed == speed
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert clock.time() == pytest.approx(window.replay.race_end_s)


def test_end_goes_to_her_finish_then_to_the_replay_s_end(window, qtbot):
    """End had gone to 4:10.57, 4 s after the finish, the runner drawn 20 m past the line
    (presenter's review): it goes to the last finish, 4:06.42, and from there to the end."""
    clock = window.clock
    clock.seek(100.0)
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert clock.time() == pytest.approx(246.42)
    assert window.controls.time_label.text().startswith("4:06.42 /")
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert clock.time() == pytest.approx(window.replay.duration_s) and clock.time() > 250.0
    qtbot.keyClick(window, Qt.Key.Key_End)  # and stays there
    assert clock.time() == pytest.approx(window.replay.duration_s)
    clock.seek(248.0)  # past the finish, before the end
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert clock.time() == pytest.approx(window.replay.duration_s)


def test_bad_file_shows_the_error_and_keeps_the_race(window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "racegui/1", "title": ', encoding="utf-8")
    old = window.replay
    window.clock.seek(100.0)
    assert window.open_path(bad) is False
    assert window.replay is old and window.clock.time() == 100.0
    assert len(shown) == 1 and "broken.json" in shown[0] and "line" in shown[0]


def test_good_file_replaces_the_race_and_is_remembered(window, settings):
    path = demo_path("kipyegon-wr-2023.json")
    assert window.open_path(path)
    assert window.replay.race.title.startswith("Kipyegon")
    assert settings.recent_files[0] == str(path.resolve())


def test_settings_round_trip(tmp_path):
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    s = AppSettings(store)
    s.theme = "light"
    s.labels = False
    s.trails = False
    s.panel = False
    s.add_recent("/a.json")
    s.add_recent("/b.json")
    s.add_recent("/a.json")
    s.sync()
    again = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert (again.theme, again.labels, again.trails, again.panel) == ("light", False, False, False)
    assert again.recent_files == ["/a.json", "/b.json"]


def test_window_applies_and_saves_settings(qtbot, tmp_path):
    ensure_app()
    path = str(tmp_path / "w.ini")
    s = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    s.labels = False
    win = MainWindow(load_replay(demo_path()), s)
    qtbot.addWidget(win)
    assert not win.scene.track.labels_visible
    win.actions["trails"].setChecked(False)
    win.close()
    again = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    assert again.trails is False and again.geometry is not None


def test_a_new_window_plays_at_real_time_whatever_speed_the_last_one_ended_on(qtbot, tmp_path):
    """A coach's new session started at 8x because the last one had ended there."""
    ensure_app()
    path = str(tmp_path / "w.ini")
    first = MainWindow(
        load_replay(demo_path()), AppSettings(QSettings(path, QSettings.Format.IniFormat))
    )
    qtbot.addWidget(first)
    first.set_speed(8.0)
    first.close()
    second = MainWindow(
        load_replay(demo_path()), AppSettings(QSettings(path, QSettings.Format.IniFormat))
    )
    qtbot.addWidget(second)
    assert second.clock.speed == 1.0
    assert second.controls.speed_box.currentData() == 1.0


def _reopened_after(qtbot, path: str, presentation: bool) -> MainWindow:
    """A window closed at 1000x700 (in presentation mode or not), then a new one."""
    first = MainWindow(
        load_replay(demo_path()), AppSettings(QSettings(path, QSettings.Format.IniFormat))
    )
    qtbot.addWidget(first)
    first.resize(1000, 700)
    first.show()
    if presentation:
        first.set_presentation(True)
        qtbot.waitUntil(first.isFullScreen)
    first.close()
    second = MainWindow(
        load_replay(demo_path()), AppSettings(QSettings(path, QSettings.Format.IniFormat))
    )
    qtbot.addWidget(second)
    second.show()
    return second


def test_a_full_screen_geometry_saved_by_an_older_version_opens_as_a_window(qtbot, tmp_path):
    """Settings saved full screen (before the fix above) opened the window borderless full
    screen, unticked, and leaving presentation mode then shrank it to the size underneath
    (a presenter's review)."""
    ensure_app()
    path = str(tmp_path / "old.ini")
    first = MainWindow(
        load_replay(demo_path()), AppSettings(QSettings(path, QSettings.Format.IniFormat))
    )
    qtbot.addWidget(first)
    first.resize(1000, 700)
    first.show()
    first.showFullScreen()
    qtbot.waitUntil(first.isFullScreen)
    old = AppSettings(QSettings(path, QSettings.Format.IniFormat))
    old.geometry = first.saveGeometry()  # as the older version saved it on closing
    old.sync()
    first.showNormal()
    second = MainWindow(
        load_replay(demo_path()), AppSettings(QSettings(path, QSettings.Format.IniFormat))
    )
    qtbot.addWidget(second)
    second.show()
    assert not second.isFullScreen()
    assert not second.windowState() & Qt.WindowState.WindowFullScreen


def test_closing_in_presentation_mode_reopens_as_a_plain_window(qtbot, tmp_path):
    """Quitting in presentation mode had the next launch borderless full screen, with
    neither Presentation mode nor Full screen ticked (a coach's review)."""
    ensure_app()
    plain = _reopened_after(qtbot, str(tmp_path / "plain.ini"), presentation=False)
    shown = _reopened_after(qtbot, str(tmp_path / "shown.ini"), presentation=True)
    assert not shown.isFullScreen()
    assert not shown.actions["presentation"].isChecked()
    assert shown.geometry() == plain.geometry()


def test_screenshot_has_the_runner_where_the_model_puts_her(qapp, tmp_path):
    out = tmp_path / "x.png"
    assert main_gui(None, screenshot=out, time_s=100.0, size=(1280, 720)) == 0
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1280, 720)
    # Rebuild the same window to map the runner's model position to image pixels.
    replay = load_replay(demo_path())
    win = MainWindow(
        replay,
        AppSettings(QSettings(str(tmp_path / "m.ini"), QSettings.Format.IniFormat)),
        theme="dark",
    )
    ref = render_window(win, 100.0, (1280, 720))
    state = replay.state_at(100.0)
    f = replay.focus
    track = win.scene.track
    pt = track.mapTo(win, track.map_to_widget(state.x_m[f], state.y_m[f]).toPoint())
    colour = QColor(replay.athletes[f].colour)
    for image in (img, ref):
        got = image.pixelColor(pt.x(), pt.y())
        assert abs(got.red() - colour.red()) < 30, (got.name(), colour.name())
        assert abs(got.green() - colour.green()) < 30
        assert abs(got.blue() - colour.blue()) < 30
    win.close()


def test_screenshot_of_a_bad_file_fails_with_one_line(qapp, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main_gui(bad, screenshot=tmp_path / "y.png") == 2
    err = capsys.readouterr().err.strip()
    assert "bad.json" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "y.png").exists()


def test_screenshot_after_the_end_is_refused_not_clamped(qapp, tmp_path, capsys):
    assert main_gui(None, screenshot=tmp_path / "late.png", time_s=540.0) == 2
    err = capsys.readouterr().err.strip()
    assert err == "racegui: --time 9:00.00 is after the replay ends (4:10.57)"
    assert not (tmp_path / "late.png").exists()


@pytest.mark.parametrize(
    "name, magic",
    [
        ("s.jpg", b"\xff\xd8\xff"),
        ("s.JPEG", b"\xff\xd8\xff"),
        ("s.webp", b"RIFF"),
        ("s.bmp", b"BM"),
        ("s.png", b"\x89PNG"),
    ],
)
def test_a_screenshot_is_written_in_the_format_its_suffix_names(qapp, tmp_path, name, magic):
    """x.jpg, x.webp and x.bmp were PNG data under another name."""
    if name == "s.webp" and b"webp" not in [bytes(f) for f in QImageWriter.supportedImageFormats()]:
        pytest.skip("this Qt has no WebP writer")
    out = tmp_path / name
    assert main_gui(None, screenshot=out, time_s=60.0, size=(640, 360)) == 0
    data = out.read_bytes()
    assert data.startswith(magic)
    assert name != "s.webp" or data[8:12] == b"WEBP"
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (640, 360)


def test_a_jpeg_screenshot_is_saved_at_a_good_quality(qapp, tmp_path):
    from PIL import Image

    out = tmp_path / "s.jpg"
    assert main_gui(None, screenshot=out, time_s=60.0, size=(640, 360)) == 0
    luminance = Image.open(out).quantization[0]
    assert luminance[0] <= 3  # quality 90 or more; Qt's default 75 gives 8


@pytest.mark.parametrize("name", ["s.txt", "s.gif", "s.png.tmp", "shot"])
def test_a_screenshot_of_another_suffix_is_refused_before_loading(
    qapp, tmp_path, capsys, monkeypatch, name
):
    def no_load(path):
        raise AssertionError("loaded a race for a screenshot it cannot write")

    monkeypatch.setattr(app_module, "load_replay", no_load)
    out = tmp_path / name
    assert main_gui(None, screenshot=out) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(out) in err and "image type" in err
    assert ".png" in err and ".jpg" in err
    assert list(tmp_path.iterdir()) == []


def test_screenshot_long_after_the_end_reads_in_minutes_not_hours(qapp, tmp_path, capsys):
    assert main_gui(None, screenshot=tmp_path / "late.png", time_s=5940.0) == 2
    err = capsys.readouterr().err
    assert err == "racegui: --time 99:00.00 is after the replay ends (4:10.57)\n"  # not 1:39:00.00


def test_screenshot_into_a_missing_folder_says_so(qapp, tmp_path, capsys):
    out = tmp_path / "nodir" / "s.png"
    assert main_gui(None, screenshot=out) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nodir" in err and "does not exist" in err


def test_a_bad_file_at_start_is_reported_in_the_window_theme(qapp, settings, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    settings.theme = "dark"
    seen = []

    def critical(parent, title, text):
        seen.append((text, QApplication.palette().color(QPalette.ColorRole.Window)))
        # Over the window, already shown (it came only after OK: user review).
        assert isinstance(parent, MainWindow) and parent.isVisible()

    saved = QPalette(QApplication.palette())
    QApplication.setPalette(QApplication.style().standardPalette())  # as a fresh start has it
    monkeypatch.setattr(app_module, "AppSettings", lambda: settings)
    monkeypatch.setattr(app_module.QMessageBox, "critical", critical)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    try:
        assert main_gui(bad) == 0
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()
                widget.deleteLater()
        QApplication.setPalette(saved)
    ((text, window_colour),) = seen
    assert "bad.json" in text and "demo" in text
    assert window_colour.lightness() < 60  # dark, like the window that follows


def _start_app(argv, settings, monkeypatch):
    """Run the racegui-app entry point with argv (no event loop); returns the exit code and
    the texts of the message boxes it showed."""
    from racegui import cli

    shown = []
    monkeypatch.setattr(app_module, "AppSettings", lambda: settings)
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)
    monkeypatch.setattr(cli.sys, "argv", ["racegui-app", *argv])
    monkeypatch.setattr(cli, "_can_show_dialog", lambda: True)  # as on a desktop
    try:
        code = cli.gui_main()
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()
                widget.deleteLater()
    return code, shown


def test_the_app_launcher_opens_the_demo_with_a_dialog_for_a_missing_file(
    qapp, settings, tmp_path, monkeypatch
):
    """racegui-app may have no console (Windows): a missing FILE is said in a dialog over
    the demo, as a file that cannot be read is, not only on stderr with no window."""
    code, shown = _start_app([str(tmp_path / "gone.json")], settings, monkeypatch)
    assert code == 0
    (text,) = shown
    assert "gone.json" in text and "no such file" in text and "demo" in text


def test_the_app_launcher_shows_a_bad_argument_in_a_dialog(
    qapp, settings, tmp_path, monkeypatch, capsys
):
    code, shown = _start_app(["--demo", str(tmp_path / "x.json")], settings, monkeypatch)
    assert code == 2
    assert shown == ["racegui: give a FILE or --demo, not both"]
    assert capsys.readouterr().err == "racegui: give a FILE or --demo, not both\n"


def test_the_app_launcher_shows_no_box_where_none_can_be_seen(monkeypatch, capsys):
    """Under QT_QPA_PLATFORM=offscreen the box was shown unseen and waited for ever (diff
    review): there the launcher gives its line and exit 2 only."""
    from racegui import cli

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(cli.sys, "argv", ["racegui-app", "--bogus"])
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: pytest.fail("a box was shown"))
    assert cli.gui_main() == 2
    assert "--bogus" in capsys.readouterr().err


def test_the_console_command_still_refuses_a_missing_file_in_one_line(tmp_path, capsys):
    from racegui.cli import main

    assert main([str(tmp_path / "gone.json")]) == 2
    assert capsys.readouterr().err == f"{tmp_path / 'gone.json'}: no such file\n"


SHIFTED_US = {"+": "=", "?": "/", "_": "-", ":": ";", "*": "8", "!": "1", "<": ",", ">": "."}
"""Characters typed with Shift on a US keyboard, and the key that types them."""


def test_no_key_press_matches_two_shortcuts():
    """On X11 a "+" typed as Shift+= matches both "+" and "Shift+=": Qt then reports an
    ambiguous shortcut and runs neither, so one press must map to one sequence only."""
    from racegui.ui.window_actions import ACTIONS

    presses: dict[str, str] = {}
    for name, (_text, keys, _checkable) in ACTIONS.items():
        for key in keys:
            press = key
            if key in SHIFTED_US:
                press = f"Shift+{SHIFTED_US[key]}"
            assert press not in presses, f"{name} and {presses[press]} share {press}"
            presses[press] = name


def test_window_title_names_the_race_and_the_app_once(window):
    """Qt adds the display name to a title unless the title already ends with it: the title
    was "… — racegui (demo)", shown as "… — racegui (demo) — racegui"."""
    display = QApplication.applicationDisplayName()
    assert display == "racegui"
    assert window.windowTitle() == f"Breaking4: Faith Kipyegon's mile (demo) — {display}"
    window.open_path(demo_path("kipyegon-wr-2023.json"))
    assert window.windowTitle().endswith(f"(kipyegon-wr-2023.json) — {display}")
    assert window.windowTitle().count(display) == 1


def test_a_recent_file_that_has_gone_leaves_the_list(window, settings, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: None)
    race = tmp_path / "gone.json"
    race.write_text(demo_path().read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert window.open_path(race)
    settings.add_recent(str(broken))
    race.unlink()
    assert window.open_path(race) is False
    assert str(race.resolve()) not in settings.recent_files  # was kept after "no such file"
    assert window.open_path(broken) is False
    assert str(broken) in settings.recent_files  # still there to open once it is mended


def test_recent_labels_tell_files_of_the_same_name_apart():
    from racegui.ui.main_window import recent_labels

    paths = ["/a/spring/race.json", "/a/autumn/race.json", "/a/b4.json"]
    assert recent_labels(paths) == ["race.json  (spring)", "race.json  (autumn)", "b4.json"]
    # Folders of the same name: as many as it takes (the review saw two "(races)").
    paths = ["/home/a/races/race.json", "/mnt/usb/races/race.json"]
    assert recent_labels(paths) == ["race.json  (a/races)", "race.json  (usb/races)"]


def test_open_and_compare_start_in_the_last_folder(window, settings, tmp_path, monkeypatch):
    asked: list[str] = []

    def fake_dialog(parent, caption, folder, filters):
        asked.append(folder)
        return "", ""

    monkeypatch.setattr(main_window, "open_file_name", fake_dialog)
    window.actions["open"].trigger()
    folder = tmp_path / "races"
    folder.mkdir()
    race = folder / "b4.json"
    race.write_text(demo_path().read_text(encoding="utf-8"), encoding="utf-8")
    assert window.open_path(race)
    window.actions["open"].trigger()
    window.actions["compare"].trigger()
    assert asked == ["", str(folder.resolve()), str(folder.resolve())]


def test_the_help_lists_every_action_with_a_shortcut():
    """Ctrl+Shift+O (compare) and Ctrl+E (export) had shortcuts the help never mentioned."""
    from racegui.ui.help_dialog import SHORTCUTS
    from racegui.ui.window_actions import ACTIONS

    spelled = {"PgUp": "Page Up", "PgDown": "Page Down"}
    listed = set()
    for keys, _what in SHORTCUTS:
        listed.update(k.strip() for part in keys.split(" / ") for k in part.split(" or "))
    for name, (_text, keys, _checkable) in ACTIONS.items():
        if keys:
            assert spelled.get(keys[0], keys[0]) in listed, name


def test_page_down_onto_a_dropout_shows_it_happened(window):
    """PageDown stopped at Jemma Reekie's dropout (1:57.91) rounded down to the microsecond,
    and the panel still said 13 / 13 running; clicking her feed entry said 12 / 13."""
    window.resize(1440, 860)  # room for the panel beside the track
    replay = window.replay
    drop_t = float(replay.dropout_time_s[replay.index("reekie")])
    window.clock.seek(drop_t - 5.0)
    while window.clock.time() < drop_t - 1e-9:
        window.next_event()
    assert window.clock.time() == 117.91  # 1:57.91: her dropout as timed, and as info says
    assert drop_t <= window.clock.time() < drop_t + 0.01
    assert window.scene.panel.pacers.running_text() == "12 / 13"


def test_presentation_scale_follows_the_screen(window, qtbot):
    """The scale was read once, when presentation began: mirrored to a 720p projector the
    screen shrank and the panel kept its 1080p size (found in review)."""
    from racegui.ui.main_window import presentation_scale

    window.set_presentation(True)
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    assert window.scene.panel._style.presentation
    window.resize(1280, 720)  # as a screen of another size would
    qtbot.waitUntil(lambda: window.height() == 720, timeout=2000)
    assert window.scene.scale == pytest.approx(presentation_scale(1280, 720))
    window.set_presentation(False)
    assert window.scene.scale == 1.0 and not window.scene.panel._style.presentation


def test_the_first_window_fits_the_screen():
    """A 1440x860 first window ran off a 1280x720 screen, hiding the controls."""
    from PySide6.QtCore import QRect

    from racegui.ui.main_window import FIRST_SIZE_PX, first_size

    class Screen:
        def __init__(self, w: int, h: int) -> None:
            self._room = QRect(0, 0, w, h)

        def availableGeometry(self) -> QRect:  # noqa: N802
            return self._room

    assert first_size(Screen(1920, 1050)).toTuple() == FIRST_SIZE_PX
    small = first_size(Screen(1280, 690)).toTuple()
    assert small[0] <= 1280 and small[1] <= 690 and small == (1178, 635)
    assert first_size(None).toTuple() == FIRST_SIZE_PX


def test_about_names_the_version_and_the_qt_it_runs_on(window, monkeypatch):
    """A bug report needs the version: the About box gives racegui's, PySide6's and Qt's."""
    import PySide6
    from PySide6.QtCore import qVersion

    from racegui import __version__

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.actions["about"].trigger()
    (text,) = shown
    assert f"racegui {__version__}" in text
    assert f"PySide6 {PySide6.__version__}" in text and f"Qt {qVersion()}" in text


def test_recent_files_show_their_whole_path_on_hover(window, tmp_path):
    race = tmp_path / "races" / "mile.json"
    race.parent.mkdir()
    race.write_text("{}", encoding="utf-8")
    window.settings.add_recent(str(race))
    menu = window.menus["recent"]
    menu.aboutToShow.emit()
    assert menu.toolTipsVisible()
    assert menu.actions()[0].text() == "mile.json" and menu.actions()[0].toolTip() == str(race)


def test_a_portrait_window_can_be_made_landscape_again(window, qtbot):
    """A panel below a portrait track has a fixed height; it held the window at least that
    tall, so 1080x1920 resized to 1920x1080 stayed 1385 px high, and 900x1600 to 1600x900
    stayed 1097 (diff review)."""
    window.show()
    qtbot.waitExposed(window)
    for size in [(1080, 1920), (1920, 1080), (900, 1600), (1600, 900), (1080, 1350)]:
        window.resize(*size)
        QApplication.processEvents()
        assert window.size().toTuple() == size
    assert window.scene.panel.y() > window.scene.track.geometry().bottom()  # stacked again


@pytest.mark.parametrize("how", ["fullscreen", "presentation"])
def test_leaving_full_screen_restores_a_maximised_window(window, qtbot, how):
    """Esc, or full screen toggled off, made a maximised window a normal one (user review:
    1280x701 maximised came back 1178x662); Esc in a window not full screen un-maximised it."""
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=2000)
    window.actions["leave_fullscreen"].trigger()  # Esc, not full screen: no change
    assert window.isMaximized()
    window.actions[how].trigger()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    window.actions["leave_fullscreen"].trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)
    assert window.isMaximized()
    window.actions[how].trigger()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    window.actions[how].trigger()  # toggled off again
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)
    assert window.isMaximized()
    window.showNormal()
    qtbot.waitUntil(lambda: not window.isMaximized(), timeout=2000)
    window.actions[how].trigger()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    window.actions["leave_fullscreen"].trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)
    assert not window.isMaximized()


def test_a_pressed_seek_handle_holds_the_replay_still(window, qtbot):
    """Held on the seek bar while playing, the replay ran on under the pointer (1:44.26 ->
    1:51.20 in 3 s at 2x; user review). It now holds while pressed and plays on when let go;
    a paused replay stays paused."""
    from PySide6.QtCore import QPoint

    bar = window.controls.seek_bar
    y = bar.height() // 2
    x = round(bar.x_of(100.0))
    window.clock.play()
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert not window.clock.playing
    held = window.clock.time()
    assert held == pytest.approx(bar.t_of(x))
    qtbot.wait(150)
    assert window.clock.time() == held
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert window.clock.playing
    window.clock.pause()
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(x + 20, y))
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(x + 20, y))
    assert not window.clock.playing


def test_the_splits_tab_is_remembered(qtbot, settings):
    """The 200 m tab went back to Laps at every start (user review)."""
    from racegui.ui.panel.splits_table import LAPS, SPLITS

    ensure_app()
    first = MainWindow(load_replay(demo_path()), settings, theme="dark")
    qtbot.addWidget(first)
    assert first.scene.panel.splits.mode == LAPS
    first.scene.panel.splits.buttons.button(SPLITS).click()
    assert settings.splits_for(None) == "200m"
    again = MainWindow(load_replay(demo_path()), settings, theme="dark")
    qtbot.addWidget(again)
    assert again.scene.panel.splits.mode == SPLITS
    again.scene.panel.splits.buttons.button(LAPS).click()
    assert settings.splits_for(None) == "laps"


def test_a_seek_drag_ends_if_the_bar_is_hidden_under_it(window, qtbot):
    """In presentation the controls hid after 2 s with the handle held: the bar never got the
    release, and the replay stayed paused with the bar stuck mid-drag (diff review)."""
    from PySide6.QtCore import QPoint

    bar = window.controls.seek_bar
    window.clock.play()
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(200, bar.height() // 2))
    assert not window.clock.playing
    window.controls.setVisible(False)  # as the presentation's hide timer does
    assert window.clock.playing and not bar._dragging
    window.controls.setVisible(True)


def test_pressing_the_seek_handle_itself_does_not_move_the_replay(window, qtbot):
    """Pressed 6 px off its centre, the handle seeked to the pixel: +1.4 s (user review)."""
    from PySide6.QtCore import QPoint

    bar = window.controls.seek_bar
    window.clock.seek(100.0)
    window.show_time(100.0)
    x = round(bar.x_of(100.0)) + 6
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, bar.height() // 2))
    assert window.clock.time() == 100.0
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, bar.height() // 2))
    assert window.clock.time() == 100.0


def test_a_file_given_on_the_command_line_is_recent_and_its_folder_remembered(
    qtbot, settings, tmp_path
):
    """Open Recent had listed only files opened through File > Open, and the first Compare
    dialog had started in the working directory, not the race's folder (coach's review)."""
    race = tmp_path / "club" / "tue1500.json"
    race.parent.mkdir()
    race.write_bytes(demo_path().read_bytes())
    ensure_app()
    win = MainWindow(load_replay(race), settings, path=race, theme="dark")
    qtbot.addWidget(win)
    assert settings.recent_files[0] == str(race.resolve())
    assert settings.last_folder == str(race.parent.resolve())
    demo = MainWindow(load_replay(demo_path()), settings, theme="dark")  # no file: no entry
    qtbot.addWidget(demo)
    assert settings.recent_files == [str(race.resolve())]


NOTED_CSV = (
    "athlete,distance_m,time\n"
    "Ella Berg,400,68.0\nElla Berg,800,2:17.0\nElla Berg,1200,3:27.0\n"
    "Sara Lind,400,40.90\nSara Lind,800,2:17.5\nSara Lind,1200,3:27.5\nSara Lind,1500,4:20.0\n"
)


def test_a_csv_opened_in_the_window_says_what_import_would_note(window, tmp_path, monkeypatch):
    """Opened in the window, a CSV with a short athlete and a 40.90 s lap (a slip) had shown
    no word of either, where racegui import notes both (coach's review)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append((a[1], a[2])))
    path = tmp_path / "tue.csv"
    path.write_text(NOTED_CSV, encoding="utf-8")
    assert window.open_path(path)
    [(title, text)] = shown
    assert title == "Notes on tue.csv"
    lines = text.splitlines()
    assert lines[0] == "tue.csv was read as it is; check these:"
    assert lines[2].startswith("• Ella Berg stops at 1200 m") and "did not finish" in lines[2]
    assert lines[3].startswith("• Sara Lind's 400 m from 0 m to 400 m in 40.90")
    assert len(lines) == 4


def test_a_file_with_nothing_to_note_opens_without_a_word(window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    assert window.open_path(demo_path("kipyegon-wr-2023.json"))
    assert shown == []


def test_tab_stops_only_where_the_keyboard_does_something(window, qtbot):
    """Tab had cycled through four stops in the panel, three showing nothing (a new user's
    review): the pace chart, the pacers list and the panel's scroll area. The window is
    worked by its shortcuts and menus, so none of them takes focus."""
    window.show()
    qtbot.waitExposed(window)
    panel = window.scene.panel
    for widget in (panel.chart.plot, panel.pacers.feed, panel._scroll):
        assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus, type(widget).__name__
    for button in panel.splits.buttons.buttons():
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_keys_1_2_3_choose_the_splits_table_and_the_view_menu_ticks_it(window, qtbot):
    """A keyboard user could not switch the splits table (the tabs were mouse only)."""
    from racegui.ui.panel.splits_table import LAPS, SPLITS, TIMED

    window.show()
    qtbot.waitExposed(window)
    splits = window.scene.panel.splits
    qtbot.keyClick(window, Qt.Key.Key_2)
    assert splits.mode == SPLITS and window.actions["splits_200m"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_3)  # the demo gives her published splits
    assert splits.mode == TIMED and window.actions["splits_timed"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_1)
    assert splits.mode == LAPS and window.actions["splits_laps"].isChecked()
    splits.buttons.button(SPLITS).click()  # the mouse too ticks the menu's entry
    assert window.actions["splits_200m"].isChecked()


def test_the_replay_time_says_why_it_runs_on_past_the_finish(window):
    """The transport clock ran to 4:10.57 while the race board said 'FINISHED in 4:06.42',
    with nothing to say why (a new user's review)."""
    tip = window.controls.time_label.toolTip()
    end, length = window.replay.race_end_s, window.replay.duration_s
    assert length - end > 1.0
    assert "4:06.42" in tip and f"{length - end:.1f} s" in tip and "slow to a stop" in tip


def test_a_race_file_opens_on_its_own_splits_tab(qtbot, settings, tmp_path):
    """A new file opened on the Timed tab chosen for another race (coach's review): a file
    opens on the tab last chosen for it, a file not opened before on the laps."""
    import shutil

    from racegui.ui.panel.splits_table import LAPS, SPLITS, TIMED

    ensure_app()
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    shutil.copy(demo_path(), first)
    shutil.copy(demo_path(), second)
    window = MainWindow(load_replay(first), settings, path=first, theme="dark")
    qtbot.addWidget(window)
    splits = window.scene.panel.splits
    splits.buttons.button(TIMED).click()
    assert window.open_path(second)
    assert splits.mode == LAPS
    splits.buttons.button(SPLITS).click()
    assert window.open_path(first)
    assert splits.mode == TIMED
    assert window.open_path(second)
    assert splits.mode == SPLITS


def test_following_a_runner_without_splits_keeps_the_file_s_tab(qtbot, settings, tmp_path):
    """Following a runner with no splits of her own shows the laps, and had saved them as
    the file's tab, over the Timed chosen for it (diff review)."""
    from racegui.ui.panel.splits_table import LAPS, TIMED
    from tests.helpers_race import two_runner_data, write_json

    data = two_runner_data()
    sara = data["athletes"][1]
    sara.pop("splits")
    sara["even_pace"] = {"time": "4:15.00"}
    path = write_json(tmp_path / "pair.json", data)
    ensure_app()
    window = MainWindow(load_replay(path), settings, path=path, theme="dark")
    qtbot.addWidget(window)
    splits = window.scene.panel.splits
    splits.buttons.button(TIMED).click()
    window.follow("s")
    assert splits.mode == LAPS and window.actions["splits_laps"].isChecked()
    assert settings.splits_for(path) == "timed"
    window.follow("r")
    assert splits.mode == TIMED  # hers again
    again = MainWindow(load_replay(path), settings, path=path, theme="dark")
    qtbot.addWidget(again)
    assert again.scene.panel.splits.mode == TIMED


def test_d_switches_the_theme_in_presentation_mode_too(window, qtbot):
    """With no menu bar in presentation mode, the theme was out of reach without leaving it
    (presenter's review): D switches it, there and in the window."""
    window.set_theme("dark")
    window.set_presentation(True)
    assert not window.menuBar().isVisible()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_D)
    assert window.theme_name == "light" and window.actions["theme_light"].isChecked()
    assert window.settings.theme == "light"
    window.set_presentation(False)
    qtbot.keyClick(window, Qt.Key.Key_D)
    assert window.theme_name == "dark" and window.actions["theme_dark"].isChecked()


def test_the_scene_takes_the_new_theme_s_background_in_presentation(window):
    """After a switch from dark to light in presentation mode, the strip kept free below the
    track for the hidden bar stayed dark: the window's new style sheet had given the scene
    back the palette it had when the first was set."""
    from racegui.ui.theme import theme_named

    window.set_presentation(True)
    window.set_theme("light")
    scene = window.scene
    assert scene.palette().color(scene.backgroundRole()).name() == theme_named("light").background
    window.set_theme("dark")
    assert scene.palette().color(scene.backgroundRole()).name() == theme_named("dark").background
    window.set_presentation(False)
