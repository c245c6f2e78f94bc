"""Notes on a lap CSV's laps that are wildly out of line with the others: a lap of 2:01.50
among laps of about 1:04 (a slip, or a fall), or a first part lap far slower for its length
than the laps after it (a mile's laps read as 1500 m: 300 m in 1:07.90). They may be true,
so the laps are read as they are, with a note to check them, as a lap time that does not
match the totals is noted (racegui.io.lap_csv)."""

from __future__ import annotations

import math
import statistics

from racegui.io.laps import (
    LAP_M,
    SHORT_PART_M,
    distance_name,
    lap_ends,
    part_in_first,
    standard_distances,
    standard_distances_part_in_first,
)
from racegui.model.timefmt import PUBLISHED_DECIMALS, format_published, format_time

SLOW_LAP_RATIO = 1.6
"""A lap whose pace (s per m) is more than this many times the median lap's is noted ..."""
FAST_LAP_RATIO = 0.6
"""... as is one at less than this many times it."""
SLOW_PART_RATIO = 1.25
"""A first part lap whose pace is more than this many times the median of the laps after it
is noted (a 1500 m's first 300 m is run at about the pace of the laps after it, or faster;
a mile's first 409 m read as 300 m is at 1.36 times)."""
MIN_LAPS = 3
"""Laps it takes for a median lap to tell which one is out of line (of two, either could)."""
MAX_LAP_NOTES = 5
"""Laps out of line noted one by one; more are counted in one note."""


def first_lap_misfit(times_s: list[float], distance_m: float) -> float:
    """How far the first of lap times (s) of a race of distance_m (m), at its length there,
    is run from the pace of the laps after it (their median), as the size of the log of the
    pace ratio: 0 for the same pace."""
    first_m = lap_ends(distance_m, len(times_s))[0]
    whole_pace = statistics.median(times_s[1:]) / LAP_M  # s per m
    return abs(math.log(times_s[0] / first_m / whole_pace))


def _per_lap(seconds_per_m: float) -> str:
    """A pace (s per m) as the time of a 400 m lap: "1:06.20"."""
    return format_time(seconds_per_m * LAP_M)


def _better_fit(times_s: list[float], distance_m: float) -> str:
    """ ", and the race distance: these laps fit 1 mile (timed at the finish line each time
    round) better" where a standard race the lap count fits has a first lap nearer the
    others' pace than distance_m (m) does; "" where none has."""
    laps = len(times_s)
    fits = standard_distances(laps) + standard_distances_part_in_first(laps)
    fits = [d for d in fits if abs(d - distance_m) > 1e-6]
    if not fits:
        return ""
    best = min(fits, key=lambda d: first_lap_misfit(times_s, d))
    if first_lap_misfit(times_s, best) >= first_lap_misfit(times_s, distance_m):
        return ""
    timed = " timed at the finish line each time round" if part_in_first(best, laps) else ""
    return f", and the race distance: these laps fit {distance_name(best)}{timed} better"


def odd_lap_notes(
    lines: list[int],
    numbers: list[int],
    times_s: list[float],
    distance_m: float,
    ends: list[float] | None = None,
    decimals: int = PUBLISHED_DECIMALS,
) -> list[str]:
    """A note for each lap (its CSV line, number, time in s) of a race of distance_m (m)
    whose pace is wildly out of line: a whole lap more than SLOW_LAP_RATIO or less than
    FAST_LAP_RATIO times the median lap's pace, a first part lap more than SLOW_PART_RATIO
    times the median of the laps after it (saying which race the laps fit better, if one
    does). Up to MAX_LAP_NOTES, and one counting the rest; none for fewer than MIN_LAPS
    laps. ends (m): where the laps end, if not all the race's (a runner who stopped short:
    no better race is then named). decimals: those the laps were typed to, which their
    times are quoted to (typed_times)."""
    laps = len(times_s)
    if laps < MIN_LAPS:
        return []
    finished = ends is None or abs(ends[-1] - distance_m) < 1e-6
    ends = lap_ends(distance_m, laps) if ends is None else ends
    lengths = [b - a for a, b in zip([0.0, *ends[:-1]], ends, strict=True)]
    paces = [t / m for t, m in zip(times_s, lengths, strict=True)]  # s per m
    timed = [p for p, m in zip(paces, lengths, strict=True) if m >= SHORT_PART_M]
    median = statistics.median(timed)
    notes = []
    for k, (pace, length) in enumerate(zip(paces, lengths, strict=True)):
        lap = f"Line {lines[k]}: lap {numbers[k]}"
        if length < SHORT_PART_M:
            continue
        if k == 0 and length < LAP_M - 1e-6:
            after = statistics.median(paces[1:])
            if pace > SLOW_PART_RATIO * after:
                hint = _better_fit(times_s, distance_m) if finished else ""
                notes.append(
                    f"{lap}, the {length:g} m part lap, in "
                    f"{format_published(times_s[0], decimals)} is at {_per_lap(pace)} a lap, "
                    "far slower than the laps after it (their median "
                    f"{_per_lap(after)}). Check it{hint}."
                )
            continue
        ratio = pace / median
        if FAST_LAP_RATIO <= ratio <= SLOW_LAP_RATIO:
            continue
        pace_text = "" if abs(length - LAP_M) < 1e-6 else f" ({_per_lap(pace)} a lap)"
        speed = "slower" if ratio > 1 else "faster"
        notes.append(
            f"{lap} in {format_published(times_s[k], decimals)}{pace_text} is far {speed} than "
            "the others: "
            f"{ratio:.1f} times the median lap ({_per_lap(median)}). Check it (a typo?)."
        )
    if len(notes) > MAX_LAP_NOTES:
        rest = len(notes) - MAX_LAP_NOTES
        notes = notes[:MAX_LAP_NOTES] + [f"{rest} more laps are far out of line too."]
    return notes
