"""The replay window's side panel: header, live gap, pace chart, splits and pacers.

Everything is computed once per replay (PanelData); update_frame(t) only looks values up and
touches a widget when what it shows changes, so it is cheap enough to run every frame.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from racegui.model.replay import RaceState, Replay
from racegui.ui.panel.card import Card
from racegui.ui.panel.data import PanelData
from racegui.ui.panel.gap_readout import GapReadout
from racegui.ui.panel.header import RaceHeader
from racegui.ui.panel.lap_split import LapSplit
from racegui.ui.panel.live_text import LiveText
from racegui.ui.panel.pace_chart import PaceChart
from racegui.ui.panel.pacers_card import PacersCard
from racegui.ui.panel.render_cache import PanelRenderCache, Part
from racegui.ui.panel.splits_table import SplitsTable
from racegui.ui.panel.style import PanelStyle
from racegui.ui.theme import Theme

MIN_WIDTH_PX = 380
"""Narrowest the panel gets at scale 1.0 (pixels)."""


class SidePanel(QWidget):
    """Side panel for one replay; drive it with update_frame(t) from the window's timer."""

    seek_requested = Signal(float)
    """The user clicked something that has a race time (s): a dropout, split row or chart."""

    def __init__(self, replay: Replay, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._style = PanelStyle(theme, 1.0)
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
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._scroll.setWidget(self._content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._scroll)
        self._layout = QGridLayout(self._content)
        self._columns = 0
        for section in (self.chart, self.splits, self.pacers):
            section.seek_requested.connect(self._on_section_seek_requested)
        self._render_cache = PanelRenderCache(self, self._viewport_rect)
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

    def set_replay(self, replay: Replay) -> None:
        """Rebuild every section for a new race (runs the analysis once) and show t = 0."""
        self._data = PanelData.build(replay)
        self._set_data(self._data)
        self._refresh(0.0)

    def set_theme(self, theme: Theme) -> None:
        """Switch colours and font family."""
        self._style = PanelStyle(theme, self._style.scale, self._style.presentation)
        self._apply_style()

    def set_scale(self, factor: float, presentation: bool = False) -> None:
        """Fonts and sizes x factor (1.0 normal). ``presentation`` lays the panel out for a
        big screen (presentation mode): every lap row, fewer secondary lines."""
        factor = max(0.5, float(factor))
        self._style = PanelStyle(self._style.theme, factor, bool(presentation))
        self._apply_style()

    def set_static(self, on: bool) -> None:
        """For a picture or a video (exports): lists fit their space whole, with no scroll
        bar, since nothing can be scrolled there."""
        self.pacers.feed.set_fit(on)

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
        under the header: gap over pace on the left, splits over pacers on the right."""
        n = 2 if n >= 2 else 1
        if n == self._columns:
            return
        self._columns = n
        grid = self._layout
        sections = (self.header, self.gap, self.pace_card, self.splits, self.pacers)
        for section in sections:
            grid.removeWidget(section)
        for k in range(5):
            grid.setRowStretch(k, 0)
            grid.setColumnStretch(k, 0)
        if n == 1:
            for row, section in enumerate(sections):
                grid.addWidget(section, row, 0)
            grid.setRowStretch(2, 1)
            grid.setRowStretch(4, 1)
        else:
            grid.addWidget(self.header, 0, 0, 1, 2)
            grid.addWidget(self.gap, 1, 0)
            grid.addWidget(self.pace_card, 2, 0)
            grid.addWidget(self.splits, 1, 1)
            grid.addWidget(self.pacers, 2, 1)
            grid.setRowStretch(2, 1)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
        self._render_cache.invalidate()

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(round(420 * self._style.scale), 1000)

    # --- internals ----------------------------------------------------------------------------
    def _set_data(self, data: PanelData) -> None:
        self.header.set_replay(data.replay)
        self.gap.set_data(data)
        self.chart.set_data(data)
        self.lap_split.set_data(data)
        self.splits.set_data(data)
        self.pacers.set_data(data)
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
        ]

    def _apply_style(self) -> None:
        style = self._style
        self.setStyleSheet(style.style_sheet())
        self.setFont(style.font())
        m = style.px(10)
        self._layout.setContentsMargins(m, m, m, m)
        self._layout.setSpacing(style.px(8))
        self.setMinimumWidth(self.column_min_width())
        self.header.apply_style(style)
        self.gap.apply_style(style)
        self.pace_card.apply_style(style)
        self.faster_label.setFont(style.font(0.78, bold=True))
        self.chart.apply_style(style)
        self.chart.setMinimumHeight(style.px(90 if style.presentation else 120))
        self.lap_split.apply_style(style)
        self.splits.apply_style(style)
        self.pacers.apply_style(style)
        self._render_cache.set_parts(self._render_parts(), style.outer)
        self._refresh(0.0 if math.isnan(self._t) else self._t)

    def _refresh(self, t: float) -> None:
        """Redraw everything for time t (after a restyle or a new replay)."""
        self._t = math.nan
        self.chart.reset_cache()
        self.update_frame(t)

    def _on_section_seek_requested(self, t: float) -> None:
        self.seek_requested.emit(float(t))
