"""A horizontal race-time strip: a tick per pacer dropout, minute marks and a time cursor.

The bar, minute marks and the dropout ticks (once in their colours, once dimmed) are drawn
into pixmaps once per replay, size and style; a frame blits them, the ticks passed from the
coloured layer and the rest from the dimmed one, then draws the progress fill and the cursor.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from racegui.ui.panel.data import PanelData
from racegui.ui.panel.style import PanelStyle, rgba
from racegui.ui.qt_guard import guarded_paint

MINUTE_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 240)
"""Minutes between the strip's labelled time marks, the least whose labels do not touch."""
MIN_TICK_GAP_PX = 4.0
"""Marks closer than this (px at scale 1) are drawn only where labelled."""


def minute_step(label_px: float, minute_px: float) -> int:
    """The least of MINUTE_STEPS over which a label `label_px` wide fits, a minute being
    `minute_px` wide (px): a 10,000 m's "1:00", "2:00"... had run together."""
    return next((k for k in MINUTE_STEPS if k * minute_px >= label_px), MINUTE_STEPS[-1])


class TimelineStrip(QWidget):
    """0..duration (s) left to right; repaints only when the cursor moves by a pixel."""

    seek_requested = Signal(float)
    """Race time (s) under a click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._duration = 1.0
        self._drops = np.empty(0)
        self._colours: list[QColor] = []
        self._style: PanelStyle | None = None
        self._t = 0.0
        self._px = -1
        self._passed = -1
        self._layers: tuple[float, QPixmap, QPixmap, QPixmap, np.ndarray] | None = None
        """(device pixel ratio, *layers) for the last device painted."""
        self.dirty = True
        """Set when what is painted changed (read and cleared by the panel's render cache)."""
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip("Pacer dropouts over race time: click to jump")

    def set_data(self, data: PanelData) -> None:
        """Dropout times of a replay."""
        replay = data.replay
        self._duration = max(float(replay.duration_s), 1.0)
        self._drops = data.dropout_s
        colours = {a.id: a.colour for a in replay.athletes}
        self._colours = [QColor(colours.get(d.athlete, "#888888")) for d in data.dropouts]
        self._px = self._passed = -1
        self._invalidate()

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts and colours; paints the card colour behind the strip (an opaque widget)."""
        self._style = style
        self.setFont(style.font(0.7))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.updateGeometry()
        self._invalidate()

    def set_time(self, t: float) -> None:
        """Move the cursor to race time t (s); repaints only if it moved a pixel or a tick
        changed colour."""
        self._t = t
        px = int(self._x_of(t))
        passed = int(np.searchsorted(self._drops, t, side="right"))
        if px != self._px or passed != self._passed:
            self._px, self._passed = px, passed
            self.dirty = True
            self.update()

    def sizeHint(self) -> QSize:  # Qt override
        s = self._style.scale if self._style is not None else 1.0
        return QSize(200, self.fontMetrics().height() + round(22 * s))

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._invalidate()

    def _invalidate(self) -> None:
        self._layers = None
        self.dirty = True
        self.update()

    def _margin(self) -> float:
        return 6.0 * (self._style.scale if self._style is not None else 1.0)

    def _x_of(self, t: float) -> float:
        m = self._margin()
        frac = min(max(t / self._duration, 0.0), 1.0)
        return m + frac * (self.width() - 2 * m)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            m = self._margin()
            frac = (event.position().x() - m) / max(self.width() - 2 * m, 1.0)
            self.seek_requested.emit(float(min(max(frac, 0.0), 1.0) * self._duration))
            event.accept()
            return
        super().mousePressEvent(event)

    # --- painting -----------------------------------------------------------------------------
    def _pixmap(self, fill: QColor, dpr: float) -> QPixmap:
        pm = QPixmap(max(1, math.ceil(self.width() * dpr)), max(1, math.ceil(self.height() * dpr)))
        pm.setDevicePixelRatio(dpr)
        pm.fill(fill)
        return pm

    def _build_layers(
        self, style: PanelStyle, dpr: float
    ) -> tuple[QPixmap, QPixmap, QPixmap, np.ndarray]:
        """(card, bar and minute marks; coloured ticks; dimmed ticks; tick x positions px),
        drawn at dpr device pixels per widget pixel."""
        t = style.theme
        s = style.scale
        m = self._margin()
        bar_y, bar_h = 10 * s, 5 * s
        base = self._pixmap(QColor(style.card), dpr)
        p = QPainter(base)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(self.font())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(style.border))
        w = self.width() - 2 * m
        p.drawRoundedRect(QRectF(m, bar_y - bar_h / 2, w, bar_h), bar_h / 2, bar_h / 2)
        fm = self.fontMetrics()
        p.setPen(QColor(t.text_muted))
        align = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        minutes = int(self._duration // 60)
        minute_px = 60.0 * w / self._duration
        label_px = fm.horizontalAdvance(f"{minutes}:00") + fm.horizontalAdvance("  ")
        every = minute_step(label_px, minute_px)
        ticks = every if minute_px * every < MIN_TICK_GAP_PX * s else 1
        for minute in range(ticks, minutes + 1, ticks):
            x = self._x_of(minute * 60.0)
            p.drawLine(QPointF(x, bar_y + bar_h), QPointF(x, bar_y + bar_h + 3 * s))
            if minute % every == 0:
                rect = QRectF(x - 40 * s, bar_y + bar_h + 3 * s, 80 * s, fm.height())
                p.drawText(rect, align, f"{minute}:00")
        p.end()
        xs = np.array([self._x_of(float(v)) for v in self._drops], dtype=float)
        width = max(1.5, 2 * s)
        on = self._pixmap(QColor(0, 0, 0, 0), dpr)
        off = self._pixmap(QColor(0, 0, 0, 0), dpr)
        dim = QPen(QColor(style.dim), width)
        for pm, coloured in ((on, True), (off, False)):
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(dim)
            for x, colour in zip(xs, self._colours, strict=True):
                if coloured:
                    p.setPen(QPen(colour, width))
                p.drawLine(QPointF(x, bar_y - 6 * s), QPointF(x, bar_y + 6 * s))
            p.end()
        return base, on, off, xs

    @guarded_paint
    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        style = self._style
        if style is None:
            return
        p = QPainter(self)
        # The layers are drawn for the device being painted (an export's image has a pixel
        # ratio of 1 whatever the screen's), so that they are copied one to one.
        dpr = abs(p.deviceTransform().m11()) or 1.0
        if self._layers is None or self._layers[0] != dpr:
            self._layers = (dpr, *self._build_layers(style, dpr))
        _, base, on, off, xs = self._layers
        t = style.theme
        p.drawPixmap(0, 0, base)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        s = style.scale
        m = self._margin()
        bar_y, bar_h = 10 * s, 5 * s
        # Whole pixels: what is drawn depends only on what set_time compares (px, passed).
        x_now = float(int(self._x_of(self._t)))
        p.setPen(Qt.PenStyle.NoPen)
        accent = style.runner_accent
        p.setBrush(rgba(accent.name(), 0.55))
        p.drawRoundedRect(QRectF(m, bar_y - bar_h / 2, x_now - m, bar_h), bar_h / 2, bar_h / 2)
        k = int(np.searchsorted(self._drops, self._t, side="right"))
        n = len(xs)
        if n:
            # Ticks passed come from the coloured layer, the others from the dimmed one.
            split = 0 if k == 0 else self.width() if k == n else int(round((xs[k - 1] + xs[k]) / 2))
            h = self.height()
            if split > 0:
                p.setClipRect(0, 0, split, h)
                p.drawPixmap(0, 0, on)
            if split < self.width():
                p.setClipRect(split, 0, self.width() - split, h)
                p.drawPixmap(0, 0, off)
            p.setClipping(False)
        p.setPen(QPen(QColor(t.text), max(1.5, 2 * s)))
        p.setBrush(accent)
        p.drawEllipse(QPointF(x_now, bar_y), 4.5 * s, 4.5 * s)
        p.end()
