"""Small pre-drawn images (marker discs, cached drawings) copied at whole device pixels.

A painter maps its coordinates to device pixels through its world transform (an export's
output scale, for instance) and the device pixel ratio of a HiDPI screen. An image drawn at
view-pixel size and copied through that mapping is resampled: soft on a HiDPI screen and the
wrong size in a 720p export. Here images are drawn at the device scale and copied one to one
(:func:`draw_device_pixmap`); a :class:`DiscSprite` draws its disc once per device scale.
Cosmetic pens, whose widths Qt keeps in device pixels, are widened or narrowed to match
(:func:`scaled_cosmetic_pen`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap

DrawInto = Callable[[QPainter, QRectF], None]


def pixmap_of(w: float, h: float, draw: DrawInto) -> QPixmap:
    """A transparent pixmap of w x h px drawn once by draw(painter, QRectF)."""
    img = QImage(int(w + 1.999), int(h + 1.999), QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(1.0)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    try:
        draw(p, QRectF(0, 0, w, h))
    finally:
        p.end()  # an image still being painted must not be freed (Qt crashes)
    return QPixmap.fromImage(img)


def scaled_cosmetic_pen(pen: QPen, scale: float) -> QPen:
    """A copy of cosmetic pen (width in view px) as wide in device px at `scale` device px per
    view px; a hairline (1 px or less) stays as it is, on Qt's fast path."""
    scaled = QPen(pen)
    scaled.setWidthF(max(pen.widthF() * scale, min(pen.widthF(), 1.0)))
    return scaled


def draw_device_pixmap(p: QPainter, pix: QPixmap, x: int, y: int) -> None:
    """Copy pix (device px) with its top-left at device pixel (x, y), one to one, whatever
    the painter's transform (restored afterwards)."""
    draw_device_pixmaps(p, [(pix, x, y)])


def draw_device_pixmaps(p: QPainter, placed: Iterable[tuple[QPixmap, int, int]]) -> None:
    """Copy each (pixmap, x, y) as draw_device_pixmap does, in order."""
    tr = p.transform()
    world = not tr.isIdentity()  # (isIdentity: type() is TxNone, without making an enum)
    if world:
        p.resetTransform()
    base = p.deviceTransform()  # what is left: the device pixel ratio and offset
    if base.isIdentity():
        for pix, x, y in placed:
            p.drawPixmap(x, y, pix)
    else:
        ratio, dx, dy = base.m11(), base.dx(), base.dy()
        for pix, x, y in placed:
            pix.setDevicePixelRatio(ratio)
            p.drawPixmap(QPointF((x - dx) / ratio, (y - dy) / ratio), pix)
            pix.setDevicePixelRatio(1.0)
    if world:
        p.setTransform(tr)


class DiscSprite:
    """A filled, outlined disc of a diameter (view px), drawn once per device scale and then
    copied per marker (much cheaper than an antialiased ellipse each time)."""

    def __init__(self, fill: QColor, pen: QPen | None, diameter: float) -> None:
        self.fill = QColor(fill)
        self.pen = QPen(pen) if pen is not None else None
        self.diameter = diameter
        self.size = diameter + (pen.widthF() if pen is not None else 0.0) + 3.0
        """Side of the image at scale 1 (view px)."""
        self._images: dict[float, QPixmap] = {}

    def at(self, scale: float) -> QPixmap:
        """The disc drawn at `scale` device px per view px (cached)."""
        key = round(scale, 4)
        pix = self._images.get(key)
        if pix is None:
            pix = self._draw(key)
            self._images[key] = pix
        return pix

    def _draw(self, scale: float) -> QPixmap:
        size = self.size * scale
        pen = None
        if self.pen is not None:
            pen = QPen(self.pen)
            pen.setWidthF(self.pen.widthF() * scale)
        r = self.diameter * scale / 2

        def draw(p: QPainter, _: QRectF) -> None:
            p.setPen(pen if pen is not None else Qt.PenStyle.NoPen)
            p.setBrush(self.fill)
            c = float(int(size + 1.999) // 2)  # a whole pixel: copied at round(x) - width // 2
            p.drawEllipse(QPointF(c, c), r, r)

        return pixmap_of(size, size, draw)


def blit_centred(p: QPainter, discs: Iterable[tuple[DiscSprite, float, float]]) -> None:
    """Draw each (disc, x, y) centred on (x, y) (painter units, no rotation) at a whole device
    pixel, so it looks the same at every position; in order."""
    dev = p.deviceTransform()
    scale = math.hypot(dev.m11(), dev.m12())
    sx, sy, dx, dy = dev.m11(), dev.m22(), dev.dx(), dev.dy()
    placed = []
    for sprite, x, y in discs:
        pix = sprite.at(scale)
        left = round(sx * x + dx) - pix.width() // 2
        top = round(sy * y + dy) - pix.height() // 2
        placed.append((pix, left, top))
    draw_device_pixmaps(p, placed)
