"""Problems of the race made from a CSV placed in the CSV: at its lines and columns, or at
the racegui import option that set the value, instead of at JSON paths."""

from __future__ import annotations

import re
from dataclasses import dataclass

from racegui.io.errors import Problem
from racegui.io.race_checks import DNF_HINT
from racegui.model.timefmt import format_time

_SPLIT_LOC = re.compile(r"^\$\.athletes\[(\d+)\]\.splits\[(\d+)\](?:\.(\w+))?$")
_SPLITS_LOC = re.compile(r"^\$\.athletes\[(\d+)\]\.splits$")
_ATHLETE_LOC = re.compile(r"^\$\.athletes\[(\d+)\]\.(id|name|role|colour|bib|country|lane)$")
_ANY_ATHLETE_LOC = re.compile(r"^\$\.athletes\[(\d+)\]")
_DISTANCE_LOC = re.compile(r"^\$\.distance_m$")
_OPTION_LOC = re.compile(r"^\$\.(title|target)\b")
_LINE = re.compile(r"^line (\d+)")
_COLUMN_OF = {
    "id": "athlete",
    "name": "name",
    "role": "role",
    "colour": "colour",
    "bib": "bib",
    "country": "country",
    "lane": "lane",
}
"""The CSV column each athlete field of a race file comes from."""


def longest_line(athletes: dict[str, dict]) -> int:
    """Line of the largest distance in the file (the first such line)."""
    splits = (split for entry in athletes.values() for split in entry["splits"])
    return max(splits, key=lambda split: (split["distance_m"], -split["line"]))["line"]


def cell_place(line: int, column: int) -> str:
    """Where a cell is: "line 3, column 2" (column 0-based in, 1-based out)."""
    return f"line {line}, column {column + 1}"


def split_place(split: dict, col: dict[str, int]) -> str:
    """Where a split's time is: its own cell's place where it has one (a wide split sheet's,
    "line 3, column 4 (1100 m)"), else its line's time column."""
    return split.get("place") or cell_place(split["line"], col["time"])


def line_of(problem: Problem) -> int:
    """The CSV line a problem names (0 for none), to list problems in file order."""
    match = _LINE.match(problem.where)
    return int(match.group(1)) if match else 0


def given_options(
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
class Origin:
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
    """racegui import's options given, as given_options names them (and for a lap CSV,
    "name": where its runner's name came from)."""
    longest: int
    """Line of the largest distance in the file."""
    places: list[list[str | None]] | None = None
    """Place of each split's own cell where it has one (a wide split sheet: split_place),
    in the order of lines."""
    distance_place: str | None = None
    """Place of the cell giving the race distance where it is not the longest line's
    distance column (a wide sheet's header cell)."""

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
                cell_place(self.firsts[0], self.col.get("role", self.col["athlete"])),
                'no athlete has the role "runner" (a race needs one)',
            )
        return Problem("", problem.message) if where.startswith("$") else problem

    def _split(self, match: re.Match, message: str) -> Problem:
        """$.athletes[i].splits[k], .distance_m or .time: that split's line and cell (a wide
        sheet's own cell for each, as README says its problems are placed)."""
        i, k = int(match.group(1)), int(match.group(2))
        line = self.lines[i][k]
        field = match.group(3)
        if field == "distance_m" and "distance_m" in self.options:
            message += f" (set by {self.options['distance_m']})"
        place = self.places[i][k] if self.places else None
        if place is not None:  # a wide sheet's split: its cell, speeds from the one before too
            return Problem(place, message)
        if field in ("distance_m", "time"):
            return Problem(cell_place(line, self.col[field]), message)
        return Problem(f"line {line}", message)

    def _last_split(self, match: re.Match, message: str) -> Problem:
        """$.athletes[i].splits (the last split is not at the finish): its last split."""
        i = int(match.group(1))
        line = self.lines[i][-1]
        message = message.removesuffix(DNF_HINT)  # no runner finishes: a CSV has no "dnf"
        given = self.options.get("distance_m")
        source = "which --distance set" if given else "the largest distance in the file"
        place = self.places[i][-1] if self.places else None
        where = place or cell_place(line, self.col["distance_m"])
        return Problem(where, f"{message}, {source}")

    def _field(self, match: re.Match, message: str) -> Problem:
        """$.athletes[i].id, name, role or colour: the cell it was read from (a name taken
        from the athlete column, and the id, are on the athlete's first line)."""
        i, field = int(match.group(1)), match.group(2)
        if field == "name" and field not in self.said[i] and "name" in self.options:
            return Problem(self.options["name"], message)  # a lap CSV's runner: --name
        column = self.col.get(_COLUMN_OF[field], self.col["athlete"])
        line = self.said[i].get(field, self.firsts[i])
        if field == "name" and field not in self.said[i]:
            column = self.col["athlete"]
        if message.startswith(("is ", "needs ", "must ", "has ")):  # the path named the field
            message = f"{field} {message}"
        if field == "colour":  # a CSV takes names too
            message += ', or a name such as "red"'
        if field == "lane":  # "lane 3 is also athletes[0]'s": that athlete's line
            message = re.sub(
                r"is also athletes\[(\d+)\]'s",
                lambda m: f"is also given on line {self.firsts[int(m.group(1))]}",
                message,
            )
        return Problem(cell_place(line, column), message)

    def _athlete(self, match: re.Match, message: str) -> Problem:
        """Anything else about athlete i: its first line."""
        return Problem(f"line {self.firsts[int(match.group(1))]}", message)

    def _distance(self, match: re.Match, message: str) -> Problem:
        """$.distance_m: --distance, or the largest distance in the file that set it."""
        given = self.options.get("distance_m")
        if given:
            return Problem(given, message)
        return Problem(
            self.distance_place or cell_place(self.longest, self.col["distance_m"]),
            f"the race distance (the largest distance in the file) {message}",
        )

    def _option(self, match: re.Match, message: str) -> Problem:
        """$.title or $.target...: the option that set it."""
        return Problem(self.options.get(match.group(1), f"--{match.group(1)}"), message)
