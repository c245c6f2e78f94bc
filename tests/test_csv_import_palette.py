"""Colours given to athletes imported without one."""

from __future__ import annotations

from PySide6.QtGui import QColor

from racegui.io.splits_csv import PALETTE
from racegui.ui.theme import THEMES

STRONG = 150
"""Saturation (0-255) from which a colour reads as the red or green it is near."""


def _hue_apart(a: int, b: int) -> int:
    d = abs(a - b) % 360
    return min(d, 360 - d)


def test_the_first_twelve_colours_are_not_the_panels_ahead_or_behind():
    """The panel says behind in red and ahead in green; a runner drawn in red (the first
    colour an import gave) had her finish clock red beside a green 'ahead' (new user)."""
    signals = [QColor(c).hsvHue() for t in THEMES.values() for c in (t.ahead, t.behind)]
    for colour in PALETTE[:12]:
        c = QColor(colour)
        if c.hsvSaturation() >= STRONG:
            assert all(_hue_apart(c.hsvHue(), h) > 20 for h in signals), colour


def test_sixteen_different_colours():
    assert len(set(PALETTE)) == 16
