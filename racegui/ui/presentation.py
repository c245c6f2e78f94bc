"""Presentation mode's scale: type and graphics sized for a screen, the same layout at any size.

The layout is made for a 1920x1080 screen at PRESENTATION_SCALE; a smaller screen shows it in
proportion (a 720p projector two thirds as big), and so does everything drawn on the track.
"""

from __future__ import annotations

PRESENTATION_SCALE = 1.4
"""Type and graphics x this in presentation mode on a 1080 px tall screen, in proportion on
others (see presentation_scale)."""
PRESENTATION_HEIGHT_PX = 1080
PRESENTATION_WIDTH_PX = 1440
"""Narrowest screen (px) given the full scale of its height: a narrower one (a square
1080x1080 screen, 1.05) is scaled by its width, so that its panel fits below the track in two
columns as in the window; at 1.4 it took half the width beside a track a third as big, under
tags sized for the big screen."""


def presentation_scale(screen_width_px: float, screen_height_px: float) -> float:
    """Scale of presentation mode on a screen (or screenshot) of this size (logical px): the
    same layout at any size, so a 720p projector shows what a 1080p one does, two thirds as
    big (1.4 scaled the panel past a 720 px screen, with the splits cut off)."""
    fit = min(screen_height_px / PRESENTATION_HEIGHT_PX, screen_width_px / PRESENTATION_WIDTH_PX)
    return max(0.5, PRESENTATION_SCALE * fit)


def screen_fit(scale: float) -> float:
    """How big the screen of a presentation scale is next to the 1080p one the layout is
    made for (1.0 at 1080p, 2/3 on a 720p projector). Text on the track sized from the
    view's size is sized from the view's size over this, then scaled: in proportion to the
    screen, as the panel's type is (sized from the view and scaled, it shrank twice: 8 px
    pocket-cam tags on a 720p projector, 18 px at 1080p)."""
    return scale / PRESENTATION_SCALE
