"""The rows of a wide split sheet (csv_wide's header: one row per athlete, one column per
distance), each cell read as the long form's row (csv_rows.read_row) and placed at its cell:
"line 3, column 4 (1100 m)"; a Result column's time at the race distance, and the marks
(result_marks) that stop a runner; and the problem of a sheet where no one finishes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from racegui.io.csv_lines import RowLines, quote_problem
from racegui.io.csv_places import cell_place
from racegui.io.csv_rows import DISQUALIFIED, NO_TIME_HINT, Untimed, plain_mark, read_row
from racegui.io.csv_wide import WideHeader
from racegui.io.errors import MAX_PROBLEMS, Problem
from racegui.io.result_marks import STOP_MARKS, finished_problem, is_mark, without_marks
from racegui.io.wide_place_marks import beside_time, moved_back, standing_mark
from racegui.model.timefmt import TimeFormatError, format_time, parse_time


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
    refused before a time; a Place cell's mark is read as the result cell's (standing_mark),
    a result cell's mark beside its time as one beside the finish time (beside_time)."""
    start = len(problems)
    athlete = " ".join(row[header.athlete].split())
    empty: list[tuple[int, Untimed]] = []
    width = len(row)
    row = list(row)
    for column in {c for c, _m in header.distances} | {header.result}:
        if column is not None:
            row[column] = without_marks(row[column])
    beside = beside_time(row, line, header, decimal_comma)
    standing = standing_mark(row, line, header, beside)
    if isinstance(standing, Problem):
        problems.append(standing)
        return
    moved, beside = standing
    columns = _columns(row, line, header, decimal_comma, problems)
    marks = [(c, m, row[c].strip()) for c, m in columns if is_mark(row[c])]
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
            problems.append(finished_problem(mark, place, f"column {column + 1}", finish_m))
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
        moved_back(moved, athletes.get(athlete), empty, problems, start)
    problems[start:] = list(dict.fromkeys(problems[start:]))
    untimed += empty[:1]


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
    if not is_mark(final) or not row[column].strip() or is_mark(row[column]):
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
        f"no runner finishes: {name} is marked {mark!r} here{more}, and a race needs at "
        f"least one finisher (a time at {finish})",
    )


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
    if is_mark(final) and not is_mark(split):  # a finish time, and a mark as its result
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
        return is_mark(a) and is_mark(b)
    return format_time(times[0]) == format_time(times[1])
