"""Times that Excel saved as day fractions (a cell holding 46 seconds as 0.000532407, a
day's 1/1877th, when it was not formatted as a time): told apart from a sheet's slips, so
that the refusal of such a CSV says how to save it (analyst's review: it was told only that
its splits were 0.00053 s apart)."""

from __future__ import annotations

from racegui.io.race_splits import MAX_SPEED_MPS, MIN_SPEED_MPS
from racegui.model.timefmt import format_time

SECONDS_PER_DAY = 86400.0
"""What Excel's time 1.0 (a day) is, in seconds."""


def day_fraction_hint(splits: list[list[dict]], wide: bool) -> str | None:
    """What a refusal adds when every time of a CSV's athletes (splits: each athlete's,
    in order of distance, dicts with distance_m (m), time (s) and the cell's text "typed")
    is under 1 and, read as a fraction of a day, each athlete's times increase at speeds a
    runner can run (MIN_SPEED_MPS to MAX_SPEED_MPS between splits): "these look like Excel
    day fractions (0.000532407 = 46.00 s): ...", naming the first time; None for any other
    times. wide: the times are in a column per distance (a wide sheet), not one column."""
    if not splits or not all(splits):
        return None
    for athlete in splits:
        prev_m, prev_s = 0.0, 0.0
        for split in athlete:
            if not 0 < split["time"] < 1:
                return None
            seconds = split["time"] * SECONDS_PER_DAY
            if seconds <= prev_s:
                return None
            speed = (split["distance_m"] - prev_m) / (seconds - prev_s)
            if not MIN_SPEED_MPS <= speed <= MAX_SPEED_MPS:
                return None
            prev_m, prev_s = split["distance_m"], seconds
    first = splits[0][0]
    seconds = first["time"] * SECONDS_PER_DAY
    shown = format_time(seconds)
    shown += "" if ":" in shown else " s"  # 46.00 s, 1:01.00
    typed = first.get("typed") or f"{first['time']:.9g}"
    columns = "the columns" if wide else "the column"
    return (
        f"these look like Excel day fractions ({typed} = {shown}): format {columns} as time "
        "(mm:ss.00) before saving"
    )
