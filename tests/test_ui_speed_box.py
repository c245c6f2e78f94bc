"""The transport bar's speed box is drawn in the theme's colours: on the light theme its
arrow's box had a dark bottom-right corner, Qt's default outset border (a keyboard user's
review)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from racegui.ui.theme import DARK, LIGHT


def _arrow_box(box):
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    return box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, box
    )


def test_the_light_speed_box_has_no_dark_corner(window):
    window.set_theme("light")
    box = window.controls.speed_box
    image, r = box.grab().toImage(), _arrow_box(box)
    edges = [(x, r.bottom()) for x in range(r.left(), r.right() + 1)]
    edges += [(r.right(), y) for y in range(r.top(), r.bottom() + 1)]
    darkest = min(image.pixelColor(x, y).lightness() for x, y in edges)
    assert darkest >= QColor(LIGHT.grid).lightness() - 15  # its border's grey at the darkest


def test_the_speed_box_still_shows_an_arrow_in_the_theme_s_colour(window):
    for theme in (DARK, LIGHT):
        window.set_theme(theme.name)
        box = window.controls.speed_box
        image, r = box.grab().toImage(), _arrow_box(box)
        muted = QColor(theme.text_muted)
        near = [
            (x, y)
            for y in range(r.top(), r.bottom() + 1)
            for x in range(r.left(), r.right() + 1)
            if abs(image.pixelColor(x, y).lightness() - muted.lightness()) <= 8
        ]
        assert len(near) >= 12, theme.name  # an arrow of about 8 x 5 px, not a blank box
