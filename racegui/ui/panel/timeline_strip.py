"""A horizontal race-time strip: a tick per pacer dropout, minute marks and a time cursor."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from racegui.ui.panel.data import PanelData
from racegui.ui.panel.style import PanelStyle, rgba


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
        self._px = -1
        self.update()

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts and colours."""
        self._style = style
        self.setFont(style.font(0.7))
        self.updateGeometry()
        self.update()

    def set_time(self, t: float) -> None:
        """Move the cursor to race time t (s); repaints only if it moved a pixel."""
        self._t = t
        px = int(self._x_of(t))
        if px != self._px:
            self._px = px
            self.update()

    def sizeHint(self) -> QSize:  # Qt override
        s = self._style.scale if self._style is not None else 1.0
        return QSize(200, self.fontMetrics().height() + round(22 * s))

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

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        style = self._style
        if style is None:
            return
        t = style.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        s = style.scale
        m = self._margin()
        w = self.width() - 2 * m
        bar_y = 10 * s
        bar_h = 5 * s
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(style.border))
        p.drawRoundedRect(QRectF(m, bar_y - bar_h / 2, w, bar_h), bar_h / 2, bar_h / 2)
        x_now = self._x_of(self._t)
        p.setBrush(rgba(t.accent, 0.55))
        p.drawRoundedRect(QRectF(m, bar_y - bar_h / 2, x_now - m, bar_h), bar_h / 2, bar_h / 2)
        fm = self.fontMetrics()
        p.setPen(QColor(t.text_muted))
        for minute in range(1, int(self._duration // 60) + 1):
            x = self._x_of(minute * 60.0)
            label = f"{minute}:00"
            p.drawLine(QPointF(x, bar_y + bar_h), QPointF(x, bar_y + bar_h + 3 * s))
            rect = QRectF(x - 40, bar_y + bar_h + 3 * s, 80, fm.height())
            p.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), label)
        for time_s, colour in zip(self._drops, self._colours, strict=True):
            x = self._x_of(float(time_s))
            passed = time_s <= self._t
            c = QColor(colour) if passed else QColor(style.dim)
            p.setPen(QPen(c, max(1.5, 2 * s)))
            p.drawLine(QPointF(x, bar_y - 6 * s), QPointF(x, bar_y + 6 * s))
        p.setPen(QPen(QColor(t.text), max(1.5, 2 * s)))
        p.setBrush(QColor(t.accent))
        p.drawEllipse(QPointF(x_now, bar_y), 4.5 * s, 4.5 * s)
        p.end()
