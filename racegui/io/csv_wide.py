"""A wide split sheet: one row per athlete and one column per split distance
("Athlete,300,700,1100,1500"), read cell by cell as the long form's rows (csv_rows.read_row),
each split and each problem placed at its own cell: "line 3, column 4 (1100 m)".

The athlete column is the one named athlete (or an alias) or name, else the first; role,
name and colour columns may come too, as in the long form; every other header cell is a
distance as the long form writes one ("400", "400 m", "400m"). An empty cell is no split at
that distance.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from typing import Any

from racegui.io.csv_header import (
    HEADER_SEARCH_LINES,
    OPTIONAL,
    REQUIRED,
    column_name,
    header_names,
)
from racegui.io.csv_header import delimiter as line_delimiter
from racegui.io.csv_lines import RowLines, quote_problem
from racegui.io.csv_places import cell_place
from racegui.io.csv_rows import Untimed, distance_cell, read_row
from racegui.io.errors import MAX_PROBLEMS, Problem, quoted

WIDE_FORM_HINT = (
    "; or, one row per athlete, the athlete then one distance per column (Athlete,400,800)"
)
"""Said where a header is no form a CSV may have: the wide form."""
LAP_FORM_HINT = (
    "; or, for one runner's laps from a stopwatch, Lap with Lap Time and/or Total Time, "
    "and the race distance"
)
"""Said where a header is neither form: the other form a CSV may have (racegui.io.lap_csv)."""
HEADER_FORMS = (
    f"the header needs {', '.join(REQUIRED)}, separated by commas, semicolons or tabs"
    f"{WIDE_FORM_HINT}{LAP_FORM_HINT}"
)
"""The headers a CSV may have, said where its header is none of them."""
_ATHLETE_NAMES = ("athlete", "name")
"""Columns that may name the athlete column, the first found in this order."""


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
    if it is no distance (None)."""
    names = [column_name(c) for c in cells]
    for wanted in _ATHLETE_NAMES:
        if wanted in names:
            return names.index(wanted)
    if cells and cells[0].strip() and _metres(cells[0], decimal_comma) is None:
        return 0
    return None


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
    under "athlete,lap,time" are data ("Mia,1,62.1" is no header of distances 1 and 62.1 m)."""
    lines = itertools.islice(io.StringIO(text), first - 1, first + HEADER_SEARCH_LINES)
    for k, line in enumerate(lines, start=first):
        line = line.rstrip("\r\n")
        delim = line_delimiter(line)
        cells = line.split(delim)
        if looks_wide(cells, delim in ";\t"):
            return k
        if len({column_name(c) for c in cells}.intersection(REQUIRED)) >= 2:
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
    for k, name in enumerate(names):
        written = cells[k].strip().strip('"').strip()
        place = cell_place(line, k)
        if k == athlete:
            continue
        if name in OPTIONAL and name not in others:
            others[name] = k
            continue
        metres = _metres(written, decimal_comma)
        if metres is None:
            why = "no distance" if not written else f"{quoted(written)} is not a distance in metres"
            return Problem(
                place,
                f"{why}: a split sheet with one row per athlete has the athlete column, "
                f"then one distance per column (400, 800 m, 1200m); {', '.join(OPTIONAL)} "
                "columns may come too, once each",
            )
        if metres < 0:
            return Problem(place, f"{written!r}: a distance must not be negative")
        twin = next((j for j, m in distances if m == metres), None)
        if twin is not None:
            return Problem(
                place, f"{metres:g} m is column {twin + 1}'s distance too: one column per distance"
            )
        distances.append((k, metres))
    return WideHeader(line, athlete, others, tuple(distances), len(names))


def read_wide_rows(
    reader: Any,
    source: RowLines,
    delim: str,
    header: WideHeader,
    athletes: dict[str, dict],
    problems: list[Problem],
    untimed: list[tuple[int, Untimed]],
) -> None:
    """Read the rows below a wide sheet's header into athletes (as csv_rows.read_row does
    the long form's rows), each split with its cell's place; problems to problems, and the
    first empty cell of each row to untimed."""
    over: set[str] = set()
    decimal_comma = delim in ";\t"
    width = header.width
    long_header = [""] * (width + 1)  # the row's cells, then the split's distance
    for row in reader:
        if len(problems) > MAX_PROBLEMS:
            break
        row_lines = source.taken()
        line = reader.line_num
        first = line - len(row_lines) + 1
        if len(row_lines) > 1 or line == source.count:  # many lines, or the end
            quote = quote_problem(row_lines, first, delim)
            if quote is not None:
                problems.append(quote)
                continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width or any(cell.strip() for cell in row[width:]):
            why = f"{len(row)} fields, the header has {width}"
            if len(row) > width:
                why += " (a decimal comma, like 2:00,75? write 2:00.75)"
            else:
                why += " (leave the cell of a split not taken empty, between its separators)"
            problems.append(Problem(f"line {line}", why))
            continue
        _read_cells(
            row[:width], line, header, long_header, decimal_comma, athletes, over, problems, untimed
        )


def _read_cells(
    row: list[str],
    line: int,
    header: WideHeader,
    long_header: list[str],
    decimal_comma: bool,
    athletes: dict[str, dict],
    over: set[str],
    problems: list[Problem],
    untimed: list[tuple[int, Untimed]],
) -> None:
    """Read a wide row's split cells, each as a long form's row (the row's cells and its
    distance), placing each split and problem at its cell; a problem of the row (its
    athlete cell, say) is said once."""
    start = len(problems)
    athlete = " ".join(row[header.athlete].split())
    empty: list[tuple[int, Untimed]] = []
    width = len(row)
    for column, metres in header.distances:
        col = {"athlete": header.athlete, **header.others, "distance_m": width, "time": column}
        entry = athletes.get(athlete)
        before = len(entry["splits"]) if entry else 0
        said = len(problems)
        read_row(
            [*row, repr(metres)],
            line,
            long_header,
            col,
            decimal_comma,
            athletes,
            over,
            problems,
            empty,
        )
        place = header.place(line, column, metres)
        cells = (cell_place(line, column), cell_place(line, width))
        problems[said:] = [
            Problem(place, p.message) if p.where in cells else p for p in problems[said:]
        ]
        entry = athletes.get(athlete)
        if entry and len(entry["splits"]) > before:
            entry["splits"][-1].update(place=place, column=column)
    problems[start:] = list(dict.fromkeys(problems[start:]))
    untimed += empty[:1]
