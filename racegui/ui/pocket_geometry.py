"""Track geometry for the pocket cam: lane lines and surfaces in track metres, sampled once.

Every line (kerb, lane lines, outer edge, apron) is sampled along the whole lap (plus a
window's overlap at both ends) when a race is shown. Per frame :meth:`PocketGeometry.window`
copies the samples round the camera into fixed QPolygonF buffers (numpy views on their
memory), so a frame allocates nothing and the lines are the model's own track geometry,
drawn through the camera's metre-to-pixel transform.
"""

from __future__ import annotations

import math

import numpy as np
from pyqtgraph import functions as fn
from PySide6.QtCore import QLineF
from PySide6.QtGui import QPolygonF

from racegui.model.track import LANE1_LINE_M, Track

STEP_M = 0.5
"""Spacing of the samples along lane 1's line of running (m); chord error < 1 mm on a bend."""
HALF_WINDOW_M = 30.0
"""Track drawn each side of the camera centre (m of lap position): covers a 50 m wide inset."""
APRON_M = 0.6
"""Width of the darker rim outside the outermost lane (m), as on the main track."""
KERB_M = 0.12
"""Width of the kerb as drawn (m), inside the kerb line."""
FAR_M = 40.0
"""How far beyond the apron the surroundings are filled (m); the infield is the inset's fill."""


def _buffer(n: int) -> tuple[QPolygonF, np.ndarray]:
    poly = fn.create_qpolygonf(n)
    return poly, fn.ndarray_from_qpolygonf(poly)


class PocketGeometry:
    """Lane lines and fills of one track near a lap position, in metres, ready to draw."""

    def __init__(self, track: Track, race_distance_m: float) -> None:
        self.track = track
        half = int(math.ceil(HALF_WINDOW_M / STEP_M))
        n_lap = int(math.ceil(track.lap_m / STEP_M))
        s = (np.arange(-half, n_lap + half + 1)) * STEP_M
        self._s0 = float(s[0])
        self._n = 2 * half + 1
        kerb = -LANE1_LINE_M
        outer = kerb + track.lanes * track.lane_width_m
        lats = [kerb + k * track.lane_width_m for k in range(track.lanes + 1)]
        lats += [outer + APRON_M, outer + FAR_M, kerb - KERB_M]
        self._pts = []
        for lat in lats:
            x, y, _ = track.xy(s, lat)
            self._pts.append(np.column_stack([x, y]))
        self.lines = [_buffer(self._n) for _ in range(track.lanes + 1)]
        """(polygon, view) per line: 0 is the kerb, k the outer line of lane k."""
        self.kerb_inner = _buffer(self._n)
        """The inner edge of the kerb (KERB_M inside the kerb line)."""
        self.kerb = _buffer(2 * self._n)
        """The kerb itself, a band KERB_M wide."""
        self.surface = _buffer(2 * self._n)
        """The running surface, kerb to the outer edge of the last lane."""
        self.apron = _buffer(2 * self._n)
        self.outside = _buffer(2 * self._n)
        """Beyond the apron (drawn in the view's background colour)."""
        start_s = track.start_position_m(race_distance_m)
        self.finish = self._across(0.0, kerb, outer)
        self.start = self._across(start_s, kerb, outer) if start_s > 1e-6 else None

    def _across(self, s: float, lat0: float, lat1: float) -> QLineF:
        x, y, _ = self.track.xy(np.array([s, s]), np.array([lat0, lat1]))
        return QLineF(float(x[0]), float(y[0]), float(x[1]), float(y[1]))

    def window(self, lap_position_m: float) -> None:
        """Fill the buffers with the track within HALF_WINDOW_M of a lap position (m)."""
        s = float(np.mod(lap_position_m, self.track.lap_m))
        i0 = int((s - HALF_WINDOW_M - self._s0) / STEP_M)
        i1 = i0 + self._n
        pts = self._pts
        lanes = self.track.lanes
        for k, (_, view) in enumerate(self.lines):
            view[:] = pts[k][i0:i1]
        self.kerb_inner[1][:] = pts[lanes + 3][i0:i1]
        self._band(self.kerb[1], pts[lanes + 3], pts[0], i0, i1)
        self._band(self.surface[1], pts[0], pts[lanes], i0, i1)
        self._band(self.apron[1], pts[lanes], pts[lanes + 1], i0, i1)
        self._band(self.outside[1], pts[lanes + 1], pts[lanes + 2], i0, i1)

    def _band(
        self, view: np.ndarray, inner: np.ndarray, outer: np.ndarray, i0: int, i1: int
    ) -> None:
        n = self._n
        view[:n] = inner[i0:i1]
        view[n:] = outer[i0:i1][::-1]
