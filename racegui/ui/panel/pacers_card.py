"""Pacers section: "Pacers running 5 / 13", a dot per pacer, the dropout strip and feed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from racegui.ui.panel.card import Card
from racegui.ui.panel.data import PanelData
from racegui.ui.panel.dropout_feed import DropoutFeed
from racegui.ui.panel.pacer_key import PacerKey
from racegui.ui.panel.pacer_pips import PacerPips
from racegui.ui.panel.style import PanelStyle
from racegui.ui.panel.timeline_strip import TimelineStrip

FEED_ROWS = 3
"""Dropout rows always in view whole (the newest); more scroll (in the window) or are counted
in "+ N more" (exports)."""


class PacersCard(Card):
    """How many pacers still run, and who stepped off when and where."""

    seek_requested = Signal(float)
    """Race time (s) of a clicked dropout or strip position."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Pacers running", parent)
        self.key = PacerKey()
        """What each pacer colour stands for, at the right of the title row (none when the
        pacers are all one colour)."""
        self.add_title_widget(self.key)
        self.count_label = QLabel("0 / 0")
        self.pips = PacerPips()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.pips, 1)
        self.strip = TimelineStrip()
        self.feed_title = QLabel("STEPPED OFF")
        self.feed_title.setProperty("role", "title")
        self.feed = DropoutFeed()
        self.body.addLayout(top)
        self.body.addWidget(self.strip)
        self.body.addWidget(self.feed_title)
        self.body.addWidget(self.feed, 1)
        self.strip.seek_requested.connect(self.seek_requested)
        self.feed.seek_requested.connect(self.seek_requested)
        self._data: PanelData | None = None
        self._style: PanelStyle | None = None
        self._running = -1
        self._feed_rows = FEED_ROWS

    def set_data(self, data: PanelData) -> None:
        """Pacers and dropouts of a replay."""
        self._data = data
        self.pips.set_colours(data.pacer_colours)
        self.key.set_pacers(data.pacer_names, data.pacer_colours)
        self.strip.set_data(data)
        self.feed.set_data(data)
        self._running = -1
        self.setVisible(data.n_pacers > 0)
        self._fit_feed()

    @property
    def feed_rows(self) -> int:
        """Dropout rows the feed keeps in view whole (FEED_ROWS unless a short window took
        some: see set_feed_rows)."""
        return self._feed_rows

    def set_feed_rows(self, rows: int) -> None:
        """Keep `rows` (at least 1) of the newest dropouts in view whole; the panel's last
        resort in a window too short for FEED_ROWS."""
        rows = max(1, rows)
        if rows != self._feed_rows:
            self._feed_rows = rows
            self._fit_feed()

    def set_static(self, on: bool) -> None:
        """For a picture or a video: the feed lists the rows that fit whole, then counts the
        rest in "+ N more", with no scroll bar (see DropoutFeed.set_fit)."""
        self.feed.set_fit(on)
        self._fit_feed()

    def _fit_feed(self) -> None:
        """Feed height floor: the newest feed_rows dropouts in whole rows (the pace chart, the
        spacing and the splits table's rows give way first), or the line saying none did."""
        style, data = self._style, self._data
        if style is None:
            return
        count = len(data.dropouts) if data is not None else 0
        rows = min(self._feed_rows, max(count, 1))
        # Presentation in the window keeps the text-based row height it was laid out with (a
        # row's own size hint can be a pixel taller at some scales, and the 768 px layout is
        # full); a fitted one (an export) keeps room for its "+ N more" line under the row,
        # but in presentation (see DropoutFeed.set_more_room).
        feed = self.feed
        feed.setMinimumHeight(
            rows * feed.row_height()
            if style.presentation and not feed.fitted
            else feed.fitted_height(rows, count)
        )

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts and colours."""
        super().apply_style(style)
        self.count_label.setFont(style.font(2.3, bold=True))
        self.feed_title.setFont(style.font(0.72, bold=True, spacing=12))
        self.pips.apply_style(style)
        self.key.apply_style(style)
        self.strip.apply_style(style)
        self.feed.apply_style(style)
        # Presentation keeps no line for "+ N more" under the newest dropout: the count and
        # the strip say how many, and the pace chart takes its height, as in the window.
        self.feed.set_more_room(not style.presentation)
        self._style = style
        self._fit_feed()

    def update_frame(self, t: float) -> None:
        """Count, dots, strip cursor and feed at race time t (s); touches only what changes."""
        data = self._data
        if data is None:
            return
        running = data.pacers_running(t)
        if running != self._running:
            self._running = running
            self.count_label.setText(f"{running} / {data.n_pacers}")
            self.pips.set_running(running)
            self.dirty = True
        self.strip.set_time(t)
        if self.feed.show_passed(data.dropouts_passed(t)):
            self.dirty = True

    def running_text(self) -> str:
        """The count as shown, e.g. "5 / 13"."""
        return self.count_label.text()
