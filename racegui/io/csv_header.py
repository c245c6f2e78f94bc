"""The header of a splits CSV: its delimiter, the line it is on (a title may stand above it)
and the column that holds each field, by name or alias, in any order."""

from __future__ import annotations

import csv
import io
import itertools
import re
from typing import Any

from racegui.io.csv_lines import RowLines
from racegui.io.lap_header import (
    EITHER_NAMES,
    LAP_TIME_NAMES,
    NUMBER_NAMES,
    RUNNER_NAMES,
    TOTAL_NAMES,
    plain,
)

REQUIRED = ("athlete", "distance_m", "time")
OPTIONAL = ("name", "role", "colour", "bib", "country", "lane")
"""Columns describing an athlete, read into the race file's fields of the same names."""
IGNORED = frozenset({"pos", "position", "place", "pl", "rank", "rk"})
"""A results service's columns that the race file cannot hold (the finishing place, which
the times give): left out of either form without a word."""
COLUMN_ALIASES = {
    "distance": "distance_m",
    "distance (m)": "distance_m",
    "dist": "distance_m",
    "metres": "distance_m",
    "meters": "distance_m",
    "split": "time",
    "split time": "time",
    "time (s)": "time",
    "athlete id": "athlete",
    "color": "colour",
    "nat": "country",
    "nation": "country",
    "nationality": "country",
    "noc": "country",
    "team": "country",
    "bib no": "bib",
    "bib number": "bib",
}
"""Other names a header may give a column, as people type them ("Athlete;Distance;Time" was
refused for want of distance_m: coach's review); matched in any case, with spaces or
underscores (a results service's "Nat", "NOC" or "Team" is the country)."""


def column_name(cell: str) -> str:
    """The column a header cell names: lower case, one of REQUIRED or OPTIONAL when it is
    one or an alias of one (COLUMN_ALIASES), else the cell as it is, lower case."""
    name = _plain_cell(cell)
    name = name.rstrip(".") if name.rstrip(".") in IGNORED else name  # "Pos."
    return COLUMN_ALIASES.get(name.replace("_", " "), name)


def unread_columns(cells: list[str], col: dict[str, int]) -> str | None:
    """A note on a long form header's columns that are not read (none of col's, nor
    IGNORED, nor empty), naming each and what is read; None if every column is."""
    unread = [
        f"{k + 1} ({_written(cell)})"
        for k, cell in enumerate(cells)
        if k not in col.values() and column_name(cell) not in IGNORED and _written(cell)
    ]
    if not unread:
        return None
    named = unread[0] if len(unread) == 1 else f"{', '.join(unread[:-1])} and {unread[-1]}"
    return (
        f"Column{'s' if len(unread) > 1 else ''} {named} "
        f"{'are' if len(unread) > 1 else 'is'} not read: the columns read are "
        f"{', '.join((REQUIRED + OPTIONAL)[:-1])} and {OPTIONAL[-1]} (of Pos, Place and "
        "Rank only a DQ, DNF or DNS)."
    )


def _written(cell: str) -> str:
    """A header cell as written, without quotes or spaces around it."""
    return cell.strip().strip('"').strip()


def _plain_cell(cell: str) -> str:
    """A header cell as written, without quotes, in lower case with single spaces."""
    return " ".join(cell.strip().strip('"').lower().split())


def delimiter(header: str) -> str:
    """The separator a header line uses: the most common of comma, semicolon and tab."""
    return max(",;\t", key=header.count)  # a comma on a tie (or none)


SEP_LINE = re.compile(r"^sep=(.)$", re.IGNORECASE)
"""Excel's first line naming the separator ("sep=;")."""
HEADER_SEARCH_LINES = 10
"""Lines looked at for a header below the first (a title row above it)."""


def header_below(text: str, after: int) -> int | None:
    """The line number (1-based, as csv.reader counts) of a header with every REQUIRED
    column among the HEADER_SEARCH_LINES lines after line `after`, if there is one."""
    lines = itertools.islice(io.StringIO(text), after, after + HEADER_SEARCH_LINES)
    for k, line in enumerate(lines, start=after + 1):
        line = line.rstrip("\r\n")
        cells = [column_name(c) for c in line.split(delimiter(line))]
        if all(name in cells for name in REQUIRED):
            return k
    return None


_LAP_FORM_NAMES = (
    NUMBER_NAMES | LAP_TIME_NAMES | TOTAL_NAMES | EITHER_NAMES | RUNNER_NAMES | {"lap"}
)
"""Header cells of a lap CSV's columns (racegui.io.lap_header)."""
MIN_NAMED_CELLS = 2
"""Cells that must name a column any form reads for a line to be taken as the header a
file that no form fits was meant to have."""


def named_cells(cells: list[str]) -> int:
    """How many header cells name a column that a form reads (the long form's, with
    IGNORED, or a lap CSV's)."""
    known = REQUIRED + OPTIONAL + tuple(IGNORED)
    return sum(1 for c in cells if column_name(c) in known or plain(c) in _LAP_FORM_NAMES)


def likely_header(text: str, first: int) -> int:
    """The line (1-based) that looks most like the header of a file no form fits, among the
    HEADER_SEARCH_LINES + 1 lines from line first: the one with the most cells naming a
    column of any form (at least MIN_NAMED_CELLS; the first of those with most), else
    first. A stopwatch's "Athlete,Lap Time,Total Time" below a title and a "Date,..." line
    had been refused at line 1, as missing an athlete column."""
    lines = itertools.islice(io.StringIO(text), first - 1, first + HEADER_SEARCH_LINES)
    best, most = first, MIN_NAMED_CELLS - 1
    for k, line in enumerate(lines, start=first):
        line = line.rstrip("\r\n")
        named = named_cells(line.split(delimiter(line)))
        if named > most:
            best, most = k, named
    return best


def reading_from(text: str, line: int, sep: str | None) -> tuple[RowLines, Any, list[str], str]:
    """(source, reader, header cells, delimiter) for text whose header is on `line`
    (1-based): the lines above it (a title, "Race: ..." lines) are read as empty, so line
    numbers stay the file's, and the header's own delimiter is used (sep: Excel's "sep="
    one, which wins)."""
    lines = io.StringIO(text)
    for _ in range(line - 1):
        next(lines)
    rest = lines.read()
    delim = sep or delimiter(rest.partition("\n")[0])
    source = RowLines("\n" * (line - 1) + rest)
    reader = csv.reader(source, delimiter=delim)
    cells: list[str] = []
    for _ in range(line):
        cells = next(reader)
    return source, reader, cells, delim


def header_names(cells: list[str]) -> list[str]:
    """The column each header cell names (column_name), without the empty trailing cells
    of a spreadsheet's export, which name nothing."""
    header = [column_name(cell) for cell in cells]
    while header and not header[-1]:
        header.pop()
    return header


def place_column(cells: list[str], skip: int | None = None) -> tuple[int, str] | None:
    """(column, header as written) of header cells' first Place (Pos, Rank: IGNORED) column
    but skip's (a wide sheet's athlete column), if there is one: its numbers are left out,
    its marks (DQ, DNF, DNS) read as the runner's (result_marks.place_mark)."""
    for k, name in enumerate(header_names(cells)):
        if name in IGNORED and k != skip:
            return k, _written(cells[k])
    return None


def column_of(header: list[str], cells: list[str]) -> tuple[dict[str, int], str]:
    """Each field's column (REQUIRED and OPTIONAL) in a header read by header_names from
    cells, and why not ("" if it can be read). Where two columns name one field, the one
    with the field's own name is read ("Time" beside "Split", which holds lap times: the
    file had been read by its Split column and refused for lap times, tester); two aliases
    are refused, naming both."""
    col: dict[str, int] = {}
    for name in REQUIRED + OPTIONAL:
        at = [k for k, h in enumerate(header) if h == name]
        if len(at) > 1:
            own = [k for k in at if _plain_cell(cells[k]) == name]
            if len(own) != 1:
                named = ", ".join(cells[k].strip().strip('"') for k in at)
                return col, f"{len(at)} columns are read as {name} ({named}): keep one"
            at = own
        if at:
            col[name] = at[0]
    return col, ""
