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
    # Replay window extras (added for the track view and transport bar).
    track_surface_edge: str = "#6e2a20"
    """Darker rim drawn round the outside of the track surface."""
    infield_lines: str = "#2c6a43"
    """Mowing stripes / markings on the infield."""
    overlay_background: str = "#0b0f14"
    """Broadcast graphic boxes (drawn with alpha)."""
    overlay_text: str = "#ffffff"
    runner_outline: str = "#ffffff"
    pacer_outline: str = "#0b0f14"
    controls_background: str = "#10151c"
    slider_groove: str = "#2d333b"
    lap_tick: str = "#e6edf3"
    dropout_tick: str = "#d29922"
    compare_colour: str = "#ffffff"
    """Comparison-race ghost marker."""


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
    track_surface_edge="#9a402d",
    infield_lines="#6aa86a",
    overlay_background="#ffffff",
    overlay_text="#1f2328",
    runner_outline="#1f2328",
    pacer_outline="#ffffff",
    controls_background="#eaeef2",
    slider_groove="#d0d7de",
    lap_tick="#1f2328",
    dropout_tick="#bf8700",
    compare_colour="#1f2328",
)

THEMES = {"dark": DARK, "light": LIGHT}


def theme_named(name: str) -> Theme:
    """The theme called "dark" or "light" (ValueError otherwise)."""
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r} (use dark or light)") from None
