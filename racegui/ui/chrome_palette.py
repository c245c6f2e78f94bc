"""The application palette for a theme: menus, dialogs and message boxes in the window's colours.

The replay window paints its own views and panel from the theme; Qt's standard widgets (the
File menu, the export and help dialogs, file pickers, error messages) take their colours from
the application palette. Setting it from the same theme keeps a dark window's dialogs dark.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

from racegui.ui.legible import mix
from racegui.ui.theme import Theme

HIGHLIGHT_DARKEN = 0.25
"""Share of black mixed into the accent for selections, so white text on it stays readable."""

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


class ChromeStyle(QProxyStyle):
    """The platform style, with plain-text dialog buttons: Qt's stock button icons are drawn
    for a light background and all but vanish on a dark one."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802 (Qt name)
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, data)


def apply_chrome(app: QApplication, theme: Theme) -> None:
    """Give the application's standard widgets the theme's colours (and ChromeStyle)."""
    if not isinstance(app.style(), ChromeStyle):
        app.setStyle(ChromeStyle(app.style().name()))
    app.setPalette(chrome_palette(theme))
