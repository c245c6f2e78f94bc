"""The pocket cam: a zoomed inset of the track that follows the focus runner.

The camera is one QTransform from track metres to view pixels: centred on the runner's model
position, turned by her heading so she runs left to right (infield up), scaled so the inset
shows lanes 1-5 either side of her. The lane lines are the model's track geometry drawn
through that transform, and every marker is the model position (state.x_m, state.y_m) mapped
by the same transform, so the inset agrees with the model to the pixel.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTransform

from racegui.model.names import surname_words
from racegui.model.replay import RaceState, Replay
from racegui.model.standings import out_s
from racegui.model.track import LANE1_LINE_M
from racegui.ui.device_sprites import DiscSprite, blit_centred
from racegui.ui.markers import DROPPED_ALPHA, mk_colour
from racegui.ui.pocket_geometry import PocketGeometry
from racegui.ui.pocket_paint import (
    PocketStyle,
    chip_height,
    lane_box,
    lane_box_clear,
    paint_chrome,
    paint_light_band,
    paint_light_chip,
    pill_boxes,
    target_words,
)
from racegui.ui.pocket_tags import Tag
from racegui.ui.runner_accent import mark_colours, runner_accent, tag_grounds
from racegui.ui.text_fit import clip_text
from racegui.ui.theme import Theme
from racegui.ui.track_labels import DROPPED_LABEL_S, out_tag

HALF_HEIGHT_M = 6.4
"""Half the inset's height (m): from lane 1, lanes 1-5 and the kerb are in view."""
BODY_M = 0.5
"""Marker diameter (m): about a body seen from above."""
RUNNER_BODY_M = 0.62
"""The focus runner's marker diameter (m), a little larger, with a ring and a halo."""
TAG_RANGE_M = 9.0
"""Pacers within this distance (m along the track) of the runner get a name tag."""
MAX_TAGS = 7
MAX_TAG_SHIFT_M = 3.0
"""A tag sits at most this far (m, along the inset) from its marker, or is left out."""
OUTER_ROW_M = 3.95
"""Where the outer tag row runs (m outside the runner): lane 4, clear of lane 3.5."""
LANE_NUMBER_REACH = 0.4
"""Share of the inset's width from its left edge within which a lane's number may be moved
along its lane to stand clear of the title's pill (see PocketCam._lane_numbers)."""
RECENT_DROP_S = DROPPED_LABEL_S
"""A pacer that dropped out this recently (s) is tagged first: it is the story. After that his
faded tag goes, as on the track (at 10 s, Teare and Fisher were still named beside her at the
finish)."""


TAG_NAME_CHARS = 18
"""Longest pocket cam tag (characters): the inset has room for a surname, not a sentence."""


def tag_name(name: str) -> str:
    """Short tag: "Grant Fisher" -> "Fisher", "Georgia Hunter Bell" -> "Hunter Bell",
    "Pacer 10" -> "P10"; at most TAG_NAME_CHARS characters: a two-word surname too long
    keeps its last word, and a word too long is cut, at a hyphen where that keeps half the
    room ("Bell-Montgomery…"), with "…"."""
    parts = name.split()
    if len(parts) >= 2 and parts[-1].isdigit():
        short = parts[0][:1].upper() + parts[-1]
    elif len(parts) < 2:
        short = name
    else:
        words = surname_words(name)
        short = " ".join(words)
        if len(short) > TAG_NAME_CHARS:
            short = words[-1]
    return _cut_word(short, TAG_NAME_CHARS)


def _cut_word(text: str, most: int) -> str:
    """text cut to at most `most` characters with "…" (clip_text), at its last hyphen that
    keeps at least half of them."""
    text = text.strip()
    if len(text) <= most:
        return text
    hyphen = text.rfind("-", 0, most - 1)
    if hyphen >= most // 2:
        return text[:hyphen] + "…"
    return clip_text(text, most)


def camera_transform(
    x_m: float, y_m: float, heading_rad: float, centre: QPointF, px_per_m: float
) -> QTransform:
    """Track metres to pixels: (x_m, y_m) to centre, heading to +x, the runner's left up."""
    k = px_per_m
    c, s = math.cos(heading_rad), math.sin(heading_rad)
    return QTransform(
        k * c,
        k * s,
        k * s,
        -k * c,
        centre.x() - k * (x_m * c + y_m * s),
        centre.y() - k * (x_m * s - y_m * c),
    )


class PocketCam:
    """Camera, geometry and painting of the inset for one replay and theme."""

    def __init__(self, replay: Replay, theme: Theme) -> None:
        self.visible = True
        self.rect: QRectF | None = None
        """The inset in view pixels (set by :meth:`place`)."""
        self.px_per_m = 1.0
        self.transform: QTransform | None = None
        """The camera of the last paint (track metres to view pixels)."""
        self._scale = 1.0
        self._fit = 1.0
        self._floor = 0.0
        self._xy: tuple[np.ndarray, np.ndarray] | None = None
        self._shown = np.zeros(0, dtype=bool)
        self._alpha = np.zeros(0, dtype=int)
        self.set_replay(replay)
        self.set_theme(theme)

    # --- configuration ---------------------------------------------------------------------
    def set_replay(self, replay: Replay) -> None:
        self.replay = replay
        self.geometry = PocketGeometry(replay.track, replay.race.distance_m)
        self._drop_t = np.nan_to_num(replay.dropout_time_s, nan=np.inf)
        others = [i for i in range(replay.n) if i not in (replay.focus, replay.target)]
        self._others = np.array(others, dtype=int)
        self._ghost = replay.roles == "ghost"
        self._ghost_list = self._ghost.tolist()
        self._names = [tag_name(a.name) for a in replay.athletes]
        track = replay.track
        self._lane_lats = -LANE1_LINE_M + (np.arange(track.lanes) + 0.5) * track.lane_width_m
        self._lane_texts = [str(k + 1) for k in range(track.lanes)]
        self._styles()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.style = PocketStyle(theme)
        if self.rect is not None:  # keep the type sized for the inset already placed
            self.style.size_for(self.rect, self.px_per_m, self._scale, self._fit, self._floor)
        self._styles()

    def place(self, rect: QRectF, scale: float = 1.0, fit: float = 1.0, floor: float = 0.0) -> None:
        """Put the inset at rect (view px); scale is the presentation scale of its type, fit
        the screen's next to the layout's (presentation.screen_fit; see size_for), floor its
        least type size (px)."""
        if (rect, scale, fit, floor) == (self.rect, self._scale, self._fit, self._floor):
            return
        self.rect = QRectF(rect)
        self._scale = scale
        self._fit = fit
        self._floor = floor
        self.px_per_m = rect.height() / (2.0 * HALF_HEIGHT_M)
        self.style.size_for(rect, self.px_per_m, scale, fit, floor)
        self._styles()

    def _styles(self) -> None:
        if not hasattr(self, "theme") or not hasattr(self, "replay"):
            return
        th = self.theme
        k = self.px_per_m
        self._d = max(BODY_M * k, 5.0)
        out_w = max(1.2, 0.06 * k)
        self._fill = mark_colours(self.replay, th)  # the tags' dots and the light's chip
        self._outline = QPen(mk_colour(th.pacer_outline, 220), out_w)
        self._outline_faded = QPen(mk_colour(th.pacer_outline, DROPPED_ALPHA), out_w)
        f = self.replay.athletes[self.replay.focus]
        self._runner_d = max(RUNNER_BODY_M * k, 7.0)
        self._runner_fill = QColor(f.colour)
        # The title's dot is hers, as the scoreboard's bar: it had stayed the theme's pink
        # (Runner A's) whoever was followed.
        self.style.dot = runner_accent(f.colour, tag_grounds(th))
        self._runner_halo = mk_colour(f.colour, 75)
        self._runner_pen = QPen(QColor(th.runner_outline), max(2.0, 0.1 * k))
        compare = QPen(mk_colour(th.compare_colour, 230), max(1.5, 0.06 * k))
        compare.setStyle(Qt.PenStyle.DashLine)
        self._compare_pen = compare
        self._sprites: dict[tuple[str, int], DiscSprite] = {}
        self._runner_sprites: tuple[DiscSprite, DiscSprite] | None = None

    def _sprite(self, i: int, kind: int) -> DiscSprite:
        """Marker of athlete i: kind 0 running, 1 dropped out (faded), 2 a model ghost."""
        colour = self.replay.athletes[i].colour
        pix = self._sprites.get((colour, kind))
        if pix is None:
            if kind == 2:
                pen, fill = QPen(mk_colour(colour, 230), 1.6), mk_colour(colour, DROPPED_ALPHA)
            elif kind == 1:
                pen, fill = self._outline_faded, mk_colour(colour, DROPPED_ALPHA)
            else:
                pen, fill = self._outline, QColor(colour)
            pix = DiscSprite(fill, pen, self._d)
            self._sprites[(colour, kind)] = pix
        return pix

    # --- camera ----------------------------------------------------------------------------
    def aim(self, state: RaceState) -> QTransform:
        """The camera for a race state: the focus runner at the inset's centre."""
        f = self.replay.focus
        self.transform = camera_transform(
            float(state.x_m[f]),
            float(state.y_m[f]),
            float(state.heading_rad[f]),
            self.rect.center(),
            self.px_per_m,
        )
        return self.transform

    def map(self, x_m: np.ndarray, y_m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """View pixels of track points (m) through the last camera."""
        t = self.transform
        return (
            t.m11() * x_m + t.m21() * y_m + t.dx(),
            t.m12() * x_m + t.m22() * y_m + t.dy(),
        )

    def marker(self, i: int) -> tuple[QPointF, int] | None:
        """Where athlete i's marker was drawn in the last paint (view px) and its opacity
        (0..255), or None if it was not in the inset."""
        if self._xy is None or i >= len(self._shown) or not self._shown[i]:
            return None
        x, y = self._xy
        return QPointF(float(x[i]), float(y[i])), int(self._alpha[i])

    # --- painting --------------------------------------------------------------------------
    def paint(
        self,
        p: QPainter,
        state: RaceState,
        light: tuple[np.ndarray, np.ndarray] | None = None,
        compare_xy: tuple[float, float] | None = None,
        compare_name: str = "",
    ) -> list[QRectF]:
        """Draw the inset with p in view pixels; light is the lit band (m) on the kerb;
        compare_xy (m) the compared race's runner, a hollow ring tagged compare_name.

        Returns the pixel boxes of its markers (obstacles for other tags)."""
        rect = self.rect
        r = self.replay
        f = r.focus
        # View px to output px: 1 in the window, 2/3 in a 720p export laid out at 1080p.
        tr = p.transform()
        out_scale = math.hypot(tr.m11(), tr.m12())
        cam = self.aim(state)
        self.geometry.window(float(r.track.lap_position_m(state.drawn_m[f], r.race.distance_m)))
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setClipRect(rect)
        st = self.style
        p.fillRect(rect, st.infield)
        p.save()
        p.setTransform(cam, True)
        self._paint_track(p, out_scale)
        if light is not None and len(light[0]) >= 2:
            paint_light_band(p, light, st)
        p.restore()
        x, y = self.map(state.x_m, state.y_m)
        self._xy = (x, y)
        pad = self._runner_d
        inside = (
            (x > rect.left() - pad)
            & (x < rect.right() + pad)
            & (y > rect.top() - pad)
            & (y < rect.bottom() + pad)
        )
        dropped = state.t >= self._drop_t
        self._shown = inside.copy()
        if r.target is not None:
            self._shown[r.target] = False
        self._alpha = np.where(dropped, DROPPED_ALPHA, 255)
        rows = self._others[inside[self._others]]
        boxes = self._paint_markers(p, rows, x, y, dropped)
        ghost: Tag | None = None
        if compare_xy is not None:
            cx, cy = self.map(np.array([compare_xy[0]]), np.array([compare_xy[1]]))
            at = QPointF(float(cx[0]), float(cy[0]))
            p.setPen(self._compare_pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(at, self._d / 2, self._d / 2)
            if compare_name and rect.contains(at):  # an unnamed ring (presenter's review)
                ghost = Tag(at.x(), at.y(), self._d / 2, compare_name, self._compare_pen.color())
        self._paint_runner(p, float(x[f]), float(y[f]))
        chrome = paint_chrome(p, rect, st, self._lane_numbers(state))
        self._tags(p, state, rows, dropped, light, chrome, ghost)
        p.restore()
        st.paint_frame(p, rect)
        return boxes

    def _paint_track(self, p: QPainter, out_scale: float) -> None:
        """Fills without antialiasing (their edges lie under lines), then 1 px antialiased
        lines: both are Qt's fast paths (a wide antialiased stroke costs ~0.5 ms per line).
        The wider finish and start lines are sized in view px, so scaled by out_scale."""
        g = self.geometry
        st = self.style
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        for brush, (poly, _) in (
            (st.outside, g.outside),
            (st.apron, g.apron),
            (st.surface, g.surface),
            (st.kerb, g.kerb),
        ):
            p.setBrush(brush)
            p.drawPolygon(poly)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(st.lane_pen)
        for poly, _ in g.lines[1:]:
            p.drawPolyline(poly)
        p.setPen(st.kerb_pen)
        p.drawPolyline(g.lines[0][0])
        p.drawPolyline(g.kerb_inner[0])
        p.setPen(st.device_pen(st.finish_pen, out_scale))
        p.drawLine(g.finish)
        if g.start is not None:
            p.setPen(st.device_pen(st.start_pen, out_scale))
            p.drawLine(g.start)

    def _paint_markers(
        self, p: QPainter, rows: np.ndarray, x: np.ndarray, y: np.ndarray, dropped: np.ndarray
    ) -> list[QRectF]:
        d = self._d
        rad = d / 2
        order = rows[np.argsort(~dropped[rows], kind="stable")].tolist()  # faded underneath
        kinds = np.where(self._ghost, 2, np.where(dropped, 1, 0)).tolist()
        xs, ys = x.tolist(), y.tolist()
        sprite = self._sprite
        discs = [(sprite(i, kinds[i]), xs[i], ys[i]) for i in order]
        blit_centred(p, discs)
        return [QRectF(cx - rad - 1, cy - rad - 1, d + 2, d + 2) for _, cx, cy in discs]

    def _paint_runner(self, p: QPainter, x: float, y: float) -> None:
        """Her halo and disc, blitted from sprites drawn once per size."""
        if self._runner_sprites is None:
            d = self._runner_d
            self._runner_sprites = (
                DiscSprite(self._runner_halo, None, 1.9 * d),
                DiscSprite(self._runner_fill, self._runner_pen, d),
            )
        blit_centred(p, [(disc, x, y) for disc in self._runner_sprites])

    def _lane_numbers(self, state: RaceState) -> list[tuple[str, QPointF]]:
        """Lane numbers (text, view px) just inside the inset's left edge; one that would be
        under the title's or the scale bar's pill further along its lane, past the pill (the
        lane-1 number under the kerb at the inset's top had been drawn over "POCKET CAM",
        coach's review), or left out if none is clear within LANE_NUMBER_REACH."""
        f = self.replay.focus
        st = self.style
        rect = self.rect
        back = (rect.width() / 2 - 0.9 * st.lane_px) / self.px_per_m
        lats = self._lane_lats
        d0 = float(state.drawn_m[f]) - back  # the inset follows where she is drawn
        px, py = self._lane_points(np.full(len(lats), d0), lats)
        pills = pill_boxes(rect, st)
        numbers = []
        for k, (a, b) in enumerate(zip(px.tolist(), py.tolist(), strict=True)):
            text, at = self._lane_texts[k], QPointF(a, b)
            box = lane_box(st, text, at)
            if rect.contains(box) and not lane_box_clear(st, box, pills):
                at = self._clear_lane_place(text, d0, float(lats[k]), pills)
                if at is None:
                    continue
            numbers.append((text, at))
        return numbers

    def _lane_points(self, distance_m: np.ndarray, lats: np.ndarray) -> tuple[np.ndarray, ...]:
        """View px of points at race distances (m, along lane 1) and lateral offsets (m)."""
        r = self.replay
        s = r.track.lap_position_m(distance_m, r.race.distance_m)
        lx, ly, _ = r.track.xy(s, lats)
        return self.map(lx, ly)

    def _clear_lane_place(
        self, text: str, d0: float, lat: float, pills: tuple[QRectF, ...]
    ) -> QPointF | None:
        """The first place (view px) along the lane at lat (m) from race distance d0 (m)
        on, in steps of a quarter of the type's unit, where the lane's number is inside the
        inset and clear of the pills; None if there is none within LANE_NUMBER_REACH."""
        st, rect = self.style, self.rect
        step_m = 0.25 * st.unit / self.px_per_m
        n = int(math.ceil(LANE_NUMBER_REACH * rect.width() / (0.25 * st.unit)))
        d = d0 + step_m * np.arange(1, n + 1)
        px, py = self._lane_points(d, np.full(n, lat))
        reach = rect.left() + LANE_NUMBER_REACH * rect.width()
        for a, b in zip(px, py, strict=True):
            at = QPointF(float(a), float(b))
            box = lane_box(st, text, at)
            if box.left() > reach:
                break
            if rect.contains(box) and lane_box_clear(st, box, pills):
                return at
        return None

    def _tags(
        self,
        p: QPainter,
        state: RaceState,
        rows: np.ndarray,
        dropped: np.ndarray,
        light: tuple[np.ndarray, np.ndarray] | None,
        keep_out: list[QRectF],
        ghost: Tag | None = None,
    ) -> None:
        """Tags in rows: the runner, inside pacers and the light above the kerb, outer and
        stepped-off pacers between lanes 4 and 5; the light's chip when it is out of view;
        the compared race's runner (`ghost`, if in view) in any row, after the light."""
        r = self.replay
        f = r.focus
        x, y = self._xy
        k = self.px_per_m
        rect = self.rect
        st = self.style
        tp = st.tags
        h = tp.h
        lat_f = float(state.lateral_m[f])
        kerb_y = rect.center().y() - (lat_f + LANE1_LINE_M) * k
        # Her pack may have put her lanes out, the kerb above the inset: the row then stays at
        # the inset's top (a club 1500's runner 5 m out had no tag at all, nor anyone else).
        row_a = max(kerb_y - 0.3 * k - h / 2, rect.top() + 2 + h / 2)
        row_c = rect.center().y() + OUTER_ROW_M * k
        ys = {"a": row_a, "b": row_a - 1.3 * h, "c": row_c, "d": row_c + 1.3 * h}
        ys = {
            key: v
            for key, v in ys.items()
            if rect.top() + 2 + h / 2 <= v <= rect.bottom() - 2 - h / 2
        }
        held = r.focus_stopped(state.t)  # she did not finish: the chip holds her gap
        chip_y = row_a
        if held:  # her held chip under the title and scale (keep_out[:2])
            chip_y = max(row_a, max(b.bottom() for b in keep_out[:2]) + chip_height(st) / 2 + 2)
        chip = self._light_chip(p, state, light, chip_y)
        spans = self._row_spans(ys, h, keep_out + ([chip] if chip is not None else []))
        layout_rows = [(ys[key], *spans[key]) for key in ys]
        inner_rows = [i for i, key in enumerate(ys) if key in "ab"]
        outer_rows = [i for i, key in enumerate(ys) if key in "cd"]
        name = self._names[f]
        # Her tag says she stopped ("DNF", or "DQ" if disqualified there), or, disqualified
        # after finishing, from her finish, as her track tag does.
        if held or state.t >= out_s(r, f):
            name = out_tag(name, r.athletes[f].end_mark)
        tags = [Tag(float(x[f]), float(y[f]), self._runner_d / 2, name, self._fill[f])]
        # The light may pass by her held chip. Stopped, her tag may go below her too: in a
        # small inset the held chip under the title had left no inner row for "Koch · DNF".
        rows_of = [inner_rows + outer_rows if held else inner_rows]
        if (chip is None or held) and light is not None and len(light[0]) >= 2:
            mid = len(light[0]) // 2
            lx, ly = self.map(light[0][mid : mid + 1], light[1][mid : mid + 1])
            if rect.contains(QPointF(float(lx[0]), float(ly[0]))):
                word = target_words(r.athletes[r.target].name, TAG_NAME_CHARS)[0]
                tags.append(Tag(float(lx[0]), float(ly[0]), 0.2 * k, word, self._fill[r.target]))
                rows_of.append(inner_rows)
        if ghost is not None:
            tags.append(ghost)
            rows_of.append(inner_rows + outer_rows)
        since = (state.t - self._drop_t).tolist()
        ahead = (state.drawn_m - state.drawn_m[f]).tolist()
        is_ghost = self._ghost_list
        near = [
            i
            for i in rows.tolist()
            if not is_ghost[i] and abs(ahead[i]) <= TAG_RANGE_M and since[i] <= RECENT_DROP_S
        ]
        near.sort(key=lambda i: (not (since[i] >= 0), abs(ahead[i])))
        xs, ys_px, lateral, faded = (
            x.tolist(),
            y.tolist(),
            state.lateral_m.tolist(),
            dropped.tolist(),
        )
        rad = self._d / 2
        for i in near[:MAX_TAGS]:
            out = faded[i] or lateral[i] > lat_f + 1.0
            tags.append(Tag(xs[i], ys_px[i], rad, self._names[i], self._fill[i], faded[i]))
            rows_of.append(outer_rows if out else inner_rows)
        tp.paint(p, tp.layout(layout_rows, tags, rows_of, max_shift=MAX_TAG_SHIFT_M * k))

    def _row_spans(
        self, ys: dict[str, float], h: float, keep_out: list[QRectF]
    ) -> dict[str, list[float]]:
        """Free x span (px) of each tag row (centre y, height h) beside the boxes to keep out."""
        rect = self.rect
        left, right, mid = rect.left() + 4, rect.right() - 4, rect.center().x()
        spans = {key: [left, right] for key in ys}
        rows = [(spans[key], cy + h / 2, cy - h / 2) for key, cy in ys.items()]
        for box in keep_out:
            top, bottom = box.top() - 2, box.bottom() + 2
            on_right = box.center().x() > mid
            edge = box.left() - 4 if on_right else box.right() + 4
            for span, row_bottom, row_top in rows:
                if top < row_bottom and bottom > row_top:
                    if on_right:
                        span[1] = min(span[1], edge)
                    else:
                        span[0] = max(span[0], edge)
        return spans

    def _light_chip(
        self,
        p: QPainter,
        state: RaceState,
        light: tuple[np.ndarray, np.ndarray] | None,
        y: float,
    ) -> QRectF | None:
        """The "light +19.8 m ahead" chip at the edge when the light is out of view. Once a
        runner who did not finish has stopped, the gap as it was there, as the panel holds it
        ("light 3.2 m behind when she stopped"), in or out of view: the light running on
        away from her standing marker had read as a gap growing."""
        r = self.replay
        if r.target is None:
            return None
        if r.focus_stopped(state.t) and state.gap_to_target_m is not None:
            words = target_words(r.athletes[r.target].name, TAG_NAME_CHARS)
            gap_m = float(state.gap_to_target_m)  # + she was behind: the light was ahead
            fill = self._fill[r.target]
            return paint_light_chip(p, self.rect, self.style, gap_m, y, fill, words, held=True)
        if light is None or len(light[0]) < 2:
            return None
        hx, hy = self.map(light[0][-1:], light[1][-1:])
        if self.rect.contains(QPointF(float(hx[0]), float(hy[0]))):
            return None
        gap_m = float(state.distance_m[r.target] - state.distance_m[r.focus])
        words = target_words(r.athletes[r.target].name, TAG_NAME_CHARS)
        return paint_light_chip(p, self.rect, self.style, gap_m, y, self._fill[r.target], words)
