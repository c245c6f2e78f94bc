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
import re
from dataclasses import dataclass, replace
from typing import Any

from racegui.io.csv_header import (
    HEADER_SEARCH_LINES,
    IGNORED,
    MIN_NAMED_CELLS,
    OPTIONAL,
    REQUIRED,
    column_name,
    header_names,
    named_cells,
)
from racegui.io.csv_header import delimiter as line_delimiter
from racegui.io.csv_lines import RowLines, quote_problem
from racegui.io.csv_places import cell_place
from racegui.io.csv_rows import (
    DISQUALIFIED,
    NO_TIME_HINT,
    NO_TIME_MARKS,
    Untimed,
    distance_cell,
    plain_mark,
    read_row,
)
from racegui.io.errors import MAX_PROBLEMS, Problem, quoted
from racegui.io.laps import STANDARD_DISTANCES_M
from racegui.model.article import with_article
from racegui.model.timefmt import TimeFormatError, format_time, parse_time

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
    marks (STOP_MARKS) read as the result column's (_standing_mark)."""
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
    standing: int | None = None
    standing_name = ""
    for k, name in enumerate(names):
        written = cells[k].strip().strip('"').strip()
        place = cell_place(line, k)
        if k == athlete:
            continue
        if name in OPTIONAL and name not in others:
            others[name] = k
            continue
        if name in IGNORED:
            if standing is None:
                standing, standing_name = k, written
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
    """Read a wide row's split cells (and its result cell), each as a long form's row (the
    row's cells and its distance), placing each split and problem at its cell; a problem of
    the row (its athlete cell, say) is said once. A DNF-like mark (NO_TIME_MARKS) is no
    time there; one that stops the runner (STOP_MARKS) is kept as the athlete's "mark" for
    race_data's note (on a row with no time, the untimed row's, for untimed_notes'), and
    refused before a time; a Place cell's mark is read as the result cell's (_standing_mark),
    a result cell's mark beside its time as one beside the finish time (_beside_time)."""
    start = len(problems)
    athlete = " ".join(row[header.athlete].split())
    empty: list[tuple[int, Untimed]] = []
    width = len(row)
    row = list(row)
    for column in {c for c, _m in header.distances} | {header.result}:
        if column is not None:
            row[column] = without_marks(row[column])
    beside = _beside_time(row, line, header, decimal_comma)
    standing = _standing_mark(row, line, header, beside)
    if isinstance(standing, Problem):
        problems.append(standing)
        return
    moved, beside = standing
    columns = _columns(row, line, header, decimal_comma, problems)
    marks = [(c, m, row[c].strip()) for c, m in columns if _is_mark(row[c])]
    for column, _m, _mark in marks:
        row[column] = ""  # no time here
    for column, metres in columns:
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
    stop = next((m for m in marks if plain_mark(m[2]) in STOP_MARKS), None)
    finished = beside or _finished_mark(row, header, line)
    if stop is None and finished is not None:
        mark, place, column = finished
        kind = plain_mark(mark)
        if kind in DISQUALIFIED and athlete in athletes:
            athletes[athlete]["mark"] = (mark, place)
        elif kind in STOP_MARKS:
            finish_m = header.result_m if header.result_m is not None else header.distances[-1][1]
            problems.append(
                Problem(
                    place,
                    f"{mark!r} as the result, but column {column + 1} has a time at the "
                    f"{finish_m:g} m finish: {NO_TIME_HINT}",
                )
            )
    if stop is not None:
        column, metres, mark = stop
        place = header.place(line, column, metres)
        after = [(c, m) for c, m in columns if m > metres and row[c].strip()]
        if after:
            c, m = after[0]
            problems.append(
                Problem(
                    place,
                    f"{mark!r} at {metres:g} m, but column {c + 1} has a time at {m:g} m: "
                    f"{NO_TIME_HINT}",
                )
            )
        elif athlete in athletes:
            athletes[athlete]["mark"] = (mark, place)
        elif empty:  # no time at all: the note names the mark (a DNS)
            empty[0] = (line, replace(empty[0][1], mark=(mark, place)))
    if moved is not None:  # a Place cell's mark, read at the cell it was put in
        _moved_back(moved, athletes.get(athlete), empty, problems, start)
    problems[start:] = list(dict.fromkeys(problems[start:]))
    untimed += empty[:1]


def _split_mark(cell: str, decimal_comma: bool) -> tuple[str, str] | None:
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


def _beside_time(
    row: list[str], line: int, header: WideHeader, decimal_comma: bool
) -> tuple[str, str, int] | None:
    """(the mark, its place, the column of the time) of a result cell holding a mark and the
    finish time ("3:49.50 DSQ", "DSQ 3:49.50"), leaving only the time in the row's cell,
    read as the finish time; else None."""
    if header.result is None or header.result_m is None:
        return None
    both = _split_mark(row[header.result].strip(), decimal_comma)
    if both is None:
        return None
    row[header.result] = both[1]
    return both[0], header.place(line, header.result, header.result_m), header.result


def _standing_mark(
    row: list[str], line: int, header: WideHeader, beside: tuple[str, str, int] | None
) -> tuple[tuple[str, str] | None, tuple[str, str, int] | None] | Problem:
    """Read a mark (STOP_MARKS) in a row's Place column as if it were in its result cell:
    put in that cell where it is empty (or, with no result column, in the first empty split
    column after the row's last time); kept beside the finish time where the row has one.
    Returns ((the place the mark was read at, the Place cell's), to say the Place cell
    instead, or None) and the mark beside a finish time (beside's, or the Place cell's);
    or the problem of a Place cell whose mark is not the result's (nor a split cell's)."""
    if header.standing is None:
        return None, beside
    mark = row[header.standing].strip()
    if plain_mark(mark) not in STOP_MARKS:
        return None, beside  # a place number, or empty: left out
    place = f"{cell_place(line, header.standing)} ({header.standing_name})"
    target = _mark_cell(row, header)
    other = row[target[0]].strip() if target is not None else ""
    if plain_mark(other) in STOP_MARKS:  # a mark there already (a dash, "NT": no mark said)
        if not _same_mark(mark, other):
            return _disagree(mark, place, other, _column_name(header, target[0]))
        return None, beside
    if beside is not None:
        if not _same_mark(mark, beside[0]):
            return _disagree(mark, place, beside[0], _column_name(header, beside[2]))
        return None, beside
    if target is None:  # a time at the finish (the last column's where there is no result)
        column = header.result if header.result is not None else header.distances[-1][0]
        return None, (mark, place, column)
    row[target[0]] = mark
    return (header.place(line, *target), place), None


def _mark_cell(row: list[str], header: WideHeader) -> tuple[int, float] | None:
    """The cell (column, metres) a Place column's mark is read at: the result cell, where
    it is empty or a mark; with no result column, the split cell after the row's last
    time (or the mark there); None where the row's time at the finish is there."""
    if header.result is not None and header.result_m is not None:
        final = row[header.result].strip()
        return (header.result, header.result_m) if not final or _is_mark(final) else None
    written = [(c, m) for c, m in header.distances if row[c].strip()]
    if written and _is_mark(row[written[-1][0]]):
        return written[-1]
    after = [(c, m) for c, m in header.distances if not written or m > written[-1][1]]
    return after[0] if after else None


def _same_mark(a: str, b: str) -> bool:
    """Whether two marks say the same (a DQ and a DSQ do)."""
    kinds = {plain_mark(a), plain_mark(b)}
    return len(kinds) == 1 or kinds <= DISQUALIFIED


def _column_name(header: WideHeader, column: int) -> str:
    """ "column 7 (Result)", "column 5 (1200 m)": a column of a wide sheet, by its header."""
    metres = dict(header.distances).get(column)
    name = header.result_name if column == header.result else f"{metres:g} m"
    return f"column {column + 1} ({name})"


def _disagree(mark: str, place: str, other: str, column: str) -> Problem:
    """The problem of a Place cell's mark that is not the result's (in column: _column_name)."""
    return Problem(
        place,
        f"{mark!r} here, but {column} says {other!r}: a runner has one mark, "
        "written in the Place column, the Result column or both",
    )


def _moved_back(
    moved: tuple[str, str],
    entry: dict | None,
    empty: list[tuple[int, Untimed]],
    problems: list[Problem],
    start: int,
) -> None:
    """Say a Place cell's mark (moved: the place it was read at, the Place cell's) at the
    Place cell: the athlete's mark, the untimed row's, and problems from start."""
    at, place = moved
    if entry is not None and "mark" in entry and entry["mark"][1] == at:
        entry["mark"] = (entry["mark"][0], place)
    if empty and empty[0][1].mark is not None and empty[0][1].mark[1] == at:
        empty[0] = (empty[0][0], replace(empty[0][1], mark=(empty[0][1].mark[0], place)))
    problems[start:] = [Problem(place, p.message) if p.where == at else p for p in problems[start:]]


def _finish_column(header: WideHeader) -> int | None:
    """The split column at the result column's distance (header.result_m), if there is one."""
    result_m = header.result_m
    if header.result is None or result_m is None:
        return None
    return next((c for c, m in header.distances if abs(m - result_m) < 1e-6), None)


def _finished_mark(row: list[str], header: WideHeader, line: int) -> tuple[str, str, int] | None:
    """(the mark, its place, the split column at the finish) of a row whose result cell
    holds a mark while that split column holds a time (a runner disqualified after
    finishing; a DNF beside a finish time), else None (the case _columns reads the split
    column alone for)."""
    column = _finish_column(header)
    if column is None or header.result is None or header.result_m is None:
        return None
    final = row[header.result].strip()
    if not _is_mark(final) or not row[column].strip() or _is_mark(row[column]):
        return None
    return final, header.place(line, header.result, header.result_m), column


def no_finisher_problem(
    athletes: dict[str, dict], race_m: float, distance_given: bool, inferred: str = ""
) -> Problem | None:
    """The problem of a wide sheet none of whose athletes reaches the finish (race_m, m)
    while one is marked as stopping (STOP_MARKS: "DNF" in her result cell): no runner
    finished, and a race needs one (the README's race file). Said at the first mark's
    cell; it had been told only that her last split must be at the race distance (R8).
    None where someone finishes, where no one is marked, or where --distance was given
    (distance_given) and someone is not marked: then it is the distance that is wrong.
    inferred: how race_m was worked out where the sheet does not state it (result_distance's
    phrase), said beside it: "a time at the 1500 m finish" had named a distance that no
    cell of the sheet gives (reviewer)."""
    if any(e["splits"][-1]["distance_m"] >= race_m - 1e-6 for e in athletes.values()):
        return None
    marked = [(name, e["mark"]) for name, e in athletes.items() if "mark" in e]
    if not marked or (distance_given and len(marked) < len(athletes)):
        return None
    name, (mark, place) = marked[0]
    more = f" (and {len(marked) - 1} more marked so)" if len(marked) > 1 else ""
    finish = (
        f"the finish: {race_m:g} m, {inferred}; --distance gives another"
        if inferred
        else f"the {race_m:g} m finish"
    )
    return Problem(
        place,
        f"no runner finished: {name} is marked {mark!r} here{more}, and a race needs at "
        f"least one finisher (a time at {finish})",
    )


def without_marks(cell: str) -> str:
    """A time cell without the RESULT_MARKS after its time ("3:54.37 PB" -> "3:54.37"); any
    other cell as it is."""
    marked = _MARKED_TIME.fullmatch(cell.strip())
    return marked.group("time") if marked else cell


def _is_mark(cell: str) -> bool:
    """Whether a cell holds one of NO_TIME_MARKS ("DNF", "dnf.", "-")."""
    return plain_mark(cell) in NO_TIME_MARKS


def _columns(
    row: list[str], line: int, header: WideHeader, decimal_comma: bool, problems: list[Problem]
) -> list[tuple[int, float]]:
    """The (column, metres) of a wide row to read: the split columns, and its result at the
    race distance (header.result_m). Where a split column is at that distance too, the two
    must agree (the same time, or the same mark; a problem at the result cell if not), and
    the one with a time is read."""
    columns = list(header.distances)
    if header.result is None or header.result_m is None:
        return columns
    result, result_m = header.result, header.result_m
    column = _finish_column(header)
    if column is None:
        return [*columns, (result, result_m)]
    twin = [c for c, _m in columns].index(column)
    split, final = row[column].strip(), row[result].strip()
    if not final:
        return columns
    if not split:
        columns[twin] = (result, result_m)
        return columns
    if _is_mark(final) and not _is_mark(split):  # a finish time, and a mark as its result
        return columns  # _read_cells says what the mark means (_finished_mark)
    if not _same_time(split, final, decimal_comma):
        problems.append(
            Problem(
                header.place(line, result, result_m),
                f"{final!r} is not column {column + 1}'s {split!r}, at the same {result_m:g} m: "
                "a result is the finish time (a longer race? give its distance: --distance)",
            )
        )
    return columns


def _same_time(a: str, b: str, decimal_comma: bool) -> bool:
    """Whether two cells say the same: the same text, mark or time (to the hundredth)."""
    if a.upper() == b.upper():
        return True
    try:
        times = [parse_time(t, decimal_comma=decimal_comma) for t in (a, b)]
    except TimeFormatError:
        return _is_mark(a) and _is_mark(b)
    return format_time(times[0]) == format_time(times[1])
