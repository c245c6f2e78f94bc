"""The followed runner's colour where a graphic stands for her, readable on the theme.

The theme's accent (pink) is the Breaking4 demo's runner's colour. The graphics that stand
for the followed runner (the clock's bar, the bell-lap pill, the splits' marks and current
row, the timelines' progress) take her own colour instead, so that following another
runner does not leave them in someone else's. Plain chrome keeps the theme's accent.

A ghost's colour (the pacing light's, a modelled run's) is made deep enough to read as a dot
or a thin line on the theme's name tags, chips and cards (ghost_mark).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from racegui.model.replay import Replay
from racegui.ui.legible import contrast_ratio, deepened, legible_on, mix
from racegui.ui.theme import Theme

ACCENT_RATIO = 3.0
"""Least contrast of the runner's accent with what it is drawn on (WCAG's ratio for graphics
and large text)."""
WHITE = QColor("#ffffff")
DARK_INK = QColor("#0d1117")
"""Text on an accent too light for white text to reach ACCENT_RATIO."""
TAG_ALPHA = 200
"""Alpha of the theme's overlay background as the box of a name tag or of the pocket cam's
chip (overlay, pocket_paint): what a ghost's dot there is drawn on, over the ground."""
TAG_GROUNDS = ("track_surface", "track_surface_edge", "infield", "infield_lines", "background")
"""Theme colours a name tag's box can lie over: the track, its rim, the infield and its
stripes, and the page round the track."""


def runner_colour(replay: Replay) -> str:
    """The followed runner's own colour ("#rrggbb")."""
    return replay.athletes[replay.focus].colour


def runner_accent(colour: str, backgrounds: list[QColor]) -> QColor:
    """colour, or the nearest shade of it reaching ACCENT_RATIO on every background."""
    return legible_on(QColor(colour), backgrounds, ACCENT_RATIO)


def ink_on(fill: QColor) -> QColor:
    """Text colour on a fill: white where it reaches ACCENT_RATIO, else near-black."""
    return QColor(WHITE if contrast_ratio(WHITE, fill) >= ACCENT_RATIO else DARK_INK)


def tag_grounds(theme: Theme) -> list[QColor]:
    """What a dot in a name tag's box (or in a pill like it) is drawn on in theme: the
    overlay background at TAG_ALPHA over each of TAG_GROUNDS."""
    box = QColor(theme.overlay_background)
    return [mix(getattr(theme, name), box, TAG_ALPHA / 255) for name in TAG_GROUNDS]


def mark_grounds(theme: Theme) -> list[QColor]:
    """What a ghost's dot, ring or thin line is drawn on in theme: a name tag's box (the
    overlay background at TAG_ALPHA) over each of TAG_GROUNDS, the panel's cards and the
    page (the panel's header)."""
    return [*tag_grounds(theme), QColor(theme.panel_background), QColor(theme.background)]


def ghost_mark(colour: str, theme: Theme) -> QColor:
    """A ghost's colour (the pacing light's, a modelled run's) as a dot, ring or thin line
    on theme's name tags, chips and cards: itself where it reaches ACCENT_RATIO on every one
    of mark_grounds (all of the dark theme's), else the nearest deeper shade of its hue that
    does (deepened). On the light theme's tags the light's green (#39ff6a) had been 1.0 to
    1.3:1 and the modelled ghost's yellow (#ffd23f) 1.0 to 1.4:1: gone on a projector
    (presenter's review). Their markers on the track keep the race's colours."""
    return deepened(QColor(colour), mark_grounds(theme), ACCENT_RATIO)


def mark_colours(replay: Replay, theme: Theme) -> list[QColor]:
    """Per athlete, the colour of the dot in its name tag: its own, a ghost's (role "ghost":
    the target's light, a modelled run) as ghost_mark."""
    return [
        ghost_mark(a.colour, theme) if a.role == "ghost" else QColor(a.colour)
        for a in replay.athletes
    ]
