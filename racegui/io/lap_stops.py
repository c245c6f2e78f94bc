"""Stop marks in a lap CSV of several runners (racegui.io.lap_csv): a "DNF" (or "DNS",
"DQ", "DSQ") typed in a lap's time cell where the runner stopped. Her laps before it stand
and she did not finish there (a DNS after laps is shown so too, noted as the contradiction
it is; a DQ noted as disqualified); one with no lap before it is left out of the race (a
DNS as one who did not start). A DQ after as many laps as the finishers run is a runner
disqualified after finishing: her run is shown as timed (noted). A lap of hers after the
mark, a mark in a file of one runner's laps, or another mark after as many laps as the
finishers run is refused."""

from __future__ import annotations

from racegui.io.csv_rows import DISQUALIFIED, plain_mark
from racegui.io.errors import Problem
from racegui.io.lap_header import LapHeader
from racegui.io.lap_rows import LapRow, StopRow

LEAVE_OUT = "leave out the laps not run"
"""The hint where a stop mark cannot be read."""
LEFT_OUT = {"DNS": "did not start", "DQ": "was disqualified with no lap"}
"""How a runner marked with no lap before her mark is said to be left out (else "has no
lap")."""


def kind(mark: str) -> str:
    """A stop mark as STOP_MARKS has it ("dq." is "DQ"; "DSQ" is "DQ")."""
    plain = plain_mark(mark)
    return "DQ" if plain in DISQUALIFIED else plain


def apply_stops(
    stops: list[StopRow],
    runners: dict[str, list[LapRow]],
    header: LapHeader,
    problems: list[Problem],
    notes: list[str],
) -> dict[str, StopRow]:
    """The mark of each runner marked as stopping (or disqualified) who has laps, which stay
    in runners (in order); a runner with no lap before her mark is taken out of runners,
    noted in notes. Problems added to problems (then {})."""
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
        finished = kind(stop.mark) == "DQ" and laps == most  # disqualified after it
        if not problems[before:] and laps >= most and not finished:
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
            stopped[runner] = stop
            continue
        runners.pop(runner, None)
        how = LEFT_OUT.get(kind(stop.mark), "has no lap")
        notes.append(f"{runner} {how} ({stop.mark!r} at {stop.place}) and is left out of the race.")
    return stopped
