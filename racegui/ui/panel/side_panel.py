"""The replay window's side panel: header, live gap, field, pace chart, splits and pacers.

Everything is computed once per replay (PanelData); update_frame(t) only looks values up and
touches a widget when what it shows changes, so it is cheap enough to run every frame.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from racegui.model.replay import RaceState, Replay
from racegui.ui.panel.card import Card
from racegui.ui.panel.data import PanelData
from racegui.ui.panel.field_card import FIELD_LEAST_ROWS, FIELD_ROWS, FieldCard
from racegui.ui.panel.gap_readout import GapReadout
from racegui.ui.panel.header import RaceHeader
from racegui.ui.panel.lap_split import LapSplit
from racegui.ui.panel.live_text import LiveText
from racegui.ui.panel.pace_chart import PaceChart
from racegui.ui.panel.pacers_card import FEED_ROWS, PacersCard
from racegui.ui.panel.render_cache import PanelRenderCache, Part
from racegui.ui.panel.section_grid import COLUMNS, FIELD_COLUMN, ROWS, SectionGrid
from racegui.ui.panel.splits_table import SplitsTable
from racegui.ui.panel.style import PanelStyle
from racegui.ui.runner_accent import runner_colour
from racegui.ui.theme import Theme

MIN_WIDTH_PX = 380
"""Narrowest the panel gets at scale 1.0 (pixels)."""
MIN_SPLITS_ROWS = 2
"""Fewest splits rows kept in view when the panel fits a short window (the current row and
the one before it)."""
SPLITS_KEPT_ROWS = 6
"""Splits rows kept in view (the current lap and the rows around it: every lap of a mile)
before, in a short window, the field card gives up rows and, in one column, the pace chart
gets shorter; then the splits give way down to MIN_SPLITS_ROWS."""
CHART_MIN_PX = 120
"""The pace chart's least height (px at scale 1.0) beside the track."""
ALIGN_SLACK_ROWS = 2
"""Most a card is stretched (in splits rows' height) to line up with its neighbour in two
columns; more reads as an empty box (see _fit_two_columns)."""
CHART_LEAST_PX = 80
"""The pace chart's least height (px at scale 1.0) when the panel would scroll otherwise:
the last thing that gives way in a short window."""
PRESENTATION_CHART_MIN_PX = 90
"""The pace chart's least height (px at scale 1) in presentation mode, where it takes the
panel's spare height (see SectionGrid.place)."""
PRESENTATION_FEED_ROWS = 1
"""Dropout rows kept whole in presentation mode: the newest (the timeline strip above marks
every dropout); the height of the two more it had kept goes to the pace chart."""


class SidePanel(QWidget):
    """Side panel for one replay; drive it with update_frame(t) from the window's timer."""

    seek_requested = Signal(float)
    """The user clicked something that has a race time (s): a dropout, split row or chart."""

    def __init__(self, replay: Replay, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._style = PanelStyle(theme, 1.0, runner=runner_colour(replay))
        self._t = math.nan
        self.header = RaceHeader()
        self.gap = GapReadout()
        self.pace_card = Card("Pace  ·  seconds per 400 m")
        self.chart = PaceChart()
        self.faster_label = QLabel("▲ faster")
        self.faster_label.setProperty("role", "muted")
        self.pace_card.add_title_widget(self.faster_label)
        self.lap_split = LapSplit()
        self.pace_card.body.addWidget(self.chart, 1)
        self.pace_card.body.addWidget(self.lap_split)
        self.splits = SplitsTable()
        self.pacers = PacersCard()
        self._content = QWidget()
        self._content.setObjectName("panelContent")
        self.field = FieldCard(self._content)
        self.field.hide()  # placed in the grid only for a race of two or more runners
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # an invisible Tab stop otherwise
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._scroll.setWidget(self._content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)
        self._scroll.installEventFilter(self)
        self._layout = QGridLayout(self._content)
        self._columns = 0
        self._grid = SectionGrid(
            self._layout,
            self.header,
            self.gap,
            self.pace_card,
            self.splits,
            self.pacers,
            self.field,
        )
        self._arrangement = ROWS
        """How two columns are arranged (see section_grid)."""
        self._static = False
        """Drawn for a picture or a video (see set_static)."""
        for section in (self.chart, self.splits, self.pacers):
            section.seek_requested.connect(self._on_section_seek_requested)
        self._render_cache = PanelRenderCache(self, self._viewport_rect)
        self._fitting = False
        """In _fit_height (which restyles the panel: no second fit from _apply_style)."""
        self._refit = False
        """The panel was resized during a fit (by the layout work it does): fit again."""
        self._compact_saving: dict[int, int] = {}
        """Height (px) the compact layout saved when the panel last went compact, by the
        number of splits rows (the tabs have 5 and 9 for a mile; each compact row is shorter,
        so the saving differs): the usual layout is tried again where the compact one plus
        this fits, or where it is not known (restyling costs tens of ms, too much for every
        resize)."""
        self.splits.rows_changed.connect(self._fit_height)
        self.set_columns(1)
        self._data = PanelData.build(replay)
        self._set_data(self._data)
        self._apply_style()

    # --- public API ---------------------------------------------------------------------------
    @property
    def replay(self) -> Replay:
        return self._data.replay

    @property
    def data(self) -> PanelData:
        """Everything precomputed for the current replay."""
        return self._data

    def update_frame(self, t: float, state: RaceState | None = None) -> None:
        """Show race time t (s). Pass `state` (replay.state_at(t)) to reuse the window's state.

        Cheap: binary searches and text compares; a widget is touched only when what it shows
        changes. Calling it again with the same t does nothing.
        """
        if t == self._t:
            return
        self._t = t
        frame = self._data.frame(t, state)
        self.gap.update_frame(frame)
        self.chart.update_frame(frame)
        self.lap_split.update_frame(frame)
        self.splits.update_frame(t)
        self.pacers.update_frame(t)
        self.field.update_frame(t, state)

    def set_replay(self, replay: Replay) -> None:
        """Rebuild every section for a new race (runs the analysis once) and show t = 0."""
        self._data = PanelData.build(replay)
        self._set_data(self._data)
        self._compact_saving = {}
        runner = runner_colour(replay)
        if runner != self._style.runner:  # another runner followed: her colour
            least = self.minimumWidth()  # the scene's fixed width, which _apply_style resets
            self._style = dataclasses.replace(self._style, runner=runner)
            self._t = math.nan
            self._apply_style()  # shows t = 0 and fits the height
            self.setMinimumWidth(least)  # the same scale: the same column_min_width()
            return
        self._refresh(0.0)
        self._fit_height()

    def set_compare(self, other: Replay | None) -> None:
        """Offer her laps against another race's runner in the splits card (a "vs 2023" tab,
        shown now), or None: no comparison (the tab goes)."""
        self.splits.set_compare(other)
        self.splits.update_frame(self._t if not math.isnan(self._t) else 0.0)

    def set_theme(self, theme: Theme) -> None:
        """Switch colours and font family."""
        self._style = dataclasses.replace(self._style, theme=theme)
        self._compact_saving = {}
        self._apply_style()

    def set_scale(self, factor: float, presentation: bool = False) -> None:
        """Fonts and sizes x factor (1.0 normal). ``presentation`` lays the panel out for a
        big screen (presentation mode): every lap row, fewer secondary lines."""
        factor = max(0.5, float(factor))
        compact = self._style.compact and not presentation
        self._style = dataclasses.replace(
            self._style, scale=factor, presentation=bool(presentation), compact=compact
        )
        self._compact_saving = {}
        self._apply_style()

    def set_static(self, on: bool) -> None:
        """For a picture or a video (exports): lists fit their space whole, the splits table
        shows the latest laps, and nothing has a scroll bar, since nothing can be scrolled
        there."""
        self._static = bool(on)
        self.pacers.set_static(on)
        self.splits.set_static(on)
        self._fit_height()

    @property
    def compact(self) -> bool:
        """Whether the panel is laid out compact to fit a short window (see _fit_height)."""
        return self._style.compact

    @property
    def theme(self) -> Theme:
        return self._style.theme

    @property
    def scale(self) -> float:
        return self._style.scale

    def render_into(self, painter: QPainter, offset: QPoint) -> None:
        """Draw the panel at `offset` (painter px), as QWidget.render would, but redraw only
        the parts that changed since the last call (the previous drawing is kept)."""
        self._render_cache.render_into(painter, offset)

    def updated_image(self) -> tuple[QImage, list[QRect] | None]:
        """The panel drawn as render_into would draw it, and the panel rects redrawn since
        the last call (None: all). For exports that keep the previous frame."""
        return self._render_cache.updated()

    @property
    def columns(self) -> int:
        """How many columns the sections are laid out in (1 beside the track, 2 below it)."""
        return self._columns

    def column_min_width(self) -> int:
        """Narrowest a column of sections may be (px) before numbers are cut off."""
        return round(MIN_WIDTH_PX * max(1.0, self._style.scale))

    def set_columns(self, n: int) -> None:
        """Lay the sections out in one column (header, gap, pace, splits, pacers) or in two
        under the header: gap over pace on the left, splits over pacers on the right (in
        rows that line up where that stretches no card much, see _fit_two_columns)."""
        n = 2 if n >= 2 else 1
        if n == self._columns:
            return
        self._columns = n
        self._place_sections()
        self._fit_height()

    def _place_sections(self, arrangement: str | None = None) -> None:
        """Put the sections in the grid for the columns (and in two, `arrangement`, or the
        last one), and redraw them all if they moved."""
        if arrangement is not None:
            self._arrangement = arrangement
        if self._grid.place(self._columns, self._arrangement, self._style.presentation):
            self._render_cache.invalidate()

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(round(420 * self._style.scale), 1000)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_height()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        # The scroll area takes the panel's size at the layout pass after the panel's resize:
        # a fit then had measured a 30 px room (a presentation window at its first show) and
        # was not done again.
        if watched is self._scroll and event.type() == QEvent.Type.Resize:
            self._fit_height()
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._fit_height()

    # --- fitting the height -------------------------------------------------------------------
    def _fit_height(self) -> None:
        """Fit the cards to the panel's height, so that it needs no scroll bar of its own.

        The pace chart (down to its minimum) and the dropout feed (down to FEED_ROWS rows)
        give way by the layout's stretch; then the compact layout (tighter spacing, no lines
        shown elsewhere too; text keeps its size); then the dropout feed keeps fewer whole
        rows, down to one (the timeline strip above it marks every dropout); then the splits
        table keeps fewer whole rows, down to MIN_SPLITS_ROWS (the current row centred, the
        rest scrolls: the laps are a coach's first reading, so they go after the feed's
        rows); then the pace chart gets shorter, down to CHART_LEAST_PX. Only where even that
        does not fit does the panel scroll (never a static one). The usual or compact layout
        is chosen for the laps table's rows on every tab (see _need_as_laps, _fit_tab_rows).
        Two columns below the track are fitted by _fit_two_columns; presentation mode keeps
        its own layout."""
        if self._fitting:  # resized by the layout work a fit does: fit again after it
            self._refit = True
            return
        for _ in range(3):  # the panel's size settles in one or two rounds
            self._refit = False
            self._fit_height_once()
            if not self._refit:
                return

    def _fit_height_once(self) -> None:
        """One round of _fit_height for the panel's size now."""
        self._start_fit()
        room = self._scroll.contentsRect().height()
        if not self.isVisible() or room <= 0:
            return
        if self._style.presentation:
            self.pacers.set_feed_rows(PRESENTATION_FEED_ROWS)
            if self._style.compact:
                self._restyle(compact=False)
            self._place_sections(ROWS)
            self._fit_presentation(room)
            self._field_column_if_better(room, lambda: self._fit_presentation(room))
            self._set_scroll_bar(room)
            return
        self._fitting = True
        # No scroll bar while trying layouts: one shown for a layout that did not fit
        # narrows the cards, which makes the next one taller, and it stays (seen after a
        # tab of another row count was fitted).
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        try:
            if self._columns == 2:
                self._fit_two_columns(room)
                return
            # The layout (usual or compact) is chosen for the laps table's rows whichever tab
            # is shown, and another tab's longer table gives rows before anything else.
            laps = self.splits.laps_rows or self.splits.row_count()
            if self._style.compact:
                need = self._need_as_laps(laps)
                saving = self._compact_saving.get(laps)
                if saving is not None and need + saving > room:  # the usual would not fit
                    self._fit_tab_rows(room, laps)
                    return
                self._restyle(compact=False)
            need = self._need_as_laps(laps)
            if need <= room:
                self._fit_tab_rows(room, laps)
                return
            self._restyle(compact=True)
            self._compact_saving[laps] = need - self._need_as_laps(laps)
            self._fit_tab_rows(room, laps)
        finally:
            self._set_scroll_bar(room)
            self._fitting = False

    def _need_as_laps(self, laps: int) -> int:
        """Height (px) the cards need with `laps` splits rows in view (the laps table's), in
        the tab shown: a tab of fewer rows is measured as if it had that many. The 200 m tab
        of a 1500 m (8 rows to the laps' 4) had made the panel compact at 1440x860, which
        took the venue line and the pace card's last lap out, and moved every card up
        (reviewer R16); back on Laps they came back."""
        rows = min(laps, self.splits.row_count())
        pitch = max(1, self.splits.view.verticalHeader().defaultSectionSize())
        return self._need_with_rows(rows) + (laps - rows) * pitch

    def _fit_tab_rows(self, room: int, laps: int) -> None:
        """Fit the cards to `room` (px) in the layout chosen: as for the laps table's `laps`
        rows (_fit_rows), then another tab's longer table (the 200 m tab) takes more rows
        while they fit, and in one column the chart's height for them up to
        SPLITS_KEPT_ROWS (as for the laps); its other rows scroll. The other cards keep
        their rows and lines on every tab."""
        every = self.splits.row_count()
        need = self._need_with_rows(min(every, laps))
        if need > room:
            self._fit_rows(room, need)
        if every <= laps:
            return
        rows, chart = self.splits.view.rows_in_view(), self.chart
        while rows < every:
            need, least = self._need_with_rows(rows + 1), chart.minimumHeight()
            if need > room and self._columns == 1 and rows < SPLITS_KEPT_ROWS:
                need = self._shorter_chart(room, need)
            if need > room:
                chart.setMinimumHeight(least)
                break
            rows += 1
        self._need_with_rows(rows)

    def _fit_two_columns(self, room: int) -> None:
        """Fit two columns below the track to `room` (px). In rows that line up (gap beside
        splits, pace beside pacers) where every lap fits and that stretches neither the gap
        nor the splits card by more than ALIGN_SLACK_ROWS splits rows (a mile's laps beside
        the gap: Breaking4 in a square video); else in columns of their own, the splits
        keeping as many whole rows as fit above the pacers card (after the feed's rows, as in
        one column), then the chart getting shorter. A 5000 m's twelve laps had stretched
        the gap card to their height, a box with its title afloat, and pushed the pace chart
        out of a square video. Never compact: the panel below the track is tall enough
        (STACKED_MIN_HEIGHT_PX) for every card with fewer rows, in a square video's look."""
        if self._style.compact:
            self._restyle(compact=False)
        every = self.splits.row_count()
        self._need_with_rows(every)  # the splits card's height with every row
        pitch = max(1, self.splits.view.verticalHeader().defaultSectionSize())
        slack = abs(self.splits.sizeHint().height() - self.gap.sizeHint().height())
        self._place_sections(ROWS if slack <= ALIGN_SLACK_ROWS * pitch else COLUMNS)
        need = self._needed_height()
        if need > room:
            self._place_sections(COLUMNS)
            self._fit_rows(room, self._needed_height())
        self._field_column_if_better(
            room, lambda: self._fit_rows(room, self._need_with_rows(every))
        )

    def _fit_presentation(self, room: int) -> None:
        """Fit presentation mode's cards to `room` (px) as placed: the field's rows give way
        first, then the chart gets shorter, then fewer laps (the current one kept), then the
        comparison's note."""
        self.pacers.set_feed_rows(PRESENTATION_FEED_ROWS)
        self.splits.set_fit_rows(None)
        need = self._needed_height()
        if not self.field.isHidden():  # the field's rows give way first, not the laps
            need = self._fewer_field_rows(room, need)
        if need > room:  # then a shorter chart, then fewer laps (the current one kept)
            need = self._shorter_chart(room, need)
            need = self._fewer_splits_rows(room, need, MIN_SPLITS_ROWS)
            self._without_note(room, need)

    def _start_fit(self) -> None:
        """Every card as a fit starts: the full dropout feed, the field's usual rows, the
        chart's usual least height and the comparison's note."""
        self.pacers.set_feed_rows(FEED_ROWS)
        self.field.set_fit_rows(FIELD_ROWS)
        self.chart.setMinimumHeight(self._chart_min_px())
        self.splits.set_note_room(True)

    def _field_column_if_better(self, room: int, fit: Callable[[], None]) -> None:
        """Two columns whose field card `fit` left short of rows (in COLUMNS, fitted to `room`
        px): the field in a column of its own under the gap card (FIELD_COLUMN) where it shows
        more rows there and no other card gives more way (the laps, the chart, the note); else
        as before. A 12-runner 5000 m's field in a square presentation video had shown 7 rows
        beside splits with 268 px empty below them."""
        if self._columns != 2 or self.field.isHidden() or not self._field_rows_left_out():
            return
        before, need = self._kept(), self._needed_height()
        self._place_sections(FIELD_COLUMN)
        self._start_fit()
        fit()
        after = self._kept()
        more_rows = after[-1] > before[-1]
        if more_rows and all(a >= b for a, b in zip(after, before, strict=True)):
            if self._needed_height() <= max(room, need):
                return
        self._place_sections(COLUMNS)
        self._start_fit()
        fit()

    def _field_rows_left_out(self) -> int:
        """Runners the field card counts in "+ N more" at its height as laid out now."""
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._layout.activate()
        field = self.field.list
        return field.count() - field.capacity()

    def _kept(self) -> tuple[int, int, int, int]:
        """What a fit kept, in the order the cards give way last (compared between two
        columns' arrangements): the comparison's note (1 kept, 0 not), the chart's least
        height (px), the splits rows in view (in the window's layout, up to SPLITS_KEPT_ROWS:
        more give way before the field's), and the field rows shown."""
        splits = self.splits
        rows = splits.view.rows_in_view()
        if not self._style.presentation:
            rows = min(rows, SPLITS_KEPT_ROWS)
        shown = self.field.list.count() - self._field_rows_left_out()
        note = int(splits.compare_note.isVisibleTo(self))
        return note, self.chart.minimumHeight(), rows, shown

    def _set_scroll_bar(self, room: int) -> None:
        """The panel's own scroll bar on where the cards need more than `room` (px) at the
        panel's whole width, else off; never "as needed". Shown, the bar narrows the cards and
        a wrapped title gets taller: at a width where it wraps a line fewer without the bar,
        Qt showed and hid the bar in turn without end, and the window crashed (a stack
        overflow: a 120-character title and a long name at 1440x860 and 1460x860)."""
        need = self._needed_height()
        on = Qt.ScrollBarPolicy.ScrollBarAlwaysOn
        policy = on if need > room and not self._static else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        if self._scroll.verticalScrollBarPolicy() != policy:
            self._scroll.setVerticalScrollBarPolicy(policy)

    def _restyle(self, compact: bool) -> None:
        """The same style, compact or not (see PanelStyle.compact)."""
        least = self.minimumWidth()  # the scene's fixed width, which _apply_style resets
        self._style = dataclasses.replace(self._style, compact=compact)
        self._apply_style()
        self.setMinimumWidth(least)  # the same scale: the same column_min_width()

    def _fit_rows(self, room: int, need: int) -> None:
        """Fit the cards to `room` (px) from every splits row, FEED_ROWS dropout rows and
        FIELD_ROWS field rows, with which they need `need` (px): fewer dropout rows (down to
        one); in one column or with a field card, fewer splits rows (down to
        SPLITS_KEPT_ROWS); with a field card, fewer field rows (down to FIELD_LEAST_ROWS);
        in one column, a shorter pace chart (down to CHART_LEAST_PX); then fewer splits rows
        (down to MIN_SPLITS_ROWS, or all if fewer); in two columns, then a shorter chart.
        In one column the chart gives its height before the laps go below SPLITS_KEPT_ROWS:
        at 1280x680 the table had kept 2 of a mile's 5 rows beside a 120 px chart (a coach's
        review: the laps are read first), but a 10,000 m's 14 rows had not been worth a
        chart squeezed to 89 px. In two columns the chart is beside the splits, not above
        them: its height would not help them. Each step gives way only while the cards need
        less for it, so in two columns the steps are taken again while they fit no more and
        need less: the field had stopped at 9 of 12 rows while the splits beside it were the
        taller, the splits at 8 once the field's column was, and the pace and pacers cards
        were cut by 51 px (a 12-runner 5000 m with pacers in a square video)."""
        feed = self.pacers.feed_rows
        while need > room and feed > 1:
            feed -= 1
            self.pacers.set_feed_rows(feed)
            need = self._needed_height()
        one_column = self._columns == 1
        for _ in range(4):  # in two columns, again while the taller column changes sides
            before = need
            if one_column or not self.field.isHidden():
                need = self._fewer_splits_rows(room, need, SPLITS_KEPT_ROWS)
            if not self.field.isHidden():
                need = self._fewer_field_rows(room, need)
            if one_column:
                need = self._shorter_chart(room, need)
            need = self._fewer_splits_rows(room, need, MIN_SPLITS_ROWS)
            need = self._shorter_chart(room, need)
            need = self._without_note(room, need)
            if one_column or need <= room or need >= before:
                break
        slack = room - need  # whole splits rows given may leave some: the chart takes it
        chart = self.chart
        if slack > 0 and chart.minimumHeight() < self._chart_min_px():
            chart.setMinimumHeight(min(self._chart_min_px(), chart.minimumHeight() + slack))

    def _shorter_chart(self, room: int, need: int) -> int:
        """A shorter pace chart, down to CHART_LEAST_PX, until the cards fit `room` (px);
        they need `need` (px) now. Returns what they need then."""
        least, chart = self._style.px(CHART_LEAST_PX), self.chart
        if need > room and chart.minimumHeight() > least:
            chart.setMinimumHeight(max(least, chart.minimumHeight() - (need - room)))
            need = self._needed_height()
        return need

    def _without_note(self, room: int, need: int) -> int:
        """In a static panel whose cards need `need` (px), more than `room` (px): the
        comparison's note gives way (the last resort, before the bottom card is cut: the
        note had pushed the pacers card out of a 720p presentation export). Returns what
        they need then."""
        if need > room and self._static and self.splits.compare_note.isVisibleTo(self):
            self.splits.set_note_room(False)
            need = self._needed_height()
        return need

    def _fewer_splits_rows(self, room: int, need: int, floor: int) -> int:
        """Fewer whole splits rows in view, down to `floor` (or all if fewer), until the cards
        fit `room` (px); they need `need` (px) now. Returns what they need then."""
        splits = self.splits
        rows = min(splits.row_count(), splits.view.fit_rows or splits.row_count())
        pitch = max(1, splits.view.verticalHeader().defaultSectionSize())
        floor = min(floor, rows)
        while need > room and rows > floor:
            fewer = max(floor, rows - max(1, math.ceil((need - room) / pitch)))
            fewer_need = self._need_with_rows(fewer)
            if fewer_need >= need:  # not the splits that are too tall: the other column
                return self._need_with_rows(rows)
            rows, need = fewer, fewer_need
        return need

    def _fewer_field_rows(self, room: int, need: int) -> int:
        """Fewer field rows kept in view, down to FIELD_LEAST_ROWS, until the cards fit `room`
        (px); they need `need` (px) now. Returns what they need then."""
        field = self.field
        fitted = field.list.fitted_height
        rows = field.fit_rows
        while need > room and rows > FIELD_LEAST_ROWS:
            # A row fewer that brings the "+ N more" line takes as much height as it saves:
            # 11 of 12 runners and the line are 12 rows tall. Step past it (a 5000 m's twelve
            # rows had stayed whole and pushed the pace card out of a square video).
            fewer = rows - 1
            while fewer > FIELD_LEAST_ROWS and fitted(fewer) >= fitted(rows):
                fewer -= 1
            field.set_fit_rows(fewer)
            fewer_need = self._needed_height()
            if fewer_need >= need:  # not the field that is too tall: the other column
                field.set_fit_rows(rows)
                return self._needed_height()
            rows, need = fewer, fewer_need
        return need

    def _chart_min_px(self) -> int:
        """The pace chart's usual least height (px) in this style."""
        return self._style.px(
            PRESENTATION_CHART_MIN_PX if self._style.presentation else CHART_MIN_PX
        )

    def _need_with_rows(self, rows: int) -> int:
        """Height (px) the cards need with `rows` splits rows in view (or all if fewer)."""
        self.splits.set_fit_rows(min(rows, self.splits.row_count()))
        return self._needed_height()

    def _needed_height(self) -> int:
        """Height (px) the cards need at the panel's width, as the scroll area reckons it
        (the laid out content's height for its width), after pending layout work."""
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self._grid.invalidate()
        content = self._content
        need = content.minimumSizeHint().height()
        if content.hasHeightForWidth():
            need = max(need, content.heightForWidth(self._scroll.contentsRect().width()))
        return need

    # --- internals ----------------------------------------------------------------------------
    def _set_data(self, data: PanelData) -> None:
        self.header.set_replay(data.replay)
        self.gap.set_data(data)
        self.chart.set_data(data)
        self.lap_split.set_data(data)
        self.splits.set_data(data)
        self.pacers.set_data(data)
        self.field.set_data(data)
        self._place_sections()  # a race without pacers: the splits have their own column
        self._render_cache.invalidate()

    def _viewport_rect(self) -> QRect:
        """Where the scrolled content shows, in panel px."""
        vp = self._scroll.viewport()
        return QRect(vp.mapTo(self, QPoint(0, 0)), vp.size())

    def _render_parts(self) -> list[Part]:
        """What the render cache tracks: each section and its opaque live widgets."""
        live = tuple(self.lap_split.findChildren(LiveText))
        feed = self.pacers.feed.verticalScrollBar()
        table = self.splits.view.verticalScrollBar()
        return [
            Part(self.header),
            Part(self.gap, tuple(self.gap.findChildren(LiveText))),
            Part(self.pace_card, (self.chart, *live)),
            Part(self.splits, extra_key=lambda: (table.value(),)),
            Part(self.pacers, (self.pacers.pips, self.pacers.strip), lambda: (feed.value(),)),
            Part(self.field),
        ]

    def _apply_style(self) -> None:
        style = self._style
        sheet = style.style_sheet()
        if sheet != self.styleSheet():  # the same for a compact panel: no repolish
            self.setStyleSheet(sheet)
        self.setFont(style.font())
        m = style.gap(10, 5)
        self._layout.setContentsMargins(m, m, m, m)
        self._grid.set_spacing(style.gap(8, 5))
        self.setMinimumWidth(self.column_min_width())
        self.header.apply_style(style)
        self.gap.apply_style(style)
        self.pace_card.apply_style(style)
        self.faster_label.setFont(style.font(0.78, bold=True))
        self.chart.apply_style(style)
        self.chart.setMinimumHeight(self._chart_min_px())
        self.lap_split.apply_style(style)
        self.splits.apply_style(style)
        self.pacers.apply_style(style)
        self.field.apply_style(style)
        self._render_cache.set_parts(self._render_parts(), style.outer)
        self._refresh(0.0 if math.isnan(self._t) else self._t)
        if not self._fitting:  # a fit restyling the panel measures it itself
            self._fit_height()

    def _refresh(self, t: float) -> None:
        """Redraw everything for time t (after a restyle or a new replay)."""
        self._t = math.nan
        self.chart.reset_cache()
        self.update_frame(t)

    def _on_section_seek_requested(self, t: float) -> None:
        self.seek_requested.emit(float(t))
