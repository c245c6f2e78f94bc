"""How an export is laid out: the replay window's scene at a 1080 px short side (810 px for
a smaller export), or bigger."""

from __future__ import annotations

from racegui.ui.presentation import presentation_scale
from racegui.ui.text_floor import MIN_TRACK_TEXT_PX

REFERENCE_HEIGHT_PX = 1080
"""Exports are laid out like a 1920x1080 window and scaled to other heights."""
SMALL_LAYOUT_PX = 810
"""An export under REFERENCE_HEIGHT_PX on its short side (but a phone's: see phone_layout)
and at least SIDE_PANEL_ASPECT wide is laid out at its own short side, or this if that is
less: a 720p export as a 1440x810 window drawn 0.89 times as big, its panel's text 11-12 px
high. Laid out at 1080 and drawn 2/3 as big, that text was 7-9 px, too small in a slide; at
810 the panel leaves out only its secondary lines (the venue line, the last lap's time), as
a window of that size does."""
SIDE_PANEL_ASPECT = 1.25
"""Least width over height of an export laid out at SMALL_LAYOUT_PX: its panel beside the
track at either size. A squarer one stacks its panel below the track at 1080 (see
ReplayScene._stacks_panel), which needs that height: at 810 a 720x720 export lost its
panel, so it is laid out at REFERENCE_HEIGHT_PX as before."""
PHONE_SCREEN_PX = (540, 960)
"""A portrait export is laid out as a phone's screen of this size (w, h px at scale 1) drawn
bigger: the panel below the track one column filling the height, its type as big as a 1080p
export's (a 540x960 export laid out as 1080x1920 at scale 1 had 5 px panel text and a
sixth of its height blank)."""
PHONE_MIN_ASPECT = 1.6
"""Least height over width of an export laid out as a phone's screen: taller, its panel below
the track at scale 1 is one column with room to spare (see ReplayScene's
ONE_COLUMN_HEIGHT_PX); a 4:5 or 2:3 export keeps its two columns at its own scale."""
PHONE_TRACK_TEXT_PX = 20.0
"""Least type on the track of a phone's video 1080 px wide (px; in proportion at other
widths): as big as the smallest text of the panel below it (its axis ticks, the 1080p
export's 10 px at the phone layout's scale 2), as a 540x960 one's was already (10 px).
Sized from the track alone, a 1080x1920 board's venue line was 11 px and its distance and
gap lines 13 (capitals 8-9.5 px high, about half a millimetre on a phone 65 mm wide), the
100 m marks 18."""


def layout_size(size: tuple[int, int]) -> tuple[int, int]:
    """The size (px) an export of `size` (w, h px) is laid out at, in its aspect ratio: a
    1080 px short side or more at its own size; a smaller landscape one (SIDE_PANEL_ASPECT)
    with its height at SMALL_LAYOUT_PX or its own, whichever is more; any other with its
    short side at REFERENCE_HEIGHT_PX."""
    w, h = size
    short = min(w, h)  # the height, or a portrait export's width
    if short >= REFERENCE_HEIGHT_PX:
        return w, h
    k = max(short, SMALL_LAYOUT_PX) if w >= SIDE_PANEL_ASPECT * h else REFERENCE_HEIGHT_PX
    return round(k * w / short), round(k * h / short)


def phone_layout(size: tuple[int, int]) -> bool:
    """Whether an export of `size` (w, h px) is laid out as a phone's screen: a portrait
    one PHONE_MIN_ASPECT times as tall as wide or more (see layout_scale)."""
    w, h = size
    return h >= PHONE_MIN_ASPECT * w


def layout_scale(size: tuple[int, int], presentation: bool = False) -> float:
    """Type and graphics scale of the scene an export of `size` (px) is laid out with: 1.0
    up to a 1080 px short side, in proportion above (a 4K export, 2.0); with
    ``presentation``, presentation mode's on a screen of the layout's size (1.4 at 16:9, 1.05
    square or portrait: see presentation_scale).

    A portrait export PHONE_MIN_ASPECT times as tall as wide or more (a phone's video) is
    laid out as a PHONE_SCREEN_PX screen, whichever of its width and height allows less
    (540x960 and 1080x1920, 2.0; 2160x3840, 4.0): the panel below the track in one column,
    every card whole, its type as big as drawn as a 1080p export's; with ``presentation``
    too (the panel is then laid out as without: see SceneFrameSource). Landscape, square and
    less tall portrait exports are as they were (their panel bigger would not fit below the
    track: a square one's was left out, a 720x900 one's last card cut off)."""
    w0, h0 = layout_size(size)
    if presentation:
        base = presentation_scale(w0, h0)
    else:
        base = max(1.0, min(w0, h0) / REFERENCE_HEIGHT_PX)
    if not phone_layout(size):
        return base
    phone_w, phone_h = PHONE_SCREEN_PX
    return max(base, min(w0 / phone_w, h0 / phone_h))


def track_text_floor(size: tuple[int, int]) -> float:
    """Least type size (px of the picture) of the text on the track of an export of `size`
    (w, h px): the name tags, the 100 m marks, the scoreboard's lines (the pocket cam's
    inset keeps MIN_TRACK_TEXT_PX: see TrackView.set_output_scale). A phone's video
    (phone_layout) keeps it at PHONE_TRACK_TEXT_PX per 1080 px of its width (10 px at
    540x960, 20 at 1080x1920); any export at least MIN_TRACK_TEXT_PX."""
    px = MIN_TRACK_TEXT_PX
    if phone_layout(size):
        px = max(px, PHONE_TRACK_TEXT_PX * min(size) / REFERENCE_HEIGHT_PX)
    return px
