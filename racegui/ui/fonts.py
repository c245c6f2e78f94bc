"""Fonts whose glyphs and metrics are the same on every machine.

The theme's typeface ships with the app (load_bundled_fonts), so a machine without it, or
without any fonts, draws the same letters. Qt hints glyphs (snaps their outlines to the pixel
grid) on ordinary screens but not on HiDPI ones, so the same text came out up to a pixel taller
or shifted depending on the screen of the machine an export ran on: every font the replay
scene and side panel draw with therefore asks for no hinting, and text is laid out from the
font's own metrics and drawn identically at any device pixel ratio.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from racegui.resources_path import resources_dir


def unhinted(font: QFont) -> QFont:
    """``font`` set to draw without hinting (changed in place and returned)."""
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


OUTLINE_TEXT_PX = 64
"""Text bigger than this (px) Qt draws from its glyphs' outlines, not from cached images."""


def forget_glyph_offset(font: QFont) -> None:
    """Set the FreeType face of ``font``'s typeface back to no sub-pixel offset, as it is
    when a font of it is first made, before text bigger than OUTLINE_TEXT_PX is drawn in it.

    Qt's FreeType faces are shared by every size of a typeface. Drawing small text leaves
    the face offset by the last new glyph's sub-pixel position, and big text, drawn from
    outlines loaded without setting it, came out shifted by that offset (a card's headline
    up to 8 levels off along its edges at 1080p, 19 on a phone's): the same card drawn twice
    in a process differed with what had been drawn in between. Making a font of the
    typeface (here a QRawFont copy of ``font``, dropped at once) sets the offset back to none.
    """
    raw = QRawFont.fromFont(font)
    if raw.isValid():  # a copy of another size: the same size would be the font's own
        raw.setPixelSize(raw.pixelSize() + 1.0)


def scene_font(
    family: str, px: float, weight: QFont.Weight = QFont.Weight.Normal, *, min_px: int = 6
) -> QFont:
    """An unhinted ``family`` font ``px`` pixels high (rounded, at least ``min_px``)."""
    font = QFont(family)
    font.setPixelSize(max(int(round(px)), min_px))
    font.setWeight(weight)
    return unhinted(font)


BUNDLED_FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)
"""The theme's typeface, shipped in resources/fonts/ (Bitstream Vera licence, see LICENSE):
regular, bold, and their obliques (the splits' estimates are in italics, which Qt slanted
itself where no oblique was installed, unlike on a machine with one)."""
_LOADED_PROPERTY = "racegui_bundled_fonts"


def load_bundled_fonts() -> list[str]:
    """Add the shipped DejaVu Sans (regular, bold and obliques) to the application's fonts, once per
    application; returns the families added (empty if already loaded).

    A bare server or container has no fonts at all: a headless export there drew a box for
    every letter. With the fonts shipped, text is drawn the same on any machine. Needs a
    QGuiApplication; a font file that cannot be read is skipped (Qt then falls back to the
    system's fonts).
    """
    app = QGuiApplication.instance()
    if app is None or app.property(_LOADED_PROPERTY):
        return []
    app.setProperty(_LOADED_PROPERTY, True)
    families: list[str] = []
    for name in BUNDLED_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / name))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families
