"""Race analysis computed once from a Replay: laps vs target, splits, pace, dropouts, events.

The time of each moment in these tables (a lap's end, a split, a dropout, an event) is timed
as athletics times it: rounded up to the hundredth (see timed). Every view shows that one
figure: the window's tables and clock after a jump, info, state and the end card agree, and a
time typed back lands at or after its moment. Published splits stay as published, and are
printed to the decimals they were published to (a results sheet's 3:50.5, not 3:50.50; a
photo finish's 3:52.001 rounded up, 3:52.01: timefmt.published_time). A time between two
of them (a lap, a split) is printed to the more decimals of its two ends, the start's 0 s
being exact: it is then the difference of the two figures printed (4:00.5 - 3:00 = 1:00.5).
The motion model itself is not rounded."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np

from racegui.model.replay import Replay
from racegui.model.timefmt import PUBLISHED_DECIMALS, ROUND_UP_SLACK, format_published


@dataclass(frozen=True)
class Lap:
    """One lap of the focus runner, ending at a finish-line crossing (metres, seconds)."""

    number: int
    """0 for a first partial lap (a mile's 9.344 m), then 1..total_laps."""
    start_m: float
    end_m: float
    time_s: float
    lap_time_s: float
    target_time_s: float | None
    target_lap_time_s: float | None
    published: bool = False
    """The lap ends where the race file has a split of hers (a mile's finish): its time is
    the published one, not read from the model between splits."""
    lap_time_published: bool = False
    """Both ends of the lap are published (or the start): its lap time (and delta) is
    exact; else it is an estimate read from the model."""
    stopped: bool = False
    """A lap she did not complete: a runner who did not finish stopped at end_m, short of
    the line (her last row, a part of a lap)."""
    at_stop: bool = False
    """The row where a runner who did not finish stopped (her last): a part lap
    (`stopped`), or a whole lap when she stopped on the line (2200 m of a 3000 m), which
    reads "DNF" all the same."""
    decimals: int = 2
    """Decimals time_s is printed to: as published where the lap ends at her split (1 for
    a 3:50.5), else hundredths (read from the model)."""
    lap_decimals: int = 2
    """Decimals lap_time_s is printed to: the more of its ends' (the start's 0 s is exact),
    so that it is the difference of the two times printed (decimals_between)."""

    @property
    def delta_s(self) -> float | None:
        """Lap time minus target lap time (s): positive is slower than target."""
        if self.target_lap_time_s is None:
            return None
        return self.lap_time_s - self.target_lap_time_s


@dataclass(frozen=True)
class SplitRow:
    """Elapsed time of the focus runner at a distance (m), with the target's (s)."""

    distance_m: float
    time_s: float
    segment_time_s: float | None
    """Time (s) since the mark before (every_m back, or the start); None at a published split
    between two marks, or a finish between them (a mile's, 9.34 m after 1600 m), whose
    stretch is no mark's length (a coach read 15.09 s for 100 m among 200 m times as a
    200 m)."""
    target_time_s: float | None
    target_segment_time_s: float | None
    published: bool
    """The time at this distance is a split of hers in the race file (not an estimate)."""
    segment_published: bool = False
    """Both ends of the segment are published (or the start): its time is exact; else it
    is an estimate read from the model."""
    decimals: int = 2
    """Decimals time_s is printed to: as published at a split of hers (1 for a 3:50.5),
    else hundredths (read from the model)."""
    segment_decimals: int = 2
    """Decimals segment_time_s is printed to: the more of its ends' (the start's 0 s is
    exact), so that it is the difference of the two times printed (decimals_between)."""

    @property
    def delta_s(self) -> float | None:
        """Elapsed time minus target elapsed time (s): positive is behind target."""
        if self.target_time_s is None:
            return None
        return self.time_s - self.target_time_s

    @property
    def segment_delta_s(self) -> float | None:
        """Segment time minus the target's over the same stretch (s): positive is slower, as
        a Lap's delta_s (None where either has no segment)."""
        if self.segment_time_s is None or self.target_segment_time_s is None:
            return None
        return self.segment_time_s - self.target_segment_time_s


@dataclass(frozen=True)
class Event:
    """Something that happened at a time (s) and distance (m) of an athlete."""

    time_s: float
    kind: str
    """One of: start, lap, bell, dropout, dnf (a runner who did not finish), finish."""
    athlete: str | None
    distance_m: float
    label: str
    estimated: bool = False
    """The time and place are an estimate (a dropout whose place the file marks estimated)."""


@dataclass(frozen=True)
class Dropout:
    """A pacer leaving the race, or a runner who did not finish stopping (see
    did_not_finish): who, when (s) and where (m)."""

    athlete: str
    name: str
    time_s: float
    distance_m: float
    estimated: bool


def timed(seconds: np.ndarray | float) -> np.ndarray:
    """Race times (s) rounded up to the hundredth, as fully automatic timing rounds them
    (timefmt.round_up, for arrays): 61.6104 -> 61.62; 246.42, give or take float error,
    stays. NaN stays NaN."""
    return np.ceil(np.asarray(seconds, dtype=float) * 100 - ROUND_UP_SLACK) / 100


def _target_times(replay: Replay, distances: np.ndarray) -> np.ndarray | None:
    if replay.target is None:
        return None
    # To the nearest hundredth, as the tables show them, so that the target's laps are
    # differences of its shown times and add up (1.39 + 59.66 + 3 x 59.65 = 4:00.00, where
    # 1.39 + 4 x 59.65 had read 3:59.99), and the deltas too (to +6.42 at the finish, not
    # +6.43: coach's review). Not rounded up, as a timed athlete's are: her timed time less
    # the target's rounded to the nearest is the gap readout's figure at that moment, rounded
    # (+2.89 s at 1200 m, not +2.88).
    return np.round(np.atleast_1d(replay.time_at_distance(replay.target, distances)), 2)


def lap_boundaries_m(replay: Replay, whole_race: bool = False) -> np.ndarray:
    """Distances (m) where the focus runner crosses the finish line, ending each lap. For a
    runner who did not finish, those she reached, and where she stopped if that is short of
    the line (the end of a lap she did not complete); with ``whole_race``, every lap to the
    finish as for a finisher."""
    lap_m = replay.track.lap_m
    d = replay.race.distance_m
    first = replay.partial_lap_m if replay.partial_lap_m > 1e-9 else lap_m
    ends = np.arange(first, d + 1e-6, lap_m)
    ends[-1] = d
    if replay.focus_dnf and not whole_race:
        stop_m = replay.focus_stop_m
        ends = np.append(ends[ends < stop_m - 1e-6], stop_m)
    return ends


def _published_m(replay: Replay) -> set[float]:
    """Distances (m, rounded to the millimetre) of the focus runner's splits in the file,
    and the start (0 m, time 0): times there are the file's own, not read from the model."""
    return {0.0} | {round(s.distance_m, 3) for s in replay.athletes[replay.focus].splits}


START_DECIMALS = 0
"""Decimals of the gun's 0 s: exact, so it adds none to a first lap's or split's (52.1 from
the start to a 52.1, not 52.10)."""


def published_decimals(replay: Replay) -> dict[float, int]:
    """Decimals of the focus runner's split times in the file (Split.decimals) by distance
    (m, rounded to the millimetre), and the start's (0 m: exact, START_DECIMALS)."""
    splits = replay.athletes[replay.focus].splits
    return {0.0: START_DECIMALS} | {round(s.distance_m, 3): s.decimals for s in splits}


def decimals_at(decimals: dict[float, int], metres: float) -> int:
    """Decimals the time at a distance (m) is printed to, from published_decimals: as
    published there, else hundredths (a time read from the model)."""
    return decimals.get(round(float(metres), 3), PUBLISHED_DECIMALS)


def decimals_between(start: int, end: int) -> int:
    """Decimals a time between two printed times is printed to, given theirs: the more of
    the two, so that it is their difference exactly (4:00.5 - 3:00 = 1:00.5, 3:06.66 -
    2:04.6 = 1:02.06) and no digit is invented past what they give. The fewer had printed
    1:01 between 3:00 and 4:00.5 (reviewer)."""
    return max(start, end)


def _decimals_between(decimals: dict[float, int], start_m: float, end_m: float) -> int:
    """decimals_between of the times at two distances (m): published_decimals, hundredths
    where one is read from the model."""
    return decimals_between(decimals_at(decimals, start_m), decimals_at(decimals, end_m))


def lap_table(replay: Replay, whole_race: bool = False) -> list[Lap]:
    """Each lap of the focus runner (a first partial lap, then each 400 m to the finish).

    Laps that end at a published split are marked `published`; the rest are read off the
    interpolant. A runner who did not finish: her laps to where she stopped, the last
    marked `stopped` if that is short of the line; with ``whole_race``, every lap to the
    finish as a finisher's table has them (those she never ends have NaN times: the rows a
    table shows until she stops, so that it does not give her stop away)."""
    ends = lap_boundaries_m(replay, whole_race)
    line = replay.focus_stop_m if replay.focus_dnf and not whole_race else None
    published = _published_m(replay)
    decimals = published_decimals(replay)
    times = timed(np.atleast_1d(replay.time_at_distance(replay.focus, ends)))
    target = _target_times(replay, ends)
    starts = np.concatenate([[0.0], ends[:-1]])
    prev_t = np.concatenate([[0.0], times[:-1]])
    prev_target = None if target is None else np.concatenate([[0.0], target[:-1]])
    first_number = 0 if replay.partial_lap_m > 1e-9 else 1
    laps = []
    for k, end in enumerate(ends):
        laps.append(
            Lap(
                number=first_number + k,
                start_m=float(starts[k]),
                end_m=float(end),
                time_s=float(times[k]),
                lap_time_s=float(times[k] - prev_t[k]),
                target_time_s=None if target is None else float(target[k]),
                target_lap_time_s=None if target is None else float(target[k] - prev_target[k]),
                published=round(float(end), 3) in published,
                lap_time_published=_both_in(published, starts[k], end),
                stopped=line is not None and k == len(ends) - 1 and not _on_the_line(replay, end),
                at_stop=line is not None and k == len(ends) - 1,
                decimals=decimals_at(decimals, end),
                lap_decimals=_decimals_between(decimals, starts[k], end),
            )
        )
    return laps


def _on_the_line(replay: Replay, distance_m: float) -> bool:
    """Whether a distance (m) run ends on the finish line (the end of a lap)."""
    lap_m = replay.track.lap_m
    off = (distance_m - replay.partial_lap_m) % lap_m
    return min(off, lap_m - off) < 1e-6


def split_table(replay: Replay, every_m: float = 200.0, whole_race: bool = False) -> list[SplitRow]:
    """Focus runner's elapsed times every `every_m` metres from the start and at the finish
    (a runner who did not finish: to where she stopped, her last split; with ``whole_race``,
    to the finish as for a finisher, NaN times where she never got).

    Distances that are published splits in the race file are marked `published`; the rest
    are read off the interpolant.
    """
    d = float(replay.race.distance_m) if whole_race else replay.focus_end_m
    published = _published_m(replay)
    decimals = published_decimals(replay)
    origin = _grid_origin_m(float(replay.race.distance_m), every_m, published)
    marks = np.arange(origin or every_m, d - 1e-6, every_m)
    dist = np.unique(np.round(np.concatenate([marks, sorted(published), [d]]), 6))
    dist = dist[(dist > 0) & (dist <= d + 1e-9)]
    times = timed(np.atleast_1d(replay.time_at_distance(replay.focus, dist)))
    target = _target_times(replay, dist)
    rows = []
    last = -1  # the row of the mark before (-1: the start)
    for k, dk in enumerate(dist):
        off = not _on_grid(float(dk), origin, every_m)  # a mile's finish too (9.34 m)
        # From the start to the first mark of a grid that does not start there (a 1500 m's
        # 100 m) is a split of its own, as the lap table's part lap ("Start · 300 m"): its
        # Split, Target and Δ split were blank beside its Δ total (reviewer R16).
        start_m = float(dist[last]) if last >= 0 else 0.0
        prev_t = float(times[last]) if last >= 0 else 0.0
        prev_target = None if target is None else (float(target[last]) if last >= 0 else 0.0)
        segment = None if off else float(times[k] - prev_t)
        target_segment = None if off or target is None else float(target[k] - prev_target)
        rows.append(
            SplitRow(
                distance_m=float(dk),
                time_s=float(times[k]),
                segment_time_s=segment,
                target_time_s=None if target is None else float(target[k]),
                target_segment_time_s=target_segment,
                published=round(float(dk), 3) in published,
                segment_published=not off and _both_in(published, start_m, dk),
                decimals=decimals_at(decimals, dk),
                segment_decimals=_decimals_between(decimals, start_m, dk),
            )
        )
        if not off:
            last = k
    return rows


def _on_grid(distance_m: float, origin_m: float, every_m: float) -> bool:
    """Whether a distance (m) is one of the marks every_m apart from origin_m (to the
    micrometre)."""
    steps = (distance_m - origin_m) / every_m
    return abs(steps - round(steps)) * every_m < 1e-6


def _grid_origin_m(race_m: float, every_m: float, published: set[float]) -> float:
    """Where split_table's marks every every_m metres start (m): from the start (0), or, for a
    race that is no whole number of them, from the finish back (a 1500 m's 200 m marks at
    100, 300, ... 1500, where its splits are taken) when more of the runner's splits in the
    file lie there. A coach's 1500 m splits at 300, 500, ... had blank 200 m times among
    marks at 200, 400, ... (analyst's review); a mile's published 400, 800 and 1200 m keep
    their marks from the start."""
    rest = race_m % every_m
    if min(rest, every_m - rest) < 1e-6:
        return 0.0
    given = [m for m in published if m > 0]
    from_start = sum(_on_grid(m, 0.0, every_m) for m in given)
    from_finish = sum(_on_grid(m, rest, every_m) for m in given)
    return rest if from_finish > from_start else 0.0


def given_splits(replay: Replay, whole_race: bool = False) -> list[SplitRow]:
    """The focus runner's own splits as the race file gives them (published, or typed by a
    coach: a 1500 m's 400 m splits, which the lap table's finish-line crossings at 300, 700
    and 1100 m only estimate), each with the time (s) since the one before (or the start),
    and the target's times at its distance and over its stretch. Empty for a runner the
    file gives no splits (an even pace). With ``whole_race``, a runner who did not finish
    has rows after them too, to the finish, its times NaN (as a finisher's table goes on):
    at the distances the finishers' splits have past her stop, else at her own splits' step
    (see _splits_after). Times as printed (timed: a photo finish's 3:00.123 is 3:00.13), so
    that each time since the one before is the difference of the two printed."""
    splits = list(replay.athletes[replay.focus].splits)
    if not splits:
        return []
    race_m = float(replay.race.distance_m)
    if whole_race and splits[-1].distance_m < race_m - 1e-6:
        # Marked as her last split is: shown only before she stops, they look like hers.
        splits += [
            replace(splits[-1], distance_m=d, time_s=math.nan)
            for d in [*_splits_after(replay, splits), race_m]
        ]
    dist = np.array([s.distance_m for s in splits], dtype=float)
    target = _target_times(replay, dist)
    rows = []
    prev_t, prev_target, prev_exact = 0.0, 0.0, True
    prev_decimals = START_DECIMALS
    for k, split in enumerate(splits):
        time_s = float(timed(split.time_s))  # as printed: a 3:00.123 is 3:00.13
        tgt = None if target is None else float(target[k])
        rows.append(
            SplitRow(
                distance_m=split.distance_m,
                time_s=time_s,
                segment_time_s=time_s - prev_t,
                target_time_s=tgt,
                target_segment_time_s=None if tgt is None else tgt - prev_target,
                published=not split.estimated,
                segment_published=prev_exact and not split.estimated,
                decimals=split.decimals,
                segment_decimals=decimals_between(prev_decimals, split.decimals),
            )
        )
        prev_t, prev_exact, prev_decimals = time_s, not split.estimated, split.decimals
        prev_target = 0.0 if tgt is None else tgt
    return rows


def _splits_after(replay: Replay, splits: list) -> list[float]:
    """Distances (m) short of the finish past the last of `splits` (a runner who stopped)
    where the race would have timed her: those of the finishers' splits, else every step of
    her own (the commonest distance between two of them). A single finish row after 1800 m
    and 2200 m, its target 2:24.00 for 800 m, had given away that she stopped (diff review)."""
    last, race_m = splits[-1].distance_m, float(replay.race.distance_m)
    others = {
        round(s.distance_m, 3)
        for i in replay.runners
        for s in replay.athletes[i].splits
        if last + 1e-6 < s.distance_m < race_m - 1e-6
    }
    if others:
        return sorted(others)
    ends = [s.distance_m for s in splits]
    steps = Counter(round(b - a, 3) for a, b in pairwise([0.0, *ends]))
    step = steps.most_common(1)[0][0]
    if step <= 0:
        return []
    return [last + step * k for k in range(1, math.ceil((race_m - last - 1e-6) / step))]


def _both_in(published: set[float], start_m: float, end_m: float) -> bool:
    """Whether both ends (m) of a stretch are published distances."""
    return round(float(start_m), 3) in published and round(float(end_m), 3) in published


def dropout_estimated(replay: Replay, i: int) -> bool:
    """Whether athlete i's dropout is an estimate: its dropout in the race file says
    "estimated": true (the athlete's own "estimated" is about who it is, not where it left);
    for a runner who did not finish, whether her last split (where she stopped) is."""
    a = replay.athletes[i]
    if a.dnf and a.splits:
        return a.splits[-1].estimated
    return a.dropout is not None and a.dropout.estimated


def dropouts(replay: Replay) -> list[Dropout]:
    """Pacers' dropouts in time order (a runner who did not finish is not among them: see
    did_not_finish)."""
    return _stops(replay, dnf=False)


def did_not_finish(replay: Replay) -> list[Dropout]:
    """Runners who did not finish, in time order: where (m) and when (s) each stopped, at
    her last split (estimated if that split is)."""
    return _stops(replay, dnf=True)


def _stops(replay: Replay, dnf: bool) -> list[Dropout]:
    """Athletes who stop short of the finish, in time order: the runners who did not
    finish (dnf) or the others (pacers' dropouts), each where (m) and when (s) the model
    stops her."""
    out = []
    for i, a in enumerate(replay.athletes):
        t = replay.dropout_time_s[i]
        if np.isfinite(t) and bool(replay.dnf[i]) == dnf:
            estimated = dropout_estimated(replay, i)
            out.append(
                Dropout(
                    a.id, a.name, float(timed(t)), float(replay.dropout_distance_m[i]), estimated
                )
            )
    return sorted(out, key=lambda x: x.time_s)


def dnf_label(name: str, distance_m: float, dq: bool = False) -> str:
    """ "Ava Reid does not finish (2000 m)": the event of a runner who stops short ("is
    disqualified" if she was, there: dq)."""
    return f"{name} {'is disqualified' if dq else 'does not finish'} ({distance_m:g} m)"


def pacers_running(replay: Replay, t: float) -> int:
    """How many pacers are still running at time t (s)."""
    pacer = replay.roles == "pacer"
    return int(np.count_nonzero(pacer & (t < replay.active_end_s)))


def events(replay: Replay) -> list[Event]:
    """Start, each lap (the last one is the bell: "Bell lap: 1 lap to go", which had read
    "Bell: 1 lap to go", as if from a runner named Bell), each dropout, each runner who does
    not finish (where she stops), and each finish, by time."""
    f = replay.focus
    focus = replay.athletes[f]
    out = [Event(0.0, "start", None, 0.0, "Start")]
    laps = lap_table(replay)
    total = replay.total_laps
    crossings = [lap for lap in laps if not lap.stopped]  # to the line, not where she stopped
    for lap in crossings if replay.focus_dnf else laps[:-1]:
        to_go = total - lap.number
        kind = "bell" if to_go == 1 else "lap"
        label = "Bell lap: 1 lap to go" if to_go == 1 else f"{to_go} laps to go"
        out.append(Event(lap.time_s, kind, focus.id, lap.end_m, label))
    for d in dropouts(replay):
        label = f"{d.name} drops out"
        out.append(Event(d.time_s, "dropout", d.athlete, d.distance_m, label, d.estimated))
    for d in did_not_finish(replay):
        label = dnf_label(d.name, d.distance_m, bool(replay.dq[replay.index(d.athlete)]))
        out.append(Event(d.time_s, "dnf", d.athlete, d.distance_m, label, d.estimated))
    for i, a in enumerate(replay.athletes):
        t = timed(replay.finish_time_s[i])
        if np.isfinite(t):
            label = f"{a.name} finishes in {format_published(float(t), a.finish_decimals)}"
            label += ", disqualified" if a.dq else ""
            out.append(Event(float(t), "finish", a.id, replay.race.distance_m, label))
    order = {"start": 0, "lap": 1, "bell": 1, "dropout": 2, "dnf": 2, "finish": 3}
    return sorted(out, key=lambda e: (e.time_s, order[e.kind]))


@dataclass(frozen=True, eq=False)
class PaceProfile:
    """Focus runner's pace over the race, in seconds per 400 m, against distance (m)."""

    segment_start_m: np.ndarray
    segment_end_m: np.ndarray
    segment_pace_s400: np.ndarray
    """Pace over each segment (e.g. each 100 m): segment time x 400 / length."""
    target_segment_pace_s400: np.ndarray | None
    """The target's pace over the same segments (None without a target)."""
    time_s: np.ndarray
    distance_m: np.ndarray
    pace_s400: np.ndarray
    """Instantaneous pace from the interpolant's speed, sampled in time."""
    target_pace_s400: np.ndarray | None
    """Target's instantaneous pace at the same distances (None without a target)."""


def pace_profile(replay: Replay, segment_m: float = 100.0, step_s: float = 0.1) -> PaceProfile:
    """Per-segment and instantaneous pace (s/400 m) of the focus runner, and the target's
    (a runner who did not finish: to where she stopped)."""
    f = replay.focus
    d_end = replay.focus_end_m
    edges = np.append(np.arange(0.0, d_end - 1e-6, segment_m), d_end)
    edge_t = np.atleast_1d(replay.time_at_distance(f, edges))
    seg_len = np.diff(edges)
    seg_pace = np.diff(edge_t) * 400.0 / seg_len
    finish = float(edge_t[-1])
    times = np.arange(0.0, finish + step_s / 2, step_s)
    dist, speed = replay.athlete_at(f, times)
    with np.errstate(divide="ignore"):
        pace = np.where(speed > 0.5, 400.0 / np.maximum(speed, 1e-9), np.nan)
    target_pace = None
    target_seg = None
    if replay.target is not None:
        target_edge_t = np.atleast_1d(replay.time_at_distance(replay.target, edges))
        target_seg = np.diff(target_edge_t) * 400.0 / seg_len
        tt = np.atleast_1d(replay.time_at_distance(replay.target, np.minimum(dist, d_end)))
        _, tv = replay.athlete_at(replay.target, np.nan_to_num(tt))
        with np.errstate(divide="ignore"):
            target_pace = np.where(tv > 0.5, 400.0 / np.maximum(tv, 1e-9), np.nan)
    return PaceProfile(edges[:-1], edges[1:], seg_pace, target_seg, times, dist, pace, target_pace)
