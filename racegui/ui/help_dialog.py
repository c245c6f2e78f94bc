"""Keyboard shortcuts, listed once for the help dialog and the docs."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from racegui.ui.screen_room import fitted, room

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Space", "Play / pause"),
    ("Left / Right", "Step 0.1 s back / forward (pauses)"),
    ("Shift+Left / Shift+Right", "Jump 5 s back / forward"),
    ("Page Up / Page Down", "Previous / next event (lap, dropout, finish)"),
    ("+ / -", "Faster / slower (0.25x to 16x)"),
    ("Home / End", "Start / end of the race (End again: end of the replay)"),
    ("Ctrl+G", "Go to a race time (3:01.84 or 181.84); or double-click the time"),
    ("L", "Name tags on / off"),
    ("T", "Trails on / off"),
    ("C", "Pocket cam (zoomed view that follows the runner) on / off"),
    ("P", "Side panel on / off"),
    (
        "1 / 2 / 3 / 4",
        "Splits table: laps / 200 m / timed (the file's own splits) / against the compared race",
    ),
    (
        "Tab",
        "Splits table: Up / Down scroll it a row, Page Up / Page Down a view; Tab again: "
        "back to the window's keys",
    ),
    ("D", "Dark / light theme"),
    ("F", "Full screen on / off"),
    ("F11", "Presentation mode (full screen, big type, controls hide)"),
    ("Esc", "Leave full screen / presentation mode"),
    ("Ctrl+R", "Restart from the gun"),
    ("Ctrl+L", "Loop on / off"),
    ("Ctrl+O", "Open a race file (.json) or splits (.csv)"),
    ("Ctrl+Shift+S", "Save the race shown as a race file (.json)"),
    ("Ctrl+Shift+O", "Compare with another race of the same distance"),
    ("Ctrl+E", "Export a video, GIF or image"),
    ("Ctrl+Q", "Quit"),
    ("? or F1", "This help"),
    (
        "Alt+F / Alt+V / Alt+P / Alt+H",
        "File / View / Playback / Help menu (then an underlined letter, or arrows and Enter)",
    ),
    (
        "Alt+V, O",
        "View > Follow: whose laps, gaps and clock are shown (no key of its own; greyed "
        "in a race with one runner)",
    ),
)


def shortcuts_html() -> str:
    """The shortcut table as HTML."""
    rows = "".join(
        f"<tr><td style='padding:3px 18px 3px 0'><b>{k}</b></td><td>{v}</td></tr>"
        for k, v in SHORTCUTS
    )
    return f"<h3>Keyboard shortcuts</h3><table>{rows}</table>"


SCROLL_KEYS = (
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
)
"""Keys that scroll the list (Close keeps the focus: it is the dialog's one Tab stop)."""


SPACING_PX = 6
"""Space (px) between the list and the buttons."""


def help_size(content: QSize, buttons: QSize, margins: QMargins, space: QSize | None) -> QSize:
    """The dialog's size (px): the whole list (`content`) above its buttons inside `margins`,
    cut to the `space` its screen leaves (screen_room.room), where the list then scrolls
    (with room for its scroll bar)."""
    bar = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    wanted = QSize(
        max(content.width() + bar, buttons.width()) + margins.left() + margins.right(),
        content.height() + buttons.height() + SPACING_PX + margins.top() + margins.bottom(),
    )
    return fitted(wanted, space)


class HelpDialog(QDialog):
    """A small dialog listing the keyboard shortcuts, scrolling on a screen too small for
    them (at 150% scale on a 1366x768 laptop it had run off the screen, Close under its
    bottom edge)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")  # Qt adds " — racegui"
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING_PX)
        label = QLabel(shortcuts_html(), self)
        self._whole = label.sizeHint()
        """The list's size (px) unwrapped: each shortcut on one line."""
        label.setWordWrap(True)  # on a narrow screen, wrapped rather than scrolled sideways
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(label)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # see SCROLL_KEYS
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        screen = parent.screen() if parent is not None else QApplication.primaryScreen()
        self.fit_to(room(screen))

    def fit_to(self, space: QSize | None) -> None:
        """Size the dialog to show the whole list, or as much as `space` (px) holds."""
        buttons = self.findChild(QDialogButtonBox)
        margins = self.layout().contentsMargins()
        self.resize(help_size(self._whole, buttons.sizeHint(), margins, space))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in SCROLL_KEYS and not event.modifiers():
            QApplication.sendEvent(self.scroll.verticalScrollBar(), event)
            return
        super().keyPressEvent(event)
