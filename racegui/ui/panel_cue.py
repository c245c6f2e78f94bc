"""The note on the track of a window too narrow for its side panel: "Panel hidden · widen".

The scene shows the track alone where the panel would leave it too little room; without a
word on screen a user who shrank the window, or a small laptop's, lost the panel and did not
know why or how to get it back. The note says so, and a click widens the window (as far as
its screen allows). It never shows where the user hid the panel, nor in an export.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QPushButton, QWidget

from racegui.ui.theme import Theme

CUE_TEXT = "Panel hidden · widen the window"
CUE_MARGIN_PX = 8
"""Space (px) between the note and the track view's top right corner."""


class PanelCue(QPushButton):
    """A small button in its parent's top right corner; clicked, it widens the window to
    `needed_width` (see set_needed_width)."""

    def __init__(self, parent: QWidget, theme: Theme) -> None:
        super().__init__(CUE_TEXT, parent)
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
        self._place()

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
            self._place()
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
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.width() - CUE_MARGIN_PX, CUE_MARGIN_PX)
