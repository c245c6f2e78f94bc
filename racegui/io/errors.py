"""Errors for race files: every problem names the file and where in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (JSON path like $.athletes[2].splits[0].time, or
    "line 3, column 7") and what."""

    where: str
    message: str

    def format(self, path: str | Path | None) -> str:
        name = str(path) if path is not None else "<input>"
        return f"{name}: {self.where}: {self.message}" if self.where else f"{name}: {self.message}"


class RaceFileError(ValueError):
    """A race or splits file could not be read; holds every problem found."""

    def __init__(self, path: str | Path | None, problems: list[Problem]):
        self.path = path
        self.problems = problems or [Problem("", "invalid file")]
        super().__init__(self.problems[0].format(path))

    def lines(self) -> list[str]:
        """One line per problem, each naming the file and where."""
        return [p.format(self.path) for p in self.problems]


def json_path(loc: tuple) -> str:
    """Format a location tuple ("athletes", 2, "splits") as a JSON path $.athletes[2].splits."""
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out
