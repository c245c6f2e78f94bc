"""The followed runner's published splits beside another race's runner's at the same
distances: where both race files give their runners' splits at the same distances (two
miles' 400, 800 and 1200 m), a coach compares those figures, not times read from the model
at the finish-line crossings (a mile's 409, 809 and 1209 m) as compare_laps does."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from racegui.model.analysis import (
    START_DECIMALS,
    decimals_at,
    decimals_between,
    given_splits,
    published_decimals,
    timed,
)
from racegui.model.follow import compared
from racegui.model.replay import Replay
from racegui.model.timefmt import PUBLISHED_DECIMALS

MIN_SHARED = 2
"""Fewest distances short of the finish at which both runners have published splits for the
comparison to go split by split (fewer: lap by lap, compare_laps)."""


@dataclass(frozen=True)
class ComparedSplit:
    """Her time at a distance (m) and the other runner's there (s; NaN where either never
    got there), with the time of each since the row before (or the gun)."""

    distance_m: float
    time_s: float
    other_time_s: float
    segment_time_s: float
    other_segment_time_s: float
    published: bool
    """Her time here is a split of hers in the race file (not read from the model)."""
    other_published: bool
    """The other runner's time here is a split in that race's file."""
    segment_published: bool
    """Both times at both ends of the stretch (or the gun) are published: both segment
    times and their difference are exact."""
    finish: bool = False
    at_stop: bool = False
    """Where a runner who did not finish stopped (her last row)."""
    decimals: int = PUBLISHED_DECIMALS
    """Decimals her time here is printed to: as published (1 for a 3:50.5), else hundredths."""
    other_decimals: int = PUBLISHED_DECIMALS
    """Decimals the other runner's time here is printed to, likewise."""
    segment_decimals: int = PUBLISHED_DECIMALS
    """Decimals her time since the row before is printed to: the more of its ends'
    (analysis.decimals_between; the start's 0 s is exact)."""
    other_segment_decimals: int = PUBLISHED_DECIMALS
    """Decimals the other's time since the row before is printed to, likewise."""

    @property
    def gap_s(self) -> float:
        """Her time at the distance minus the other's (s): positive is behind."""
        return self.time_s - self.other_time_s

    @property
    def segment_delta_s(self) -> float:
        """Her time since the row before minus the other's (s): positive is slower."""
        return self.segment_time_s - self.other_segment_time_s


def published_splits(replay: Replay) -> dict[float, float]:
    """The focus runner's splits the file publishes (not marked estimated): time (s) by
    distance (m, rounded to the millimetre)."""
    splits = replay.athletes[replay.focus].splits
    return {round(s.distance_m, 3): s.time_s for s in splits if not s.estimated}


def shared_splits_m(shown: Replay, other: Replay) -> list[float]:
    """Distances (m) short of the finish where both focus runners have published splits,
    in order; [] where there are fewer than MIN_SHARED. ``other`` as compared (follow.
    compared). A runner who did not finish counts the distances her table would have past
    her stop as a finisher's (analysis.given_splits with whole_race), so that the kind of
    rows does not give her stop away before she gets there."""
    race_m = float(shown.race.distance_m)
    hers = {
        round(r.distance_m, 3)
        for r in given_splits(shown, whole_race=True)
        if r.published or not math.isfinite(r.time_s)
    }
    shared = sorted(d for d in hers & set(published_splits(other)) if d < race_m - 1e-6)
    return shared if len(shared) >= MIN_SHARED else []


def compare_splits(
    shown: Replay, other: Replay, whole_race: bool = False
) -> tuple[Replay, list[ComparedSplit]]:
    """``other`` following the runner it is compared by (follow.compared) and, where both
    runners have published splits at the same distances (shared_splits_m), her time at each
    of them and at the finish beside that runner's; no rows otherwise. A runner who did not
    finish: her rows to where she stopped (the last, ``at_stop``); with ``whole_race``, to
    the finish as a finisher's (her times NaN past her stop), the rows a table shows until
    she stops."""
    other = compared(shown, other)
    shared = shared_splits_m(shown, other)
    if not shared:
        return other, []
    race_m = float(shown.race.distance_m)
    ends = [*shared, race_m]
    stop_m = shown.focus_stop_m if shown.focus_dnf and not whole_race else None
    if stop_m is not None:
        ends = [d for d in shared if d < stop_m - 1e-6] + [stop_m]
    mine, mine_pub = _times(shown, ends)
    theirs, theirs_pub = _times(other, ends)
    mine_dec, theirs_dec = _decimals(shown, ends), _decimals(other, ends)
    if whole_race and shown.focus_dnf:  # rows past her stop, shown only before she stops:
        # marked as her last split is, as a finisher's would be (the Timed tab's are too),
        # so that neither a missing dot nor italics give her stop away.
        splits = shown.athletes[shown.focus].splits
        last = bool(splits) and not splits[-1].estimated
        mine_pub = [p or (last and math.isnan(t)) for p, t in zip(mine_pub, mine, strict=True)]
    rows = []
    prev, prev_other, prev_exact = 0.0, 0.0, True
    prev_dec = prev_other_dec = START_DECIMALS
    for k, end in enumerate(ends):
        exact = mine_pub[k] and theirs_pub[k]
        rows.append(
            ComparedSplit(
                distance_m=end,
                time_s=mine[k],
                other_time_s=theirs[k],
                segment_time_s=mine[k] - prev,
                other_segment_time_s=theirs[k] - prev_other,
                published=mine_pub[k],
                other_published=theirs_pub[k],
                segment_published=prev_exact and exact,
                finish=abs(end - race_m) < 1e-6,
                at_stop=stop_m is not None and k == len(ends) - 1,
                decimals=mine_dec[k],
                other_decimals=theirs_dec[k],
                segment_decimals=decimals_between(prev_dec, mine_dec[k]),
                other_segment_decimals=decimals_between(prev_other_dec, theirs_dec[k]),
            )
        )
        prev, prev_other, prev_exact = mine[k], theirs[k], exact
        prev_dec, prev_other_dec = mine_dec[k], theirs_dec[k]
    return other, rows


def _decimals(replay: Replay, ends: list[float]) -> list[int]:
    """Decimals the focus runner's time at each distance (m) is printed to: as published
    there (published_decimals), else hundredths (read from the model)."""
    given = published_decimals(replay)
    return [decimals_at(given, d) for d in ends]


def _times(replay: Replay, ends: list[float]) -> tuple[list[float], list[bool]]:
    """The focus runner's time (s) at each distance (m): the published split there, else
    read from the model, timed either way (as printed: a 3:00.123 is 3:00.13; NaN where she
    never got there); and which are published."""
    given = {d: float(timed(t)) for d, t in published_splits(replay).items()}
    model = timed(np.atleast_1d(replay.time_at_distance(replay.focus, np.asarray(ends))))
    keys = [round(d, 3) for d in ends]
    times = [given.get(key, float(t)) for key, t in zip(keys, model, strict=True)]
    return times, [key in given for key in keys]
