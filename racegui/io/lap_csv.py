"""A stopwatch's lap CSV: one runner's laps, numbered, with lap times and/or times from the
start ("Lap,Lap Time,Total Time"; "Runde;Rundenzeit (s);Gesamtzeit (s)"; "#,Lap,Total"), or
several runners' laps with a column naming each row's runner ("Athlete,Lap,Lap Time,Total
Time"), placed on the track by the race distance (m): the last lap ends at the finish and
every lap but the first is 400 m (racegui.io.laps), a short part lap timed on its own or in
the first lap (a mile in 5 laps or 4). Lines above the header (an app's title and date) are
left out, and so is a "Total" row after a runner's laps that agrees with them (lap_rows).
Times from the start are used where given, and lap times checked against them; a part lap
typed last is refused. Of several runners, those with the most laps finish and any with
fewer stop at their last lap's end: runners who did not finish.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field

from racegui.io.errors import CONTROLS, Problem, control_problem
from racegui.io.lap_checks import out_of_order, part_lap_last_problem, slow_laps
from racegui.io.lap_header import HEADER_LINES, LapHeader, find_lap_header, plain
from racegui.io.lap_notes import first_lap_misfit, odd_lap_notes
from racegui.io.lap_rows import (
    ROUNDING_S,
    LapRow,
    TotalRow,
    by_runner,
    from_zero,
    in_order,
    is_total_row,
    read_rows,
    runner_of_total,
    sheet_total_note,
    stop_mark,
    total_note,
)
from racegui.io.lap_stops import apply_stops, dq_finish_words, finish_laps
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
from racegui.io.race_splits import MAX_SPEED_MPS
from racegui.io.typed_times import typed_decimals, typed_time

__all__ = [
    "HEADER_LINES",
    "ROUNDING_S",
    "LapHeader",
    "LapRead",
    "best_distance",
    "find_lap_header",
    "lap_count_problem",
    "laps_in",
    "plain",
    "read_laps",
    "runners_in",
    "what_fits",
]
"""What other modules take from here, the header's part (lap_header) among it."""

PREFERRED_MARGIN = math.log(1.1)
"""How much better (as the log of a pace ratio: 10 %) another race must fit a lap CSV's
first lap than a preferred one (the race it is compared with) to be taken instead: a 1600 m
and a mile timed at the finish line differ by 2 % in their first lap."""
MAX_MISMATCH_NOTES = 5
"""Laps whose lap time does not match noted one by one; more are counted in one note."""
INDOOR_LAP_M = 200.0
"""An indoor track's lap (m): lap CSVs of it get a hint, as they cannot be replayed."""


def distance_needed(header: LapHeader, laps: int) -> str:
    """What a lap CSV without a race distance is told: give it, and the distances its laps
    fit."""
    return (
        f"a lap CSV ({header.described()}: {header.whose()} laps) needs the race distance to "
        f"place its laps: give it with --distance; {what_fits(laps, 'its ')}"
    )


def lap_count_problem(laps: int, distance_m: float, holder: str = "the CSV") -> str | None:
    """Why laps do not fit a race of distance_m (m), saying how many laps that race has and
    what races the laps fit ("the CSV has 6 laps, but 1500 m is 4 laps (a 300 m part lap,
    then 3 × 400 m); 6 laps fit a race of more than 2000 m and at most 2400 m"; holder names
    who has them: "Sam Ortiz"); None if they fit (lap_counts: a mile's 4 or 5)."""
    counts = lap_counts(distance_m)
    if laps in counts:
        return None
    folded = (
        f", or {counts[1]} timed at the finish line each time round (the part lap in the first)"
        if len(counts) > 1
        else ""
    )
    return (
        f"{holder} has {lap_word(laps)}, but {distance_name(distance_m)} is "
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
    """How many laps (rows that are not empty, nor a Total row) the lap CSV text has below
    its header: of several runners' laps, the most one runner has."""
    return max(_lap_counts(text, header).values(), default=0)


def runners_in(text: str, header: LapHeader) -> int:
    """How many runners the lap CSV text's runner column names (1 without one)."""
    return 1 if header.runner is None else len(_lap_counts(text, header))


def _lap_counts(text: str, header: LapHeader) -> dict[str, int]:
    """Rows that are not empty nor a Total row, of each runner the runner column names
    ("": all, without one; a row with the runner cell empty is no runner's)."""
    body = text.splitlines()[header.line :]
    time_columns = (header.lap, header.total, header.either)
    counts: dict[str, int] = {}
    for line in body:
        if not line.strip(" \t,;\"'"):
            continue
        try:
            row = next(csv.reader([line], delimiter=header.delimiter), [])
        except csv.Error:
            row = []
        if is_total_row(row, header) or stop_mark(row, time_columns) is not None:
            continue
        runner = (
            row[header.runner].strip() if header.runner is not None and row[header.runner :] else ""
        )
        if header.runner is not None and not runner:
            continue  # no runner's name: the reading refuses the row
        counts[runner] = counts.get(runner, 0) + 1
    return counts


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
            totals = [split["time"] for split in max(read.runners.values(), key=len)]
            return [b - a for a, b in zip([0.0, *totals[:-1]], totals, strict=True)]
    return None


@dataclass(frozen=True)
class LapRead:
    """A lap CSV read: each runner's splits (distance m, time s from the start, line), the
    runners in the order they first come; the column the times came from; notes on how it
    was read; and why each runner with fewer laps than the others stops short."""

    runners: dict[str, list[dict]]
    time_column: int
    notes: list[str]
    stopped: dict[str, str]
    """Runner with fewer laps than the others and no mark: "3 laps of 4 in the lap CSV" (he
    did not finish)."""
    marks: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Runner marked in a lap's time cell (lap_stops): the mark as typed and its cell
    ("'DQ'", "line 7, column 3"), as a wide sheet's runner marked "DNF" has them."""

    @property
    def splits(self) -> list[dict]:
        """The first runner's splits (a one-runner lap CSV's only runner)."""
        return next(iter(self.runners.values()))


def _one_extra(
    runners: dict[str, list[LapRow]], marked: dict[str, str], count: int
) -> tuple[str, int, LapRow] | None:
    """Where one runner alone has the most laps (count) and every other runner, two or
    more, not marked as stopping, has the same number fewer: her name, their number and
    her last lap; else None (an extra typed lap of one runner had quietly made every other
    a runner who did not finish). Of two runners, one lap short is a plain DNF."""
    others = {len(laps) for r, laps in runners.items() if r not in marked and len(laps) < count}
    holders = [r for r, laps in runners.items() if len(laps) == count]
    unmarked = [r for r in runners if r not in marked]
    if len(holders) != 1 or len(others) != 1 or len(unmarked) < 3:
        return None
    return holders[0], others.pop(), runners[holders[0]][-1]


def _who(header: LapHeader, runner: str) -> str:
    """ " of Tom Reyes": a runner named in a message of a file of several ("" for one)."""
    return "" if header.runner is None else f" of {runner}"


def read_laps(
    text: str, header: LapHeader, distance_m: float | None, name: str, problems: list[Problem]
) -> LapRead | None:
    """The splits of the lap CSV text for a race of distance_m (m), adding each problem to
    problems (None when there are any). name names the runner of a file without a runner
    column. Runners with the most laps finish; one with fewer stops at his last lap's end."""
    if header.runner is None:
        bad_name = control_problem(name, CONTROLS, "names, labels and titles")
        if bad_name is not None:
            problems.append(Problem("--name", bad_name))
    read_in = read_rows(text, header, name, problems)
    total_rows = read_in.totals
    runners = by_runner(read_in.laps)
    notes: list[str] = []
    marked = (
        {} if problems else apply_stops(read_in.stops, runners, header, problems, notes, distance_m)
    )
    if not problems:
        runners = from_zero(runners, header, problems, notes)
    if not problems:  # a bad row's lap is not missing
        runners = {
            r: in_order(laps, header, _who(header, r), problems) for r, laps in runners.items()
        }
        problems += [p for t in total_rows if (p := runner_of_total(t, runners)) is not None]
    if problems:
        return None
    if not runners:
        problems.append(Problem(f"line {header.line + 1}", "no laps after the header"))
        return None
    count = finish_laps(runners, marked, distance_m)
    if distance_m is None:
        needed = distance_needed(header, count) + dq_finish_words(runners, marked, count)
        problems.append(Problem(f"line {header.line}", needed))
        return None
    holder = next(  # one not marked, else one disqualified after finishing
        (r for r, laps in runners.items() if len(laps) == count and r not in marked),
        next(r for r, laps in runners.items() if len(laps) == count),
    )
    extra = _one_extra(runners, marked, count)
    misfit = lap_count_problem(count, distance_m, "the CSV" if header.runner is None else holder)
    if misfit is not None:
        if extra is not None and lap_count_problem(extra[1], distance_m) is None:
            misfit += (
                f"; the others have {extra[1]}, which fit it: check {holder}'s lap "
                f"{extra[2].lap} (line {extra[2].line})"
            )
        problems.append(Problem("", misfit))
        return None
    if extra is not None:
        notes.append(
            f"{holder} has {lap_word(count)}, the others {extra[1]}: they are read as runners "
            f"who did not finish; if the race is {lap_word(extra[1])}, check {holder}'s lap "
            f"{extra[2].lap} (line {extra[2].line}), or the distance."
        )
    ends = lap_ends(distance_m, count)
    if part_in_first(distance_m, count):
        notes.append(
            f"Read as timed at the finish line each time round: {laps_text(distance_m, count)}."
        )
    as_laps = _either_as_laps(runners, ends, header, notes)
    placed: dict[str, list[dict]] = {}
    mismatches: list[str] = []
    odd: list[str] = []
    for runner, laps in runners.items():
        splits = _runner_splits(laps, ends, distance_m, header, as_laps, problems, mismatches, odd)
        if splits is not None:
            placed[runner] = splits
    if problems:
        return None
    totals = _total_notes(total_rows, runners, placed, header, problems)
    if problems:
        return None
    notes += _in_line_order(_capped_mismatches(mismatches) + odd + totals)
    stopped = {
        r: f"{lap_word(len(laps))} of {count} in the lap CSV"
        for r, laps in runners.items()
        if len(laps) < count and r not in marked
    }
    marks = {r: (stop.mark, stop.place) for r, stop in marked.items()}
    column = next(c for c in (header.either, header.total, header.lap) if c is not None)
    return LapRead(placed, column, notes, stopped, marks)


def _runner_splits(
    rows: list[LapRow],
    all_ends: list[float],
    distance_m: float,
    header: LapHeader,
    as_laps: bool,
    problems: list[Problem],
    mismatches: list[str],
    odd: list[str],
) -> list[dict] | None:
    """One runner's splits, his laps (rows, in order) ending where the race's first laps do
    (all_ends, m): the problems with them added to problems (then None), notes on lap times
    that do not match their times from the start to mismatches, on laps out of line to odd."""
    ends = all_ends[: len(rows)]
    before = len(problems)
    if header.either is not None:
        times = [r.total_s for r in rows]
        totals, column = (running_totals(times) if as_laps else times), header.either
    elif header.total is not None:
        totals, column = [r.total_s for r in rows], header.total
        if header.lap is not None:
            mismatches += _mismatches(rows, header)
    else:
        totals, column = running_totals([r.lap_s for r in rows]), header.lap
    added = column == header.lap or totals != [r.total_s for r in rows]  # lap times added up
    if added:
        slow_laps(rows, ends, column, problems)
    else:
        out_of_order(rows, totals, column, problems)
    if len(problems) > before:
        return None
    if len(rows) == len(all_ends):  # a runner who stops short has no last lap to check
        moved = part_lap_last_problem(rows, totals, ends, distance_m)
        if moved is not None:
            problems.append(moved)
            return None
    times = [b - a for a, b in zip([0.0, *totals[:-1]], totals, strict=True)]
    typed = typed_decimals(*(text for r in rows for text in (r.lap_text, r.total_text)))
    numbers = [r.lap for r in rows]
    odd += odd_lap_notes([r.line for r in rows], numbers, times, distance_m, ends, typed)
    return [
        {"distance_m": end, "time": t, "line": row.line}
        | ({} if added else {"typed": row.total_text})
        for end, t, row in zip(ends, totals, rows, strict=True)
    ]


def _either_as_laps(
    runners: dict[str, list[LapRow]], ends: list[float], header: LapHeader, notes: list[str]
) -> bool:
    """Whether a lone Time (or Split) column holds lap times: it is read as times from the
    start where every runner's increase as a runner's can, else as lap times (noted)."""
    if header.either is None:
        return False
    runnable = True
    for rows in runners.values():
        times = [r.total_s for r in rows]
        starts = [0.0, *ends[: len(rows) - 1]]
        firsts = [0.0, *times[:-1]]
        runnable = runnable and all(
            t > t0 and (end - start) / (t - t0) <= MAX_SPEED_MPS
            for start, end, t0, t in zip(starts, ends, firsts, times, strict=False)
        )
    if runnable:
        return False
    column_name = header.names[header.either].strip().strip('"')
    notes.append(
        f"The {column_name} column was read as lap times: as times from the start they would "
        "not increase as a runner's do."
    )
    return True


def _total_notes(
    total_rows: list[TotalRow],
    runners: dict[str, list[LapRow]],
    placed: dict[str, list[dict]],
    header: LapHeader,
    problems: list[Problem],
) -> list[str]:
    """The notes on Total rows left out (one for several), each checked against its
    runner's laps (lap_rows.total_note); problems with them added to problems."""
    notes: list[str] = []
    sheet_notes: list[str] = []
    for total in total_rows:
        if total.sheet:
            said = sheet_total_note(total, runners, header)
            if isinstance(said, Problem):
                problems.append(said)
            else:
                sheet_notes.append(said)
            continue
        rows = runners[total.runner]
        end = placed[total.runner][-1]
        final = (end["time"], [end["typed"]] if "typed" in end else _lap_texts(rows))
        laps = None
        if header.lap is not None:
            laps = (running_totals([r.lap_s for r in rows])[-1], [r.lap_text for r in rows])
        said = total_note(total, rows, final, laps, header)
        if isinstance(said, Problem):
            problems.append(said)
        else:
            notes.append(said)
    if len(notes) > 1:
        lines = ", ".join(str(t.line) for t in total_rows if not t.sheet)
        notes = [f"Lines {lines}: the Total rows are left out: each agrees with its runner's laps."]
    return notes + sheet_notes


def _lap_texts(rows: list[LapRow]) -> list[str]:
    """The cells a runner's lap times were read from, as typed: the lap time column's, or a
    lone Time column's read as lap times."""
    return [r.lap_text or r.total_text for r in rows]


def _mismatches(rows: list[LapRow], header: LapHeader) -> list[str]:
    """A note for each lap whose lap time is not the difference of its times from the
    start (beyond ROUNDING_S), naming its runner in a file of several ("Line 7 (Lena
    Brandt): ..."; it had named the line alone)."""
    notes = []
    before, before_text = 0.0, ""
    for row in rows:
        between = row.total_s - before
        if abs(between - row.lap_s) > ROUNDING_S + 1e-9:
            ends = (before_text, row.total_text)
            whose = "" if header.runner is None else f" ({row.runner})"
            notes.append(
                f"Line {row.line}{whose}: lap {row.lap}'s time "
                f"{typed_time(row.lap_s, row.lap_text)} is not the {typed_time(between, *ends)} "
                "between its times from the start "
                f"({typed_time(before, before_text) if before_text else '0'} to "
                f"{typed_time(row.total_s, row.total_text)}): the times from the start are used."
            )
        before, before_text = row.total_s, row.total_text
    return notes


def _capped_mismatches(notes: list[str]) -> list[str]:
    """Notes of laps whose times do not match, up to MAX_MISMATCH_NOTES and one counting
    the rest."""
    if len(notes) > MAX_MISMATCH_NOTES:
        rest = len(notes) - MAX_MISMATCH_NOTES
        notes = notes[:MAX_MISMATCH_NOTES] + [f"{rest} more laps' times do not match either."]
    return notes


_LINE_RE = re.compile(r"Lines? (\d+)")


def _in_line_order(notes: list[str]) -> list[str]:
    """Notes on lines of the file ("Line 3: ...", "Lines 5, 9: ...") by their (first) line,
    then those on no one line ("2 more laps ..."). A lap time that did not match (line 3,
    4) had been noted before a slow first part lap (line 2: reviewer R15)."""
    lined = [(int(m.group(1)), note) for note in notes if (m := _LINE_RE.match(note))]
    rest = [note for note in notes if not _LINE_RE.match(note)]
    return [note for _, note in sorted(lined, key=lambda pair: pair[0])] + rest
