"""Everything the side panel shows, computed once per replay; per-frame lookups are O(log n).

No Qt here: this module only reads the model's public API and the analysis functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from racegui.model import analysis
from racegui.model.replay import RaceState, Replay
from racegui.model.standings import Standings, field_rows

CURVE_STEP_S = 0.5
"""Time step (s) of the instantaneous pace curve drawn on the chart: about one point per
pixel of a 1080p chart (a mile in ~240 s over ~490 px); more points only cost drawing time."""


TARGET_TAIL_STEP_M = 5.0
"""Step (m) of the target's pace line past where a runner who did not finish stopped."""


class Frame(NamedTuple):
    """The focus runner at one instant, shared by all panel sections."""

    t: float
    distance_m: float
    speed_mps: float
    gap_s: float | None
    gap_m: float | None
    projected_s: float | None
    finished: bool
    stopped: bool = False
    """She did not finish and has stopped (her distance is then where she stopped, her gap
    held there, and she has no projection)."""


@dataclass(frozen=True, eq=False)
class PanelData:
    """Precomputed tables and sorted time arrays for one replay (times s, distances m)."""

    replay: Replay
    laps: tuple[analysis.Lap, ...]
    lap_end_s: np.ndarray
    lap_end_gap_s: np.ndarray
    """The gap to the target (s) the panel shows at each lap's end time (NaN without a
    target): where the running lap's delta starts from, so it reads 0.00 as a lap begins
    (from the lap's timed end, which is a little after her crossing, it read -0.01)."""
    splits: tuple[analysis.SplitRow, ...]
    split_s: np.ndarray
    timed: tuple[analysis.SplitRow, ...]
    """The followed runner's splits as the race file gives them (analysis.given_splits)."""
    timed_s: np.ndarray
    dropouts: tuple[analysis.Dropout, ...]
    dropout_s: np.ndarray
    pacer_end_s: np.ndarray
    """Sorted times (s) at which each pacer stops running (inf if it never does)."""
    pacer_colours: tuple[str, ...]
    """Pacers' colours, the last to stop running first."""
    pacer_names: tuple[str, ...]
    """Pacers' names, in the order of pacer_colours."""
    seg_start_m: np.ndarray
    seg_end_m: np.ndarray
    seg_end_s: np.ndarray
    seg_pace_s400: np.ndarray
    seg_target_pace_s400: np.ndarray | None
    curve_t: np.ndarray
    curve_m: np.ndarray
    curve_pace_s400: np.ndarray
    target_curve_m: np.ndarray
    target_curve_pace_s400: np.ndarray | None
    finish_s: float
    """Focus runner's finish time (s), NaN if she never finishes."""
    stop_s: float
    """When (s) the focus runner stopped, timed (rounded up to the hundredth, as her last lap
    and the events give it), if she did not finish; NaN for a finisher."""
    standings: Standings | None
    """The field's passage times, for its running order (None: a race of one runner)."""
    laps_ahead: tuple[analysis.Lap, ...] = ()
    splits_ahead: tuple[analysis.SplitRow, ...] = ()
    timed_ahead: tuple[analysis.SplitRow, ...] = ()
    """A runner who did not finish: her laps, 200 m splits and file's splits as a finisher's
    tables have them, to the finish (NaN times past where she stopped), which the tables
    show until she stops so as not to give it away; empty for a finisher."""

    @property
    def finish_decimals(self) -> int:
        """Decimals the focus runner's finish (or stop) is published to (3:50.5: 1)."""
        return self.replay.athletes[self.replay.focus].finish_decimals

    @classmethod
    def build(cls, replay: Replay) -> PanelData:
        """Run the analysis once for this replay."""
        laps = tuple(analysis.lap_table(replay))
        splits = tuple(analysis.split_table(replay, every_m=200.0))
        timed = tuple(analysis.given_splits(replay))
        drops = tuple(analysis.dropouts(replay))
        pacer = np.flatnonzero(replay.roles == "pacer")
        ends = replay.active_end_s[pacer]
        order = np.argsort(-ends, kind="stable")
        prof = analysis.pace_profile(replay, segment_m=100.0)
        f = replay.focus
        seg_end_s = np.atleast_1d(replay.time_at_distance(f, prof.segment_end_m))
        seg_target = None
        if replay.target is not None:
            edges = np.append(prof.segment_start_m, prof.segment_end_m[-1])
            tt = np.atleast_1d(replay.time_at_distance(replay.target, edges))
            seg_target = np.diff(tt) * 400.0 / np.diff(edges)
        step = max(int(round(CURVE_STEP_S / _step_of(prof.time_s))), 1)
        keep = np.flatnonzero(np.isfinite(prof.pace_s400))
        if len(keep):
            keep = np.unique(np.append(keep[::step], keep[-1]))  # always end at the finish
        curve_t = prof.time_s[keep]
        curve_m = prof.distance_m[keep]
        curve_p = prof.pace_s400[keep]
        target_m, target_p = _target_curve(prof, replay)
        return cls(
            replay=replay,
            laps=laps,
            lap_end_s=np.array([lap.time_s for lap in laps], dtype=float),
            lap_end_gap_s=np.array([_gap_s(replay, lap.time_s) for lap in laps], dtype=float),
            splits=splits,
            split_s=np.array([s.time_s for s in splits], dtype=float),
            timed=timed,
            timed_s=np.array([s.time_s for s in timed], dtype=float),
            dropouts=drops,
            dropout_s=np.array([d.time_s for d in drops], dtype=float),
            pacer_end_s=np.sort(ends),
            pacer_colours=tuple(replay.athletes[i].colour for i in pacer[order]),
            pacer_names=tuple(replay.athletes[i].name for i in pacer[order]),
            seg_start_m=prof.segment_start_m,
            seg_end_m=prof.segment_end_m,
            seg_end_s=seg_end_s,
            seg_pace_s400=prof.segment_pace_s400,
            seg_target_pace_s400=seg_target,
            curve_t=curve_t,
            curve_m=curve_m,
            curve_pace_s400=curve_p,
            target_curve_m=target_m,
            target_curve_pace_s400=target_p,
            finish_s=float(replay.finish_time_s[f]),
            stop_s=float(analysis.timed(replay.focus_stop_s)),
            standings=Standings.build(replay) if len(field_rows(replay)) >= 2 else None,
            **_ahead(replay),
        )

    @property
    def n_pacers(self) -> int:
        return len(self.pacer_end_s)

    def pacers_running(self, t: float) -> int:
        """Pacers still running at time t (s); same rule as analysis.pacers_running."""
        return self.n_pacers - int(np.searchsorted(self.pacer_end_s, t, side="right"))

    def dropouts_passed(self, t: float) -> int:
        """How many dropouts happened at or before time t (s)."""
        return int(np.searchsorted(self.dropout_s, t, side="right"))

    def laps_done(self, t: float) -> int:
        """Laps (rows of `laps`) completed at time t (s): the index of the lap being run."""
        return int(np.searchsorted(self.lap_end_s, t, side="right"))

    def splits_done(self, t: float) -> int:
        """Split rows reached at time t (s): the index of the next split."""
        return int(np.searchsorted(self.split_s, t, side="right"))

    def timed_done(self, t: float) -> int:
        """Rows of the file's own splits reached at time t (s): the index of the next one."""
        return int(np.searchsorted(self.timed_s, t, side="right"))

    def segments_done(self, t: float) -> int:
        """100 m pace segments completed at time t (s)."""
        return int(np.searchsorted(self.seg_end_s, t, side="right"))

    def frame(self, t: float, state: RaceState | None = None) -> Frame:
        """The focus runner at time t (s); reuses `state` (from replay.state_at(t)) if given."""
        replay = self.replay
        f = replay.focus
        if state is not None:
            d, v = float(state.distance_m[f]), float(state.speed_mps[f])
            gap_s, gap_m = state.gap_to_target_s, state.gap_to_target_m
        else:
            dv = replay.athlete_at(f, t)
            d, v = float(dv[0]), float(dv[1])
            gap_s, gap_m = replay.gap_to_target(t, d)
        finished = bool(t >= self.finish_s)
        stopped = replay.focus_stopped(t)
        if stopped:  # not the few metres she eases out beyond it
            d, v = replay.focus_stop_m, 0.0
        projected = replay.projected_finish_s(t, d, v)
        return Frame(float(t), d, v, gap_s, gap_m, projected, finished, stopped)


def _ahead(replay: Replay) -> dict[str, tuple]:
    """The whole-race tables of a runner who did not finish (PanelData.laps_ahead, ...)."""
    if not replay.focus_dnf:
        return {}
    return {
        "laps_ahead": tuple(analysis.lap_table(replay, whole_race=True)),
        "splits_ahead": tuple(analysis.split_table(replay, every_m=200.0, whole_race=True)),
        "timed_ahead": tuple(analysis.given_splits(replay, whole_race=True)),
    }


def _step_of(times: np.ndarray) -> float:
    return float(times[1] - times[0]) if len(times) > 1 else CURVE_STEP_S


def _target_curve(
    prof: analysis.PaceProfile, replay: Replay
) -> tuple[np.ndarray, np.ndarray | None]:
    """The target's pace (s/400 m) along the race (m): at the runner's distances, and for a
    runner who did not finish on past where she stopped, to the finish (the chart's target
    line ended at her stop, giving it away before she got there)."""
    if prof.target_pace_s400 is None:
        return np.empty(0), None
    keep = np.isfinite(prof.target_pace_s400)
    m, p = prof.distance_m[keep], prof.target_pace_s400[keep]
    if not len(m):  # a target too slow for a pace (under 0.5 m/s) draws no curve
        return np.empty(0), None
    race_m = float(replay.race.distance_m)
    if np.ptp(p) < 1e-6:
        return np.array([0.0, race_m]), np.array([p[0], p[0]])
    if replay.focus_dnf and replay.target is not None:
        tail_m = np.arange(float(m[-1]) + TARGET_TAIL_STEP_M, race_m - 1.0, TARGET_TAIL_STEP_M)
        tt = np.atleast_1d(replay.time_at_distance(replay.target, tail_m))
        speed = replay.athlete_at(replay.target, np.nan_to_num(tt))[1]
        with np.errstate(divide="ignore"):
            tail_p = np.where(speed > 0.5, 400.0 / np.maximum(speed, 1e-9), np.nan)
        ok = np.isfinite(tail_p) & np.isfinite(tt)
        m = np.concatenate([m, tail_m[ok]])
        p = np.concatenate([p, tail_p[ok]])
    return m, p


def _gap_s(replay: Replay, t: float) -> float:
    """The gap to the target (s) at time t (s), NaN without a target."""
    gap = replay.gap_to_target(t)[0]
    return float("nan") if gap is None else float(gap)
