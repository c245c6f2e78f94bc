"""The followed runner's laps beside another race's runner over the same lines (an analyst's
heat against final, or this year against last): times at each finish-line crossing and the
gap between them, as athletics times them (rounded up to the hundredth, analysis.timed)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from racegui.model.analysis import (
    START_DECIMALS,
    Lap,
    decimals_at,
    decimals_between,
    lap_table,
    published_decimals,
    timed,
)
from racegui.model.follow import compared
from racegui.model.replay import Replay
from racegui.model.timefmt import PUBLISHED_DECIMALS


@dataclass(frozen=True)
class ComparedLap:
    """One of her laps (``lap``) and the other runner's time over the same stretch (s; NaN
    where the other runner never got to its end)."""

    lap: Lap
    other_time_s: float
    other_lap_time_s: float
    other_decimals: int = PUBLISHED_DECIMALS
    """Decimals the other's time at the line is printed to: as published where that race
    publishes a split there (a finish of 4:07.6), else hundredths (read from the model)."""
    other_lap_decimals: int = PUBLISHED_DECIMALS
    """Decimals the other's lap time is printed to: the more of its ends'
    (analysis.decimals_between), as her lap's (Lap.lap_decimals)."""

    @property
    def gap_s(self) -> float:
        """Her time at the line minus the other's (s): positive is behind."""
        return self.lap.time_s - self.other_time_s

    @property
    def lap_delta_s(self) -> float:
        """Her lap time minus the other's over the same stretch (s): positive is slower."""
        return self.lap.lap_time_s - self.other_lap_time_s


def compare_laps(
    shown: Replay, other: Replay, whole_race: bool = False
) -> tuple[Replay, list[ComparedLap]]:
    """``other`` following the runner it is compared by (her own run in it, if she ran in
    it too: follow.compared), and each lap of ``shown``'s runner beside that runner's times
    over the same lines. Both races run the same distance (replay.comparison_problem).
    ``whole_race``: for a runner who did not finish, every lap to the finish as a finisher's
    table has them (her times NaN past where she stopped; analysis.lap_table)."""
    other = compared(shown, other)
    laps = lap_table(shown, whole_race)
    ends = np.array([lap.end_m for lap in laps])
    theirs = timed(np.atleast_1d(other.time_at_distance(other.focus, ends)))
    before = np.concatenate([[0.0], theirs[:-1]])
    given = published_decimals(other)
    at = [decimals_at(given, lap.end_m) for lap in laps]
    rows = [
        ComparedLap(
            lap,
            float(t),
            float(t - b) if math.isfinite(t) else math.nan,
            end,
            decimals_between(start, end),
        )
        for lap, t, b, start, end in zip(
            laps, theirs, before, [START_DECIMALS, *at[:-1]], at, strict=True
        )
    ]
    return other, rows
