"""Presentation mode says what the keyboard did: a presenter's + (4x) and Space changed the
playback with the controls hidden and nothing on screen to say so (presenter's review)."""

from __future__ import annotations

from PySide6.QtCore import QPoint


def _hide_controls(window) -> None:
    """As 2 s of stillness do in presentation mode."""
    window._hide_timer.stop()
    window._on_hide_timer_timeout()
    assert not window.controls.isVisible()


def test_a_speed_other_than_real_time_shows_on_the_track_in_presentation(window, qtbot):
    pill = window.scene.speed_pill
    window.clock.set_speed(4.0)
    assert not pill.isVisible()  # the window's controls say it
    window.set_presentation(True)
    qtbot.waitUntil(lambda: pill.isVisible())
    assert pill.text() == "4× speed"
    track = window.scene.track
    corner = pill.mapTo(track, QPoint(0, 0))
    assert track.rect().contains(pill.geometry())
    assert corner.x() < track.width() * 0.1 and corner.y() < track.height() * 0.1
    assert pill.height() >= 0.03 * min(track.width(), track.height())  # read from the back
    window.clock.set_speed(0.5)
    assert pill.text() == "0.5× speed" and pill.isVisible()
    window.clock.set_speed(1.0)
    assert not pill.isVisible()  # real time: no pill, as an export has no badge
    window.clock.set_speed(2.0)
    window.set_presentation(False)
    assert not pill.isVisible()


def test_keys_that_change_the_playback_show_the_controls_for_a_while(window, qtbot):
    window.set_presentation(True)
    _hide_controls(window)
    window.clock.toggle()  # Space
    assert window.controls.isVisible() and window._hide_timer.isActive()
    _hide_controls(window)
    window.clock.faster()  # +
    assert window.controls.isVisible() and window._hide_timer.isActive()
    window.set_presentation(False)
    window.clock.pause()


def test_presentation_lists_fit_whole_with_no_scroll_bar(window, qtbot):
    """A presentation screenshot at 3:50 had a scroll bar beside 'Stepped off', where an
    export says '+ 4 more'; an audience cannot scroll."""
    from PySide6.QtCore import Qt

    feed = window.scene.panel.pacers.feed
    window.set_presentation(True)
    window.clock.seek(230.0)
    window.show_time(230.0)
    qtbot.waitUntil(lambda: feed.passed_count() == 8)
    assert feed.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert not feed.verticalScrollBar().isVisible()
    shown = sum(not row.isHidden() for row in feed.rows)
    assert shown < 8 and feed.more.text() == f"+ {8 - shown} more"
    window.set_presentation(False)
    assert feed.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
