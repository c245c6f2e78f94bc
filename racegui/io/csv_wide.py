"""A wide split sheet's header: one row per athlete and one column per split distance
("Athlete,300,700,1100,1500"); finding it, reading its columns (WideHeader), and the race
distance of its Result column. Its rows are read by wide_rows, cell by cell as the long
form's rows (csv_rows.read_row), each split and each problem placed at its own cell:
"line 3, column 4 (1100 m)"; its Place column's marks by wide_place_marks.

The athlete column is the one named athlete (or an alias) or name, else the first; role,
name and colour columns may come too, as in the long form; every other header cell is a
distance as the long form writes one ("400", "400 m", "400m"). An empty cell is no split at
that distance.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass

from racegui.io.csv_header import (
    HEADER_SEARCH_LINES,
    IGNORED,
    MIN_NAMED_CELLS,
    OPTIONAL,
    REQUIRED,
    column_name,
    header_names,
    named_cells,
    place_column,
)
from racegui.io.csv_header import delimiter as line_delimiter
from racegui.io.csv_places import cell_place
from racegui.io.csv_rows import (
    distance_cell,
)
from racegui.io.errors import Problem, quoted
from racegui.io.laps import STANDARD_DISTANCES_M
from racegui.model.article import with_article

WIDE_FORM_HINT = (
    "; or, one row per athlete, the athlete then one distance per column (Athlete,400,800)"
)
"""Said where a header is no form a CSV may have: the wide form."""
LAP_FORM_HINT = (
    "; or, for laps from a stopwatch, Lap with Lap Time and/or Total Time (and Athlete, "
    "naming each row's runner, for several runners' laps), and the race distance"
)
"""Said where a header is neither form: the other form a CSV may have (racegui.io.lap_csv)."""
HEADER_FORMS = (
    f"the header needs {', '.join(REQUIRED)}, separated by commas, semicolons or tabs"
    f"{WIDE_FORM_HINT}{LAP_FORM_HINT}"
)
"""The headers a CSV may have, said where its header is none of them."""
WIDE_COLUMNS = (
    "a split sheet with one row per athlete has the athlete column, then one distance per "
    "column (400, 800 m, 1200m); name, role, colour, bib, country (Nat, NOC, Team) and lane "
    "columns may come too, once each, and a Result (Time, Final, Mark) column of finish "
    "times; Pos, Place and Rank columns are left out but for a mark written there (DQ, DSQ, "
    "DNF, DNS), read as in the Result column"
)
"""What a wide sheet's header may hold, said of a header cell it cannot read."""
_ATHLETE_NAMES = ("athlete", "name")
"""Columns that may name the athlete column, the first found in this order."""
RESULT_NAMES = frozenset({"result", "time", "final", "final time", "finish", "finish time", "mark"})
"""Names of a results service's column of finish times, beside the split columns."""
_NUMBERED = re.compile(r"(lap|split|runde|km|mile)\s*#?\s*\d+", re.IGNORECASE)
"""A header cell numbering a lap or split ("Lap 1", "Split 2", "km 3") instead of a distance."""
_STANDARD_SLACK_M = 0.5
"""How near (m) a distance worked out from the split columns must be to a standard race's
(a mile's splits headed 409, 809, 1209 m)."""


@dataclass(frozen=True)
class WideHeader:
    """The columns of a wide sheet's header (0-based)."""

    line: int
    """Line (1-based) of the header."""
    athlete: int
    others: dict[str, int]
    """The name, role and colour columns given."""
    distances: tuple[tuple[int, float], ...]
    """(column, metres) of each split column, left to right."""
    width: int
    """Cells in the header (without a spreadsheet's empty trailing ones)."""
    result: int | None = None
    """The column of finish times (Result, Time, Final, Mark), if there is one."""
    result_m: float | None = None
    """The race distance (m) the result column's times are at, once known (result_distance)."""
    result_name: str = ""
    """The result column's header, as written."""
    standing: int | None = None
    """The first Place (Pos, Rank) column, if there is one: its numbers are left out, its
    marks (STOP_MARKS) read as the result column's (wide_place_marks.standing_mark)."""
    standing_name: str = ""
    """The Place column's header, as written."""

    def col(self) -> dict[str, int]:
        """The long form's columns of the sheet (csv_rows): the athlete's, and as distance
        and time the last split column (each split carries its own cell's place)."""
        last = self.distances[-1][0]
        return {"athlete": self.athlete, **self.others, "distance_m": last, "time": last}

    def place(self, line: int, column: int, metres: float) -> str:
        """ "line 3, column 4 (1100 m)": a split's cell, with the distance it is at."""
        return f"{cell_place(line, column)} ({metres:g} m)"


def _metres(cell: str, decimal_comma: bool) -> float | None:
    try:
        return distance_cell(cell.strip().strip('"'), decimal_comma)
    except ValueError:
        return None


def _athlete_column(cells: list[str], decimal_comma: bool) -> int | None:
    """The athlete column of header cells: the one named athlete, else name, else the first
    that is none of the other columns, if it is no distance, else the first if it is none
    (None)."""
    names = [column_name(c) for c in cells]
    for wanted in _ATHLETE_NAMES:
        if wanted in names:
            return names.index(wanted)
    for k, (cell, name) in enumerate(zip(cells, names, strict=True)):  # "Pos,Bib,Runner,..."
        if name in IGNORED or name in OPTIONAL or _is_result(cell):
            continue
        if cell.strip() and _metres(cell, decimal_comma) is None:
            return k
        break
    if cells and cells[0].strip() and _metres(cells[0], decimal_comma) is None:
        return 0  # "Bib,400,800": runners known by their bibs
    return None


def _is_result(cell: str) -> bool:
    """Whether a header cell names a column of finish times (RESULT_NAMES)."""
    return " ".join(cell.strip().strip('"').lower().split()) in RESULT_NAMES


def looks_wide(cells: list[str], decimal_comma: bool) -> bool:
    """Whether header cells are a wide sheet's: an athlete column, and two or more distances
    in order left to right (one is enough beside a column named athlete or name; one given
    twice is refused by wide_header). A long form's row ("faith,400,60.20") is none: its
    numbers do not increase."""
    athlete = _athlete_column(cells, decimal_comma)
    if athlete is None:
        return False
    metres = [_metres(c, decimal_comma) for k, c in enumerate(cells) if k != athlete]
    found = [m for m in metres if m is not None]
    increasing = all(a <= b for a, b in zip(found, found[1:], strict=False))
    named = column_name(cells[athlete]) in _ATHLETE_NAMES
    return increasing and len(found) >= (1 if named else 2)


def find_wide_header(text: str, first: int) -> int | None:
    """Line (1-based) of a wide sheet's header (looks_wide) among the HEADER_SEARCH_LINES + 1
    lines from line first (a title may stand above it), if there is one. A line naming two
    of the long form's columns is another header, below which none is looked for: the rows
    under "athlete,lap,time" are data ("Mia,1,62.1" is no header of distances 1 and 62.1 m),
    as are those under a line naming MIN_NAMED_CELLS columns of any form (named_cells:
    "Sam,52.1,52.1" under "Athlete,Lap Time,Total Time" had been read as one)."""
    lines = itertools.islice(io.StringIO(text), first - 1, first + HEADER_SEARCH_LINES)
    for k, line in enumerate(lines, start=first):
        line = line.rstrip("\r\n")
        delim = line_delimiter(line)
        cells = line.split(delim)
        if looks_wide(cells, delim in ";\t"):
            return k
        if len({column_name(c) for c in cells}.intersection(REQUIRED)) >= 2:
            return None
        if named_cells(cells) >= MIN_NAMED_CELLS:  # another form's ("Athlete,Lap Time")
            return None
    return None


def wide_header(cells: list[str], line: int, decimal_comma: bool) -> WideHeader | Problem:
    """The columns of a wide sheet's header cells on line, or the problem with one of them
    (a cell that is no distance, a distance given twice)."""
    names = header_names(cells)
    athlete = _athlete_column(cells, decimal_comma)
    if athlete is None:  # looks_wide found one
        return Problem(f"line {line}", "no athlete column")
    others: dict[str, int] = {}
    distances: list[tuple[int, float]] = []
    result: int | None = None
    result_name = ""
    standing, standing_name = place_column(cells, athlete) or (None, "")
    for k, name in enumerate(names):
        written = cells[k].strip().strip('"').strip()
        place = cell_place(line, k)
        if k == athlete:
            continue
        if name in OPTIONAL and name not in others:
            others[name] = k
            continue
        if name in IGNORED:  # the Place column (place_column), or another left out
            continue
        if _is_result(written) and result is None:
            result, result_name = k, written
            continue
        if _is_result(written):  # "Time,Final", "Result,Result": which is the finish?
            return Problem(
                place,
                f"{quoted(written)} is a second column of finish times (column {result + 1}, "
                f"{result_name!r}, is the first): keep one Result (Time, Final, Mark) column",
            )
        metres = _metres(written, decimal_comma)
        if metres is None:
            why = "no distance" if not written else f"{quoted(written)} is not a distance in metres"
            return Problem(place, f"{why}: {WIDE_COLUMNS}")
        if metres < 0:
            return Problem(place, f"{written!r}: a distance must not be negative")
        twin = next((j for j, m in distances if m == metres), None)
        if twin is not None:
            return Problem(
                place, f"{metres:g} m is column {twin + 1}'s distance too: one column per distance"
            )
        distances.append((k, metres))
    return WideHeader(
        line,
        athlete,
        others,
        tuple(distances),
        len(names),
        result,
        result_name=result_name,
        standing=standing,
        standing_name=standing_name,
    )


def result_distance(
    header: WideHeader, distance_m: float | None
) -> tuple[float, str, str] | Problem:
    """(race distance m, how it was worked out: a note, or "", and the same as a phrase
    for a problem, or "") of a wide sheet with a result column, whose times are at the
    finish: distance_m (--distance) where given; else the last split column's where it is a
    standard race (then its times and the result's are one split); else the standard race
    one step on from the split columns where they are evenly spaced (300, 700, 1100 m: 1500
    m; 400 m alone: 800 m), which the sheet does not state; else the problem, at the
    result's header cell, asking for the distance."""
    metres = [m for _, m in header.distances]
    name = f"column {(header.result or 0) + 1} ({header.result_name})"
    if distance_m is not None:
        return distance_m, "", ""
    last = metres[-1]
    if _standard(last) is not None:
        return last, "", ""
    steps = [b - a for a, b in zip([0.0, *metres], metres, strict=False)]
    steps = steps[1:] or steps  # the first may be a part lap: 300, 700, 1100 m
    step = steps[-1]
    race_m = _standard(last + step) if all(abs(d - step) < 1e-6 for d in steps) else None
    if race_m is not None:
        step_on = f"a step of {step:g} m on from the last split column's {last:g} m"
        return (
            race_m,
            f"{name[0].upper()}{name[1:]} is read as the finish times of "
            f"{with_article(f'{race_m:g} m race')}, {step_on} (--distance gives another).",
            f"inferred as {step_on}",
        )
    return Problem(
        cell_place(header.line, header.result if header.result is not None else 0),
        f"the {header.result_name} column holds finish times, but the split columns "
        f"({', '.join(f'{m:g}' for m in metres)} m) do not say the race distance: give it "
        "(--distance)",
    )


def _standard(metres: float) -> float | None:
    """The standard race (STANDARD_DISTANCES_M) of a distance, if it is one (within
    _STANDARD_SLACK_M)."""
    return next((d for d in STANDARD_DISTANCES_M if abs(d - metres) <= _STANDARD_SLACK_M), None)


def misread_header(cells: list[str], line: int, decimal_comma: bool) -> Problem | None:
    """What is wrong with header cells on line that look meant as a wide sheet's but are not
    one (looks_wide): distance columns out of order, or columns numbering laps ("Lap 1");
    None for any other header."""
    athlete = _athlete_column(cells, decimal_comma)
    if athlete is None:
        return None
    previous: tuple[int, float] | None = None
    for k, cell in enumerate(cells):
        written = cell.strip().strip('"').strip()
        if k == athlete:
            continue
        if _NUMBERED.fullmatch(written):
            return Problem(
                cell_place(line, k),
                f"{quoted(written)} numbers a lap, not a distance: a split sheet with one row "
                "per athlete heads each column with the distance (m) its times from the start "
                "are at (Athlete,300,700,1100,1500)",
            )
        metres = _metres(written, decimal_comma)
        if metres is None:
            continue
        if previous is not None and metres < previous[1]:
            return Problem(
                cell_place(line, k),
                f"{metres:g} m comes after {previous[1]:g} m (column {previous[0] + 1}): a split "
                "sheet with one row per athlete has its distance columns from the shortest to "
                "the longest, left to right",
            )
        previous = (k, metres)
    return None
