"""A window too narrow for its side panel says so on the track, and a click widens it: the
panel had gone without a word below about 880 px (only the README said why)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def _resize(qtbot, win, w: int, h: int) -> None:
    win.resize(w, h)
    qtbot.waitUntil(lambda: win.width() == w)
    QApplication.processEvents()


def _cue(win):
    """The visible note on the track saying the panel is hidden, or None."""
    cue = getattr(win.scene, "panel_cue", None)
    return cue if cue is not None and cue.isVisible() else None


def test_a_narrow_window_says_the_panel_is_hidden_and_how_to_get_it_back(qtbot, window):
    win = window
    _resize(qtbot, win, 800, 600)
    assert win.scene.panel.isHidden() and win.actions["panel"].isChecked()
    cue = _cue(win)
    assert cue is not None and "widen" in cue.text().lower()
    track = win.scene.track
    assert track.rect().contains(cue.geometry())  # on the track, at its top or bottom edge
    at = cue.geometry()
    assert at.top() < 20 or at.bottom() > track.height() - 20
    _resize(qtbot, win, 1300, 700)
    assert not win.scene.panel.isHidden() and _cue(win) is None


def test_no_note_where_the_user_hid_the_panel(qtbot, window):
    win = window
    _resize(qtbot, win, 800, 600)
    win.actions["panel"].trigger()  # P: hidden on purpose
    QApplication.processEvents()
    assert not win.actions["panel"].isChecked() and _cue(win) is None
    win.actions["panel"].trigger()
    QApplication.processEvents()
    assert _cue(win) is not None


def test_clicking_the_note_widens_the_window_until_the_panel_shows(qtbot, window, monkeypatch):
    win = window
    _resize(qtbot, win, 800, 600)
    monkeypatch.setattr(win, "screen", lambda: None)  # the offscreen screen is 800 px wide
    qtbot.mouseClick(_cue(win), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.width() > 800)
    QApplication.processEvents()
    assert not win.scene.panel.isHidden() and _cue(win) is None
    assert win.width() < 1000  # just wide enough


def test_no_note_in_presentation_mode(qtbot, window):
    win = window
    win.lay_out_presentation(800, 600)
    _resize(qtbot, win, 800, 600)
    assert _cue(win) is None


def test_no_note_on_a_first_launch_wide_enough_for_the_panel(qtbot, settings):
    """Laid out narrow before it is shown (as on a first launch), then shown at 1440x860:
    the note had stayed on beside the panel, as it was set while the window was unshown."""
    from racegui.ui.app import ensure_app
    from racegui.ui.loading import load_replay
    from racegui.ui.main_window import MainWindow
    from racegui.ui.ui_paths import demo_path

    ensure_app()
    win = MainWindow(load_replay(demo_path()), settings, theme="dark")
    qtbot.addWidget(win)
    win.resize(640, 480)
    win.scene.resize(600, 400)  # the scene fitted narrow while unshown
    win.resize(1440, 860)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.scene.width() > 1200)
    QApplication.processEvents()
    assert not win.scene.panel.isHidden()
    assert _cue(win) is None


def _label_boxes(track):
    """Where the track's distance labels were last painted (px in the track view)."""
    at = track.viewport().pos()
    return [track.mapFromScene(r).boundingRect().translated(at) for r in track.backdrop.label_rects]


def _covers_no_label(track, cue) -> bool:
    boxes = _label_boxes(track)
    return bool(boxes) and not any(cue.geometry().intersects(b) for b in boxes)


@pytest.mark.parametrize("race", ["breaking4-2025.json", "example-1500m.json"])
@pytest.mark.parametrize("size", [(837, 464), (640, 400)])
def test_the_note_covers_no_distance_label(qtbot, settings, race, size):
    """At 150% scale on a 1366x768 laptop (837x464 and 640x400 px windows) the note in the
    top right corner covered the demo's "100 m" and a 1500 m's red START."""
    from racegui.ui.app import ensure_app
    from racegui.ui.loading import load_replay
    from racegui.ui.main_window import MainWindow
    from racegui.ui.ui_paths import demo_path

    ensure_app()
    win = MainWindow(load_replay(demo_path().with_name(race)), settings, theme="dark")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.setMinimumSize(0, 0)  # the offscreen screen is 800x800: no small-screen least size
    _resize(qtbot, win, *size)
    cue = _cue(win)
    assert cue is not None
    track = win.scene.track
    track.viewport().repaint()  # the labels painted at this size (then the note moves)
    QApplication.processEvents()
    assert _covers_no_label(track, cue)
    assert track.rect().contains(cue.geometry())
