"""Which name tags the track view wants each frame, and the marker boxes they must avoid.

Tags are listed most important first (the runner, the gap to the light, the light, a
comparison runner, then pacers still running or just dropped out), each with its tier (see
Label.tier) so that a pacer's tag never takes the light's place; the overlay places them.
"""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QTransform

from racegui.model.names import short_name
from racegui.model.replay import Replay
from racegui.model.standings import out_s
from racegui.model.timefmt import format_time, label_names_time
from racegui.model.track import LANE1_LINE_M
from racegui.ui.overlay import Label

if TYPE_CHECKING:
    from racegui.ui.track_view import TrackView

MAX_LABELS = 40
"""Most name tags considered per frame."""
DROPPED_LABEL_S = 2.5
"""A pacer keeps its name tag this long (s) after dropping out, then only its faded marker
(at 8 s, the stepped-off pacers' faded tags crowded the home straight at the finish)."""
DROPPED_APPEAR_S = 1.0
"""A stepped-off pacer's tag not shown by this long (s) after its dropout does not appear:
an audience reads a tag that pops in seconds later as news, and it would soon go again."""
LIGHT_SLIDE_HEIGHTS = 8.0
"""How far (tag heights) the pacing light's tag may slide along the track to stay shown."""
GHOST_SLIDE_HEIGHTS = LIGHT_SLIDE_HEIGHTS
"""How far (tag heights) a ghost's tag (a modelled run, or the compared race's runner) may
slide along the track to stay shown: wide, it finds no place beside its marker on a bend by
the pocket cam, where a pacer's short name still fits."""
LINE_CLEAR_FROM_M = 40.0
"""Once the runner, the pacing light or a ghost has this far (m) to go (and after), name
tags keep off the finish line across the track: from 4:00 the light's tag, parked at
the line, had covered it as she crossed, and before 4:00 the light's own tag lay across it
as the light crossed. (At 100 m, with the start line kept clear too, tags gliding along the
straight were pushed across it: the modelled ghost's hopped 172 px at 3:55.13.)"""
LINE_CLEAR_PX = 3.0
"""Space (px) kept between a tag and such a line, beyond the line's own width."""
PATH_AHEAD_M = 60.0
"""Most of her way to the line (m, the last of it) a parked marker's tag keeps off (see
path_to_line): the light parks at 4:00.00 with her 40 m from the line."""
MAX_PATH_POINTS = 400
"""Most points along that way (about one per marker radius)."""
TIER_LIGHT, TIER_COMPARE, TIER_OTHER = 1, 2, 3
"""Tiers (Label.tier) of the light's tag, a comparison runner's and another athlete's; a
running pacer's is one more, a stepped-off pacer's two more. The forced tags' is 0."""


def light_off(replay: Replay, t: float) -> bool:
    """Whether the pacing light has run the target time by race time t (s) and switched off
    (False for a race without one)."""
    return replay.target is not None and t >= float(replay.finish_time_s[replay.target])


def light_tag(replay: Replay, t: float) -> str:
    """The light's tag text at race time t (s): its name while it runs; once it has run the
    target time and switched off, with that time ("Sub-4 pacing light 4:00.00"), so that an
    audience does not read the light parked at the line as level with a runner still
    running. The tag stays at full strength, as a finished ghost's ("Modelled 3:59.37"):
    dimmed, the target read as less than the ghost at the finish (presenter's review); its
    marker at the line is faded and its band is out."""
    name = replay.athletes[replay.target].name
    if not light_off(replay, t):
        return name
    return _with_time(name, float(replay.finish_time_s[replay.target]))


def short_light_tag(replay: Replay, t: float) -> str:
    """A shorter text for the light's finished tag, taken when the full one finds no place
    (in presentation type, "Sub-4 pacing light 4:00.00" is 396 px wide at 1080p and found
    none at the line from 4:00.00 to 4:06.37 as she ran in): the name without "pacing"
    ("Sub-4 light 4:00.00"); "" while the light runs, or if its tag names no time or the
    name has no "pacing" to drop."""
    full = light_tag(replay, t)
    return "" if full == replay.athletes[replay.target].name else _without_pacing(full)


@functools.lru_cache(maxsize=8)
def _without_pacing(text: str) -> str:
    """text without the word "pacing" before "light" ("" if it has none); worked out once."""
    short = _PACING.sub("", text)
    return short if short != text else ""


_PACING = re.compile(r"(?i)\bpacing\s+(?=light\b)")
"""The word "pacing" before "light", which a short light's tag drops."""


@functools.lru_cache(maxsize=8)
def _with_time(name: str, seconds: float) -> str:
    """name followed by the time (s) it finished in, unless it already names it ("Previous
    world record 4:12.33"); worked out once, not every frame after the finish."""
    return name if label_names_time(name, seconds) else f"{name} {format_time(seconds)}"


@functools.lru_cache(maxsize=256)
def _short(name: str) -> str:
    """short_name, worked out once per name (not every frame)."""
    return short_name(name)


def marker_rects(view: TrackView, to_px: QTransform) -> list[QRectF]:
    """Pixel boxes round the runner, the light and the first MAX_LABELS other markers, then
    those of the lines near the finish (see line_strips)."""
    st = view.state
    r = view.replay
    rows = [r.focus] + [i for i in range(r.n) if i != r.focus][:MAX_LABELS]
    x = st.x_m[rows]
    y = st.y_m[rows]
    px = (to_px.m11() * x + to_px.m21() * y + to_px.dx()).tolist()
    py = (to_px.m12() * x + to_px.m22() * y + to_px.dy()).tolist()
    rad = 0.5 * view.markers._sizes["pacer"] + 1.0
    out = [QRectF(a - rad, b - rad, 2 * rad, 2 * rad) for a, b in zip(px, py, strict=True)]
    big = view.runner_radius + 1.0
    out[0] = QRectF(px[0] - big, py[0] - big, 2 * big, 2 * big)
    return out + line_strips(view, to_px)


def line_strips(view: TrackView, to_px: QTransform) -> list[QRectF]:
    """Pixel box of the finish line across the track, from when the runner, the pacing light
    or a ghost is within LINE_CLEAR_FROM_M of the finish (none before: a tag gliding
    with its marker is not pushed across a line every lap). Not the mile's start line 9.3 m
    before it: kept clear too, it left the ghost's and the light's parked tags no room between
    the lines, and they hopped up to 314 px at 4:06.50 (user review)."""
    r = view.replay
    st = view.state
    # The light's and the ghosts' own finishes, before hers, are kept clear too (the light, a
    # ghost, waits at the line once it has run its time, so the line stays clear after it).
    ahead = float(np.max(st.distance_m[view.line_rows]))
    if r.race.distance_m - ahead > LINE_CLEAR_FROM_M:
        return []
    track = r.track
    kerb = -LANE1_LINE_M
    outer = kerb + track.lanes * track.lane_width_m
    px_per_m = math.hypot(to_px.m11(), to_px.m12())
    pad = 0.5 * max(2.5, 0.35 * px_per_m) + LINE_CLEAR_PX  # the backdrop's finish line width
    x, y, _ = track.xy(np.array([0.0, 0.0]), np.array([kerb, outer]))
    a = to_px.map(QPointF(float(x[0]), float(y[0])))
    b = to_px.map(QPointF(float(x[1]), float(y[1])))
    return [QRectF(a, b).normalized().adjusted(-pad, -pad, pad, pad)]


def line_watchers(replay: Replay) -> np.ndarray:
    """Rows whose nearness to the finish keeps the line clear of tags: the runner followed
    and the ghosts, the target among them (a modelled ghost's tag lay across the line at
    3:53.9, before the light had 40 m to go; presenter's review)."""
    return np.union1d([replay.focus], np.flatnonzero(replay.roles == "ghost"))


GAP_KEY = "gap"
"""The key of the tag of the gap to the target, at the middle of the gap drawn on the track."""


def live_words(view: TrackView) -> dict[str, tuple[str, QColor]]:
    """Per key, the text and colour this frame of the tags whose words follow the race,
    drawn or not: the gap's, as the scoreboard has it (its colour by the gap's sign, as the
    gap drawn on the track). For a copy of the tag fading out (BroadcastOverlay.paint_labels)."""
    gap = view.status.target_gap if view.status is not None else None
    if gap is None:
        return {}
    colour = QColor(view.theme.ahead if gap.seconds < 0 else view.theme.behind)
    return {GAP_KEY: (gap.text(), colour)}


def frame_labels(view: TrackView, to_px: QTransform) -> list[Label]:
    st = view.state
    r = view.replay
    m11, m12, m21, m22 = to_px.m11(), to_px.m12(), to_px.m21(), to_px.m22()
    dx, dy = to_px.dx(), to_px.dy()
    out: list[Label] = []

    def label(
        x: float, y: float, heading: float, text: str, colour: QColor, radius: float, **options
    ) -> None:
        """A tag anchored at (x, y) m, pushed along the left normal of heading (rad);
        options are Label's (inward_first, forced, key, faded, tier, ...)."""
        nx, ny = math.sin(heading), -math.cos(heading)
        px, py = m11 * nx + m21 * ny, m12 * nx + m22 * ny
        norm = math.hypot(px, py) or 1.0
        ax, ay = m11 * x + m21 * y + dx, m12 * x + m22 * y + dy
        out.append(Label(ax, ay, px / norm, py / norm, text, colour, radius, **options))

    xs, ys, headings = st.x_m.tolist(), st.y_m.tolist(), st.heading_rad.tolist()
    colours = view.label_colours

    def add(i: int, text: str, radius: float, **options) -> None:
        """athlete i's tag (see label)."""
        label(xs[i], ys[i], headings[i], text, colours[i], radius, **options)

    f = r.focus
    marker_r = 0.5 * view.markers._sizes["pacer"]
    if view.labels_visible:
        runner = r.athletes[f].name
        if st.t >= out_s(r, f):  # followed to where she stopped (or finished, disqualified)
            runner = out_tag(runner, r.athletes[f].end_mark)  # said so, as for others
        add(f, runner, view.runner_radius, inward_first=True, forced=True, key="runner")
    if view.gap_mid is not None:
        x, y, h, ahead = view.gap_mid
        gap = view.status.target_gap
        colour = QColor(view.theme.ahead if ahead else view.theme.behind)
        text = gap.text() if gap is not None else ""
        label(x, y, h, text, colour, 2.0, inward_first=True, forced=True, key=GAP_KEY)
    if not view.labels_visible:
        return out
    compared = view.compare is not None and view.status.compare_gap is not None
    if compared:
        j = view.compare.focus
        cx, cy = view.compare.positions_at(st.t)
        compare_at = (
            float(m11 * cx[j] + m21 * cy[j] + dx),
            float(m12 * cx[j] + m22 * cy[j] + dy),
            view.runner_radius,
        )
    parked = (r.roles == "ghost") & (st.t >= r.finish_time_s)
    # The runners' markers (px) a parked marker's tag keeps off: hers, where she is and on
    # her way to the line, and the compared runner's.
    runners = path_to_line(view, to_px) if parked.any() else ()
    if compared and parked.any():
        runners += (compare_at,)

    def clear_of(i: int) -> tuple[tuple[float, float, float], ...]:
        """The runners' markers athlete i's tag keeps off: none unless i is a ghost (the
        light is one) parked at the finish, where she runs in over it (see Label.clear_of)."""
        return runners if parked[i] else ()

    if r.target is not None:
        add(
            r.target,
            light_tag(r, st.t),
            4.0,
            key=r.athletes[r.target].name,  # one tag, before and after its time is added
            inward_first=True,
            tier=TIER_LIGHT,
            slide_heights=LIGHT_SLIDE_HEIGHTS,
            leads=True,
            short_text=short_light_tag(r, st.t),
            clear_of=clear_of(r.target),
        )
    if compared:
        px, py, _ = compare_at
        out.append(
            Label(
                px,
                py,
                0.0,
                1.0,
                view.status.compare_gap.label,
                QColor(view.theme.compare_colour),
                view.runner_radius,
                tier=TIER_COMPARE,
                slide_heights=GHOST_SLIDE_HEIGHTS,
            )
        )
    # Python lists of the per-athlete values (no numpy scalar per test below).
    running = st.running.tolist()
    drop = st.t - r.dropout_time_s
    since_drop = drop.tolist()
    out_mark = (r.dnf | r.dq).tolist()  # a runner who ends out of the placings: DNF, DQ
    pacers = (r.roles == "pacer").tolist()
    # NaN (never drops) counts as recent; a runner who did not finish keeps her DNF tag
    recent = (~(drop > DROPPED_LABEL_S) | r.dnf).tolist()
    order = [i for i in range(r.n) if i not in (f, r.target) and recent[i]]
    order.sort(key=lambda i: (pacers[i], not running[i]))
    cap = MAX_LABELS if r.n <= 60 else MAX_LABELS // 3
    for i in order[:cap]:
        name = r.athletes[i].name
        pacer = pacers[i]
        # since_drop >= 0 is False for NaN: a pacer who never drops out is never faded.
        faded = since_drop[i] >= 0
        tier = TIER_OTHER + pacer + (pacer and faded)
        text = _short(name) if pacer else name
        if out_mark[i] and st.t >= out_s(r, i):
            text = out_tag(name, r.athletes[i].end_mark)
        slide = 0.0 if pacer else GHOST_SLIDE_HEIGHTS  # a runner or ghost: wide, and no pacer
        late = since_drop[i] > DROPPED_APPEAR_S
        add(
            i,
            text,
            marker_r,
            faded=faded,
            tier=tier,
            yields=pacer,
            slide_heights=slide,
            appears=not late,
            key=name if out_mark[i] else "",  # a DNF's one tag, before and after "DNF"
            clear_of=clear_of(i),
        )
    return out


def path_to_line(view: TrackView, to_px: QTransform) -> tuple[tuple[float, float, float], ...]:
    """Her marker (x, y, radius px) where she is, then every marker radius along her lane to
    the finish (at most PATH_AHEAD_M of it, nearest the line): where a marker parked at the
    line keeps its tag off. Kept off only where she is, the ghost's tag, parked at 3:59.37
    slid towards her, had to move three times as she ran in at 1080p (each time she came
    near it); kept off her way, it moves once, and a place it takes stays clear."""
    st, r = view.state, view.replay
    f = r.focus
    end = r.race.distance_m
    start = max(float(st.drawn_m[f]), end - PATH_AHEAD_M)
    px_per_m = math.hypot(to_px.m11(), to_px.m12())
    step_m = view.runner_radius / max(px_per_m, 1e-9)
    n = 1 + (math.ceil((end - start) / step_m) if end > start else 0)
    d = np.linspace(start, max(start, end), min(n, MAX_PATH_POINTS))
    x, y, _ = r.track.race_xy(d, end, float(st.lateral_m[f]))
    px = to_px.m11() * x + to_px.m21() * y + to_px.dx()
    py = to_px.m12() * x + to_px.m22() * y + to_px.dy()
    now = to_px.map(QPointF(float(st.x_m[f]), float(st.y_m[f])))
    rad = view.runner_radius
    return ((now.x(), now.y(), rad), *zip(px.tolist(), py.tolist(), [rad] * len(d), strict=True))


def ghost_tip(replay: Replay, i: int) -> str:
    """The hover tip of athlete i, a ghost (not the pacing light): that it is no runner in
    the race, how the replay moves it (one even pace from the gun, or the file's times for
    it), then the race file's note on it. A first-time viewer had only its tag ("Modelled
    3:59.37") and Help > About this race to tell what it was."""
    a = replay.athletes[i]
    if a.even_pace_time_s is not None:
        lap_m = replay.track.lap_m
        per_lap = a.even_pace_time_s * lap_m / replay.race.distance_m
        how = (
            f"it runs at one even pace from the gun ({per_lap:.1f} s per {lap_m:g} m) "
            f"and finishes in {format_time(a.even_pace_time_s)}."
        )
    else:
        finish = float(replay.finish_time_s[i])
        ends = f" and finishes in {format_time(finish)}" if math.isfinite(finish) else ""
        how = f"it runs through the times the race file gives for it{ends}."
    lines = [a.name, f"A ghost, not a runner in this race: {how}"]
    if a.note:
        lines.append(a.note)
    return "\n".join(lines)


def out_tag(name: str, mark: str) -> str:
    """The tag of a runner out of the placings, once she has stopped (or, disqualified,
    finished), with her Athlete.end_mark: "Ava Reid · DNF", "Ava Reid · DQ"."""
    return f"{name} · {mark}"
