"""Splits that look like typing slips: a stretch run faster than the world record pace for
its length. Not an error (a file may be a test or a what-if), a note for the user to check."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from racegui.model.race import Race, Split
from racegui.model.timefmt import format_time

WORLD_RECORDS_S = (
    (100.0, 9.58),
    (200.0, 19.19),
    (400.0, 43.03),
    (800.0, 100.91),
    (1000.0, 131.96),
    (1500.0, 206.00),
    (1609.344, 223.13),
    (2000.0, 283.13),
    (3000.0, 437.55),
    (5000.0, 755.36),
    (10000.0, 1571.00),
    (21097.5, 3451.0),
    (42195.0, 7235.0),
)
"""Men's outdoor world records as of 2025, (distance m, time s): 100 m 9.58 to the marathon's
2:00:35. Their average speeds bound how fast a stretch of that length can be run."""
MARGIN = 1.03
"""A stretch is noted if it is this much faster than record pace: splits in a race start
running (no blocks), so a lap may beat the standing record's average a little."""
SHORTEST_M = 100.0
"""Stretches shorter than this are not looked at (a hundredth there is a large share)."""


@dataclass(frozen=True)
class FastStretch:
    """A stretch of an athlete's splits faster than record pace (m, s, m/s)."""

    athlete: str
    from_m: float
    to_m: float
    time_s: float
    even_pace: bool = False
    """The stretch is a target's even pace over the whole race (its name is the label)."""

    @property
    def speed_mps(self) -> float:
        """Average speed over the stretch (m/s)."""
        return (self.to_m - self.from_m) / self.time_s

    def text(self) -> str:
        """ "Pat Quinn's 700 m from 800 m to 1500 m in 1:14.00 (9.46 m/s) is faster than
        world record pace for 700 m (8.22 m/s): check the times." """
        length = self.to_m - self.from_m
        if self.even_pace:  # "Target at even pace: 1500 m in 2:30.00 (10.00 m/s) is ..."
            return (
                f"{self.athlete} at even pace: {length:g} m in {format_time(self.time_s)} "
                f"({self.speed_mps:.2f} m/s) is faster than world record pace for {length:g} m "
                f"({record_speed_mps(length):.2f} m/s): check the time."
            )
        return (
            f"{self.athlete}'s {length:g} m from {self.from_m:g} m to {self.to_m:g} m in "
            f"{format_time(self.time_s)} ({self.speed_mps:.2f} m/s) is faster than world record "
            f"pace for {length:g} m ({record_speed_mps(length):.2f} m/s): check the times."
        )


def record_speed_mps(length_m: float) -> float:
    """World record average speed (m/s) for a race of length_m (m), read between the records
    on a log scale of distance (the 100 m's below it, the marathon's above)."""
    d = np.array([r[0] for r in WORLD_RECORDS_S])
    v = d / np.array([r[1] for r in WORLD_RECORDS_S])
    return float(np.interp(np.log(length_m), np.log(d), v))


def fast_stretches(race: Race) -> list[FastStretch]:
    """Every stretch between two published splits of an athlete (from the start for the
    first), at least SHORTEST_M long, run faster than MARGIN times record pace, in file
    order, then the target's (its even pace over the race, or its splits). Estimated
    splits, athletes' even paces and formation slots are not looked at. A target of 2:30
    for 1500 m (10 m/s) had passed without a word (reviewer R15)."""
    found = []
    for athlete in race.athletes:
        found += _fast_splits(athlete.name, athlete.splits)
    target = race.target
    if target is not None and target.time_s is not None:
        race_m, took = race.distance_m, target.time_s
        if race_m >= SHORTEST_M and took > 0 and race_m / took > MARGIN * record_speed_mps(race_m):
            found.append(FastStretch(target.label, 0.0, race_m, took, even_pace=True))
    elif target is not None:
        found += _fast_splits(target.label, target.splits)
    return found


def _fast_splits(name: str, splits: tuple[Split, ...]) -> list[FastStretch]:
    """The stretches of one athlete's (or target's) splits faster than MARGIN times record
    pace (see fast_stretches)."""
    found = []
    before_m, before_s = 0.0, 0.0
    for split in splits:
        length = split.distance_m - before_m
        took = split.time_s - before_s
        if not split.estimated and length >= SHORTEST_M and took > 0:
            if length / took > MARGIN * record_speed_mps(length):
                found.append(FastStretch(name, before_m, split.distance_m, took))
        before_m, before_s = split.distance_m, split.time_s
    return found
