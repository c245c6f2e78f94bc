"""The rows below a lap CSV's header (racegui.io.lap_csv): each a lap of its runner (the
runner column's, or the one runner of a file without one), its time cells read, and a
"Total" row after a runner's laps kept apart, to be checked against them (total_note)."""

from __future__ import annotations

import csv
import io
import re
import statistics
from dataclasses import dataclass, replace

from racegui.io.csv_lines import long_cell_problem
from racegui.io.csv_rows import NO_TIME_MARKS as SHEET_MARKS
from racegui.io.csv_rows import plain_mark
from racegui.io.errors import MAX_PROBLEMS, Problem, quoted
from racegui.io.lap_header import LapHeader
from racegui.io.schema import MAX_SPLITS
from racegui.io.typed_times import typed_time
from racegui.model.timefmt import TimeFormatError, parse_time

TOTAL_ROW_WORDS = frozenset({"total", "totals", "sum", "gesamt", "summe", "total time", "final"})
"""Lap number cells of a row of a runner's whole time, which an app adds after the laps."""
ROUNDING_S = 0.02
"""Most two times of one moment may differ (s), each shown to the hundredth (rounded or
cut), before they are said to disagree."""
_LAP_NUMBER = re.compile(r"(?:lap|runde)?\s*(\d{1,6})\.?", re.IGNORECASE)
STOP_MARKS = frozenset({"DNF", "DNS", "DQ", "DSQ"})
"""Marks a lap time cell may hold instead of a time: the runner stopped there (did not
finish that lap; did not start, on lap 1; was disqualified: racegui.io.lap_stops)."""
NO_TIME_MARKS = SHEET_MARKS - STOP_MARKS
"""Marks a results sheet writes for no time ("NT", "NM", a dash): a lap without its time
cannot be placed, and is refused saying so (marked_cell_problem)."""


@dataclass(frozen=True)
class LapRow:
    """A lap of a lap CSV: its number, line (1-based), times (s) and runner."""

    lap: int
    line: int
    lap_s: float | None
    total_s: float | None
    lap_text: str = ""
    total_text: str = ""
    """The cells the times were read from, as typed."""
    runner: str = ""


@dataclass(frozen=True)
class TotalRow:
    """A "Total" row (TOTAL_ROW_WORDS): its line, runner and the times (s) its lap time
    and time-from-the-start cells hold (None: empty); sheet: the word is in the runner
    column (a spreadsheet's row of column sums, no runner's), its text there."""

    line: int
    runner: str
    lap_s: float | None
    total_s: float | None
    sheet: str = ""
    lap_text: str = ""
    total_text: str = ""
    """The time cells as typed (typed_times quotes them so)."""


@dataclass(frozen=True)
class StopRow:
    """A lap row whose time cells hold a stop mark (STOP_MARKS) instead of times: its
    runner stopped on that lap. place: the marked cell's ("line 7, column 3")."""

    lap: int
    line: int
    runner: str
    mark: str
    place: str


@dataclass
class LapRows:
    """The rows below a lap CSV's header: laps, Total rows, stop marks."""

    laps: list[LapRow]
    totals: list[TotalRow]
    stops: list[StopRow]


def cell(line: int, column: int) -> str:
    """ "line 5, column 3": a cell's place."""
    return f"line {line}, column {column + 1}"


def _time(row: list[str], column: int | None, line: int, comma: bool, problems: list[Problem]):
    """The time (s) in a row's cell, None for no such column; a problem for a bad cell."""
    if column is None:
        return None
    text = row[column].strip() if column < len(row) else ""
    if not text:
        problems.append(Problem(cell(line, column), "no time"))
        return None
    try:
        value = parse_time(text, decimal_comma=comma)
    except TimeFormatError as exc:
        problems.append(Problem(cell(line, column), str(exc)))
        return None
    if value <= 0:
        problems.append(Problem(cell(line, column), f"{text!r}: a time must be after the start"))
        return None
    return value


def _text(row: list[str], column: int | None) -> str:
    """A row's cell as typed, stripped ("" for no such column)."""
    return row[column].strip() if column is not None and column < len(row) else ""


def read_rows(text: str, header: LapHeader, name: str, problems: list[Problem]) -> LapRows:
    """The laps below the header, its Total rows and stop marks, with a problem for each
    bad cell, and for a runner's name differing from one before only in letter case; name
    is the runner of a file without a runner column."""
    comma = header.delimiter in ";\t"
    body = "".join(text.splitlines(keepends=True)[header.line :])
    read = LapRows([], [], [])
    names: dict[str, tuple[str, int]] = {}  # casefolded: as first written, its line
    reader = csv.reader(io.StringIO(body), delimiter=header.delimiter)
    total_column = header.total if header.either is None else header.either
    try:
        for row in reader:
            line = header.line + reader.line_num
            if not any(c.strip() for c in row) or len(problems) > MAX_PROBLEMS:
                continue
            runner = name if header.runner is None else " ".join(_text(row, header.runner).split())
            number_text = _text(row, header.number)
            if is_total_row(row, header):
                before = len(problems)
                times = [
                    _time(row, c, line, comma, []) if _text(row, c) else None
                    for c in (header.lap, total_column)
                ]
                _total_cells(row, (header.lap, total_column), line, comma, problems)
                sheet = runner if _is_total_word(runner) and header.runner is not None else ""
                if len(problems) == before:
                    who = "" if sheet else runner or _last_runner(read.laps)
                    texts = [_text(row, c) for c in (header.lap, total_column)]
                    read.totals.append(TotalRow(line, who, *times, sheet, *texts))
                continue
            number = _LAP_NUMBER.fullmatch(number_text)
            if number is None:
                problems.append(
                    Problem(cell(line, header.number), f"{number_text!r} is not a lap number")
                )
                continue
            if not runner:
                problems.append(Problem(cell(line, header.runner or 0), "no runner's name"))
                continue
            first = names.setdefault(runner.casefold(), (runner, line))
            if first[0] != runner:
                problems.append(
                    Problem(
                        cell(line, header.runner or 0),
                        f"{runner!r} differs from {first[0]!r} (line {first[1]}) only in "
                        "letter case: write one runner the same way on every row",
                    )
                )
                continue
            columns = (header.lap, total_column)
            unread = marked_cell_problem(row, columns, line, header.runner is not None)
            if unread is not None:
                problems.append(unread)
                continue
            mark = stop_mark(row, columns)
            if mark is not None:
                place = cell(line, mark)
                stop = StopRow(int(number.group(1)), line, runner, _text(row, mark), place)
                read.stops.append(stop)
                continue
            before = len(problems)
            lap_s = _time(row, header.lap, line, comma, problems)
            total_s = _time(row, total_column, line, comma, problems)
            if len(problems) == before:
                texts = (_text(row, header.lap), _text(row, total_column))
                read.laps.append(LapRow(int(number.group(1)), line, lap_s, total_s, *texts, runner))
    except csv.Error as exc:
        line = header.line + reader.line_num
        lines = body.split("\n")  # as io.StringIO gives them to the reader
        text_of_line = lines[reader.line_num - 1] if reader.line_num <= len(lines) else ""
        long = long_cell_problem(exc, line, [text_of_line], header.delimiter)
        problems.append(long or Problem(f"line {line}", f"not valid CSV: {exc}"))
    return read


def stop_mark(row: list[str], columns: tuple[int | None, ...]) -> int | None:
    """The column of a row's first time cell holding a stop mark (STOP_MARKS: "DNF",
    "dns."), where each of its time cells (columns) holds one or is empty; else None."""
    texts = [_text(row, c) for c in columns if c is not None]
    if not all(_is_stop(t) or not t for t in texts):
        return None
    return next((c for c in columns if c is not None and _is_stop(_text(row, c))), None)


def marked_cell_problem(
    row: list[str], columns: tuple[int | None, ...], line: int, runners: bool
) -> Problem | None:
    """The problem with a lap's time cell holding a mark that cannot be read: one of
    NO_TIME_MARKS ("NT": a lap needs its time), or a stop mark (STOP_MARKS) beside a time
    in the lap's other cell; None for none. runners: the file has a runner column (where a
    stop mark is read: lap_stops)."""
    texts = [(c, _text(row, c)) for c in columns if c is not None]
    for column, text in texts:
        if plain_mark(text) in NO_TIME_MARKS:
            hint = (
                ", or, if the runner stopped on this lap, write DNF in its place (DQ if "
                "disqualified) and leave out the laps not run"
                if runners
                else " (a lap CSV of one runner's laps needs the runner to finish)"
            )
            return Problem(
                cell(line, column),
                f"{text!r} says no time, but a lap needs its time to be placed on the track: "
                f"type it{hint}",
            )
    timed = [c for c, text in texts if text and not _is_stop(text)]
    marked = [(c, text) for c, text in texts if _is_stop(text)]
    if timed and marked:
        column, text = marked[0]
        return Problem(
            cell(line, column),
            f"{text!r} marks a lap not run to its end, but column {timed[0] + 1} gives it a "
            "time: leave that cell empty, or type this one's time",
        )
    return None


def _is_stop(text: str) -> bool:
    """Whether a cell holds a stop mark (STOP_MARKS), in any case, a dot after it."""
    return plain_mark(text) in STOP_MARKS


def _is_total_word(text: str) -> bool:
    """Whether a cell is one of TOTAL_ROW_WORDS, in any case."""
    return " ".join(text.lower().split()) in TOTAL_ROW_WORDS


def is_total_row(row: list[str], header: LapHeader) -> bool:
    """Whether a row is a Total row: its lap number cell one of TOTAL_ROW_WORDS (a
    runner's), or, of several runners' laps, its runner cell one with the lap number cell
    empty or one too (a spreadsheet's "Total,,," below the laps)."""
    number = _text(row, header.number)
    if _is_total_word(number):
        return True
    return header.runner is not None and not number and _is_total_word(_text(row, header.runner))


def _total_cells(
    row: list[str], columns: tuple[int | None, ...], line: int, comma: bool, problems: list
) -> None:
    """A problem for each time cell of a Total row that holds something other than a time
    (an empty one is none)."""
    for column in columns:
        if column is not None and _text(row, column):
            _time(row, column, line, comma, problems)


def _last_runner(rows: list[LapRow]) -> str:
    """The runner of the last lap read ("" for none): a Total row without a name is his."""
    return rows[-1].runner if rows else ""


def by_runner(rows: list[LapRow]) -> dict[str, list[LapRow]]:
    """The laps of each runner, the runners in the order they first come."""
    runners: dict[str, list[LapRow]] = {}
    for row in rows:
        runners.setdefault(row.runner, []).append(row)
    return runners


def in_order(rows: list[LapRow], header: LapHeader, who: str, problems: list[Problem]):
    """One runner's rows by lap number (an app may list the last lap first), with a problem
    for a lap given twice or missing; who names the runner in them (" of Tom Reyes", or "")."""
    ordered = sorted(rows, key=lambda r: r.lap)
    seen: dict[int, int] = {}
    for row in ordered:
        if row.lap in seen:
            problems.append(
                Problem(
                    cell(row.line, header.number),
                    f"lap {row.lap}{who} again (line {seen[row.lap]})",
                )
            )
        seen.setdefault(row.lap, row.line)
    missing = [k for k in range(1, max(seen, default=0) + 1) if k not in seen]
    if missing:
        shown = ", ".join(str(k) for k in missing[:5]) + (", ..." if len(missing) > 5 else "")
        where = f"line {ordered[0].line}" if who else ""
        problems.append(
            Problem(where, f"no row for lap {shown}{who}: laps are numbered 1, 2, 3 ...")
        )
    if len(ordered) > MAX_SPLITS:
        problems.append(Problem("", f"more than {MAX_SPLITS} laps{who}"))
    return ordered


def total_note(
    total: TotalRow,
    rows: list[LapRow],
    final: tuple[float, list[str]],
    laps: tuple[float, list[str]] | None,
    header: LapHeader,
) -> Problem | str:
    """A note that a Total row after a runner's laps (rows, in order) is left out, its times
    agreeing with the time at the end of the last lap (final: s, and the cells it was read
    or added up from, as typed) and the lap times' sum (laps: the same; None: no lap times);
    or the problem with it: it comes before one of his laps, or a time of it disagrees. Its
    times are quoted as typed (typed_times: 4:06.8, not 4:06.80)."""
    last = rows[-1]
    after = [r for r in rows if r.line > total.line]
    if after:
        return Problem(
            cell(total.line, header.number),
            f"a Total row must come after the laps it adds up, but lap {after[0].lap} "
            f"follows it (line {after[0].line})",
        )
    checks = [
        (total.total_s, total.total_text, final, "the time at the end of"),
        (total.lap_s, total.lap_text, laps, ""),
    ]
    for given, given_text, worked, said in checks:
        if given is None or worked is None or abs(given - worked[0]) <= ROUNDING_S + 1e-9:
            continue
        what = said or "the lap times added up to"
        return Problem(
            f"line {total.line}",
            f"the Total row's {typed_time(given, given_text)} is not "
            f"{typed_time(worked[0], *worked[1])}, {what} lap {last.lap} (line {last.line}): "
            "check the laps' times, or leave the Total row out",
        )
    given, text = (
        (total.total_s, total.total_text)
        if total.total_s is not None
        else (total.lap_s, total.lap_text)
    )
    agrees = (
        f", and its {typed_time(given, text)} is the time at the end of lap {last.lap}"
        if given
        else ""
    )
    return f"Line {total.line}: the Total row is left out: it is no lap{agrees}."


def runner_of_total(total: TotalRow, runners: dict[str, list[LapRow]]) -> Problem | None:
    """The problem with a Total row whose runner has no laps (None: he has, or it is the
    sheet's)."""
    if total.sheet or total.runner in runners:
        return None
    return Problem(f"line {total.line}", f"a Total row for {quoted(total.runner)}, who has no laps")


def sheet_total_note(
    total: TotalRow, runners: dict[str, list[LapRow]], header: LapHeader
) -> Problem | str:
    """A note that a Total row in the runner column (a spreadsheet's sums below the laps:
    "Total,,,") is left out, each time it holds agreeing with the sum of its column's
    times above it, as a spreadsheet's SUM gives; or the problem with it: a lap follows
    it, or a time of it disagrees."""
    rows = [r for laps in runners.values() for r in laps]
    word = total.sheet
    after = min((r for r in rows if r.line > total.line), key=lambda r: r.line, default=None)
    if after is not None:
        return Problem(
            cell(total.line, header.runner or 0),
            f"a {word!r} row in the runner column totals the sheet, no runner's lap, but "
            f"lap {after.lap} of {after.runner} follows it (line {after.line}): put it last, "
            "or leave it out",
        )
    total_column = header.total if header.either is None else header.either
    sums = [
        (total.lap_s, total.lap_text, header.lap, [(r.lap_s, r.lap_text) for r in rows]),
        (total.total_s, total.total_text, total_column, [(r.total_s, r.total_text) for r in rows]),
    ]
    said = []
    for given, given_text, column, times in sums:
        if given is None or column is None:
            continue
        summed = sum(t for t, _ in times if t is not None)
        typed = [text for t, text in times if t is not None]
        name = header.names[column].strip().strip('"')
        if abs(given - summed) > ROUNDING_S + 1e-9:
            return Problem(
                cell(total.line, column),
                f"the {word!r} row's {typed_time(given, given_text)} is not "
                f"{typed_time(summed, *typed)}, the sum of the {name} column above it: a row "
                "of the sheet's totals, no runner's lap; check the laps' times, or leave it out",
            )
        said.append(f"its {typed_time(given, given_text)} is the sum of the {name} column")
    agrees = f", and {' and '.join(said)}" if said else ""
    return (
        f"Line {total.line}: the {word!r} row is left out: it totals the sheet, no runner's "
        f"lap{agrees}."
    )


ZERO_LAP_SHARE = 0.5
"""A lap 0 taking less than this share of its runner's median lap after it is no lap (a
start or reaction time typed before lap 1), and refused."""


def from_zero(
    runners: dict[str, list[LapRow]], header: LapHeader, problems: list[Problem], notes: list[str]
) -> dict[str, list[LapRow]]:
    """The runners' laps with a lap 0 read: where every runner's laps are numbered 0 to
    n - 1 and each lap 0 takes at least ZERO_LAP_SHARE of her median lap after it, numbered
    from 1 instead (noted); else a problem at the first lap 0 (a lap 0 typed before laps
    1 to n had been counted as a lap)."""
    zeros = sorted(
        (r for rows in runners.values() for r in rows if r.lap == 0), key=lambda r: r.line
    )
    if not zeros:
        return runners
    first = zeros[0]
    who = "" if header.runner is None else f" of {first.runner}"
    numbered = all(
        sorted(r.lap for r in rows) == list(range(len(rows))) for rows in runners.values()
    )
    short = next((r for r in zeros if _far_short(r, runners[r.runner])), None)
    if numbered and short is None:
        notes.append(
            f"The laps are numbered from 0 (line {first.line}: lap 0{who}): lap 0 is read "
            "as the first lap, lap 1 as the second, and so on."
        )
        return {
            runner: [replace(r, lap=r.lap + 1) for r in rows] for runner, rows in runners.items()
        }
    if short is not None:
        why = (
            f"its {typed_time(_lap_time(short, runners[short.runner]), *_typed(short))} is far "
            "shorter than "
            "a lap after it: a start or reaction time? leave it out"
        )
    else:
        why = "laps are numbered 1, 2, 3 ...: leave it out if it is no lap"
    row = short or first
    of = "" if header.runner is None else f" of {row.runner}"
    problems.append(Problem(cell(row.line, header.number), f"lap 0{of}: {why}"))
    return runners


def _lap_time(row: LapRow, rows: list[LapRow]) -> float:
    """A lap's time (s): its lap time, else its time from the start less the lap before's."""
    if row.lap_s is not None:
        return row.lap_s
    before = [r.total_s for r in rows if r.lap < row.lap and r.total_s is not None]
    return (row.total_s or 0.0) - max(before, default=0.0)


def _typed(row: LapRow) -> tuple[str, ...]:
    """The cells a lap's time (_lap_time) was read from, as typed (typed_times): its lap
    time's, else its time from the start's."""
    return (row.lap_text,) if row.lap_s is not None else (row.total_text,)


def _far_short(zero: LapRow, rows: list[LapRow]) -> bool:
    """Whether a lap 0 takes less than ZERO_LAP_SHARE of its runner's median lap after it."""
    after = [_lap_time(r, rows) for r in rows if r.lap > 0]
    return bool(after) and _lap_time(zero, rows) < ZERO_LAP_SHARE * statistics.median(after)
