"""Playback > Go to Time…: a race time typed as the command line's --time reads it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from racegui.cli_text import TypedTime, after_end_text, minutes_typo_note
from racegui.model.timefmt import TimeFormatError, clock_text, parse_time, within_end
from racegui.ui.csv_dialog import ERROR_COLOUR

FORMS_HINT = "Race time: seconds (181.84), m:ss.xx (3:01.84) or h:mm:ss.xx"


def time_to_show(text: str, end_s: float) -> tuple[float, str]:
    """The race time (s) to go to for `text` in a replay ending at end_s (s), read as the
    command line's --time reads it (timefmt.parse_time), and a note ("" if none): a time
    after the end goes to the end, "99:00 is after the replay ends (4:10.57): showing the
    end"; a time typed as minutes.seconds is read as seconds, as --time reads it, and says
    how to write the minutes ("3.01 is read as 3.01 seconds; for 3 min 1 s write 3:01").
    Raises TimeFormatError, with the message --time gives, for text not a time."""
    typed = TypedTime(parse_time(text), text)
    t = within_end(typed, end_s)
    if t is not None:
        said = minutes_typo_note("", typed, end_s).strip()  # no option name
        return t, f"{said}." if said else ""
    said = after_end_text("", typed, end_s).strip()
    return end_s, f"{said}: showing the end."


class GoToTimeDialog(QDialog):
    """A line for a race time, prefilled with the time shown; Enter goes there. A text
    that is not a time is said under the line, and the dialog stays open; a time after the
    end goes to the end and says so, and the dialog stays open to show it (Enter then closes
    it: the end as the line shows it, 4:10.57, can be just before the end, 250.574 s). So
    does the note on a time typed as minutes.seconds ("3.01"), which goes to 3.01 s."""

    time_chosen = Signal(float)
    """Race time (s) to go to: Enter on a time (clamped to the replay)."""

    def __init__(self, now_s: float, end_s: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Go to Time")  # Qt adds " — racegui"
        self._end_s = end_s
        layout = QVBoxLayout(self)
        prompt = QLabel(FORMS_HINT, self)
        layout.addWidget(prompt)
        self.edit = QLineEdit(clock_text(now_s), self)
        self.edit.selectAll()  # typing replaces the time shown
        self.edit.textEdited.connect(self._on_edit_text_edited)
        prompt.setBuddy(self.edit)
        layout.addWidget(self.edit)
        self.message = QLabel(self)
        """What is wrong with the text typed, or the note on a time after the end."""
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self._noted_text: str | None = None
        """The text in the line when the note on a time after the end was given."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Go to the time typed and close; keep open with the error for a bad text, or
        with the note for a time after the end."""
        if self._noted_text is not None and self.edit.text() == self._noted_text:
            super().accept()  # the note read: the end is shown already
            return
        try:
            t, note = time_to_show(self.edit.text(), self._end_s)
        except TimeFormatError as exc:
            self._say(str(exc), error=True)
            return
        self.time_chosen.emit(t)
        if note:
            self.edit.setText(clock_text(t))
            self.edit.selectAll()
            self._noted_text = self.edit.text()
            self._say(note, error=False)
            return
        super().accept()

    def _say(self, text: str, *, error: bool) -> None:
        """Show text under the line (in red for an error)."""
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.show()

    def _on_edit_text_edited(self, _text: str) -> None:
        self.message.hide()  # the message was about the text before
        self._noted_text = None
