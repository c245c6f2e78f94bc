"""Athlete markers: pre-drawn disc sprites in three layers, created once, moved every frame.

Ghosts, dropped-out pacers and running athletes each form one SpriteLayer (in that stacking
order); a marker's look (colour, size, faded or not) is a sprite drawn once per style, so a
frame is three ``set_points`` calls with no per-frame QColor, QBrush or style lookups.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPen

from racegui.model.replay import Replay
from racegui.ui.device_sprites import DiscSprite
from racegui.ui.theme import Theme
from racegui.ui.track_items import SpriteLayer

DROPPED_ALPHA = 90
"""Opacity (0..255) of a pacer after it has dropped out."""
LAYER_Z = {"ghost": 20, "dropped": 30, "running": 31}
"""Stacking of the marker layers (the view's own items sit below 20 and above 31)."""


def mk_colour(colour: str, alpha: int = 255) -> QColor:
    """QColor of "#rrggbb" with alpha 0..255."""
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


class MarkerLayer:
    """Markers of the non-focus, non-target athletes (pacers, other runners, model ghosts)."""

    def __init__(self, view_box: pg.ViewBox, replay: Replay, theme: Theme) -> None:
        self.layers = {name: SpriteLayer() for name in LAYER_Z}
        for name, layer in self.layers.items():
            layer.setZValue(LAYER_Z[name])
            view_box.addItem(layer, ignoreBounds=True)
        self._sizes = {"runner": 12.0, "pacer": 9.0, "ghost": 13.0}
        self._px_per_m = 5.0
        self.rebuild(replay, theme)

    def rebuild(self, replay: Replay, theme: Theme) -> None:
        """Styles for a replay/theme (not per frame)."""
        self._theme = theme
        self._replay = replay
        self._drop_t = np.nan_to_num(replay.dropout_time_s, nan=np.inf)
        skip = {replay.focus} | ({replay.target} if replay.target is not None else set())
        self._rows = np.array([i for i in range(replay.n) if i not in skip], dtype=int)
        kinds = [self._kind(replay.athletes[i].role) for i in self._rows]
        self._ghost = np.array([k == "ghost" for k in kinds], dtype=bool)
        self._restyle()

    def _kind(self, role: str) -> str:
        return role if role in self._sizes else "pacer"

    def _restyle(self) -> None:
        """Draw one sprite per (colour, kind, dropped) and give each marker its two ids."""
        styles: dict[tuple[str, str, bool], int] = {}
        sprites: list[DiscSprite] = []
        ids = np.zeros((len(self._rows), 2), dtype=int)
        for k, i in enumerate(self._rows):
            a = self._replay.athletes[i]
            kind = self._kind(a.role)
            for dropped in (False, True):
                key = (a.colour, kind, dropped and kind != "ghost")
                if key not in styles:
                    styles[key] = len(sprites)
                    sprites.append(self._sprite(*key))
                ids[k, int(dropped)] = styles[key]
        self._ids = ids
        for layer in self.layers.values():
            layer.set_sprites(sprites)
            layer.set_px_per_m(self._px_per_m)

    def _sprite(self, colour: str, kind: str, dropped: bool) -> DiscSprite:
        theme = self._theme
        size = self._sizes[kind]
        if kind == "ghost":
            pen = QPen(mk_colour(colour, 230), 1.6)
            return DiscSprite(mk_colour(colour, 80), pen, size)
        if dropped:
            pen = QPen(mk_colour(theme.pacer_outline, DROPPED_ALPHA), 1.0)
            return DiscSprite(mk_colour(colour, DROPPED_ALPHA), pen, size)
        return DiscSprite(mk_colour(colour), QPen(mk_colour(theme.pacer_outline, 220), 1.2), size)

    def set_marker_scale(self, px_per_m: float) -> None:
        """Marker diameters (px) from the view's pixels per metre (to scale, with limits)."""
        self._px_per_m = px_per_m
        self._sizes = {
            "runner": float(np.clip(1.15 * px_per_m, 8.0, 30.0)),
            "pacer": float(np.clip(0.95 * px_per_m, 6.0, 24.0)),
            "ghost": float(np.clip(1.2 * px_per_m, 9.0, 30.0)),
        }
        self._restyle()

    def items(self) -> list[SpriteLayer]:
        """The marker layers (each draws several athletes)."""
        return list(self.layers.values())

    def update(self, t: float, x: np.ndarray, y: np.ndarray) -> None:
        """Move every marker to (x, y) m; pacers past their dropout time are faded."""
        rows = self._rows
        dropped = t >= self._drop_t[rows]
        ids = self._ids[np.arange(len(rows)), dropped.astype(int)]
        for name, pick in (
            ("ghost", self._ghost),
            ("dropped", dropped & ~self._ghost),
            ("running", ~dropped & ~self._ghost),
        ):
            sel = rows[pick]
            self.layers[name].set_points(x[sel], y[sel], ids[pick])
