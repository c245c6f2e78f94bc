"""The control with keyboard focus is marked clearly in both themes (a keyboard user's
review: Tab onto OK or Export changed nothing on screen, the focused button wearing the
default button's accent border, which OK wears anyway; focused drop-down lists had a thin
dark accent line on the dark theme)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionSpinBox,
    QWidget,
)

from racegui.ui.chrome_palette import ChromeStyle, chrome_palette
from racegui.ui.legible import contrast_ratio
from racegui.ui.theme import DARK, LIGHT, Theme

State = QStyle.StateFlag
FOCUS = State.State_HasFocus | State.State_KeyboardFocusChange
"""The state of a control reached with Tab."""
VISIBLE_RATIO = 3.0
"""Contrast a focus mark needs against what it replaces (WCAG's for focus indicators)."""

Draw = Callable[[ChromeStyle, QStyleOption, QPainter, QWidget], None]


def _image(style: ChromeStyle, option: QStyleOption, widget: QWidget, draw: Draw) -> QImage:
    image = QImage(option.rect.size(), QImage.Format.Format_ARGB32)
    image.fill(option.palette.color(option.palette.ColorRole.Window))
    painter = QPainter(image)
    draw(style, option, painter, widget)
    painter.end()
    return image


def _marked_px(theme: Theme, widget: QWidget, option: QStyleOption, draw: Draw) -> int:
    """Pixels of the control drawn with focus that stand out (VISIBLE_RATIO) from the
    same control drawn without it, in the theme's palette."""
    style = ChromeStyle("fusion")
    try:
        option.palette = chrome_palette(theme)
        option.rect = widget.rect()
        option.state |= State.State_Enabled | State.State_Active
        plain = _image(style, option, widget, draw)
        option.state |= FOCUS
        focused = _image(style, option, widget, draw)
    finally:
        style.deleteLater()
    count = 0
    for y in range(plain.height()):
        for x in range(plain.width()):
            a, b = QColor(plain.pixel(x, y)), QColor(focused.pixel(x, y))
            if a != b and contrast_ratio(a, b) >= VISIBLE_RATIO:
                count += 1
    return count


def _ring_px(widget: QWidget) -> int:
    """Pixels of a one-pixel ring round most of the widget."""
    return widget.width() + widget.height()


THEMES = pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])


@THEMES
def test_a_focused_default_button_looks_other_than_the_default_button(qtbot, theme):
    button = QPushButton("OK")
    qtbot.addWidget(button)
    button.resize(88, 30)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.features |= QStyleOptionButton.ButtonFeature.DefaultButton
    option.state &= ~FOCUS

    def draw(style, opt, painter, widget):
        style.drawControl(QStyle.ControlElement.CE_PushButton, opt, painter, widget)

    assert _marked_px(theme, button, option, draw) >= _ring_px(button)


@THEMES
@pytest.mark.parametrize("kind", ["combo", "spin"])
def test_a_focused_list_or_number_box_is_ringed(qtbot, theme, kind):
    if kind == "combo":
        widget, option = QComboBox(), QStyleOptionComboBox()
        widget.addItem("1920 × 1080  (1080p)")
        control = QStyle.ComplexControl.CC_ComboBox
    else:
        widget, option = QSpinBox(), QStyleOptionSpinBox()
        control = QStyle.ComplexControl.CC_SpinBox
    qtbot.addWidget(widget)
    widget.resize(220, 26)
    widget.initStyleOption(option)
    option.state &= ~FOCUS

    def draw(style, opt, painter, w):
        style.drawComplexControl(control, opt, painter, w)

    assert _marked_px(theme, widget, option, draw) >= _ring_px(widget)


@THEMES
def test_a_focused_field_is_ringed(qtbot, theme):
    edit = QLineEdit("1 mile")
    qtbot.addWidget(edit)
    edit.resize(220, 26)
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    option.state &= ~FOCUS

    def draw(style, opt, painter, widget):
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, opt, painter, widget)

    assert _marked_px(theme, edit, option, draw) >= _ring_px(edit)


@THEMES
def test_a_focused_check_box_s_label_is_ringed(qtbot, theme):
    box = QCheckBox("Show the side panel")
    qtbot.addWidget(box)
    box.resize(box.sizeHint())
    option = QStyleOptionButton()
    box.initStyleOption(option)
    option.state &= ~FOCUS

    def draw(style, opt, painter, widget):
        style.drawControl(QStyle.ControlElement.CE_CheckBox, opt, painter, widget)

    label = box.width() - box.height()  # roughly: the box is about as wide as it is high
    assert _marked_px(theme, box, option, draw) >= label + box.height()
