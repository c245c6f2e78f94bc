"""Piecewise cubic functions of time, one per row, evaluated for every row in one numpy call.

Each row is a list of pieces: breaks b_0 < b_1 < ... < b_K and, for piece k, coefficients
(c3, c2, c1, c0) of the polynomial in u = t - b_k. Outside [b_0, b_K] a row holds the value
it has at the nearest end, with zero derivative (athletes stand still before the start and
after they stop).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

import numpy as np
from scipy.interpolate import PchipInterpolator


@dataclass(frozen=True)
class Pieces:
    """One piecewise cubic: breaks (K+1,) and coefficients (K, 4) as (c3, c2, c1, c0)."""

    breaks: np.ndarray
    coeffs: np.ndarray

    def __post_init__(self) -> None:
        if self.breaks.ndim != 1 or self.coeffs.shape != (len(self.breaks) - 1, 4):
            raise ValueError("breaks must be (K+1,) and coeffs (K, 4)")

    @property
    def start(self) -> float:
        return float(self.breaks[0])

    @property
    def end(self) -> float:
        return float(self.breaks[-1])

    def end_value(self) -> tuple[float, float]:
        """(value, derivative) at the end of the last piece, from the left."""
        h = self.breaks[-1] - self.breaks[-2]
        c3, c2, c1, c0 = self.coeffs[-1]
        return float(((c3 * h + c2) * h + c1) * h + c0), float((3 * c3 * h + 2 * c2) * h + c1)

    def shifted(self, offset: float) -> Pieces:
        """The same function plus a constant."""
        coeffs = self.coeffs.copy()
        coeffs[:, 3] += offset
        return Pieces(self.breaks, coeffs)

    def truncated(self, t_end: float) -> Pieces:
        """The function cut at time t_end: kept pieces unchanged, t_end the last break."""
        if t_end >= self.end:
            return self
        if t_end <= self.start:
            raise ValueError("cannot truncate before the first break")
        k = int(np.searchsorted(self.breaks, t_end, side="left"))
        breaks = np.append(self.breaks[:k], t_end)
        return Pieces(breaks, self.coeffs[:k].copy())

    def then(self, duration: float, c3: float, c2: float, c1: float) -> Pieces:
        """Append one piece of this duration starting from the current end value."""
        value, _ = self.end_value()
        breaks = np.append(self.breaks, self.end + duration)
        coeffs = np.vstack([self.coeffs, [c3, c2, c1, value]])
        return Pieces(breaks, coeffs)

    def __call__(self, t: np.ndarray | float) -> np.ndarray:
        return PieceBatch.from_rows([self]).row(0, t)[0]


def constant(value: float, start: float = 0.0) -> Pieces:
    """A function that is `value` everywhere (one piece of one second from `start`)."""
    return Pieces(np.array([start, start + 1.0]), np.array([[0.0, 0.0, 0.0, value]]))


def monotone_through(times_s: np.ndarray, values: np.ndarray) -> Pieces:
    """Monotone cubic through the points: every point is hit exactly.

    PCHIP (C1), unless a piece's slope would leave its envelope by more than the smoothing
    allowed (see :func:`within_neighbours`): the slope then steps at a point instead (a
    runner who slows sharply at a split), rather than swinging the other way in between.
    """
    times_s = np.asarray(times_s, dtype=float)
    values = np.asarray(values, dtype=float)
    if len(times_s) == 2:
        slope = (values[1] - values[0]) / (times_s[1] - times_s[0])
        return Pieces(times_s.copy(), np.array([[0.0, 0.0, slope, values[0]]]))
    interp = PchipInterpolator(times_s, values)
    breaks = np.asarray(interp.x, dtype=float)
    return Pieces(breaks, within_neighbours(breaks, np.asarray(interp.c.T, dtype=float)))


SMOOTHING_SLACK = 0.025
"""How far (a fraction of a piece's mean slope) a smooth curve's slope may leave the piece's
envelope, kept as PCHIP draws it: a lap's swing of up to 2.5 % (1.8 s in a 72 s lap) beside
a faster or slower one. Beyond it the allowance tapers, to none from twice as far."""


def within_neighbours(breaks: np.ndarray, coeffs: np.ndarray) -> np.ndarray:
    """Coefficients (K, 4) of monotone cubic pieces through the same points as the PCHIP
    ``coeffs``, each piece's slope kept near its envelope: the lowest to the highest of the
    mean slopes (value gained / time) of the piece and of the pieces either side, and of the
    slope at the first point (first piece) or at the last (last piece).

    PCHIP sets a point's slope from the mean slopes either side (a harmonic mean). A piece
    whose ends are both slower than its own mean must then run faster than its mean in
    between: a runner's 82 s laps before a jog were modelled as 76 s laps, faster than any
    he ran. A piece leaving its envelope by a fraction e of its mean slope may keep
    min(e, 2 SMOOTHING_SLACK - e) of it (none from e = 5 %): its slope's departure from its
    mean is scaled down until it does (to a constant slope at worst). It still runs from
    point to point in the same time; its ends' slopes move towards its mean, so the slope
    steps there. Pieces within their allowance are returned unchanged.
    """
    h = np.diff(breaks)
    c3, c2, c1 = coeffs[:, 0], coeffs[:, 1], coeffs[:, 2]
    mean = (c3 * h + c2) * h + c1  # (value at the end - value at the start) / h
    start = c1
    end = (3.0 * c3 * h + 2.0 * c2) * h + c1
    before = np.concatenate(([mean[0]], mean[:-1]))
    after = np.concatenate((mean[1:], [mean[-1]]))
    low = np.minimum(np.minimum(before, mean), after)
    high = np.maximum(np.maximum(before, mean), after)
    low[0], high[0] = min(low[0], start[0]), max(high[0], start[0])
    low[-1], high[-1] = min(low[-1], end[-1]), max(high[-1], end[-1])
    # Slope over the piece, x = u / h in [0, 1]: mean + A (1 - 4x + 3x^2) + B (3x^2 - 2x),
    # A and B the departures of its start and end slopes from its mean; its extremes are at
    # the ends and where its derivative is zero, x = (2A + B) / 3(A + B).
    dep_a = start - mean
    dep_b = end - mean
    total = dep_a + dep_b
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.where(total != 0.0, (2.0 * dep_a + dep_b) / (3.0 * total), 0.0)
    x = np.clip(x, 0.0, 1.0)
    dep_x = dep_a * (1.0 - 4.0 * x + 3.0 * x * x) + dep_b * (3.0 * x * x - 2.0 * x)
    up = np.maximum(np.maximum(dep_a, dep_b), dep_x)
    down = np.minimum(np.minimum(dep_a, dep_b), dep_x)
    size = np.maximum(np.abs(mean), 1e-300)
    leaves = np.maximum(mean + up - high, low - (mean + down)) / size
    allowed = np.maximum(np.minimum(leaves, 2.0 * SMOOTHING_SLACK - leaves), 0.0) * size
    rounding = 1e-9 * size
    with np.errstate(divide="ignore", invalid="ignore"):
        over = up > high + allowed - mean + rounding
        under = down < low - allowed - mean - rounding
        scale_up = np.where(over, (high + allowed - mean) / up, 1.0)
        scale_down = np.where(under, (low - allowed - mean) / down, 1.0)
    scale = np.clip(np.minimum(scale_up, scale_down), 0.0, 1.0)
    out = coeffs.copy()
    fix = over | under
    if not fix.any():
        return out
    a = mean[fix] + scale[fix] * dep_a[fix]
    b = mean[fix] + scale[fix] * dep_b[fix]
    hf, mf = h[fix], mean[fix]
    out[fix, 0] = (a + b - 2.0 * mf) / (hf * hf)
    out[fix, 1] = (3.0 * mf - 2.0 * a - b) / hf
    out[fix, 2] = a
    return out


@dataclass(frozen=True, eq=False)
class PieceBatch:
    """Many piecewise cubics padded to one array, for vectorised evaluation."""

    breaks: np.ndarray  # (n, K+1), padded with +inf
    coeffs: np.ndarray  # (n, K, 4), padded with zeros
    count: np.ndarray  # (n,) number of pieces in each row
    first: np.ndarray = field(init=False)
    last: np.ndarray = field(init=False)
    _inner: np.ndarray = field(init=False)
    _row_offset: np.ndarray = field(init=False)
    _coeffs_flat: np.ndarray = field(init=False)
    _breaks_flat: np.ndarray = field(init=False)
    _break_values: list = field(init=False)

    def __post_init__(self) -> None:
        n = len(self.count)
        object.__setattr__(self, "first", self.breaks[:, 0].copy())
        object.__setattr__(self, "last", self.breaks[np.arange(n), self.count].copy())
        width = self.coeffs.shape[1]
        object.__setattr__(self, "_inner", self.breaks[:, 1:].copy())
        object.__setattr__(self, "_row_offset", np.arange(n) * width)
        object.__setattr__(self, "_coeffs_flat", self.coeffs.reshape(n * width, 4).copy())
        object.__setattr__(self, "_breaks_flat", self.breaks[:, :width].reshape(n * width).copy())
        object.__setattr__(self, "_break_values", [None] * n)

    @classmethod
    def from_rows(cls, rows: list[Pieces]) -> PieceBatch:
        width = max(len(p.coeffs) for p in rows)
        n = len(rows)
        breaks = np.full((n, width + 1), np.inf)
        coeffs = np.zeros((n, width, 4))
        count = np.zeros(n, dtype=int)
        for i, p in enumerate(rows):
            k = len(p.coeffs)
            breaks[i, : k + 1] = p.breaks
            coeffs[i, :k] = p.coeffs
            count[i] = k
        return cls(breaks, coeffs, count)

    def __len__(self) -> int:
        return len(self.count)

    def _locate(self, t: float) -> tuple[np.ndarray, np.ndarray]:
        """Coefficients (n, 4) of each row's piece at time t, and u = t - piece start."""
        tc = np.minimum(np.maximum(t, self.first), self.last)
        k = np.minimum((self._inner <= tc[:, None]).sum(axis=1), self.count - 1)
        flat = self._row_offset + k
        return self._coeffs_flat[flat], tc - self._breaks_flat[flat]

    def values_at(self, t: float) -> np.ndarray:
        """Value of every row at one time t, shape (n,)."""
        c, u = self._locate(t)
        return ((c[:, 0] * u + c[:, 1]) * u + c[:, 2]) * u + c[:, 3]

    def at(self, t: float) -> tuple[np.ndarray, np.ndarray]:
        """(value, derivative) of every row at one time t; arrays of shape (n,)."""
        c, u = self._locate(t)
        value = ((c[:, 0] * u + c[:, 1]) * u + c[:, 2]) * u + c[:, 3]
        slope = (3.0 * c[:, 0] * u + 2.0 * c[:, 1]) * u + c[:, 2]
        moving = (t >= self.first) & (t <= self.last)
        return value, np.where(moving, slope, 0.0)

    def row(self, i: int, times: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        """(value, derivative) of row i at many times; arrays shaped like `times`."""
        t = np.asarray(times, dtype=float)
        n_pieces = self.count[i]
        breaks = self.breaks[i, : n_pieces + 1]
        tc = np.clip(t, breaks[0], breaks[-1])
        k = np.clip(np.searchsorted(breaks, tc, side="right") - 1, 0, n_pieces - 1)
        c = self.coeffs[i, k]
        u = tc - breaks[k]
        value = ((c[..., 0] * u + c[..., 1]) * u + c[..., 2]) * u + c[..., 3]
        slope = (3.0 * c[..., 0] * u + 2.0 * c[..., 1]) * u + c[..., 2]
        moving = (t >= breaks[0]) & (t <= breaks[-1])
        return value, np.where(moving, slope, 0.0)

    def rows_at(self, rows: np.ndarray, times: np.ndarray) -> np.ndarray:
        """Values of the given rows at many times in one pass, shape (len(rows), len(times))."""
        t = np.asarray(times, dtype=float)[None, :]
        tc = np.minimum(np.maximum(t, self.first[rows, None]), self.last[rows, None])
        inner = self._inner[rows]
        k = (inner[:, None, :] <= tc[:, :, None]).sum(axis=2)
        k = np.minimum(k, (self.count[rows] - 1)[:, None])
        r = np.asarray(rows)[:, None]
        c = self.coeffs[r, k]
        u = tc - self.breaks[r, k]
        return ((c[..., 0] * u + c[..., 1]) * u + c[..., 2]) * u + c[..., 3]

    def inverse_scalar(self, i: int, value: float) -> float:
        """Earliest time non-decreasing row i reaches `value` (NaN if never), in plain floats.

        The per-frame fast path for one distance: bisect the break values, then Newton
        iterations on one cubic piece, bracketed by its ends.
        """
        cached = self._break_values[i]
        if cached is None:
            n_pieces = int(self.count[i])
            breaks = self.breaks[i, : n_pieces + 1]
            cached = (
                breaks.tolist(),
                self.row(i, breaks)[0].tolist(),
                self.coeffs[i, :n_pieces].tolist(),
            )
            self._break_values[i] = cached
        breaks, values, coeffs = cached
        if not values[0] <= value <= values[-1] + _reach_slack(values[-1]):
            return math.nan
        if value == values[0]:
            return breaks[0]
        k = min(bisect.bisect_left(values, value) - 1, len(coeffs) - 1)
        c3, c2, c1, c0 = coeffs[k]
        lo, hi = 0.0, breaks[k + 1] - breaks[k]
        span = values[k + 1] - values[k]
        u = hi * (value - values[k]) / span if span > 0 else hi
        for _ in range(60):
            f = ((c3 * u + c2) * u + c1) * u + c0 - value
            if abs(f) < 1e-10:
                break
            if f < 0:
                lo = u
            else:
                hi = u
            df = (3.0 * c3 * u + 2.0 * c2) * u + c1
            step = u - f / df if df > 0 else -1.0
            u = step if lo < step < hi else 0.5 * (lo + hi)
        return breaks[k] + u

    def inverse(self, i: int, values: np.ndarray | float, t_max: float | None = None) -> np.ndarray:
        """Earliest times at which non-decreasing row i reaches `values` (NaN if never).

        Solves each cubic piece by safeguarded Newton iteration (bracketed, falls back to
        bisection), to 1e-10 s.
        """
        v = np.atleast_1d(np.asarray(values, dtype=float))
        n_pieces = self.count[i]
        breaks = self.breaks[i, : n_pieces + 1]
        if t_max is not None:
            keep = int(np.searchsorted(breaks, t_max, side="left"))
            breaks = np.append(breaks[:keep], t_max) if keep < len(breaks) else breaks
            n_pieces = len(breaks) - 1
        at_breaks, _ = self.row(i, breaks)
        # Piece whose end value first reaches v.
        k = np.searchsorted(at_breaks, v, side="left") - 1
        reachable = (v >= at_breaks[0]) & (v <= at_breaks[-1] + _reach_slack(at_breaks[-1]))
        k = np.clip(k, 0, n_pieces - 1)
        lo = breaks[k].copy()
        hi = breaks[k + 1].copy()
        exact_start = v <= at_breaks[0]
        # Linear first guess within the piece.
        span = np.maximum(at_breaks[k + 1] - at_breaks[k], 1e-300)
        t = lo + (hi - lo) * np.clip((v - at_breaks[k]) / span, 0.0, 1.0)
        for _ in range(60):
            f, df = self.row(i, t)
            f = f - v
            if np.all(np.abs(f) < 1e-9):
                break
            below = f < 0
            lo = np.where(below, t, lo)
            hi = np.where(below, hi, t)
            with np.errstate(divide="ignore", invalid="ignore"):
                step = t - f / df
            bad = ~np.isfinite(step) | (step <= lo) | (step >= hi)
            t = np.where(bad, 0.5 * (lo + hi), step)
        t = np.where(exact_start, breaks[0], t)
        t = np.where(reachable, t, np.nan)
        return t if np.ndim(values) else t[:1].reshape(())


def _reach_slack(end_value: float) -> float:
    """How far past a row's last value (its units) a value still counts as reached: evaluating
    a long cubic piece at its end can fall an ulp short (99999.99999999999 m for a 100 km
    finish), which made the finish line itself unreachable."""
    return 1e-9 * max(1.0, abs(float(end_value)))
