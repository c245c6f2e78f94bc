"""Import splits from CSV: one row per athlete per split (athlete, distance_m, time), or
one row per athlete with one column per distance (csv_wide: "Athlete,400,800,1200").

A header row names the columns (any order, case-insensitive, or as COLUMN_ALIASES: "Distance",
"Split time"); lines above it (a title, "Race: ..." lines) are left out, as above a lap
CSV's header, when it is among the first HEADER_SEARCH_LINES + 1. Optional columns name, role
and colour describe the athlete (an athlete with no role given is a runner if listed first
or reaching the finish, else a pacer; a runner who stops short while another runner finishes
did not finish, "dnf"). The athlete cell is an id (letters, digits, '_', '.', '-')
or a name: "Faith Kipyegon" is the athlete's name and "faith-kipyegon" its id (a name column
still gives the name). An athlete's rows may come in any order: they are sorted by
distance (two at one distance, or a time not after the one at a shorter distance, is refused
naming both lines). Distances are metres ("400", "400 m"); times are seconds or m:ss.xx,
and a row with an empty time is left out with a note (a split not taken). Colours are
"#rrggbb" or a name of COLOUR_NAMES ("red"). The delimiter is a comma or a
semicolon (with a semicolon, decimal commas such as 60,20 are read too). UTF-8 (BOM
allowed), or UTF-16 with a BOM as spreadsheets save "Unicode text", or Windows-1252 as Excel
on Windows saves "CSV" (with a note saying so).

This module reads a file; the parts live beside it: csv_header (the header, COLUMN_ALIASES,
HEADER_SEARCH_LINES), csv_lines (the lines of each row), csv_rows (the data rows),
csv_race_data (race file data, COLOUR_NAMES) and csv_places (problems placed at
lines and columns).
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from pathlib import Path

from racegui.io.csv_header import (
    REQUIRED,
    SEP_LINE,
    column_of,
    delimiter,
    header_below,
    header_names,
    likely_header,
    place_column,
    reading_from,
    unread_columns,
)
from racegui.io.csv_lines import RowLines, long_cell_problem, quote_problem
from racegui.io.csv_places import Origin, given_options, line_of, longest_line
from racegui.io.csv_race_data import COLOUR_NAMES, race_data
from racegui.io.csv_rows import Untimed, read_row, sort_by_distance, untimed_notes
from racegui.io.csv_title import file_title, title_above
from racegui.io.csv_wide import (
    HEADER_FORMS,
    LAP_FORM_HINT,
    find_wide_header,
    misread_header,
    result_distance,
    wide_header,
)
from racegui.io.day_fractions import day_fraction_hint
from racegui.io.errors import MAX_PROBLEMS, DistanceNeeded, Problem, RaceFileError, capped
from racegui.io.lap_csv import LapHeader, find_lap_header, read_laps
from racegui.io.long_place_marks import PlaceMarks
from racegui.io.palette import PALETTE
from racegui.io.race_file import race_from_data
from racegui.io.text_file import CP1252_NOTE, decode_text_as, read_bytes_limited
from racegui.io.wide_rows import no_finisher_problem, read_wide_rows
from racegui.model.race import Race

__all__ = ["COLOUR_NAMES", "LAP_FORM_HINT", "NAME_FOR_LAPS", "PALETTE", "read_splits_csv"]
"""What other modules take from here: read_splits_csv and its messages, and the colours that
callers have always imported from racegui.io.splits_csv."""

NAME_FROM_FILE = "the runner's name, from the file's name (--name gives another)"
"""Where a lap CSV's runner name came from when no --name gave it, said in a problem."""
NAME_FOR_LAPS = "names the runner of a lap CSV; this file names its athletes in a column"


def read_splits_csv(
    path: str | Path,
    *,
    distance_m: float | None = None,
    title: str | None = None,
    target_time_s: float | None = None,
    name: str | None = None,
    lap_distance_m: float | None = None,
) -> Race:
    """Read a splits CSV into a Race (the first athlete is the runner unless a role column
    says otherwise; see csv_race_data.race_data for runners who did not finish), or a
    stopwatch's lap CSV (racegui.io.lap_csv: one runner, named `name` or after the file).
    The race distance (m) defaults to the largest distance in the file; a lap CSV needs it.
    distance_m, title, target_time_s (s) and name are racegui import's --distance, --title,
    --target and --name; lap_distance_m (m) is a lap CSV's distance where distance_m is not
    given (a race compared with one of that distance), and a wide sheet's Result column's
    where its header does not say it. Raises RaceFileError naming the line
    and column (or the option) of each problem, never a JSON path. A file read as
    Windows-1252 (not UTF-8: text_file.decode_text_as) says so in the race's first note."""
    path = Path(path)
    text, encoding = decode_text_as(path, read_bytes_limited(path), csv=True)
    options = (distance_m, title, target_time_s, name, lap_distance_m)
    race = _read_text(path, text, *options)
    return race if encoding != "cp1252" else replace(race, notes=(CP1252_NOTE, *race.notes))


def _read_text(
    path: Path,
    text: str,
    distance_m: float | None,
    title: str | None,
    target_time_s: float | None,
    name: str | None,
    lap_distance_m: float | None,
) -> Race:
    """The Race of a splits CSV's text, as read_splits_csv reads it."""
    first_line = text.lstrip("\r\n").partition("\n")[0].rstrip("\r")
    sep = SEP_LINE.match(first_line)  # not stripped: "sep=\t" names a tab
    delim = sep.group(1) if sep else delimiter(first_line)
    decimal_comma = delim in ";\t"
    source = RowLines(text)
    reader = csv.reader(source, delimiter=delim)
    problems: list[Problem] = []
    untimed: list[tuple[int, Untimed]] = []  # (line, row) of rows without a time, left out
    try:
        if sep:  # Excel's "sep=;": the separator, then the header on the next line
            next(reader)
        cells = next(reader)
        header = header_names(cells)
    except StopIteration:
        raise RaceFileError(path, [Problem("line 1", "no header row")]) from None
    except csv.Error as exc:
        row_lines = source.taken()[1 if sep and reader.line_num > 1 else 0 :]  # not "sep="
        long = long_cell_problem(exc, reader.line_num, row_lines, delim)
        raise RaceFileError(path, [long or Problem("line 1", "no header row")]) from None
    missing = [c for c in REQUIRED if c not in header]
    laps = find_lap_header(text) if missing else None
    below = header_below(text, 2 if sep else 1) if missing else None
    if laps is not None and (below is None or laps.line < below):
        lap_m = distance_m if distance_m is not None else lap_distance_m
        return _lap_race(path, text, laps, lap_m, title, target_time_s, name)
    wide = find_wide_header(text, 2 if sep else 1) if missing and below is None else None
    if wide is not None:
        options = (distance_m, title, target_time_s, name, lap_distance_m)
        return _wide_race(path, text, wide, sep.group(1) if sep else None, *options)
    header_line = below or (2 if sep else 1)
    given = given_options(distance_m, title, target_time_s)
    if below is not None:  # a title above the header: left out, as above a lap CSV's
        try:
            source, reader, cells, delim = reading_from(text, below, sep and sep.group(1))
        except (StopIteration, csv.Error):
            raise RaceFileError(path, [Problem(f"line {below}", "not valid CSV")]) from None
        decimal_comma = delim in ";\t"
        header = header_names(cells)
        missing = [c for c in REQUIRED if c not in header]
    misread = misread_header(cells, reader.line_num, decimal_comma) if missing else None
    if misread is not None:  # "Athlete,700,300", "Athlete,Lap 1,Lap 2"
        raise RaceFileError(path, [misread])
    if missing:
        raise RaceFileError(path, [_missing_problem(text, reader.line_num, sep and sep.group(1))])
    if name is not None:
        raise RaceFileError(path, [Problem("--name", NAME_FOR_LAPS)])
    col, why = column_of(header, cells)
    if why:
        raise RaceFileError(path, [Problem(f"line {reader.line_num}", why)])
    unread = unread_columns(cells, col)  # said, as a wide sheet refuses them
    standing = place_column(cells)  # its marks (DQ) are read, as a wide sheet's
    place_marks = PlaceMarks(*standing) if standing is not None else None
    source.taken()  # the header's lines
    athletes: dict[str, dict] = {}
    over: set[str] = set()
    """Athletes with too many splits ("": too many athletes), each reported once."""
    try:
        for row in reader:
            if len(problems) > MAX_PROBLEMS:
                break
            row_lines = source.taken()
            first = reader.line_num - len(row_lines) + 1
            if len(row_lines) > 1 or reader.line_num == source.count:  # many lines, or the end
                quote = quote_problem(row_lines, first, delim)
                if quote is not None:
                    problems.append(quote)
                    continue
            read_row(
                row, reader.line_num, header, col, decimal_comma, athletes, over, problems, untimed
            )
            if place_marks is not None:
                place_marks.read(row, reader.line_num, col["athlete"], problems)
    except csv.Error as exc:
        problems.append(_reader_problem(exc, reader.line_num, source, delim))
    if place_marks is not None:
        place_marks.apply(athletes, untimed, distance_m, problems)
    _check_splits(path, athletes, col, problems, header_line)
    if distance_m is not None:  # without it, the farthest split is the finish: reached
        no_finisher = no_finisher_problem(athletes, distance_m, True)
        if no_finisher is not None:  # every runner marked (the Place column's DQ, DNF)
            raise RaceFileError(path, [no_finisher])
    notes = ([unread] if unread else []) + untimed_notes(untimed, athletes)
    title = title or title_above(text, header_line) or file_title(path)
    return _race(path, athletes, col, distance_m, title, target_time_s, notes, given)


def _missing_problem(text: str, line: int, sep: str | None) -> Problem:
    """The problem of a header on line that no form fits, said at the line most like a
    header (csv_header.likely_header: title lines may stand above it) with the columns
    missing there."""
    line = likely_header(text, line)
    try:
        _, _, cells, _ = reading_from(text, line, sep)
    except (StopIteration, csv.Error):
        cells = []
    header = header_names(cells)
    missing = [c for c in REQUIRED if c not in header]
    return Problem(f"line {line}", f"missing column(s) {', '.join(missing)}; {HEADER_FORMS}")


def _reader_problem(exc: csv.Error, line: int, source: RowLines, delim: str) -> Problem:
    """The problem of csv.Error exc raised reading a row up to line (source: the row's
    lines): a cell too long at its place, anything else "not valid CSV" at the line."""
    long = long_cell_problem(exc, line, source.taken(), delim)
    return long or Problem(f"line {line}", f"not valid CSV: {exc}")


def _check_splits(
    path: Path,
    athletes: dict[str, dict],
    col: dict[str, int],
    problems: list[Problem],
    header_line: int,
) -> None:
    """Sort each athlete's splits by distance; RaceFileError with problems and those of the
    splits' order (or for no splits at all)."""
    sort_by_distance(athletes, col, problems)
    problems += [
        Problem(f"line {entry['line']}", f"{athlete} has only a start row (0 m), no split")
        for athlete, entry in athletes.items()
        if not entry["splits"]
    ]
    if problems:
        raise RaceFileError(path, capped(sorted(problems, key=line_of)))
    if not athletes:
        where = f"line {header_line + 1}"
        raise RaceFileError(path, [Problem(where, "no splits after the header")])


def _wide_race(
    path: Path,
    text: str,
    line: int,
    sep: str | None,
    distance_m: float | None,
    title: str | None,
    target_time_s: float | None,
    name: str | None,
    compared_m: float | None = None,
) -> Race:
    """The Race of a wide split sheet (racegui.io.csv_wide, wide_rows: one row per athlete,
    one column per distance) whose header is on line (sep: Excel's "sep=" one). Its race
    distance (m) is distance_m, else the header's largest distance; a Result column's whose
    distance the header does not say is compared_m's (the race it is compared with:
    '--compare' had said 'give it (--distance)', which applies to FILE only), else
    DistanceNeeded."""
    if name is not None:
        raise RaceFileError(path, [Problem("--name", NAME_FOR_LAPS)])
    try:
        source, reader, cells, delim = reading_from(text, line, sep)
    except (StopIteration, csv.Error):
        raise RaceFileError(path, [Problem(f"line {line}", "not valid CSV")]) from None
    header = wide_header(cells, line, delim in ";\t")
    if isinstance(header, Problem):
        raise RaceFileError(path, [header])
    result_note = inferred = ""
    if header.result is not None:  # finish times, at the race distance
        result = result_distance(header, distance_m)
        if isinstance(result, Problem) and compared_m is not None:
            result = result_distance(header, compared_m)
        if isinstance(result, Problem):
            columns = tuple(m for _, m in header.distances)
            raise DistanceNeeded(path, [result], header.line, columns)
        header = replace(header, result_m=result[0])
        result_note, inferred = result[1], result[2]
    source.taken()  # the header's lines
    athletes: dict[str, dict] = {}
    problems: list[Problem] = []
    untimed: list[tuple[int, Untimed]] = []
    try:
        read_wide_rows(reader, source, delim, header, athletes, problems, untimed)
    except csv.Error as exc:
        problems.append(_reader_problem(exc, reader.line_num, source, delim))
    col = header.col()
    _check_splits(path, athletes, col, problems, line)
    # An empty cell is no split there: said only of an athlete with none (left out).
    notes = untimed_notes([u for u in untimed if u[1].athlete not in athletes], athletes)
    notes = [result_note] + notes if result_note else notes
    column, last_m = max(header.distances, key=lambda d: d[1])
    if header.result is not None and header.result_m is not None:
        column, last_m = header.result, header.result_m
    where = header.place(line, column, last_m)  # the race distance's cell, if not given
    given = given_options(distance_m, title, target_time_s)
    title = title or title_above(text, line) or file_title(path)
    race_m = distance_m if distance_m is not None else last_m
    no_finisher = no_finisher_problem(athletes, race_m, distance_m is not None, inferred)
    if no_finisher is not None:
        raise RaceFileError(path, [no_finisher])
    return _race(path, athletes, col, race_m, title, target_time_s, notes, given, where)


def _race(
    path: Path,
    athletes: dict[str, dict],
    col: dict[str, int],
    distance_m: float | None,
    title: str,
    target_time_s: float | None,
    notes: list[str],
    given: dict[str, str],
    distance_place: str | None = None,
) -> Race:
    """The Race of a CSV's athletes (see race_data), each problem with it placed at the
    CSV's line and column or at the option that set it (given: racegui import's options
    given, as given_options names them; distance_place: the cell that gave the race
    distance, where not the longest line's distance column)."""
    data = race_data(athletes, col, distance_m, title, target_time_s, notes)
    try:
        return race_from_data(data, path)
    except RaceFileError as exc:
        origin = Origin(
            [[split["line"] for split in entry["splits"]] for entry in athletes.values()],
            [entry["line"] for entry in athletes.values()],
            [{f: line for f, (_v, line) in entry["said"].items()} for entry in athletes.values()],
            col,
            given,
            longest_line(athletes),
            [[split.get("place") for split in entry["splits"]] for entry in athletes.values()],
            distance_place,
        )
        problems = _day_fractions([origin.place(p) for p in exc.problems], exc.problems, athletes)
        raise RaceFileError(path, problems) from None


_SPLIT_PROBLEM = re.compile(r"\$\.athletes\[\d+\]\.splits\[")
"""Where a race file's problem with a split is (its time, or its pace from the one before)."""


def _day_fractions(
    placed: list[Problem], problems: list[Problem], athletes: dict[str, dict]
) -> list[Problem]:
    """The problems placed in the CSV (placed; problems: as race_from_data said them), those
    of splits made one, with day_fraction_hint's words, where every time in the CSV looks
    like a day fraction that Excel wrote for a time not formatted as one: its four splits
    had been four lines of 'splits are timed to the hundredth' (analyst's review)."""
    splits = [entry["splits"] for entry in athletes.values()]
    hint = day_fraction_hint(splits, any("place" in s for s in splits[0]) if splits else False)
    at_split = [bool(_SPLIT_PROBLEM.match(p.where)) for p in problems]
    if hint is None or not any(at_split):
        return placed
    first = placed[at_split.index(True)]
    others = [p for p, split in zip(placed, at_split, strict=True) if not split]
    return sorted([Problem(first.where, f"{first.message}; {hint}"), *others], key=line_of)


def _lap_race(
    path: Path,
    text: str,
    header: LapHeader,
    distance_m: float | None,
    title: str | None,
    target_time_s: float | None,
    name: str | None,
) -> Race:
    """The Race of a lap CSV (racegui.io.lap_csv): one runner, named name or after the
    file, or the runners its runner column names, over distance_m (m), which it needs;
    titled title, else as the line above the header or the file's name give it
    (csv_title). Of several runners, one with fewer laps than the others did not finish."""
    if name is not None and header.runner is not None:
        raise RaceFileError(path, [Problem("--name", NAME_FOR_LAPS)])
    typed = " ".join((name or "").split())
    runner = typed or file_title(path)
    problems: list[Problem] = []
    read = read_laps(text, header, distance_m, runner, problems)
    if read is None:
        raise RaceFileError(path, capped(sorted(problems, key=line_of)))
    athletes = {
        who: {"splits": splits, "line": splits[0]["line"], "said": {}}
        | ({"stopped": read.stopped[who]} if who in read.stopped else {})
        | ({"mark": read.marks[who]} if who in read.marks else {})
        for who, splits in read.runners.items()
    }
    athlete_column = header.number if header.runner is None else header.runner
    col = {"athlete": athlete_column, "distance_m": header.number, "time": read.time_column}
    given = given_options(distance_m, title, target_time_s)
    if header.runner is None:  # its runner's name is in no cell: --name's, or the file's
        given["name"] = "--name" if typed else NAME_FROM_FILE
    title = title or title_above(text, header.line) or file_title(path)
    return _race(path, athletes, col, distance_m, title, target_time_s, read.notes, given)
