"""Where the shipped resources (schema, demo races, icons) live."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resources_dir() -> Path:
    """The directory holding schema, races/ and icons/.

    Installed, it is the package racegui.resources; in a source tree that was never
    installed, the top-level resources/ folder beside the package.
    """
    try:
        return Path(str(resources.files("racegui.resources")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"


def demo_race_path(name: str = "breaking4-2025.json") -> Path:
    """Path of a demo race file shipped in resources/races/."""
    return resources_dir() / "races" / name


def schema_path() -> Path:
    """Path of the published JSON schema of the race file format."""
    return resources_dir() / "race.schema.json"
