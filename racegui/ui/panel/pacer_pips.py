"""A row of dots, one per pacer: filled while running, hollow once dropped out.

Above MAX_DOTS pacers a single bar stands in for the dots: filled for the share still running.
Either way the size hints and the paint cost do not grow with the number of pacers.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from racegui.ui.panel.style import PanelStyle
from racegui.ui.qt_guard import guarded_paint

MAX_DOTS = 40
"""Most pacers drawn as one dot each; more are drawn as a bar."""
MIN_BAR_SLOTS = 12
"""The bar is at least as long as this many dots at their smallest (5 px each)."""


class PacerPips(QWidget):
    """Pacer dots in the order they stop (the last to stop on the left)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours: list[QColor] = []
        self._running = 0
        self._style: PanelStyle | None = None
        self._background: QColor | None = None
        self.dirty = True
        """Set when what is painted changed (read and cleared by the panel's render cache)."""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def compact(self) -> bool:
        """True when there are too many pacers for a dot each (a bar is drawn)."""
        return len(self._colours) > MAX_DOTS

    def set_colours(self, colours: tuple[str, ...]) -> None:
        """One colour per pacer, the last to stop first."""
        self._colours = [QColor(c) for c in colours]
        self._running = len(colours)
        self.updateGeometry()
        self._changed()

    def set_running(self, n: int) -> None:
        """How many pacers run now; repaints only on a change."""
        if n != self._running:
            self._running = n
            self._changed()

    def apply_style(self, style: PanelStyle) -> None:
        """Colours and sizes; paints the card colour behind the dots (an opaque widget)."""
        self._style = style
        self._background = QColor(style.card)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.updateGeometry()
        self._changed()

    def _changed(self) -> None:
        self.dirty = True
        self.update()

    def _dot(self) -> float:
        return 11.0 * (self._style.scale if self._style is not None else 1.0)

    def _slots(self) -> int:
        return min(len(self._colours), MAX_DOTS)

    def sizeHint(self) -> QSize:  # Qt override
        d = self._dot()
        return QSize(int(self._slots() * d * 1.5), int(d + 4))

    def minimumSizeHint(self) -> QSize:  # Qt override
        slots = MIN_BAR_SLOTS if self.compact else self._slots()
        return QSize(int(slots * 5), int(self._dot() + 4))

    @guarded_paint
    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        style = self._style
        if style is None:
            return
        p = QPainter(self)
        if self._background is not None:
            p.fillRect(event.rect(), self._background)
        if self._colours:
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            if self.compact:
                self._paint_bar(p, style)
            else:
                self._paint_dots(p, style)
        p.end()

    def _paint_dots(self, p: QPainter, style: PanelStyle) -> None:
        n = len(self._colours)
        pitch = min(self._dot() * 1.5, (self.width() - 2) / n)
        r = pitch / 3.0
        y = self.height() / 2
        x0 = self.width() - n * pitch + pitch / 2
        muted = QColor(style.theme.text_muted)
        hollow = QPen(muted, max(1.0, style.scale))
        for k, colour in enumerate(self._colours):
            centre = QPointF(x0 + k * pitch, y)
            if k < self._running:
                p.setPen(QPen(colour.lighter(115), 1))
                p.setBrush(colour)
            else:
                p.setPen(hollow)
                p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(centre, r, r)

    def _paint_bar(self, p: QPainter, style: PanelStyle) -> None:
        """A rounded bar as long as MAX_DOTS dots: the running share filled in pacer colour."""
        n = len(self._colours)
        pitch = min(self._dot() * 1.5, (self.width() - 2) / MAX_DOTS)
        h = 2 * pitch / 3.0
        length = MAX_DOTS * pitch - pitch / 3.0
        rect = QRectF(self.width() - length - pitch / 6.0, (self.height() - h) / 2, length, h)
        p.setPen(QPen(QColor(style.theme.text_muted), max(1.0, style.scale)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect, h / 2, h / 2)
        if self._running <= 0:
            return
        colour = self._colours[0]
        filled = QRectF(rect.left(), rect.top(), rect.width() * self._running / n, h)
        p.setPen(QPen(colour.lighter(115), 1))
        p.setBrush(colour)
        p.drawRoundedRect(filled, min(h / 2, filled.width() / 2), h / 2)
