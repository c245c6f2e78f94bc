"""Runners in a pack side by side: a lateral offset (m) over time for each runner who moves by
her own splits, so that two runners level on the track are not drawn on one spot, and where
a crowd leaves no room beside, a runner drawn just behind the one in her way.

Runners from a splits file all run on lane 1's line; in a bunched club race (or at a start)
their dots lay exactly on each other. Each is given a slot, 0 on lane 1's line and each next
SLOT_M further out. At every step of STEP_S, leader first, a runner keeps her slot while no
runner ahead of her in the order is within CLEAR_M of her along the track in that slot (now
or LOOK_S later); otherwise she moves to the innermost slot free of them, or with none free
stays behind them (at the start, in the slot with fewest of them: a row behind). She moves
back in once the way to a slot further in has been free of everyone near her, behind too,
for HOLD_S. A move takes MOVE_S a slot, eased, and holds both slots meanwhile; she does not
cross a slot held by a runner level with her (boxed in, she waits). The leader of a pack
never moves: the runner coming past does, as on a track; "ahead" is on the track, so a
lapper goes round the runner she laps. Then, front first, each is placed along the track
clear of those placed before her (model.pack_queue): where she is, or just behind the one
in her way. Runners are looked at where they are drawn, so one held back is passed where
she is seen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from racegui.model.pack_queue import (
    APART_M,
    CATCH_MPS,
    QUEUE_SLACK_M,
    Queue,
    hold_pieces,
    lateral_bands,
)
from racegui.model.piecewise import PieceBatch, Pieces, constant

FloatOrArray = TypeVar("FloatOrArray", float, np.ndarray)
"""Distances (m): one, or an array of them."""

SLOT_M = 0.8
"""Lateral distance between two runners side by side (m)."""
MAX_SLOT = 11
"""Outermost slot (8.8 m out, in lane 8: a start across the whole track, as on a waterfall
line): in a larger field level on the track, a runner with no slot free of those ahead stays
in hers, drawn behind them (a field of over twelve starts twelve abreast, then a row
behind)."""
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


@dataclass(frozen=True)
class PackPaths:
    """Where each runner of a pack is drawn: her lateral offset (m) over time (s), and how
    far ahead (m, 0 or less: behind) of where she is along the track, None if never held
    back (model.pack_queue)."""

    laterals: list[Pieces]
    holds: list[Pieces | None]


@dataclass(frozen=True)
class PackStart:
    """Where a pack starts other than side by side across the line (an 800 m's lanes), per
    runner: her slot at the start, the time (s) until which she keeps it, how far ahead (m)
    of her distance she is drawn over time (s) and the lateral offset (m) she is drawn at
    least at over time (s) (None: 0)."""

    slots: list[int]
    kept_until: list[float]
    shifts: list[Pieces | None]
    floors: list[Pieces | None]

    def sampled(self, rows: list[Pieces | None], times: np.ndarray) -> np.ndarray:
        """rows (m) at times (s), (times, runners), 0 for None."""
        out = np.zeros((len(times), len(rows)))
        for i, row in enumerate(rows):
            if row is not None:
                out[:, i] = PieceBatch.from_rows([row]).row(0, times)[0]
        return out


def pack_times(
    rows: list[Pieces], others: int = 0, until: float = -math.inf
) -> tuple[np.ndarray, float]:
    """The times (s) a pack of runners with these distance rows (and ``others`` obstacles)
    is looked at, and the step (s) between them: every STEP_S from the first start to the
    last stop (or ``until``, s, if later), or a longer step for a long race of a large field
    (MAX_PAIR_STEPS)."""
    m = len(rows) + others
    begin = min(r.start for r in rows)
    end = max(max(r.end for r in rows), until)
    step = max(STEP_S, (end - begin) * m * m / MAX_PAIR_STEPS)
    return np.arange(begin, end + step, step), step


def pack_laterals(
    rows: list[Pieces],
    obstacles: list[tuple[Pieces, float]] | None = None,
    lap_m: float = 400.0,
) -> list[Pieces]:
    """Lateral offset (m, outwards from lane 1's line) over time for each runner whose
    distance run (m) over time (s) is in ``rows`` (see pack_paths)."""
    return pack_paths(rows, obstacles, lap_m).laterals


def pack_paths(
    rows: list[Pieces],
    obstacles: list[tuple[Pieces, float]] | None = None,
    lap_m: float = 400.0,
    start: PackStart | None = None,
) -> PackPaths:
    """Where each runner whose distance run (m) over time (s) is in ``rows`` is drawn: her
    lateral offset (m, outwards from lane 1's line) and how far she is held back (m).
    ``obstacles`` are others on lane 1's line until a time (s): (distance row, until),
    runners keep clear of but who do not move for them (pacers before their dropout).
    Runners a lap (``lap_m``, m) apart meet on the track as any others do. At the start the
    field stands side by side across the line (in rows behind it past MAX_SLOT + 1), or as
    ``start`` says. One runner alone, or a field of over MAX_PACK, stays on the line."""
    obstacles = obstacles or []
    n = len(rows)
    if not 2 <= n <= MAX_PACK:
        return PackPaths([constant(0.0, r.start) for r in rows], [None] * n)
    m = n + len(obstacles)
    until = max(r.end for r in rows) + MOVE_S * (MAX_SLOT + 1)  # to the last move's end
    if start is not None:
        ends = [r.end for r in [*start.shifts, *start.floors] if r is not None]
        until = max([until, *ends])
    times, step = pack_times(rows, len(obstacles), until)
    batch = PieceBatch.from_rows([*rows, *(o[0] for o in obstacles)])
    along = np.stack([batch.row(i, times)[0] for i in range(m)], axis=1)  # drawn, unheld (m)
    later = np.stack([batch.row(i, times + LOOK_S)[0] for i in range(m)], axis=1)
    floor = np.zeros((len(times), n))
    if start is not None:
        along[:, :n] += start.sampled(start.shifts, times)
        later[:, :n] += start.sampled(start.shifts, times + LOOK_S)
        floor = start.sampled(start.floors, times)
    floor_in, floor_out = (b.tolist() for b in lateral_bands(floor))
    present = np.ones((len(times), m), dtype=bool)
    present[:, n:] = times[:, None] < np.array([o[1] for o in obstacles])
    stopped = times[:, None] > np.array([r.end for r in rows])
    # While no one is held back, who is near whom, the order and who is close enough to be
    # held are read from where everyone is (numpy, all steps at once); else step by step.
    near_all = _near_pairs(along, later, present, lap_m)
    order_all = _track_order(along[:, :n], stopped, lap_m).tolist()
    front_all = _track_order(along[:, :n], np.zeros_like(stopped), lap_m).tolist()
    catch = CATCH_MPS * step
    crowded = (_closest(along[:, :n], lap_m) < APART_M + QUEUE_SLACK_M + catch).tolist()
    kept = [-math.inf] * n if start is None else list(start.kept_until)
    slots = _Slots(n, m, float(times[0]), step, lap_m, None if start is None else start.slots)
    held = np.zeros((len(times), n))
    behind_now = np.zeros(n)  # how far each is held back (m)
    is_stopped = stopped.tolist()
    was = along[0, :n]  # where each was drawn the step before (m)
    for k, t in enumerate(times.tolist()):
        anyone_held = bool(behind_now.any())
        at = along[k].copy()
        if anyone_held:
            at[:n] -= behind_now  # where each would be drawn, held back as much as before
            near_k = _near(at, later[k] - along[k] + at, present[k], lap_m)
            order = _track_order(at[None, :n], stopped[k : k + 1], lap_m)[0].tolist()
            front = _track_order(was[None, :], np.zeros((1, n), bool), lap_m)[0].tolist()
        else:
            near_k = [near_all(k, i) for i in range(m)]
            order, front = order_all[k], front_all[k]
        at_list = at.tolist()
        placed = set(range(n, m))  # obstacles hold slot 0 wherever they are
        for i in order:
            if not (is_stopped[k][i] or t < kept[i]):  # (stopped past the line, or in her lane)
                slots.choose(i, k == 0, t, near_k[i], placed, at_list)
            placed.add(i)
        if anyone_held or crowded[k]:
            behind_now = np.maximum(behind_now - catch, 0.0)  # ground made up where clear
            cand = along[k, :n] - behind_now
            to_cut = np.mod(_widest_gap_middle(cand, lap_m) - cand, lap_m).tolist()
            queue = Queue()
            for i in front:  # front first, as the step before
                lo, hi = slots.band(i, t)
                inner, outer = max(floor_in[k][i], lo), max(floor_out[k][i], hi)
                u = queue.place(to_cut[i], inner, outer)
                behind_now[i] += u - to_cut[i]
            held[k] = behind_now
        was = along[k, :n] - behind_now  # where each is drawn (m)
    return PackPaths([slots.eased(i, rows[i].start) for i in range(n)], hold_pieces(times, held))


class _Slots:
    """Each runner's slot across the track and her moves between slots (the walk's state,
    plain Python lists: numpy's per-item indexing costs more here)."""

    def __init__(
        self, n: int, m: int, t0: float, step: float, lap_m: float, start: list[int] | None
    ) -> None:
        self.slot = [0] * m if start is None else [*start, *[0] * (m - n)]
        self.moving_from = list(self.slot)
        self.move_end = [-math.inf] * n
        self.free_since = [[t0] * (MAX_SLOT + 1) for _ in range(n)]
        self.changes: list[list[tuple[float, int, int]]] = [[] for _ in range(n)]
        self.first = list(self.slot[:n])  # slot at the start
        self.step, self.lap_m = step, lap_m

    def choose(
        self, i: int, start: bool, t: float, near: list[int], placed: set[int], at: list[float]
    ) -> None:
        """Runner i's slot at time t (s; ``start``: the first step), from the slots of the
        runners near her (``near``), which of them are ``placed`` before her and where each
        is (``at``, m): she moves out of the way of one she comes up on, or back in once the
        way to a slot further in has been free for HOLD_S."""
        slot, moving_from = self.slot, self.moving_from
        ahead: dict[int, int] = {}  # slots of the runners near her placed before her
        near_all: set[int] = set()  # and of everyone near her, those behind included
        for j in near:
            held = {moving_from[j], slot[j]}
            near_all.update(held)
            if j in placed:
                for s in held:
                    ahead[s] = ahead.get(s, 0) + 1
        free = self.free_since[i]
        for s in near_all:
            if s <= MAX_SLOT:
                free[s] = t + self.step
        moving = t < self.move_end[i]
        want = slot[i]
        if not moving and want in ahead:  # out of the way of one she comes up on
            out = next((s for s in range(MAX_SLOT + 1) if s not in ahead), want)
            if start and out == want:  # lined up behind a full row: behind the fewest
                out = min(range(MAX_SLOT + 1), key=lambda s: (ahead.get(s, 0), s))
            if out != want and not _boxed(i, out, near, slot, moving_from, at, self.lap_m):
                want = out
        elif not moving and want > 0:  # back in, across no one, once the way has been free
            while want > 0 and t - free[want - 1] >= HOLD_S:
                want -= 1
        if want != slot[i] and start:  # lined up across the start: no move
            slot[i] = moving_from[i] = self.first[i] = want
        elif want != slot[i]:
            self.changes[i].append((t, slot[i], want))
            self.move_end[i] = t + MOVE_S * abs(want - slot[i])
            moving_from[i], slot[i] = slot[i], want
        elif not moving:
            moving_from[i] = want

    def band(self, i: int, t: float) -> tuple[float, float]:
        """Runner i's innermost and outermost lateral offset (m) from a step before time t (s)
        to a step after, as _eased draws her."""
        changes = self.changes[i]
        if not changes or t - self.step >= self.move_end[i]:  # still since before
            at = self.slot[i] * SLOT_M
            return at, at
        t0, a, b = changes[-1]
        span = MOVE_S * abs(b - a)
        across = []
        for x in (t - self.step, t, t + self.step):
            u = min(max((x - t0) / span, 0.0), 1.0)
            across.append((a + (b - a) * u * u * (3.0 - 2.0 * u)) * SLOT_M)
        return min(across), max(across)

    def eased(self, i: int, start: float) -> Pieces:
        """Runner i's lateral offset (m) over time (s) from her start (s)."""
        return _eased(start, self.first[i], self.changes[i])


def _along(a: FloatOrArray, b: FloatOrArray, lap_m: float) -> FloatOrArray:
    """How far (m) a runner at race distance a is ahead of one at b on the track, the shorter
    way round: -lap_m / 2 to lap_m / 2, so one a lap ahead is level."""
    return (a - b + lap_m / 2) % lap_m - lap_m / 2


def _widest_gap_middle(at: np.ndarray, lap_m: float) -> float:
    """Lap position (m) in the middle of the widest gap between runners at these race
    distances (m): no two runners near each other are on either side of it."""
    ring = np.sort(np.mod(at, lap_m))
    gaps = np.diff(ring, append=ring[:1] + lap_m)  # to the next one round
    widest = int(np.argmax(gaps))
    return float(ring[widest] + gaps[widest] / 2)


def _track_order(distance: np.ndarray, stopped: np.ndarray, lap_m: float) -> np.ndarray:
    """Each step's runners (where they are, m, and whether stopped: (steps, runners)) in the
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


def _closest(distance: np.ndarray, lap_m: float) -> np.ndarray:
    """At each step, how near (m, along the track) the two nearest runners are, from where
    they are (steps, runners)."""
    ring = np.sort(np.mod(distance, lap_m), axis=1)
    return np.diff(ring, axis=1, append=ring[:, :1] + lap_m).min(axis=1)


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
    runner too) now or LOOK_S later, or one passing the other in between (where they are,
    (steps, m) in metres)."""
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


def _near(at: np.ndarray, later: np.ndarray, present: np.ndarray, lap_m: float) -> list[list[int]]:
    """Who is near whom: within CLEAR_M of each other on the track (a lapped runner too) now
    or LOOK_S later, or one passing the other in between (where they are, m, now and later)."""
    m = len(at)
    gap_now = _along(at[:, None], at[None, :], lap_m)
    gap_later = _along(later[:, None], later[None, :], lap_m)
    close = (np.abs(gap_now) < CLEAR_M) | (np.abs(gap_later) < CLEAR_M)
    passing = (gap_now > 0) != (gap_later > 0)
    close |= passing & (np.abs(gap_now) < PASS_M) & (np.abs(gap_later) < PASS_M)
    close &= present[:, None] & present[None, :]
    np.fill_diagonal(close, False)
    i, j = np.nonzero(close)
    starts = np.searchsorted(i, np.arange(m + 1)).tolist()
    others = j.tolist()
    return [others[starts[a] : starts[a + 1]] for a in range(m)]


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
