"""The followed runner's colour where a graphic stands for her, readable on the theme.

The theme's accent (pink) is the Breaking4 demo's runner's colour. The graphics that stand
for the followed runner (the clock's bar, the bell-lap pill, the splits' marks and current
row, the timelines' progress) take her own colour instead, so that following another
runner does not leave them in someone else's. Plain chrome keeps the theme's accent.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from racegui.model.replay import Replay
from racegui.ui.legible import contrast_ratio, legible_on

ACCENT_RATIO = 3.0
"""Least contrast of the runner's accent with what it is drawn on (WCAG's ratio for graphics
and large text)."""
WHITE = QColor("#ffffff")
DARK_INK = QColor("#0d1117")
"""Text on an accent too light for white text to reach ACCENT_RATIO."""


def runner_colour(replay: Replay) -> str:
    """The followed runner's own colour ("#rrggbb")."""
    return replay.athletes[replay.focus].colour


def runner_accent(colour: str, backgrounds: list[QColor]) -> QColor:
    """colour, or the nearest shade of it reaching ACCENT_RATIO on every background."""
    return legible_on(QColor(colour), backgrounds, ACCENT_RATIO)


def ink_on(fill: QColor) -> QColor:
    """Text colour on a fill: white where it reaches ACCENT_RATIO, else near-black."""
    return QColor(WHITE if contrast_ratio(WHITE, fill) >= ACCENT_RATIO else DARK_INK)
