"""Candidate boxes for name tags, tested all at once: boxes along each marker's normal and
slid along its tangent, which of them are in bounds and off the obstacles, which overlap tags
placed already, and how long a leader line to each is (tag_search chooses among them).

Each tag has 2 * STEPS candidate boxes: STEPS steps outward and STEPS inward from its marker,
along the unit normal given with it; sideways slides (slide_offsets) are in steps of
SLIDE_STEP_HEIGHTS tag heights, up to SLIDE_MAX_HEIGHTS each way, at the nearest
SLIDE_NEAR_STEPS distances and at SLIDE_PARTS of the nearest, so a tag can sit beside its
marker along the track; misread tells the boxes that would read as labelling another
runner's marker. Every test here is vectorised (numpy), for all tags or all of a tag's
candidates in one step.
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
SLIDE_STEP_HEIGHTS = 0.25
"""Sideways step between a forced tag's slide candidates, in tag heights."""
SLIDE_MAX_HEIGHTS = 12.0
"""Furthest a forced tag slides sideways each way, in tag heights (the same whatever the
direction of the tangent, so a slid tag does not drift as its marker turns)."""
SLIDE_NEAR_STEPS = 1
"""Distances from the marker (of STEPS) at which a forced tag may slide sideways."""
SLIDE_PARTS = (0.2, 0.5)
"""Slides are also tried at these shares of the nearest distance: a tag beside its marker
along the tangent (above or below a marker on a bend whose sides are shut) rather than
slid far at a full step's distance."""


def candidate_boxes(
    x: np.ndarray,
    y: np.ndarray,
    nx: np.ndarray,
    ny: np.ndarray,
    w: np.ndarray,
    h: float,
    d: np.ndarray,
    shift: np.ndarray | None,
    ob: np.ndarray,
    bounds: QRectF,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate boxes (n, c, 4: x0, y0, x1, y1 px) at distance ``d`` (n, c) along each
    label's normal and ``shift`` along its tangent (None: none), and which lie inside
    ``bounds`` clear of every obstacle box in ``ob`` (k, 4)."""
    cx = x[:, None] + nx[:, None] * d
    cy = y[:, None] + ny[:, None] * d
    if shift is not None:  # None: no shift (the same boxes, without multiplying by zeros)
        cx -= ny[:, None] * shift
        cy += nx[:, None] * shift
    half = w[:, None] / 2
    box = np.empty((*cx.shape, 4))
    x0, y0, x1, y1 = box[..., 0], box[..., 1], box[..., 2], box[..., 3]
    np.subtract(cx, half, out=x0)
    np.subtract(cy, h / 2, out=y0)
    np.add(cx, half, out=x1)
    np.add(cy, h / 2, out=y1)
    left, top, right, bottom = bounds.getCoords()
    ok = (x0 >= left) & (x1 <= right) & (y0 >= top) & (y1 <= bottom)
    if len(ob):
        hit = x0[..., None] < ob[:, 2]
        hit &= x1[..., None] > ob[:, 0]
        hit &= y0[..., None] < ob[:, 3]
        hit &= y1[..., None] > ob[:, 1]
        ok &= ~hit.any(axis=-1)
    return box, ok


def grown(box: Sequence[float], px: float) -> tuple[float, float, float, float]:
    """box (x0, y0, x1, y1 px) grown by px on every side."""
    return box[0] - px, box[1] - px, box[2] + px, box[3] + px


def clear_of(boxes: np.ndarray, placed: Sequence | np.ndarray) -> np.ndarray:
    """Which of the boxes (c, 4: x0, y0, x1, y1 px) overlap none of the ``placed`` ones
    (p, 4 px)."""
    if not len(placed):
        return np.ones(len(boxes), dtype=bool)
    p = np.asarray(placed)
    hit = (
        (boxes[:, None, 0] < p[:, 2])
        & (boxes[:, None, 2] > p[:, 0])
        & (boxes[:, None, 1] < p[:, 3])
        & (boxes[:, None, 3] > p[:, 1])
    )
    return ~hit.any(axis=1)


def leader_length(b: Sequence[float], ax: float, ay: float) -> float:
    """Length (px) of the leader line from (ax, ay) (px) to box b (x0, y0, x1, y1 px), as
    :func:`leader_lengths` gives it."""
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    dx, dy = ax - cx, ay - cy
    sx = (b[2] - b[0]) / 2 / abs(dx) if dx != 0 else math.inf
    sy = (b[3] - b[1]) / 2 / abs(dy) if dy != 0 else math.inf
    return math.hypot(dx, dy) * (1.0 - min(sx, sy, 1.0))


def leader_lengths(boxes: np.ndarray, ax: float, ay: float) -> np.ndarray:
    """Length (px) of the leader line from (ax, ay) (px) to each box (c, 4: x0, y0, x1, y1
    px): to where the line towards the box's centre meets its edge, as the overlay draws it
    (0 for a box over the point)."""
    cx, cy = (boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2
    dx, dy = ax - cx, ay - cy
    with np.errstate(divide="ignore"):
        sx = np.where(dx != 0, (boxes[:, 2] - boxes[:, 0]) / 2 / np.abs(dx), np.inf)
        sy = np.where(dy != 0, (boxes[:, 3] - boxes[:, 1]) / 2 / np.abs(dy), np.inf)
    s = np.minimum(np.minimum(sx, sy), 1.0)
    return np.hypot(dx, dy) * (1.0 - s)


def slide_offsets(
    reach: np.ndarray,
    sides: np.ndarray,
    h: float,
    most: float = SLIDE_MAX_HEIGHTS,
    row: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Sideways candidates of the given labels: distance along the normal and shift along the
    tangent (px), each (n, c).

    They come nearest first: shift 1, -1, 2, -2, ... steps of SLIDE_STEP_HEIGHTS tag heights,
    each at the first SLIDE_NEAR_STEPS distances on the first side, then on the other side;
    with ``row`` > 0, at that step's distance alone (a row of tags further out).
    """
    n = len(reach)
    count = min(most, SLIDE_MAX_HEIGHTS) / SLIDE_STEP_HEIGHTS
    k = np.arange(1, math.floor(count + 1e-6) + 1) * SLIDE_STEP_HEIGHTS * h
    shifts = np.stack([k, -k], axis=1).reshape(-1)  # nearest first, alternating sides
    if row > 0:
        near = reach[:, row : row + 1]
    else:
        part = reach[:, :1] * np.asarray(SLIDE_PARTS)[None, :]
        near = np.concatenate([part, reach[:, :SLIDE_NEAR_STEPS]], axis=1)
    shape = (n, len(shifts), 2, near.shape[1])  # (label, shift, side, distance)
    dist = np.broadcast_to(near[:, None, None, :] * sides[:, None, :, None], shape)
    shift = np.broadcast_to(shifts[None, :, None, None], shape)
    return dist.reshape(n, -1), shift.reshape(n, -1)


def point_gaps(boxes: np.ndarray, px: np.ndarray, py: np.ndarray) -> np.ndarray:
    """Distance (px) from each point (px, py: k px) to the nearest point of each box (c, 4:
    x0, y0, x1, y1 px), (c, k); 0 for a box over the point."""
    dx = np.maximum(np.maximum(boxes[:, 0, None] - px, px - boxes[:, 2, None]), 0.0)
    dy = np.maximum(np.maximum(boxes[:, 1, None] - py, py - boxes[:, 3, None]), 0.0)
    return np.hypot(dx, dy)


def misread(
    boxes: np.ndarray,
    own: tuple[float, float, float],
    dots: Sequence[tuple[float, float, float]] | np.ndarray,
    clear_px: float | np.ndarray,
) -> np.ndarray:
    """Which of a tag's boxes (c, 4: x0, y0, x1, y1 px) an audience could read as labelling
    one of ``dots`` (x, y, radius px: other runners' markers) rather than its own marker
    ``own`` (x, y, radius px): a box nearer such a dot's edge than clear_px (one figure, or
    one per dot), or nearer its edge than its own marker's edge. While a dot covers the
    tag's marker (the marker's centre under it) the tag is as near the one as the other
    wherever it goes; only the first test applies then."""
    if not len(dots) or not len(boxes):
        return np.zeros(len(boxes), dtype=bool)
    ax, ay, ar = own
    q = np.asarray(dots, dtype=float)
    mine = point_gaps(boxes, np.array([ax]), np.array([ay]))[:, 0] - ar
    theirs = point_gaps(boxes, q[:, 0], q[:, 1]) - q[:, 2]
    apart = np.hypot(q[:, 0] - ax, q[:, 1] - ay) > q[:, 2]  # its marker not under the dot
    bad = (theirs < clear_px) | (apart & (theirs < mine[:, None]))
    return bad.any(axis=1)
