"""The shortcuts list and the race's notes fit a small screen, their Close button on it: at
150% scale on a 1366x768 laptop the shortcuts ran off the screen with no way to scroll, and
Help > About this race scrolled but its Close button was under the screen's edge (a coach's
review)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget  # noqa: E402

from racegui.io.race_file import read_race  # noqa: E402
from racegui.ui.app import ensure_app  # noqa: E402
from racegui.ui.help_dialog import HelpDialog  # noqa: E402
from racegui.ui.race_notes import RaceNotesDialog  # noqa: E402
from racegui.ui.screen_room import FRAME_GUESS  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

PROJECTOR_150 = (853, 480)
"""A 1280x720 screen at 150% scale (px)."""


class Screen:
    """A screen whose available area is w x h px."""

    def __init__(self, w: int, h: int) -> None:
        self._room = QRect(0, 0, w, h)

    def availableGeometry(self) -> QRect:  # noqa: N802
        return self._room


def _parent_on(qtbot, monkeypatch, w: int, h: int) -> QWidget:
    ensure_app()
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(parent, "screen", lambda: Screen(w, h))
    return parent


def _fits(dialog, w: int, h: int) -> bool:
    """Whether dialog, framed as a window manager would (FRAME_GUESS), fits w x h px with its
    Close button inside it."""
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    at = close.mapTo(dialog, close.rect().topLeft())
    return (
        dialog.width() + FRAME_GUESS.left() + FRAME_GUESS.right() <= w
        and dialog.height() + FRAME_GUESS.top() + FRAME_GUESS.bottom() <= h
        and dialog.rect().contains(close.rect().translated(at))
    )


def test_the_shortcuts_fit_a_small_screen_and_scroll_with_close_keeping_the_focus(
    qtbot, monkeypatch
):
    dialog = HelpDialog(_parent_on(qtbot, monkeypatch, *PROJECTOR_150))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _fits(dialog, *PROJECTOR_150)
    bar = dialog.scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    assert dialog.scroll.horizontalScrollBar().maximum() == 0  # wrapped, not cut at the side
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()


def test_on_a_big_screen_the_shortcuts_show_whole(qtbot, monkeypatch):
    dialog = HelpDialog(_parent_on(qtbot, monkeypatch, 1920, 1050))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.scroll.verticalScrollBar().maximum() == 0
    assert dialog.scroll.horizontalScrollBar().maximum() == 0


def test_the_race_notes_fit_a_small_screen(qtbot, monkeypatch):
    from racegui.model.replay import compile_race

    race = compile_race(read_race(demo_path())).race
    for size in [PROJECTOR_150, (911, 512)]:  # 1280x720 and 1366x768 at 150%
        dialog = RaceNotesDialog(race, _parent_on(qtbot, monkeypatch, *size))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _fits(dialog, *size), size
    big = RaceNotesDialog(race, _parent_on(qtbot, monkeypatch, 1920, 1050))
    qtbot.addWidget(big)
    assert big.size().toTuple() == (640, 520)  # as before where there is room
