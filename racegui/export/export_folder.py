"""Where an export goes unless the user says otherwise (the dialog's default folder)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from racegui.resources_path import resources_dir


def writable_dir(folder: Path | None) -> bool:
    """Whether folder is a folder the user may write in (False for one that cannot be looked
    up: a hand-edited settings file's folder name too long for the file system)."""
    try:
        return folder is not None and folder.is_dir() and os.access(folder, os.W_OK)
    except (OSError, ValueError):
        return False


def user_file_folder(path: Path | None) -> Path | None:
    """The folder of a race file the user has (None for a demo race shipped with racegui)."""
    if path is None:
        return None
    folder = Path(path).expanduser().absolute().parent
    shipped = resources_dir().absolute()
    return None if folder.is_relative_to(shipped) else folder


def _videos_folder() -> Path | None:
    location = QStandardPaths.StandardLocation.MoviesLocation
    found = QStandardPaths.writableLocation(location)
    return Path(found) if found else None


def default_folder(last: Path | None, race_path: Path | None) -> Path:
    """Where an export goes unless the user says otherwise.

    The folder of the last export, else the race file's folder (a user file, not a shipped
    demo), else the user's Videos (Movies) folder, else home; each only if it is writable.
    """
    for folder in (last, user_file_folder(race_path), _videos_folder()):
        if writable_dir(folder):
            return folder
    return Path.home()
