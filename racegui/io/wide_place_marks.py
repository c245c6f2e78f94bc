"""A wide sheet's Place (Pos, Rank) column: its numbers are left out, its marks (STOP_MARKS:
"DQ") read as if written in the row's Result cell (or, with no Result column, in the split
cell after the row's last time), refused where that cell says another mark; and a Result
cell holding a mark beside the finish time ("3:49.50 DSQ")."""

from __future__ import annotations

from dataclasses import replace

from racegui.io.csv_rows import Untimed, plain_mark
from racegui.io.csv_wide import WideHeader
from racegui.io.errors import Problem
from racegui.io.result_marks import (
    STOP_MARKS,
    disagree,
    is_mark,
    place_cell,
    place_mark,
    same_mark,
    split_mark,
)

ONE_MARK = "written in the Place column, the Result column or both"
"""Where a wide sheet's runner's one mark is written, said where two cells disagree."""


def beside_time(
    row: list[str], line: int, header: WideHeader, decimal_comma: bool
) -> tuple[str, str, int] | None:
    """(the mark, its place, the column of the time) of a result cell holding a mark and the
    finish time ("3:49.50 DSQ", "DSQ 3:49.50"), leaving only the time in the row's cell,
    read as the finish time; else None."""
    if header.result is None or header.result_m is None:
        return None
    both = split_mark(row[header.result].strip(), decimal_comma)
    if both is None:
        return None
    row[header.result] = both[1]
    return both[0], header.place(line, header.result, header.result_m), header.result


def standing_mark(
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
    mark = place_mark(row[header.standing])
    if mark is None:
        return None, beside  # a place number, or empty: left out
    place = place_cell(line, header.standing, header.standing_name)
    target = _mark_cell(row, header)
    other = row[target[0]].strip() if target is not None else ""
    if plain_mark(other) in STOP_MARKS:  # a mark there already (a dash, "NT": no mark said)
        if not same_mark(mark, other):
            return disagree(mark, place, other, _column_name(header, target[0]), ONE_MARK)
        return None, beside
    if beside is not None:
        if not same_mark(mark, beside[0]):
            return disagree(mark, place, beside[0], _column_name(header, beside[2]), ONE_MARK)
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
        return (header.result, header.result_m) if not final or is_mark(final) else None
    written = [(c, m) for c, m in header.distances if row[c].strip()]
    if written and is_mark(row[written[-1][0]]):
        return written[-1]
    after = [(c, m) for c, m in header.distances if not written or m > written[-1][1]]
    return after[0] if after else None


def _column_name(header: WideHeader, column: int) -> str:
    """ "column 7 (Result)", "column 5 (1200 m)": a column of a wide sheet, by its header."""
    metres = dict(header.distances).get(column)
    name = header.result_name if column == header.result else f"{metres:g} m"
    return f"column {column + 1} ({name})"


def moved_back(
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
