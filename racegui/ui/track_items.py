"""The track view's moving graphics as light Qt items: polylines and pixel-sized sprites.

Both live in track metres (children of the view box) and are moved once per frame by
set_xy / set_points. A PathItem is a QGraphicsPathItem, stroked by Qt itself with a cosmetic
pen (width in pixels). A SpriteLayer blits small pre-drawn discs centred on its points, at
the same size in view pixels whatever the zoom, in the order given; each disc is drawn at
the device's scale (an export's output scale, a HiDPI screen's pixel ratio) and copied one
to one. Neither asks pyqtgraph for bounds or styles per frame: each knows its box in metres
from its data and how far (pixels) its drawing reaches beyond it, which :meth:`device_rect`
combines for the export's repaint.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from racegui.ui.device_sprites import DiscSprite, draw_device_pixmap, scaled_cosmetic_pen
from racegui.ui.qt_guard import guarded_paint


def _bounds(x: np.ndarray, y: np.ndarray) -> QRectF | None:
    """Box (m) of the finite points, or None if there are none."""
    if x.size == 0:
        return None
    if x.size == 1:  # a sprite's one point: no numpy reductions
        x0 = x1 = float(x[0])
        y0 = y1 = float(y[0])
        if math.isfinite(x0) and math.isfinite(y0):
            return QRectF(x0, y0, 0.0, 0.0)
        return None
    x0, x1, y0, y1 = float(x.min()), float(x.max()), float(y.min()), float(y.max())
    if not np.isfinite((x0, x1, y0, y1)).all():  # rare: drop the NaN/inf points, then retry
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.any():
            return None
        xs, ys = x[ok], y[ok]
        x0, x1, y0, y1 = float(xs.min()), float(xs.max()), float(ys.min()), float(ys.max())
    return QRectF(x0, y0, x1 - x0, y1 - y0)


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
    """A polyline through points (m), stroked by Qt with a pen `width` view pixels wide (so
    a scaled export, 720p say, draws it that much thinner, like everything else)."""

    def __init__(self) -> None:
        QGraphicsPathItem.__init__(self)
        self._box: QRectF | None = None
        self._reach_px = 1.0
        self._pad_m = 0.0
        self._scaled_pen: tuple[float, QPen] | None = None

    def set_pen(self, pen: QPen) -> None:
        """Stroke with pen (made cosmetic: its width is in pixels at any zoom)."""
        pen = QPen(pen)
        pen.setCosmetic(True)
        self.setPen(pen)
        self._scaled_pen = None
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

    def set_same_points(self, other: PathItem) -> None:
        """The points other was last given (its path shared, not built again)."""
        self.prepareGeometryChange()
        self._box = other._box
        self.setPath(other.path())

    @guarded_paint
    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # View pixels per painter pixel beyond the item's own metres-to-view transform: 1 in
        # the window, the output scale in an export laid out at 1080p.
        tr, st = p.transform(), self.sceneTransform()
        scale = math.hypot(tr.m11(), tr.m12()) / max(math.hypot(st.m11(), st.m12()), 1e-12)
        pen = self.pen()
        if abs(scale - 1.0) > 1e-3:
            if self._scaled_pen is None or self._scaled_pen[0] != scale:
                self._scaled_pen = (scale, scaled_cosmetic_pen(pen, scale))
            pen = self._scaled_pen[1]
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(self.path())


class SpriteLayer(_Moving, QGraphicsItem):
    """Discs centred on points (m), the same size in view pixels at any zoom, drawn in order."""

    def __init__(self) -> None:
        QGraphicsItem.__init__(self)
        self._sprites: list[DiscSprite] = []
        self._x = np.zeros(0)
        self._y = np.zeros(0)
        self._ids: np.ndarray | int = 0
        self._box: QRectF | None = None
        self._reach_px = 0.0
        self._pad_m = 0.0
        self._frags = PrimitiveArray(QPainter.PixmapFragment, 10)

    def set_sprites(self, sprites: list[DiscSprite]) -> None:
        """The discs points refer to by index (sized in view px)."""
        self._sprites = list(sprites)
        half = max((s.size / 2 + 1.0 for s in sprites), default=0.0)
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
        # One sprite for every point stays a number (no array to broadcast per frame).
        if not isinstance(ids, int):
            ids = np.asarray(ids, dtype=int)
            ids = int(ids) if ids.ndim == 0 else ids
        self._ids = ids
        self._box = _bounds(self._x, self._y)

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """The points (m) last set."""
        return self._x, self._y

    def ids(self) -> np.ndarray:
        """The sprite drawn at each point last set."""
        return np.broadcast_to(self._ids, self._x.shape)

    @guarded_paint
    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        n = len(self._x)
        if n == 0 or not self._sprites:
            return
        # Metres to device pixels, and the sprites' scale: device px per view px (an export's
        # output scale, a HiDPI screen's pixel ratio), so they keep their size and sharpness.
        dev = p.deviceTransform()
        st = self.sceneTransform()
        scale = math.hypot(dev.m11(), dev.m12()) / max(math.hypot(st.m11(), st.m12()), 1e-12)
        if n == 1:  # the runner, her halo, the light's head: no arrays needed
            x, y = float(self._x[0]), float(self._y[0])
            px = dev.m11() * x + dev.m21() * y + dev.dx()
            py = dev.m12() * x + dev.m22() * y + dev.dy()
            if math.isfinite(px) and math.isfinite(py):
                sid = self._ids if isinstance(self._ids, int) else int(self._ids[0])
                pix = self._sprites[sid].at(scale)
                draw_device_pixmap(
                    p, pix, round(px) - pix.width() // 2, round(py) - pix.height() // 2
                )
            return
        px = dev.m11() * self._x + dev.m21() * self._y + dev.dx()
        py = dev.m12() * self._x + dev.m22() * self._y + dev.dy()
        ok = np.isfinite(px) & np.isfinite(py)
        tr = p.transform()
        p.resetTransform()
        base = p.deviceTransform()  # what is left: the device pixel ratio and offset
        ratio = base.m11()
        ids = self.ids()
        for sid in dict.fromkeys(ids[ok].tolist()):  # sprites in order of first use
            pick = ok & (ids == sid)
            sprite = self._sprites[sid].at(scale)
            self._frags.resize(int(pick.sum()))
            frags = self._frags.ndarray()
            # Whole device pixels: a sprite is drawn the same at every position (no blur).
            w, h = sprite.width(), sprite.height()
            frags[:, 0] = (np.round(px[pick]) - w // 2 + w / 2 - base.dx()) / ratio
            frags[:, 1] = (np.round(py[pick]) - h // 2 + h / 2 - base.dy()) / ratio
            frags[:, 2:6] = (0.0, 0.0, w, h)
            frags[:, 6:10] = (1.0 / ratio, 1.0 / ratio, 0.0, 1.0)
            p.drawPixmapFragments(*self._frags.drawargs(), sprite)
        p.setTransform(tr)
