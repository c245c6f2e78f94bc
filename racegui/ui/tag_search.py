"""Where one frame's name tags go: the first free spot along each anchor's normal, most
important first, given where each tag was last frame (TagPlacer keeps that memory).

Of its 2 * STEPS candidate boxes (tag_boxes), a tag that is not forced uses only the nearest
OPTIONAL_STEPS each side, so its leader line stays short. A forced tag (the runner's, the
gap's) that finds none of those free also tries boxes slid sideways along the tangent, so
that it goes round the scoreboard instead of covering the clock; a slid forced tag (or the
leading light's) whose leader line grows steps nearer by short moves (WALK_FROM_HEIGHTS),
and one still far hops to a free candidate much nearer its marker (HOP_FROM_HEIGHTS,
FORCED_NEAR_HEIGHTS, FORCED_FAR_HEIGHTS); such a step avoids where the later tags were. A
tag that is not forced may slide a little (its ``slide_heights``) rather than vanish; a
slid tag glides with its marker while it can. Tags stay put: a tag keeps its place while it
stays free, one that cannot keeps as near it as it can (a small move, under
STICKY_MOVE_HEIGHTS, see _NUDGES) before it jumps to another candidate, and a slid tag that
could return to an unslid place only by a jump glides on instead. A repaint at the same race
time moves no tag. The tag of a marker parked at the finish (Label.clear_of) takes no place
an audience could read as labelling the runner running in over it (MISREAD_CLEAR_HEIGHTS),
and may slide a row further out to find one.
Candidates are tested against the fixed obstacles for all tags in one vectorised step (the
glides of all slid tags in another; a tag's slides only when it needs them); only the test
against tags placed earlier in the same frame is sequential (a few comparisons in plain
Python).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import numpy as np
from PySide6.QtCore import QRectF

from racegui.ui.tag_boxes import (
    GAP_PX,
    SLIDE_MAX_HEIGHTS,
    STEPS,
    candidate_boxes,
    clear_of,
    grown,
    leader_length,
    leader_lengths,
    misread,
    point_gaps,
    slide_offsets,
)

MARGIN_PX = 2.0
"""Space kept round a placed tag (px)."""
MISREAD_CLEAR_HEIGHTS = 1.0
"""Least space (tag heights) between a parked marker's tag and another runner's marker (see
Label.clear_of): a tag row, so the runner's own tag is the one beside her dot. At the
Breaking4 finish the parked light's tag lay 1.8 px from her dot at 1080x1080 and 19.6 px
(0.96 of a tag height) at 720p, its leader from under her dot: an audience read it as
hers."""
MISREAD_BEYOND_HEIGHTS = 0.5
"""A parked marker's tag also stays this much (tag heights) further from a runner's marker
than the runner's own tag, when hers is slid away: at 1080x1080 the light's tag lay nearer
her dot than her own tag did."""
OPTIONAL_STEPS = 2
"""Distances from the marker (of STEPS) a tag that is not forced may take: its leader line
stays short (under about 2 tag heights)."""
KEEP_SIDE_SLIDE_HEIGHTS = 4.0
"""A forced tag whose side of the marker is blocked slides up to this far (tag heights) on
that side before it hops over its marker to the other side."""
RETURN_MAX_HEIGHTS = 2.0
"""A tag slid beside its marker (nearer it along the normal than BESIDE_SHARE of the
nearest step) returns to an unslid candidate only if that moves it at most this far (tag
heights); otherwise it keeps gliding rather than jump out to a full step."""
RETURN_CLEAR_PX = 4.0
"""A tag slid last frame returns to an unslid place only if that is clear of the tags
placed before it by this much (px) more than MARGIN_PX: a place clear one frame and shut
the next (a neighbour's tag moving a pixel or two) made two pacers' tags swap places every
frame."""
BESIDE_SHARE = 0.75
"""Share of the nearest step's distance under which a slid tag is beside its marker."""
HOP_FROM_HEIGHTS = 4.5
"""A slid forced tag whose leader line is longer than this (tag heights) hops to a free
candidate much nearer its anchor, if there is one (a hop reads better than a leader line
across the track); one with a shorter line keeps gliding."""
HOP_NEARER_RATIO = 0.5
"""Such a tag hops to a free candidate whose leader line is shorter than this share of its
own, or at most HOP_NEAR_HEIGHTS long."""
HOP_NEAR_HEIGHTS = 2.0
"""Leader line (tag heights) short enough for a slid forced tag to hop to (see
HOP_FROM_HEIGHTS)."""
FORCED_FAR_HEIGHTS = 6.0
"""Longest leader line (tag heights) a slid forced tag keeps while a candidate with a leader
line that short is free: it then moves to the one of those nearest where it was."""

STICKY_MOVE_HEIGHTS = 0.75
"""A move (tag heights, relative to its marker) a viewer reads as a jump: a slid tag that
could return unslid only by one glides on instead while it can."""

WALK_FROM_HEIGHTS = 2.0
"""A slid forced (or leading) tag with a leader line longer than this (tag heights) steps,
by at most WALK_MAX_HEIGHTS, to the free candidate with the shortest leader line if that
shortens it by WALK_GAIN_HEIGHTS, and only to where no later tag was last frame: it keeps
near its marker by small moves instead of drifting off until it must hop, and no pacer's
tag is pushed off by a step that could wait."""
WALK_MAX_HEIGHTS = 0.7
"""Longest such step (tag heights): about 19 px at 1080p, under STICKY_MOVE_HEIGHTS, so
that it walks rather than jumps (at 2.2, its steps were a good share of the light's and the
gap's jumps over the demo)."""
WALK_GAIN_HEIGHTS = 0.25
"""Least shortening of the leader line (tag heights) worth such a step."""
FORCED_NEAR_HEIGHTS = 4.5
"""A slid forced tag with a leader line longer than this (tag heights) moves to a free
candidate at least HOP_GAIN_HEIGHTS nearer its marker, the one with the shortest leader line
plus HOP_MOVE_WEIGHT times how far it moves (px): a short leader line matters more than a
hop."""
HOP_GAIN_HEIGHTS = 1.5
"""Least shortening of its leader line (tag heights) worth such a move."""
HOP_MOVE_WEIGHT = 0.25
"""Weight of the move (px per px of leader line) in choosing where such a tag moves."""

Previous = tuple[int, float, float, float, float]
"""A tag's candidate index, box centre (px) and anchor (px) last frame."""
FORGET_HEIGHTS = 4.0
"""A tag whose anchor moved further than this (tag heights) since last frame, say to another
runner, is placed afresh: its memory belongs to another place."""
FOLLOWED = 1_000_000
"""Candidate index of a slid tag that glided from where it was (see place_frame's follow)."""
_NUDGES = tuple(
    sorted(
        (
            (a, o)
            for a in (-0.7, -0.5, -0.25, 0.0, 0.25, 0.5, 0.7)
            for o in (-0.5, -0.25, 0, 0.25, 0.5)
        ),
        key=lambda ao: (math.hypot(*ao), ao),
    )
)
"""Moves (along the tangent, along the normal; tag heights) a tag that cannot keep its
place tries before it jumps, least first, none (0, 0) first (see place_frame's nudges)."""
_NEAREST = tuple(range(2 * STEPS))
"""Unslid candidates in order: index 2 * step + side (0: the first side, 1: the other)."""
_SAME_SIDE_FIRST = tuple(
    tuple(k for k in _NEAREST if k % 2 == side) + tuple(k for k in _NEAREST if k % 2 != side)
    for side in (0, 1)
)
"""Unslid candidates for a tag that was on ``side`` last frame: that side's first."""


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
    n = len(labels)
    return place_frame(labels, widths, h, obstacles, bounds, [None] * n, 0.0, [0.0] * n)[0]


def place_frame(
    labels: Sequence,
    widths: Sequence[float],
    h: float,
    obstacles: Sequence[QRectF],
    bounds: QRectF,
    prefer: Sequence[Previous | None],
    ease: float,
    slide_heights: Sequence[float],
    resting: Sequence[bool] | None = None,
) -> tuple[list[QRectF | None], list[int | None], list[bool]]:
    """Boxes (px), chosen candidate indices, and which labels searched for a place nearer
    their anchor and found none; ``prefer`` gives, per label, its candidate, box centre and
    anchor last frame (None: none), ``ease`` how far (tag heights) a slid tag glides back
    this frame, ``slide_heights`` how far (tag heights) a label that is not forced may slide
    sideways (0: not at all; a forced one slides up to SLIDE_MAX_HEIGHTS) and ``resting``
    which labels skip that search this frame (None: none); see TagPlacer for how they are
    used."""
    n = len(labels)
    if n == 0:
        return [], [], []
    missed = [False] * n
    rows = [
        (lab.x, lab.y, lab.nx, lab.ny, lab.radius, -1.0 if lab.inward_first else 1.0, width)
        for lab, width in zip(labels, widths, strict=True)
    ]
    x, y, nx, ny, radius, first, w = np.array(rows, dtype=float).T
    sides = first[:, None] * np.array([1.0, -1.0])  # (n, 2): first side, then the other
    extent = np.abs(nx) * w / 2 + np.abs(ny) * h / 2
    steps = np.arange(float(STEPS))
    reach = radius[:, None] + GAP_PX + steps[None, :] * h * 1.1 + extent[:, None]  # (n, 4)
    d = (reach[:, :, None] * sides[:, None, :]).reshape(n, 2 * STEPS)
    ob = np.array([r.getCoords() for r in obstacles]).reshape(-1, 4)
    box, ok = candidate_boxes(x, y, nx, ny, w, h, d, None, ob, bounds)
    keep_off: list[tuple | None] = [
        ((lab.x, lab.y, lab.radius), dots, None) if (dots := getattr(lab, "clear_of", ())) else None
        for lab in labels
    ]
    """Per label, its marker and the other runners' markers it must not be read as labelling
    (x, y, radius px), and how far (px) it keeps off each (set at its turn, see keep_clear);
    None for most."""
    forced = np.array([bool(lab.forced) for lab in labels], dtype=bool)
    ok[~forced, 2 * OPTIONAL_STEPS :] = False  # an optional tag stays near its marker
    most = np.where(forced, SLIDE_MAX_HEIGHTS, np.asarray(slide_heights, dtype=float))
    """How far (tag heights) each label may slide sideways."""
    cand = box.tolist()
    free = ok.tolist()

    base = 2 * STEPS
    """Candidates from here on are sideways slides (base + k) or a glide (FOLLOWED)."""
    slid: dict[tuple[int, float], tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}
    """Per label that may slide, once one needs them: its sideways boxes, which lie clear of
    every obstacle (and within its reach), their shifts (px) and their distances along the
    normal (px)."""

    xs, ys, nxs, nys, ws = x.tolist(), y.tolist(), nx.tolist(), ny.tolist(), w.tolist()
    left, top, right, bottom = bounds.left(), bounds.top(), bounds.right(), bounds.bottom()

    def offsets(i: int, last: Previous) -> tuple[float, float]:
        """Where label i's box centre was last frame relative to its anchor now: along its
        tangent and along its normal (px)."""
        rel_x, rel_y = last[1] - xs[i], last[2] - ys[i]
        return rel_x * -nys[i] + rel_y * nxs[i], rel_x * nxs[i] + rel_y * nys[i]

    def slides(
        i: int, last: Previous | None, within: float | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Label i's sideways boxes, and the indices of those clear of every obstacle in the
        order to try them: nearest the anchor, or if the tag was slid last frame, nearest to
        where it was, on the side it was slid to first. ``within``: only shifts up to that
        many tag heights (at most its own reach)."""
        reach_h = most[i] if within is None else min(within, most[i])
        if (i, reach_h) not in slid:  # only the shifts within its reach
            r = [i]
            sd, shift = slide_offsets(reach[r], sides[r], h, reach_h)
            if keep_off[i] is not None:  # a parked tag: a row further out, tried last
                sd2, shift2 = slide_offsets(reach[r], sides[r], h, reach_h, row=1)
                sd, shift = np.hstack([sd, sd2]), np.hstack([shift, shift2])
            sbox, sok = candidate_boxes(x[r], y[r], nx[r], ny[r], w[r], h, sd, shift, ob, bounds)
            sok &= np.abs(shift) <= reach_h * h + 1e-9
            if keep_off[i] is not None:
                sok[0] &= ~misread(sbox[0], *keep_off[i])
            slid[i, reach_h] = (sbox[0], sok[0], shift[0], sd[0])
        sbox, sok, shift, _ = slid[i, reach_h]
        open_ = np.flatnonzero(sok)
        if last is None or last[0] < base:  # not slid last frame: the nearest slide
            return sbox, open_
        centres = (sbox[open_, :2] + sbox[open_, 2:]) / 2
        by_distance = open_[np.argsort(np.hypot(*(centres - last[1:3]).T), kind="stable")]
        same = np.sign(shift[by_distance]) == (1.0 if offsets(i, last)[0] >= 0 else -1.0)
        return sbox, np.concatenate([by_distance[same], by_distance[~same]])

    def fitting(i: int, cx: float, cy: float) -> list[float] | None:
        """Label i's box centred at (cx, cy) px, [x0, y0, x1, y1], if it is in bounds and
        off the obstacles; else None."""
        half = ws[i] / 2
        a0, b0, a1, b1 = cx - half, cy - h / 2, cx + half, cy + h / 2
        if a0 < left or a1 > right or b0 < top or b1 > bottom:
            return None
        for p0, q0, p1, q1 in obs:  # a plain loop: any() over a generator costs twice this
            if p0 < a1 and p1 > a0 and q0 < b1 and q1 > b0:
                return None
        off = keep_off[i]
        if off is not None and misread(np.array([[a0, b0, a1, b1]]), *off)[0]:
            return None
        return [a0, b0, a1, b1]

    def follow(i: int) -> Iterator[list[float]]:
        """Boxes for tag i (slid last frame), best first: where it was along its marker's
        tangent, eased ``ease`` tag heights back towards the marker, then where it was (at
        most its reach away either way), as far from its marker along the normal as it was
        (at most the nearest step; a tag beside its marker glides no nearer than beside it),
        on the side it was on; then, if it was within that
        reach, as far from its marker as last frame and where it was; only those in bounds
        and off the obstacles, each tested only when the one before is refused; a repaint at
        the same race time tries where it was first. So a slid tag glides, instead of hopping
        from slide to slide as its marker moves."""
        last = lasts[i]
        assert last is not None
        was_along, was_out = offsets(i, last)
        reach_px = mosts[i] * h
        along = min(max(was_along, -reach_px), reach_px)
        eased = along - math.copysign(min(abs(along), ease * h), along)
        near = nearest[i]
        out_px = abs(was_out)
        d = min(out_px, near)  # as far from its marker as it was, at most the nearest step
        ax, ay, ux, uy = xs[i], ys[i], nxs[i], nys[i]
        r = float(radius[i]) + GAP_PX
        if d < abs(ux) * ws[i] / 2 + abs(uy) * h / 2 + r:  # beside its marker: not over it
            side = abs(uy) * ws[i] / 2 + abs(ux) * h / 2 + r
            eased = math.copysign(max(abs(eased), min(abs(along), side)), along)
        d = d if was_out >= 0 else -d  # on the side it was on
        centres = [(ax + ux * d - uy * s, ay + uy * d + ux * s) for s in (eased, along)]
        if abs(was_along) <= reach_px and abs(was_out) <= near:  # as far from its marker
            centres += [(ax + last[1] - last[3], ay + last[2] - last[4]), last[1:3]]
        if ease <= 0:  # a repaint at the same race time: where it was first
            centres.insert(0, last[1:3])
        for cx, cy in centres:
            box = fitting(i, cx, cy)
            if box is not None:
                yield box

    def nudges(i: int, last: Previous) -> Iterator[list[float]]:
        """Boxes for tag i where it was relative to its marker, then a little way from there
        (under STICKY_MOVE_HEIGHTS), least move first: no further from its marker along the
        normal than its furthest candidate nor along the tangent than its reach, on the side
        it was on; only those in bounds and off the obstacles. A tag pushed by a neighbour
        moving a pixel or two moves that far, instead of jumping to the next free slide."""
        ox, oy = last[1] - last[3], last[2] - last[4]  # where it was from its marker (px)
        ux, uy, reach_px = nxs[i], nys[i], mosts[i] * h
        was_along, was_out = ox * -uy + oy * ux, ox * ux + oy * uy
        far = reach[i, STEPS - 1 if labels[i].forced else OPTIONAL_STEPS - 1]
        for da, do in _NUDGES:  # each tested only when the one before is refused
            a, o = da * h, do * h
            if abs(was_along + a) > reach_px + 1e-9:
                continue
            if abs(was_out + o) > far or (was_out + o) * was_out <= 0:
                continue
            box = fitting(i, xs[i] + ox - uy * a + ux * o, ys[i] + oy + ux * a + uy * o)
            if box is not None:
                yield box

    lasts = [
        None if p is None or math.hypot(p[3] - xs[i], p[4] - ys[i]) > FORGET_HEIGHTS * h else p
        for i, p in enumerate(prefer)
    ]
    """Each label's ``prefer``, unless its anchor moved too far since (FORGET_HEIGHTS)."""
    placed: list[tuple[float, float, float, float]] = []
    out: list[QRectF | None] = []
    choices: list[int | None] = []

    def side_of(i: int, last: Previous) -> int:
        """Which of label i's sides (0: first, 1: other) its box was on last frame."""
        if last[0] < base:
            return last[0] % 2
        return 0 if (offsets(i, last)[1] >= 0) == (sides[i, 0] > 0) else 1

    def moved(i: int, last: Previous, b: Sequence[float]) -> float:
        """How far (px) label i's tag moves, relative to its marker, from last frame's box
        to box b (x0, y0, x1, y1 px)."""
        cx, cy = (b[0] + b[2]) / 2 - xs[i], (b[1] + b[3]) / 2 - ys[i]
        return math.hypot(cx - (last[1] - last[3]), cy - (last[2] - last[4]))

    def clear(a0: float, b0: float, a1: float, b1: float) -> bool:
        for p0, q0, p1, q1 in placed:
            if a0 < p1 and a1 > p0 and b0 < q1 and b1 > q0:
                return False
        return True

    def nearer(i: int, chosen: int, box_i: list[float]) -> tuple[int, list[float]]:
        """Forced label i's candidate and box: the slid ``box_i`` it has chosen, unless a free
        candidate much nearer its anchor exists (see HOP_FROM_HEIGHTS and FORCED_FAR_HEIGHTS);
        then the nearest such one (by leader line, px: no nearer one is left to hop to next),
        or, for a leader line only over FORCED_FAR_HEIGHTS, the free one within it nearest
        where the tag is."""
        ax, ay = xs[i] + nxs[i] * float(radius[i]), ys[i] + nys[i] * float(radius[i])
        own = leader_length(box_i, ax, ay)
        if own <= WALK_FROM_HEIGHTS * h or ease <= 0:  # a repaint at the same time: no move
            return chosen, box_i
        # A step or hop nearer its anchor: no further along the tangent than a step from here.
        rel = (box_i[0] + box_i[2]) / 2 - x[i], (box_i[1] + box_i[3]) / 2 - y[i]
        along = abs(rel[0] * -ny[i] + rel[1] * nx[i]) / h
        sbox, open_ = slides(i, None, along + WALK_MAX_HEIGHTS)
        missed[i] = True  # until a place is found below
        unslid = np.flatnonzero(ok[i])
        idx = np.concatenate([unslid, base + open_])
        boxes = np.concatenate([box[i, unslid], sbox[open_], np.array([box_i])])
        lead = leader_lengths(boxes, ax, ay)
        centres = (boxes[:, :2] + boxes[:, 2:]) / 2
        gone = np.hypot(*(centres[:-1] - centres[-1]).T)
        lead, boxes = lead[:-1], boxes[:-1]
        free_now = clear_of(boxes, placed)
        # A move it need not make leaves the tags after it where they were last frame.
        theirs = [  # their boxes last frame (px)
            (p[1] - ws[j] / 2, p[2] - h / 2, p[1] + ws[j] / 2, p[2] + h / 2)
            for j, p in enumerate(prefer[i + 1 :], i + 1)
            if p is not None
        ]
        spare = free_now & clear_of(boxes, theirs)

        def first(
            mask: np.ndarray, rank: np.ndarray, free: np.ndarray
        ) -> tuple[int, list[float]] | None:
            """The free candidate under mask with the least rank, if any."""
            js = np.flatnonzero(mask & free)
            if not len(js):
                return None
            j = js[np.argmin(rank[js])]
            missed[i] = False
            return int(idx[j]), boxes[j].tolist()

        walk = (gone <= WALK_MAX_HEIGHTS * h) & (lead < own - WALK_GAIN_HEIGHTS * h)
        if (hit := first(walk, lead, spare)) is not None:
            return hit
        if own <= HOP_FROM_HEIGHTS * h:
            return chosen, box_i
        below = max(HOP_NEARER_RATIO * own, HOP_NEAR_HEIGHTS * h)
        for free in (spare, free_now):
            if (hit := first(lead < below, lead, free)) is not None:
                return hit
            if own > FORCED_NEAR_HEIGHTS * h:
                better = lead < own - HOP_GAIN_HEIGHTS * h
                if (hit := first(better, lead + HOP_MOVE_WEIGHT * gone, free)) is not None:
                    return hit
        if own <= FORCED_FAR_HEIGHTS * h:
            return chosen, box_i
        hit = first(lead <= FORCED_FAR_HEIGHTS * h, gone, free_now)
        return (chosen, box_i) if hit is None else hit

    def keep_clear(i: int) -> None:
        """Label i's candidates an audience could read as labelling another runner's marker
        are not free (see tag_boxes.misread): it keeps MISREAD_CLEAR_HEIGHTS off each, and
        MISREAD_BEYOND_HEIGHTS further than that runner's own tag placed before it."""
        own, dots, _ = keep_off[i]
        q = np.asarray(dots, dtype=float).reshape(-1, 3)
        clear = np.full(len(q), MISREAD_CLEAR_HEIGHTS * h)
        for lab_j, box_j in zip(labels[:i], out, strict=True):
            if box_j is None:
                continue
            at = (np.abs(q[:, 0] - lab_j.x) < 0.01) & (np.abs(q[:, 1] - lab_j.y) < 0.01)
            mine = np.flatnonzero(at)
            if len(mine):  # the runner's own tag, placed before
                b = np.array([[box_j.left(), box_j.top(), box_j.right(), box_j.bottom()]])
                gap = point_gaps(b, q[mine, 0], q[mine, 1])[0] - q[mine, 2]
                clear[mine] = np.maximum(clear[mine], gap + MISREAD_BEYOND_HEIGHTS * h)
        keep_off[i] = (own, q, clear)
        ok[i] &= ~misread(box[i], own, q, clear)
        free[i] = ok[i].tolist()

    mosts, nearest, obs = most.tolist(), reach[:, 0].tolist(), ob.tolist()
    for i, lab in enumerate(labels):
        if keep_off[i] is not None:
            keep_clear(i)
        last = lasts[i]
        kept = None if last is None else last[0]
        hops = bool(lab.forced or getattr(lab, "leads", False))  # see nearer
        chosen = kept if kept is not None and kept < base and free[i][kept] else None
        returning: int | None = None
        """An unslid candidate a slid tag could return to, but only by a jump."""
        # A forced tag slides a little on its side before it hops to the other (forced tags
        # always may slide, so the other side's boxes are tried among the slides).
        keep_side = bool(lab.forced) and last is not None
        other_side: tuple[int, ...] = ()
        repaint = ease <= 0 and kept is not None and kept >= base  # it stays slid, below
        if not repaint and (chosen is None or not clear(*cand[i][chosen])):
            order = _NEAREST if last is None else _SAME_SIDE_FIRST[side_of(i, last)]
            if keep_side:
                order, other_side = order[:STEPS], order[STEPS:]
            e = RETURN_CLEAR_PX if kept is not None and kept >= base and not hops else 0.0
            free_i, cand_i = free[i], cand[i]
            chosen = None
            for k in order:
                if free_i[k] and clear(*(grown(cand_i[k], e) if e else cand_i[k])):
                    chosen = k
                    break
            beside = kept is not None and kept >= base and last is not None
            beside = beside and abs(offsets(i, last)[1]) < BESIDE_SHARE * reach[i, 0]
            if chosen is not None and beside and last is not None:
                c = cand[i][chosen]
                far = math.hypot((c[0] + c[2]) / 2 - last[1], (c[1] + c[3]) / 2 - last[2])
                if far > RETURN_MAX_HEIGHTS * h:  # a slid tag beside its marker stays there
                    chosen = None
            if chosen is not None and kept is not None and kept >= base and last is not None:
                if moved(i, last, cand[i][chosen]) > STICKY_MOVE_HEIGHTS * h:
                    returning, chosen = chosen, None  # it glides on if it can, below
        box_i = cand[i][chosen] if chosen is not None else None
        may_slide = most[i] > 0
        if chosen is None and may_slide and last is not None and last[0] >= base:
            box_i = next((b for b in follow(i) if clear(*b)), None)
            chosen = None if box_i is None else FOLLOWED
        if chosen is None and may_slide and last is not None and not repaint:
            box_i = next((b for b in nudges(i, last) if clear(*b)), None)
            chosen = None if box_i is None else FOLLOWED
        if chosen is None and returning is not None:  # no glide: it returns after all
            chosen, box_i = returning, cand[i][returning]
        if chosen is None and may_slide:
            sbox, order = slides(i, last)
            order = order[clear_of(sbox[order], placed)]  # free now, in the order to try
            later = order[:0]
            if keep_side and last is not None:
                _, _, shift, sd = slid[i, most[i]]
                on_side = (sd[order] > 0) == (sides[i, side_of(i, last)] > 0)
                near = on_side & (np.abs(shift[order]) <= KEEP_SIDE_SLIDE_HEIGHTS * h + 1e-9)
                order, later = order[near], order[~near]
            if len(order):
                chosen, box_i = base + int(order[0]), sbox[order[0]].tolist()
            else:  # an unslid box on the other side, else the slides off its side
                chosen = next((k for k in other_side if free[i][k] and clear(*cand[i][k])), None)
                if chosen is not None:
                    box_i = cand[i][chosen]
                elif len(later):
                    chosen, box_i = base + int(later[0]), sbox[later[0]].tolist()
        rests = resting is not None and resting[i]
        if hops and not rests and chosen is not None and chosen >= base and box_i is not None:
            chosen, box_i = nearer(i, chosen, box_i)
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
    return out, choices, missed
