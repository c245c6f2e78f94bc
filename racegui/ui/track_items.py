"""The track view's moving graphics as light Qt items: polylines and pixel-sized sprites.

Both live in track metres (children of the view box) and are moved once per frame by
set_xy / set_points. A PathItem is a QGraphicsPathItem, stroked by Qt itself with a cosmetic pen
(width in pixels). A SpriteLayer blits small pre-drawn pixmaps (discs) centred on its points,
at the same pixel size whatever the zoom, in the order given. Neither asks pyqtgraph for
bounds or styles per frame: each knows its box in metres from its data and how far (pixels)
its drawing reaches beyond it, which :meth:`device_rect` combines for the export's repaint.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from racegui.ui.qt_guard import guarded_paint


def _bounds(x: np.ndarray, y: np.ndarray) -> QRectF | None:
    """Box (m) of the finite points, or None if there are none."""
    if x.size == 0:
        return None
    x0, x1, y0, y1 = float(x.min()), float(x.max()), float(y.min()), float(y.max())
    if not np.isfinite((x0, x1, y0, y1)).all():  # rare: drop the NaN/inf points, then retry
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.any():
            return None
        xs, ys = x[ok], y[ok]
        x0, x1, y0, y1 = float(xs.min()), float(xs.max()), float(ys.min()), float(ys.max())
    return QRectF(x0, y0, x1 - x0, y1 - y0)


def blit_centred(p: QPainter, pix: QPixmap, x: float, y: float) -> None:
    """Draw a sprite centred on (x, y) px at a whole pixel (disc sprites centre their disc on
    pixel width // 2), so it looks the same at every position."""
    p.drawPixmap(round(x) - pix.width() // 2, round(y) - pix.height() // 2, pix)


class _Moving:
    """What the export needs of a moving item: where it drew, in device pixels."""

    _box: QRectF | None
    _reach_px: float
    _pad_m: float

    def device_rect(self, to_device: QTransform) -> QRectF | None:
        """Device px the item's drawing covers, given its metres-to-device transform (None
        when it draws nothing)."""
        if self._box is None:
            return None
        r = self._reach_px
        return to_device.mapRect(self._box).adjusted(-r, -r, r, r)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override; no path stroking)
        if self._box is None:
            return QRectF()
        p = self._pad_m
        return self._box.adjusted(-p, -p, p, p)


class PathItem(_Moving, QGraphicsPathItem):
    """A polyline through points (m), stroked by Qt with a pen `width` pixels wide."""

    def __init__(self) -> None:
        QGraphicsPathItem.__init__(self)
        self._box: QRectF | None = None
        self._reach_px = 1.0
        self._pad_m = 0.0

    def set_pen(self, pen: QPen) -> None:
        """Stroke with pen (made cosmetic: its width is in pixels at any zoom)."""
        pen = QPen(pen)
        pen.setCosmetic(True)
        self.setPen(pen)
        self._reach_px = pen.widthF() / 2 + 1.0

    def set_px_per_m(self, px_per_m: float) -> None:
        """The view's scale, so that the item's box (for Qt's culling) includes the pen."""
        self.prepareGeometryChange()
        self._pad_m = self._reach_px / max(px_per_m, 1e-9)

    def set_xy(self, x: np.ndarray, y: np.ndarray, connect: str | np.ndarray = "all") -> None:
        """Points (m) in order; `connect` as in pyqtgraph.arrayToQPath ('all' or a bool per
        point saying whether it joins the next)."""
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        self.prepareGeometryChange()
        self._box = _bounds(x, y)
        self.setPath(pg.arrayToQPath(x, y, connect=connect, finiteCheck=False))


class SpriteLayer(_Moving, QGraphicsItem):
    """Pixmaps centred on points (m), the same pixel size at any zoom, drawn in order."""

    def __init__(self) -> None:
        QGraphicsItem.__init__(self)
        self._sprites: list[QPixmap] = []
        self._x = np.zeros(0)
        self._y = np.zeros(0)
        self._ids = np.zeros(0, dtype=int)
        self._box: QRectF | None = None
        self._reach_px = 0.0
        self._pad_m = 0.0
        self._frags = PrimitiveArray(QPainter.PixmapFragment, 10)

    def set_sprites(self, sprites: list[QPixmap]) -> None:
        """The pixmaps points refer to by index (device px, drawn unscaled)."""
        self._sprites = list(sprites)
        half = max((max(s.width(), s.height()) / 2 for s in sprites), default=0.0)
        self._reach_px = half + 1.0
        self.update()

    def set_px_per_m(self, px_per_m: float) -> None:
        """The view's scale, so that the item's box (for Qt's culling) includes the sprites."""
        self.prepareGeometryChange()
        self._pad_m = self._reach_px / max(px_per_m, 1e-9)

    def set_points(self, x: np.ndarray, y: np.ndarray, ids: np.ndarray | int = 0) -> None:
        """Centre sprite ids[k] on (x[k], y[k]) m; points are drawn in the order given."""
        self.prepareGeometryChange()
        self._x = np.asarray(x, dtype=float)
        self._y = np.asarray(y, dtype=float)
        self._ids = np.broadcast_to(np.asarray(ids, dtype=int), self._x.shape)
        self._box = _bounds(self._x, self._y)

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """The points (m) last set."""
        return self._x, self._y

    @guarded_paint
    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        n = len(self._x)
        if n == 0 or not self._sprites:
            return
        tr = p.transform()
        if n == 1:  # the runner, her halo, the light's head: no arrays needed
            x, y = float(self._x[0]), float(self._y[0])
            px, py = tr.m11() * x + tr.m21() * y + tr.dx(), tr.m12() * x + tr.m22() * y + tr.dy()
            if math.isfinite(px) and math.isfinite(py):
                p.resetTransform()
                blit_centred(p, self._sprites[int(self._ids[0])], px, py)
            return
        px = tr.m11() * self._x + tr.m21() * self._y + tr.dx()
        py = tr.m12() * self._x + tr.m22() * self._y + tr.dy()
        ok = np.isfinite(px) & np.isfinite(py)
        p.resetTransform()
        ids = self._ids
        for sid in dict.fromkeys(ids[ok].tolist()):  # sprites in order of first use
            pick = ok & (ids == sid)
            sprite = self._sprites[sid]
            self._frags.resize(int(pick.sum()))
            frags = self._frags.ndarray()
            # Whole-pixel centres: a sprite is drawn the same at every position (no blur).
            w, h = sprite.width(), sprite.height()
            frags[:, 0] = np.round(px[pick]) - w // 2 + w / 2
            frags[:, 1] = np.round(py[pick]) - h // 2 + h / 2
            frags[:, 2:6] = (0.0, 0.0, sprite.width(), sprite.height())
            frags[:, 6:10] = (1.0, 1.0, 0.0, 1.0)
            p.drawPixmapFragments(*self._frags.drawargs(), sprite)
