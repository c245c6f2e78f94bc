"""Laps of a race on a 400 m track: how many a distance has, where each ends, and whether a
splits column holds lap times rather than times from the start.

Every lap but the first is 400 m and the last ends at the finish, so the first is the part
lap: 1500 m is 300 m then 3 x 400 m, a mile 9.34 m then 4 x 400 m, 800 m 2 x 400 m.
"""

from __future__ import annotations

import math

from racegui.model.timefmt import format_time

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


def lap_count(distance_m: float) -> int:
    """Laps in a race of distance_m (m): 4 for 1500 m, 5 for a mile, 2 for 800 m."""
    return max(1, math.ceil((distance_m - _PART_M) / LAP_M))


def lap_ends(distance_m: float) -> list[float]:
    """Distance (m) from the start at the end of each lap, the last at distance_m:
    [300, 700, 1100, 1500] for 1500 m."""
    n = lap_count(distance_m)
    return [distance_m - LAP_M * (n - 1 - k) for k in range(n)]


def laps_text(distance_m: float) -> str:
    """ "4 laps (a 300 m part lap, then 3 × 400 m)", "2 laps of 400 m"."""
    n = lap_count(distance_m)
    first = distance_m - LAP_M * (n - 1)
    if abs(first - LAP_M) < _PART_M:
        return f"{n} laps of 400 m" if n > 1 else "1 lap of 400 m"
    if n == 1:
        return f"1 lap of {first:.2f} m".replace(".00 m", " m")
    part = f"{first:.2f}".removesuffix(".00")
    return f"{n} laps (a {part} m part lap, then {n - 1} × 400 m)"


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


def looks_like_lap_times(distances_m: list[float], times_s: list[float]) -> bool:
    """Whether times (s) at increasing distances (m) read better as each stretch's own time
    than as times from the start: they do not all increase, and read as stretch times every
    stretch is run at much the same speed (within LAP_SPEED_SPREAD)."""
    if len(times_s) < 2 or any(t <= 0 for t in times_s):
        return False
    if all(b > a for a, b in zip(times_s, times_s[1:], strict=False)):
        return False
    starts = [0.0, *distances_m[:-1]]
    speeds = [(d - s) / t for s, d, t in zip(starts, distances_m, times_s, strict=True)]
    return min(speeds) > 0 and max(speeds) <= LAP_SPEED_SPREAD * min(speeds)


def times_text(times_s: list[float]) -> str:
    """ "51.80, 2:01.00, 3:11.10, 4:18.50"."""
    return ", ".join(format_time(t) for t in times_s)
