"""Where the broadcast graphics go inside the kerb: the scoreboard on the left, the pocket cam
on the right, side by side across the middle of the infield.

Worked out in track metres (so it follows the track at any window size, presentation scale
or export size) and mapped to view pixels. The runner never enters the infield, so nothing
placed here can cover her; a margin inside the kerb keeps the gap arc and its tag clear.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTransform

from racegui.model.track import Track

KERB_CLEAR_M = 4.2
"""Room left inside the kerb (m): the runner-to-light gap arc runs 1.7 m in."""
INSET_HALF_HEIGHT_M = 18.5
"""Half the pocket cam inset's height on the main track (m)."""
INSET_ASPECT = 2.15
"""Width over height of the inset (about 30 m of track by 12.8 m)."""
BOARD_HALF_HEIGHT_M = 17.0
"""Half the height of the scoreboard's area (m)."""
GAP_M = 2.0
"""Space between the scoreboard and the inset (m)."""


def infield_layout(track: Track, to_px: QTransform) -> tuple[QRectF, QRectF]:
    """(scoreboard area, pocket-cam inset) in view pixels; to_px maps track metres to pixels.

    Both are centred on the infield's long axis; their outer corners stay KERB_CLEAR_M
    inside the bends.
    """
    r = track.kerb_radius_m - KERB_CLEAR_M
    bend_x = track.straight_m / 2

    def reach(half_h: float) -> float:
        return bend_x + math.sqrt(max(r * r - half_h * half_h, 0.0))

    hh = min(INSET_HALF_HEIGHT_M, 0.9 * r)
    width = min(2.0 * hh * INSET_ASPECT, reach(hh) + bend_x)
    right = reach(hh)
    inset = QRectF(right - width, -hh, width, 2.0 * hh)
    bh = min(BOARD_HALF_HEIGHT_M, 0.9 * r)
    left = -reach(bh)
    board = QRectF(left, -bh, max(inset.left() - GAP_M - left, 1.0), 2.0 * bh)
    return to_px.mapRect(board), to_px.mapRect(inset)


STAGE_MIN_HEIGHT = 1.6
"""A view this many times as tall as the track drawn across its width (or taller) shows the
track at its top and the broadcast graphics below it (see stage_layout): a portrait video
without the panel showed the track in a band across its middle, 70% of it empty."""
STAGE_SIDE_BY_SIDE = 2.4
"""Below the track, the scoreboard and the pocket cam side by side where the room is this
many times as wide as tall or more (a square video), else the pocket cam above the board."""
STAGE_MARGIN = 0.03
"""Margin round the graphics below the track, as a share of the view's width."""


def is_stage(view_w: float, view_h: float, track_bounds: QRectF) -> bool:
    """Whether a view of view_w x view_h px shows the track at its top, the scoreboard and
    the pocket cam below it: it is STAGE_MIN_HEIGHT times as tall as the track (its
    bounds, m) drawn across its width, or taller."""
    if view_w <= 0 or track_bounds.width() <= 0:
        return False
    track_h = view_w * track_bounds.height() / track_bounds.width()
    return view_h >= STAGE_MIN_HEIGHT * track_h


def stage_layout(room: QRectF, inset_shown: bool = True) -> tuple[QRectF, QRectF]:
    """(scoreboard area, pocket-cam inset) in view pixels in `room` (px), the part of the
    view below the track: side by side as in the infield where it is wide, else the inset
    across the top (INSET_ASPECT) and the board below it; without the inset (hidden), the
    board's area is all the room (the inset an empty rect)."""
    m = STAGE_MARGIN * room.width()
    free = room.adjusted(m, m / 2, -m, -m)
    if not inset_shown:
        return free, QRectF()
    if free.width() >= STAGE_SIDE_BY_SIDE * free.height():
        inset_w = min(free.height() * INSET_ASPECT, 0.6 * free.width())
        inset = QRectF(free.right() - inset_w, free.top(), inset_w, inset_w / INSET_ASPECT)
        inset.moveTop(free.center().y() - inset.height() / 2)
        board = QRectF(free.left(), free.top(), free.width() - inset_w - m, free.height())
        return board, inset
    inset_h = min(free.width() / INSET_ASPECT, 0.55 * free.height())
    inset_w = inset_h * INSET_ASPECT
    inset = QRectF(free.center().x() - inset_w / 2, free.top(), inset_w, inset_h)
    board = QRectF(
        free.left(), inset.bottom() + m, free.width(), free.bottom() - inset.bottom() - m
    )
    return board, inset
