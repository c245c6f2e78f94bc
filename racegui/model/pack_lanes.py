"""Runners in a pack side by side: a lateral offset (m) over time for each runner who moves by
her own splits, so that two runners level on the track are not drawn on one spot.

Runners from a splits file all run on lane 1's line; in a bunched club race (or at a start)
their dots lay exactly on each other. Each is given a slot, 0 on lane 1's line and each next
SLOT_M further out. At every step of STEP_S, leader first, a runner keeps her slot while no
runner ahead of her in the order is within CLEAR_M of her along the track in that slot (now
or LOOK_S later); otherwise she moves to the innermost slot free of them. She moves back in
once a slot further in has been free of everyone near her, behind too, for HOLD_S. A move
takes MOVE_S a slot, eased, and holds both slots meanwhile; she does not cross a slot held
by a runner level with her (boxed in, she waits). The leader of a pack never moves: the
runner coming past does, as on a track; "ahead" is on the track, so a lapper goes round the
runner she laps.
"""

from __future__ import annotations

import math
from typing import TypeVar

import numpy as np

from racegui.model.piecewise import PieceBatch, Pieces, constant

FloatOrArray = TypeVar("FloatOrArray", float, np.ndarray)
"""Distances (m): one, or an array of them."""

SLOT_M = 0.8
"""Lateral distance between two runners side by side (m)."""
MAX_SLOT = 7
"""Outermost slot (5.6 m out, in lane 5): a larger field shares the outer slots."""
CLEAR_M = 1.2
"""Two runners closer than this along the track (m) are not in one slot."""
LOOK_S = 1.0
"""A runner closing on another moves out this long before she would reach her (s)."""
HOLD_S = 2.0
"""A runner moves back in once a slot further in has been free this long (s)."""
LEVEL_M = 0.8
"""Runners nearer than this along the track (m) are level: one does not cross the other's
slot (she is boxed in)."""
PASS_M = 20.0
"""Two runners on either side of each other now and LOOK_S later, each time within this
(m), have passed; half a lap apart they have not."""
MOVE_S = 0.8
"""Time a move by one slot takes (s), eased in and out (a move by two, twice as long)."""
STEP_S = 0.2
"""Time step of the slot assignment (s)."""
MAX_PACK = 40
"""Most runners set side by side; a larger field stays on lane 1's line (the work grows with
the square of the field)."""
MAX_PAIR_STEPS = 8_000_000
"""Most pairs of runners looked at over all steps (runners squared x steps); a longer race
or a larger field takes longer steps."""


def pack_laterals(
    rows: list[Pieces],
    obstacles: list[tuple[Pieces, float]] | None = None,
    lap_m: float = 400.0,
) -> list[Pieces]:
    """Lateral offset (m, outwards from lane 1's line) over time for each runner whose
    distance run (m) over time (s) is in ``rows``. ``obstacles`` are others on lane 1's line
    until a time (s): (distance row, until), runners keep clear of but who do not move for
    them (pacers before their dropout). Runners a lap (``lap_m``, m) apart meet on the track
    as any others do. At the start the field stands side by side across the line. One
    runner alone, or a field of over MAX_PACK, stays on the line."""
    obstacles = obstacles or []
    n = len(rows)
    if not 2 <= n <= MAX_PACK:
        return [constant(0.0, r.start) for r in rows]
    m = n + len(obstacles)
    begin = min(r.start for r in rows)
    end = max(r.end for r in rows)
    step = max(STEP_S, (end - begin) * m * m / MAX_PAIR_STEPS)
    times = np.arange(begin, end + step, step)
    batch = PieceBatch.from_rows([*rows, *(o[0] for o in obstacles)])
    now = np.stack([batch.row(i, times)[0] for i in range(m)], axis=1)
    later = np.stack([batch.row(i, times + LOOK_S)[0] for i in range(m)], axis=1)
    present = np.ones((len(times), m), dtype=bool)
    stopped_at = times[:, None] > np.array([r.end for r in rows])
    stopped = stopped_at.tolist()
    present[:, n:] = times[:, None] < np.array([o[1] for o in obstacles])
    near = _near_pairs(now, later, present, lap_m)
    # The walk below is plain Python on lists: numpy's per-item indexing costs more here.
    order = _track_order(now[:, :n], stopped_at, lap_m).tolist()
    at = now.tolist()
    slot = [0] * m
    moving_from = [0] * m
    move_end = [-math.inf] * n
    free_since = [[float(times[0])] * (MAX_SLOT + 1) for _ in range(n)]
    slots = range(MAX_SLOT + 1)
    changes: list[list[tuple[float, int, int]]] = [[] for _ in range(n)]
    first = [0] * n  # slot at the start
    for k, t in enumerate(times.tolist()):
        placed = set(range(n, m))  # obstacles hold slot 0 wherever they are
        for i in order[k]:
            if stopped[k][i]:  # past the line and stopped: where she stands, in the way
                placed.add(i)
                continue
            ahead: set[int] = set()  # slots of the runners near her placed before her
            near_all: set[int] = set()  # and of everyone near her, those behind included
            for j in near(k, i):
                held = (moving_from[j], slot[j])
                near_all.update(held)
                if j in placed:
                    ahead.update(held)
            free = free_since[i]
            for s in near_all:
                if s <= MAX_SLOT:
                    free[s] = t + step
            moving = t < move_end[i]
            want = slot[i]
            if not moving and want in ahead:  # out of the way of one she comes up on
                out = next((s for s in slots if s not in ahead), MAX_SLOT)
                if not _boxed(i, out, near(k, i), slot, moving_from, at[k], lap_m):
                    want = out
            elif not moving and want > 0:  # back in, across no one, once it has been free
                want = next((s for s in range(want) if t - free[s] >= HOLD_S), want)
            if want != slot[i] and k == 0:  # lined up across the start: no move
                slot[i] = moving_from[i] = first[i] = want
            elif want != slot[i]:
                changes[i].append((t, slot[i], want))
                move_end[i] = t + MOVE_S * abs(want - slot[i])
                moving_from[i], slot[i] = slot[i], want
            elif not moving:
                moving_from[i] = want
            placed.add(i)
    return [_eased(rows[i].start, first[i], changes[i]) for i in range(n)]


def _along(a: FloatOrArray, b: FloatOrArray, lap_m: float) -> FloatOrArray:
    """How far (m) a runner at race distance a is ahead of one at b on the track, the shorter
    way round: -lap_m / 2 to lap_m / 2, so one a lap ahead is level."""
    return (a - b + lap_m / 2) % lap_m - lap_m / 2


def _track_order(distance: np.ndarray, stopped: np.ndarray, lap_m: float) -> np.ndarray:
    """Each step's runners (distances run, m, and whether stopped: (steps, runners)) in the
    order they are placed: those stopped first (they move for no one), then the one furthest
    round the track: by where they are on the lap, read round from the middle of the widest
    gap between them, so that one coming up from behind comes after the one she closes on, a
    lapper too (by race distance the lapper came first, and the runner she lapped moved out
    of her way). Runners on one spot keep their order (the start)."""
    steps = distance.shape[0]
    on_lap = np.mod(distance, lap_m)
    ring = np.sort(on_lap, axis=1)
    gaps = np.diff(ring, axis=1, append=ring[:, :1] + lap_m)  # to the next one round
    widest = np.argmax(gaps, axis=1)
    cut = ring[np.arange(steps), widest] + gaps[np.arange(steps), widest] / 2
    round_from_cut = np.mod(on_lap - cut[:, None], lap_m)
    key = np.where(stopped, np.inf, round_from_cut)
    return np.argsort(-key, axis=1, kind="stable")


def _boxed(
    i: int,
    to: int,
    others: list[int],
    slot: list[int],
    moving_from: list[int],
    at: list[float],
    lap_m: float,
) -> bool:
    """Whether runner i would cross, on her way from her slot to slot ``to``, a slot held by
    a runner level with her (within LEVEL_M along the track, m), while the one she comes up
    on in her own slot is still LEVEL_M or more away: she is boxed in and waits (running
    through the runner beside her read worse than closing on the one ahead)."""
    lo, hi = sorted((slot[i], to))
    beside = crowded = False
    for j in others:
        level = abs(_along(at[j], at[i], lap_m)) < LEVEL_M
        if level and any(lo < s < hi for s in (slot[j], moving_from[j])):
            beside = True
        if level and slot[i] in (slot[j], moving_from[j]):
            crowded = True  # on top of one in her slot already: she must go
    return beside and not crowded


def _near_pairs(now: np.ndarray, later: np.ndarray, present: np.ndarray, lap_m: float) -> _Near:
    """Who is near whom at each step: within CLEAR_M of each other on the track (a lapped
    runner too) now or LOOK_S later, or one passing the other in between (distances (steps,
    m) in metres)."""
    steps, m = present.shape
    gap_now = _along(now[:, :, None], now[:, None, :], lap_m)
    gap_later = _along(later[:, :, None], later[:, None, :], lap_m)
    close = (np.abs(gap_now) < CLEAR_M) | (np.abs(gap_later) < CLEAR_M)
    passing = (gap_now > 0) != (gap_later > 0)
    close |= passing & (np.abs(gap_now) < PASS_M) & (np.abs(gap_later) < PASS_M)
    close &= present[:, :, None] & present[:, None, :]
    close[:, np.arange(m), np.arange(m)] = False
    k, i, j = np.nonzero(close)  # in order of (step, runner)
    starts = np.searchsorted(k * m + i, np.arange(steps * m + 1))
    return _Near(m, starts.tolist(), j.tolist())


class _Near:
    """Runners near runner i at step k: ``near(k, i)``, a slice of one flat list."""

    def __init__(self, m: int, starts: list[int], others: list[int]) -> None:
        self._m, self._starts, self._others = m, starts, others

    def __call__(self, k: int, i: int) -> list[int]:
        at = k * self._m + i
        return self._others[self._starts[at] : self._starts[at + 1]]


def _eased(start: float, first: int, changes: list[tuple[float, int, int]]) -> Pieces:
    """Lateral offset (m) from a runner's slot at the start (s) and slot changes (time s,
    from slot, to slot): level between moves, a smooth MOVE_S ease in each."""
    if not changes:
        return constant(first * SLOT_M, start)
    breaks = [start]
    coeffs: list[list[float]] = []
    for t, a, b in changes:
        lo, delta = a * SLOT_M, (b - a) * SLOT_M
        if t > breaks[-1]:
            coeffs.append([0.0, 0.0, 0.0, lo])
            breaks.append(t)
        span = MOVE_S * abs(b - a)
        coeffs.append([-2 * delta / span**3, 3 * delta / span**2, 0.0, lo])
        breaks.append(breaks[-1] + span)
    coeffs.append([0.0, 0.0, 0.0, changes[-1][2] * SLOT_M])
    breaks.append(breaks[-1] + 1.0)
    return Pieces(np.array(breaks), np.array(coeffs))
