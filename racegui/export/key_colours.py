"""The colours that tell a replay's things apart: what a GIF's shared palette keeps exactly.

Median cut shares a palette out by area, so the colour of a small dot (a pacer's, the
modelled ghost's, a dropout tick) lost out to the track and the panels and came out another
colour. These are the colours the scene draws such things in, from the race and the theme.
"""

from __future__ import annotations

from racegui.model.replay import Replay
from racegui.ui.runner_accent import ghost_mark, mark_colours
from racegui.ui.theme import Theme

RGB = tuple[int, int, int]

THEME_MARKS = (
    "accent",
    "ahead",
    "behind",
    "target_glow",
    "compare_colour",
    "dropout_tick",
    "lap_tick",
    "runner_outline",
    "pacer_outline",
    "text",
    "text_muted",
    "overlay_text",
)
"""Theme colours that mark something (ahead/behind, the target, ticks, outlines, text)."""
THEME_GROUNDS = (
    "background",
    "panel_background",
    "overlay_background",
    "controls_background",
    "grid",
    "slider_groove",
    "track_surface",
    "track_surface_edge",
    "track_lines",
    "kerb",
    "infield",
    "infield_lines",
)
"""Theme colours things are drawn on (large areas: a palette has them anyway, exact here)."""


def hex_rgb(colour: str) -> RGB:
    """(r, g, b), 0..255, of a "#rrggbb" colour (ValueError otherwise)."""
    text = colour.strip().removeprefix("#")
    if len(text) != 6:
        raise ValueError(f'not a "#rrggbb" colour: {colour!r}')
    value = int(text, 16)
    return (value >> 16, (value >> 8) & 255, value & 255)


def key_colours(replay: Replay, theme: Theme) -> tuple[RGB, ...]:
    """The replay's key colours, most telling first, each once: the followed runner's, the
    target's, the theme's marks, every other athlete's (in the race file's order), the
    ghosts' and the target glow's deeper shades for tags and cards (ghost_mark: the light
    theme's; the dark theme's are the colours themselves), then the theme's grounds. (A
    compared race's runner is drawn in the theme's compare colour.)"""
    athletes = [a.colour for a in replay.athletes]
    first = [athletes[replay.focus]]
    if replay.target is not None:
        first.append(athletes[replay.target])
    marks = [getattr(theme, name) for name in THEME_MARKS]
    shades = [c.name() for c in mark_colours(replay, theme)]
    shades.append(ghost_mark(theme.target_glow, theme).name())
    grounds = [getattr(theme, name) for name in THEME_GROUNDS]
    ordered = [hex_rgb(c) for c in (*first, *marks, *athletes, *shades, *grounds)]
    return tuple(dict.fromkeys(ordered))
