"""The replay window has a least size that still shows the track, the controls and a side
panel whose cards fit (a laptop user's review: the window could be shrunk to 627x132, the
track gone and the panel scrolled to nothing)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

LEAST = (640, 640)
"""The least size chosen (px): half a 1280 px screen wide; the demo's panel fits whole."""


def test_the_window_cannot_be_made_smaller_than_its_least_size(window, qtbot):
    window.resize(300, 200)
    qtbot.waitUntil(lambda: window.size().toTuple() == LEAST)
    assert window.minimumSize().toTuple() == LEAST


def test_at_its_least_height_the_track_controls_and_panel_all_show(window, qtbot):
    """As wide as the panel needs beside the track (880 px and more) and at the least height:
    the track, the whole transport bar, and every card of the panel, with no scroll bar of
    its own and the splits table at two rows or more."""
    w, h = 900, LEAST[1]
    window.resize(w, h)
    qtbot.waitUntil(lambda: window.size().toTuple() == (w, h))
    window.clock.seek(181.84)
    QApplication.processEvents()
    scene, panel = window.scene, window.scene.panel
    assert scene.track.height() >= 300 and scene.track.width() >= 400
    assert window.controls.isVisible()
    bar = window.controls.geometry()
    assert window.centralWidget().rect().contains(bar)
    assert panel.isVisible()
    assert panel._scroll.verticalScrollBar().maximum() == 0
    view = panel.splits.view
    assert view.viewport().height() >= 2 * view.verticalHeader().defaultSectionSize()


def test_the_least_size_fits_a_small_screen():
    """A screen smaller than MIN_SIZE_PX (a small laptop at a high scale): the window still
    fits it."""
    from racegui.ui.main_window import MIN_SIZE_PX, minimum_size

    assert MIN_SIZE_PX == LEAST

    class Screen:
        def __init__(self, w: int, h: int) -> None:
            self._room = QRect(0, 0, w, h)

        def availableGeometry(self) -> QRect:  # noqa: N802
            return self._room

    assert minimum_size(Screen(1920, 1050)).toTuple() == MIN_SIZE_PX
    assert minimum_size(Screen(1093, 574)).toTuple() == (640, 574)
    assert minimum_size(None).toTuple() == MIN_SIZE_PX
