"""The header of a stopwatch's lap CSV (racegui.io.lap_csv): the lap number column, lap
times and/or times from the start, and for several runners' laps the column naming each
runner ("Athlete,Lap,Lap Time,Total Time"); found among the first HEADER_LINES lines (an
app's title and date lines may stand above it)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

NUMBER_NAMES = frozenset(
    {"#", "no", "no.", "nr", "nr.", "lap #", "lap no", "lap no.", "lap nr", "lap number"}
    | {"runde", "runde nr", "rundennr", "rundennummer", "tour", "vuelta", "giro"}
)
"""Header cells naming the lap number column ("Lap" does too, where no other one does)."""
LAP_TIME_NAMES = frozenset({"lap time", "laptime", "lap split", "rundenzeit", "temps du tour"})
"""Header cells naming a lap time column ("Lap" too, where another column numbers the laps)."""
TOTAL_NAMES = frozenset(
    {"total", "total time", "cumulative", "cumulative time", "elapsed", "elapsed time"}
    | {"overall", "overall time", "running time", "race time", "gesamtzeit", "gesamt"}
)
"""Header cells naming a column of times from the start."""
EITHER_NAMES = frozenset({"time", "split", "split time", "zeit", "zwischenzeit"})
"""Header cells that may name either: the kind the other time column is not, or, alone,
read as times from the start where they increase as a runner's can, else as lap times."""
RUNNER_NAMES = frozenset({"athlete", "name", "runner", "athlete name", "runner name"})
"""Header cells naming a column of runners' names: each row is that runner's lap, so one
file holds several runners' laps (a coach's stopwatch: "Athlete,Lap,Lap Time,Total Time")."""
OTHER_FORM_NAMES = frozenset({"athlete id", "distance", "distance m", "dist", "metres", "meters"})
"""Header cells of the athlete form (racegui.io.splits_csv): a header with one is no lap
header ("athlete,distance,time" is that form's)."""
HEADER_LINES = 11
"""Lines looked at for a lap header (an app's title and date lines above it)."""
_UNIT = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")
"""A unit after a column's name: "(s)", "(mm:ss.hh)", "[s]"."""


def plain(cell: str) -> str:
    """A header cell as it is matched: no quotes or unit, lower case, one space between
    words ("Split (mm:ss.hh)" -> "split")."""
    text = cell.strip().strip('"').strip()
    text = _UNIT.sub("", text).replace("_", " ").lower()
    return " ".join(text.split())


@dataclass(frozen=True)
class LapHeader:
    """Where a lap CSV's header is and what its columns hold (0-based columns)."""

    line: int
    """Line (1-based) of the header."""
    delimiter: str
    number: int
    lap: int | None
    """Lap times."""
    total: int | None
    """Times from the start."""
    either: int | None
    """A column that holds one or the other (EITHER_NAMES), the only time column."""
    names: tuple[str, ...]
    """The header's cells as written (for messages)."""
    runner: int | None = None
    """The column naming each row's runner (RUNNER_NAMES), None for one runner's laps."""

    def described(self) -> str:
        """ "Lap, Lap Time, Total Time": the columns read, as the header names them."""
        used = [self.runner, self.number, self.lap, self.total, self.either]
        return ", ".join(
            self.names[k].strip().strip('"') for k in sorted(c for c in used if c is not None)
        )

    def whose(self) -> str:
        """Whose laps the file holds, as messages say it: "one runner's", "its runners'"."""
        return "one runner's" if self.runner is None else "its runners'"


def _classify(names: list[str], line: int, delimiter: str, written: list[str]) -> LapHeader | None:
    """The lap header names (plain) make, or None if they are not one."""

    def first(pool: frozenset[str] | set[str], taken: set[int]) -> int | None:
        return next((k for k, n in enumerate(names) if n in pool and k not in taken), None)

    if OTHER_FORM_NAMES.intersection(names):
        return None
    runner = first(RUNNER_NAMES, set())
    named = {runner} if runner is not None else set()
    number = first(NUMBER_NAMES, named)
    if number is None:
        number = first({"lap"}, named)
    if number is None:
        return None
    taken = named | {number}
    lap = first(LAP_TIME_NAMES, taken)
    if lap is None:
        lap = first({"lap"}, taken)
    taken |= {lap} if lap is not None else set()
    total = first(TOTAL_NAMES, taken)
    taken |= {total} if total is not None else set()
    either = first(EITHER_NAMES, taken)
    if either is not None and (lap is None) != (total is None):  # the kind not given
        lap, total, either = (either, total, None) if lap is None else (lap, either, None)
    elif lap is not None and total is not None:
        either = None
    if lap is None and total is None and either is None:
        return None
    return LapHeader(line, delimiter, number, lap, total, either, tuple(written), runner)


def find_lap_header(text: str) -> LapHeader | None:
    """The lap header among the first HEADER_LINES lines of text, if there is one."""
    for k, line in enumerate(text.splitlines()[:HEADER_LINES], start=1):
        delimiter = max(",;\t", key=line.count)
        try:
            written = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            continue
        header = _classify([plain(c) for c in written], k, delimiter, written)
        if header is not None:
            return header
    return None
