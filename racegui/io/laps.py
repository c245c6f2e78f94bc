"""Laps of a race on a 400 m track: how many a distance has, where each ends, and whether a
splits column holds lap times rather than times from the start.

Every lap but the first is 400 m and the last ends at the finish, so the first is the part
lap: 1500 m is 300 m then 3 x 400 m, a mile 9.34 m then 4 x 400 m, 800 m 2 x 400 m. A short
part lap (under SHORT_PART_M) may instead be in the first lap, as a coach timing at the
finish line each time round has it: a mile as 409.34 m then 3 x 400 m.
"""

from __future__ import annotations

import math
import statistics

from racegui.model.article import with_article

LAP_M = 400.0
"""A lap (m) of lane 1's line of running."""
STANDARD_DISTANCES_M = (800.0, 1000.0, 1500.0, 1609.344, 2000.0, 3000.0, 3218.688, 5000.0, 10000.0)
"""Track races (m) a lap count may suggest: 800 m to 10,000 m, with the mile and two miles."""
LAP_SPEED_SPREAD = 1.5
"""Times read as laps "look like lap times" when the fastest lap's speed is at most this many
times the slowest's (an even race is within a few per cent; a typing slip among times from
the start is not)."""
_PART_M = 0.005
"""A first lap shorter than this (m) is no part lap (rounding: 1200.001 m is 3 laps)."""
SHORT_PART_M = 100.0
"""A part lap shorter than this (m) may be timed in the first lap: a coach at the finish line
takes her first split when the runner first passes her after a lap, not a few seconds after
the gun (a mile's 9.34 m, two miles' 18.69 m). A quarter lap; the part laps of the other
standard races are 200 m or 300 m, which a coach times."""
SLOW_PART_RATIO = 1.2
"""A part lap read first looks misplaced when its pace (s per m) is at least this many times
the whole laps' between it and the last (their median) ..."""
FAST_LAST_RATIO = 0.8
"""... while the last lap's pace is at most this many times theirs (a 1500 m's last 400 m
in 46.90 among laps of 1:04) ..."""
MOVED_PART_SPREAD = 1.15
"""... and the last time, read as the part lap, has a pace within this factor (either way)
of the whole laps' (a part lap is often run a little faster than the laps after it)."""


def lap_count(distance_m: float) -> int:
    """Laps in a race of distance_m (m): 4 for 1500 m, 5 for a mile, 2 for 800 m."""
    return max(1, math.ceil((distance_m - _PART_M) / LAP_M))


def part_lap_m(distance_m: float) -> float:
    """The first lap (m) of a race of distance_m (m) on its own: 300 for 1500 m, 9.344 for a
    mile, 400 for 800 m (no part lap)."""
    return distance_m - LAP_M * (lap_count(distance_m) - 1)


def part_in_first(distance_m: float, laps: int) -> bool:
    """Whether laps lap times of a race of distance_m (m) have its part lap in the first lap:
    one lap fewer than lap_count, the part lap shorter than SHORT_PART_M (4 for a mile)."""
    return laps == lap_count(distance_m) - 1 >= 1 and part_lap_m(distance_m) < SHORT_PART_M


def lap_counts(distance_m: float) -> list[int]:
    """The lap counts a race of distance_m (m) may be timed in: [4] for 1500 m, [5, 4] for a
    mile (its 9.34 m part lap timed on its own or in the first lap)."""
    n = lap_count(distance_m)
    return [n, n - 1] if part_in_first(distance_m, n - 1) else [n]


def lap_ends(distance_m: float, laps: int | None = None) -> list[float]:
    """Distance (m) from the start at the end of each lap, the last at distance_m:
    [300, 700, 1100, 1500] for 1500 m; for a race timed in laps laps with its part lap in the
    first (part_in_first), that lap's end is the first: [409.344, ..., 1609.344] for a mile
    in 4."""
    n = lap_count(distance_m)
    ends = [distance_m - LAP_M * (n - 1 - k) for k in range(n)]
    return ends[1:] if laps is not None and part_in_first(distance_m, laps) else ends


def laps_text(distance_m: float, laps: int | None = None) -> str:
    """ "4 laps (a 300 m part lap, then 3 × 400 m)", "2 laps of 400 m"; for laps with the
    part lap in the first (part_in_first) "4 laps (409.34 m, the 9.34 m part lap and a lap,
    then 3 × 400 m)"."""
    n = lap_count(distance_m)
    first = distance_m - LAP_M * (n - 1)
    if laps is not None and part_in_first(distance_m, laps):
        part = f"{first:.2f}".removesuffix(".00")
        whole = f"{first + LAP_M:.2f}".removesuffix(".00")
        return f"{laps} laps ({whole} m, the {part} m part lap and a lap, then {laps - 1} × 400 m)"
    if abs(first - LAP_M) < _PART_M:
        return f"{n} laps of 400 m" if n > 1 else "1 lap of 400 m"
    if n == 1:
        return f"1 lap of {first:.2f} m".replace(".00 m", " m")
    part = f"{first:.2f}".removesuffix(".00")
    return f"{n} laps ({with_article(f'{part} m part lap')}, then {n - 1} × 400 m)"


def fitting_text(laps: int) -> str:
    """The distances laps fit: "of more than 2000 m and at most 2400 m" (a 2200 m race, say)."""
    low, high = LAP_M * (laps - 1), LAP_M * laps
    if laps == 1:
        return f"of at most {high:g} m"
    return f"of more than {low:g} m and at most {high:g} m"


def lap_word(laps: int) -> str:
    """ "1 lap", "4 laps"."""
    return "1 lap" if laps == 1 else f"{laps} laps"


def standard_distances(laps: int) -> list[float]:
    """STANDARD_DISTANCES_M with that many laps: [1500.0] for 4, [1609.344, 2000.0] for 5."""
    return [d for d in STANDARD_DISTANCES_M if lap_count(d) == laps]


def standard_distances_part_in_first(laps: int) -> list[float]:
    """STANDARD_DISTANCES_M that laps laps fit with the part lap in the first
    (part_in_first): [1609.344] for 4, [3218.688] for 8."""
    return [d for d in STANDARD_DISTANCES_M if part_in_first(d, laps)]


def distance_name(distance_m: float) -> str:
    """ "1500 m", "1 mile", "2 miles"."""
    for miles in (1, 2):
        if abs(distance_m - 1609.344 * miles) < 1e-6:
            return "1 mile" if miles == 1 else "2 miles"
    return f"{distance_m:g} m"


def running_totals(times_s: list[float]) -> list[float]:
    """Lap times (s) added up: the time from the start (s) at the end of each lap."""
    out, total = [], 0.0
    for t in times_s:
        total = round(total + t, 6)
        out.append(total)
    return out


def looks_like_lap_times(
    distances_m: list[float], times_s: list[float], max_speed_mps: float = math.inf
) -> bool:
    """Whether times (s) at increasing distances (m) read better as each stretch's own time
    than as times from the start: as those they do not all increase, or some stretch would
    be run faster than max_speed_mps (m/s; laps that slow down: 1:14.80, 1:15.30 at 400 and
    800 m), and read as stretch times every stretch is run at much the same speed (within
    LAP_SPEED_SPREAD)."""
    if len(times_s) < 2 or any(t <= 0 for t in times_s):
        return False
    starts = [0.0, *distances_m[:-1]]
    befores = [0.0, *times_s[:-1]]
    if all(
        t > t0 and (d - s) / (t - t0) <= max_speed_mps
        for s, d, t0, t in zip(starts, distances_m, befores, times_s, strict=True)
    ):
        return False
    speeds = [(d - s) / t for s, d, t in zip(starts, distances_m, times_s, strict=True)]
    return 0 < max(speeds) <= min(max_speed_mps, LAP_SPEED_SPREAD * min(speeds))


def part_lap_last(ends_m: list[float], times_s: list[float]) -> bool:
    """Whether lap times (s) of laps ending at ends_m (m), the first a part lap, look to have
    the part lap typed last: read in order, the part lap's pace is far slower than the whole
    laps' between it and the last (SLOW_PART_RATIO) and the last lap's far faster
    (FAST_LAST_RATIO), while the last time read as the part lap agrees with the whole laps
    (MOVED_PART_SPREAD). False without a part lap or a whole lap between."""
    part_m = ends_m[0] if ends_m else 0.0
    if len(times_s) < 3 or not _PART_M <= part_m < LAP_M - _PART_M:
        return False
    between = statistics.median(times_s[1:-1]) / LAP_M  # s per m
    slow_part = times_s[0] / part_m >= SLOW_PART_RATIO * between
    fast_last = times_s[-1] / LAP_M <= FAST_LAST_RATIO * between
    whole = statistics.median(times_s[:-1]) / LAP_M  # the laps, the part lap moved first
    moved = times_s[-1] / part_m / whole
    return slow_part and fast_last and 1 / MOVED_PART_SPREAD <= moved <= MOVED_PART_SPREAD
