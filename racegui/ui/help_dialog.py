"""Keyboard shortcuts, listed once for the help dialog and the docs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

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


class HelpDialog(QDialog):
    """A small dialog listing the keyboard shortcuts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")  # Qt adds " — racegui"
        layout = QVBoxLayout(self)
        label = QLabel(shortcuts_html(), self)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
