"""The to-scale track with every athlete, the pacing light, trails, tags and the scoreboard.

A pyqtgraph GraphicsView holding one ViewBox (metres, equal aspect, no mouse interaction).
The static track is the view's cached background; athletes, trails and the light are items
created once and moved by :meth:`TrackView.update_frame`; the scoreboard and name tags are
painted in the foreground in pixels.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView, QToolTip, QWidget

from racegui.model.dates import iso_day, long_date
from racegui.model.lane_start import lanes_of
from racegui.model.names import short_name
from racegui.model.replay import RaceState, Replay
from racegui.model.timefmt import clock_text
from racegui.model.track import LANE1_LINE_M
from racegui.ui.board_text import subtitle_forms, whose_forms
from racegui.ui.device_sprites import DiscSprite
from racegui.ui.infield_layout import infield_layout, is_stage, stage_layout
from racegui.ui.markers import DROPPED_ALPHA, MarkerLayer, mk_colour
from racegui.ui.overlay import BroadcastOverlay
from racegui.ui.pocket_cam import PocketCam, tag_name
from racegui.ui.presentation import screen_fit
from racegui.ui.qt_guard import guarded_paint
from racegui.ui.race_status import RaceStatus, compare_label, race_status
from racegui.ui.runner_accent import mark_colours
from racegui.ui.sampling import TrailSampler
from racegui.ui.text_floor import MIN_TRACK_TEXT_PX, floored
from racegui.ui.theme import Theme
from racegui.ui.track_backdrop import TrackBackdrop
from racegui.ui.track_items import PathItem, SpriteLayer
from racegui.ui.track_labels import (
    frame_labels,
    ghost_tip,
    light_off,
    line_watchers,
    live_words,
    marker_rects,
)

TRAIL_S = 2.0
"""Trail length (s of race time behind each athlete)."""
TRAIL_SAMPLES = 17
MAX_TRAILS = 48
"""Most other athletes given a trail: those nearest the focus runner (she always has one)."""
LIGHT_BAND_M = (-5.0, 0.6)
"""Extent of the pacing light's lit band (m) behind/ahead of the target's position."""
GAP_LATERAL_M = -1.7
"""Where the runner-to-light gap arc runs: this far inside lane 1's line (m), on the infield."""
GAP_POINTS = 24
"""Least number of points the gap arc is drawn through."""
GAP_STEP_M = 4.0
"""Longest stretch of track (m) between two points of the gap arc, so its chords keep to the
kerb (24 points over a club 5000's 300 m gap cut across the infield)."""
GAP_RING_CLEAR_M = 2.0
"""A gap of a lap or more is drawn as one lap less this (m): a ring from the runner, not
lines crossing the infield as it wound round again."""
TIP_REACH_PX = 12.0
"""How near (px) the pointer must be to a ghost's marker for its hover tip."""


def gap_arc_m(from_m: float, to_m: float, lap_m: float) -> np.ndarray:
    """Race distances (m) the gap arc is drawn through, from the runner (from_m) towards the
    target (to_m): at least GAP_POINTS, at most GAP_STEP_M apart, and at most one lap less
    GAP_RING_CLEAR_M long."""
    most = lap_m - GAP_RING_CLEAR_M
    to_m = from_m + float(np.clip(to_m - from_m, -most, most))
    n = max(GAP_POINTS, math.ceil(abs(to_m - from_m) / GAP_STEP_M) + 1)
    return np.linspace(from_m, to_m, n)


def nice_date(iso: str | None) -> str | None:
    """ "2025-06-26" -> "26 June 2025" (other text unchanged)."""
    day = iso_day(iso)
    return long_date(day) if day is not None else iso or None


_ITEM_Z = {
    "trail_others": 5,
    "trail_runner": 6,
    "gap_arc": 8,
    "light_glow": 9,
    "light_core": 10,
    "light_head": 11,
    "compare_item": 25,
    "runner_halo": 40,
    "runner_item": 41,
}
"""The view's own moving items (attribute names) and their stacking order."""


class TrackView(pg.GraphicsView):
    """Draws one replay (and an optional comparison race) at a race time."""

    labels_moved = Signal()
    """The backdrop was painted with its distance labels ("100 m", "START") elsewhere than
    before (see fixed_boxes)."""

    def __init__(self, replay: Replay, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=theme.background)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setAntialiasing(True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.vb = pg.ViewBox(
            lockAspect=True, enableMouse=False, enableMenu=False, defaultPadding=0.0
        )
        self.setCentralItem(self.vb)
        self.vb.sigTransformChanged.connect(self._on_transform_changed)
        self.theme = theme
        self.overlay = BroadcastOverlay(theme)
        self._tags_bounds: QRectF | None = None
        """The box (px) the tags were last placed in: another one places them afresh."""
        self.labels_visible = True
        self.trails_visible = True
        self.scoreboard_visible = True
        self.compare: Replay | None = None
        self.state: RaceState | None = None
        self.status: RaceStatus | None = None
        self._px_per_m = 5.0
        self.gap_mid: tuple[float, float, float, bool] | None = None
        self._light_band: tuple[np.ndarray, np.ndarray] | None = None
        self._compare_xy: tuple[float, float] | None = None
        self._compare_name = ""
        """The compared runner's tag ("Kipyegon 2023"; see race_status.compare_label)."""
        self.scoreboard_rect: QRectF | None = None
        """Where the last paint drew the scoreboard (view px)."""
        self._tag_reference_px: float | None = None
        self._fit = 1.0
        """Text drawn on the track is sized from the view's size over this (see set_scale)."""
        self._text_floor = MIN_TRACK_TEXT_PX
        """Least type size on the track (view px; see set_output_scale)."""
        self._inset_floor = MIN_TRACK_TEXT_PX
        """Least type size in the pocket cam's inset (view px; see set_output_scale)."""
        self.overlay.min_text_px = self._text_floor
        self.foreground_rects: list[QRectF] = []
        """What the last drawForeground covered (view px): pocket cam, scoreboard, tags."""
        self.backdrop_version = getattr(self, "backdrop_version", 0)
        """Counts changes of the painted backdrop (replay, theme, size or scale)."""
        self._labels_seen: list[QRectF] = []
        """The backdrop's label boxes when labels_moved was last emitted (view px)."""
        self.pocket = PocketCam(replay, theme)
        """The zoomed inset that follows the runner (painted in the infield)."""
        self._make_items()
        self.set_replay(replay)

    # --- construction ---------------------------------------------------------------------
    def _make_items(self) -> None:
        vb = self.vb
        self.trail_others = PathItem()
        self.trail_runner = PathItem()
        self.gap_arc = PathItem()
        self.light_glow = PathItem()
        self.light_core = PathItem()
        self.light_head = SpriteLayer()
        self.compare_item = SpriteLayer()
        self.runner_halo = SpriteLayer()
        self.runner_item = SpriteLayer()
        for name, value in _ITEM_Z.items():
            item = getattr(self, name)
            item.setZValue(value)
            vb.addItem(item, ignoreBounds=True)
        self.markers: MarkerLayer | None = None

    def _style_items(self) -> None:
        th = self.theme
        f = self.replay.athletes[self.replay.focus]
        ppm = self._px_per_m
        glow_c = th.target_glow
        if self.replay.target is not None:
            glow_c = self.replay.athletes[self.replay.target].colour
        self.light_glow.set_pen(pg.mkPen(mk_colour(glow_c, 90), width=max(14.0, 2.4 * ppm)))
        self.light_core.set_pen(pg.mkPen(mk_colour(glow_c, 255), width=max(4.0, 0.7 * ppm)))
        head = max(10.0, 1.6 * ppm)
        self.light_head.set_sprites(
            [
                DiscSprite(
                    mk_colour("#ffffff", 235), pg.mkPen(mk_colour(glow_c, 255), width=3.0), head
                ),
                # Switched off at its finish: a faded ring, as a pacer who stepped off.
                DiscSprite(
                    mk_colour(glow_c, DROPPED_ALPHA // 2),
                    pg.mkPen(mk_colour(glow_c, DROPPED_ALPHA), width=2.0),
                    head,
                ),
            ]
        )
        self.trail_runner.set_pen(pg.mkPen(mk_colour(f.colour, 170), width=max(2.5, 0.4 * ppm)))
        # Under 2 px the others' trails are 1 px wide, a little more opaque: the same ink, on
        # Qt's fast path for thin antialiased lines (a 1.5 px stroke costs ~0.5 ms a frame).
        width = 0.25 * ppm
        alpha = 105 if width < 2.0 else 70
        self.trail_others.set_pen(
            pg.mkPen(mk_colour(th.track_lines, alpha), width=1.0 if width < 2.0 else width)
        )
        self._gap_pens = (
            pg.mkPen(mk_colour(th.behind, 230), width=max(2.0, 0.3 * ppm)),
            pg.mkPen(mk_colour(th.ahead, 230), width=max(2.0, 0.3 * ppm)),
        )
        self.gap_arc.set_pen(self._gap_pens[0])
        self._gap_sign = None
        size = float(np.clip(1.55 * ppm, 12.0, 40.0))
        outline = pg.mkPen(mk_colour(th.runner_outline), width=max(2.0, size / 8))
        self.runner_item.set_sprites([DiscSprite(mk_colour(f.colour), outline, size)])
        self.runner_halo.set_sprites([DiscSprite(mk_colour(f.colour, 70), None, size * 2.1)])
        compare_pen = pg.mkPen(
            mk_colour(th.compare_colour, 220), width=2.0, style=Qt.PenStyle.DashLine
        )
        self.compare_item.set_sprites(
            [DiscSprite(mk_colour(th.compare_colour, 50), compare_pen, size)]
        )
        self.runner_radius = size / 2
        self.overlay.set_runner(f.colour)
        self.label_colours = mark_colours(self.replay, th)
        if self.markers is None:
            self.markers = MarkerLayer(self.vb, self.replay, th)
        else:
            self.markers.rebuild(self.replay, th)
        self.markers.set_marker_scale(ppm)
        for name in _ITEM_Z:
            getattr(self, name).set_px_per_m(ppm)

    # --- public API ------------------------------------------------------------------------
    def set_replay(self, replay: Replay) -> None:
        """Show another race (the comparison is kept)."""
        self.replay = replay
        self.backdrop = TrackBackdrop(
            replay.track, replay.race.distance_m, in_lanes=bool(lanes_of(replay.race))
        )
        self.pocket.set_replay(replay)
        self.sampler = TrailSampler(replay)
        self._fit_range()
        others = [i for i in range(replay.n) if i != replay.focus and replay.roles[i] != "ghost"]
        self._trail_rows = np.array(others, dtype=int)
        self._trail_connect: np.ndarray | None = None
        """Which trail point joins the next, for the others' trails (see _update_trails)."""
        self.line_rows = line_watchers(replay)
        """Rows whose nearness to the finish keeps its line clear of tags (line_watchers)."""
        race = replay.race
        self.title = race.title
        self.subtitle = subtitle_forms(race.venue, race.date)
        """The scoreboard's subtitle, most to least complete (the first that fits is drawn)."""
        name = replay.athletes[replay.focus].name
        self._whose = tuple(dict.fromkeys((short_name(name), tag_name(name))))
        """Whom the board's figures are of, before its distance line, in a race of several
        runners, and a shorter name for a narrow board (see board_text.whose_forms): a clip
        without the panel had said 'Target -3.93 s' of whoever was followed, told only by
        the clock's accent colour (coach's review); () for one runner."""
        if len(replay.followable) < 2:
            self._whose = ()
        if self.compare is not None:  # its tag tells it from whoever is followed now
            self._compare_name = compare_label(self.compare, replay)
        self._style_items()
        self._clear_race_items()
        self.resetCachedContent()
        self.reset_tags()
        self.update_frame(self.state.t if self.state is not None else 0.0)

    def _clear_race_items(self) -> None:
        """Empty the lines and the light's head the last race drew: a race with no other
        athletes never redraws their trails (the demo's, left at 1:30, had streaked a
        one-runner CSV's track), one without a target its light."""
        empty = np.zeros(0)
        for item in (self.trail_others, self.trail_runner, self.gap_arc, self.light_glow):
            item.set_xy(empty, empty)
        self.light_core.set_same_points(self.light_glow)
        self.light_head.set_points(empty, empty)
        self._light_band = None
        self.gap_mid = None

    def set_compare(self, other: Replay | None) -> None:
        """Show another race's runner as a ghost on the same clock (None removes it)."""
        self.compare = other
        self.compare_item.setVisible(other is not None)
        self._compare_name = compare_label(other, self.replay) if other is not None else ""
        self.reset_tags()
        if self.state is not None:
            self.update_frame(self.state.t)

    def set_theme(self, theme: Theme) -> None:
        """Recolour everything (not per frame)."""
        self.theme = theme
        self.setBackground(theme.background)
        self.overlay.set_theme(theme)
        self.pocket.set_theme(theme)
        self._style_items()
        self.resetCachedContent()
        if self.state is not None:
            self.update_frame(self.state.t)

    def set_scale(self, factor: float, presentation: bool = False) -> None:
        """Tags and graphics x factor (1.0 normal). In ``presentation`` mode the text on the
        track (name tags, the pocket cam's, the 100 m marks) is sized as on the 1080p screen
        the layout is made for, and drawn in proportion to this one (see screen_fit). Outside
        it, a factor is a view that many times as big as the 1080p one it copies (a 4K
        export, 2): the text is sized as there and drawn that much bigger (sized from the
        bigger view and scaled, it grew twice: a 4K export's 100 m marks were 44 px, not 30)."""
        self.overlay.scale = factor
        self._fit = screen_fit(factor) if presentation else factor
        # The scoreboard is sized from the infield: in presentation its lines grow next to
        # its clock, as the tags do next to the track (1.4; 1.0 outside it).
        self.overlay.board_boost = factor / self._fit
        self.reset_tags()
        self.resetCachedContent()
        self.viewport().update()

    def set_output_scale(self, k: float, floor_px: float = MIN_TRACK_TEXT_PX) -> None:
        """The view is drawn k times its size (an export laid out at 1080 px and drawn 768
        px high: 0.71): its text is kept at least floor_px high as drawn (a phone's video
        more than MIN_TRACK_TEXT_PX: see export.layout.track_text_floor), the pocket cam's
        at least MIN_TRACK_TEXT_PX (its tags pack into the rows beside the pack: at a
        phone's 20 px fewer than half were placed, the followed runner's own left out at
        3:20-3:50)."""
        k = max(k, 1e-3)
        self._inset_floor = min(MIN_TRACK_TEXT_PX, floor_px) / k
        floor = floor_px / k
        if abs(floor - self._text_floor) > 1e-6:
            self._text_floor = floor
            self.overlay.min_text_px = floor
            self.reset_tags()
            self.resetCachedContent()
            self.viewport().update()

    def text_floor(self) -> float:
        """Least type size (view px) of the text on the track."""
        return self._text_floor

    def reset_tags(self) -> None:
        """Forget where the name tags were: the next frame places them afresh (an export's
        first frame, whatever was drawn before it)."""
        self.overlay.reset_tags()

    def settle_tags(self) -> None:
        """Repaint with the name tags whole, nothing fading: a replay paused mid-fade had
        rested on a half-faded copy."""
        self.overlay.settle_tags()
        self.viewport().update()

    def set_labels_visible(self, on: bool) -> None:
        """Show or hide the name tags (the gap's stays); shown again, they are placed afresh
        (a tag held back would not come back while paused)."""
        self.labels_visible = bool(on)
        self.reset_tags()
        self.viewport().update()

    def set_trails_visible(self, on: bool) -> None:
        self.trails_visible = bool(on)
        self.trail_others.setVisible(self.trails_visible)
        self.trail_runner.setVisible(self.trails_visible)
        if self.state is not None:
            self.update_frame(self.state.t)

    def set_pocket_visible(self, on: bool) -> None:
        """Show or hide the pocket cam inset (the scoreboard takes the infield back)."""
        self.pocket.visible = bool(on)
        self.reset_tags()
        self.viewport().update()

    def pocket_rect(self) -> QRectF | None:
        """The pocket cam inset in view pixels, or None while it is hidden."""
        if not self.pocket.visible:
            return None
        return self._graphics_layout(self.data_to_scene())[1]

    def stage(self) -> bool:
        """Whether the view is tall enough to show the track at its top and the scoreboard
        and the pocket cam below it (see infield_layout.is_stage)."""
        return is_stage(self.width(), self.height(), self.backdrop.bounds())

    def _graphics_layout(self, to_px: QTransform) -> tuple[QRectF, QRectF]:
        """(scoreboard area, pocket-cam inset) in view px: in the infield, or below the
        track in a tall view (see stage)."""
        if not self.stage():
            return infield_layout(self.replay.track, to_px)
        bottom = to_px.mapRect(self.backdrop.bounds()).bottom()
        room = QRectF(0.0, bottom, self.width(), self.height() - bottom)
        return stage_layout(room, self.pocket.visible)

    def _fit_range(self) -> None:
        """Show the whole track: centred, or across the top of a tall view (see stage)."""
        bounds = self.backdrop.bounds()
        if self.stage():
            tall = bounds.width() * self.height() / self.width()
            bounds = QRectF(bounds.left(), bounds.bottom() - tall, bounds.width(), tall)
        self.vb.setRange(rect=bounds, padding=0.0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if hasattr(self, "backdrop"):  # pyqtgraph resizes the view as it is made
            self._fit_range()

    def data_to_scene(self) -> QTransform:
        """Transform from metres to this view's scene/viewport pixels (current view range)."""
        self.vb.prepareForPaint()
        return self.vb.childGroup.sceneTransform()

    def map_to_widget(self, x: float, y: float) -> QPointF:
        """Pixel position in this widget of a track point (m)."""
        scene_pt = self.data_to_scene().map(QPointF(x, y))
        vp = self.mapFromScene(scene_pt)
        return QPointF(self.viewport().mapTo(self, vp))

    # --- per frame -------------------------------------------------------------------------
    def update_frame(self, t: float) -> None:
        """Move everything to race time t (s)."""
        r = self.replay
        st = r.state_at(t)
        self.state = st
        x, y = st.x_m, st.y_m
        f = r.focus
        fx, fy = x[f : f + 1], y[f : f + 1]
        self.runner_item.set_points(fx, fy)
        self.runner_halo.set_points(fx, fy)
        self.markers.update(t, x, y)
        if self.trails_visible:
            self._update_trails(t)
        self._update_light(st)
        if self.compare is not None:
            cx, cy = self.compare.positions_at(t)
            j = self.compare.focus
            self.compare_item.set_points(cx[j : j + 1], cy[j : j + 1])
            self._compare_xy = (float(cx[j]), float(cy[j]))
        else:
            self._compare_xy = None
        status = race_status(r, st, self.compare)
        if self._whose:
            forms = whose_forms(self._whose, (status.distance_text, *status.distance_forms))
            status = replace(status, distance_text=forms[0], distance_forms=forms[1:])
        self.status = status
        self.viewport().update()

    def _update_trails(self, t: float) -> None:
        times = np.linspace(t - TRAIL_S, t, TRAIL_SAMPLES)
        rows = self._trail_rows
        if len(rows) > MAX_TRAILS:
            st = self.state
            near = np.abs(st.distance_m[rows] - st.distance_m[self.replay.focus])
            rows = rows[np.argpartition(near, MAX_TRAILS)[:MAX_TRAILS]]
        all_rows = np.append(rows, self.replay.focus)
        x, y = self.sampler.positions(times, all_rows)
        self.trail_runner.set_xy(x[-1], y[-1])
        if len(rows):
            connect = self._trail_connect
            if connect is None or connect.size != x[:-1].size:  # made once per trail count
                grid = np.ones(x[:-1].shape, dtype=bool)
                grid[:, -1] = False  # each athlete's trail apart from the next one's
                connect = self._trail_connect = grid.ravel()
            self.trail_others.set_xy(x[:-1].ravel(), y[:-1].ravel(), connect=connect)

    def _update_light(self, st: RaceState) -> None:
        r = self.replay
        if r.target is None:
            for item in (self.light_glow, self.light_core, self.light_head, self.gap_arc):
                item.setVisible(False)
            self.gap_mid = None
            self._light_band = None
            return
        d_t = float(st.distance_m[r.target])
        d_r = float(st.distance_m[r.focus])
        race_m = r.race.distance_m
        # Once it has run the target time the light is off: no band, a faded head at the line.
        off = light_off(r, st.t)
        band = np.linspace(d_t + LIGHT_BAND_M[0], d_t + LIGHT_BAND_M[1], 0 if off else 16)
        band = band[(band >= 0.0) & (band <= race_m + 0.5)]
        finished = st.t >= r.finish_time_s[r.focus] or r.focus_stopped(st.t)
        show_gap = abs(d_t - d_r) > 0.4 and not finished and st.t > 0
        arc = gap_arc_m(d_r, min(d_t, race_m), r.track.lap_m) if show_gap else np.zeros(0)
        # The band, the light's head and the gap arc in one pass through the track geometry.
        nb = len(band)
        lat = np.full(nb + 1 + len(arc), -LANE1_LINE_M)
        lat[nb + 1 :] = GAP_LATERAL_M
        px, py, heading = r.track.race_xy(
            np.concatenate([band, [min(d_t, race_m)], arc]), race_m, lat
        )
        self._light_band = None
        if nb >= 2:
            bx, by = px[:nb], py[:nb]
            self.light_glow.set_xy(bx, by)
            self.light_core.set_same_points(self.light_glow)
            self._light_band = (bx, by)
        for item in (self.light_glow, self.light_core):
            item.setVisible(nb >= 2)
        self.light_head.setVisible(nb >= 2 or off)
        self.light_head.set_points(px[nb : nb + 1], py[nb : nb + 1], int(off))
        self.gap_arc.setVisible(show_gap)
        self.gap_mid = None
        if not show_gap:
            return
        ax, ay, heading = px[nb + 1 :], py[nb + 1 :], heading[nb + 1 :]
        self.gap_arc.set_xy(ax, ay)
        sign = st.gap_to_target_s is not None and st.gap_to_target_s < 0
        if sign != self._gap_sign:
            self._gap_sign = sign
            self.gap_arc.set_pen(self._gap_pens[1 if sign else 0])
        mid = len(arc) // 2
        self.gap_mid = (float(ax[mid]), float(ay[mid]), float(heading[mid]), sign)

    # --- painting --------------------------------------------------------------------------
    def _on_transform_changed(self) -> None:
        tr = self.vb.childGroup.sceneTransform()
        ppm = math.hypot(tr.m11(), tr.m12())
        if ppm > 0 and abs(ppm - self._px_per_m) > 1e-3:
            self._px_per_m = ppm
            self._style_items()
        self.resetCachedContent()

    def resetCachedContent(self) -> None:  # noqa: N802
        """Forget the painted backdrop (the view's cache and any still made from it)."""
        self.backdrop_version = getattr(self, "backdrop_version", 0) + 1
        super().resetCachedContent()

    def moving_items(self) -> list[pg.GraphicsObject]:
        """The items that move per frame (all the scene's drawing besides the backdrop)."""
        items = [getattr(self, name) for name in _ITEM_Z]
        return items + (self.markers.items() if self.markers is not None else [])

    @guarded_paint
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        painter.fillRect(rect, QColor(self.theme.background))
        self.backdrop.paint(
            painter,
            self.data_to_scene(),
            self.theme,
            self.overlay.scale,
            self._fit,
            self._text_floor,
        )
        if self.backdrop.label_rects != self._labels_seen:
            self._labels_seen = list(self.backdrop.label_rects)
            self.labels_moved.emit()

    def fixed_boxes(self) -> list[QRect]:
        """Where the backdrop's distance labels ("200 m", "FINISH", "START") were last
        painted, and the pocket cam and scoreboard (below the track in a tall view), in
        this widget's px."""
        at = self.viewport().pos()
        boxes = list(self._labels_seen)
        pocket = self.pocket_rect()
        boxes += [r for r in (pocket, self.scoreboard_rect) if r is not None]
        return [self.mapFromScene(r).boundingRect().translated(at) for r in boxes]

    @guarded_paint
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        if self.state is None or self.status is None:
            return
        to_px = self.data_to_scene()
        obstacles: list[QRectF] = list(self.backdrop.label_rects)
        obstacles += marker_rects(self, to_px)
        drawn: list[QRectF] = []
        board_area = None
        stage = self.stage()
        if self.pocket.visible or stage:
            board_area, inset = self._graphics_layout(to_px)
        if self.pocket.visible:
            self.pocket.place(inset, self.overlay.scale, self._fit, self._inset_floor)
            self.pocket.paint(
                painter, self.state, self._light_band, self._compare_xy, self._compare_name
            )
            obstacles.append(inset.adjusted(-3, -3, 3, 3))
            drawn.append(inset)
        self.scoreboard_rect = None
        if self.scoreboard_visible:
            # Below the track, the board is as big as its room allows (see stage).
            infield = board_area if stage else to_px.mapRect(self.backdrop.infield_rect())
            self.scoreboard_rect = self.overlay.paint_scoreboard(
                painter, infield, self.status, self.title, self.subtitle, board_area
            )
            obstacles.append(self.scoreboard_rect)
            obstacles += self.overlay.board_text_rects
            drawn.append(self.overlay.board_extent)
        labels = frame_labels(self, to_px)
        if labels:
            size = self.tag_px()
            bounds = QRectF(self.viewport().rect()).adjusted(4, 4, -4, -4)
            # Tags are placed afresh at another size (their memory is in pixels), checked
            # here rather than on resize: a layout passing through another size and back
            # between two frames (a change of theme) must forget nothing.
            if bounds != self._tags_bounds:
                self.reset_tags()
                self._tags_bounds = bounds
            drawn += self.overlay.paint_labels(
                painter, labels, obstacles, size, bounds, self.state.t, live_words(self)
            )
        self.foreground_rects = drawn

    # --- hover tips -------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tip_at(self.mapToScene(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tip_at(self, pos: QPointF) -> str:
        """The hover tip at pos (view px): what a ghost is (see ghost_tip), over its marker
        or its name tag; "" elsewhere."""
        if self.state is None:
            return ""
        r = self.replay
        to_px = self.data_to_scene()
        reach = max(TIP_REACH_PX, self.runner_radius)
        tags = dict(self.overlay.tag_rects)
        for i in range(r.n):
            if r.roles[i] != "ghost" or i == r.target:
                continue
            tag = tags.get(r.athletes[i].name)
            if tag is not None and tag.contains(pos):
                return ghost_tip(r, i)
            at = to_px.map(QPointF(float(self.state.x_m[i]), float(self.state.y_m[i])))
            if math.hypot(at.x() - pos.x(), at.y() - pos.y()) <= reach:
                return ghost_tip(r, i)
        return ""

    def tag_px(self) -> float:
        """Pixel size of the name tags' type before the presentation scale (x overlay.scale):
        from the view's height (tag_reference_px, over the screen's fit in presentation)."""
        return float(np.clip(self.tag_reference_px() / self._fit / 62.0, 10.0, 20.0))

    def name_tag_px(self) -> float:
        """Pixel size of the name tags' type as drawn (view px): tag_px x the presentation
        scale, at least the text floor (see set_output_scale)."""
        return floored(self.tag_px() * self.overlay.scale, self._text_floor)

    def tag_reference_px(self) -> float:
        """The height (px) name tags are sized by: the view's, unless the scene set another
        (set_tag_reference: a portrait scene whose track takes only the height it needs)."""
        return self._tag_reference_px or float(self.height())

    def set_tag_reference(self, px: float | None) -> None:
        """Size name tags as for a view `px` tall (None: this view's own height)."""
        self._tag_reference_px = px

    def clock_text(self) -> str:
        """The race clock as the scoreboard shows it (m:ss.xx)."""
        return clock_text(self.state.t if self.state is not None else 0.0)
