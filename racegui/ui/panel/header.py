"""Panel header: race title, where and when, and who chases what."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from racegui.model.dates import iso_day, short_date
from racegui.model.replay import Replay
from racegui.model.timefmt import format_time, label_names_time
from racegui.ui.panel.style import PanelStyle
from racegui.ui.runner_accent import ghost_mark
from racegui.ui.text_fit import NAME_CHARS, PLACE_CHARS, TITLE_CHARS, clip_text, let_narrow

MILE_M = 1609.344


def distance_name(metres: float) -> str:
    """ "Mile" for 1609.344 m, else "1500 m"."""
    return "Mile" if abs(metres - MILE_M) < 0.01 else f"{metres:.0f} m"


def _date_text(iso: str | None) -> str:
    day = iso_day(iso)
    return short_date(day) if day is not None else iso or ""


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
        self._title = ""
        self.dirty = True
        """Set when the texts change (read and cleared by the panel's render cache)."""

    def set_replay(self, replay: Replay) -> None:
        """Texts for a replay."""
        self._replay = replay
        race = replay.race
        self._title = clip_text(race.title, TITLE_CHARS)
        self.title.setText(self._title)
        venue = clip_text((race.venue or "").split(",")[-1], PLACE_CHARS)
        parts = [distance_name(race.distance_m), venue, _date_text(race.date)]
        self.meta.setText("  ·  ".join(p for p in parts if p))
        self._refresh_title()
        self._refresh_matchup()

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts."""
        self._style = style
        self.title.setFont(style.font(1.45, bold=True))
        self.meta.setFont(style.font(0.85))
        self.matchup.setFont(style.font(0.95))
        self._layout.setSpacing(style.gap(2, 1))
        # Presentation scale or a short window: the venue line (also under the track's
        # title) gives way to the numbers.
        self.meta.setVisible(style.secondary_lines)
        self._refresh_title()
        self._refresh_matchup()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._refresh_title()  # the title and the matchup are shortened to fit the new width
        self._refresh_matchup()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._refresh_title()  # a resize before the first show found no width to fit
        self._refresh_matchup()

    def _refresh_title(self) -> None:
        """The race's title in at most TITLE_LINES lines, cut with "…" where it needs more
        (the whole title on hover): a 120-character title took four lines and the lap table
        gave up rows for it; a word wider than the panel was cut off mid-letter."""
        style = self._style
        room = self.contentsRect().width() if self.isVisible() else 0
        text = self._title
        if style is not None and room > 0 and not _fits_lines(text, style, room):
            lo, hi = 0, len(text)  # the longest start of the title that fits, with "…"
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if _fits_lines(text[:mid].rstrip() + "…", style, room):
                    lo = mid
                else:
                    hi = mid - 1
            text = text[:lo].rstrip() + "…"
        self.title.setToolTip(self._title if text != self._title else "")
        if text != self.title.text():
            self.title.setText(text)
            self.dirty = True

    def _refresh_matchup(self) -> None:
        """ "● Runner KEN  vs  ● Target 4:00.00" on one line: without the country code, then
        with the runner's name and the target's label cut short (each keeps at least half the
        room the two have, if it needs it), where the full line would wrap."""
        replay, style = self._replay, self._style
        if replay is None or style is None:
            return
        runner = replay.athletes[replay.focus]
        race = replay.race
        name = clip_text(runner.name, NAME_CHARS)
        label, time = "", ""
        if race.target is not None and race.target_time_s is not None:
            label = clip_text(race.target.label, NAME_CHARS)
            if not label_names_time(label, race.target_time_s):
                time = format_time(race.target_time_s)

        def line(code: str, runner_name: str, target_label: str) -> str:
            return _matchup_html(replay, style, code, runner_name, target_label, time)

        font = style.font(0.95)
        # Not shown yet: no width to fit (showEvent fits it).
        room = self.contentsRect().width() if self.isVisible() else 0
        text = line(runner.country or "", name, label)
        if room > 0 and _html_width(text, font) > room:
            text = line("", name, label)
            excess = _html_width(text, font) - room
            if excess > 0:
                text = line("", *_share_names(name, label, excess, style))
        if text != self.matchup.text():
            self.matchup.setText(text)
            self.dirty = True


TITLE_LINES = 2
"""Most lines the panel's race title takes."""


def _fits_lines(text: str, style: PanelStyle, width: int) -> bool:
    """Whether `text`, word-wrapped in the title's font at `width` px, takes at most
    TITLE_LINES lines and no word is wider than that."""
    metrics = QFontMetrics(style.font(1.45, bold=True))
    box = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
    return box.width() <= width and box.height() < (TITLE_LINES + 0.5) * metrics.lineSpacing()


def _share_names(name: str, label: str, excess: float, style: PanelStyle) -> tuple[str, str]:
    """The runner's name (bold) and the target's label cut with "…" to be `excess` px
    narrower together: the longer gives way first, neither below half the room left (a long
    name had left the target "Su…")."""
    bold, plain = QFontMetrics(style.font(0.95, bold=True)), QFontMetrics(style.font(0.95))
    name_w, label_w = bold.horizontalAdvance(name), plain.horizontalAdvance(label)
    room = name_w + label_w - math.ceil(excess)
    name_keep = min(name_w, max(room / 2, room - label_w))
    label_keep = room - name_keep
    mode = Qt.TextElideMode.ElideRight
    cut_name = name if name_keep >= name_w else bold.elidedText(name, mode, int(name_keep))
    cut_label = label if label_keep >= label_w else plain.elidedText(label, mode, int(label_keep))
    return cut_name or "…", (cut_label or "…") if label else ""


def _matchup_html(
    replay: Replay, style: PanelStyle, code: str, name: str, label: str, time: str
) -> str:
    """The matchup as rich text; no target part when the race has no target."""
    muted = style.theme.text_muted
    runner = replay.athletes[replay.focus]
    text = f"<span style='color:{runner.colour}'>●</span> <b>{html.escape(name)}</b>"
    if code:
        text += f" <span style='color:{muted}'>{html.escape(clip_text(code, 12))}</span>"
    target = replay.race.target
    if target is not None and replay.race.target_time_s is not None:
        text += (
            f" <span style='color:{muted}'>&nbsp;vs&nbsp;</span> "
            f"<span style='color:{ghost_mark(target.colour, style.theme).name()}'>●</span> "
            f"{html.escape(label)}"
        )
        text += f" <b>{time}</b>" if time else ""
    return text


def _html_width(text: str, font: QFont) -> float:
    """Width (px) of rich text laid out on one line in `font`."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setHtml(text)
    return doc.idealWidth()
