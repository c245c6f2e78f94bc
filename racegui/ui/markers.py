"""Athlete markers: one ScatterPlotItem per style, created once and moved every frame.

Athletes sharing a colour, size and state (running / dropped out) share one item, so a frame
is a few ``setData(x, y)`` calls with styles fixed at creation (no per-frame QColor/QBrush).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from racegui.model.replay import Replay
from racegui.ui.theme import Theme

DROPPED_ALPHA = 90
"""Opacity (0..255) of a pacer after it has dropped out."""


def mk_colour(colour: str, alpha: int = 255) -> QColor:
    """QColor of "#rrggbb" with alpha 0..255."""
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


class MarkerLayer:
    """Markers of the non-focus, non-target athletes (pacers, other runners, model ghosts)."""

    def __init__(self, view_box: pg.ViewBox, replay: Replay, theme: Theme) -> None:
        self._vb = view_box
        self._items: dict[tuple[str, str, bool], tuple[pg.ScatterPlotItem, np.ndarray]] = {}
        self._sizes = {"runner": 12.0, "pacer": 9.0, "ghost": 13.0}
        self.rebuild(replay, theme)

    def rebuild(self, replay: Replay, theme: Theme) -> None:
        """Create the items for a replay/theme (not per frame)."""
        for item, _ in self._items.values():
            self._vb.removeItem(item)
        self._items.clear()
        self._theme = theme
        self._drop_t = np.nan_to_num(replay.dropout_time_s, nan=np.inf)
        skip = {replay.focus} | ({replay.target} if replay.target is not None else set())
        groups: dict[tuple[str, str, bool], list[int]] = {}
        for i, a in enumerate(replay.athletes):
            if i in skip:
                continue
            kind = a.role if a.role in self._sizes else "pacer"
            for dropped in (False, True):
                if dropped and not np.isfinite(self._drop_t[i]):
                    continue
                groups.setdefault((a.colour, kind, dropped), []).append(i)
        for key, rows in groups.items():
            colour, kind, dropped = key
            item = pg.ScatterPlotItem(pxMode=True, symbol="o", antialias=True)
            item.setZValue(20 if kind == "ghost" else 30 + (0 if dropped else 1))
            self._style(item, colour, kind, dropped)
            self._vb.addItem(item, ignoreBounds=True)
            self._items[key] = (item, np.array(rows, dtype=int))

    def _style(self, item: pg.ScatterPlotItem, colour: str, kind: str, dropped: bool) -> None:
        theme = self._theme
        if kind == "ghost":
            item.setBrush(pg.mkBrush(mk_colour(colour, 80)))
            item.setPen(pg.mkPen(mk_colour(colour, 230), width=1.6))
        elif dropped:
            item.setBrush(pg.mkBrush(mk_colour(colour, DROPPED_ALPHA)))
            item.setPen(pg.mkPen(mk_colour(theme.pacer_outline, DROPPED_ALPHA), width=1.0))
        else:
            item.setBrush(pg.mkBrush(mk_colour(colour)))
            item.setPen(pg.mkPen(mk_colour(theme.pacer_outline, 220), width=1.2))
        item.setSize(self._sizes[kind])
        item._racegui_kind = kind  # remembered for set_scale

    def set_marker_scale(self, px_per_m: float) -> None:
        """Marker diameters (px) from the view's pixels per metre (to scale, with limits)."""
        self._sizes = {
            "runner": float(np.clip(1.15 * px_per_m, 8.0, 30.0)),
            "pacer": float(np.clip(0.95 * px_per_m, 6.0, 24.0)),
            "ghost": float(np.clip(1.2 * px_per_m, 9.0, 30.0)),
        }
        for (_, kind, _), (item, _) in self._items.items():
            item.setSize(self._sizes[kind])

    def update(self, t: float, x: np.ndarray, y: np.ndarray) -> None:
        """Move every marker to (x, y) m; pacers past their dropout time use the faded item."""
        dropped_now = t >= self._drop_t
        for (_, _, dropped), (item, rows) in self._items.items():
            mask = dropped_now[rows] if dropped else ~dropped_now[rows]
            sel = rows[mask]
            if len(sel) == 0 and not item.isVisible():
                continue
            item.setVisible(len(sel) > 0)
            item.setData(x=x[sel], y=y[sel])
