"""Transport icons painted with QPainter in the theme's colour, and the application icon."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from racegui.ui.ui_paths import icon_path

ICON_PX = 64


def _tri(p: QPainter, x0: float, x1: float, flip: bool = False) -> None:
    pts = [QPointF(x0, 14), QPointF(x1, 32), QPointF(x0, 50)]
    if flip:
        pts = [QPointF(x1, 14), QPointF(x0, 32), QPointF(x1, 50)]
    p.drawPolygon(QPolygonF(pts))


def _draw(name: str, p: QPainter) -> None:
    if name == "play":
        _tri(p, 18, 52)
    elif name == "pause":
        p.drawRoundedRect(QRectF(16, 14, 11, 36), 2, 2)
        p.drawRoundedRect(QRectF(37, 14, 11, 36), 2, 2)
    elif name == "step_back":
        p.drawRect(QRectF(14, 16, 6, 32))
        _tri(p, 22, 50, flip=True)
    elif name == "step_forward":
        _tri(p, 14, 42)
        p.drawRect(QRectF(44, 16, 6, 32))
    elif name == "prev_event":
        _tri(p, 8, 32, flip=True)
        _tri(p, 32, 56, flip=True)
    elif name == "next_event":
        _tri(p, 8, 32)
        _tri(p, 32, 56)
    elif name == "restart":
        p.setBrush(Qt.BrushStyle.NoBrush)
        pen = p.pen()
        p.setPen(QPen(pen.color(), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        path = QPainterPath()
        path.arcMoveTo(QRectF(14, 14, 36, 36), 60)
        path.arcTo(QRectF(14, 14, 36, 36), 60, 300)
        p.drawPath(path)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(pen.color())
        p.drawPolygon(QPolygonF([QPointF(33, 8), QPointF(46, 18), QPointF(31, 24)]))
    elif name == "loop":
        _repeat(p)


def _repeat(p: QPainter) -> None:
    """The usual repeat sign, unlike restart's circular arrow: two square-cornered arrows
    chasing each other round a rectangle, the top one going right, the bottom one left."""
    colour = p.pen().color()
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(
        QPen(colour, 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
    )
    for x0, y0, sx in ((12, 36, 1), (52, 28, -1)):  # the second is the first turned round
        path = QPainterPath(QPointF(x0, y0))
        path.lineTo(x0, y0 - 10 * sx)
        path.quadTo(x0, y0 - 16 * sx, x0 + 6 * sx, y0 - 16 * sx)
        path.lineTo(x0 + 28 * sx, y0 - 16 * sx)
        p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawPolygon(QPolygonF([QPointF(38, 9), QPointF(52, 20), QPointF(38, 31)]))
    p.drawPolygon(QPolygonF([QPointF(26, 33), QPointF(12, 44), QPointF(26, 55)]))


def transport_icon(name: str, colour: str) -> QIcon:
    """One of play, pause, step_back, step_forward, prev_event, next_event, restart, loop."""
    pm = QPixmap(ICON_PX, ICON_PX)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    c = QColor(colour)
    p.setPen(QPen(c, 1))
    p.setBrush(c)
    _draw(name, p)
    p.end()
    return QIcon(pm)


def app_icon() -> QIcon:
    """The application icon (resources/icons/racegui.svg, or a painted fallback)."""
    path = icon_path("racegui.svg")
    if path.is_file():
        icon = QIcon(str(path))
        if not icon.isNull():
            return icon
    pm = QPixmap(ICON_PX, ICON_PX)
    pm.fill(QColor("#0d1117"))
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(QColor("#c4573f"), 10))
    p.drawRoundedRect(QRectF(10, 18, 44, 28), 14, 14)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#39ff6a"))
    p.drawEllipse(QRectF(38, 38, 12, 12))
    p.end()
    return QIcon(pm)
