"""Open a race file (.json) or splits (.csv) as a Replay: every error names the file and place."""

from __future__ import annotations

from pathlib import Path

from racegui.io.errors import Problem, RaceFileError, json_path
from racegui.io.race_file import read_race
from racegui.io.splits_csv import read_splits_csv
from racegui.model.plausibility import fast_stretches
from racegui.model.race import Race
from racegui.model.replay import RaceModelError, Replay, compile_race


def read_replay(path: str | Path) -> Replay:
    """Read and compile a race (.json) or splits (.csv); raises RaceFileError (never anything
    else) for a file that cannot be read, or that describes motion that cannot be built."""
    path = Path(path)
    is_csv = is_splits_csv(path)
    race = read_splits_csv(path) if is_csv else read_race(path)
    try:
        return compile_race(race)
    except RaceModelError as exc:
        where = ""
        if exc.athlete is not None and not is_csv:
            where = json_path(("athletes", exc.athlete) + ((exc.field,) if exc.field else ()))
        raise RaceFileError(path, [Problem(where, str(exc))]) from None


def is_splits_csv(path: str | Path) -> bool:
    """Whether read_replay reads the file as splits CSV (by its suffix; else as JSON)."""
    return Path(path).suffix.lower() == ".csv"


def reading_notes(race: Race, csv: bool) -> list[str]:
    """What a reader of the file should check, as racegui import and validate say it: for a
    splits CSV, how it was read one way of two (a short athlete read as a pacer, a runner
    who did not finish, rows left out), and for any file each stretch faster than world
    record pace (a slip such as 3:20 typed for 4:20). ``csv``: the race was read from one."""
    notes = list(race.notes) if csv else []
    return notes + [f"note: {stretch.text()}" for stretch in fast_stretches(race)]
