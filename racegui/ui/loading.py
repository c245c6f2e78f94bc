"""Open a race file (JSON) or splits (CSV), each read for what it holds, into a Replay, with
one clear error message."""

from __future__ import annotations

from pathlib import Path

from racegui.io.errors import RaceFileError
from racegui.io.replay_file import CsvOptions, read_replay
from racegui.model.replay import Replay

MAX_ERROR_LINES = 12


class LoadError(Exception):
    """A file could not be opened as a race; str() is one line, .details every problem."""

    def __init__(self, message: str, details: list[str]) -> None:
        super().__init__(message)
        self.details = details


def load_replay(path: str | Path, options: CsvOptions | None = None) -> Replay:
    """Read and compile a race file or splits (read with options; io.file_kind); raises
    LoadError."""
    path = Path(path)
    try:
        return read_replay(path, options)
    except RaceFileError as exc:
        raise LoadError(str(exc), exc.lines()) from exc
    except (ValueError, OSError) as exc:  # not expected: read_replay raises RaceFileError
        line = f"{path}: {exc}"
        raise LoadError(line, [line]) from exc


def error_text(exc: LoadError) -> str:
    """The problems, one per line, shortened to MAX_ERROR_LINES."""
    lines = exc.details[:MAX_ERROR_LINES]
    if len(exc.details) > MAX_ERROR_LINES:
        lines.append(f"… and {len(exc.details) - MAX_ERROR_LINES} more problems")
    return "\n".join(lines)
