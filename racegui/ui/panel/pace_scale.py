"""The pace chart's scale: its data range (but wild paces), pace and distance ticks, and
what the runner's curve and bars cover where a label would go. Pure numpy, no Qt (the chart,
racegui.ui.panel.pace_chart, lays these out in pixels).

Paces are in s/400 m, distances in m.
"""

from __future__ import annotations

import math

import numpy as np

from racegui.ui.panel.data import PanelData

WILD_PACE_SHARE = 0.3
"""A pace (s/400 m) further than this share of the race's median 100 m pace from it (or
than 3 interquartile ranges, if more) is wild: a first part-lap timed at 42 s/400 m in a
club 3000 m at 70 s had stretched the chart to 38..80 s (coach's review). The range leaves
it out; the curve and bars are clipped at the edge there and marked."""
COVER_TOLERANCE_S = 1e-6
"""Overlap (s/400 m) too small to count: a bar's foot and the target's line differ by
rounding."""
PACE_TICK_STEPS = (1, 2, 5, 10, 20, 30, 60)
"""Seconds between two pace ticks the chart may use (ticks are whole multiples of it)."""
PACE_TICK_EDGE_S = 0.3
"""Least distance (s/400 m) of a pace tick from the plot's edge (more if its label needs it)."""


def pace_range(data: PanelData) -> tuple[float, float]:
    """(fast, slow) pace bounds (s/400 m) with some air, at least 4 s apart: the runner's
    curve and bars but a wild pace (see pace_fence), and the target's line."""
    fast, slow = pace_fence(data.seg_pace_s400)
    parts = [data.curve_pace_s400, data.seg_pace_s400]
    parts = [p[(p >= fast) & (p <= slow)] for p in parts]
    if data.target_curve_pace_s400 is not None:
        parts.append(data.target_curve_pace_s400)
    values = np.concatenate(parts)
    values = values[np.isfinite(values)]
    if not len(values):
        return 55.0, 65.0
    lo, hi = float(values.min()) - 1.0, float(values.max()) + 1.0
    if hi - lo < 4.0:
        pad = (4.0 - (hi - lo)) / 2
        lo, hi = lo - pad, hi + pad
    return float(np.floor(lo * 2) / 2), float(np.ceil(hi * 2) / 2)


def pace_fence(seg_pace: np.ndarray) -> tuple[float, float]:
    """(fast, slow) paces (s/400 m) beyond which a pace is wild: WILD_PACE_SHARE of the
    median 100 m pace from it, or 3 interquartile ranges if more; (-inf, inf) if none."""
    values = seg_pace[np.isfinite(seg_pace)]
    if not len(values):
        return -math.inf, math.inf
    q1, median, q3 = (float(q) for q in np.percentile(values, [25, 50, 75]))
    reach = max(WILD_PACE_SHARE * median, 3 * (q3 - q1))
    return median - reach, median + reach


def pace_covered(
    data: PanelData,
    curve_pace: np.ndarray,
    view: tuple[float, float],
    a: float,
    b: float,
    top: float,
    bottom: float,
) -> float:
    """How much (s/400 m) of the pace band top..bottom, from a to b (m), the runner's whole
    curve (`curve_pace`, clipped) and her bars (clipped to `view`) cover there."""
    covered = 0.0
    along = curve_between(data.curve_m, curve_pace, a, b)
    along = along[np.isfinite(along)]
    if len(along):
        covered += overlap(float(along.min()), float(along.max()), top, bottom)
    bars = (data.seg_end_m > a) & (data.seg_start_m < b)
    ends = np.clip(data.seg_pace_s400[bars], *view)
    if data.seg_target_pace_s400 is not None:
        feet = data.seg_target_pace_s400[bars]
    else:
        feet = np.full(len(ends), view[1])
    for end, foot in zip(ends, np.clip(feet, *view), strict=True):
        covered += overlap(min(end, foot), max(end, foot), top, bottom)
    return covered


def overlap(a: float, b: float, top: float, bottom: float) -> float:
    """Length of a..b inside top..bottom (0 if apart)."""
    return max(0.0, min(b, bottom) - max(a, top))


def slowest_between(data: PanelData, a: float, b: float) -> float:
    """The slowest pace (s/400 m) drawn from a to b (m): the runner's curve, the 100 m bars'
    ends there (not the feet they rise from where there is no target: those are the
    chart's foot) and the target's line; -inf if none."""
    parts = [curve_between(data.curve_m, data.curve_pace_s400, a, b)]
    bars = (data.seg_end_m > a) & (data.seg_start_m < b)
    parts.append(data.seg_pace_s400[bars])
    if data.seg_target_pace_s400 is not None:
        parts.append(data.seg_target_pace_s400[bars])
    if data.target_curve_pace_s400 is not None:
        parts.append(curve_between(data.target_curve_m, data.target_curve_pace_s400, a, b))
    values = np.concatenate(parts)
    values = values[np.isfinite(values)]
    return float(values.max()) if len(values) else -math.inf


def curve_between(m: np.ndarray, pace: np.ndarray, a: float, b: float) -> np.ndarray:
    """A curve's paces (s/400 m) from a to b (m): its points there and where it crosses a
    and b (an even target's line has points only at its ends)."""
    if not len(m):
        return np.empty(0)
    inside = pace[(m >= a) & (m <= b)]
    ends = np.interp([a, b], m, pace, left=np.nan, right=np.nan)
    return np.concatenate([inside, ends])


def pace_ticks(
    lo: float, hi: float, most: int = 7, edge: float = PACE_TICK_EDGE_S
) -> list[tuple[float, str]]:
    """At most `most` (at least one step's worth) paces (s/400 m), whole multiples of the
    least of PACE_TICK_STEPS that keeps them so few, at least `edge` inside the range (an
    edge label would be cut in half)."""
    step = pace_tick_step(lo, hi, most, edge)
    first, last = math.ceil((lo + edge) / step) * step, math.floor((hi - edge) / step) * step
    return [(float(v), f"{v}") for v in range(first, last + 1, step)]


def pace_tick_step(lo: float, hi: float, most: int = 7, edge: float = PACE_TICK_EDGE_S) -> int:
    """Seconds between two of pace_ticks' ticks."""
    first_s, last_s = lo + edge, hi - edge
    for step in PACE_TICK_STEPS:
        first, last = math.ceil(first_s / step) * step, math.floor(last_s / step) * step
        if (last - first) // step + 1 <= max(most, 1):
            break
    return step


def fastest_run(data: PanelData) -> float:
    """The fastest pace (s/400 m) of the runner's curve and bars but a wild one (see
    pace_fence); inf if none."""
    fast, slow = pace_fence(data.seg_pace_s400)
    values = np.concatenate([data.curve_pace_s400, data.seg_pace_s400])
    values = values[np.isfinite(values) & (values >= fast) & (values <= slow)]
    return float(values.min()) if len(values) else math.inf


LABEL_STEPS = (1, 2, 5, 10, 25, 50, 100)
"""Laps between two lap names (or 400 m steps between two distance ticks) the chart may show."""


def label_step(label_px: float, lap_px: float) -> int:
    """The least of LABEL_STEPS (laps) over which a label `label_px` wide fits, with laps
    `lap_px` wide (the largest step if none does)."""
    return next((k for k in LABEL_STEPS if k * lap_px >= label_px), LABEL_STEPS[-1])


def distance_ticks(total_m: float, every: int = 1) -> list[tuple[float, str]]:
    """Ticks every `every` x 400 m from the start, then the race distance (m) at the end."""
    step = 400.0 * every
    ticks = [(float(m), f"{m:.0f}") for m in np.arange(0.0, total_m - 1e-6, step)]
    return ticks + [(total_m, f"{total_m:.0f} m")]


TARGET_CURSOR_GAP_PX = 4
"""Least room (px at scale 1) between the time cursor and the target label beside it."""


def place_clear_of_cursor(
    places: list[tuple], cursor_m: float, label_m: float, gap_m: float, names_top: float
) -> tuple:
    """Of the target label's places (see PaceChart._target_places: off the plot, covered,
    rank, x m, right-anchored, above, top, bottom s/400 m), the best, unless the time
    cursor at cursor_m (m) is on it (within gap_m, m) or past it: then the best clear place
    at the other end of its line, if one is. A label label_m (m) wide at the right end moves
    left once the cursor reaches it and stays there to the finish (clear: on the plot and
    covering nothing of the whole race's curve, bars and lap names). One at the left end
    sits at the right until the cursor has passed it (clear: on the plot, above the lap
    names, whose top is names_top s/400 m, and left of the cursor: nothing of hers is drawn
    there yet). The cursor had run through Breaking4's "target 59.65" over most of the last
    lap (reviewer R12), and through a 1500 m's "target 61.33" over its first 300 m."""
    best = min(places)
    x, right = best[3], best[4]
    left = x - label_m if right else x
    if right:
        if cursor_m < left - gap_m:
            return best
        clear = [p for p in places if not p[4] and p[0] <= 0.0 and p[1] <= 0.0]
    else:
        if cursor_m > left + label_m + gap_m:
            return best
        clear = [
            p
            for p in places
            if p[4] and p[0] <= 0.0 and p[7] <= names_top and cursor_m < p[3] - label_m - gap_m
        ]
    return min(clear) if clear else best


def cursor_span(
    cursor_m: float, names: list[tuple[float, float]], gap_m: float, band: float
) -> tuple[float, float]:
    """The time cursor's span (shares of the plot's height from its top, pyqtgraph's
    InfiniteLine.setSpan on a plot whose pace axis runs down): short of the lap names' band,
    `band` of the plot's height at its foot, where the cursor at cursor_m (m) meets a name
    shown (`names`: their (left, right) ends, m; within gap_m, m); else the plot's height.
    The cursor had run through a 1500 m's "start" over its first 300 m (K33 noticed), and
    through each lap's name as she ran past it: the chart keeps it clear of them as it
    moves the target label out of its way (see place_clear_of_cursor)."""
    if any(left - gap_m <= cursor_m <= right + gap_m for left, right in names):
        return 0.0, max(0.0, 1.0 - band)
    return 0.0, 1.0


Box = tuple[float, float, float, float]
"""(left, right (m), top, bottom (s/400 m)) of a label on the chart."""


def label_box(place: tuple, label_m: float) -> Box:
    """The target label's box at `place` (see place_clear_of_cursor), label_m (m) wide."""
    x, right, top, bottom = place[3], place[4], place[6], place[7]
    left = x - label_m if right else x
    return left, left + label_m, top, bottom


def boxes_meet(a: Box, b: Box) -> bool:
    """Whether two boxes overlap (touching edges do not)."""
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def stop_label_sides(
    data: PanelData,
    curve_pace: np.ndarray,
    view: tuple[float, float],
    stop: tuple[float, float],
    size: tuple[float, float],
    usual_left: bool,
) -> tuple[Box, Box | None]:
    """The stop label's boxes at the top of a plot from view[0] to view[1] (s/400 m), on its
    usual side of its line (left if `usual_left`), then on the other: None there where it
    would be off the plot or over her curve or bars (`curve_pace`, clipped). stop: her stop
    and the race's distance (m); size: the label's width (m) and height (s/400 m)."""
    (stop_m, total_m), (wide, tall) = stop, size
    sides = []
    for left in (usual_left, not usual_left):
        a = stop_m - wide if left else stop_m
        sides.append((a, a + wide, view[0], view[0] + tall))
    a, b, top, bottom = sides[1]
    if (
        a < 0.0
        or b > total_m
        or pace_covered(data, curve_pace, view, a, b, top, bottom) > (COVER_TOLERANCE_S)
    ):
        return sides[0], None
    return sides[0], sides[1]


def clear_of_stop_label(
    place: tuple,
    places: list[tuple],
    label_m: float,
    sides: tuple[Box | None, Box | None],
    cursor_m: float,
    gap_m: float,
) -> tuple[tuple, int]:
    """(the target label's place, the index in `sides` of the stop label's side) such that
    the stop label ("DNF 1100 m", at the plot's top: on its usual side of its line, or on
    the other, None where it may not go) and the target label at `place` (of `places`,
    label_m m wide) do not cover each other: the stop label on its usual side, else on the
    other, else the target label at its best place clear of the stop label's usual side
    and of the time cursor at cursor_m (m, within gap_m); where none is, both as they were.
    In a short chart the target label above its line had been drawn under "DNF 1100 m"
    (reviewer R16, a club 1500 m at 1024x700)."""
    target = label_box(place, label_m)
    for side, box in enumerate(sides):
        if box is not None and not boxes_meet(target, box):
            return place, side
    stop = sides[0]
    if stop is None:
        return place, 0
    clear = []
    for p in places:
        left, right, _, _ = box = label_box(p, label_m)
        if not boxes_meet(box, stop) and not left - gap_m <= cursor_m <= right + gap_m:
            clear.append(p)
    return (min(clear), 0) if clear else (place, 0)
