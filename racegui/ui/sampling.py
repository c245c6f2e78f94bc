"""Positions of every athlete at many times at once, for trails (computed, never accumulated)."""

from __future__ import annotations

import numpy as np

from racegui.model.replay import Replay


class TrailSampler:
    """Evaluates a replay's motion for all athletes at a row of times in one numpy pass."""

    def __init__(self, replay: Replay) -> None:
        m = replay.motion
        self._n = replay.n
        self._breaks = m.breaks
        self._inner = m.breaks[:, 1:]
        self._coeffs = m.coeffs
        self._count = m.count
        self._first = m.first[:, None]
        self._last = m.last[:, None]
        self._rows = np.arange(len(m.count))[:, None]
        self._track = replay.track
        self._start_s = replay.track.start_position_m(replay.race.distance_m)

    def positions(
        self, times_s: np.ndarray, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) in metres, shape (athletes, len(times_s)), for the given athlete rows."""
        n = self._n
        idx = np.arange(n) if rows is None else np.asarray(rows)
        both = np.concatenate([idx, idx + n])
        t = np.asarray(times_s, dtype=float)[None, :]
        tc = np.minimum(np.maximum(t, self._first[both]), self._last[both])
        inner = self._inner[both]
        k = (inner[:, None, :] <= tc[:, :, None]).sum(axis=2)
        k = np.minimum(k, (self._count[both] - 1)[:, None])
        r = both[:, None]
        c = self._coeffs[r, k]
        u = tc - self._breaks[r, k]
        v = ((c[..., 0] * u + c[..., 1]) * u + c[..., 2]) * u + c[..., 3]
        half = len(idx)
        s = np.mod(v[:half] + self._start_s, self._track.lap_m)
        x, y, _ = self._track.xy(s, v[half:])
        return x, y
