"""The "4× speed" badge an export at another speed than real time carries on each race frame,
so that an audience knows the clock runs fast (or slow)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from racegui.ui.fonts import scene_font
from racegui.ui.theme import Theme

BADGE_HEIGHT = 0.04
"""The badge's height as a share of the frame's short side."""
MARGIN = 0.02
"""Its distance from the frame's top and left edges, as a share of the short side."""


def badge_text(speed: float) -> str:
    """ "4× speed", "0.5× speed"; "" at real time (no badge)."""
    return "" if speed == 1 else f"{speed:g}× speed"


def draw_badge(image: QImage, text: str, theme: Theme) -> QRectF:
    """Draw `text` in an opaque pill at the image's top left corner (over the track's margin,
    clear of the track and the side panel); returns the pill's rectangle (px)."""
    short = min(image.width(), image.height())
    h = BADGE_HEIGHT * short
    font = scene_font(theme.font_family, 0.55 * h, QFont.Weight.Bold)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(font)
        w = painter.fontMetrics().horizontalAdvance(text) + 1.2 * h
        rect = QRectF(MARGIN * short, MARGIN * short, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.overlay_background))
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setPen(QColor(theme.overlay_text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    finally:
        painter.end()
    return rect
