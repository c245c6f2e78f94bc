"""The running order of a race's runners at one instant: places, gaps to the leader, laps
down, finishers and runners who did not finish.

Pure numpy. Standings.build samples every runner's passage times once per replay; at() then
only sorts the runners and interpolates, cheap enough for every frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from racegui.model.replay import Replay
from racegui.model.timefmt import format_time

SAMPLE_S = 0.1
"""Time step (s) at which passage times are sampled (with every split as well): read back
between samples, a time is off by well under a thousandth of a second."""
MAX_SAMPLES = 2_000_000
"""Most samples kept for a whole field (a longer step for a huge one)."""


def field_rows(replay: Replay) -> tuple[int, ...]:
    """Rows of the race's runners (role "runner": those who finish and those who do not),
    in file order: the field placed and listed here."""
    return tuple(int(i) for i in np.flatnonzero(replay.roles == "runner"))


def places(replay: Replay, t: float, distance_m: np.ndarray) -> dict[int, int]:
    """Place (1: leading) of each runner in the race at time t (s), by row, from everyone's
    distance run (m, indexed like replay.ids): those finished by their finish time, then
    those running by distance run (both to the hundredth); level runners share a place (a
    dead heat). A runner who did not finish is placed while she runs, and has none once she
    has stopped; one disqualified, none once she has stopped or finished."""
    rows = field_rows(replay)
    finish = [float(replay.finish_time_s[i]) for i in rows]
    stop = [out_s(replay, i) for i in rows]
    run = [float(distance_m[i]) for i in rows]
    order, shared = _order(finish, stop, t, run)
    return {rows[k]: p for k, p in zip(order, shared, strict=True)}


def out_s(replay: Replay, i: int) -> float:
    """When (s) runner i leaves the placings: where she stopped short, or, disqualified after
    finishing, at her finish; NaN if she does neither."""
    stop = float(replay.dropout_time_s[i])
    return float(replay.finish_time_s[i]) if replay.dq[i] and math.isnan(stop) else stop


def _order(
    finish_s: list[float], stop_s: list[float], t: float, distance_m: list[float]
) -> tuple[list[int], list[int]]:
    """(positions of the runners in the race at time t (s), leader first; their places),
    from each runner's finish time (s, NaN if none), when she stopped short (s, NaN if she
    does not) and distance run (m). Plain Python: a field's few runners sort faster so than
    through numpy's per-call overheads."""
    keys = {}
    for k, (finish, stop, d) in enumerate(zip(finish_s, stop_s, distance_m, strict=True)):
        if t >= stop:  # stopped short (a NaN stop compares False)
            continue
        keys[k] = (0, round(finish, 2)) if t >= finish else (1, -round(d, 2))
    order = sorted(keys, key=keys.__getitem__)
    shared: list[int] = []
    for n, k in enumerate(order):
        level = n > 0 and keys[order[n - 1]] == keys[k]
        shared.append(shared[-1] if level else n + 1)
    return order, shared


class Standing(NamedTuple):
    """The field at one instant. Tuples are in the order shown: the runners in the race
    leader first, then those who stopped short (did not finish), the furthest first, then
    those disqualified once they stopped or finished."""

    rows: tuple[int, ...]
    """Replay rows of the runners, in the order shown."""
    places: tuple[int, ...]
    """Place of each (1: leading; level runners share one); 0 for a runner who stopped."""
    gap_s: tuple[float, ...]
    """Seconds behind the leader: t minus when the leader passed her distance. NaN for the
    leader, a finisher, a runner who stopped, and at or before the gun."""
    laps_down: tuple[int, ...]
    """Whole laps the leader has run more than her (0 for most). Once the winner has
    finished, the laps she was down on him as he crossed the line, held until she finishes
    (as a broadcast keeps a lapped runner's "+2 laps": counted against his finish line, the
    figure had fallen lap by lap as she ran on, then turned into a time)."""
    finished: tuple[bool, ...]
    """Whether each has finished."""
    leader_m: float
    """The leader's distance run (m, at most the race distance)."""


@dataclass(frozen=True, eq=False)
class Standings:
    """Every runner's passage times, computed once per replay, for Standing lookups."""

    replay: Replay
    rows: tuple[int, ...]
    """Replay rows of the runners (role "runner": finishers and those who did not finish)."""
    passage_m: tuple[np.ndarray, ...]
    """Per runner: distances (m, increasing) she passed ..."""
    passage_s: tuple[np.ndarray, ...]
    """... and when (s)."""
    finish_s: list[float]
    """Per runner: finish time (s), NaN for one who did not finish."""
    stop_s: list[float]
    """Per runner: when (s) she stopped short (or finished, disqualified: out_s), NaN for a
    finisher."""
    stopped_order: tuple[int, ...]
    """Positions in `rows` of the runners who did not finish, the furthest first, then
    those disqualified, likewise."""
    down_at_win: tuple[int, ...]
    """Per runner: whole laps she was down on the winner as he finished (0 without one)."""

    @classmethod
    def build(cls, replay: Replay) -> Standings:
        """Sample every runner's passage times (s) over her distance (m) once."""
        rows = field_rows(replay)
        ends = [float(replay.active_end_s[i]) for i in rows]
        step = max(SAMPLE_S, sum(e for e in ends if math.isfinite(e)) / MAX_SAMPLES)
        motion = replay.motion
        metres, seconds = [], []
        for i, end in zip(rows, ends, strict=True):
            breaks = motion.breaks[i, : int(motion.count[i]) + 1]
            times = np.union1d(np.arange(0.0, end, step), breaks[(breaks >= 0) & (breaks <= end)])
            times = np.union1d(times, [0.0, end])
            d = np.maximum.accumulate(replay.athlete_at(i, times)[0])
            keep = np.append(True, np.diff(d) > 0)  # strictly increasing, to interpolate
            metres.append(d[keep])
            seconds.append(times[keep])
        stop = [out_s(replay, i) for i in rows]
        # how far each ran: where she stopped, else (disqualified after finishing) the race
        far = np.nan_to_num(replay.dropout_distance_m, nan=float(replay.race.distance_m))
        out = [k for k, i in enumerate(rows) if replay.dnf[i] or replay.dq[i]]
        out.sort(key=lambda k: (bool(replay.dq[rows[k]]), -far[rows[k]]))  # DNF, then DQ
        finish = [float(replay.finish_time_s[i]) for i in rows]
        return cls(
            replay=replay,
            rows=rows,
            passage_m=tuple(metres),
            passage_s=tuple(seconds),
            finish_s=finish,
            stop_s=stop,
            stopped_order=tuple(out),
            down_at_win=_down_at_win(replay, finish, metres, seconds),
        )

    @property
    def size(self) -> int:
        """Number of runners."""
        return len(self.rows)

    def passed_s(self, k: int, distance_m: np.ndarray | list[float]) -> np.ndarray:
        """When (s) the k-th runner (of `rows`) passed each distance (m)."""
        return np.interp(distance_m, self.passage_m[k], self.passage_s[k])

    def at(self, t: float, distance_m: np.ndarray) -> Standing:
        """The field at time t (s), from everyone's distance run (m, indexed like
        replay.ids, as RaceState.distance_m)."""
        race_m = float(self.replay.race.distance_m)
        run = distance_m.take(self.rows).tolist()
        order, shared = _order(self.finish_s, self.stop_s, t, run)
        stopped = [k for k in self.stopped_order if t >= self.stop_s[k]]
        finished = [t >= self.finish_s[k] for k in order]
        n = len(order)
        gap = [math.nan] * n
        down = [0] * n
        leader_m = min(run[order[0]], race_m) if n else 0.0
        won = n > 0 and finished[0]  # the first placed has finished: the winner
        chasing = [j for j in range(n) if not finished[j] and (j > 0 or won)]
        if chasing and t > 0:
            d = [min(run[order[j]], race_m) for j in chasing]
            passed = self.passed_s(order[0], d).tolist()
            lap = self.replay.track.lap_m
            for j, dj, pj in zip(chasing, d, passed, strict=True):
                gap[j] = t - pj
                if won:  # held from the winner's finish
                    down[j] = self.down_at_win[order[j]]
                else:
                    down[j] = math.floor((leader_m - dj) / lap + 1e-9)
        m = len(stopped)
        return Standing(
            rows=tuple(self.rows[k] for k in (*order, *stopped)),
            places=(*shared, *[0] * m),
            gap_s=(*gap, *[math.nan] * m),
            laps_down=(*down, *[0] * m),
            finished=(*finished, *[False] * m),
            leader_m=leader_m,
        )


def _down_at_win(
    replay: Replay, finish_s: list[float], metres: list[np.ndarray], seconds: list[np.ndarray]
) -> tuple[int, ...]:
    """Per runner (finish times s, passage distances m and times s as Standings keeps them):
    whole laps she was down on the winner at his finish (the first finish time); all 0 in
    a race nobody finishes."""
    won = [f for f in finish_s if math.isfinite(f)]
    if not won:
        return (0,) * len(finish_s)
    win_s, race_m, lap = min(won), float(replay.race.distance_m), replay.track.lap_m
    down = []
    for m, s in zip(metres, seconds, strict=True):
        d = min(float(np.interp(win_s, s, m)), race_m)
        down.append(max(0, math.floor((race_m - d) / lap + 1e-9)))
    return tuple(down)


def behind_text(gap_s: float, laps_down: int) -> str | None:
    """What a runner's row says of her gap to the leader (Standing.gap_s and laps_down):
    "+2 laps", "+1 lap", "+1.4" or "+1:02.3" (gap_text); None where she has no gap (the
    leader, a finisher, one who stopped, at the gun). The field card and racegui state."""
    if laps_down > 0:
        return f"+{laps_down} lap" if laps_down == 1 else f"+{laps_down} laps"
    if gap_s != gap_s:  # NaN
        return None
    return gap_text(gap_s)


def gap_text(gap_s: float) -> str:
    """ "+1.4" or "+1:02.3": seconds behind the leader, to the tenth."""
    if gap_s < 59.95:
        return f"+{max(gap_s, 0.0):.1f}"
    return "+" + format_time(gap_s, 1)
