"""The data rows of a splits CSV read into each athlete's splits (distance m, time s, line),
with a located problem for each bad row and a note for each row without a time."""

from __future__ import annotations

import re
from dataclasses import dataclass

from racegui.io.csv_header import OPTIONAL
from racegui.io.csv_places import cell_place, split_place
from racegui.io.csv_second_splits import second_split
from racegui.io.errors import CONTROLS, MAX_PROBLEMS, Problem, control_problem, quoted
from racegui.io.laps import looks_like_lap_times, running_totals
from racegui.io.race_splits import MAX_SPEED_MPS, hours_reading
from racegui.io.schema import MAX_ATHLETES, MAX_SPLITS
from racegui.io.split_order import SplitOrder, out_of_line_text
from racegui.io.typed_times import typed_time
from racegui.model.timefmt import TimeFormatError, parse_time

_METRES = re.compile(r"\s*m\s*$", re.IGNORECASE)
"""A unit after a distance ("400m", "400 m"), dropped before reading the number."""


def _number(text: str, decimal_comma: bool) -> float:
    cleaned = text.strip().replace(",", ".") if decimal_comma else text.strip()
    value = float(cleaned)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError
    return value


def distance_cell(text: str, decimal_comma: bool) -> float:
    """Metres from a distance cell as written: "400", "400 m", "400m" (a decimal comma too
    where decimal_comma); ValueError for anything else."""
    return _number(_METRES.sub("", text), decimal_comma)


def untimed_notes(untimed: list[tuple[int, Untimed]], athletes: dict[str, dict]) -> list[str]:
    """Notes on the rows left out for want of a time: one per row, but one per athlete none
    of whose rows has a time, who is left out of the race (her four row notes had not said
    so: coach's review)."""
    absent: dict[str, list[str]] = {}  # lines of each athlete with no timed row, in order
    for line, row in untimed:
        if row.athlete not in athletes:
            absent.setdefault(row.athlete, []).append(str(line))
    notes = []
    for line, row in untimed:
        if row.mark is not None and row.athlete in absent:
            del absent[row.athlete]
            notes.append(_mark_note(row.athlete, *row.mark))
        elif row.athlete in athletes:
            notes.append(
                f"Line {line} has no time for {row.athlete} at {row.distance_m:g} m: "
                "the row is left out."
            )
        elif row.athlete in absent:
            lines = absent.pop(row.athlete)  # said once, where her first row is
            if len(lines) == 1:
                notes.append(
                    f"{row.athlete} is left out of the race: the only row (line {lines[0]}) "
                    "has no time."
                )
                continue
            if len(lines) <= 4:
                where = f"lines {', '.join(lines[:-1])} and {lines[-1]}"
            else:
                where = f"lines {lines[0]} to {lines[-1]}"
            notes.append(
                f"{row.athlete} is left out of the race: none of the rows ({where}) has a time."
            )
    return notes


def _mark_note(athlete: str, mark: str, place: str) -> str:
    """The note on an athlete left out whose row is marked (DNS, DNF...) with no time."""
    how = "did not start" if plain_mark(mark) == "DNS" else "has no time"
    return f"{athlete} {how} ({mark!r} at {place}) and is left out of the race."


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
            return Problem(cell_place(line, k), f"{field} {problem}")
    return None


@dataclass(frozen=True)
class Untimed:
    """A data row with an athlete and a distance (m) but an empty time cell: a split not
    taken, left out with a note."""

    athlete: str
    distance_m: float
    mark: tuple[str, str] | None = None
    """A wide row's mark that stops the runner ("DNS", as written) and its place, where
    the row has no time at all."""


def _split_of_row(
    row: list[str], line: int, header: list[str], col: dict, decimal_comma: bool
) -> tuple[str, float, float] | Problem:
    """(athlete, distance m, time s) of a data row, the problem with it, or Untimed for a
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
        return Problem(cell_place(line, col["athlete"]), "athlete is empty")
    try:
        dist = distance_cell(row[col["distance_m"]], decimal_comma)
    except ValueError:
        return Problem(
            cell_place(line, col["distance_m"]),
            f"{quoted(row[col['distance_m']])} is not a distance in metres",
        )
    if not row[col["time"]].strip():
        return Untimed(athlete, dist)
    try:
        time_s = parse_time(row[col["time"]].strip(), decimal_comma=decimal_comma)
    except TimeFormatError as exc:
        why = str(exc)
        cell = row[col["time"]].strip()
        if not decimal_comma and re.fullmatch(r"[\d:]*\d,\d+", cell):  # quoted: "61,5"
            why += f" (a decimal comma? write {cell.replace(',', '.')})"
        elif plain_mark(cell) in NO_TIME_MARKS:
            why += f": {NO_TIME_HINT}"
        return Problem(cell_place(line, col["time"]), why)
    if dist < 0:
        return Problem(cell_place(line, col["distance_m"]), "distance must not be negative")
    if dist == 0 and time_s != 0:
        return Problem(
            cell_place(line, col["time"]),
            f"a split at 0 m must be at 0.00 (the start), not {row[col['time']].strip()}",
        )
    return athlete, dist, time_s


def plain_mark(text: str) -> str:
    """A results mark as NO_TIME_MARKS has it: its first word, in capitals, without dots
    ("dnf." and "D.Q." are "DNF" and "DQ"; "DQ TR17.3", "DQ(TR17.3)", "DQ-TR17.3" and "DQ*",
    a disqualification with its rule or a footnote, are "DQ"), a word spelled out as its
    mark ("Disqualified" and "DISQ" are "DQ", "Did not finish" is "DNF"). A word run on
    into letters or digits stays itself ("DQX" is no mark) and a time unlike any mark
    ("1:05.4" is "1:054")."""
    spaced = " ".join(text.upper().replace(".", "").split())
    for phrase, mark in SPELLED_PHRASES.items():
        rest = spaced.removeprefix(phrase)
        if rest != spaced and not rest[:1].isalnum():
            return mark
    word = _MARK_START.match(text.strip())
    if word is not None:
        plain = word.group(1).upper().replace(".", "")
        return SPELLED_MARKS.get(plain, plain)
    words = text.split()
    return words[0].upper().replace(".", "") if words else ""


_MARK_START = re.compile(r"([A-Za-z][A-Za-z.]*)(?![A-Za-z0-9])")
"""A mark's word at a cell's start, ended by the cell's end or a sign ("DQ" of "DQ(TR17.3)",
"DQ-TR17.3", "DQ*"), not by a letter or digit ("DQX", "DQ1": no mark)."""
SPELLED_MARKS = {"DISQ": "DQ", "DISQUALIFIED": "DQ"}
"""Words for a mark spelled out (plain_mark's, in capitals, without dots)."""
SPELLED_PHRASES = {"DID NOT FINISH": "DNF", "DID NOT START": "DNS"}
"""Phrases for a mark spelled out (in capitals, single spaces, without dots), read where
no letter or digit follows ("Did not finish (fell)")."""


DISQUALIFIED = frozenset({"DQ", "DSQ"})
"""Marks (plain_mark's) of a runner disqualified: she ran, to the mark or to the finish."""
NO_TIME_MARKS = frozenset({"DNF", "DNS", "DQ", "DSQ", "NT", "NM", "-", "--", "\u2013", "\u2014"})
"""What a results sheet writes in a time cell where there is no time."""
NO_TIME_HINT = (
    "leave the cell empty for a split not taken; a runner who stopped is one whose last "
    "split is short of the finish, and one who did not start is left out"
)
"""What to write instead of one of NO_TIME_MARKS (a coach's "DNF" had been told only that
it is not a time, tester R6)."""


def read_row(
    row: list[str],
    line: int,
    header: list[str],
    col: dict,
    decimal_comma: bool,
    athletes: dict[str, dict],
    over: set[str],
    problems: list[Problem],
    untimed: list[tuple[int, Untimed]],
) -> None:
    """Add one data row's split to its athlete in athletes, or its problem to problems, or
    a row without a time, with its line, to untimed."""
    if not any(cell.strip() for cell in row):
        return
    read = _split_of_row(row, line, header, col, decimal_comma)
    if isinstance(read, Problem):
        problems.append(read)
        return
    if isinstance(read, Untimed):
        untimed.append((line, read))
        return
    athlete_id, dist, time_s = read
    if athlete_id not in athletes:
        twin = next((a for a in athletes if a.casefold() == athlete_id.casefold()), None)
        if twin is not None:
            problems.append(
                Problem(
                    cell_place(line, col["athlete"]),
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
                    cell_place(line, col["distance_m"]),
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
        second_split(
            entry, athlete_id, dist, first, line, cell_place(line, col["distance_m"]), problems
        )
        return
    entry["at"][dist] = line
    typed = row[col["time"]].strip()
    entry["splits"].append({"distance_m": dist, "time": time_s, "line": line, "typed": typed})


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
                    cell_place(line, k),
                    f"{field} {value!r} for {athlete_id}, but line {first_line} says {first!r} "
                    "(leave it empty after the first row)",
                )
            )


def sort_by_distance(athletes: dict[str, dict], col: dict, problems: list[Problem]) -> None:
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
        times = [s["time"] for s in splits]
        if all(a < b for a, b in zip(times, times[1:], strict=False)):
            continue
        # Past MAX_PROBLEMS only the first few by line are shown: each split is compared
        # with the one before (a file of 1,000 athletes half out of line took 3 times as
        # long to refuse when each was named with the splits it disagrees with).
        out = SplitOrder(times) if len(problems) <= MAX_PROBLEMS else None
        prev = None
        for k, split in enumerate(splits):
            if out is not None and k in out.out:
                problems.append(_out_of_line(athlete_id, splits, k, out, col))
                continue
            if prev is not None and split["time"] <= prev["time"]:
                readings = [hours_reading(s.get("typed")) for s in (prev, split)]
                said = "".join(f"; {r}" for r in readings if r)
                problems.append(
                    Problem(
                        split_place(split, col),
                        f"times of {athlete_id} must increase with distance: "
                        f"{_typed(split)} at {split['distance_m']:g} m is not "
                        f"after {_typed(prev)} at {prev['distance_m']:g} m "
                        f"({_cell_of(prev)}{said})",
                    )
                )
            prev = split


def _typed(split: dict) -> str:
    """A split's time as its cell was typed (typed_times): "3:50.5", not "3:50.50"."""
    return typed_time(split["time"], split.get("typed"))


def _typed_list(times_s: list[float], typed: list) -> str:
    """ "51.8, 2:01.0, 3:11.1": times (s) to the most decimals the cells typed have."""
    return ", ".join(typed_time(t, *typed) for t in times_s)


def _cell_of(split: dict) -> str:
    """Where another split is, said in a problem: "line 5", or on a wide sheet's row (whose
    splits share a line) "column 3"."""
    return f"column {split['column'] + 1}" if "column" in split else f"line {split['line']}"


def _out_of_line(
    athlete_id: str, splits: list[dict], k: int, order: SplitOrder, col: dict
) -> Problem:
    """The problem of an athlete's split k, whose time is out of line with the others'
    (order: of the times; the one to blame, not the correct splits after it)."""

    def at(j: int, line: bool = True) -> str:
        split = splits[j]
        where = f" {'in' if 'column' in split else 'on'} {_cell_of(split)}" if line else ""
        return f"{_typed(split)} at {split['distance_m']:g} m{where}"

    message = out_of_line_text(at(k, False), order.disagreement(k), at)
    reading = hours_reading(splits[k].get("typed"))
    message = f"times of {athlete_id}: {message}" + (f" ({reading})" if reading else "")
    return Problem(split_place(splits[k], col), message)


def _lap_times_problem(athlete_id: str, splits: list[dict], col: dict) -> Problem | None:
    """The problem with an athlete's times that cannot be times from the start (they do not
    increase, or increase too little for anyone to run a stretch in) but look like lap times
    (each near its stretch's duration), placed at the first that does not increase, else
    the first run too fast: the time column holds times from the start, whose figures it
    gives. None for any other times."""
    times = [s["time"] for s in splits]
    typed = [s.get("typed") for s in splits]
    if not looks_like_lap_times([s["distance_m"] for s in splits], times, MAX_SPEED_MPS):
        return None
    pairs = list(zip([{"distance_m": 0.0, "time": 0.0}, *splits], splits, strict=False))
    first = next((b for a, b in pairs if b["time"] <= a["time"]), None) or next(
        b
        for a, b in pairs
        if (b["distance_m"] - a["distance_m"]) / (b["time"] - a["time"]) > MAX_SPEED_MPS
    )
    return Problem(
        split_place(first, col),
        f"{'each cell holds a time' if 'column' in first else 'the time column holds times'} "
        f"from the start, but those of {athlete_id} "
        f"({_typed_list(times, typed)}) look like lap times, each its own stretch's: from the "
        f"start they would be {_typed_list(running_totals(times), typed)}",
    )
