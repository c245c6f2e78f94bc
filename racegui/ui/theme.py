"""Colour and font themes for the replay window and exports (dark for screens, light for print)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    """Colours as "#rrggbb" strings; font sizes in points at scale 1.0."""

    name: str
    background: str
    panel_background: str
    text: str
    text_muted: str
    accent: str
    ahead: str
    """Colour for "ahead of target / faster than target"."""
    behind: str
    """Colour for "behind target / slower than target"."""
    grid: str
    track_surface: str
    track_lines: str
    infield: str
    kerb: str
    target_glow: str
    font_family: str = "DejaVu Sans"
    font_size_pt: float = 10.0
    clock_font_size_pt: float = 34.0


DARK = Theme(
    name="dark",
    background="#0d1117",
    panel_background="#151b23",
    text="#e6edf3",
    text_muted="#8b949e",
    accent="#ff2d6f",
    ahead="#3fb950",
    behind="#f85149",
    grid="#30363d",
    track_surface="#9c3d2e",
    track_lines="#f0e6dc",
    infield="#1d4d2f",
    kerb="#d9d9d9",
    target_glow="#39ff6a",
)

LIGHT = Theme(
    name="light",
    background="#f6f8fa",
    panel_background="#ffffff",
    text="#1f2328",
    text_muted="#59636e",
    accent="#d1245a",
    ahead="#1a7f37",
    behind="#cf222e",
    grid="#d0d7de",
    track_surface="#c4573f",
    track_lines="#ffffff",
    infield="#5e9c5e",
    kerb="#f2f2f2",
    target_glow="#00c853",
)

THEMES = {"dark": DARK, "light": LIGHT}


def theme_named(name: str) -> Theme:
    """The theme called "dark" or "light" (ValueError otherwise)."""
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r} (use dark or light)") from None
