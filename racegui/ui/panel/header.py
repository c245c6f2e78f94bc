"""Panel header: race title, where and when, and who chases what."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from racegui.model.replay import Replay
from racegui.model.timefmt import format_time
from racegui.ui.panel.style import PanelStyle
from racegui.ui.text_fit import NAME_CHARS, PLACE_CHARS, TITLE_CHARS, clip_text, let_narrow

MILE_M = 1609.344


def distance_name(metres: float) -> str:
    """ "Mile" for 1609.344 m, else "1500 m"."""
    return "Mile" if abs(metres - MILE_M) < 0.01 else f"{metres:.0f} m"


def _date_text(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%b %Y')}"


class RaceHeader(QWidget):
    """Title, venue line, and "● Runner (KEN)  vs  ● Target 4:00.00"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.meta = QLabel()
        self.meta.setProperty("role", "muted")
        self.matchup = QLabel()
        self.matchup.setTextFormat(Qt.TextFormat.RichText)
        for w in (self.title, self.meta, self.matchup):
            w.setWordWrap(True)
        let_narrow(self.title, self.meta, self.matchup)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.matchup)
        self._layout = layout
        self._replay: Replay | None = None
        self._style: PanelStyle | None = None
        self.dirty = True
        """Set when the texts change (read and cleared by the panel's render cache)."""

    def set_replay(self, replay: Replay) -> None:
        """Texts for a replay."""
        self._replay = replay
        race = replay.race
        self.title.setText(clip_text(race.title, TITLE_CHARS))
        venue = clip_text((race.venue or "").split(",")[-1], PLACE_CHARS)
        parts = [distance_name(race.distance_m), venue, _date_text(race.date)]
        self.meta.setText("  ·  ".join(p for p in parts if p))
        self._refresh_matchup()

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts."""
        self._style = style
        self.title.setFont(style.font(1.45, bold=True))
        self.meta.setFont(style.font(0.85))
        self.matchup.setFont(style.font(0.95))
        self._layout.setSpacing(style.px(2))
        # Presentation scale: the venue line gives way to the numbers.
        self.meta.setVisible(not style.presentation)
        self._refresh_matchup()

    def _refresh_matchup(self) -> None:
        replay, style = self._replay, self._style
        if replay is None or style is None:
            return
        runner = replay.athletes[replay.focus]
        code = html.escape(clip_text(runner.country or "", 12))
        country = f" <span style='color:{style.theme.text_muted}'>{code}</span>"
        name = html.escape(clip_text(runner.name, NAME_CHARS))
        text = f"<span style='color:{runner.colour}'>●</span> <b>{name}</b>"
        text += country if runner.country else ""
        race = replay.race
        if race.target is not None and race.target_time_s is not None:
            text += (
                f" <span style='color:{style.theme.text_muted}'>&nbsp;vs&nbsp;</span> "
                f"<span style='color:{race.target.colour}'>●</span> "
                f"{html.escape(clip_text(race.target.label, NAME_CHARS))} "
                f"<b>{format_time(race.target_time_s)}</b>"
            )
        self.matchup.setText(text)
        self.dirty = True
