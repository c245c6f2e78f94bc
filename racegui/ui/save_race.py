"""File > Save As…: the race shown written as a race file (JSON), atomically, so that a
splits CSV opened with a target, title or distance keeps them."""

from __future__ import annotations

from pathlib import Path

from racegui.io.errors import RaceFileError
from racegui.io.race_file import write_race
from racegui.model.race import Race

SAVE_FILTER = "Race JSON (*.json)"


def suggested_name(opened: Path | None, folder: str) -> str:
    """Where the save dialog starts: the opened file's name as .json beside it, else
    race.json in folder."""
    if opened is None:
        return str(Path(folder) / "race.json")
    return str(opened.with_suffix(".json"))


def as_json_name(chosen: str) -> Path:
    """The name chosen, ending in .json (added when it has another ending or none)."""
    path = Path(chosen)
    return path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")


def save_race(race: Race, path: Path) -> str | None:
    """Write race to path atomically (a failed save leaves what was there); None, or why
    it could not be written."""
    try:
        write_race(race, path)
    except RaceFileError as exc:
        return "\n".join(exc.lines())
    except OSError as exc:
        return f"{path}: cannot write: {exc.strerror or exc}"
    return None
