"""The "4× speed" badge an export at another speed than real time carries on each race frame,
so that an audience knows the clock runs fast (or slow). Its text is the window's
presentation pill's (ui.speed_pill.badge_text)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from racegui.ui.fonts import scene_font
from racegui.ui.theme import Theme

BADGE_HEIGHT = 0.04
"""The badge's height as a share of the frame's short side."""
MARGIN = 0.02
"""Its distance from the frame's top and left edges, as a share of the short side."""


def _font(image: QImage, theme: Theme) -> QFont:
    """The badge's bold text, sized to the image's short side."""
    short = min(image.width(), image.height())
    return scene_font(theme.font_family, 0.55 * BADGE_HEIGHT * short, QFont.Weight.Bold)


def badge_rect(image: QImage, text: str, theme: Theme) -> QRectF:
    """Where draw_badge puts `text`'s pill on `image` (px)."""
    short = min(image.width(), image.height())
    h = BADGE_HEIGHT * short
    w = QFontMetricsF(_font(image, theme)).horizontalAdvance(text) + 1.2 * h
    return QRectF(MARGIN * short, MARGIN * short, w, h)


def draw_badge(image: QImage, text: str, theme: Theme) -> QRectF:
    """Draw `text` in an opaque pill at the image's top left corner (over the margin of a
    landscape track; a portrait track's outer lanes pass under its end); returns the pill's
    rectangle (px)."""
    rect = badge_rect(image, text, theme)
    h = rect.height()
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(_font(image, theme))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.overlay_background))
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setPen(QColor(theme.overlay_text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    finally:
        painter.end()
    return rect
