"""Splits section: a Laps / 200 m / Timed toggle over one compact table, and while another
race is compared a "vs 2023" tab of her laps against it; click a row to jump there."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from racegui.model.replay import Replay
from racegui.ui.panel.card import Card
from racegui.ui.panel.compare_tab import (
    CompareModel,
    by_splits,
    compare_names,
    compare_rows,
    stand_in_texts,
)
from racegui.ui.panel.data import PanelData
from racegui.ui.panel.fit_table import FitTable, sized_rows
from racegui.ui.panel.splits_model import (
    SEGMENT_DELTA,
    SPLIT_FIELDS,
    TARGET_FIELD,
    SplitsModel,
    lap_rows,
    split_rows,
)
from racegui.ui.panel.style import PanelStyle

LAPS, SPLITS, TIMED, COMPARE = 0, 1, 2, 3
MODE_NAMES = {LAPS: "laps", SPLITS: "200m", TIMED: "timed"}
"""Each tab's name in settings and export options (the comparison tab, shown only while
another race is compared, has none: a race file never opens on it)."""
COMPARE_NAME = "compare"
"""mode_name while the comparison tab shows."""
DELTA_LAP, DELTA_SPLIT, DELTA_TOTAL = "Δ lap", "Δ split", "Δ total"
"""Delta headers: one lap (or split) against the target's over the same stretch; elapsed
against the target's elapsed."""
LAP_HEADERS = ("Lap", "Elapsed", "Lap time", "Target", DELTA_LAP)
LAP_TIPS = (
    "Lap number and the distance at its end: laps end at the finish line; a dot marks a "
    "published split",
    "Race time at the end of the lap: published at a dot, else read from the model between "
    "published splits (in italics)",
    "Time for this lap (in italics where an end is read from the model)",
    "The target's time for this lap",
    "This lap's time minus the target's (s): + is slower",
)
SPLIT_HEADERS = ("Dist", "Elapsed", "Split", "Target", DELTA_SPLIT, DELTA_TOTAL)
SPLIT_TIPS = (
    "Distance run (m); a dot marks a published split",
    "Race time at this distance: published at a dot, else read from the model between "
    "published splits (in italics)",
    "Time for the 200 m since the mark above, or the start (a 1500 m's first 100 m; in "
    "italics where an end is read from the model); a row between two marks (a published "
    "split, a mile's finish) has none",
    "The target's time for the same stretch",
    "This split's time minus the target's (s): + is slower",
    "Elapsed minus the target's elapsed (s), the gap so far: + is behind",
)
TIMED_TIPS = (
    "Distance run (m) of each split the race file gives: published, or timed by hand",
    "Race time at this distance, as the file gives it",
    "Time since the split above (or the gun), over whatever distance lies between",
    "The target's time over the same stretch",
    "This split's time minus the target's over the same stretch (s): + is slower",
    "Elapsed minus the target's elapsed (s), the gap so far: + is behind",
)
"""The Timed tab: the file's own splits, none read from the model (a coach's 400 m splits
of a 1500 m, whose laps end at the finish line, 300 m on, and are read from the model)."""
COMPARE_HEADERS = ("Lap", "Elapsed", "Other", "Gap", DELTA_LAP)
"""The comparison tab's headers; "Other" is replaced by the compared race's short tag."""
COMPARE_TAB_ROOM = "vs 12 May"
"""The widest the comparison tab's name is drawn (its width in the button's font): with the
other three tabs and the card's title, the row then fits the panel at its narrowest."""
COMPARE_TIPS = (
    LAP_TIPS[0],
    "Race time at the end of the lap (in italics where read from the model)",
    "The compared race's runner's time at the same line",
    "The time at the line minus the other runner's (s): + is behind",
    "The lap time minus the other runner's over the same lap (s): + is slower",
)
COMPARE_SPLIT_HEADERS = ("Dist", "Elapsed", "Other", "Gap", DELTA_SPLIT)
"""The comparison tab's headers where it compares published splits."""
COMPARE_SPLIT_TIPS = (
    "Distance (m) of each split both race files publish for their runners, and the finish; "
    "a dot marks times both published",
    "Race time at this distance, as the race file gives it (in italics where read from the model)",
    "The compared race's runner's time at the same distance, as that race's file gives it",
    "The time at the split minus the other runner's (s): + is behind",
    "This split's time minus the other runner's over the same stretch (s): + is slower",
)
MAX_FIXED_ROWS = 6
"""Most lap rows kept in view at presentation scale (a mile has 5, 2000 m 6); more scroll."""


LEGEND = ("italics: estimated", "italics: est.")
"""Said beside the card's title while the table shown has figures read from the model between
published splits (a coach had quoted such a lap time as his watch's); the short form where
the title row has no room for the long one (presentation, with three tabs)."""


class _WholeLabel(QLabel):
    """A label drawn only with a whole text: the first of `texts` that fits (shorter ones
    after it); in a title row with room for none it gives way."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        super().__init__(texts[0])
        self._texts = texts

    @property
    def texts(self) -> tuple[str, ...]:
        return self._texts

    def set_texts(self, texts: tuple[str, ...]) -> None:
        """Draw the first of these that fits (none: nothing)."""
        self._texts = texts
        self.setText(texts[0] if texts else "")

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(0, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text drawn at the label's width now ("" if none fits)."""
        room = self.contentsRect().width()
        fm = self.fontMetrics()
        return next((t for t in self._texts if fm.horizontalAdvance(t) <= room), "")

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        text = self.shown_text()
        if text == self.text():
            super().paintEvent(event)
        elif text:
            painter = QPainter(self)
            self.style().drawItemText(
                painter,
                self.contentsRect(),
                int(self.alignment()),
                self.palette(),
                self.isEnabled(),
                text,
                self.foregroundRole(),
            )


class SplitsTable(Card):
    """Lap table and 200 m split table of the focus runner against the target."""

    seek_requested = Signal(float)
    """Race time (s) at the end of a clicked row."""
    rows_changed = Signal()
    """The table shows another number of rows (the other tab): its height may change."""
    mode_changed = Signal(int)
    """Another tab shows: LAPS, SPLITS or TIMED (chosen, or Laps for a runner without the
    Timed tab's splits)."""
    mode_chosen = Signal(int)
    """The user (or set_mode) chose a tab: the one a race file opens on (not the fallback
    to Laps of a runner without splits, which had overwritten the file's Timed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Splits", parent)
        self.laps_model = SplitsModel(LAP_HEADERS, LAP_TIPS, self)
        self.splits_model = SplitsModel(SPLIT_HEADERS, SPLIT_TIPS, self, SPLIT_FIELDS)
        self.timed_model = SplitsModel(SPLIT_HEADERS, TIMED_TIPS, self, SPLIT_FIELDS)
        self.compare_model = CompareModel(COMPARE_HEADERS, COMPARE_TIPS, self)
        self.view = FitTable()
        v = self.view
        v.setModel(self.laps_model)
        v.verticalHeader().hide()
        v.setShowGrid(False)
        v.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        v.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        v.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        v.setCursor(Qt.CursorShape.PointingHandCursor)
        v.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        v.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        v.horizontalHeader().setHighlightSections(False)
        v.clicked.connect(self._on_row_clicked)
        self.buttons = QButtonGroup(self)
        tabs = ((LAPS, "Laps"), (SPLITS, "200 m"), (TIMED, "Timed"), (COMPARE, "vs"))
        for mode, text in tabs:
            b = QPushButton(text)
            b.setObjectName("segment")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys 1, 2, 3 (View > Splits table)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            self.buttons.addButton(b, mode)
            self.add_title_widget(b)
        self.legend = _WholeLabel(LEGEND)
        self.legend.setProperty("role", "muted")
        self.legend.setToolTip(
            "Figures in italics are estimates, read from the model between published splits "
            "(a dot marks a published split); the others are published"
        )
        self.title_row.insertWidget(1, self.legend, 1)
        self.buttons.button(LAPS).setChecked(True)
        self.buttons.button(COMPARE).hide()  # shown while another race is compared
        self.buttons.idClicked.connect(self._on_mode_clicked)
        self.body.addWidget(v)
        self.compare_note = _WholeLabel(("",))
        """Under the comparison tab, where her runner is not in the race compared: whom it
        compares instead (compare_tab.stand_in_texts)."""
        self.compare_note.setProperty("role", "muted")
        self.compare_note.hide()
        self.body.addWidget(self.compare_note)
        self._data: PanelData | None = None
        self._compare: Replay | None = None
        """The race compared (set_compare), None: no comparison tab."""
        self._compare_s = np.empty(0)
        """Her times (s) at the ends of the comparison tab's own rows: rows reached by a time."""
        self._chosen = LAPS
        """The tab last chosen other than the comparison's: shown again when it goes."""
        self._compare_tab: tuple[str, str] = ("", "")
        """The comparison tab's name ("vs Kipyegon") and without "vs " ("Kipyegon"): the
        first that fits COMPARE_TAB_ROOM is drawn, else the second cut to fit."""
        self._style: PanelStyle | None = None
        self._label_width = 64
        self._split_label_width = 64
        """The first column's width (px) in the split tabs (see _fit_label_column)."""
        self._time_widths: dict[int, int] = {}
        self._advances: dict[tuple[str, str], int] = {}
        """Width (px) of a text in a font, by (font, text): a file of 1,000 splits an athlete
        had the widths of its 4,000 figures measured 39 times over while the panel was
        fitted (2.5 s of the 6 s its window took to show it)."""
        """Least width (px) of each time column (see _least_time_widths)."""
        self._scroll_pending = False
        """The current row is not in view yet (the table had no size when asked to show it)."""
        self._following = True
        """The table keeps the current row in view as the race runs; False once the user
        scrolls it out of view (wheel, scroll bar, keys), until it is in view again."""
        self._static = False
        """Drawn for a picture or a video (see set_static)."""
        self._note_room = True
        """The panel has room for the comparison's note (see set_note_room)."""
        v.resized = self._on_view_resized
        v.verticalScrollBar().actionTriggered.connect(self._on_scroll_bar_action_triggered)

    def set_data(self, data: PanelData) -> None:
        """Rows for a replay."""
        self._data = data
        self._following = True
        # A runner who did not finish: until she stops, her tables read as a finisher's (to
        # the finish); her own, ending at "DNF 2200", from when she stops.
        # Disqualified after finishing: her finish row says "DQ · 3000 m" once she has
        # finished; until then her rows unmarked (as the ahead rows of a DNF).
        replay = data.replay
        mark = replay.athletes[replay.focus].end_mark  # "DNF", or "DQ"
        dq = mark == "DQ" and not replay.focus_dnf
        race_m = replay.race.distance_m
        stop_m = replay.focus_stop_m if replay.focus_dnf else None
        laps_ahead = data.laps if dq else data.laps_ahead
        splits_ahead = data.splits if dq else data.splits_ahead
        timed_ahead = data.timed if dq else data.timed_ahead
        self.laps_model.set_rows(lap_rows(data.laps, mark, dq), lap_rows(laps_ahead))
        self.splits_model.set_rows(
            split_rows(data.splits, race_m, stop_m, mark, dq), split_rows(splits_ahead, race_m)
        )
        self.timed_model.set_rows(
            split_rows(data.timed, race_m, stop_m, mark, dq), split_rows(timed_ahead, race_m)
        )
        self.buttons.button(TIMED).setVisible(bool(data.timed))  # none for an even pace
        if not data.timed and self.mode == TIMED:
            self._fall_back_to_laps()
        self._set_compare_rows()
        self._fit_label_column()
        self._show_legend()
        self.view.updateGeometry()

    def _show_legend(self) -> None:
        """The legend while the table shown has figures read from the model."""
        model = self.view.model()
        self.legend.setVisible(isinstance(model, SplitsModel) and model.has_estimates)

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts, colours and row heights."""
        super().apply_style(style)
        for m in self._models():
            m.set_style(style)
        for b in self.buttons.buttons():
            b.setFont(style.font(0.8, bold=True))
        self._name_compare_button()
        legend = style.font(0.78)
        self.compare_note.setFont(legend)
        legend.setItalic(True)
        self.legend.setFont(legend)
        v = self.view
        presentation = style.presentation
        v.verticalHeader().setDefaultSectionSize(style.table_row_px)
        hh = v.horizontalHeader()
        hh.setFont(style.font(0.78, bold=True))
        hh.setFixedHeight(style.gap(24, 22))
        self._style = style
        self._fit_label_column()
        v.setIconSize(QSize(style.px(7), style.px(7)))
        v.ring.set_colour(style.theme.text)
        # Presentation: every lap row (up to MAX_FIXED_ROWS), in both tabs; the rest scrolls.
        v.sized_for = self.laps_model if presentation else None
        v.max_rows = MAX_FIXED_ROWS if presentation else 99
        v.updateGeometry()

    def _models(self) -> tuple[SplitsModel, ...]:
        """The tabs' models, in mode order (LAPS, SPLITS, TIMED, COMPARE)."""
        return (self.laps_model, self.splits_model, self.timed_model, self.compare_model)

    def set_compare(self, other: Replay | None) -> None:
        """Offer a tab of her laps against `other`'s runner (None: none), and show it; the
        tab chosen before comes back when the comparison is cleared."""
        self._compare = other
        self._set_compare_rows()
        self._fit_label_column()
        if other is not None:
            self.buttons.button(COMPARE).setChecked(True)
            if not self._show_mode(COMPARE):  # another race's rows in the tab shown
                self.view.updateGeometry()
                self._scroll_to_current()
                self.rows_changed.emit()
        elif self.mode == COMPARE:
            self.set_mode(self._chosen)
        self.dirty = True

    def _set_compare_rows(self) -> None:
        """The comparison tab's rows, name and button for the race compared (none: hidden;
        a comparison of another distance, which the window refuses, has no rows either)."""
        data, other = self._data, self._compare
        button = self.buttons.button(COMPARE)
        model = self.compare_model
        if data is None or other is None:
            model.set_rows([])
            self._compare_s = np.empty(0)
            button.hide()
            self.compare_note.set_texts(())
            self._show_compare_note()
            return
        shown = data.replay
        ahead = compare_rows(shown, other, whole_race=True) if shown.focus_dnf else None
        rows = compare_rows(shown, other)
        model.set_rows(rows, ahead)
        self._compare_s = np.array([row.time_s for row in rows], dtype=float)
        names = compare_names(shown, other)
        headers, tips = COMPARE_HEADERS, COMPARE_TIPS
        if by_splits(rows):
            headers, tips = COMPARE_SPLIT_HEADERS, COMPARE_SPLIT_TIPS
        model.set_headers(headers[:2] + (names.column,) + headers[3:], tips)
        self._compare_tab = (names.tab, names.short_tab)
        self._name_compare_button()
        button.setToolTip(names.tip)
        button.show()
        texts = stand_in_texts(shown, other)
        self.compare_note.set_texts(texts)
        self.compare_note.setToolTip(texts[0] if texts else "")
        self._show_compare_note()

    def set_note_room(self, on: bool) -> None:
        """Whether the comparison's note may show (under its tab): off is the panel's last
        resort in a picture too short for every card, before the card under it is cut (the
        tab and the track's ghost tag name the runner compared too)."""
        if on != self._note_room:
            self._note_room = on
            self._show_compare_note()

    def _show_compare_note(self) -> None:
        """The comparison's note while its tab shows and it has one (and room)."""
        on = self._note_room and self.mode == COMPARE and bool(self.compare_note.texts)
        if on != self.compare_note.isVisibleTo(self):
            self.compare_note.setVisible(on)
            self.dirty = True

    def _name_compare_button(self) -> None:
        """The comparison tab's name where it fits COMPARE_TAB_ROOM in the button's font,
        else without "vs ", cut to fit if need be ("vs Tsegay-Ge…" had pushed the card out
        of the narrowest panel)."""
        button = self.buttons.button(COMPARE)
        fm = QFontMetrics(button.font())
        room = fm.horizontalAdvance(COMPARE_TAB_ROOM)
        whole, short = self._compare_tab
        text = next((t for t in (whole, short) if fm.horizontalAdvance(t) <= room), None)
        button.setText(text or fm.elidedText(short, Qt.TextElideMode.ElideRight, room))

    @property
    def compare_available(self) -> bool:
        """Whether the comparison tab is offered (another race is compared)."""
        return self.compare_model.rowCount() > 0

    def row_count(self) -> int:
        """Rows the table shown (laps, 200 m or timed splits) is sized for: all its rows, or
        for a runner who did not finish, her table's before she stops, after it too (see
        SplitsModel.sized_rows)."""
        return sized_rows(self.view.model())

    @property
    def laps_rows(self) -> int:
        """Rows the lap table is sized for (see row_count), whichever tab is shown."""
        return sized_rows(self.laps_model)

    def set_fit_rows(self, rows: int | None) -> None:
        """Keep exactly `rows` whole rows in view (the rest scrolls, the current row
        centred), or None: the table's own sizing (see FitTable.fit_rows)."""
        if rows != self.view.fit_rows:
            self.view.fit_rows = rows
            self.view.updateGeometry()
            self.dirty = True

    def set_static(self, on: bool) -> None:
        """For a picture or a video (exports): no scroll bar, and the rows in view are the
        latest laps, ending at the current one (nothing can be scrolled there)."""
        self._static = bool(on)
        self._following = True
        # Nothing to scroll in a picture: no Tab stop, so no focus ring in one either.
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus if on else Qt.FocusPolicy.TabFocus)
        if on:
            self.view.clearFocus()
        self.view.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self._scroll_to_current()
        self.dirty = True

    @property
    def mode(self) -> int:
        """LAPS, SPLITS or TIMED."""
        return self.buttons.checkedId()

    def set_mode(self, mode: int) -> None:
        """Show the lap table (LAPS), the 200 m table (SPLITS) or the file's splits (TIMED,
        if it has any: else the laps)."""
        if mode == TIMED and not self.timed_model.rowCount():
            self._fall_back_to_laps()
            return
        if mode == COMPARE and not self.compare_available:
            self.set_mode(self._chosen)
            return
        self.buttons.button(mode).setChecked(True)
        self._on_mode_clicked(mode)

    def _fall_back_to_laps(self) -> None:
        """Show the laps where the Timed tab has no rows (a runner without splits), the
        file's chosen tab unchanged (mode_changed, not mode_chosen)."""
        self.buttons.button(LAPS).setChecked(True)
        self._show_mode(LAPS)

    @property
    def timed_available(self) -> bool:
        """Whether the Timed tab has rows (the file gives the runner's own splits)."""
        return self.timed_model.rowCount() > 0

    @property
    def mode_name(self) -> str:
        """The tab shown, by name: "laps", "200m" or "timed" (MODE_NAMES), or "compare"."""
        return MODE_NAMES.get(self.mode, COMPARE_NAME)

    def set_mode_name(self, name: str) -> None:
        """Show the tab named `name` ("200m", "timed", "compare" while another race is
        compared, else the tab chosen before; the laps for any other name)."""
        modes = {v: k for k, v in MODE_NAMES.items()} | {COMPARE_NAME: COMPARE}
        self.set_mode(modes.get(name, LAPS))

    def update_frame(self, t: float) -> None:
        """Mark rows reached at time t (s); cells refresh only when that changes."""
        data = self._data
        if data is None:
            return
        # A runner who did not finish: her tables lose their rows ahead as she stops, or
        # get them back on a seek before it; the table keeps its height (sized_rows), so
        # no card moves and the panel needs no new fit.
        changed = self.laps_model.set_reached(data.laps_done(t))
        changed = self.splits_model.set_reached(data.splits_done(t)) or changed
        changed = self.timed_model.set_reached(data.timed_done(t)) or changed
        if self._compare is not None:  # her splits or laps, reached as she reaches them
            done = int(np.searchsorted(self._compare_s, t, side="right"))
            changed = self.compare_model.set_reached(done) or changed
        if changed:
            self.dirty = True
        if changed or self._scroll_pending:
            self._scroll_to_current()

    def _on_mode_clicked(self, mode: int) -> None:
        if self._show_mode(mode) and mode != COMPARE:  # no race file opens on a comparison
            self._chosen = mode
            self.mode_chosen.emit(mode)

    def _show_mode(self, mode: int) -> bool:
        """Show the tab `mode`; whether it was another (mode_changed)."""
        model = self._models()[mode]
        if self.view.model() is not model:
            self.dirty = True
            self._following = True  # another tab opens on its current row
            self.view.setModel(model)
            self._show_legend()
            self._show_compare_note()
            self._setup_header()
            self.view.updateGeometry()
            self._scroll_to_current()
            self.rows_changed.emit()
            self.mode_changed.emit(mode)
            return True
        return False

    def _fit_label_column(self) -> None:
        """First column as wide as its widest label in either tab (bold when current, after
        a published split's dot), so the tabs keep the same columns; where the full lap
        labels ("Start · 300 m") would squeeze the times, the short ones ("to 300 m") without
        the laps' dots. The split tabs, with a column more (Δ split), have their first
        column as wide as their own labels ("Finish")."""
        style = self._style
        if style is None:
            return
        font = style.font(0.95, bold=True)
        fm = QFontMetrics(font)
        margin = style.px(12)

        def width(labels: list[str], extra: int = 0) -> int:
            return (self._widest(font, labels) + extra if labels else 0) + margin

        dot = style.px(7) + style.px(4)  # a published split's dot and its gap
        splits = max(
            width(self.splits_model.labels(every=True), dot),
            width(self.timed_model.labels(every=True), dot),
        )
        full = max(width(self.laps_model.labels(every=True), dot), splits, style.px(64))
        self._time_widths = self._least_time_widths(style)
        equal = (len(LAP_HEADERS) - 1) * (fm.horizontalAdvance("8:88.88") + style.px(8))
        times = max(equal, sum(self._time_widths[f] for f in range(1, len(LAP_HEADERS))))
        room = self.view.viewport().width()
        compact = 0 < room < full + times
        self.laps_model.set_compact(compact)
        self.compare_model.set_compact(compact)  # the same lap labels
        short = max(width(self.laps_model.labels(compact=True, every=True)), splits, style.px(64))
        self._label_width = short if compact else full
        self._split_label_width = max(splits, style.px(64))
        self._setup_header()

    def _least_time_widths(self, style: PanelStyle) -> dict[int, int]:
        """Width (px) each time column needs, by Row field (1 elapsed .. 5 segment delta):
        its widest figure in any tab, bold and in italics (the row being run, an
        estimate), and its headers, with a margin."""
        font = style.font(0.95, bold=True)
        font.setItalic(True)
        head = QFontMetrics(style.font(0.78, bold=True))
        margin = style.px(8)
        widths = {}
        for f in (*range(1, len(LAP_HEADERS)), SEGMENT_DELTA):
            texts = [t for m in self._models() for t in m.field_texts(f, every=True)]
            headers = [m.field_header(f) for m in self._models()]
            w = max(self._widest(font, texts), max(head.horizontalAdvance(h) for h in headers))
            widths[f] = w + margin
        return widths

    def _widest(self, font: QFont, texts: list[str]) -> int:
        """Width (px) of the widest of texts in font (0 for none), each text measured once
        per font (see _advances)."""
        key = font.toString()
        known = self._advances
        metrics: QFontMetrics | None = None
        widest = 0
        for text in texts:
            w = known.get((key, text))
            if w is None:
                metrics = metrics or QFontMetrics(font)
                w = known[(key, text)] = metrics.horizontalAdvance(text)
            widest = max(widest, w)
        return widest

    def _setup_header(self) -> None:
        """The label column at its width; the time columns share the rest equally where
        every figure fits its share (a mile's), else each gets its least width and an equal
        part of what is left (a 10,000 m's "29:30.00" beside a "+0.13"). A split tab whose
        six columns do not fit (the narrowest panel) hides its Target column: Δ split says
        how the split went against it."""
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        model = self.view.model()
        fields = model.fields[1:] if isinstance(model, SplitsModel) else ()
        label = self._split_label_width if SEGMENT_DELTA in fields else self._label_width
        hh.resizeSection(0, label)
        room = self.view.viewport().width() - label
        hide = SEGMENT_DELTA in fields and sum(self._time_widths.get(f, 0) for f in fields) > room
        for c, f in enumerate(fields, start=1):
            self.view.setColumnHidden(c, hide and f == TARGET_FIELD)
        shown = [f for f in fields if not (hide and f == TARGET_FIELD)]
        need = [self._time_widths[f] for f in shown if f in self._time_widths]
        if not need or room <= 0 or room // len(need) >= max(need):
            return
        spare = (room - sum(need)) / len(need)
        columns = [c for c, f in enumerate(fields, start=1) if f in shown]
        for c, w in zip(columns[:-1], need[:-1], strict=True):  # the last one stretches
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
            hh.resizeSection(c, max(1, int(w + spare)))

    def _scroll_to_current(self) -> None:
        """Centre the current row (after a new row is reached, the tab or the size changed),
        or in a static table end with it, or after the finish show the last rows; if the
        table is not laid out yet, try again at the next frame or resize. Where the user
        scrolled the current row out of view, the table stays where it is until the current
        row is in view again (scrolled back, or the race reaching the rows shown)."""
        view = self.view
        model = view.model()
        self._scroll_pending = False
        if not isinstance(model, SplitsModel) or model.rowCount() == 0:
            return
        row = self._shown_row(model)
        index = model.index(row, 0)
        view.doItemsLayout()  # a model just set has no row positions before its layout
        pitch = max(1, view.verticalHeader().defaultSectionSize())
        bar = view.verticalScrollBar()
        if not self._following:
            if not self._row_in_view(row, bar.value()):
                return
            self._following = True
        # Whole rows (a centred row left half rows above and below it): as many before the
        # current row as after it, or one more before (rows run are of more use than rows to
        # come), from the first row to the last. A static table (an export, which cannot be
        # scrolled) shows only rows run before it: the latest laps.
        visible = max(1, view.viewport().height() // pitch)
        before = visible - 1 if self._static else visible // 2
        top = max(0, min(row - before, model.rowCount() - visible))
        bar.setValue(top * pitch)
        shown = view.viewport().rect().contains(view.visualRect(index))
        self._scroll_pending = not shown and view.viewport().height() > 0

    @staticmethod
    def _shown_row(model: SplitsModel) -> int:
        """The row kept in view: the current one, or after the finish the last (it had gone
        to the top, the first)."""
        row = model.current_row()
        return model.rowCount() - 1 if row is None else row

    def _row_in_view(self, row: int, top_px: int) -> bool:
        """Whether `row` is drawn whole with the table scrolled to `top_px` (px)."""
        view = self.view
        pitch = max(1, view.verticalHeader().defaultSectionSize())
        return top_px <= row * pitch and (row + 1) * pitch <= top_px + view.viewport().height()

    @property
    def following(self) -> bool:
        """Whether the table keeps the current row in view as the race runs (False while
        the user has scrolled it out of view)."""
        return self._following

    def _on_scroll_bar_action_triggered(self, _action: int) -> None:
        """The user scrolled (wheel, scroll bar or keys): the table follows the race again
        only while the current row stays in view. The bar's position is already the new one
        (its value not yet)."""
        model = self.view.model()
        if self._static or not isinstance(model, SplitsModel) or model.rowCount() == 0:
            return
        top = self.view.verticalScrollBar().sliderPosition()
        self._following = self._row_in_view(self._shown_row(model), top)

    def _on_view_resized(self) -> None:
        self._fit_label_column()
        self._scroll_to_current()

    def _on_row_clicked(self, index: QModelIndex) -> None:
        model = self.view.model()
        if isinstance(model, SplitsModel) and index.isValid():
            t = model.row_time(index.row())
            if t == t:
                self.seek_requested.emit(float(t))
