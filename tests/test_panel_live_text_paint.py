"""A live readout painted straight into the panel's cached drawing (per export frame) has
exactly the pixels QWidget.render gives it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from racegui.ui.panel.live_text import LiveText

_CHILDREN = QWidget.RenderFlag.DrawChildren


def canvas() -> QImage:
    image = QImage(200, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#123456"))
    return image


def both(text: LiveText, at: QPoint, clip: QRect) -> tuple[bytes, bytes]:
    """(QWidget.render's pixels, paint_into's) of the part clip (widget px) at `at`."""
    rendered, painted = canvas(), canvas()
    p = QPainter(rendered)
    text.render(p, at + clip.topLeft(), QRegion(clip), _CHILDREN)
    p.end()
    p = QPainter(painted)
    text.paint_into(p, at, clip)
    p.end()
    return bytes(rendered.constBits()), bytes(painted.constBits())


def test_paint_into_draws_what_render_draws(qapp):
    text = LiveText("+88.88 s", Qt.AlignmentFlag.AlignRight)
    font = QFont("DejaVu Sans")
    font.setPixelSize(23)
    font.setBold(True)
    text.setFont(font)
    text.resize(150, 34)
    text.set_background("#20262e")
    text.set_colour("#ff6b6b")
    text.set_text("+1.45 s")
    assert text.opaque()
    whole = text.rect()
    rendered, painted = both(text, QPoint(17, 9), whole)
    assert rendered == painted and rendered != bytes(canvas().constBits())
    text.set_italic(True)
    text.set_colour("#3fb950")
    rendered, painted = both(text, QPoint(3, 21), QRect(0, 0, 90, 34))  # cut at the viewport
    assert rendered == painted
