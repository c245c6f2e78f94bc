"""Open a race file (.json) or splits (.csv) into a Replay, with one clear error message."""

from __future__ import annotations

from pathlib import Path

from racegui.io.errors import RaceFileError
from racegui.io.race_file import read_race
from racegui.io.splits_csv import read_splits_csv
from racegui.model.replay import Replay, compile_race

MAX_ERROR_LINES = 12


class LoadError(Exception):
    """A file could not be opened as a race; str() is one line, .details every problem."""

    def __init__(self, message: str, details: list[str]) -> None:
        super().__init__(message)
        self.details = details


def load_replay(path: str | Path) -> Replay:
    """Read and compile a race (.json) or splits file (.csv); raises LoadError."""
    path = Path(path)
    try:
        race = read_splits_csv(path) if path.suffix.lower() == ".csv" else read_race(path)
        return compile_race(race)
    except RaceFileError as exc:
        raise LoadError(str(exc), exc.lines()) from exc
    except (ValueError, OSError) as exc:  # RaceModelError is a ValueError
        line = f"{path}: {exc}"
        raise LoadError(line, [line]) from exc


def error_text(exc: LoadError) -> str:
    """The problems, one per line, shortened to MAX_ERROR_LINES."""
    lines = exc.details[:MAX_ERROR_LINES]
    if len(exc.details) > MAX_ERROR_LINES:
        lines.append(f"… and {len(exc.details) - MAX_ERROR_LINES} more problems")
    return "\n".join(lines)
