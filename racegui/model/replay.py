"""Compile a Race into a Replay: every athlete's distance and lateral offset as functions of time.

Everything a view or an export needs per frame comes from :meth:`Replay.state_at`, which
evaluates all athletes at one instant in a handful of numpy operations.

Motion rules (the tails after a finish or dropout are estimates, marked so in the docs):
- an athlete with splits follows a monotone cubic (PCHIP) through (0 m, 0 s) and its splits;
- an even-pace athlete runs the race distance at constant speed;
- a formation pacer runs at its leader's distance plus its slot offset, in its slot lane;
- a pacer that drops out eases out to its exit lane over DROPOUT_EASE_S while slowing gently,
  then slows to a stop; a runner who did not finish (DNF) stops at her last split, where the
  file says she stopped (not the 15 m or so past it that slowing down would take her), and
  steps out to lane 3.5 over DROPOUT_EASE_S; a finisher slows to a stop in its lane; a ghost
  stops at the line;
- runners moving by their own splits on lane 1's line are set side by side where they run
  level (model.pack_lanes), and one with no room beside the others is drawn just behind them
  (model.pack_queue), so no two runners are drawn on each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from operator import attrgetter

import numpy as np

from racegui.model.drawn import place_drawn
from racegui.model.piecewise import PieceBatch, Pieces, constant, monotone_through
from racegui.model.race import TARGET_ID, Athlete, Race
from racegui.model.track import LANE1_LINE_M, Track

DROPOUT_EASE_S = 2.0
"""Seconds a dropping-out pacer takes to ease out to its exit lane (estimated)."""
DROPOUT_EASE_DECEL = 0.5
"""Deceleration (m/s^2) while easing out (estimated)."""
STOP_DECEL = 1.5
"""Deceleration (m/s^2) to a stop after easing out or finishing (estimated)."""
PROJECTION_BASIS_M = 200.0
"""A projected finish holds her pace over the last this many metres: none before she has
run them. From her speed at the instant it had read 1:41.2 at 1 s of an 800 m run in 1:51
(coach's review)."""
GHOST_LATERAL_M = -LANE1_LINE_M
"""The target ghost runs on the kerb, like a pacing light."""


class RaceModelError(ValueError):
    """The race cannot be turned into motion (for example a formation loop). ``athlete`` is
    the index of the athlete at fault and ``field`` the field of its entry, when known."""

    def __init__(self, message: str, athlete: int | None = None, field: str = "") -> None:
        super().__init__(message)
        self.athlete = athlete
        self.field = field


class FollowError(ValueError):
    """A replay was asked to follow an athlete it cannot: an unknown id or name, or an
    athlete who is not a runner (a pacer or a ghost). The message says which and lists the
    runners who can be followed (``choices``: their ids, those who did not finish too)."""

    def __init__(self, message: str, choices: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.choices = choices


@dataclass(frozen=True, eq=False)
class RaceState:
    """Everyone at one instant t (s). Arrays are indexed like Replay.ids."""

    t: float
    distance_m: np.ndarray
    speed_mps: np.ndarray
    lateral_m: np.ndarray
    drawn_m: np.ndarray
    """Race distance (m) where each is drawn on the track: distance_m, but for one drawn
    just behind a crowd (model.pack_queue)."""
    x_m: np.ndarray
    y_m: np.ndarray
    heading_rad: np.ndarray
    lap: np.ndarray
    running: np.ndarray
    gap_to_target_s: float | None
    gap_to_target_m: float | None


@dataclass(frozen=True, eq=False)
class Replay:
    """A compiled race: motion of every athlete, plus what analysis needs, computed once."""

    race: Race
    athletes: tuple[Athlete, ...]
    motion: PieceBatch
    """Rows 0..n-1: distance run (m); rows n..2n-1: lateral offset (m); with ``drawn_shift``,
    rows 2n..3n-1: how far ahead (m) of her distance each is drawn; functions of time (s)."""
    active_end_s: np.ndarray
    finish_time_s: np.ndarray
    dropout_time_s: np.ndarray
    """When (s) each athlete stops short of the finish: a pacer's dropout or where a runner
    who did not finish stopped (see ``dnf``); NaN for one who does not."""
    dropout_distance_m: np.ndarray
    """Where (m) each athlete stops short of the finish (as dropout_time_s); NaN if not."""
    focus: int
    """Row of the runner the replay follows (see :meth:`following`)."""
    target: int | None
    duration_s: float
    drawn_shift: bool = False
    """Whether anyone is drawn elsewhere along the track than at her distance run (motion's
    rows 2n..3n-1)."""
    ids: tuple[str, ...] = field(init=False)
    roles: np.ndarray = field(init=False)
    dnf: np.ndarray = field(init=False)
    """Whether each athlete is a runner who did not finish (bool per row)."""
    dq: np.ndarray = field(init=False)
    """Whether each athlete is a runner disqualified, where she stopped (dnf) or after she
    finished (bool per row): she has no place once she has."""
    _start_s: float = field(init=False)
    _partial_m: float = field(init=False)
    _total_laps: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ids", tuple(a.id for a in self.athletes))
        object.__setattr__(self, "roles", np.array([a.role for a in self.athletes]))
        object.__setattr__(self, "dnf", np.array([a.dnf for a in self.athletes], dtype=bool))
        object.__setattr__(self, "dq", np.array([a.dq for a in self.athletes], dtype=bool))
        track = self.race.track
        object.__setattr__(self, "_start_s", track.start_position_m(self.race.distance_m))
        partial = float(np.mod(self.race.distance_m, track.lap_m))
        object.__setattr__(self, "_partial_m", partial)
        object.__setattr__(
            self, "_total_laps", int(round((self.race.distance_m - partial) / track.lap_m))
        )

    @property
    def track(self) -> Track:
        return self.race.track

    @property
    def n(self) -> int:
        """Number of athletes (the target ghost included)."""
        return len(self.athletes)

    @property
    def total_laps(self) -> int:
        """Full laps in the race (a mile has 4, after a first partial lap of 9.344 m)."""
        return self._total_laps

    @property
    def partial_lap_m(self) -> float:
        """Length of the first partial lap (m), 0 when the race starts at the finish line."""
        return self._partial_m

    @property
    def race_end_s(self) -> float:
        """When the race is over (s), where an export ends by default: the last runner's
        finish (a club race's export had stopped at the first runner's, cutting off the
        others), else the replay's end."""
        finishes = self.finish_time_s[list(self.runners)]
        finishes = finishes[np.isfinite(finishes)]
        return float(finishes.max()) if finishes.size else self.duration_s

    def index(self, athlete_id: str) -> int:
        """Row of an athlete by id."""
        return self.ids.index(athlete_id)

    @property
    def runners(self) -> tuple[int, ...]:
        """Rows of the runners who finish, in file order: the first is the one a replay
        follows unless told another, and the last to finish ends the race."""
        return runner_rows(self.athletes)

    @property
    def followable(self) -> tuple[int, ...]:
        """Rows of every runner, in file order: those a replay can follow, a runner who did
        not finish too (her laps and gaps until she stopped)."""
        return followable_rows(self.athletes)

    @property
    def focus_dnf(self) -> bool:
        """Whether the followed runner did not finish."""
        return bool(self.dnf[self.focus])

    @property
    def focus_stop_s(self) -> float:
        """When (s) the followed runner stopped short of the finish (at her last split):
        NaN for a runner who finishes."""
        return float(self.dropout_time_s[self.focus]) if self.focus_dnf else math.nan

    @property
    def focus_stop_m(self) -> float:
        """Where (m) the followed runner stopped short of the finish: NaN for a finisher."""
        return float(self.dropout_distance_m[self.focus]) if self.focus_dnf else math.nan

    @property
    def focus_end_m(self) -> float:
        """How far (m) the followed runner's race goes: the race distance, or where she
        stopped if she did not finish."""
        return self.focus_stop_m if self.focus_dnf else float(self.race.distance_m)

    def focus_stopped(self, t: float) -> bool:
        """Whether the followed runner did not finish and has stopped by time t (s)."""
        return t >= self.focus_stop_s  # NaN for a finisher compares False

    def following(self, athlete: int | str) -> Replay:
        """The same replay following another runner (her row or id): laps, splits, gaps,
        the projected finish, the pocket cam and her tag are all hers (the race's end,
        race_end_s, is the last runner's finish whoever is followed). A runner who did not
        finish can be followed too: her figures run to where she stopped.

        FollowError for an unknown id or row, or an athlete who is not a runner. The motion
        is shared, not recompiled; following the runner already followed returns self.
        """
        i = _runner_row(self.athletes, athlete)
        return self if i == self.focus else replace(self, focus=i)

    def lap_of(self, distance_m: np.ndarray | float) -> np.ndarray:
        """Lap being run at this distance: 0 for a first partial lap, then 1..total_laps."""
        d = np.asarray(distance_m, dtype=float)
        lap_m = self.track.lap_m
        full = np.floor((d - self._partial_m) / lap_m + 1e-9) + 1
        lap = np.where(d < self._partial_m, 0, full)
        return np.clip(lap, 0 if self._partial_m > 0 else 1, self._total_laps).astype(int)

    def distances_at(self, t: float) -> tuple[np.ndarray, np.ndarray]:
        """(distance m, speed m/s) of every athlete at time t (s)."""
        value, slope = self.motion.at(t)
        return value[: self.n], slope[: self.n]

    def positions_at(self, t: float) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) in metres of every athlete at time t (s): the per-frame hot path."""
        value = self.motion.values_at(t)
        n = self.n
        drawn = value[:n] + value[2 * n :] if self.drawn_shift else value[:n]
        s = np.mod(drawn + self._start_s, self.track.lap_m)
        x, y, _ = self.track.xy(s, value[n : 2 * n])
        return x, y

    def positions_over(
        self, times_s: np.ndarray, rows: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) in metres of the given athletes (rows; None: all) at many times (s) in one
        numpy pass, shape (athletes, len(times_s)): where each is drawn, as positions_at."""
        n = self.n
        idx = np.arange(n) if rows is None else np.asarray(rows)
        blocks = [idx, idx + n, idx + 2 * n] if self.drawn_shift else [idx, idx + n]
        v = self.motion.rows_at(np.concatenate(blocks), times_s)
        k = len(idx)
        drawn = v[:k] + v[2 * k :] if self.drawn_shift else v[:k]
        s = np.mod(drawn + self._start_s, self.track.lap_m)
        x, y, _ = self.track.xy(s, v[k : 2 * k])
        return x, y

    def athlete_at(self, i: int, times: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        """(distance m, speed m/s) of athlete i at many times (s)."""
        return self.motion.row(i, times)

    def time_at_distance(self, i: int, distance_m: np.ndarray | float) -> np.ndarray:
        """Earliest time (s) athlete i reaches each distance while running (NaN if never)."""
        return self.motion.inverse(i, distance_m, t_max=float(self.active_end_s[i]))

    def state_at(self, t: float) -> RaceState:
        """Everyone at time t (s): distance, speed, position, lap, running, gap to target."""
        value, slope = self.motion.at(t)
        n = self.n
        distance = value[:n]
        lateral = value[n : 2 * n]
        drawn = distance + value[2 * n :] if self.drawn_shift else distance
        s = np.mod(drawn + self._start_s, self.track.lap_m)
        x, y, heading = self.track.xy(s, lateral)
        gap_s, gap_m = self._gap(t, distance)
        return RaceState(
            t=float(t),
            distance_m=distance,
            speed_mps=slope[:n],
            lateral_m=lateral,
            drawn_m=drawn,
            x_m=x,
            y_m=y,
            heading_rad=heading,
            lap=self.lap_of(distance),
            running=(t >= 0.0) & (t < self.active_end_s),
            gap_to_target_s=gap_s,
            gap_to_target_m=gap_m,
        )

    def gap_to_target(
        self, t: float, runner_m: float | None = None
    ) -> tuple[float | None, float | None]:
        """How far the focus runner is behind the target at time t: (seconds, metres).

        Positive is behind, negative ahead. Seconds: time now minus the time the target
        passed the runner's distance. Metres: target's distance minus the runner's, until the
        target finishes; from then on (it stands at the line) the metres she was behind as it
        crossed, which is also the final margin. From the runner's finish on, both hold the
        final margin (metres measured when the first of the two crossed the line).
        `runner_m` overrides the runner's distance (metres) when given.
        """
        distance = self.distances_at(t)[0]
        if runner_m is not None:
            distance = distance.copy()
            distance[self.focus] = runner_m
        return self._gap(t, distance)

    def gap_metres_measured_at(self, t: float) -> float | None:
        """Race time (s) the gap in metres at time t (s) was measured at, once one of the
        runner and the target has finished: it is then held at when the first of them crossed
        the line. None while both run (or without a target)."""
        if self.target is None:
            return None
        ends = [self._focus_end_s(), float(self.finish_time_s[self.target])]
        ends = [e for e in ends if math.isfinite(e)]
        first = min(ends, default=math.inf)
        return first if t >= first else None

    def _focus_end_s(self) -> float:
        """When (s) the followed runner's race ends: her finish, or when she stopped."""
        return self.focus_stop_s if self.focus_dnf else float(self.finish_time_s[self.focus])

    def _gap(self, t: float, distance: np.ndarray) -> tuple[float | None, float | None]:
        if self.target is None:
            return None, None
        if self.focus_stopped(t):  # held at where she stopped (no finish to hold at)
            stop_s = self.focus_stop_s
            distance = self.distances_at(stop_s)[0].copy()
            distance[self.focus] = self.focus_stop_m
            t = stop_s
        race_m = self.race.distance_m
        finish = self.finish_time_s[self.focus]
        runner_m = float(distance[self.focus])
        target_m = float(distance[self.target])
        if t >= finish:  # NaN finish compares False
            return self._final_margin()
        runner_m = min(max(runner_m, 0.0), race_m)
        target_t = self.motion.inverse_scalar(self.target, runner_m)
        target_finish = float(self.finish_time_s[self.target])
        if t >= target_finish:  # the target waits at the line
            return max(t, 0.0) - target_t, self._runner_short_at(target_finish)
        return max(t, 0.0) - target_t, target_m - runner_m

    def _runner_short_at(self, t: float) -> float:
        """Metres the focus runner had still to run at time t (s)."""
        return self.race.distance_m - float(self.motion.row(self.focus, t)[0])

    def _final_margin(self) -> tuple[float, float]:
        """Margin at the runner's finish: seconds, and metres between the two when the first
        of them crossed the line (positive: the runner was behind)."""
        race_m = self.race.distance_m
        finish = float(self.finish_time_s[self.focus])
        target_finish = self.motion.inverse_scalar(self.target, race_m)
        if target_finish <= finish:
            return finish - target_finish, self._runner_short_at(target_finish)
        target_then = float(self.motion.row(self.target, finish)[0])
        return finish - target_finish, target_then - race_m

    def projected_finish_s(
        self, t: float, distance_m: float | None = None, speed_mps: float | None = None
    ) -> float | None:
        """Finish time (s) if the focus runner held her pace over the last
        PROJECTION_BASIS_M from time t on; her finish from when she has finished; None until
        she has run PROJECTION_BASIS_M (or the whole race, if shorter), while she is not
        moving, and once a runner who did not finish has stopped (she will not finish).

        Pass her distance (m) at t when already known (e.g. from state_at); ``speed_mps`` is
        accepted for callers that have it and not needed.
        """
        if t <= 0 or self.focus_stopped(t):
            return None
        i = self.focus
        finish = self.finish_time_s[i]
        if np.isfinite(finish) and t >= finish:
            return float(finish)
        if distance_m is None:
            distance_m, speed_mps = self.athlete_at(i, t)
        race_m = self.race.distance_m
        basis = min(PROJECTION_BASIS_M, race_m)
        d = float(distance_m)
        if d < basis:
            return None
        then = self.motion.inverse_scalar(i, d - basis)
        if not math.isfinite(then) or t <= then:
            return None
        return float(t + (race_m - d) * (t - then) / basis)


COMPARE_DISTANCE_TOLERANCE_M = 0.01
"""Race distances (m) closer than this count as the same for a comparison."""


def comparison_problem(shown: Replay, other: Replay) -> str | None:
    """Why ``other``'s runner cannot be a ghost on ``shown`` (None when it can).

    The ghost runs the same distance on the same clock: a race of another distance would start
    elsewhere on the track, so its gap would mean nothing; the race itself adds nothing.
    """
    a, b = shown.race, other.race
    problem = distance_problem(a, b.title, b.distance_m)
    if problem is not None:
        return problem
    if b == a:
        return already_shown(b.title)
    return None


def already_shown(title: str) -> str:
    """Why the race shown, titled `title`, cannot be compared with itself."""
    return f"{title!r} is the race already shown"


def distance_problem(shown: Race, title: str, distance_m: float) -> str | None:
    """Why a race titled `title`, of distance_m (m), cannot be compared with `shown`: another
    distance (None: the same, within COMPARE_DISTANCE_TOLERANCE_M). Said before a splits
    CSV's dialog where the CSV fixes its distance (replay_file.CsvPrefill.fixed)."""
    if abs(shown.distance_m - distance_m) <= COMPARE_DISTANCE_TOLERANCE_M:
        return None
    return (
        f"{title!r} ({distance_m:g} m) is not the distance of {shown.title!r} "
        f"({shown.distance_m:g} m): only races of the same distance can be compared"
    )


def _with_target(race: Race) -> tuple[Athlete, ...]:
    athletes = tuple(race.athletes)
    if race.target is None:
        return athletes
    target = race.target
    ghost = Athlete(
        id=TARGET_ID,
        name=target.label,
        role="ghost",
        colour=target.colour,
        splits=target.splits,
        even_pace_time_s=target.time_s if not target.splits else None,
    )
    return athletes + (ghost,)


def _own_motion(a: Athlete, distance_m: float) -> Pieces:
    if a.even_pace_time_s is not None:
        return monotone_through(np.array([0.0, a.even_pace_time_s]), np.array([0.0, distance_m]))
    n = len(a.splits)  # read a field at a time: a thousand splits each of a thousand athletes
    times = np.fromiter(map(attrgetter("time_s"), a.splits), dtype=float, count=n)
    dists = np.fromiter(map(attrgetter("distance_m"), a.splits), dtype=float, count=n)
    ahead = dists > 0
    return monotone_through(
        np.concatenate(([0.0], times[ahead])), np.concatenate(([0.0], dists[ahead]))
    )


def _leader_order(athletes: tuple[Athlete, ...]) -> list[int]:
    """Indices ordered so every formation leader comes before its followers (walked without
    recursion: a file may chain a thousand pacers)."""
    index = {a.id: i for i, a in enumerate(athletes)}
    order: list[int] = []
    done: set[int] = set()
    for first in range(len(athletes)):
        chain: list[int] = []  # first, its leader, its leader's leader, ... not yet ordered
        on_chain: set[int] = set()
        i: int | None = first
        while i is not None and i not in done:
            if i in on_chain:
                names = [athletes[k].id for k in chain[chain.index(i) :]] + [athletes[i].id]
                raise RaceModelError("formation loop: " + " -> ".join(names), i, "formation")
            chain.append(i)
            on_chain.add(i)
            f = athletes[i].formation
            if f is not None and f.follows not in index:
                raise RaceModelError(
                    f"{athletes[i].id} follows unknown athlete {f.follows!r}", i, "formation"
                )
            i = None if f is None else index[f.follows]
        for k in reversed(chain):
            order.append(k)
            done.add(k)
    return order


def runner_rows(athletes: tuple[Athlete, ...]) -> tuple[int, ...]:
    """Rows of the runners who finish (not marked DNF), in file order."""
    return tuple(i for i, a in enumerate(athletes) if a.finisher)


def followable_rows(athletes: tuple[Athlete, ...]) -> tuple[int, ...]:
    """Rows of every runner (role "runner", finished or not), in order: those a replay can
    follow."""
    return tuple(i for i, a in enumerate(athletes) if a.role == "runner")


def _runner_ids(athletes: tuple[Athlete, ...]) -> tuple[str, ...]:
    return tuple(athletes[i].id for i in followable_rows(athletes))


def runners_text(athletes: tuple[Athlete, ...]) -> str:
    """The runners one may follow, for an error message: 'a (Runner A), b (Runner B)'."""
    return ", ".join(f"{athletes[i].id} ({athletes[i].name})" for i in followable_rows(athletes))


def _runner_row(athletes: tuple[Athlete, ...], athlete: int | str) -> int:
    """Row of a runner given by row or id (FollowError if it is no runner of athletes)."""
    choices = _runner_ids(athletes)
    ids = [a.id for a in athletes]
    if isinstance(athlete, str):
        if athlete not in ids:
            raise FollowError(
                f"no athlete has the id {athlete!r} (runners: {runners_text(athletes)})", choices
            )
        i = ids.index(athlete)
    else:
        i = int(athlete)
        if not 0 <= i < len(athletes):
            raise FollowError(f"no athlete has row {i} (of {len(athletes)})", choices)
    if athletes[i].role != "runner":
        raise not_a_runner(athletes, i)
    return i


def not_a_runner(athletes: tuple[Athlete, ...], i: int) -> FollowError:
    """The FollowError for following athlete i of athletes, a pacer or a ghost."""
    a = athletes[i]
    return FollowError(
        f"{a.id!r} ({a.name}) is a {a.role}, not a runner: only runners can be followed "
        f"(runners: {runners_text(athletes)})",
        _runner_ids(athletes),
    )


def compile_race(race: Race, focus: str | None = None) -> Replay:
    """Turn a Race into a Replay following the runner with id ``focus`` (None: the one the
    race's ``follow`` names, else the winner, the first in the file of a dead heat; one who
    did not finish may be named).
    RaceModelError for an impossible race (or one where no runner finishes), FollowError for
    a ``focus`` that is no runner of it."""
    athletes = _with_target(race)
    finishers = runner_rows(athletes)
    if not finishers:  # nothing would end the race (race_end_s) nor be followed unasked
        raise RaceModelError("no runner finishes: a replay follows one who does")
    focus_row = _runner_row(athletes, race.focus.id if focus is None else focus)
    n = len(athletes)
    track = race.track
    active: list[Pieces | None] = [None] * n
    distance_rows: list[Pieces | None] = [None] * n
    lateral_rows: list[Pieces | None] = [None] * n
    active_end = np.full(n, np.inf)
    finish = np.full(n, np.nan)
    drop_t = np.full(n, np.nan)
    drop_m = np.full(n, np.nan)
    index = {a.id: i for i, a in enumerate(athletes)}
    pack: list[int] = []
    """Runners on lane 1's line by their own motion, to be set side by side (pack_laterals)."""
    in_the_way: list[tuple[int, Pieces, float]] = []
    """Others on lane 1's line (row, distance, until), until they drop out: the pack keeps
    clear of them."""

    for i in _leader_order(athletes):
        a = athletes[i]
        lane_m = 0.0
        dropout_at: float | None = None
        if a.formation is not None:
            leader_i = index[a.formation.follows]
            leader = active[leader_i]
            assert leader is not None
            path = leader.shifted(a.formation.offset_m)
            lane_m = float(track.lane_offset_m(a.formation.lane))
            leader_left = bool(np.isfinite(drop_t[leader_i]))  # the slot ends where it does
            if a.dropout is not None and leader_left:
                slot_end_m = path.end_value()[0]
                if a.dropout.distance_m > slot_end_m + 1e-6:
                    raise RaceModelError(
                        f"{a.id} drops out at {a.dropout.distance_m:g} m, after its formation "
                        f"slot ends ({slot_end_m:.2f} m, where {a.formation.follows} drops out)",
                        i,
                        "dropout",
                    )
            if a.dropout is None and leader_left:
                dropout_at = path.end  # it leaves with its leader, not stands in its lane
            if a.dropout is not None:
                slot_start_m = float(path(path.start))
                if a.dropout.distance_m < slot_start_m:  # offsets along a chain of leaders
                    raise RaceModelError(
                        f"{a.id} drops out at {a.dropout.distance_m:g} m, before its formation "
                        f"slot starts ({slot_start_m:.2f} m into the race)",
                        i,
                        "dropout",
                    )
                reach = PieceBatch.from_rows([path]).inverse(0, a.dropout.distance_m)
                t_d = float(reach) if np.isfinite(reach) else path.end
                if t_d <= path.start:
                    raise RaceModelError(
                        f"{a.id} drops out at {a.dropout.distance_m:g} m, before its slot starts",
                        i,
                        "dropout",
                    )
                path = path.truncated(t_d)
                dropout_at = path.end
            reaches_finish = False
        else:
            path = _own_motion(a, race.distance_m)
            if a.dropout is not None:  # an even pace runs to its dropout, not to the finish
                reach = float(PieceBatch.from_rows([path]).inverse(0, a.dropout.distance_m))
                if path.start < reach < path.end:
                    path = path.truncated(reach)
            last_m = path.end_value()[0]
            reaches_finish = last_m >= race.distance_m - 1e-9
            if a.dropout is not None or (a.role == "pacer" and not reaches_finish) or a.dnf:
                dropout_at = path.end  # a DNF runner leaves the track as a pacer does
        active[i] = path
        end_t = path.end
        active_end[i] = end_t
        end_m, end_v = path.end_value()
        if a.role == "ghost":
            lateral_rows[i] = constant(GHOST_LATERAL_M if a.id == TARGET_ID else 0.0)
            distance_rows[i] = path
            if reaches_finish:
                finish[i] = end_t
            continue
        if dropout_at is not None:
            drop_t[i] = end_t
            drop_m[i] = end_m
            exit_lane = a.dropout.exit_lane if a.dropout is not None else 3.5
            exit_m = float(track.lane_offset_m(exit_lane))
            if a.dnf:  # she stops where her last split says, not past it, and steps out
                distance_rows[i] = path
            else:
                v1 = max(end_v - DROPOUT_EASE_DECEL * DROPOUT_EASE_S, 0.0)
                ease_decel = (end_v - v1) / DROPOUT_EASE_S
                tail = path.then(DROPOUT_EASE_S, 0.0, -ease_decel / 2, end_v)
                if v1 > 0:
                    tail = tail.then(v1 / STOP_DECEL, 0.0, -STOP_DECEL / 2, v1)
                distance_rows[i] = tail
            delta = exit_m - lane_m
            ease = Pieces(
                np.array([path.start, end_t, end_t + DROPOUT_EASE_S]),
                np.array(
                    [
                        [0.0, 0.0, 0.0, lane_m],
                        [
                            -2 * delta / DROPOUT_EASE_S**3,
                            3 * delta / DROPOUT_EASE_S**2,
                            0.0,
                            lane_m,
                        ],
                    ]
                ),
            )
            lateral_rows[i] = ease
            if lane_m == 0.0:
                in_the_way.append((i, path, end_t))
        else:
            if reaches_finish:
                finish[i] = end_t
            stop = path.then(end_v / STOP_DECEL, 0.0, -STOP_DECEL / 2, end_v) if end_v > 0 else path
            distance_rows[i] = stop
            lateral_rows[i] = constant(lane_m, path.start)
            if lane_m == 0.0 and a.formation is None:
                pack.append(i)
            elif lane_m == 0.0:
                in_the_way.append((i, stop, np.inf))

    distances = [r for r in distance_rows if r is not None]
    laterals = [r for r in lateral_rows if r is not None]
    if len(distances) != n or len(laterals) != n:
        raise RaceModelError("internal: an athlete has no motion")
    shift_rows = place_drawn(race, distances, laterals, pack, in_the_way)
    rows = distances + laterals
    drawn_shift = any(r is not None for r in shift_rows)
    if drawn_shift:
        rows += [constant(0.0) if r is None else r for r in shift_rows]
    motion = PieceBatch.from_rows(rows)
    target = index.get(TARGET_ID) if race.target is not None else None
    duration = float(np.max(motion.last[:n]))
    return Replay(
        race=race,
        athletes=athletes,
        motion=motion,
        active_end_s=active_end,
        finish_time_s=finish,
        dropout_time_s=drop_t,
        dropout_distance_m=drop_m,
        focus=focus_row,
        target=target,
        duration_s=duration,
        drawn_shift=drawn_shift,
    )
