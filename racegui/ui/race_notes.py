"""Help > About this race: the race file's notes and sources, which say what is published
and what is estimated (the pacing light's even pace, the pacers' places)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from racegui.model.dates import iso_day, long_date
from racegui.model.race import Race
from racegui.model.timefmt import format_time
from racegui.ui.panel.header import distance_name
from racegui.ui.screen_room import fitted, room

NOTES_SIZE_PX = (640, 520)
"""The dialog's size (px) where its screen has room for it."""


def _where(race: Race) -> str:
    """ "Stade Sebastien Charlety, Paris · 26 June 2025" (what the file gives of it)."""
    day = iso_day(race.date)
    return " · ".join(x for x in (race.venue, long_date(day) if day else race.date) if x)


def race_notes_html(race: Race) -> str:
    """The race's title, place and day, distance and target, then its notes and sources
    (linked where the file gives a web address: a race file's "javascript:" or "file:"
    address is no link), as HTML with the file's text escaped."""
    parts = [f"<h3>{escape(race.title)}</h3>"]
    where = _where(race)
    if where:
        parts.append(f"<p>{escape(where)}</p>")
    target = race.target_time_s
    facts = distance_name(race.distance_m)
    if target is not None:
        facts += f" · target {format_time(target)}"
    parts.append(f"<p>{escape(facts)}</p>")
    if race.notes:
        items = "".join(f"<li>{escape(n)}</li>" for n in race.notes)
        parts.append(f"<h4>Notes</h4><ul>{items}</ul>")
    if race.sources:
        items = []
        for s in race.sources:
            title = escape(s.title)
            if s.url and s.url.lower().startswith(("https://", "http://")):
                url = escape(s.url, quote=True)
                title = f"<a href='{url}'>{title}</a>"
            items.append(f"<li>{title}</li>")
        parts.append(f"<h4>Sources</h4><ul>{''.join(items)}</ul>")
    if not race.notes and not race.sources:
        parts.append("<p><i>This race file has no notes or sources.</i></p>")
    return "".join(parts)


class RaceNotesDialog(QDialog):
    """The race file's notes and sources, in a scrolling text with links that open in the
    browser."""

    def __init__(self, race: Race, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About this race")
        screen = parent.screen() if parent is not None else QApplication.primaryScreen()
        # cut to the screen's room: at 150% scale on a 1366x768 laptop (512 px high) the
        # text scrolled but its Close button was under the screen's bottom edge
        self.resize(fitted(QSize(*NOTES_SIZE_PX), room(screen)))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(race_notes_html(race))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
