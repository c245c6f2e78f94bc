"""Runners in a crowd never drawn on each other: where along the track a runner of a pack
(model.pack_lanes) is drawn, so that no two runners' centres come nearer than APART_M, a
body's width.

Slots across the track keep most runners apart; this holds back the rest, drawn just behind
the one in their way: a field too large for the slots (fourteen level at a 1500 m start
stand eight abreast, the others in a row behind), a runner boxed in, closing on the one
ahead in her slot, and two crossing each other's line in the middle of their moves. At every
step, front first, a runner is drawn where she is unless that is within APART_M (plus
QUEUE_SLACK_M, for the frames between steps) of one placed before her, anywhere across the
track between where each is the step before and the step after: then she is drawn just
behind that one. Held back, she makes up the ground at CATCH_MPS once the way is clear. Only
where she is drawn changes: her race distance, splits, gaps and place in the standings are
her own.
"""

from __future__ import annotations

import bisect
import math

import numpy as np

from racegui.model.piece_ops import linear_through
from racegui.model.piecewise import Pieces

APART_M = 0.6
"""Least distance (m) between two runners' centres: about a body's width (the pocket cam
draws a runner 0.5 m across, the one followed 0.62 m), so no two markers overlap."""
QUEUE_SLACK_M = 0.12
"""Added to APART_M at each step (m): runners move on between steps (a frame falls between
two), and a runner's hold-back between steps is a straight line."""
CATCH_MPS = 1.0
"""How fast (m/s) a runner held back makes up the ground once the way is clear."""
REACH_M = 3.0
"""A runner placed before another but pushed back this far (m) or less behind where the
other would be is still in her way: the other stays behind her (they do not swap places
through each other between two steps)."""
HOLD_TOL_M = 0.02
"""A hold-back is drawn as a line through its values at the steps, within this (m)."""


class Queue:
    """The runners placed so far at one step, front first: how far each is behind a cut of
    the lap (m) and where she is across the track (m, from the step before to the step
    after)."""

    def __init__(self) -> None:
        self._behind: list[float] = []
        self._placed: list[tuple[float, float, float]] = []

    def place(self, behind: float, inner: float, outer: float) -> float:
        """Place a runner ``behind`` (m) the cut, between lateral offsets inner and outer
        (m): where she is, or pushed back just behind each one placed before her who is not
        APART_M + QUEUE_SLACK_M ahead of her (between centres, along and across), until she
        is clear of all of them: one placed later is never drawn ahead of one in her way.
        Returns how far behind the cut she is placed (m)."""
        apart = APART_M + QUEUE_SLACK_M
        u = behind
        pushed = True
        while pushed:
            pushed = False
            lo = bisect.bisect_left(self._behind, u - apart)
            hi = bisect.bisect_right(self._behind, u + REACH_M)
            for v, other_in, other_out in self._placed[lo:hi]:
                across = max(other_in - outer, inner - other_out, 0.0)
                if across >= apart:
                    continue
                need = math.sqrt(apart * apart - across * across)
                if u - v < need - 1e-9:  # not behind her yet (to a rounding)
                    u = v + need
                    pushed = True
                    break
        at = bisect.bisect_left(self._behind, u)
        self._behind.insert(at, u)
        self._placed.insert(at, (u, inner, outer))
        return u


def lateral_bands(lateral: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Innermost and outermost lateral offset (m) of each runner from the step before to the
    step after, from her offsets at each step (steps, runners)."""
    before = np.vstack([lateral[:1], lateral[:-1]])
    after = np.vstack([lateral[1:], lateral[-1:]])
    return (
        np.minimum(np.minimum(before, after), lateral),
        np.maximum(np.maximum(before, after), lateral),
    )


def hold_pieces(times: np.ndarray, held: np.ndarray) -> list[Pieces | None]:
    """How far ahead (m, 0 or less) of where she is each runner is drawn over time (s), from
    how far she is held back at each step (steps, runners): None for one never held."""
    return [
        linear_through(times, -held[:, i], HOLD_TOL_M) if np.any(held[:, i] > 0.0) else None
        for i in range(held.shape[1])
    ]
