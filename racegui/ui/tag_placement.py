"""Where name tags go: the first free spot along each anchor's normal, most important first.

Each tag has 8 candidate boxes: 4 steps outward and 4 inward from its marker (or inward
first), along the unit normal given with it. A forced tag (the runner's, the gap's) that finds
none of those free also tries boxes slid sideways along the tangent, in small steps up to
SLIDE_MAX_HEIGHTS tag heights each way, so that it goes round the scoreboard instead of
covering the clock.
Candidates are tested against the fixed obstacles for all tags in one vectorised step; only
the test against tags placed earlier in the same frame is sequential (a few comparisons in
plain Python).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF

STEPS = 4
"""Candidate distances on each side of the marker."""
GAP_PX = 6.0
"""Space between a marker's edge and the nearest candidate (px)."""
MARGIN_PX = 2.0
"""Space kept round a placed tag (px)."""
SLIDE_STEP_HEIGHTS = 0.25
"""Sideways step between a forced tag's slide candidates, in tag heights."""
SLIDE_MAX_HEIGHTS = 12.0
"""Furthest a forced tag slides sideways each way, in tag heights (the same whatever the
direction of the tangent, so a slid tag does not drift as its marker turns)."""
SLIDE_EASE_HEIGHTS_PER_S = 3.0
"""How fast (tag heights per second of race time) a slid tag glides back towards its marker
when it can: 0.1 height a frame in a 30 fps export at 1x, and the same speed on screen at any
frame rate. A view repainted at the same race time (paused) leaves its tags where they are."""
EASE_STEP_MAX_S = 0.25
"""Longest race-time step (s) one placement eases a slid tag by (a seek is one step)."""
SLIDE_NEAR_STEPS = 1
"""Distances from the marker (of STEPS) at which a forced tag may slide sideways."""


Previous = tuple[int, float, float, float, float]
"""A tag's candidate index, box centre (px) and anchor (px) last frame."""
FORGET_HEIGHTS = 4.0
"""A tag whose anchor moved further than this (tag heights) since last frame, say to another
runner, is placed afresh: its memory belongs to another place."""
FOLLOWED = 1_000_000
"""Candidate index of a slid tag that glided from where it was (see _place's follow)."""
_NEAREST = tuple(range(2 * STEPS))
"""Unslid candidates in order: index 2 * step + side (0: the first side, 1: the other)."""
_SAME_SIDE_FIRST = tuple(
    tuple(k for k in _NEAREST if k % 2 == side) + tuple(k for k in _NEAREST if k % 2 != side)
    for side in (0, 1)
)
"""Unslid candidates for a tag that was on ``side`` last frame: that side's first."""


class TagPlacer:
    """place_tags with a memory, so tags do not hop about as their markers move: a tag keeps
    last frame's candidate while it stays free, and one that must move tries its own side
    first. A slid tag returns unslid as soon as it can; until then it glides: it keeps its
    place along the tangent, easing back towards its marker, and only if that is blocked
    takes the free slide on its side nearest to where it was. One placer serves one view,
    frame after frame; tags are told apart by ``key`` (or their text), so a frame's tags
    depend on the frames drawn before it."""

    def __init__(self) -> None:
        self._last: dict[str, Previous] = {}
        self._t: float | None = None
        """Race time (s) of the last placement."""

    def place(
        self,
        labels: Sequence,
        widths: Sequence[float],
        h: float,
        obstacles: Sequence[QRectF],
        bounds: QRectF,
        *,
        t: float,
    ) -> list[QRectF | None]:
        """Box (px) of each label, as :func:`place_tags` gives it, for the frame at race time
        t (s): a slid tag glides back by SLIDE_EASE_HEIGHTS_PER_S for the race time since the
        last placement (at most EASE_STEP_MAX_S)."""
        keys = _unique([getattr(lab, "key", "") or lab.text for lab in labels])
        prefer = [self._last.get(key) for key in keys]
        step_s = 0.0 if self._t is None else min(abs(t - self._t), EASE_STEP_MAX_S)
        ease = SLIDE_EASE_HEIGHTS_PER_S * step_s
        rects, choices = _place(labels, widths, h, obstacles, bounds, prefer, ease)
        self._t = t
        self._last = {
            key: (k, r.center().x(), r.center().y(), lab.x, lab.y)
            for key, k, r, lab in zip(keys, choices, rects, labels, strict=True)
            if r is not None and k is not None
        }
        return rects


def _unique(keys: list[str]) -> list[str]:
    """The keys, a repeat (two pacers called "Smith") numbered so each tag keeps its own."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        n = seen[key] = seen.get(key, 0) + 1
        out.append(key if n == 1 else f"{key}\x00{n}")
    return out


def place_tags(
    labels: Sequence,
    widths: Sequence[float],
    h: float,
    obstacles: Sequence[QRectF],
    bounds: QRectF,
) -> list[QRectF | None]:
    """Box (px) of each label, in order, or None where no candidate is free and the label
    is not ``forced``. A forced label also tries sliding sideways (see the module docstring)
    and, if still nothing is free, takes its first candidate. Labels have x, y (anchor, px),
    nx, ny (unit normal), radius (px), inward_first and forced."""
    return _place(labels, widths, h, obstacles, bounds, [None] * len(labels), 0.0)[0]


def _place(
    labels: Sequence,
    widths: Sequence[float],
    h: float,
    obstacles: Sequence[QRectF],
    bounds: QRectF,
    prefer: Sequence[Previous | None],
    ease: float,
) -> tuple[list[QRectF | None], list[int | None]]:
    """Boxes (px) and chosen candidate indices; ``prefer`` gives, per label, its candidate,
    box centre and anchor last frame (None: none), and ``ease`` how far (tag heights) a slid
    tag glides back this frame; see TagPlacer for how they are used."""
    n = len(labels)
    if n == 0:
        return [], []
    x = np.array([lab.x for lab in labels])
    y = np.array([lab.y for lab in labels])
    nx = np.array([lab.nx for lab in labels])
    ny = np.array([lab.ny for lab in labels])
    radius = np.array([lab.radius for lab in labels])
    w = np.asarray(widths, dtype=float)
    sides = np.where(np.array([lab.inward_first for lab in labels])[:, None], -1.0, 1.0)
    sides = sides * np.array([1.0, -1.0])[None, :]  # (n, 2): first side, then the other
    extent = np.abs(nx) * w / 2 + np.abs(ny) * h / 2
    steps = np.arange(float(STEPS))
    reach = radius[:, None] + GAP_PX + steps[None, :] * h * 1.1 + extent[:, None]  # (n, 4)
    d = (reach[:, :, None] * sides[:, None, :]).reshape(n, 2 * STEPS)
    ob = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in obstacles]).reshape(-1, 4)
    box, ok = _boxes(x, y, nx, ny, w, h, d, np.zeros_like(d), ob, bounds)
    cand = box.tolist()
    free = ok.tolist()

    base = 2 * STEPS
    """Candidates from here on are sideways slides (base + k) or a glide (FOLLOWED)."""
    slid: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    """Per forced label, once one needs them: its sideways boxes, which lie clear of every
    obstacle, and their shifts (px)."""

    def offsets(i: int, last: Previous) -> tuple[float, float]:
        """Where label i's box centre was last frame relative to its anchor now: along its
        tangent and along its normal (px)."""
        rel_x, rel_y = last[1] - x[i], last[2] - y[i]
        return rel_x * -ny[i] + rel_y * nx[i], rel_x * nx[i] + rel_y * ny[i]

    def slides(i: int, last: Previous | None) -> tuple[np.ndarray, list[int]]:
        """Label i's sideways boxes, and the indices of those clear of every obstacle in the
        order to try them: nearest the anchor, or if the tag was placed last frame, nearest to
        where it was (if it was slid, on the side it was slid to first)."""
        if not slid:  # every forced label's at once: one vectorised step
            r = [j for j, lab in enumerate(labels) if lab.forced]
            sd, shift = _slides(reach[r], sides[r], h)
            sbox, sok = _boxes(x[r], y[r], nx[r], ny[r], w[r], h, sd, shift, ob, bounds)
            slid.update({j: (sbox[k], sok[k], shift[k]) for k, j in enumerate(r)})
        sbox, sok, shift = slid[i]
        open_ = np.flatnonzero(sok)
        if last is None:
            return sbox, open_.tolist()
        centres = (sbox[open_, :2] + sbox[open_, 2:]) / 2
        by_distance = open_[np.argsort(np.hypot(*(centres - last[1:3]).T), kind="stable")]
        if last[0] < base:  # it was not slid: no side to keep to
            return sbox, by_distance.tolist()
        same = np.sign(shift[by_distance]) == (1.0 if offsets(i, last)[0] >= 0 else -1.0)
        return sbox, by_distance[same].tolist() + by_distance[~same].tolist()

    def follow(i: int, last: Previous) -> list[list[float]]:
        """Boxes for a tag slid last frame, best first: where it was along its marker's
        tangent, eased ``ease`` tag heights back towards the marker, then where it was (at
        most SLIDE_MAX_HEIGHTS away either way), at the nearest distance on the side it was
        on; only those in bounds and off the obstacles. So a slid tag glides, instead of
        hopping from slide to slide as its marker moves."""
        most = SLIDE_MAX_HEIGHTS * h
        along = min(max(offsets(i, last)[0], -most), most)
        eased = along - float(np.sign(along)) * min(abs(along), ease * h)
        d = sides[i, side_of(i, last)] * reach[i, 0]
        r = [i]
        box, ok = _boxes(
            x[r], y[r], nx[r], ny[r], w[r], h, np.full((1, 2), d),
            np.array([[eased, along]]), ob, bounds,
        )  # fmt: skip
        return [box[0, k].tolist() for k in (0, 1) if ok[0, k]]

    placed: list[tuple[float, float, float, float]] = []
    out: list[QRectF | None] = []
    choices: list[int | None] = []

    def side_of(i: int, last: Previous) -> int:
        """Which of label i's sides (0: first, 1: other) its box was on last frame."""
        if last[0] < base:
            return last[0] % 2
        return 0 if (offsets(i, last)[1] >= 0) == (sides[i, 0] > 0) else 1

    def clear(a0: float, b0: float, a1: float, b1: float) -> bool:
        return not any(a0 < p1 and a1 > p0 and b0 < q1 and b1 > q0 for p0, q0, p1, q1 in placed)

    for i, lab in enumerate(labels):
        last = prefer[i]
        if last is not None and math.hypot(last[3] - x[i], last[4] - y[i]) > FORGET_HEIGHTS * h:
            last = None
        kept = None if last is None else last[0]
        chosen = kept if kept is not None and kept < base and free[i][kept] else None
        if chosen is None or not clear(*cand[i][chosen]):
            order = _NEAREST if last is None else _SAME_SIDE_FIRST[side_of(i, last)]
            chosen = next((k for k in order if free[i][k] and clear(*cand[i][k])), None)
        box_i = cand[i][chosen] if chosen is not None else None
        if chosen is None and lab.forced and last is not None and last[0] >= base:
            box_i = next((b for b in follow(i, last) if clear(*b)), None)
            chosen = None if box_i is None else FOLLOWED
        if chosen is None and lab.forced:
            sbox, order = slides(i, last)
            for k in order:
                b = sbox[k].tolist()
                if clear(*b):
                    chosen, box_i = base + k, b
                    break
        if chosen is None and lab.forced:
            chosen, box_i = 0, cand[i][0]
        choices.append(chosen)
        if box_i is None:
            out.append(None)
            continue
        a0, b0, a1, b1 = box_i
        m = MARGIN_PX
        placed.append((a0 - m, b0 - m, a1 + m, b1 + m))
        out.append(QRectF(a0, b0, a1 - a0, b1 - b0))
    return out, choices


def _boxes(
    x: np.ndarray,
    y: np.ndarray,
    nx: np.ndarray,
    ny: np.ndarray,
    w: np.ndarray,
    h: float,
    d: np.ndarray,
    shift: np.ndarray,
    ob: np.ndarray,
    bounds: QRectF,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate boxes (n, c, 4: x0, y0, x1, y1 px) at distance ``d`` (n, c) along each
    label's normal and ``shift`` along its tangent, and which lie inside ``bounds`` clear of
    every obstacle box in ``ob`` (k, 4)."""
    tx, ty = -ny, nx  # unit tangent
    cx = x[:, None] + nx[:, None] * d + tx[:, None] * shift
    cy = y[:, None] + ny[:, None] * d + ty[:, None] * shift
    x0, x1 = cx - w[:, None] / 2, cx + w[:, None] / 2
    y0, y1 = cy - h / 2, cy + h / 2
    ok = (
        (x0 >= bounds.left())
        & (x1 <= bounds.right())
        & (y0 >= bounds.top())
        & (y1 <= bounds.bottom())
    )
    if len(ob):
        hit = (
            (x0[..., None] < ob[:, 2])
            & (x1[..., None] > ob[:, 0])
            & (y0[..., None] < ob[:, 3])
            & (y1[..., None] > ob[:, 1])
        )
        ok &= ~hit.any(axis=2)
    return np.stack([x0, y0, x1, y1], axis=2), ok


def _slides(reach: np.ndarray, sides: np.ndarray, h: float) -> tuple[np.ndarray, np.ndarray]:
    """Sideways candidates of the given labels: distance along the normal and shift along the
    tangent (px), each (n, c).

    They come nearest first: shift 1, -1, 2, -2, ... steps of SLIDE_STEP_HEIGHTS tag heights,
    each at the first SLIDE_NEAR_STEPS distances on the first side, then on the other side.
    """
    n = len(reach)
    k = np.arange(1, round(SLIDE_MAX_HEIGHTS / SLIDE_STEP_HEIGHTS) + 1) * SLIDE_STEP_HEIGHTS * h
    shifts = np.stack([k, -k], axis=1).reshape(-1)  # nearest first, alternating sides
    shape = (n, len(shifts), 2, SLIDE_NEAR_STEPS)  # (label, shift, side, distance)
    near = reach[:, :SLIDE_NEAR_STEPS]
    dist = np.broadcast_to(near[:, None, None, :] * sides[:, None, :, None], shape)
    shift = np.broadcast_to(shifts[None, :, None, None], shape)
    return dist.reshape(n, -1), shift.reshape(n, -1)
