"""Checks of one runner's laps in a lap CSV (racegui.io.lap_csv): times from the start
that do not increase, a lap slower than walking, a part lap that looks typed last."""

from __future__ import annotations

from racegui.io.errors import Problem
from racegui.io.lap_rows import LapRow, cell
from racegui.io.laps import distance_name, part_lap_last
from racegui.io.race_splits import MIN_SPEED_MPS, hours_reading
from racegui.io.split_order import SplitOrder, out_of_line_text
from racegui.io.typed_times import typed_time


def out_of_order(
    rows: list[LapRow], totals: list[float], column: int, problems: list[Problem]
) -> None:
    """A problem for each time from the start that does not increase: one out of line with
    the others (split_order.out_of_line: 4:52.50 typed for 1:52.50 before 2:17.30) named
    with the laps it disagrees with, any other compared with the lap before it."""
    order = SplitOrder(totals)
    prev: tuple[LapRow, float] | None = None
    for k, (row, t) in enumerate(zip(rows, totals, strict=True)):
        if k in order.out:
            message = out_of_line_text(
                f"{typed_time(t, row.total_text)} at the end of lap {row.lap}",
                order.disagreement(k),
                lambda j: (
                    f"{typed_time(totals[j], rows[j].total_text)} at lap {rows[j].lap} on line "
                    f"{rows[j].line}"
                ),
                noun="lap",
            )
            reading = hours_reading(row.total_text)
            problems.append(
                Problem(
                    cell(row.line, column),
                    f"times from the start: {message}" + (f" ({reading})" if reading else ""),
                )
            )
            continue
        if prev is not None and t <= prev[1]:
            readings = [hours_reading(r.total_text) for r in (prev[0], row)]
            said = "".join(f"; {r}" for r in readings if r)
            problems.append(
                Problem(
                    cell(row.line, column),
                    "times from the start must increase: "
                    f"{typed_time(t, row.total_text)} at the end of lap {row.lap} is not after "
                    f"{typed_time(prev[1], prev[0].total_text)} at lap {prev[0].lap} "
                    f"(line {prev[0].line}{said})",
                )
            )
        prev = (row, t)


def slow_laps(rows: list[LapRow], ends: list[float], column: int, problems: list[Problem]) -> None:
    """A problem for each lap time slower than walking over its lap (ends: where each lap
    ends, m), saying how a time typed with two colons was read: 1:04:50 typed for 1:04.50
    had made every split after it slower than walking too, one line each."""
    starts = [0.0, *ends[:-1]]
    for row, start, end in zip(rows, starts, ends, strict=True):
        lap_s = row.lap_s if row.lap_s is not None else row.total_s
        typed = row.lap_text or row.total_text
        if lap_s is None or (end - start) / lap_s >= MIN_SPEED_MPS:
            continue
        reading = hours_reading(typed)
        problems.append(
            Problem(
                cell(row.line, column),
                f"lap {row.lap} in {typed_time(lap_s, typed)} is slower than walking over its "
                f"{end - start:g} m (at least {MIN_SPEED_MPS:g} m/s)"
                + (f"; {reading}" if reading else ""),
            )
        )


def part_lap_last_problem(
    rows: list[LapRow], totals: list[float], ends: list[float], distance_m: float
) -> Problem | None:
    """The problem with laps whose part lap looks typed last (part_lap_last), at the last
    lap's line; None for any other laps."""
    times = [b - a for a, b in zip([0.0, *totals[:-1]], totals, strict=True)]
    if not part_lap_last(ends, times):
        return None
    part = f"{ends[0]:.2f}".removesuffix(".00")
    between = sorted(times[1:-1])
    typed = [text for r in rows for text in (r.lap_text, r.total_text)]
    laps = typed_time(between[0], *typed)
    if between[-1] != between[0]:
        laps += f" to {typed_time(between[-1], *typed)}"
    return Problem(
        f"line {rows[-1].line}",
        f"the part lap comes first in {distance_name(distance_m)} (timed from the start to the "
        f"finish line, {part} m), but this CSV looks to have it last: read so, lap "
        f"{rows[0].lap}'s {part} m in {typed_time(times[0], *typed)} is far slower than the "
        f"laps of {laps} between, and the last 400 m in {typed_time(times[-1], *typed)} far "
        f"faster; put lap {rows[-1].lap}'s {typed_time(times[-1], *typed)} first, as the part "
        "lap (line "
        f"{rows[0].line})",
    )
