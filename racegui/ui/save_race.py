"""File > Save As…: the race shown written as a race file (JSON), atomically, so that a
splits CSV opened with a target, title or distance keeps them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from racegui.export.export_folder import user_file_folder, writable_dir
from racegui.export.file_naming import file_stem
from racegui.io.atomic import cannot_write
from racegui.io.errors import RaceFileError
from racegui.io.race_file import write_race
from racegui.model.race import Race

SAVE_FILTER = "Race JSON (*.json)"


def _documents_folder() -> Path:
    """The user's documents folder where it is writable, else home."""
    location = QStandardPaths.StandardLocation.DocumentsLocation
    found = QStandardPaths.writableLocation(location)
    folder = Path(found) if found else None
    return folder if folder is not None and writable_dir(folder) else Path.home()


def suggested_name(opened: Path | None, title: str) -> str:
    """Where the save dialog starts: a file of the user's under its own name as .json beside
    it (in the documents folder where its own cannot be written); the demo (or another race
    shipped inside racegui) under a name from its title, as an export's
    ("breaking4-faith-kipyegons-mile.json"), in the user's documents folder (else home),
    never the package's. The demo had been offered as "race.json"."""
    folder = user_file_folder(opened) if opened is not None else None
    if opened is None or folder is None:
        return str(_documents_folder() / f"{file_stem(title)}.json")
    name = opened.with_suffix(".json").name
    return str((folder if writable_dir(folder) else _documents_folder()) / name)


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
        return cannot_write(path, exc)
    return None
