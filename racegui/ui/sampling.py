"""Positions of every athlete at many times at once, for trails (computed, never accumulated)."""

from __future__ import annotations

import numpy as np

from racegui.model.replay import Replay


class TrailSampler:
    """Evaluates a replay's motion for all athletes at a row of times in one numpy pass."""

    def __init__(self, replay: Replay) -> None:
        self._replay = replay

    def positions(
        self, times_s: np.ndarray, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) in metres, shape (athletes, len(times_s)), for the given athlete rows."""
        return self._replay.positions_over(times_s, rows)
