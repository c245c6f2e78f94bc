"""Where the UI finds shipped resources, also when running from a source checkout."""

from __future__ import annotations

from pathlib import Path

from racegui.resources_path import resources_dir

DEMO_RACE = "breaking4-2025.json"


def resource_root() -> Path:
    """The resources directory (installed package data, else the checkout's resources/)."""
    return resources_dir()


def demo_path(name: str = DEMO_RACE) -> Path:
    """A shipped demo race file."""
    return resource_root() / "races" / name


def icon_path(name: str) -> Path:
    """A shipped icon file."""
    return resource_root() / "icons" / name
