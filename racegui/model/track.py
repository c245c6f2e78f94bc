"""Geometry of the World Athletics standard 400 m track.

Coordinates are metres with the origin at the centre of the infield, x to the right along the
straights and y up. Athletes run counter-clockwise: the home straight lies at the bottom
(y < 0) and is run left to right, ending at the common finish line at x = +straight/2.

Positions along the track are measured along the line of running of lane 1 (0.30 m out from
the kerb), from the finish line, in the running direction ("lap position", 0 to 400 m). A
lateral offset moves a point outwards (positive) or inwards (negative), in metres, at the same
lap position; :meth:`Track.lane_offset_m` converts a lane number to that offset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

LANE1_LINE_M = 0.30
"""Line of running of lane 1: this far out from the kerb (metres)."""
OTHER_LINE_M = 0.20
"""Line of running of lanes 2 and up: this far out from the inner lane line (metres)."""


@dataclass(frozen=True)
class Track:
    """A standard 400 m track: two straights, two semicircular bends, lanes 1.22 m wide.

    The straight defaults to the value that makes the lane 1 lap exactly 400.000 m
    (84.3894 m, published rounded as 84.39 m).
    """

    kerb_radius_m: float = 36.50
    lane_width_m: float = 1.22
    lanes: int = 8
    lap_m: float = 400.0

    @property
    def radius_m(self) -> float:
        """Radius of lane 1's line of running (metres)."""
        return self.kerb_radius_m + LANE1_LINE_M

    @property
    def straight_m(self) -> float:
        """Length of each straight (metres)."""
        return (self.lap_m - 2.0 * math.pi * self.radius_m) / 2.0

    @property
    def bend_m(self) -> float:
        """Length of each bend along lane 1's line of running (metres)."""
        return math.pi * self.radius_m

    @property
    def outer_radius_m(self) -> float:
        """Radius of the outer edge of the outermost lane (metres)."""
        return self.kerb_radius_m + self.lanes * self.lane_width_m

    def lane_offset_m(self, lane: float | np.ndarray) -> float | np.ndarray:
        """Lateral offset (metres) of a lane's line of running from lane 1's line of running.

        Lane 1 is 0.0; lane n >= 2 is 1.22 (n - 1) - 0.10. Fractional lanes interpolate
        linearly, so a runner can ease from one lane to another.
        """
        lane = np.asarray(lane, dtype=float)
        extra = lane - 1.0
        out = self.lane_width_m * extra - (LANE1_LINE_M - OTHER_LINE_M) * np.clip(extra, 0.0, 1.0)
        return float(out) if out.ndim == 0 else out

    def lap_length_m(self, lane: float = 1) -> float:
        """Length of one lap along a lane's line of running (metres)."""
        r = self.radius_m + float(self.lane_offset_m(lane))
        return 2.0 * self.straight_m + 2.0 * math.pi * r

    def start_position_m(self, race_distance_m: float) -> float:
        """Lap position (metres past the finish line) where a race of this distance starts.

        The finish line is fixed; the start is the race distance before it, measured back
        along lane 1's line of running. A mile starts 9.344 m before the finish line.
        """
        rest = math.fmod(race_distance_m, self.lap_m)
        return (self.lap_m - rest) % self.lap_m

    def lap_position_m(self, distance_m: np.ndarray | float, race_distance_m: float) -> np.ndarray:
        """Lap position (0 <= s < 400 m past the finish line) of a race distance run."""
        d = np.asarray(distance_m, dtype=float)
        return np.mod(d + self.start_position_m(race_distance_m), self.lap_m)

    def laps_completed(self, distance_m: np.ndarray | float, race_distance_m: float) -> np.ndarray:
        """How many times the finish line has been crossed after running this race distance.

        A mile runner crosses it at 9.344 m (count 1), 409.344 m (2), ... 1609.344 m (5).
        A crossing at exactly the start (distance 0) does not count.
        """
        d = np.asarray(distance_m, dtype=float)
        start = self.start_position_m(race_distance_m)
        first = self.lap_m - start if start > 0 else self.lap_m
        count = np.floor((d - first) / self.lap_m + 1e-9) + 1
        return np.maximum(count, 0).astype(int)

    def xy(
        self, lap_position_m: np.ndarray | float, lateral_m: np.ndarray | float = 0.0
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Map lap position and lateral offset (metres) to (x, y, heading in radians).

        Accepts arrays of any (broadcastable) shape; heading 0 points along +x (the home
        straight) and increases counter-clockwise.
        """
        s = np.mod(np.asarray(lap_position_m, dtype=float), self.lap_m)
        o = np.asarray(lateral_m, dtype=float)
        r = self.radius_m
        half_lap = self.lap_m / 2.0
        bend = math.pi * r
        x0 = (self.lap_m - 2.0 * bend) / 4.0  # half a straight
        # The second half of the lap (bend 2, home straight) is the first half (bend 1,
        # back straight) turned half a circle about the centre.
        second = s >= half_lap
        u = s - half_lap * second
        in_bend = u < bend
        ang = np.minimum(u, bend) / r - math.pi / 2
        ro = r + o
        x = np.where(in_bend, x0 + ro * np.cos(ang), x0 - (u - bend))
        y = np.where(in_bend, ro * np.sin(ang), ro)
        sign = 1.0 - 2.0 * second
        heading = ang + math.pi / 2 + math.pi * second
        return x * sign, y * sign, np.mod(heading, 2.0 * math.pi)

    def race_xy(
        self,
        distance_m: np.ndarray | float,
        race_distance_m: float,
        lateral_m: np.ndarray | float = 0.0,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(x, y, heading) of a race distance run (metres from the start) and lateral offset."""
        return self.xy(self.lap_position_m(distance_m, race_distance_m), lateral_m)


STANDARD_TRACK = Track()
"""The World Athletics standard 400 m track."""
