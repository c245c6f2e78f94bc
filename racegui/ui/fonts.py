"""Fonts whose glyphs and metrics are the same on every screen.

Qt hints glyphs (snaps their outlines to the pixel grid) on ordinary screens but not on HiDPI
ones, so the same text came out up to a pixel taller or shifted depending on the screen of the
machine an export ran on. Every font the replay scene and side panel draw with therefore asks
for no hinting: text is then laid out from the font's own metrics and drawn identically
everywhere, at any device pixel ratio.
"""

from __future__ import annotations

from PySide6.QtGui import QFont


def unhinted(font: QFont) -> QFont:
    """``font`` set to draw without hinting (changed in place and returned)."""
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def scene_font(
    family: str, px: float, weight: QFont.Weight = QFont.Weight.Normal, *, min_px: int = 6
) -> QFont:
    """An unhinted ``family`` font ``px`` pixels high (rounded, at least ``min_px``)."""
    font = QFont(family)
    font.setPixelSize(max(int(round(px)), min_px))
    font.setWeight(weight)
    return unhinted(font)
