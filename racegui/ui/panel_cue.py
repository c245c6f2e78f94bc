"""The note on the track of a window too narrow for its side panel: "Panel hidden · widen".

The scene shows the track alone where the panel would leave it too little room; without a
word on screen a user who shrank the window, or a small laptop's, lost the panel and did not
know why or how to get it back. The note says so, and a click widens the window (as far as
its screen allows). It never shows where the user hid the panel, nor in an export.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QPushButton, QWidget

from racegui.ui.theme import Theme

CUE_TEXT = "Panel hidden · widen the window"
CUE_MARGIN_PX = 8
"""Space (px) between the note and the track view's edges."""
LABEL_CLEARANCE_PX = 4
"""Space (px) kept between the note and a distance label on the track."""


class PanelCue(QPushButton):
    """A small button at an edge of its parent, its top right corner unless that covers one
    of the boxes `avoid` gives (the track's distance labels: at 150% scale the note had
    covered the demo's "100 m" and a 1500 m's red START); clicked, it widens the window to
    `needed_width` (see set_needed_width)."""

    def __init__(
        self,
        parent: QWidget,
        theme: Theme,
        avoid: Callable[[], list[QRect]] | None = None,
    ) -> None:
        super().__init__(CUE_TEXT, parent)
        self._avoid = avoid
        self.setObjectName("panelCue")
        self.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._needed = 0
        """Scene width (px) at which the panel shows beside the track."""
        self.clicked.connect(self.widen_window)
        parent.installEventFilter(self)
        self.set_theme(theme)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        self.setStyleSheet(
            f"QPushButton#panelCue {{ background: {theme.overlay_background};"
            f" color: {theme.overlay_text}; border: 1px solid {theme.text_muted};"
            " border-radius: 4px; padding: 3px 8px; font-size: 12px; }"
            f" QPushButton#panelCue:hover {{ border-color: {theme.overlay_text}; }}"
        )
        self.adjustSize()
        self.place()

    def set_needed_width(self, scene_px: int) -> None:
        """The scene's width (px) from which the panel shows beside the track."""
        self._needed = int(scene_px)
        self.setToolTip(
            f"The side panel needs about {self._needed} px beside the track. Click to widen "
            "the window; View > Side panel (P) hides the panel."
        )

    def show_cue(self, on: bool) -> None:
        """Show or hide the note (placed in the corner, over the track). Its own state, not
        isVisible(): in a window not yet shown the note is never visible, and a note shown
        for a narrow layout before the window was had stayed on at a wide one."""
        if on == (not self.isHidden()):
            return
        if on:
            self.adjustSize()
            self.place()
            self.raise_()
        self.setVisible(on)

    def widen_window(self) -> None:
        """Widen the top-level window so that its scene is `needed_width` wide, as far as its
        screen's free area allows."""
        window = self.window()
        scene = self.parentWidget().parentWidget()
        if window is None or scene is None:
            return
        width = window.width() + max(0, self._needed - scene.width())
        screen = window.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width())
            if window.x() + width > room.right() + 1:  # slide it left to keep it on screen
                window.move(max(room.left(), room.right() + 1 - width), window.y())
        if width > window.width():
            window.resize(width, window.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        """Put the note in the first place that covers nothing `avoid` gives (see places),
        or the one covering least."""
        parent = self.parentWidget()
        if parent is None:
            return
        boxes = self._avoid() if self._avoid is not None else []
        at = best_place(self.places(), self.size(), boxes)
        if at != self.pos():
            self.move(at)

    def places(self) -> list[QPoint]:
        """Where the note may go, first choice first: the parent's top right corner, then
        its top left, the top's middle, the bottom right, bottom left and bottom's middle."""
        parent = self.parentWidget()
        m = CUE_MARGIN_PX
        left, right = m, parent.width() - self.width() - m
        middle = (parent.width() - self.width()) // 2
        top, bottom = m, parent.height() - self.height() - m
        return [
            QPoint(right, top),
            QPoint(left, top),
            QPoint(middle, top),
            QPoint(right, bottom),
            QPoint(left, bottom),
            QPoint(middle, bottom),
        ]


def best_place(places: list[QPoint], size: QSize, boxes: list[QRect]) -> QPoint:
    """The first of places where a note of size covers none of boxes (each with
    LABEL_CLEARANCE_PX round it), or the one where it covers the least area."""
    c = LABEL_CLEARANCE_PX
    grown = [b.adjusted(-c, -c, c, c) for b in boxes]

    def covered(at: QPoint) -> int:
        note = QRect(at, size)
        return sum((note & b).width() * (note & b).height() for b in grown if note.intersects(b))

    return min(places, key=covered)  # min keeps the first of equals
