"""Pace vs target chart: 100 m segment bars against the target line, the instantaneous pace
curve revealed up to now, lap boundaries and a cursor at the runner's distance.

Y is pace in s/400 m, inverted so that faster is up. X is distance run (m).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from racegui.ui.legible import legible_on
from racegui.ui.panel.data import Frame, PanelData
from racegui.ui.panel.pace_look import (
    BAR_FILL_ALPHA,
    drop_title,
    label_backdrops,
    target_label_colours,
)
from racegui.ui.panel.pace_scale import (
    COVER_TOLERANCE_S,
    PACE_TICK_EDGE_S,
    TARGET_CURSOR_GAP_PX,
    clear_of_stop_label,
    cursor_span,
    distance_ticks,
    fastest_run,
    label_step,
    pace_covered,
    pace_range,
    pace_tick_step,
    pace_ticks,
    place_clear_of_cursor,
    slowest_between,
    stop_label_sides,
)
from racegui.ui.panel.style import PX_PER_PT, PanelStyle, mix, rgba
from racegui.ui.runner_accent import ghost_mark

LAP_NAME_FILL_ALPHA = 0.85
"""Opacity of the card-coloured backdrop behind a lap's name ("L8"): a slow lap's curve ran
straight through the names drawn along the chart's foot (presenter's review)."""
STOP_LABEL_LEFT_AFTER = 0.75
"""Share of the race after which the "DNF 2200 m" label goes left of its line (room)."""
LAP_NAME_GAP_PX = 2
"""Room (px at scale 1) between the slowest pace drawn and the lap names along the foot."""
FAST_AIR_PX = 12
"""Least room (px at scale 1) between her fastest pace (but a wild one) and the plot's top edge."""


class PaceChart(QWidget):
    """The pace chart. Per frame: at most one InfiniteLine.setPos when the cursor moves a pixel
    (and the target label's setPos when the cursor reaches it: see place_clear_of_cursor)."""

    seek_requested = Signal(float)
    """Race time (s) under a click on the chart."""

    def sizeHint(self) -> QSize:  # Qt override
        """Its least height: the room left over goes to it by the layout's stretch. The plot's
        own hint (406 px at presentation scale) made the panel's cards prefer 1266 px on a
        1080 px screen, which cut the dropout list off at the screen's edge."""
        hint = super().sizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), 1))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(parent=self, enableMenu=False)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to type into (a Tab stop
        # that showed nothing, new user's review): the keyboard works through the shortcuts
        item = self.plot.getPlotItem()
        drop_title(item)
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        self._vb = item.getViewBox()
        self._vb.invertY(True)
        self._vb.disableAutoRange()
        self._vb.setDefaultPadding(0.0)
        self.bars = pg.BarGraphItem(x0=[0.0], x1=[0.0], y0=[0.0], y1=[0.0], name="segments")
        self.target_curve = pg.PlotDataItem(antialias=True)
        self.curve = pg.PlotDataItem(antialias=True)
        self.cursor = pg.InfiniteLine(angle=90, movable=False)
        self.target_text = pg.TextItem("", anchor=(1.0, 1.0))
        self.stop_line = pg.InfiniteLine(angle=90, movable=False)
        """Where a runner who did not finish stopped, shown from when she has (with
        stop_text, "DNF 2200 m"): the race's distance axis runs on to the finish."""
        self.stop_text = pg.TextItem("", anchor=(0.0, 0.0))
        self.clip_marks = pg.ScatterPlotItem(pxMode=True)
        """Triangles at the plot's edge over a 100 m bar whose pace is off the chart (a wild
        pace left out of the range, see WILD_PACE_SHARE): pointing up where it is faster."""
        self.clip_marks.setZValue(6.2)
        for it in (self.bars, self.target_curve, self.curve, self.cursor):
            item.addItem(it)
        item.addItem(self.target_text, ignoreBounds=True)
        item.addItem(self.clip_marks, ignoreBounds=True)
        for it in (self.stop_line, self.stop_text):
            it.setVisible(False)
            item.addItem(it, ignoreBounds=True)
        self.stop_line.setZValue(6.5)  # over the curve, under the lap names (7)
        self.stop_text.setZValue(9)
        self._stopped = False
        self._stop_left = False
        """Whether the stop label's usual side is left of its line (near the finish)."""
        self.cursor.setZValue(10)
        self.target_curve.setZValue(5)
        self.target_text.setZValue(5.5)  # over the bars and the target line, under the curve
        self.curve.setZValue(6)
        self._lap_lines: list[pg.InfiniteLine] = []
        self._lap_texts: list[pg.TextItem] = []
        self._lap_spans: list[tuple[int, float]] = []
        """Per lap text: the lap's number and length (m)."""
        self._labels_width = -1.0
        """The plot width (px) the lap texts and distance ticks were thinned for."""
        self._data: PanelData | None = None
        self._style: PanelStyle | None = None
        self._x_max = 1.0
        self._pace_range = (55.0, 65.0)
        """(fast, slow) pace (s/400 m) of the data with some air (see pace_range)."""
        self._view_slow = 65.0
        """The plot's slow edge (s/400 m): the data's, or further where the lap names along
        the foot would cover the slowest pace (see _fit_slow_edge)."""
        self._view_fast = 55.0
        """The plot's fast (top) edge (s/400 m): the data's, or further where the target label
        has no free place by its line and needs room above it (see _fast_edge_for_target)."""
        self._curve_pace = np.empty(0)
        """The runner's pace curve (s/400 m) clipped to the plot's range."""
        self._tick_px = 14.0
        self._cursor_px = -1
        self._cursor_m = 0.0
        """The runner's distance (m) the cursor is at."""
        self._label_places: list[tuple] = []
        """The target label's places (see _target_places) for the plot's range."""
        self._shown_points = -1
        self._shown_segments = -1
        self.dirty = True
        """Set when what is drawn changed (read and cleared by the panel's render cache)."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self._vb.sigResized.connect(self._on_plot_resized)

    # --- per replay -------------------------------------------------------------------------
    def set_data(self, data: PanelData) -> None:
        """Rebuild the chart for a replay (ranges, lap lines, target line)."""
        self._data = data
        item = self.plot.getPlotItem()
        for it in self._lap_lines + self._lap_texts:
            item.removeItem(it)
        self._lap_lines, self._lap_texts, self._lap_spans = [], [], []
        self._x_max = float(data.replay.race.distance_m)
        # The race's laps: a runner who did not finish has them all too (hers ended at her
        # stop, so lines and names had stopped there before she did).
        laps = data.laps_ahead or data.laps
        for lap in laps:
            if 1.0 < lap.end_m < self._x_max - 1.0:
                line = pg.InfiniteLine(pos=lap.end_m, angle=90, movable=False)
                item.addItem(line)
                self._lap_lines.append(line)
        lo, hi = pace_range(data)
        for lap in laps:
            if lap.end_m - lap.start_m > 100.0:
                name = "start" if lap.number == 0 else f"L{lap.number}"
                text = pg.TextItem(name, anchor=(0.5, 1.0))
                text.setPos((lap.start_m + lap.end_m) / 2, hi)
                text.setZValue(7)  # over the curve (6), on its backdrop; under the cursor
                item.addItem(text, ignoreBounds=True)
                self._lap_texts.append(text)
                self._lap_spans.append((lap.number, lap.end_m - lap.start_m))
        self._vb.setRange(xRange=(0.0, self._x_max), yRange=(lo, hi), padding=0.0)
        if data.target_curve_pace_s400 is not None:
            self.target_curve.setData(data.target_curve_m, data.target_curve_pace_s400)
            pace = float(data.target_curve_pace_s400[-1])
            self.target_text.setText(f"target {pace:.2f}")
        else:
            self.target_curve.setData([], [])
            self.target_text.setText("")
        self._set_stop(data, lo)
        self._labels_width = -1.0
        self._thin_labels()
        self._pace_range = (lo, hi)
        self._view_slow = hi
        self._view_fast = lo
        self._clip_curve()
        self._update_pace_ticks()
        self._place_target_label()
        self._cursor_px = self._shown_points = self._shown_segments = -1
        if self._style is not None:
            self.apply_style(self._style)  # which fits the slow edge to the names' font

    def _set_stop(self, data: PanelData, fast: float) -> None:
        """Place the mark of where a runner who did not finish stopped ("DNF 2200 m" at the
        chart's top, on the far side of its line from the finish's end if it is near), hidden
        until she has; none for a finisher."""
        replay = data.replay
        self._stopped = False
        self.stop_line.setVisible(False)
        self.stop_text.setVisible(False)
        if not replay.focus_dnf:
            self.stop_text.setText("")
            return
        stop_m = replay.focus_stop_m
        self.stop_line.setPos(stop_m)
        self.stop_text.setText(f"{replay.athletes[replay.focus].end_mark} {stop_m:.0f} m")
        self._stop_left = stop_m > STOP_LABEL_LEFT_AFTER * self._x_max
        self.stop_text.setAnchor((1.0, 0.0) if self._stop_left else (0.0, 0.0))
        self.stop_text.setPos(stop_m, fast)

    def apply_style(self, style: PanelStyle) -> None:
        """Colours and fonts (theme, scale)."""
        self._style = style
        t = style.theme
        self.plot.setBackground(style.card)
        item = self.plot.getPlotItem()
        tick_font = style.font(0.78)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(style.border))
            axis.setTextPen(pg.mkPen(t.text_muted))
            axis.setStyle(tickFont=tick_font, tickLength=-style.px(4))
        item.getAxis("left").setWidth(style.px(34))
        self._tick_px = 1.5 * style.pt(0.78) * PX_PER_PT
        self._update_pace_ticks()
        item.getAxis("bottom").setHeight(style.px(22))
        item.getAxis("left").setLabel("")
        grid = pg.mkPen(rgba(t.grid, 0.9), width=1, style=Qt.PenStyle.DashLine)
        for line in self._lap_lines:
            line.setPen(grid)
        lap_fill = pg.mkBrush(rgba(style.card, LAP_NAME_FILL_ALPHA))
        for text in self._lap_texts:
            text.setColor(t.text_muted)
            text.setFont(style.font(0.72, bold=True))
            text.fill = lap_fill  # the curve passes behind a name, not through it
            text.update()
        self._labels_width = -1.0
        self._thin_labels()
        text, fill = target_label_colours(style)
        self.target_text.setColor(text)
        self.target_text.fill = pg.mkBrush(fill)
        self.target_text.update()
        self.target_text.setFont(style.font(0.72, bold=True))
        self.target_curve.setPen(
            pg.mkPen(
                ghost_mark(t.target_glow, t),
                width=max(1.5, 2 * style.scale),
                style=Qt.PenStyle.DashLine,
            )
        )
        # The followed runner's colour, darkened where it is under 3:1 on the card (an orange
        # runner's line was about 2:1 on the light theme's white).
        self.curve.setPen(pg.mkPen(style.runner_accent, width=2.5 * style.scale))
        self.cursor.setPen(pg.mkPen(mix(t.text, style.card, 0.25), width=max(1.0, style.scale)))
        self.stop_line.setPen(pg.mkPen(t.behind, width=max(1.5, 2 * style.scale)))
        stop_fill = rgba(style.card, LAP_NAME_FILL_ALPHA)
        self.stop_text.setColor(legible_on(QColor(t.behind), label_backdrops(style, stop_fill)))
        self.stop_text.fill = pg.mkBrush(stop_fill)
        self.stop_text.setFont(style.font(0.72, bold=True))
        self.stop_text.update()
        self._shown_segments = -1
        self._fit_slow_edge()

    # --- per frame ----------------------------------------------------------------------------
    def reset_cache(self) -> None:
        """Forget what is shown so the next update_frame redraws cursor, curve and bars."""
        self._cursor_px = self._shown_points = self._shown_segments = -1
        self.dirty = True

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._cursor_px = -1  # ticks and names follow the plot's own size: _on_plot_resized

    def _on_plot_resized(self) -> None:
        """The plot's own size, which follows the widget's a layout pass later: lap names and
        ticks for it (thinned for a 63 px plot, a presentation panel's 782 px one named only
        "L10"), and the slow edge."""
        self._update_pace_ticks()
        self._thin_labels()
        self._fit_slow_edge()

    def _thin_labels(self) -> None:
        """Lap names and distance ticks that fit the plot's width: every lap's and every
        400 m, or every 2nd, 5th, 10th... (a 10,000 m's 25 lap names and distances had run
        into each other)."""
        width = float(self._vb.width())
        if width == self._labels_width or self._style is None:
            return
        self._labels_width = width
        px_per_m = width / self._x_max if width > 0 else 0.0
        style = self._style
        lap_font = QFontMetricsF(style.font(0.72, bold=True))
        room = style.px(8)  # between two labels
        names = [text.textItem.toPlainText() for text in self._lap_texts]
        laps = [n for n, (number, _) in zip(names, self._lap_spans, strict=True) if number]
        widest = max((lap_font.horizontalAdvance(n) for n in laps), default=0.0) + room
        every = label_step(widest, 400.0 * px_per_m)
        for text, name, (number, span_m) in zip(
            self._lap_texts, names, self._lap_spans, strict=True
        ):
            if number == 0:  # the part lap before the first crossing: only if it fits
                shown = every == 1 and lap_font.horizontalAdvance(name) + room <= span_m * px_per_m
            else:
                shown = number % every == 0
            text.setVisible(shown)
        tick_font = QFontMetricsF(style.font(0.78))
        end = f"{self._x_max:.0f} m"
        digits = tick_font.horizontalAdvance(f"{self._x_max:.0f}") + room
        ticks = distance_ticks(self._x_max, label_step(digits, 400.0 * px_per_m))
        # No tick so near the end that its label runs into the end's (wider, "1609 m").
        clear_m = (tick_font.horizontalAdvance(end) / 2 + digits / 2) / max(px_per_m, 1e-9)
        ticks = [(m, t) for m, t in ticks if m == self._x_max or self._x_max - m >= clear_m]
        self.plot.getPlotItem().getAxis("bottom").setTicks([ticks])

    def _fit_slow_edge(self) -> None:
        """Move the plot's slow (bottom) edge so that the lap names along it, on their
        backdrop, stand below the slowest pace drawn under them: Pat Quinn's 87.5 s laps in
        a club 5000 m ran along the chart's foot under "L4" to "L10" (coach's review). Where
        the data's air already holds the names (Breaking4) nothing moves. Then further where
        the target label needs the room (see _slow_edge_for_target), or the fast (top) edge
        (see _fast_edge_for_target); last, the fast edge where her fastest pace is too near
        it (see _fast_edge_for_kick)."""
        lo = self._pace_range[0]
        height = float(self._vb.height())
        fast = lo
        for _ in range(2):  # a fast edge moved for the target label changes the names' room
            slow = self._slow_edge(fast)
            if height <= 0:
                break
            moved = self._fast_edge_for_target(lo, slow)
            if moved == fast:
                break
            fast = moved
        if height > 0:
            fast, slow = self._fast_edge_for_kick(fast, slow)
        if (fast, slow) != (self._view_fast, self._view_slow):
            self._view_fast, self._view_slow = fast, slow
            self._vb.setRange(yRange=(fast, slow), padding=0.0)
            for text in self._lap_texts:
                text.setPos(text.pos().x(), slow)
            self.stop_text.setPos(self.stop_text.pos().x(), fast)
            self._clip_curve()
            self._update_pace_ticks()
            self.dirty = True
        self._place_target_label()
        self._stop_cursor_short_of_names()

    def _stop_cursor_short_of_names(self) -> None:
        """The time cursor short of the lap names' band where it meets one (see cursor_span):
        only its span is set, and only when it changes."""
        width, height = float(self._vb.width()), float(self._vb.height())
        if width <= 0 or height <= 0 or self._style is None:
            return
        gap_m = TARGET_CURSOR_GAP_PX * self._style.scale * self._x_max / width
        band = self._lap_names_px() / height
        span = cursor_span(self._cursor_m, self._name_ends_m(), gap_m, band)
        if self.cursor.span != span:
            self.cursor.setSpan(*span)
            self.dirty = True

    def _name_ends_m(self) -> list[tuple[float, float]]:
        """(left, right) ends (m) of each lap name shown along the plot's foot."""
        m_per_px = self._x_max / max(float(self._vb.width()), 1e-9)
        ends = []
        for text in self._lap_texts:
            if text.isVisible():
                half_m = text.boundingRect().width() / 2 * m_per_px
                ends.append((text.pos().x() - half_m, text.pos().x() + half_m))
        return ends

    def _slow_edge(self, fast: float) -> float:
        """The slow edge (s/400 m) for a plot whose fast edge is `fast`: the data's, or
        further for the lap names' band (see _fit_slow_edge) and the target label (see
        _slow_edge_for_target)."""
        hi = self._pace_range[1]
        height = float(self._vb.height())
        band = self._lap_names_px()
        slow = hi
        if band > 0 and height > 2 * band:
            # A wild slow pace, clipped at the foot, moves nothing (see WILD_PACE_SHARE).
            slowest = min(self._slowest_under_names(), hi)
            # (slow - slowest) / (slow - fast) of the plot's height is the band under it.
            slow = max(hi, (slowest * height - band * fast) / (height - band))
        if height <= 0:
            return slow
        return self._slow_edge_for_target(fast, slow)

    def _clip_curve(self) -> None:
        """The pace curve clipped to the plot's range (a wild pace runs along its edge), and
        the curve and bars redrawn with it on the next frame."""
        data = self._data
        if data is None:
            return
        self._curve_pace = np.clip(data.curve_pace_s400, self._view_fast, self._view_slow)
        self._shown_points = self._shown_segments = -1

    def _place_target_label(self) -> None:
        """Put "target 69.33" by its line where it covers neither the runner's curve nor her
        bars (over the whole race) nor the lap names, inside the plot: right of the chart,
        above the line (faster side) or below it, else at the left; where every place covers
        something, the one that covers least. It had sat on a slowing runner's curve and bars
        (coach's review). Out of the cursor's way: see _move_target_label."""
        self._label_places = self._target_places(self._view_fast, self._view_slow)
        self._move_target_label()

    def _move_target_label(self) -> None:
        """Put the target label at its place for the cursor's distance (place_clear_of_cursor)."""
        width, height = float(self._vb.width()), float(self._vb.height())
        if not self._label_places or width <= 0 or height <= 0:
            return
        m_per_px = self._x_max / width
        label_m = self.target_text.boundingRect().width() * m_per_px
        scale = self._style.scale if self._style is not None else 1.0
        gap_m = TARGET_CURSOR_GAP_PX * scale * m_per_px
        names_s = self._lap_names_px() * (self._view_slow - self._view_fast) / height
        names_top = self._view_slow - names_s
        places = self._label_places
        place = place_clear_of_cursor(places, self._cursor_m, label_m, gap_m, names_top)
        if self._stopped:  # "DNF 1100 m" and "target 64.00" clear of each other
            box, view = self.stop_text.boundingRect(), (self._view_fast, self._view_slow)
            size = (box.width() * m_per_px, box.height() * (view[1] - view[0]) / height)
            stop = (float(self.stop_line.value()), self._x_max)
            sides = stop_label_sides(
                self._data, self._curve_pace, view, stop, size, self._stop_left
            )
            place, side = clear_of_stop_label(place, places, label_m, sides, self._cursor_m, gap_m)
            self._set_stop_side(self._stop_left != (side == 1))
        _, _, _, x, right, above, top, bottom = place
        anchor = (1.0 if right else 0.0, 1.0 if above else 0.0)
        pos = QPointF(x, bottom if above else top)
        if self.target_text.anchor != pg.Point(anchor) or self.target_text.pos() != pos:
            self.target_text.setAnchor(anchor)
            self.target_text.setPos(pos)
            self.dirty = True

    def _set_stop_side(self, left: bool) -> None:
        """The stop label left or right of its line (only on a change)."""
        anchor = pg.Point(1.0 if left else 0.0, 0.0)
        if self.stop_text.anchor != anchor:
            self.stop_text.setAnchor(anchor)
            self.dirty = True

    def _target_places(self, lo: float, slow: float) -> list[tuple]:
        """The target label's places for a plot from lo to slow (s/400 m), in order of
        preference, each (off the plot (s), covered (s), rank, x (m), right-anchored, above,
        top, bottom (s/400 m)); [] without a target or a plot."""
        data = self._data
        width, height = float(self._vb.width()), float(self._vb.height())
        if data is None or data.target_curve_pace_s400 is None or width <= 0 or height <= 0:
            return []
        pace = float(data.target_curve_pace_s400[-1])
        s_per_px = (slow - lo) / height
        box = self.target_text.boundingRect()
        label_m = box.width() * self._x_max / width
        label_s = box.height() * s_per_px
        nudge = (slow - lo) * 0.015
        names_s = self._lap_names_px() * s_per_px
        places = []
        ends = [(self._x_max * 0.985, True), (self._x_max * 0.015, False)]
        for rank, ((x, right), above) in enumerate(
            (end, above) for end in ends for above in (True, False)
        ):
            top = pace - nudge - label_s if above else pace + nudge
            bottom = top + label_s
            left = x - label_m if right else x
            outside = max(0.0, lo - top) + max(0.0, bottom - slow)
            covered = pace_covered(
                data, self._curve_pace, (lo, slow), left, left + label_m, top, bottom
            )
            if names_s > 0:
                covered += max(0.0, bottom - (slow - names_s))
            covered = covered if covered > COVER_TOLERANCE_S else 0.0
            places.append((outside, covered, rank, x, right, above, top, bottom))
        return places

    def _slow_edge_for_target(self, lo: float, slow: float) -> float:
        """The slow edge (s/400 m) that makes room for the target label below its line, over
        the lap names, where no place by the line is free but one below it whose only
        trouble is room (a 1500 m with a 52 s last lap: her bars over the line at the right,
        the part lap's at the left, the names under it); else `slow`. The fast edge stays
        the data's (Breaking4's range is its own at every size)."""
        places = self._target_places(lo, slow)
        if not places or any(out + cov <= COVER_TOLERANCE_S for out, cov, *_ in places):
            return slow
        data, height = self._data, float(self._vb.height())
        assert data is not None and data.target_curve_pace_s400 is not None
        pace = float(data.target_curve_pace_s400[-1])
        box = self.target_text.boundingRect()
        label_m = box.width() * self._x_max / float(self._vb.width())
        for _, _, _, x, right, above, _, _ in places:
            left = x - label_m if right else x
            if above:
                continue
            span = (left, left + label_m, pace, slow)
            if pace_covered(data, self._curve_pace, (lo, slow), *span) > COVER_TOLERANCE_S:
                continue
            share = 0.015 + (box.height() + 1 + self._lap_names_px()) / height
            if share >= 0.5:
                break
            # (slow - pace) / (slow - lo) of the plot's height holds the label and the names.
            return max(slow, (pace - share * lo) / (1 - share))
        return slow

    def _fast_edge_for_kick(self, fast: float, slow: float) -> tuple[float, float]:
        """(fast, slow) edges (s/400 m) for a plot from `fast` to `slow` in which her fastest
        pace (but a wild one, see WILD_PACE_SHARE) stands FAST_AIR_PX below the top: a
        5000 m's 63.4 s/400 m kick at the line ran 5 px under the edge at 62, into the
        chart's unmarked top corner, and read as off the chart (coach's review): the data's
        second of air had shrunk as the slow edge made room for the lap names. The slow edge
        follows for the names' room. The ticks keep their step (the 2 s ticks of a 720p
        1500 m had become 5 s ones, her laps flattened): where the whole air would coarsen
        them, the most that does not."""
        data, style, height = self._data, self._style, float(self._vb.height())
        if data is None or style is None or height <= 0:
            return fast, slow
        fastest = fastest_run(data)
        air = style.px(FAST_AIR_PX) / height
        if not math.isfinite(fastest) or fastest >= slow or air >= 0.5:
            return fast, slow
        if fastest - fast >= air * (slow - fast):
            return fast, slow
        step = pace_tick_step(fast, slow, *self._tick_fit(fast, slow))

        def fits(edge: float) -> tuple[bool, float]:
            """Whether a plot from `edge` keeps the ticks' step, and its slow edge."""
            slow_edge = self._slow_edge(edge)
            fit, tick_edge = self._tick_fit(edge, slow_edge)
            return pace_tick_step(edge, slow_edge, fit, tick_edge) == step, slow_edge

        edge = slow_edge = slow
        for _ in range(2):  # the names' room widens the plot a little as the edge moves
            # (fastest - edge) / (slow - edge) of the plot's height is the air above her.
            edge = min(fast, (fastest - air * slow_edge) / (1 - air))
            ok, slow_edge = fits(edge)
        if ok:
            return edge, slow_edge
        near, far = fast, edge  # the most air that keeps the ticks' step
        for _ in range(8):
            mid = (near + far) / 2
            near, far = (mid, far) if fits(mid)[0] else (near, mid)
        return (fast, slow) if near == fast else (near, self._slow_edge(near))

    def _fast_edge_for_target(self, lo: float, slow: float) -> float:
        """The fast edge (s/400 m) that makes room for the target label above its line at the
        chart's right, where no place by the line is free but that one, whose only trouble is
        room: in presentation mode the label's bigger type did not fit Breaking4's air above
        the 59.65 line, and it sat on her bars, green on red (presenter's review). Else `lo`,
        the data's own (the demo's range at the window's usual sizes)."""
        places = self._target_places(lo, slow)
        if not places or any(out + cov <= COVER_TOLERANCE_S for out, cov, *_ in places):
            return lo
        above_right = next(p for p in places if p[4] and p[5])
        outside, covered = above_right[0], above_right[1]
        if covered > COVER_TOLERANCE_S or outside <= COVER_TOLERANCE_S:
            return lo
        data, height = self._data, float(self._vb.height())
        assert data is not None and data.target_curve_pace_s400 is not None
        pace = float(data.target_curve_pace_s400[-1])
        share = 0.015 + (self.target_text.boundingRect().height() + 1) / height
        if share >= 0.5 or pace >= slow:
            return lo
        # With r = slow - fast: pace - fast >= 0.015 r + label height, in the plot's pixels.
        return min(lo, slow - (slow - pace) / (1 - share))

    def _slowest_under_names(self) -> float:
        """The slowest pace (s/400 m) drawn where a lap name is shown, along x (-inf if
        none): the names cover nothing elsewhere."""
        data = self._data
        if data is None or self._vb.width() <= 0:
            return -math.inf
        return max((slowest_between(data, a, b) for a, b in self._name_ends_m()), default=-math.inf)

    def _lap_names_px(self) -> float:
        """Height (px) of the lap names' band along the plot's foot and the room above it
        (0 before a style is set or where no lap is named)."""
        if self._style is None or not self._lap_texts:
            return 0.0
        text = max(t.boundingRect().height() for t in self._lap_texts)
        return text + self._style.px(LAP_NAME_GAP_PX)

    def _update_pace_ticks(self) -> None:
        """Pace ticks every 1, 2, 5, 10... s, as many as fit the plot's height without
        crowding, each label wholly inside the plot (the top "42" of a 42..97 axis was cut
        in half, coach's review)."""
        ticks = pace_ticks(
            self._view_fast, self._view_slow, *self._tick_fit(self._view_fast, self._view_slow)
        )
        self.plot.getPlotItem().getAxis("left").setTicks([ticks])

    def _tick_fit(self, lo: float, hi: float) -> tuple[int, float]:
        """(most ticks, least distance (s/400 m) of a tick from an edge) for a plot from lo to
        hi (s/400 m) at the plot's height (see _update_pace_ticks)."""
        height = float(self._vb.height())
        fit = max(2, int(height / self._tick_px)) if height > 0 else 7
        edge = PACE_TICK_EDGE_S
        if height > 0 and self._style is not None:
            half_label_px = QFontMetricsF(self._style.font(0.78)).height() / 2 + 1
            edge = max(edge, half_label_px * (hi - lo) / height)
        return fit, edge

    def update_frame(self, frame: Frame) -> None:
        """Move the cursor and reveal the curve and bars up to now (only on a change)."""
        data = self._data
        if data is None:
            return
        if frame.stopped != self._stopped:  # she did not finish: where, once she has
            self._stopped = frame.stopped
            self.stop_line.setVisible(frame.stopped)
            self.stop_text.setVisible(frame.stopped)
            if not frame.stopped:
                self._set_stop_side(self._stop_left)
            self._move_target_label()
            self.dirty = True
        d = min(max(frame.distance_m, 0.0), self._x_max)
        px = int(d / self._x_max * max(self._vb.width(), 1.0))
        if px != self._cursor_px:
            self._cursor_px = px
            self.dirty = True
            self.cursor.setPos(d)
            self._cursor_m = d
            self._move_target_label()
            self._stop_cursor_short_of_names()
            n = int(np.searchsorted(data.curve_t, frame.t, side="right"))
            if n != self._shown_points:
                self._shown_points = n
                self.curve.setData(data.curve_m[:n], self._curve_pace[:n])
        k = data.segments_done(frame.t)
        if k != self._shown_segments:
            self._shown_segments = k
            self.dirty = True
            self._show_segments(k)

    def _show_segments(self, k: int) -> None:
        data, style = self._data, self._style
        if data is None or style is None:
            return
        if k == 0:
            self.bars.hide()
            self.clip_marks.setData([], [])
            return
        lo, slow = self._view_fast, self._view_slow
        raw = data.seg_pace_s400[:k]
        pace = np.clip(raw, lo, slow)
        t = style.theme
        if data.seg_target_pace_s400 is not None:
            base = data.seg_target_pace_s400[:k]
            colours = [t.ahead if p < b else t.behind for p, b in zip(pace, base, strict=True)]
        else:  # no target: bars up from the slowest pace, neither ahead nor behind
            base = np.full(k, pace_range(data)[1])
            colours = [t.text_muted] * k
        self._show_clip_marks(raw, k)
        self.bars.setOpts(
            x0=data.seg_start_m[:k],
            x1=data.seg_end_m[:k],
            y0=np.clip(base, lo, slow),
            y1=pace,
            brushes=[rgba(c, BAR_FILL_ALPHA) for c in colours],
            pens=[pg.mkPen(rgba(c, 0.9), width=1) for c in colours],
        )
        self.bars.show()

    def _show_clip_marks(self, raw: np.ndarray, k: int) -> None:
        """A triangle at the plot's edge over each of the first k bars whose pace (s/400 m)
        is off the chart: at the top pointing up (faster), at the foot pointing down."""
        data, style = self._data, self._style
        if data is None or style is None:
            return
        lo, slow = self._view_fast, self._view_slow
        fast, slow_off = raw < lo, raw > slow
        off = fast | slow_off
        if not off.any():
            self.clip_marks.setData([], [])
            return
        size = style.px(7)
        inset = (slow - lo) * size / 2 / max(float(self._vb.height()), 1.0)
        x = (data.seg_start_m[:k] + data.seg_end_m[:k])[off] / 2
        y = np.where(fast[off], lo + inset, slow - inset)
        colour = mix(style.theme.text, style.card, 0.15)
        self.clip_marks.setData(
            x=x,
            y=y,
            symbol=["t1" if f else "t" for f in fast[off]],
            size=size,
            brush=pg.mkBrush(colour),
            pen=pg.mkPen(style.card, width=1),
        )

    def _on_scene_clicked(self, event) -> None:
        data = self._data
        if data is None or event.button() != Qt.MouseButton.LeftButton or not len(data.curve_m):
            return
        point: QPointF = self._vb.mapSceneToView(event.scenePos())
        d = min(max(point.x(), 0.0), self._x_max)
        self.seek_requested.emit(float(np.interp(d, data.curve_m, data.curve_t)))
