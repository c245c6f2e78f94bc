"""A stopwatch's lap CSV: one runner's laps, numbered, with lap times and/or times from the
start ("Lap,Lap Time,Total Time"; "Runde;Rundenzeit (s);Gesamtzeit (s)"; "#,Lap,Total"),
placed on the track by the race distance (m): the last lap ends at the finish and every lap
but the first is 400 m (racegui.io.laps), a short part lap timed on its own or in the first
lap (a mile in 5 laps or 4). Lines above the header (an app's title and date) are left out.
Times from the start are used where given, and lap times checked against them; a part lap
typed last is refused.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass

from racegui.io.csv_lines import long_cell_problem
from racegui.io.errors import CONTROLS, MAX_PROBLEMS, Problem, control_problem
from racegui.io.lap_notes import first_lap_misfit, odd_lap_notes
from racegui.io.laps import (
    LAP_M,
    distance_name,
    fitting_text,
    lap_count,
    lap_counts,
    lap_ends,
    lap_word,
    laps_text,
    part_in_first,
    part_lap_last,
    running_totals,
    standard_distances,
    standard_distances_part_in_first,
)
from racegui.io.race_splits import MAX_SPEED_MPS, MIN_SPEED_MPS, hours_reading
from racegui.io.schema import MAX_SPLITS
from racegui.io.split_order import SplitOrder, out_of_line_text
from racegui.model.timefmt import TimeFormatError, format_time, parse_time

NUMBER_NAMES = frozenset(
    {"#", "no", "no.", "nr", "nr.", "lap #", "lap no", "lap no.", "lap nr", "lap number"}
    | {"runde", "runde nr", "rundennr", "rundennummer", "tour", "vuelta", "giro"}
)
"""Header cells naming the lap number column ("Lap" does too, where no other one does)."""
LAP_TIME_NAMES = frozenset({"lap time", "laptime", "lap split", "rundenzeit", "temps du tour"})
"""Header cells naming a lap time column ("Lap" too, where another column numbers the laps)."""
TOTAL_NAMES = frozenset(
    {"total", "total time", "cumulative", "cumulative time", "elapsed", "elapsed time"}
    | {"overall", "overall time", "running time", "race time", "gesamtzeit", "gesamt"}
)
"""Header cells naming a column of times from the start."""
EITHER_NAMES = frozenset({"time", "split", "split time", "zeit", "zwischenzeit"})
"""Header cells that may name either: the kind the other time column is not, or, alone,
read as times from the start where they increase as a runner's can, else as lap times."""
OTHER_FORM_NAMES = frozenset(
    {"athlete", "athlete id", "distance", "distance m", "dist", "metres", "meters"}
)
"""Header cells of the athlete form (racegui.io.splits_csv): a header with one is no lap
header ("athlete,lap,time" lacks its distance column)."""
HEADER_LINES = 11
"""Lines looked at for a lap header (an app's title and date lines above it)."""
ROUNDING_S = 0.02
"""Most a lap time may differ (s) from the difference of its times from the start, each
shown to the hundredth (rounded or cut), before the difference is noted."""
PREFERRED_MARGIN = math.log(1.1)
"""How much better (as the log of a pace ratio: 10 %) another race must fit a lap CSV's
first lap than a preferred one (the race it is compared with) to be taken instead: a 1600 m
and a mile timed at the finish line differ by 2 % in their first lap."""
MAX_MISMATCH_NOTES = 5
"""Laps whose lap time does not match noted one by one; more are counted in one note."""
INDOOR_LAP_M = 200.0
"""An indoor track's lap (m): lap CSVs of it get a hint, as they cannot be replayed."""
_UNIT = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")
"""A unit after a column's name: "(s)", "(mm:ss.hh)", "[s]"."""
_LAP_NUMBER = re.compile(r"(?:lap|runde)?\s*(\d{1,6})\.?", re.IGNORECASE)


def plain(cell: str) -> str:
    """A header cell as it is matched: no quotes or unit, lower case, one space between
    words ("Split (mm:ss.hh)" -> "split")."""
    text = cell.strip().strip('"').strip()
    text = _UNIT.sub("", text).replace("_", " ").lower()
    return " ".join(text.split())


@dataclass(frozen=True)
class LapHeader:
    """Where a lap CSV's header is and what its columns hold (0-based columns)."""

    line: int
    """Line (1-based) of the header."""
    delimiter: str
    number: int
    lap: int | None
    """Lap times."""
    total: int | None
    """Times from the start."""
    either: int | None
    """A column that holds one or the other (EITHER_NAMES), the only time column."""
    names: tuple[str, ...]
    """The header's cells as written (for messages)."""

    def described(self) -> str:
        """ "Lap, Lap Time, Total Time": the columns read, as the header names them."""
        used = [self.number, self.lap, self.total, self.either]
        return ", ".join(
            self.names[k].strip().strip('"') for k in sorted(c for c in used if c is not None)
        )


def _classify(names: list[str], line: int, delimiter: str, written: list[str]) -> LapHeader | None:
    """The lap header names (plain) make, or None if they are not one."""

    def first(pool: frozenset[str] | set[str], taken: set[int]) -> int | None:
        return next((k for k, n in enumerate(names) if n in pool and k not in taken), None)

    if OTHER_FORM_NAMES.intersection(names):
        return None
    number = first(NUMBER_NAMES, set())
    if number is None:
        number = first({"lap"}, set())
    if number is None:
        return None
    taken = {number}
    lap = first(LAP_TIME_NAMES, taken)
    if lap is None:
        lap = first({"lap"}, taken)
    taken |= {lap} if lap is not None else set()
    total = first(TOTAL_NAMES, taken)
    taken |= {total} if total is not None else set()
    either = first(EITHER_NAMES, taken)
    if either is not None and (lap is None) != (total is None):  # the kind not given
        lap, total, either = (either, total, None) if lap is None else (lap, either, None)
    elif lap is not None and total is not None:
        either = None
    if lap is None and total is None and either is None:
        return None
    return LapHeader(line, delimiter, number, lap, total, either, tuple(written))


def find_lap_header(text: str) -> LapHeader | None:
    """The lap header among the first HEADER_LINES lines of text, if there is one."""
    for k, line in enumerate(text.splitlines()[:HEADER_LINES], start=1):
        delimiter = max(",;\t", key=line.count)
        try:
            written = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            continue
        header = _classify([plain(c) for c in written], k, delimiter, written)
        if header is not None:
            return header
    return None


@dataclass(frozen=True)
class _Row:
    lap: int
    line: int
    lap_s: float | None
    total_s: float | None
    lap_text: str = ""
    total_text: str = ""
    """The cells the times were read from, as typed."""


def _cell(line: int, column: int) -> str:
    return f"line {line}, column {column + 1}"


def _time(row: list[str], column: int | None, line: int, comma: bool, problems: list[Problem]):
    """The time (s) in a row's cell, None for no such column; a problem for a bad cell."""
    if column is None:
        return None
    cell = row[column].strip() if column < len(row) else ""
    if not cell:
        problems.append(Problem(_cell(line, column), "no time"))
        return None
    try:
        value = parse_time(cell, decimal_comma=comma)
    except TimeFormatError as exc:
        problems.append(Problem(_cell(line, column), str(exc)))
        return None
    if value <= 0:
        problems.append(Problem(_cell(line, column), f"{cell!r}: a time must be after the start"))
        return None
    return value


def _text(row: list[str], column: int | None) -> str:
    """A row's cell as typed, stripped ("" for no such column)."""
    return row[column].strip() if column is not None and column < len(row) else ""


def _rows(text: str, header: LapHeader, problems: list[Problem]) -> list[_Row]:
    """The data rows below the header, with a problem for each bad cell."""
    comma = header.delimiter in ";\t"
    body = "".join(text.splitlines(keepends=True)[header.line :])
    rows: list[_Row] = []
    reader = csv.reader(io.StringIO(body), delimiter=header.delimiter)
    try:
        for row in reader:
            line = header.line + reader.line_num
            if not any(cell.strip() for cell in row) or len(problems) > MAX_PROBLEMS:
                continue
            cell = row[header.number].strip() if header.number < len(row) else ""
            number = _LAP_NUMBER.fullmatch(cell)
            if number is None:
                problems.append(
                    Problem(_cell(line, header.number), f"{cell!r} is not a lap number")
                )
                continue
            before = len(problems)
            total_column = header.total if header.either is None else header.either
            lap_s = _time(row, header.lap, line, comma, problems)
            total_s = _time(row, total_column, line, comma, problems)
            if len(problems) == before:
                texts = (_text(row, header.lap), _text(row, total_column))
                rows.append(_Row(int(number.group(1)), line, lap_s, total_s, *texts))
    except csv.Error as exc:
        line = header.line + reader.line_num
        lines = body.split("\n")  # as io.StringIO gives them to the reader
        text_of_line = lines[reader.line_num - 1] if reader.line_num <= len(lines) else ""
        long = long_cell_problem(exc, line, [text_of_line], header.delimiter)
        problems.append(long or Problem(f"line {line}", f"not valid CSV: {exc}"))
    return rows


def _in_order(rows: list[_Row], header: LapHeader, problems: list[Problem]) -> list[_Row]:
    """rows by lap number (an app may list the last lap first), with a problem for a lap
    given twice or missing."""
    ordered = sorted(rows, key=lambda r: r.lap)
    seen: dict[int, int] = {}
    for row in ordered:
        if row.lap in seen:
            problems.append(
                Problem(
                    _cell(row.line, header.number), f"lap {row.lap} again (line {seen[row.lap]})"
                )
            )
        seen.setdefault(row.lap, row.line)
    missing = [k for k in range(1, max(seen, default=0) + 1) if k not in seen]
    if missing:
        shown = ", ".join(str(k) for k in missing[:5]) + (", ..." if len(missing) > 5 else "")
        problems.append(Problem("", f"no row for lap {shown}: laps are numbered 1, 2, 3 ..."))
    if len(ordered) > MAX_SPLITS:
        problems.append(Problem("", f"more than {MAX_SPLITS} laps"))
    return ordered


def distance_needed(header: LapHeader, laps: int) -> str:
    """What a lap CSV without a race distance is told: give it, and the distances its laps
    fit."""
    return (
        f"a lap CSV ({header.described()}: one runner's laps) needs the race distance to place "
        f"its laps: give it with --distance; {what_fits(laps, 'its ')}"
    )


def lap_count_problem(laps: int, distance_m: float) -> str | None:
    """Why laps do not fit a race of distance_m (m), saying how many laps that race has and
    what races the laps fit ("the CSV has 6 laps, but 1500 m is 4 laps (a 300 m part lap,
    then 3 × 400 m); 6 laps fit a race of more than 2000 m and at most 2400 m"); None if
    they fit (lap_counts: a mile's 4 or 5)."""
    counts = lap_counts(distance_m)
    if laps in counts:
        return None
    folded = (
        f", or {counts[1]} timed at the finish line each time round (the part lap in the first)"
        if len(counts) > 1
        else ""
    )
    return (
        f"the CSV has {lap_word(laps)}, but {distance_name(distance_m)} is "
        f"{laps_text(distance_m) if lap_count(distance_m) > 1 else '1 lap'}{folded}; "
        f"{what_fits(laps)}{_indoor_hint(laps, distance_m)}"
    )


def _indoor_hint(laps: int, distance_m: float) -> str:
    """What laps that would fit distance_m (m) on a 200 m indoor track are told (an
    analyst's 15-lap indoor 3000 m had been offered 5600-6000 m races only)."""
    if laps != math.ceil(distance_m / INDOOR_LAP_M - 1e-6) or laps < 2:
        return ""
    return (
        f" (laps of a {INDOOR_LAP_M:g} m indoor track? racegui draws only the 400 m outdoor "
        "track: give the time from the start at each lap's end, with its distance, as a "
        "splits CSV)"
    )


def what_fits(laps: int, its: str = "") -> str:
    """ "4 laps fit a race of more than 1200 m and at most 1600 m, such as 1500 m, or 1 mile
    timed at the finish line each time round (its 9.34 m part lap in the first lap)"."""
    fits = standard_distances(laps)
    such = f", such as {' or '.join(distance_name(d) for d in fits)}" if fits else ""
    folded = standard_distances_part_in_first(laps)
    if folded:
        part = (
            f"its {folded[0] - LAP_M * laps:.2f} m part lap" if len(folded) == 1 else "the part lap"
        )
        such += (
            f", or {' or '.join(distance_name(d) for d in folded)} timed at the finish line "
            f"each time round ({part} in the first lap)"
        )
    verb = "fits" if laps == 1 else "fit"
    return f"{its}{lap_word(laps)} {verb} a race {fitting_text(laps)}{such}"


def laps_in(text: str, header: LapHeader) -> int:
    """How many laps (rows that are not empty) the lap CSV text has below its header."""
    body = text.splitlines()[header.line :]
    return sum(1 for line in body if line.strip(" \t,;\"'"))


def best_distance(text: str, header: LapHeader, preferred_m: float | None = None) -> float | None:
    """The race (m) the lap CSV text's laps fit best, which the window's dialog starts at:
    of the standard races their count fits (standard_distances, and
    standard_distances_part_in_first), the one whose first lap, at its length there, is
    run at the pace nearest the whole laps' (their median). A mile timed at the finish line
    in 4 laps (1:05.20, then laps of about 1:04) is a mile, not 1500 m (300 m in 1:05.20);
    laps that look to be a race with its part lap typed last (part_lap_last) are that race,
    whose reading says so. preferred_m (m; a race compared with the laps) is taken where
    the count fits it, unless another race fits the pace better by more than
    PREFERRED_MARGIN. Where the times cannot tell (they cannot be read, one lap):
    preferred_m, else the one race the count fits with its part lap on its own, else with
    it in the first lap, else None."""
    laps = laps_in(text, header)
    fits = standard_distances(laps) + standard_distances_part_in_first(laps)
    if preferred_m is not None and laps in lap_counts(preferred_m):
        fits = [preferred_m, *(d for d in fits if abs(d - preferred_m) > 1e-6)]
    elif preferred_m is not None:
        return preferred_m  # it does not fit: the dialog says so, and what does
    times = _lap_times(text, header, fits) if len(fits) > 1 else None
    if times is None or len(times) < 2:
        plain_fits = standard_distances(laps) or standard_distances_part_in_first(laps)
        if preferred_m is not None or len(plain_fits) != 1:
            return preferred_m
        return plain_fits[0]
    for distance_m in standard_distances(laps):
        if part_lap_last(lap_ends(distance_m, laps), times):
            return distance_m

    def misfit(distance_m: float) -> float:
        return first_lap_misfit(times, distance_m)

    best = min(fits, key=misfit)
    if preferred_m is not None and misfit(preferred_m) <= misfit(best) + PREFERRED_MARGIN:
        return preferred_m
    return best


def _lap_times(text: str, header: LapHeader, fits: list[float]) -> list[float] | None:
    """The lap times (s) of the lap CSV text, read with the first of the distances fits (m)
    it reads with (None: with none)."""
    for distance_m in fits:
        read = read_laps(text, header, distance_m, "runner", [])
        if read is not None:
            totals = [split["time"] for split in read.splits]
            return [b - a for a, b in zip([0.0, *totals[:-1]], totals, strict=True)]
    return None


@dataclass(frozen=True)
class LapRead:
    """A lap CSV read: the runner's splits (distance m, time s from the start, line), the
    columns they came from and notes on how it was read."""

    splits: list[dict]
    time_column: int
    notes: list[str]


def read_laps(
    text: str, header: LapHeader, distance_m: float | None, name: str, problems: list[Problem]
) -> LapRead | None:
    """The splits of the lap CSV text for a race of distance_m (m), adding each problem to
    problems (None when there are any). name names the runner in messages."""
    bad_name = control_problem(name, CONTROLS, "names, labels and titles")
    if bad_name is not None:
        problems.append(Problem("--name", bad_name))
    rows = _rows(text, header, problems)
    if not problems:  # a bad row's lap is not missing
        rows = _in_order(rows, header, problems)
    if problems:
        return None
    if not rows:
        problems.append(Problem(f"line {header.line + 1}", "no laps after the header"))
        return None
    if distance_m is None:
        problems.append(Problem(f"line {header.line}", distance_needed(header, len(rows))))
        return None
    misfit = lap_count_problem(len(rows), distance_m)
    if misfit is not None:
        problems.append(Problem("", misfit))
        return None
    ends = lap_ends(distance_m, len(rows))
    notes: list[str] = []
    if part_in_first(distance_m, len(rows)):
        notes.append(
            f"Read as timed at the finish line each time round: {laps_text(distance_m, len(rows))}."
        )
    column = header.total
    if header.either is not None:
        totals, column = _either(rows, ends, header, notes)
    elif header.total is not None:
        totals = [r.total_s for r in rows]
        if header.lap is not None:
            notes += _mismatches(rows, header)
    else:
        totals, column = running_totals([r.lap_s for r in rows]), header.lap
    added = column == header.lap or totals != [r.total_s for r in rows]  # lap times added up
    if added:
        _slow_laps(rows, ends, column, problems)
    else:
        _out_of_order(rows, totals, column, problems)
    if problems:
        return None
    moved = _part_lap_last(rows, totals, ends, distance_m)
    if moved is not None:
        problems.append(moved)
        return None
    times = [b - a for a, b in zip([0.0, *totals[:-1]], totals, strict=True)]
    notes += odd_lap_notes([r.line for r in rows], [r.lap for r in rows], times, distance_m)
    splits = [
        {"distance_m": end, "time": t, "line": row.line}
        | ({} if added else {"typed": row.total_text})
        for end, t, row in zip(ends, totals, rows, strict=True)
    ]
    return LapRead(splits, column, notes)


def _out_of_order(
    rows: list[_Row], totals: list[float], column: int, problems: list[Problem]
) -> None:
    """A problem for each time from the start that does not increase: one out of line with
    the others (split_order.out_of_line: 4:52.50 typed for 1:52.50 before 2:17.30) named
    with the laps it disagrees with, any other compared with the lap before it."""
    order = SplitOrder(totals)
    prev: tuple[_Row, float] | None = None
    for k, (row, t) in enumerate(zip(rows, totals, strict=True)):
        if k in order.out:
            message = out_of_line_text(
                f"{format_time(t)} at the end of lap {row.lap}",
                order.disagreement(k),
                lambda j: f"{format_time(totals[j])} at lap {rows[j].lap} on line {rows[j].line}",
                noun="lap",
            )
            reading = hours_reading(row.total_text)
            problems.append(
                Problem(
                    _cell(row.line, column),
                    f"times from the start: {message}" + (f" ({reading})" if reading else ""),
                )
            )
            continue
        if prev is not None and t <= prev[1]:
            readings = [hours_reading(r.total_text) for r in (prev[0], row)]
            said = "".join(f"; {r}" for r in readings if r)
            problems.append(
                Problem(
                    _cell(row.line, column),
                    f"times from the start must increase: {format_time(t)} at the end of lap "
                    f"{row.lap} is not after {format_time(prev[1])} at lap {prev[0].lap} "
                    f"(line {prev[0].line}{said})",
                )
            )
        prev = (row, t)


def _slow_laps(rows: list[_Row], ends: list[float], column: int, problems: list[Problem]) -> None:
    """A problem for each lap time slower than walking over its lap (ends: where each lap
    ends, m), saying how a time typed with two colons was read: 1:04:50 typed for 1:04.50
    had made every split after it slower than walking too, one line each."""
    starts = [0.0, *ends[:-1]]
    for row, start, end in zip(rows, starts, ends, strict=True):
        lap_s = row.lap_s if row.lap_s is not None else row.total_s
        typed = row.lap_text or row.total_text
        if lap_s is None or (end - start) / lap_s >= MIN_SPEED_MPS:
            continue
        reading = hours_reading(typed)
        problems.append(
            Problem(
                _cell(row.line, column),
                f"lap {row.lap} in {format_time(lap_s)} is slower than walking over its "
                f"{end - start:g} m (at least {MIN_SPEED_MPS:g} m/s)"
                + (f"; {reading}" if reading else ""),
            )
        )


def _part_lap_last(
    rows: list[_Row], totals: list[float], ends: list[float], distance_m: float
) -> Problem | None:
    """The problem with laps whose part lap looks typed last (part_lap_last), at the last
    lap's line; None for any other laps."""
    times = [b - a for a, b in zip([0.0, *totals[:-1]], totals, strict=True)]
    if not part_lap_last(ends, times):
        return None
    part = f"{ends[0]:.2f}".removesuffix(".00")
    between = sorted(times[1:-1])
    laps = format_time(between[0])
    if between[-1] != between[0]:
        laps += f" to {format_time(between[-1])}"
    return Problem(
        f"line {rows[-1].line}",
        f"the part lap comes first in {distance_name(distance_m)} (timed from the start to the "
        f"finish line, {part} m), but this CSV looks to have it last: read so, lap "
        f"{rows[0].lap}'s {part} m in {format_time(times[0])} is far slower than the laps of "
        f"{laps} between, and the last 400 m in {format_time(times[-1])} far faster; put lap "
        f"{rows[-1].lap}'s {format_time(times[-1])} first, as the part lap (line "
        f"{rows[0].line})",
    )


def _either(rows: list[_Row], ends: list[float], header: LapHeader, notes: list[str]):
    """Times from the start of a lone Time (or Split) column: the times themselves where
    they increase as a runner's can, else their running totals, read as lap times (noted)."""
    times = [r.total_s for r in rows]
    starts = [0.0, *ends[:-1]]
    firsts = [0.0, *times[:-1]]
    runnable = all(
        t > t0 and (end - start) / (t - t0) <= MAX_SPEED_MPS
        for start, end, t0, t in zip(starts, ends, firsts, times, strict=True)
    )
    column_name = header.names[header.either].strip().strip('"')
    if runnable:
        return times, header.either
    notes.append(
        f"The {column_name} column was read as lap times: as times from the start they would "
        "not increase as a runner's do."
    )
    return running_totals(times), header.either


def _mismatches(rows: list[_Row], header: LapHeader) -> list[str]:
    """A note for each lap whose lap time is not the difference of its times from the
    start (beyond ROUNDING_S), up to MAX_MISMATCH_NOTES and one counting the rest."""
    notes = []
    before = 0.0
    for row in rows:
        between = row.total_s - before
        if abs(between - row.lap_s) > ROUNDING_S + 1e-9:
            notes.append(
                f"Line {row.line}: lap {row.lap}'s time {format_time(row.lap_s)} is not the "
                f"{format_time(between)} between its times from the start "
                f"({format_time(before)} to {format_time(row.total_s)}): the times from the "
                "start are used."
            )
        before = row.total_s
    if len(notes) > MAX_MISMATCH_NOTES:
        rest = len(notes) - MAX_MISMATCH_NOTES
        notes = notes[:MAX_MISMATCH_NOTES] + [f"{rest} more laps' times do not match either."]
    return notes
