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
