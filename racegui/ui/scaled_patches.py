"""An image kept on a device at another scale, redrawing only the rectangles that changed.

An export at 1280x720 draws the side panel laid out for 1080 lines, scaled by 2/3. Scaling the
whole panel for every frame costs ~1 ms; ScaledPatches keeps the scaled copy and rescales only
the rects that changed. Smooth downscaling averages the source pixels under each device
pixel, so a rect that starts and ends on a *grid* (source px that map to whole device px:
3 source px -> 2 device px at 2/3) and is rescaled with one grid cell of margin on each side
comes out exactly as it would in a scaling of the whole image (tests compare both).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter

MAX_GRID_PX = 12
"""Largest grid tried (source px); scales without one this small rescale the whole image."""


def scale_grid(scale: tuple[float, float], *lengths: int) -> int | None:
    """The smallest g (source px) that maps to whole device px along both axes and divides
    every length given (sizes and offsets, source px), or None."""
    for g in range(1, MAX_GRID_PX + 1):
        if all(abs(g * s - round(g * s)) < 1e-9 for s in scale) and all(
            n % g == 0 for n in lengths
        ):
            return g
    return None


def scaled_size(size: QSize, scale: tuple[float, float]) -> QSize:
    return QSize(round(size.width() * scale[0]), round(size.height() * scale[1]))


class ScaledPatches:
    """A device-resolution copy of one source image (e.g. the side panel)."""

    def __init__(self) -> None:
        self._copy: QImage | None = None
        self._key: tuple = ()

    def draw(
        self,
        painter: QPainter,
        origin: QPoint,
        image: QImage,
        changed: list[QRect] | None,
        scale: tuple[float, float],
        fresh: bool,
    ) -> None:
        """Draw image scaled by `scale` at origin (device px; painter untransformed). When not
        `fresh`, the device already holds the previous drawing there, and only `changed`
        (source rects; None: all) is drawn again."""
        size = scaled_size(image.size(), scale)
        key = (image.width(), image.height(), scale)
        grid = scale_grid(scale, image.width(), image.height())
        if fresh or changed is None or grid is None or self._copy is None or key != self._key:
            self._copy = _smooth(image, size)
            self._key = key
            painter.drawImage(origin, self._copy)
            return
        sx, sy = scale
        bounds = image.rect()
        for rect in changed:
            inner = _on_grid(rect, grid).intersected(bounds)
            if inner.isEmpty():
                continue
            outer = inner.adjusted(-grid, -grid, grid, grid).intersected(bounds)
            part = _smooth(image.copy(outer), scaled_size(outer.size(), scale))
            at = QPoint(
                round((inner.left() - outer.left()) * sx), round((inner.top() - outer.top()) * sy)
            )
            dest = QRect(
                QPoint(round(inner.left() * sx), round(inner.top() * sy)),
                scaled_size(inner.size(), scale),
            )
            p = QPainter(self._copy)
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            p.drawImage(dest.topLeft(), part, QRect(at, dest.size()))
            p.end()
            painter.drawImage(dest.translated(origin), self._copy, dest)


def _on_grid(rect: QRect, g: int) -> QRect:
    """rect grown outward to multiples of g."""
    left = rect.left() // g * g
    top = rect.top() // g * g
    right = -(-(rect.right() + 1) // g) * g
    bottom = -(-(rect.bottom() + 1) // g) * g
    return QRect(left, top, right - left, bottom - top)


def _smooth(image: QImage, size: QSize) -> QImage:
    return image.scaled(
        size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
