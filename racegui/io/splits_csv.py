"""Import splits from CSV: one row per athlete per split (athlete, distance_m, time).

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
allowed), or UTF-16 with a BOM as spreadsheets save "Unicode text".
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from racegui.io.csv_title import file_title, title_above
from racegui.io.errors import (
    CONTROLS,
    MAX_PROBLEMS,
    Problem,
    RaceFileError,
    capped,
    control_problem,
)
from racegui.io.lap_csv import LapHeader, find_lap_header, read_laps
from racegui.io.laps import looks_like_lap_times, running_totals, times_text
from racegui.io.race_file import (
    DNF_HINT,
    MAX_SPEED_MPS,
    decode_text,
    race_from_data,
    read_bytes_limited,
)
from racegui.io.schema import FORMAT, ID_PATTERN, MAX_ATHLETES, MAX_SPLITS
from racegui.model.race import TARGET_ID, Race
from racegui.model.timefmt import TimeFormatError, format_time, parse_time

REQUIRED = ("athlete", "distance_m", "time")
OPTIONAL = ("name", "role", "colour")
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
}
"""Other names a header may give a column, as people type them ("Athlete;Distance;Time" was
refused for want of distance_m: coach's review); matched in any case, with spaces or
underscores."""
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#9467bd",
    "#17becf",
    "#e377c2",
    "#8c564b",
    "#bcbd22",
    "#7f7f7f",
    "#a6cee3",
    "#fdbf6f",
    "#cab2d6",
    "#6a3d9a",
    "#b15928",
    "#fb9a99",
    "#e4002b",
    "#2ca02c",
)
"""Colours of athletes imported without one, in turn: sixteen, so that a club field of up
to sixteen has no two alike (a 5000 m of twelve had two reds and two blues). Red and green,
which the panel uses for behind and ahead of the target, come last: a coach's runner drawn
in red had her finish clock red beside a green "ahead" (new user's review)."""
COLOUR_NAMES = {
    "black": "#000000",
    "white": "#ffffff",
    "red": "#e4002b",
    "orange": "#ff7f0e",
    "yellow": "#ffd700",
    "gold": "#ffd700",
    "green": "#2ca02c",
    "lime": "#32cd32",
    "teal": "#008080",
    "cyan": "#17becf",
    "blue": "#1f77b4",
    "navy": "#1b2a6b",
    "purple": "#9467bd",
    "violet": "#9467bd",
    "magenta": "#e377c2",
    "pink": "#ff69b4",
    "brown": "#8c564b",
    "maroon": "#800000",
    "grey": "#7f7f7f",
    "gray": "#7f7f7f",
    "silver": "#c0c0c0",
}
"""Colour names a colour cell may hold instead of "#rrggbb" (any letter case), as the
palette draws them where it has the colour."""
_METRES = re.compile(r"\s*m\s*$", re.IGNORECASE)
"""A unit after a distance ("400m", "400 m"), dropped before reading the number."""
LAP_FORM_HINT = (
    "; or, for one runner's laps from a stopwatch, Lap with Lap Time and/or Total Time, "
    "and the race distance"
)
"""Said where a header is neither form: the other form a CSV may have (racegui.io.lap_csv)."""
NAME_FOR_LAPS = "names the runner of a lap CSV; this file names its athletes in a column"
_SPLIT_LOC = re.compile(r"^\$\.athletes\[(\d+)\]\.splits\[(\d+)\](?:\.(\w+))?$")
_SPLITS_LOC = re.compile(r"^\$\.athletes\[(\d+)\]\.splits$")
_ATHLETE_LOC = re.compile(r"^\$\.athletes\[(\d+)\]\.(id|name|role|colour)$")
_ANY_ATHLETE_LOC = re.compile(r"^\$\.athletes\[(\d+)\]")
_DISTANCE_LOC = re.compile(r"^\$\.distance_m$")
_OPTION_LOC = re.compile(r"^\$\.(title|target)\b")
_LATIN = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th"})
"""Letters without a decomposed Latin form, spelt out for an id made from a name."""
MAX_ID_CHARS = 64
"""Longest id (as ID_PATTERN allows)."""
_LINE = re.compile(r"^line (\d+)")
_COLUMN_OF = {"id": "athlete", "name": "name", "role": "role", "colour": "colour"}
"""The CSV column each athlete field of a race file comes from."""


def column_name(cell: str) -> str:
    """The column a header cell names: lower case, one of REQUIRED or OPTIONAL when it is
    one or an alias of one (COLUMN_ALIASES), else the cell as it is, lower case."""
    name = _plain_cell(cell)
    return COLUMN_ALIASES.get(name.replace("_", " "), name)


def _plain_cell(cell: str) -> str:
    """A header cell as written, without quotes, in lower case with single spaces."""
    return " ".join(cell.strip().strip('"').lower().split())


def _delimiter(header: str) -> str:
    """The separator a header line uses: the most common of comma, semicolon and tab."""
    return max(",;\t", key=header.count)  # a comma on a tie (or none)


_SEP_LINE = re.compile(r"^sep=(.)$", re.IGNORECASE)
"""Excel's first line naming the separator ("sep=;")."""
HEADER_SEARCH_LINES = 10
"""Lines looked at for a header below the first (a title row above it)."""


def _header_below(text: str, after: int) -> int | None:
    """The line number (1-based, as csv.reader counts) of a header with every REQUIRED
    column among the HEADER_SEARCH_LINES lines after line `after`, if there is one."""
    lines = itertools.islice(io.StringIO(text), after, after + HEADER_SEARCH_LINES)
    for k, line in enumerate(lines, start=after + 1):
        line = line.rstrip("\r\n")
        cells = [column_name(c) for c in line.split(_delimiter(line))]
        if all(name in cells for name in REQUIRED):
            return k
    return None


def _reading_from(text: str, line: int, sep: str | None) -> tuple[_Lines, Any, list[str], str]:
    """(source, reader, header cells, delimiter) for text whose header is on `line`
    (1-based): the lines above it (a title, "Race: ..." lines) are read as empty, so line
    numbers stay the file's, and the header's own delimiter is used (sep: Excel's "sep="
    one, which wins)."""
    lines = io.StringIO(text)
    for _ in range(line - 1):
        next(lines)
    rest = lines.read()
    delim = sep or _delimiter(rest.partition("\n")[0])
    source = _Lines("\n" * (line - 1) + rest)
    reader = csv.reader(source, delimiter=delim)
    cells: list[str] = []
    for _ in range(line):
        cells = next(reader)
    return source, reader, cells, delim


def _header_names(cells: list[str]) -> list[str]:
    """The column each header cell names (column_name), without the empty trailing cells
    of a spreadsheet's export, which name nothing."""
    header = [column_name(cell) for cell in cells]
    while header and not header[-1]:
        header.pop()
    return header


def _column_of(header: list[str], cells: list[str]) -> tuple[dict[str, int], str]:
    """Each field's column (REQUIRED and OPTIONAL) in a header read by _header_names from
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


def _number(text: str, decimal_comma: bool) -> float:
    cleaned = text.strip().replace(",", ".") if decimal_comma else text.strip()
    value = float(cleaned)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError
    return value


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
    says otherwise; see _race_data for runners who did not finish), or a stopwatch's lap
    CSV (racegui.io.lap_csv: one runner, named `name` or after the file). The race distance
    (m) defaults to the largest distance in the file; a lap CSV needs it. distance_m, title,
    target_time_s (s) and name are racegui import's --distance, --title, --target and
    --name; lap_distance_m (m) is a lap CSV's distance where distance_m is not given (a
    race compared with one of that distance). Raises RaceFileError naming the line and
    column (or the option) of each problem, never a JSON path."""
    path = Path(path)
    text = decode_text(path, read_bytes_limited(path))
    first_line = text.lstrip("\r\n").partition("\n")[0].rstrip("\r")
    sep = _SEP_LINE.match(first_line)  # not stripped: "sep=\t" names a tab
    delim = sep.group(1) if sep else _delimiter(first_line)
    decimal_comma = delim in ";\t"
    source = _Lines(text)
    reader = csv.reader(source, delimiter=delim)
    problems: list[Problem] = []
    untimed: list[tuple[int, _Untimed]] = []  # (line, row) of rows without a time, left out
    try:
        if sep:  # Excel's "sep=;": the separator, then the header on the next line
            next(reader)
        cells = next(reader)
        header = _header_names(cells)
    except (StopIteration, csv.Error):
        raise RaceFileError(path, [Problem("line 1", "no header row")]) from None
    missing = [c for c in REQUIRED if c not in header]
    laps = find_lap_header(text) if missing else None
    below = _header_below(text, 2 if sep else 1) if missing else None
    if laps is not None and (below is None or laps.line < below):
        lap_m = distance_m if distance_m is not None else lap_distance_m
        return _lap_race(path, text, laps, lap_m, title, target_time_s, name)
    header_line = below or (2 if sep else 1)
    given = _options(distance_m, title, target_time_s)
    if below is not None:  # a title above the header: left out, as above a lap CSV's
        try:
            source, reader, cells, delim = _reading_from(text, below, sep and sep.group(1))
        except (StopIteration, csv.Error):
            raise RaceFileError(path, [Problem(f"line {below}", "not valid CSV")]) from None
        decimal_comma = delim in ";\t"
        header = _header_names(cells)
        missing = [c for c in REQUIRED if c not in header]
    if missing:
        why = f"missing column(s) {', '.join(missing)}; the header needs {', '.join(REQUIRED)}"
        why += f", separated by commas, semicolons or tabs{LAP_FORM_HINT}"
        raise RaceFileError(path, [Problem(f"line {reader.line_num}", why)])
    if name is not None:
        raise RaceFileError(path, [Problem("--name", NAME_FOR_LAPS)])
    col, why = _column_of(header, cells)
    if why:
        raise RaceFileError(path, [Problem(f"line {reader.line_num}", why)])
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
                quote = _quote_problem(row_lines, first, delim)
                if quote is not None:
                    problems.append(quote)
                    continue
            _read_row(
                row, reader.line_num, header, col, decimal_comma, athletes, over, problems, untimed
            )
    except csv.Error as exc:
        problems.append(Problem(f"line {reader.line_num}", f"not valid CSV: {exc}"))
    _sort_by_distance(athletes, col, problems)
    problems += [
        Problem(f"line {entry['line']}", f"{athlete} has only a start row (0 m), no split")
        for athlete, entry in athletes.items()
        if not entry["splits"]
    ]
    if problems:
        raise RaceFileError(path, capped(sorted(problems, key=_line_of)))
    if not athletes:
        raise RaceFileError(path, [Problem("line 2", "no splits after the header")])
    notes = _untimed_notes(untimed, athletes)
    title = title or title_above(text, header_line) or file_title(path)
    return _race(path, athletes, col, distance_m, title, target_time_s, notes, given)


def _race(
    path: Path,
    athletes: dict[str, dict],
    col: dict[str, int],
    distance_m: float | None,
    title: str,
    target_time_s: float | None,
    notes: list[str],
    given: dict[str, str],
) -> Race:
    """The Race of a CSV's athletes (see _race_data), each problem with it placed at the
    CSV's line and column or at the option that set it (given: racegui import's options
    given, as _options names them)."""
    data = _race_data(athletes, col, distance_m, title, target_time_s, notes)
    try:
        return race_from_data(data, path)
    except RaceFileError as exc:
        origin = _Origin(
            [[split["line"] for split in entry["splits"]] for entry in athletes.values()],
            [entry["line"] for entry in athletes.values()],
            [{f: line for f, (_v, line) in entry["said"].items()} for entry in athletes.values()],
            col,
            given,
            _longest_line(athletes),
        )
        raise RaceFileError(path, [origin.place(p) for p in exc.problems]) from None


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
    file, over distance_m (m), which it needs; titled title, else as the line above the
    header or the file's name give it (csv_title)."""
    runner = " ".join((name or "").split()) or file_title(path)
    problems: list[Problem] = []
    read = read_laps(text, header, distance_m, runner, problems)
    if read is None:
        raise RaceFileError(path, capped(sorted(problems, key=_line_of)))
    entry = {"splits": read.splits, "line": read.splits[0]["line"], "said": {}}
    col = {"athlete": header.number, "distance_m": header.number, "time": read.time_column}
    given = _options(distance_m, title, target_time_s)
    title = title or title_above(text, header.line) or file_title(path)
    return _race(path, {runner: entry}, col, distance_m, title, target_time_s, read.notes, given)


def _untimed_notes(untimed: list[tuple[int, _Untimed]], athletes: dict[str, dict]) -> list[str]:
    """Notes on the rows left out for want of a time: one per row, but one per athlete none
    of whose rows has a time, who is left out of the race (her four row notes had not said
    so: coach's review)."""
    absent: dict[str, list[str]] = {}  # lines of each athlete with no timed row, in order
    for line, row in untimed:
        if row.athlete not in athletes:
            absent.setdefault(row.athlete, []).append(str(line))
    notes = []
    for line, row in untimed:
        if row.athlete in athletes:
            notes.append(
                f"Line {line} has no time for {row.athlete} at {row.distance_m:g} m: "
                "the row is left out."
            )
        elif row.athlete in absent:
            lines = absent.pop(row.athlete)  # said once, where her first row is
            if len(lines) == 1:
                where = f"line {lines[0]}"
            elif len(lines) <= 4:
                where = f"lines {', '.join(lines[:-1])} and {lines[-1]}"
            else:
                where = f"lines {lines[0]} to {lines[-1]}"
            notes.append(
                f"{row.athlete} is left out of the race: none of the rows ({where}) has a time."
            )
    return notes


class _Lines:
    """The lines of a text, as csv.reader reads them, keeping those of the row being read."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text))
        self._taken: list[str] = []
        self.count = text.count("\n") + (0 if text.endswith("\n") else 1)
        """Lines in the text, as line_num counts them."""

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self._taken.append(line)
        return line

    def taken(self) -> list[str]:
        """The lines read since the last call (those of the row just read)."""
        out, self._taken = self._taken, []
        return out


def _quote_problem(row_lines: list[str], first: int, delim: str) -> Problem | None:
    """The problem with a row read over several lines or up to the end of the file
    (row_lines, from line first): a quote never closed (the reader went on to the end of the
    file and called it one cell), or a line break inside quotes, which no cell of a splits
    CSV may hold; None for a last row that is whole."""
    text = "".join(row_lines)
    if not _strictly_whole(text, delim) and _strictly_whole(text + '"', delim):
        return Problem(f"line {first}", 'a quote (") is never closed')
    if len(row_lines) == 1:
        return None
    last = first + len(row_lines) - 1
    return Problem(
        f"line {first}", f"a quoted cell runs on to line {last} (a line break inside quotes)"
    )


def _strictly_whole(text: str, delim: str) -> bool:
    """Whether text reads as CSV with strict quoting. A text that does not, but does with
    one more quote at its end, ends inside a quoted cell; one that does not either way has
    only text after a closing quote ('"Faith K" '), which the usual reading accepts."""
    try:
        list(csv.reader(io.StringIO(text), delimiter=delim, strict=True))
    except csv.Error:
        return False
    return True


def _longest_line(athletes: dict[str, dict]) -> int:
    """Line of the largest distance in the file (the first such line)."""
    splits = (split for entry in athletes.values() for split in entry["splits"])
    return max(splits, key=lambda split: (split["distance_m"], -split["line"]))["line"]


def _cell_place(line: int, column: int) -> str:
    """Where a cell is: "line 3, column 2" (column 0-based in, 1-based out)."""
    return f"line {line}, column {column + 1}"


def _line_of(problem: Problem) -> int:
    """The CSV line a problem names (0 for none), to list problems in file order."""
    match = _LINE.match(problem.where)
    return int(match.group(1)) if match else 0


def _fields(n: int) -> str:
    """ "1 field", "2 fields"."""
    return f"{n} field" if n == 1 else f"{n} fields"


def _control_cell(row: list[str], line: int, col: dict) -> Problem | None:
    """A problem for an athlete or name cell holding a control character, even one that
    reads as a space (a tab inside the name, U+001F, U+0085), as a name in a race file may
    not. Spaces and tabs padding the cell's ends are not part of the name."""
    for field in ("athlete", "name"):
        k = col.get(field)
        problem = (
            control_problem(row[k].strip(" \t"), CONTROLS, "names, labels and titles")
            if k is not None
            else None
        )
        if problem is not None:
            return Problem(_cell_place(line, k), f"{field} {problem}")
    return None


@dataclass(frozen=True)
class _Untimed:
    """A data row with an athlete and a distance (m) but an empty time cell: a split not
    taken, left out with a note."""

    athlete: str
    distance_m: float


def _split_of_row(
    row: list[str], line: int, header: list[str], col: dict, decimal_comma: bool
) -> tuple[str, float, float] | Problem:
    """(athlete, distance m, time s) of a data row, the problem with it, or _Untimed for a
    row whose time cell is empty."""
    extra = row[len(header) :]
    if len(row) < len(header) or any(cell.strip() for cell in extra):
        why = f"{_fields(len(row))}, the header has {len(header)}"
        if len(row) > len(header):
            why += " (a decimal comma, like 2:00,75? write 2:00.75)"
        return Problem(f"line {line}", why)
    controlled = _control_cell(row, line, col)
    if controlled is not None:
        return controlled
    athlete = " ".join(row[col["athlete"]].split())  # a name typed with two spaces is one name
    if not athlete:
        return Problem(_cell_place(line, col["athlete"]), "athlete is empty")
    try:
        dist = _number(_METRES.sub("", row[col["distance_m"]]), decimal_comma)
    except ValueError:
        return Problem(
            _cell_place(line, col["distance_m"]),
            f"{row[col['distance_m']]!r} is not a distance in metres",
        )
    if not row[col["time"]].strip():
        return _Untimed(athlete, dist)
    try:
        time_s = parse_time(row[col["time"]].strip(), decimal_comma=decimal_comma)
    except TimeFormatError as exc:
        why = str(exc)
        cell = row[col["time"]].strip()
        if not decimal_comma and re.fullmatch(r"[\d:]*\d,\d+", cell):  # quoted: "61,5"
            why += f" (a decimal comma? write {cell.replace(',', '.')})"
        return Problem(_cell_place(line, col["time"]), why)
    if dist < 0:
        return Problem(_cell_place(line, col["distance_m"]), "distance must not be negative")
    if dist == 0 and time_s != 0:
        return Problem(
            _cell_place(line, col["time"]),
            f"a split at 0 m must be at 0.00 (the start), not {row[col['time']].strip()}",
        )
    return athlete, dist, time_s


def _read_row(
    row: list[str],
    line: int,
    header: list[str],
    col: dict,
    decimal_comma: bool,
    athletes: dict[str, dict],
    over: set[str],
    problems: list[Problem],
    untimed: list[tuple[int, _Untimed]],
) -> None:
    """Add one data row's split to its athlete in athletes, or its problem to problems, or
    a row without a time, with its line, to untimed."""
    if not any(cell.strip() for cell in row):
        return
    read = _split_of_row(row, line, header, col, decimal_comma)
    if isinstance(read, Problem):
        problems.append(read)
        return
    if isinstance(read, _Untimed):
        untimed.append((line, read))
        return
    athlete_id, dist, time_s = read
    if athlete_id not in athletes:
        twin = next((a for a in athletes if a.casefold() == athlete_id.casefold()), None)
        if twin is not None:
            problems.append(
                Problem(
                    _cell_place(line, col["athlete"]),
                    f"{athlete_id!r} differs from {twin!r} (line {athletes[twin]['line']}) "
                    "only in letter case: write one athlete the same way on every row",
                )
            )
            return
    if athlete_id not in athletes and len(athletes) >= MAX_ATHLETES:
        if "" not in over:  # said once, at the first athlete too many
            over.add("")
            problems.append(
                Problem(f"line {line}", f"more than {MAX_ATHLETES} athletes in one race")
            )
        return
    entry = athletes.setdefault(
        athlete_id,
        {"splits": [], "row": row, "index": len(athletes), "at": {}, "line": line, "said": {}},
    )
    _note_attributes(entry, athlete_id, row, line, col, problems)
    if dist == 0:  # the start, at 0.00, as many split sheets list it: nothing to add
        first = entry["at"].setdefault(0.0, line)
        if first != line:
            problems.append(
                Problem(
                    _cell_place(line, col["distance_m"]),
                    f"a second start row (0 m) of {athlete_id} (the first is on line {first})",
                )
            )
        return
    if len(entry["splits"]) >= MAX_SPLITS:
        if athlete_id not in over:  # said once per athlete, at its first split too many
            over.add(athlete_id)
            problems.append(
                Problem(f"line {line}", f"more than {MAX_SPLITS} splits for {athlete_id}")
            )
        return
    first = entry["at"].get(dist)
    if first is not None:
        problems.append(
            Problem(
                _cell_place(line, col["distance_m"]),
                f"a second split of {athlete_id} at {dist:g} m (the first is on line {first})",
            )
        )
        return
    entry["at"][dist] = line
    entry["splits"].append({"distance_m": dist, "time": time_s, "line": line})


def _same(field: str, a: str, b: str) -> bool:
    """Whether two cells of a field say the same: a name exactly, a role or colour in any
    case ("#E4002B" is "#e4002b", "Pacer" is "pacer")."""
    return a == b if field == "name" else a.casefold() == b.casefold()


def _note_attributes(
    entry: dict, athlete_id: str, row: list[str], line: int, col: dict, problems: list[Problem]
) -> None:
    """Keep the first non-empty name, role and colour of an athlete's rows (entry["said"]:
    field -> (value, line)); a later row may leave them empty but not say otherwise."""
    said = entry["said"]
    for field in OPTIONAL:
        k = col.get(field)
        value = row[k].strip() if k is not None and k < len(row) else ""
        if not value:
            continue
        if field not in said:
            said[field] = (value, line)
        elif not _same(field, value, said[field][0]):
            first, first_line = said[field]
            problems.append(
                Problem(
                    _cell_place(line, k),
                    f"{field} {value!r} for {athlete_id}, but line {first_line} says {first!r} "
                    "(leave it empty after the first row)",
                )
            )


def _sort_by_distance(athletes: dict[str, dict], col: dict, problems: list[Problem]) -> None:
    """Put each athlete's splits in order of distance (rows may come in any order) and add
    a problem for each time that is not after the time at the shorter distance (one for an
    athlete whose times look like lap times: the column holds times from the start)."""
    for athlete_id, entry in athletes.items():
        splits = sorted(entry["splits"], key=lambda s: s["distance_m"])
        entry["splits"] = splits
        laps = _lap_times_problem(athlete_id, splits, col)
        if laps is not None:
            problems.append(laps)
            continue
        for prev, split in zip(splits, splits[1:], strict=False):
            if split["time"] > prev["time"]:
                continue
            problems.append(
                Problem(
                    _cell_place(split["line"], col["time"]),
                    f"times of {athlete_id} must increase with distance: "
                    f"{format_time(split['time'])} at {split['distance_m']:g} m is not after "
                    f"{format_time(prev['time'])} at {prev['distance_m']:g} m "
                    f"(line {prev['line']})",
                )
            )


def _lap_times_problem(athlete_id: str, splits: list[dict], col: dict) -> Problem | None:
    """The problem with an athlete's times that cannot be times from the start (they do not
    increase, or increase too little for anyone to run a stretch in) but look like lap times
    (each near its stretch's duration), placed at the first that does not increase, else
    the first run too fast: the time column holds times from the start, whose figures it
    gives. None for any other times."""
    times = [s["time"] for s in splits]
    if not looks_like_lap_times([s["distance_m"] for s in splits], times, MAX_SPEED_MPS):
        return None
    pairs = list(zip([{"distance_m": 0.0, "time": 0.0}, *splits], splits, strict=False))
    first = next((b for a, b in pairs if b["time"] <= a["time"]), None) or next(
        b
        for a, b in pairs
        if (b["distance_m"] - a["distance_m"]) / (b["time"] - a["time"]) > MAX_SPEED_MPS
    )
    return Problem(
        _cell_place(first["line"], col["time"]),
        f"the time column holds times from the start, but those of {athlete_id} "
        f"({times_text(times)}) look like lap times, each its own stretch's: from the start "
        f"they would be {times_text(running_totals(times))}",
    )


def _is_id(text: str) -> bool:
    """Whether an athlete cell is an id as a race file has them (else it is a name)."""
    return re.fullmatch(ID_PATTERN, text) is not None


def _slug(name: str) -> str:
    """A name as an id: accents dropped, lower case, any other run of characters one '-'
    ("Faith Kipyegon" -> "faith-kipyegon", "Ciarà Mageean" -> "ciara-mageean"); "" when no
    letter of it has a Latin form."""
    lower = name.lower().translate(_LATIN)
    plain = unicodedata.normalize("NFKD", lower).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:MAX_ID_CHARS].rstrip("-")


def _ids(cells: list[str]) -> list[str]:
    """An id for each athlete cell, in order: the cell itself when it is an id, else one
    made from it as a name (suffixed -2, -3... so no two athletes ever share one, and never
    the target's)."""
    taken = {cell for cell in cells if _is_id(cell)} | {TARGET_ID}
    out = []
    for k, cell in enumerate(cells):
        if _is_id(cell):
            out.append(cell)
            continue
        base = _slug(cell) or f"athlete-{k + 1}"
        candidate, n = base, 2
        while candidate in taken:
            suffix = f"-{n}"
            candidate, n = base[: MAX_ID_CHARS - len(suffix)] + suffix, n + 1
        taken.add(candidate)
        out.append(candidate)
    return out


def _race_data(
    athletes: dict,
    col: dict,
    distance_m: float | None,
    title: str,
    target_time_s: float | None,
    untimed: list[str],
) -> dict:
    """The race file data of a CSV's athletes, with ``untimed`` (notes on rows left out)
    among its notes. An athlete with no role given (no role column, or her cells empty)
    gets _default_role's; a runner who stops short while another runner reaches the finish
    did not finish ("dnf"). Each athlete read one way of two (a pacer or a DNF for stopping
    short) gets a note saying so."""
    race_m = (
        distance_m
        if distance_m is not None
        else max(s["distance_m"] for a in athletes.values() for s in a["splits"])
    )
    has_role = "role" in col
    items = []
    notes = list(untimed)
    ids = _ids(list(athletes))
    said_roles = [_said_role(entry).lower() for entry in athletes.values()]
    roles = [
        said or _default_role(k, entry, race_m)
        for k, (said, entry) in enumerate(zip(said_roles, athletes.values(), strict=True))
    ]
    someone_finishes = any(
        role == "runner" and _finishes(entry, race_m)
        for role, entry in zip(roles, athletes.values(), strict=True)
    )
    for k, (athlete, entry) in enumerate(athletes.items()):
        said = {field: value for field, (value, _line) in entry["said"].items()}
        role = roles[k]
        item = {
            "id": ids[k],
            "name": said.get("name") or athlete,
            "role": role,
            "colour": _colour(said.get("colour")) or PALETTE[k % len(PALETTE)],
            "splits": [{"distance_m": x["distance_m"], "time": x["time"]} for x in entry["splits"]],
        }
        last_m = entry["splits"][-1]["distance_m"]
        if role == "runner" and someone_finishes and not _finishes(entry, race_m):
            item["dnf"] = True
            why = "the role column says runner" if said_roles[k] else "she is listed first"
            notes.append(
                f"{item['name']} stops at {last_m:g} m, before the {race_m:g} m finish: a "
                f"runner who did not finish ({why})."
            )
        elif not said_roles[k] and role == "pacer":
            unsaid = "her role is empty" if has_role else "the CSV has no role column"
            notes.append(
                f"{item['name']} stops at {last_m:g} m, before the {race_m:g} m finish: read as "
                f"a pacer who dropped out there ({unsaid}, and a runner reaches the finish). "
                "If she is a runner who did not finish, write runner in a role column on her "
                "row."
            )
        items.append(item)
    data: dict = {
        "format": FORMAT,
        "title": title,
        "distance_m": race_m,
        "athletes": items,
    }
    if target_time_s is not None:
        data["target"] = {"time": target_time_s, "label": "Target"}
    if notes:
        data["notes"] = notes
    return data


def _said_role(entry: dict) -> str:
    """The role an athlete's rows give in the role column ("" if none, or no role column:
    then _default_role gives it)."""
    return entry["said"].get("role", ("", 0))[0]


def _finishes(entry: dict, race_m: float) -> bool:
    """Whether an athlete's last split is at the finish (race_m, m)."""
    return entry["splits"][-1]["distance_m"] >= race_m - 1e-6


def _colour(text: str | None) -> str | None:
    """A colour cell as "#rrggbb": a name of COLOUR_NAMES as its colour, anything else as
    written (checked as a race file's colour is)."""
    if text is None:
        return None
    return COLOUR_NAMES.get(text.strip().lower(), text)


def _default_role(k: int, entry: dict, race_m: float) -> str:
    """Role of the k-th athlete of a CSV without a role column: the first is the runner, and
    so is any other who reaches the finish (race_m, m); one who stops before it is a pacer
    (the first then did not finish, if another runner does)."""
    return "runner" if k == 0 or _finishes(entry, race_m) else "pacer"


def _options(
    distance_m: float | None, title: str | None, target_time_s: float | None
) -> dict[str, str]:
    """How racegui import's options are named in a problem, for those given: the race
    file's field -> "--distance 2000"."""
    given = {
        "distance_m": None if distance_m is None else f"--distance {distance_m:g}",
        "title": None if title is None else "--title",
        "target": None if target_time_s is None else f"--target {format_time(target_time_s)}",
    }
    return {key: text for key, text in given.items() if text is not None}


@dataclass(frozen=True)
class _Origin:
    """Where each part of the race data made from a CSV came from, to name the CSV's lines
    and columns (or racegui import's options) in a problem instead of JSON paths."""

    lines: list[list[int]]
    """Line of each split of each athlete, in the order of the race data (by distance)."""
    firsts: list[int]
    """First line of each athlete."""
    said: list[dict[str, int]]
    """Line each athlete's name, role and colour were read from (where not empty)."""
    col: dict[str, int]
    options: dict[str, str]
    """racegui import's options given, as _options names them."""
    longest: int
    """Line of the largest distance in the file."""

    def place(self, problem: Problem) -> Problem:
        """The problem, placed in the CSV (or at an option) instead of at a JSON path."""
        where = problem.where
        for pattern, method in (
            (_SPLIT_LOC, self._split),
            (_SPLITS_LOC, self._last_split),
            (_ATHLETE_LOC, self._field),
            (_ANY_ATHLETE_LOC, self._athlete),
            (_DISTANCE_LOC, self._distance),
            (_OPTION_LOC, self._option),
        ):
            match = pattern.match(where)
            if match:
                return method(match, problem.message)
        if where == "$.athletes":  # no runner: only a role column can say so
            return Problem(
                _cell_place(self.firsts[0], self.col.get("role", self.col["athlete"])),
                'no athlete has the role "runner" (a race needs one)',
            )
        return Problem("", problem.message) if where.startswith("$") else problem

    def _split(self, match: re.Match, message: str) -> Problem:
        """$.athletes[i].splits[k], .distance_m or .time: that split's line and cell."""
        line = self.lines[int(match.group(1))][int(match.group(2))]
        field = match.group(3)
        if field == "distance_m" and "distance_m" in self.options:
            message += f" (set by {self.options['distance_m']})"
        if field in ("distance_m", "time"):
            return Problem(_cell_place(line, self.col[field]), message)
        return Problem(f"line {line}", message)

    def _last_split(self, match: re.Match, message: str) -> Problem:
        """$.athletes[i].splits (the last split is not at the finish): its last split."""
        line = self.lines[int(match.group(1))][-1]
        message = message.removesuffix(DNF_HINT)  # no runner finishes: a CSV has no "dnf"
        given = self.options.get("distance_m")
        source = "which --distance set" if given else "the largest distance in the file"
        return Problem(_cell_place(line, self.col["distance_m"]), f"{message}, {source}")

    def _field(self, match: re.Match, message: str) -> Problem:
        """$.athletes[i].id, name, role or colour: the cell it was read from (a name taken
        from the athlete column, and the id, are on the athlete's first line)."""
        i, field = int(match.group(1)), match.group(2)
        column = self.col.get(_COLUMN_OF[field], self.col["athlete"])
        line = self.said[i].get(field, self.firsts[i])
        if field == "name" and field not in self.said[i]:
            column = self.col["athlete"]
        if message.startswith(("is ", "needs ", "must ", "has ")):  # the path named the field
            message = f"{field} {message}"
        if field == "colour":  # a CSV takes names too
            message += ', or a name such as "red"'
        return Problem(_cell_place(line, column), message)

    def _athlete(self, match: re.Match, message: str) -> Problem:
        """Anything else about athlete i: its first line."""
        return Problem(f"line {self.firsts[int(match.group(1))]}", message)

    def _distance(self, match: re.Match, message: str) -> Problem:
        """$.distance_m: --distance, or the largest distance in the file that set it."""
        given = self.options.get("distance_m")
        if given:
            return Problem(given, message)
        return Problem(
            _cell_place(self.longest, self.col["distance_m"]),
            f"the race distance (the largest distance in the file) {message}",
        )

    def _option(self, match: re.Match, message: str) -> Problem:
        """$.title or $.target...: the option that set it."""
        return Problem(self.options.get(match.group(1), f"--{match.group(1)}"), message)
