"""Where the shipped resources (schema, demo races, icons) live."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resources_dir() -> Path:
    """The directory holding schema, races/ and icons/."""
    return Path(str(resources.files("racegui.resources")))


def demo_race_path(name: str = "breaking4-2025.json") -> Path:
    """Path of a demo race file shipped in resources/races/."""
    return resources_dir() / "races" / name


def schema_path() -> Path:
    """Path of the published JSON schema of the race file format."""
    return resources_dir() / "race.schema.json"
