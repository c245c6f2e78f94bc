"""Drawings that recur from frame to frame, painted once into small images and then copied.

A name tag, the scoreboard's clock box or its title line costs antialiased shapes and text
every time it is painted, yet from one frame to the next usually only its position changes.
SpriteCache paints each distinct drawing once, at the device resolution the painter maps it
to (an export's output scale, a HiDPI screen's device pixel ratio, or both), and draws it
again as an image copy at the nearest whole device pixel (so a cached drawing may sit up to
half a pixel from where painting it would put it).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QPainter, QPixmap

from racegui.ui.device_sprites import draw_device_pixmap, pixmap_of

MAX_SPRITES = 512
"""Drawings kept at most; the cache starts again when it is full (a new size or theme)."""

Paint = Callable[[QPainter, QRectF], None]
"""Paints a drawing into the given rect (painter px), with the painter's font already set."""


class SpriteCache:
    """Images of drawings keyed by what changes their pixels, plus the device scale."""

    def __init__(self) -> None:
        self._images: dict[tuple, QPixmap] = {}
        self._scale: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)
        """The last device scale (sx, sy) seen and the same rounded for the key."""
        self._font_id: Callable[[QFont], Hashable] = _font_itself
        """What stands for the painter's font in a key: the QFont itself (it compares and
        hashes by all its attributes), or its key() text where QFont is not hashable."""
        try:
            hash(QFont())
        except TypeError:  # a PySide6 build without QFont.__hash__
            self._font_id = QFont.key

    def draw(
        self, p: QPainter, rect: QRectF, key: Hashable, paint: Paint, *, painter_font: bool = True
    ) -> None:
        """Draw what `paint` draws in rect (painter px), from the cache when `key` (everything
        but rect's position that changes the pixels, including colours) was drawn before at
        this size and scale. The painter's font is part of the key unless `painter_font` is
        False (for a `paint` that sets its own font)."""
        dev = p.deviceTransform()  # world transform, then device pixel ratio and offset
        if dev.isRotating():
            paint(p, rect)
            return
        sx, sy = dev.m11(), dev.m22()
        scale = self._scale
        if sx != scale[0] or sy != scale[1]:
            scale = self._scale = (sx, sy, round(sx, 6), round(sy, 6))
        font = p.font() if painter_font else None
        full = (
            key,
            round(rect.width() * sx, 3),
            round(rect.height() * sy, 3),
            self._font_id(font) if font is not None else None,
            scale[2],
            scale[3],
        )
        image = self._images.get(full)
        if image is None:
            if len(self._images) >= MAX_SPRITES:
                self._images.clear()
            image = _sprite(rect, paint, font, sx, sy)
            self._images[full] = image
        # Without rotation the device maps (x, y) to (sx x + dx, sy y + dy).
        x = round(rect.left() * sx + dev.dx()) - 1
        y = round(rect.top() * sy + dev.dy()) - 1
        draw_device_pixmap(p, image, x, y)


def _font_itself(font: QFont) -> QFont:
    """The font as its own key (no key() text built per drawing)."""
    return font


def _sprite(rect: QRectF, paint: Paint, font, sx: float, sy: float) -> QPixmap:
    """The drawing at device scale (sx, sy), with a 1 px transparent margin."""

    def draw(p: QPainter, _: QRectF) -> None:
        p.translate(1.0, 1.0)
        p.scale(sx, sy)
        if font is not None:
            p.setFont(font)
        paint(p, QRectF(QPointF(0.0, 0.0), rect.size()))

    return pixmap_of(rect.width() * sx + 1.0, rect.height() * sy + 1.0, draw)
