"""Name tags drawn once into small images and then copied, instead of painted every frame.

A tag is a rounded box with a coloured dot and a name: three antialiased shapes and a line of
text that cost ~0.1 ms each time they are painted. Only its position changes from frame to
frame, so TagSprites paints each distinct tag once, at the device resolution the painter maps
it to, and draws later ones as an image copy at the nearest whole device pixel.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

MAX_SPRITES = 512
"""Tags kept at most; the cache starts again when it is full (a new size or theme)."""


class TagSprites:
    """Cache of name-tag images, keyed by everything that changes their pixels."""

    def __init__(self) -> None:
        self._images: dict[tuple, QImage] = {}

    def draw(
        self, p: QPainter, rect: QRectF, lab, background: QColor, text: QColor, pad: float
    ) -> None:
        """Draw the tag for label `lab` filling rect (painter px): box, dot and text."""
        tr = p.transform()
        if tr.isRotating():
            _paint_tag(p, rect, lab, background, text, pad)
            return
        sx, sy = tr.m11(), tr.m22()
        fill = lab.background or background
        font = p.font()
        key = (
            lab.text,
            lab.colour.rgba(),
            fill.rgba(),
            text.rgba(),
            round(rect.width() * sx, 3),
            round(rect.height() * sy, 3),
            round(pad * sx, 3),
            font.key(),
            round(sx, 6),
            round(sy, 6),
        )
        image = self._images.get(key)
        if image is None:
            if len(self._images) >= MAX_SPRITES:
                self._images.clear()
            image = _tag_image(rect, lab, fill, text, pad, font, sx, sy)
            self._images[key] = image
        top_left = tr.map(rect.topLeft())
        p.save()
        p.resetTransform()
        p.drawImage(round(top_left.x()) - 1, round(top_left.y()) - 1, image)
        p.restore()


def _tag_image(rect: QRectF, lab, fill: QColor, text: QColor, pad: float, font, sx, sy) -> QImage:
    """The tag at device scale (sx, sy), with a 1 px transparent margin."""
    w = math.ceil(rect.width() * sx) + 2
    h = math.ceil(rect.height() * sy) + 2
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(1.0)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.translate(1.0, 1.0)
    p.scale(sx, sy)
    p.setFont(font)
    _paint_tag(p, QRectF(QPointF(0.0, 0.0), rect.size()), lab, fill, text, pad)
    p.end()
    return image


def _paint_tag(p: QPainter, rect: QRectF, lab, fill: QColor, text: QColor, pad: float) -> None:
    """Box, dot and name of a tag in rect (painter px)."""
    h = rect.height()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(fill)
    p.drawRoundedRect(rect, h / 2, h / 2)
    p.setBrush(lab.colour)
    dot = 0.42 * h
    p.drawEllipse(QRectF(rect.left() + pad * 0.6, rect.center().y() - dot / 2, dot, dot))
    p.setPen(text)
    text_rect = rect.adjusted(pad * 0.6 + dot, 0, 0, 0)
    p.drawText(text_rect, int(Qt.AlignmentFlag.AlignCenter), lab.text)
