"""A row of dots, one per pacer: filled while running, hollow once dropped out."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from racegui.ui.panel.style import PanelStyle


class PacerPips(QWidget):
    """Pacer dots in the order they stop (the last to stop on the left)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours: list[QColor] = []
        self._running = 0
        self._style: PanelStyle | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_colours(self, colours: tuple[str, ...]) -> None:
        """One colour per pacer, the last to stop first."""
        self._colours = [QColor(c) for c in colours]
        self._running = len(colours)
        self.updateGeometry()
        self.update()

    def set_running(self, n: int) -> None:
        """How many pacers run now; repaints only on a change."""
        if n != self._running:
            self._running = n
            self.update()

    def apply_style(self, style: PanelStyle) -> None:
        self._style = style
        self.updateGeometry()
        self.update()

    def _dot(self) -> float:
        return 11.0 * (self._style.scale if self._style is not None else 1.0)

    def sizeHint(self) -> QSize:  # Qt override
        d = self._dot()
        return QSize(int(len(self._colours) * d * 1.5), int(d + 4))

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(int(len(self._colours) * 5), int(self._dot() + 4))

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        style = self._style
        n = len(self._colours)
        if style is None or n == 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pitch = min(self._dot() * 1.5, (self.width() - 2) / n)
        r = pitch / 3.0
        y = self.height() / 2
        x0 = self.width() - n * pitch + pitch / 2
        muted = QColor(style.theme.text_muted)
        for k, colour in enumerate(self._colours):
            centre = QPointF(x0 + k * pitch, y)
            if k < self._running:
                p.setPen(QPen(colour.lighter(115), 1))
                p.setBrush(colour)
            else:
                p.setPen(QPen(muted, max(1.0, style.scale)))
                p.setBrush(QColor(0, 0, 0, 0))
            p.drawEllipse(centre, r, r)
        p.end()
