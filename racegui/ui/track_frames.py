"""A TrackView's frames drawn into one reused image, repainting only what moved (for exports).

QWidget.render paints the whole view for every frame: the track backdrop (1.4 million pixels
at 1080p), every item and every overlay. From one export frame to the next only the moving
graphics change: markers, trails, the light band, name tags, the scoreboard and the pocket cam.
TrackFrames paints the backdrop once, at the output resolution, into a still image. For each
frame it copies the still back over the rectangles the previous frame's moving graphics
covered, then draws this frame's moving graphics (the scene's items, then the view's
foreground). Every other pixel already holds the still, so a frame equals the still plus its
own graphics: exactly what drawing it from scratch gives (the tests compare pixel for pixel).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from racegui.ui.track_view import TrackView

DAMAGE_PAD_PX = 3
"""Margin (device px) added round each moving graphic's box: antialiasing and pen overhang."""
FULL_REDRAW_SHARE = 0.6
"""Above this share of the view's area in moving rectangles, the whole still is copied."""


def _stacking(item) -> float:
    return item.zValue()


class TrackFrames:
    """Paints one TrackView into a caller's reused image; see the module docstring."""

    def __init__(self, view: TrackView) -> None:
        self._view = view
        self._still: QImage | None = None
        self._still_key: tuple = ()
        self._damage: list[QRect] | None = None
        """Device rects the last frame's moving graphics covered (None: unknown)."""
        self._option = QStyleOptionGraphicsItem()

    def paint(
        self, painter: QPainter, origin: QPoint, scale: tuple[float, float], fresh: bool
    ) -> None:
        """Draw the view at race time view.state.t with its top-left at `origin` (device px)
        and `scale` (device px per view px). `painter` must have no transform. `fresh` says the
        device does not hold this object's previous frame (a new or foreign image)."""
        view = self._view
        sx, sy = scale
        w, h = view.width(), view.height()
        area = QRectF(origin.x(), origin.y(), w * sx, h * sy).toAlignedRect()
        still = self._still_for(area.size(), scale)
        if fresh or self._damage is None:
            self._damage = [area]
        painter.save()
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        back = -area.topLeft()
        for rect in self._damage:
            painter.drawImage(rect, still, rect.translated(back))
        painter.restore()

        painter.save()
        painter.setClipRect(area)
        painter.translate(origin)
        painter.scale(sx, sy)
        painter.setRenderHints(view.renderHints(), True)
        # The moving items are all the scene draws (the view box and its frame paint nothing):
        # paint them directly, in stacking order, without a scene traversal.
        base = painter.transform()
        items = sorted((i for i in view.moving_items() if i.isVisible()), key=_stacking)
        for item in items:
            painter.setTransform(item.sceneTransform() * base)
            item.paint(painter, self._option, None)
        painter.setTransform(base)
        view.drawForeground(painter, QRectF(0.0, 0.0, w, h))
        painter.restore()
        self._damage = self._moving_rects(area, QPointF(origin), sx, sy)

    def _still_for(self, size, scale: tuple[float, float]) -> QImage:
        """The backdrop at the output resolution (painted again only when it changed)."""
        view = self._view
        key = (size.width(), size.height(), view.width(), view.height(), scale)
        key += (view.backdrop_version, id(view.theme), view.overlay.scale)
        if self._still is None or key != self._still_key:
            still = QImage(size, QImage.Format.Format_RGB32)
            still.setDevicePixelRatio(1.0)
            # A view ending on a half device pixel leaves its last row half painted: the
            # rest must be the background, not whatever the new image's memory held.
            still.fill(QColor(view.theme.background))
            p = QPainter(still)
            p.setRenderHints(view.renderHints(), True)
            p.scale(*scale)
            view.drawBackground(p, QRectF(0.0, 0.0, view.width(), view.height()))
            p.end()
            self._still, self._still_key = still, key
            self._damage = None
        return self._still

    def _moving_rects(self, area: QRect, origin: QPointF, sx: float, sy: float) -> list[QRect]:
        """Device rects (inside area) covering every moving graphic of the frame just drawn."""
        view = self._view
        to_device = QTransform(sx, 0.0, 0.0, sy, origin.x(), origin.y())
        boxes = [to_device.mapRect(r) for r in view.foreground_rects]
        for item in view.moving_items():
            if item.isVisible():
                box = item.device_rect(item.sceneTransform() * to_device)
                if box is not None:
                    boxes.append(box)
        pad = DAMAGE_PAD_PX
        out: list[QRect] = []
        covered = 0
        for box in boxes:
            rect = box.toAlignedRect().adjusted(-pad, -pad, pad, pad).intersected(area)
            if not rect.isEmpty():
                out.append(rect)
                covered += rect.width() * rect.height()
        if covered > FULL_REDRAW_SHARE * area.width() * area.height():
            return [area]
        return out
