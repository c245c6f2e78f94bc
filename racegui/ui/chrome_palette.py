"""The application palette for a theme: menus, dialogs and message boxes in the window's colours.

The replay window paints its own views and panel from the theme; Qt's standard widgets (the
File menu, the export and help dialogs, file pickers, error messages) take their colours from
the application palette. Setting it from the same theme keeps a dark window's dialogs dark.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QProxyStyle,
    QRadioButton,
    QStyle,
    QStyleOption,
    QWidget,
)

from racegui.ui.legible import mix
from racegui.ui.theme import Theme

HIGHLIGHT_DARKEN = 0.25
"""Share of black mixed into the accent for selections, so white text on it stays readable."""

FOCUS_RING_PX = 2.0
"""Width of the ring drawn round the control that has keyboard focus."""
FOCUS_RING_INSET_PX = 3.0
"""Gap between a focused button's edge and its focus ring."""

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def chrome_palette(theme: Theme) -> QPalette:
    """A QPalette for standard widgets in the theme's colours."""
    pal = QPalette()
    window = QColor(theme.panel_background)
    base = QColor(theme.background)
    button = mix(theme.panel_background, theme.text, 0.08)
    text = QColor(theme.text)
    muted = QColor(theme.text_muted)
    accent = QColor(theme.accent)
    highlight = mix(theme.accent, "#000000", HIGHLIGHT_DARKEN)
    colours = {
        Role.Window: window,
        Role.WindowText: text,
        Role.Base: base,
        Role.AlternateBase: window,
        Role.ToolTipBase: window,
        Role.ToolTipText: text,
        Role.PlaceholderText: muted,
        Role.Text: text,
        Role.Button: button,
        Role.ButtonText: text,
        Role.BrightText: QColor(theme.behind),
        Role.Light: mix(theme.panel_background, theme.text, 0.22),
        Role.Midlight: mix(theme.panel_background, theme.text, 0.14),
        Role.Mid: mix(theme.panel_background, theme.text, 0.3),
        Role.Dark: mix(theme.panel_background, theme.background, 0.6),
        Role.Shadow: QColor("#000000"),
        Role.Highlight: highlight,
        Role.HighlightedText: QColor("#ffffff"),
        Role.Link: accent,
        Role.LinkVisited: accent,
    }
    for role, colour in colours.items():
        pal.setColor(role, colour)
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        pal.setColor(Group.Disabled, role, muted)
    pal.setColor(Group.Disabled, Role.Base, window)
    pal.setColor(Group.Disabled, Role.Button, window)
    pal.setColor(Group.Disabled, Role.Highlight, mix(theme.panel_background, theme.text, 0.3))
    return pal


def draw_focus_ring(
    painter: QPainter,
    option: QStyleOption,
    inset: float,
    role: QPalette.ColorRole,
    widen: float = 0.0,
) -> None:
    """A ring FOCUS_RING_PX wide, inset px inside option's rect (widen px wider each side:
    a label's rect is tight round its text), in the palette's `role`
    colour (the text's: white on the dark theme, near black on the light): what marks the
    control that has keyboard focus. Fusion marks it with a thin accent border, the one it
    gives the default button too, and in a dialog the default button is the focused one,
    so Tab onto OK or Export changed nothing on screen (a keyboard user's review)."""
    edge = inset + FOCUS_RING_PX / 2
    rect = QRectF(option.rect).adjusted(edge - widen, edge, widen - edge, -edge)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(option.palette.color(role), FOCUS_RING_PX))
    painter.setBrush(QColor(0, 0, 0, 0))
    painter.drawRoundedRect(rect, 2.0, 2.0)
    painter.restore()


def _has_focus(option: QStyleOption) -> bool:
    state = option.state
    return bool(state & QStyle.StateFlag.State_HasFocus and state & QStyle.StateFlag.State_Enabled)


class ChromeStyle(QProxyStyle):
    """The platform style, with plain-text dialog buttons (Qt's stock button icons are drawn
    for a light background and all but vanish on a dark one) and a ring round the button,
    field or drop-down list that has keyboard focus (draw_focus_ring)."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802 (Qt name)
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, data)

    def drawControl(  # noqa: N802 (Qt name)
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element == QStyle.ControlElement.CE_PushButton and _has_focus(option):
            draw_focus_ring(painter, option, FOCUS_RING_INSET_PX, Role.ButtonText)

    def drawComplexControl(  # noqa: N802 (Qt name)
        self,
        control: QStyle.ComplexControl,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        boxes = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)
        if control in boxes and _has_focus(option):
            draw_focus_ring(painter, option, 0.0, Role.ButtonText)

    def drawPrimitive(  # noqa: N802 (Qt name)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        label = isinstance(widget, QCheckBox | QRadioButton)
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect and label:
            if _has_focus(option):  # the ring round the label, not Fusion's thin accent box
                draw_focus_ring(painter, option, 0.0, Role.WindowText, widen=2.0)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_FrameLineEdit and _has_focus(option):
            draw_focus_ring(painter, option, 0.0, Role.Text)


def apply_chrome(app: QApplication, theme: Theme) -> None:
    """Give the application's standard widgets the theme's colours (and ChromeStyle)."""
    if not isinstance(app.style(), ChromeStyle):
        app.setStyle(ChromeStyle(app.style().name()))
    app.setPalette(chrome_palette(theme))
