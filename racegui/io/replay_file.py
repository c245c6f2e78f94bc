"""Open a race file (.json) or splits (.csv) as a Replay: every error names the file and place."""

from __future__ import annotations

from pathlib import Path

from racegui.io.errors import Problem, RaceFileError, json_path
from racegui.io.race_file import read_race
from racegui.io.splits_csv import read_splits_csv
from racegui.model.replay import RaceModelError, Replay, compile_race


def read_replay(path: str | Path) -> Replay:
    """Read and compile a race (.json) or splits (.csv); raises RaceFileError (never anything
    else) for a file that cannot be read, or that describes motion that cannot be built."""
    path = Path(path)
    is_csv = path.suffix.lower() == ".csv"  # any other suffix is read as JSON
    race = read_splits_csv(path) if is_csv else read_race(path)
    try:
        return compile_race(race)
    except RaceModelError as exc:
        where = ""
        if exc.athlete is not None and not is_csv:
            where = json_path(("athletes", exc.athlete) + ((exc.field,) if exc.field else ()))
        raise RaceFileError(path, [Problem(where, str(exc))]) from None
