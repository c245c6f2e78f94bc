"""The side panel's last drawing, patched per frame where something changed (for exports).

QWidget.render draws every card, label, table and chart of the panel each time, although
from one export frame to the next only a few readouts, the chart cursor and the strip move.
PanelRenderCache keeps the previous drawing in a QImage and redraws only:

- a *part* (a section card) whose ``dirty`` flag is set, whose extra key changed (e.g. a
  scroll position), or inside which a leaf moved, shown or hid: the card's rectangle is
  filled with the panel background and the card drawn again;
- an opaque *leaf* (a widget that paints its whole rectangle, e.g. a LiveText with a
  background or the pace chart) whose ``dirty`` flag is set: the leaf alone is drawn again.

Anything else (size, scroll position of the panel, a section's geometry or visibility, the
style or the replay) draws the whole panel again. Widgets set ``dirty = True`` when what they
paint changes; render_into clears the flags of what it drew.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from racegui.ui.panel.live_text import LiveText

_CHILDREN = QWidget.RenderFlag.DrawChildren
_ORIGIN = QPoint(0, 0)


@dataclass(eq=False)
class Part:
    """A section of the panel, the opaque leaves inside it, and what else invalidates it."""

    widget: QWidget
    leaves: tuple[QWidget, ...] = ()
    extra_key: Callable[[], tuple] = field(default=tuple)
    """State that is not a dirty flag but changes the drawing (e.g. a scroll bar value)."""


class PanelRenderCache:
    """Draws `panel` by patching its previous drawing; see the module docstring."""

    def __init__(self, panel: QWidget, viewport: Callable[[], QRect]) -> None:
        """`viewport` returns the panel area (panel px) in which sections are visible."""
        self._panel = panel
        self._viewport = viewport
        self._parts: list[Part] = []
        self._background = QColor("#000000")
        self._image: QImage | None = None
        self._key: tuple = ()
        self._part_keys: dict[int, tuple] = {}
        self._changed: list[QRect] | None = None
        """Panel rects redrawn by the last render_into (None: all of it)."""

    def set_parts(self, parts: list[Part], background: str) -> None:
        """The sections to track and the colour behind them; forgets the drawing."""
        self._parts = parts
        self._background = QColor(background)
        self.invalidate()

    def invalidate(self) -> None:
        """Draw everything on the next render_into."""
        self._image = None

    def render_into(self, painter: QPainter, offset: QPoint) -> None:
        """Draw the panel at `offset` (painter px), redrawing only what changed."""
        image, _ = self.updated()
        painter.drawImage(offset, image)

    def updated(self) -> tuple[QImage, list[QRect] | None]:
        """The panel's drawing brought up to date, and the panel rects redrawn since the last
        call (None: all of it). The image is the cache's own: read it, don't keep it."""
        panel = self._panel
        view = self._viewport()
        key = self._panel_key(view)
        image = self._image
        self._changed = []
        if image is None or image.size() != panel.size() or key != self._key:
            self._changed = None
            image = QImage(panel.size(), QImage.Format.Format_RGB32)
            image.setDevicePixelRatio(1.0)
            image.fill(self._background)
            panel.render(image)
            self._image, self._key = image, key
            self._part_keys = {id(p): self._part_key(p) for p in self._parts}
            for part in self._parts:
                _clear(part)
        else:
            self._patch(image, view)
        return image, self._changed

    def _patch(self, image: QImage, view: QRect) -> None:
        p: QPainter | None = None  # begun on the first drawing: most frames change little
        for part in self._parts:
            w = part.widget
            if not w.isVisible():
                continue
            key = self._part_key(part)
            if getattr(w, "dirty", True) or key != self._part_keys.get(id(part)):
                p = _begun(p, image)
                self._draw(p, w, view, fill=True)
                self._part_keys[id(part)] = key
                _clear(part)
                continue
            for leaf in part.leaves:
                if getattr(leaf, "dirty", True) and leaf.isVisible():
                    p = _begun(p, image)
                    self._draw(p, leaf, view, fill=False)
                leaf.dirty = False
        if p is not None:
            p.end()

    def _draw(self, p: QPainter, w: QWidget, view: QRect, fill: bool) -> None:
        """Draw widget w where it is in the panel, clipped to the panel's viewport."""
        at = w.mapTo(self._panel, QPoint(0, 0))
        visible = QRect(at, w.size()).intersected(view)
        if visible.isEmpty():
            return
        if self._changed is not None:
            self._changed.append(visible)
        if fill:
            p.fillRect(visible, self._background)
        elif isinstance(w, LiveText) and w.opaque():
            # The same pixels as QWidget.render, a fraction of its cost (a paint event each).
            w.paint_into(p, at, visible.translated(-at))
            return
        # QWidget.render puts the top-left of the source region at the target offset.
        # DrawChildren only: no square window background over a card's rounded corners.
        w.render(p, visible.topLeft(), QRegion(visible.translated(-at)), _CHILDREN)

    def _panel_key(self, view: QRect) -> tuple:
        """Geometry and visibility of every section, in panel px, and the viewport `view`."""
        panel = self._panel
        rects = []
        for part in self._parts:
            w = part.widget
            rects.append((w.isVisible(), w.mapTo(panel, _ORIGIN), w.size()))
        return (panel.size(), view, tuple(rects))

    @staticmethod
    def _part_key(part: Part) -> tuple:
        """Where the leaves are inside their section, whether shown, and the extra key."""
        w = part.widget
        leaves = tuple(
            (leaf.isVisible(), leaf.mapTo(w, _ORIGIN), leaf.size()) for leaf in part.leaves
        )
        return leaves, part.extra_key()


def _clear(part: Part) -> None:
    part.widget.dirty = False
    for leaf in part.leaves:
        leaf.dirty = False


def _begun(p: QPainter | None, image: QImage) -> QPainter:
    """p, or a painter begun on image if there is none yet."""
    return QPainter(image) if p is None else p
