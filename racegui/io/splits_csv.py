"""Import splits from CSV: one row per athlete per split (athlete, distance_m, time).

A header row names the columns (any order, case-insensitive); optional columns name, role
and colour describe the athlete. Times are seconds or m:ss.xx. The delimiter is a comma or a
semicolon (with a semicolon, decimal commas such as 60,20 are read too). UTF-8, BOM allowed.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from racegui.io.errors import MAX_PROBLEMS, Problem, RaceFileError, capped
from racegui.io.race_file import decode_text, race_from_data, read_bytes_limited
from racegui.io.schema import FORMAT, MAX_ATHLETES, MAX_SPLITS
from racegui.model.race import Race
from racegui.model.timefmt import TimeFormatError, parse_time

REQUIRED = ("athlete", "distance_m", "time")
OPTIONAL = ("name", "role", "colour")
PALETTE = (
    "#e4002b",
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
_SPLIT_LOC = re.compile(r"^\$\.athletes\[(\d+)\]\.splits\[(\d+)\]")
_ATHLETE_LOC = re.compile(r"^\$\.athletes\[(\d+)\]\.(id|name|role|colour)$")
_COLUMN_OF = {"id": "athlete", "name": "name", "role": "role", "colour": "colour"}
"""The CSV column each athlete field of a race file comes from."""


def _delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


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
) -> Race:
    """Read a splits CSV into a Race (the first athlete is the runner unless a role column
    says otherwise). The race distance defaults to the largest distance in the file.
    Raises RaceFileError naming line and column for each problem."""
    path = Path(path)
    text = decode_text(path, read_bytes_limited(path))
    first_line = text.lstrip("\r\n").partition("\n")[0].rstrip("\r")
    delim = _delimiter(first_line)
    decimal_comma = delim == ";"
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    problems: list[Problem] = []
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        raise RaceFileError(path, [Problem("line 1", "no header row")]) from None
    while header and not header[-1]:  # empty trailing cells (spreadsheet exports) name nothing
        header.pop()
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RaceFileError(
            path,
            [
                Problem(
                    "line 1",
                    f"missing column(s) {', '.join(missing)}; "
                    f"the header needs {', '.join(REQUIRED)}",
                )
            ],
        )
    col = {name: header.index(name) for name in REQUIRED + OPTIONAL if name in header}
    athletes: dict[str, dict] = {}
    lines: dict[tuple[int, int], int] = {}
    over: set[str] = set()
    """Athletes with too many splits ("": too many athletes), each reported once."""
    try:
        for row in reader:
            line = reader.line_num
            if len(problems) > MAX_PROBLEMS:
                break
            if not any(cell.strip() for cell in row):
                continue
            extra = row[len(header) :]
            if len(row) < len(header) or any(cell.strip() for cell in extra):
                why = f"{len(row)} fields, the header has {len(header)}"
                if len(row) > len(header):
                    why += " (a decimal comma, like 2:00,75? write 2:00.75)"
                problems.append(Problem(f"line {line}", why))
                continue
            athlete_id = row[col["athlete"]].strip()
            if not athlete_id:
                problems.append(
                    Problem(f"line {line}, column {col['athlete'] + 1}", "athlete is empty")
                )
                continue
            try:
                dist = _number(row[col["distance_m"]], decimal_comma)
            except ValueError:
                problems.append(
                    Problem(
                        f"line {line}, column {col['distance_m'] + 1}",
                        f"{row[col['distance_m']]!r} is not a distance in metres",
                    )
                )
                continue
            try:
                time_s = parse_time(row[col["time"]].strip(), decimal_comma=decimal_comma)
            except TimeFormatError as exc:
                problems.append(Problem(f"line {line}, column {col['time'] + 1}", str(exc)))
                continue
            if athlete_id not in athletes and len(athletes) >= MAX_ATHLETES:
                if "" not in over:  # said once, at the first athlete too many
                    over.add("")
                    problems.append(
                        Problem(f"line {line}", f"more than {MAX_ATHLETES} athletes in one race")
                    )
                continue
            entry = athletes.setdefault(
                athlete_id, {"splits": [], "row": row, "index": len(athletes)}
            )
            if len(entry["splits"]) >= MAX_SPLITS:
                if athlete_id not in over:  # said once per athlete, at its first split too many
                    over.add(athlete_id)
                    problems.append(
                        Problem(f"line {line}", f"more than {MAX_SPLITS} splits for {athlete_id}")
                    )
                continue
            prev = entry["splits"][-1] if entry["splits"] else None
            if dist <= 0:
                problems.append(
                    Problem(
                        f"line {line}, column {col['distance_m'] + 1}",
                        "distance must be greater than 0",
                    )
                )
                continue
            if prev is not None and dist <= prev["distance_m"]:
                problems.append(
                    Problem(
                        f"line {line}, column {col['distance_m'] + 1}",
                        f"distances of {athlete_id} must increase",
                    )
                )
                continue
            if prev is not None and time_s <= prev["time"]:
                problems.append(
                    Problem(
                        f"line {line}, column {col['time'] + 1}",
                        f"times of {athlete_id} must increase",
                    )
                )
                continue
            lines[(entry["index"], len(entry["splits"]))] = line
            entry["splits"].append({"distance_m": dist, "time": time_s})
    except csv.Error as exc:
        problems.append(Problem(f"line {reader.line_num}", f"not valid CSV: {exc}"))
    if problems:
        raise RaceFileError(path, capped(problems))
    if not athletes:
        raise RaceFileError(path, [Problem("line 2", "no splits after the header")])
    data = _race_data(path, athletes, col, distance_m, title, target_time_s)
    try:
        return race_from_data(data, path)
    except RaceFileError as exc:
        raise RaceFileError(path, [_to_line(p, lines, col) for p in exc.problems]) from None


def _race_data(
    path: Path,
    athletes: dict,
    col: dict,
    distance_m: float | None,
    title: str | None,
    target_time_s: float | None,
) -> dict:
    race_m = distance_m or max(s["distance_m"] for a in athletes.values() for s in a["splits"])
    has_role = "role" in col
    items = []
    for k, (athlete_id, entry) in enumerate(athletes.items()):
        row = entry["row"]
        role = row[col["role"]].strip().lower() if has_role else ("runner" if k == 0 else "pacer")
        item = {
            "id": athlete_id,
            "name": (row[col["name"]].strip() if "name" in col else "") or athlete_id,
            "role": role,
            "colour": (row[col["colour"]].strip() if "colour" in col else "")
            or PALETTE[k % len(PALETTE)],
            "splits": entry["splits"],
        }
        items.append(item)
    data: dict = {
        "format": FORMAT,
        "title": title or path.stem,
        "distance_m": race_m,
        "athletes": items,
    }
    if target_time_s is not None:
        data["target"] = {"time": target_time_s, "label": "Target"}
    return data


def _to_line(problem: Problem, lines: dict[tuple[int, int], int], col: dict) -> Problem:
    """Point a problem in a split, or in an athlete's id, name, role or colour, back at the
    CSV line (and column) it came from: the athlete's first row for the latter."""
    match = _SPLIT_LOC.match(problem.where)
    if match:
        line = lines.get((int(match.group(1)), int(match.group(2))))
        if line is not None:
            return Problem(f"line {line}", problem.message)
    match = _ATHLETE_LOC.match(problem.where)
    if match:
        line = lines.get((int(match.group(1)), 0))
        column = col.get(_COLUMN_OF[match.group(2)])
        if line is not None and column is not None:
            return Problem(f"line {line}, column {column + 1}", problem.message)
    return problem
