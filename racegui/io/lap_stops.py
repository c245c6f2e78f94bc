"""Stop marks in a lap CSV of several runners (racegui.io.lap_csv): a "DNF" (or "DNS")
typed in a lap's time cell where the runner stopped. Her laps before it stand and she did
not finish there; one with no lap before it is left out of the race. A lap of hers after
the mark, a mark in a file of one runner's laps, or a mark after as many laps as the
finishers run is refused."""

from __future__ import annotations

from racegui.io.errors import Problem
from racegui.io.lap_header import LapHeader
from racegui.io.lap_rows import LapRow, StopRow

LEAVE_OUT = "leave out the laps not run"
"""The hint where a stop mark cannot be read."""


def apply_stops(
    stops: list[StopRow],
    runners: dict[str, list[LapRow]],
    header: LapHeader,
    problems: list[Problem],
    notes: list[str],
) -> dict[str, str]:
    """Why each runner marked as stopping stopped ("'DNF' at line 7, column 3"), her laps
    in runners (in order) kept; a runner with no lap before her mark is taken out of
    runners, noted in notes. Problems added to problems (then {})."""
    if not stops:
        return {}
    before = len(problems)
    if header.runner is None:
        first = stops[0]
        problems.append(
            Problem(
                first.place,
                f"{first.mark!r} is not a time: a lap CSV of one runner's laps needs the runner "
                f"to finish; {LEAVE_OUT}",
            )
        )
        return {}
    marked: dict[str, StopRow] = {}
    for stop in stops:
        if stop.runner in marked:
            again = marked[stop.runner]
            problems.append(
                Problem(
                    stop.place,
                    f"{stop.mark!r} again for {stop.runner} (line {again.line}): one mark "
                    "where the runner stopped",
                )
            )
            continue
        marked[stop.runner] = stop
        for row in runners.get(stop.runner, []):
            if row.lap >= stop.lap:
                problems.append(
                    Problem(
                        f"line {row.line}",
                        f"lap {row.lap} of {stop.runner} is not before the {stop.mark!r} at "
                        f"lap {stop.lap} (line {stop.line}): {LEAVE_OUT}",
                    )
                )
    finishers = [len(laps) for r, laps in runners.items() if r not in marked]
    most = max(finishers, default=0)
    if not problems[before:] and most == 0:
        first = stops[0]
        problems.append(
            Problem(
                first.place,
                f"no runner finishes: {first.runner} is marked {first.mark!r} here, as is "
                "every runner with laps, and a race needs one who finishes",
            )
        )
    for runner, stop in marked.items():
        laps = len(runners.get(runner, []))
        if not problems[before:] and laps >= most:
            problems.append(
                Problem(
                    stop.place,
                    f"{runner} is marked {stop.mark!r} after {laps} laps, as many as any "
                    f"runner not marked runs ({most}): {LEAVE_OUT}",
                )
            )
    if problems[before:]:
        return {}
    stopped = {}
    for runner, stop in marked.items():
        if runners.get(runner):
            stopped[runner] = f"{stop.mark!r} at {stop.place}"
            continue
        runners.pop(runner, None)
        how = "did not start" if stop.mark.upper().rstrip(".") == "DNS" else "has no lap"
        notes.append(f"{runner} {how} ({stop.mark!r} at {stop.place}) and is left out of the race.")
    return stopped
