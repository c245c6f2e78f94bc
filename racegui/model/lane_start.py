"""The 800 m's lane start: where a runner who starts in a lane is drawn until she has cut in.

An 800 m on a 400 m track starts in lanes, one runner a lane, staggered; she runs the first
bend in her lane and may leave it at the break line, after the bend, for the inside, which
she reaches by the end of the back straight (World Athletics Competition Rules, TR 17.5.3
and 17.5.5). The stagger is the World Athletics one for the 800 m (Track and Field
Facilities Manual, 2019, 2.2.1; the marks painted on a standard track): lane n's start is
forward of lane 1's, measured along lane n's line of running, by

- the extra length of one bend in lane n, pi * o_n, where o_n is lane n's line of running
  out from lane 1's (1.22 (n - 1) - 0.10 m: model.track), as for the 200 m; plus
- the break-line correction, R - sqrt(R^2 - o_n^2), with R the straight (84.39 m): the
  break line is an arc, every point of which is R from where lane 1's line meets the next
  bend, so she runs R - sqrt(R^2 - o_n^2) on in her lane before crossing to lane 1 in a
  straight line of R (lane 8: 0.42 m).

So lane 2 starts 3.526 m ahead, lane 8 26.94 m (stagger_m), and from her start every runner
runs exactly the race distance to the finish: 800 m, with lane 1's start and finish on the
common finish line. Her race distance is her own throughout; only where she is drawn
changes: ahead of her distance by her stagger, less what her lane's bend adds to it, at
her lane's line of running, across to lane 1 along her straight line from the break line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from racegui.model.piece_ops import of_distance
from racegui.model.piecewise import PieceBatch, Pieces
from racegui.model.race import Race
from racegui.model.track import Track

LANE_START_LAPS = 2.0
"""A race of this many laps starts in lanes (the 800 m on a 400 m track)."""


def starts_in_lanes(race: Race) -> bool:
    """Whether the race is an 800 m (two laps of its track), which starts in lanes."""
    return abs(race.distance_m - LANE_START_LAPS * race.track.lap_m) < 1e-6


def lane_starters(race: Race) -> list[int]:
    """Rows of the athletes who start in a lane of an 800 m, in file order: runners and
    pacers moving by their own splits or an even pace (not ghosts, nor formation slots).
    None start in lanes if the race is not an 800 m, if anyone runs in a formation (a paced
    time trial keeps its formation), or if they are more than the track has lanes (a field
    that large starts on the waterfall line)."""
    if not starts_in_lanes(race) or any(a.formation is not None for a in race.athletes):
        return []
    rows = [i for i, a in enumerate(race.athletes) if a.role != "ghost"]
    return rows if len(rows) <= race.track.lanes else []


def lanes_of(race: Race) -> dict[int, int]:
    """The lane (1..lanes) of each athlete who starts in one (row: lane): the file's, else
    the lowest free one, in file order. Empty if the race does not start in lanes."""
    rows = lane_starters(race)
    given = {i: race.athletes[i].lane for i in rows if race.athletes[i].lane is not None}
    free = iter(n for n in range(1, race.track.lanes + 1) if n not in given.values())
    return {i: given[i] if i in given else next(free) for i in rows}


def stagger_m(track: Track, lane: int) -> float:
    """How far (m) lane n's 800 m start is ahead of lane 1's, along lane n's line of
    running: one bend's extra length in her lane and the break-line correction."""
    o = float(track.lane_offset_m(lane))
    r = track.straight_m
    return math.pi * o + (r - math.sqrt(r * r - o * o))


def start_lap_position_m(track: Track, lane: int) -> float:
    """Lap position (m along lane 1's line past the finish line) of lane n's 800 m start:
    her stagger, measured along her own lane, turned into lane 1's measure on the bend."""
    o = float(track.lane_offset_m(lane))
    return stagger_m(track, lane) * track.radius_m / (track.radius_m + o)


def break_line_lap_position_m(track: Track, lateral_m: float | np.ndarray) -> np.ndarray:
    """Lap position (m) of the break line at a lateral offset (m out from lane 1's line): an
    arc through the end of the first bend on lane 1's line, every point of it a straight's
    length from where lane 1's line meets the next bend."""
    r = track.straight_m
    o = np.asarray(lateral_m, dtype=float)
    return track.bend_m + r - np.sqrt(r * r - o * o)


@dataclass(frozen=True)
class LanePath:
    """Where a runner starting in a lane is drawn, over time (s): how far ahead (m) of her
    race distance along lane 1's line, and out from lane 1's line (m) at least; both 0 once
    she has crossed to lane 1 at the end of the back straight."""

    shift: Pieces
    lateral: Pieces
    break_s: float
    """When (s) she reaches the break line (from then she may move across as a pack
    allows); +inf if she stops before it."""


def lane_path(track: Track, lane: int, distance: Pieces) -> LanePath:
    """The drawn path of a runner in ``lane`` whose race distance (m) over time (s) is
    ``distance``, for an 800 m started on the common finish line (model.track)."""
    o = float(track.lane_offset_m(lane))
    bend, straight = track.bend_m, track.straight_m
    correction = float(break_line_lap_position_m(track, o)) - bend
    start = start_lap_position_m(track, lane)
    # Race distance (m): her start, the end of the bend, the break line, lane 1 at the end
    # of the back straight; her drawn shift (m) and lateral offset (m) there, linear between.
    at_m = np.array([0.0, bend - correction, bend, bend + straight])
    shifts = np.array([start, correction, correction, 0.0])
    laterals = np.array([o, o, o, 0.0])
    reach = PieceBatch.from_rows([distance]).inverse(0, bend)
    return LanePath(
        of_distance(distance, at_m, shifts, after=0.0),
        of_distance(distance, at_m, laterals, after=0.0),
        float(reach) if np.isfinite(reach) else math.inf,
    )
