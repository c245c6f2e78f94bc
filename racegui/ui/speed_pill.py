"""Presentation mode's "4× speed" pill on the track: an audience sees that the replay runs
faster (or slower) than real time, as an export's frames say (export.speed_badge). The
controls, which show the speed, hide in presentation mode, and a presenter's + and - had
changed it with nothing on screen to say so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from racegui.ui.theme import Theme

PILL_HEIGHT = 0.04
"""The pill's height as a share of the track view's short side (as an export's badge)."""
PILL_MARGIN = 0.02
"""Its distance from the view's top and left edges, as a share of the short side."""


def badge_text(speed: float) -> str:
    """ "4× speed", "0.5× speed"; "" at real time (no badge)."""
    return "" if speed == 1 else f"{speed:g}× speed"


class SpeedPill(QLabel):
    """A pill in its parent's top left corner saying the playback speed, shown by
    show_speed where the speed is not real time."""

    def __init__(self, parent: QWidget, theme: Theme) -> None:
        super().__init__(parent)
        self.setObjectName("speedPill")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._theme = theme
        parent.installEventFilter(self)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._fit()

    def show_speed(self, speed: float, on: bool) -> None:
        """Say `speed` (race s per real s) where `on` and it is not real time; else hide."""
        self.setText(badge_text(speed))
        self._fit()
        self.setVisible(on and bool(self.text()))
        if self.isVisibleTo(self.parentWidget()):
            self.raise_()

    def _fit(self) -> None:
        """Size the pill to the parent's short side and put it in the top left corner."""
        parent = self.parentWidget()
        short = max(1, min(parent.width(), parent.height()))
        height = max(20, round(PILL_HEIGHT * short))
        th = self._theme
        self.setStyleSheet(
            f"QLabel#speedPill {{ background: {th.overlay_background}; color: {th.overlay_text};"
            f" border-radius: {height // 2}px; padding: 0px {round(0.6 * height)}px;"
            f" font-weight: bold; font-size: {max(11, round(0.55 * height))}px; }}"
        )
        self.adjustSize()
        self.setFixedHeight(height)
        margin = round(PILL_MARGIN * short)
        self.move(margin, margin)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._fit()
        return False
