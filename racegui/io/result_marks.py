"""Marks a results sheet writes in a time cell: a stop (STOP_MARKS: DNF, DNS, DQ, DSQ) in
place of a time or beside one ("DSQ 3:49.50"), and a record or best after a time
("3:54.37 PB", left out: without_marks); and a Place (Pos, Rank) column's mark (place_mark),
read as the runner's. Read by a wide sheet's cells (wide_rows) and Place column
(wide_place_marks), and by the long form's Place column (long_place_marks)."""

from __future__ import annotations

import re

from racegui.io.csv_places import cell_place
from racegui.io.csv_rows import DISQUALIFIED, NO_TIME_HINT, NO_TIME_MARKS, plain_mark
from racegui.io.errors import Problem
from racegui.model.timefmt import TimeFormatError, parse_time

STOP_MARKS = frozenset({"DNF", "DNS", "DQ", "DSQ"})
"""Marks (of NO_TIME_MARKS) of a runner with no time from there on: none may follow."""
RESULT_MARKS = ("PB", "SB", "NR", "WL", "AR", "CR", "MR", "WR", "OR", "ER", "GR", "DLR", "Q")
"""Marks a results service writes after a time (a personal or season's best, a record, a
world lead, a qualifier: "3:54.37 PB", "=PB", "3:55.10 q"), left out of a wide sheet's time
cells (R8: "'3:54.37 PB' is not a time")."""
_MARKED_TIME = re.compile(
    rf"(?P<time>\S*\d)(?:\s*\(?=?(?:{'|'.join(RESULT_MARKS)})\)?(?![a-z]))+\s*", re.IGNORECASE
)
"""A time followed by one or more of RESULT_MARKS ("3:54.37 =PB", "3:54.37 Q SB")."""


def without_marks(cell: str) -> str:
    """A time cell without the RESULT_MARKS after its time ("3:54.37 PB" -> "3:54.37"); any
    other cell as it is."""
    marked = _MARKED_TIME.fullmatch(cell.strip())
    return marked.group("time") if marked else cell


def is_mark(cell: str) -> bool:
    """Whether a cell holds one of NO_TIME_MARKS ("DNF", "dnf.", "-")."""
    return plain_mark(cell) in NO_TIME_MARKS


def split_mark(cell: str, decimal_comma: bool) -> tuple[str, str] | None:
    """(mark, time) of a cell holding a results mark (NO_TIME_MARKS, a word) and a time, on
    either side ("DSQ 3:49.50", "3:49.50 DSQ", "3:49.50 DQ TR17.3"), else None."""
    words = cell.split()
    if len(words) < 2:
        return None
    for mark, time in ((" ".join(words[:-1]), words[-1]), (" ".join(words[1:]), words[0])):
        kind = plain_mark(mark)
        if kind not in NO_TIME_MARKS or not kind.isalpha():
            continue
        try:
            parse_time(time, decimal_comma=decimal_comma)
        except TimeFormatError:
            continue
        return mark, time
    return None


def same_mark(a: str, b: str) -> bool:
    """Whether two marks say the same (a DQ and a DSQ do)."""
    kinds = {plain_mark(a), plain_mark(b)}
    return len(kinds) == 1 or kinds <= DISQUALIFIED


def place_mark(cell: str) -> str | None:
    """The mark of a Place (Pos, Rank) cell, as written, where it is one of STOP_MARKS ("DQ",
    "dsq."); None for a place number or an empty cell (left out)."""
    mark = cell.strip()
    return mark if plain_mark(mark) in STOP_MARKS else None


def place_cell(line: int, column: int, name: str) -> str:
    """ "line 3, column 1 (Place)": a Place column's cell, with the column's header."""
    return f"{cell_place(line, column)} ({name})"


def disagree(mark: str, place: str, other: str, where: str, rule: str) -> Problem:
    """The problem of a Place cell's mark (at place) that is not the one another cell
    (where: "column 7 (Result)", "line 5, column 1 (Place)") says, other; rule: where a
    runner's one mark is written."""
    return Problem(
        place, f"{mark!r} here, but {where} says {other!r}: a runner has one mark, {rule}"
    )


def finished_problem(mark: str, place: str, where: str, finish_m: float) -> Problem:
    """The problem of a mark (at place: a DNF, a DNS) of a runner whose time at the finish
    (finish_m, m) where ("column 7", "line 9") has: she finished."""
    return Problem(
        place,
        f"{mark!r} as the result, but {where} has a time at the {finish_m:g} m finish: "
        f"{NO_TIME_HINT}",
    )
