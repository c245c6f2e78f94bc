"""Presentation mode's transport bar: out of the window's layout, floating just below the track.

The scene leaves a strip that high free below the track (ReplayScene.set_bottom_room), and the
bar is kept over that strip as the track moves or resizes (a panel shown, hidden or stacked
below it). Shown or hidden on a mouse move, the bar then covers nothing and moves nothing:
in the layout it had shrunk the scene, and the panel's last rows went under a scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QWidget


class BarDock(QObject):
    """Keeps `bar` (a child of a widget holding `anchor`) just below `anchor`, as wide as it
    and its own height (size hint) high, while docked (see set_docked)."""

    def __init__(self, bar: QWidget, anchor: QWidget) -> None:
        super().__init__(bar)
        self._bar = bar
        self._anchor = anchor
        self._docked = False

    @property
    def docked(self) -> bool:
        return self._docked

    def height(self) -> int:
        """The bar's height (px): the room to leave below the anchor for it."""
        return self._bar.sizeHint().height()

    def set_docked(self, on: bool) -> None:
        """Follow the anchor (on) or stop following it (off: the caller lays the bar out)."""
        on = bool(on)
        if on == self._docked:
            return
        self._docked = on
        if on:
            self._anchor.installEventFilter(self)
            self.place()
        else:
            self._anchor.removeEventFilter(self)

    def place(self) -> None:
        """Put the bar just below the anchor, in its parent's coordinates, and on top."""
        parent = self._bar.parentWidget()
        anchor = self._anchor
        if parent is None:
            return
        at = anchor.mapTo(parent, QPoint(0, anchor.height()))
        self._bar.setGeometry(QRect(at.x(), at.y(), anchor.width(), self.height()))
        self._bar.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self._anchor and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.place()
        return False
