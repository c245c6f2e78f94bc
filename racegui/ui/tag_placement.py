"""Where name tags go: the first free spot along each anchor's normal, most important first.

Each tag has 8 candidate boxes: 4 steps outward and 4 inward from its marker (or inward
first), along the unit normal given with it. Candidates are tested against the fixed
obstacles for all tags in one vectorised step; only the test against tags placed earlier in
the same frame is sequential (a few comparisons in plain Python).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF

STEPS = 4
"""Candidate distances on each side of the marker."""
GAP_PX = 6.0
"""Space between a marker's edge and the nearest candidate (px)."""
MARGIN_PX = 2.0
"""Space kept round a placed tag (px)."""


def place_tags(
    labels: Sequence,
    widths: Sequence[float],
    h: float,
    obstacles: Sequence[QRectF],
    bounds: QRectF,
) -> list[QRectF | None]:
    """Box (px) of each label, in order, or None where no candidate is free and the label
    is not ``forced`` (a forced label takes its first candidate). Labels have x, y (anchor,
    px), nx, ny (unit normal), radius (px), inward_first and forced."""
    n = len(labels)
    if n == 0:
        return []
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
    cx = x[:, None] + nx[:, None] * d
    cy = y[:, None] + ny[:, None] * d
    x0, x1 = cx - w[:, None] / 2, cx + w[:, None] / 2
    y0, y1 = cy - h / 2, cy + h / 2
    ok = (
        (x0 >= bounds.left())
        & (x1 <= bounds.right())
        & (y0 >= bounds.top())
        & (y1 <= bounds.bottom())
    )
    if len(obstacles):
        ob = np.array([[r.left(), r.top(), r.right(), r.bottom()] for r in obstacles])
        hit = (
            (x0[..., None] < ob[:, 2])
            & (x1[..., None] > ob[:, 0])
            & (y0[..., None] < ob[:, 3])
            & (y1[..., None] > ob[:, 1])
        )
        ok &= ~hit.any(axis=2)
    cand = np.stack([x0, y0, x1, y1], axis=2).tolist()
    free = ok.tolist()
    placed: list[tuple[float, float, float, float]] = []
    out: list[QRectF | None] = []
    for i, lab in enumerate(labels):
        chosen = None
        for k, (a0, b0, a1, b1) in enumerate(cand[i]):
            if free[i][k] and not any(
                a0 < p1 and a1 > p0 and b0 < q1 and b1 > q0 for p0, q0, p1, q1 in placed
            ):
                chosen = k
                break
        if chosen is None and lab.forced:
            chosen = 0
        if chosen is None:
            out.append(None)
            continue
        a0, b0, a1, b1 = cand[i][chosen]
        m = MARGIN_PX
        placed.append((a0 - m, b0 - m, a1 + m, b1 + m))
        out.append(QRectF(a0, b0, a1 - a0, b1 - b0))
    return out
