"""Operations on piecewise cubics of time (model.piecewise.Pieces) that give another one
exactly: the sum or the larger of two, a function of distance that is linear between
distances applied to a distance row, and a piecewise linear function through samples."""

from __future__ import annotations

import numpy as np

from racegui.model.piecewise import PieceBatch, Pieces


def expanded_at(p: Pieces, times: np.ndarray) -> np.ndarray:
    """Coefficients (len(times), 4), (c3, c2, c1, c0), of p about each time (s): the cubic of
    the piece the time falls in, re-centred on it; before p's start or after its end, p's
    value held there (a row stands still outside its span)."""
    t = np.asarray(times, dtype=float)
    k = np.clip(np.searchsorted(p.breaks, t, side="right") - 1, 0, len(p.coeffs) - 1)
    u = np.clip(t, p.start, p.end) - p.breaks[k]
    c3, c2, c1, c0 = p.coeffs[k].T
    out = np.empty((len(t), 4))
    out[:, 0] = c3
    out[:, 1] = 3.0 * c3 * u + c2
    out[:, 2] = (3.0 * c3 * u + 2.0 * c2) * u + c1
    out[:, 3] = ((c3 * u + c2) * u + c1) * u + c0
    outside = (t < p.start) | (t >= p.end)
    out[outside, :3] = 0.0
    return out


def _common_breaks(a: Pieces, b: Pieces) -> np.ndarray:
    return np.unique(np.concatenate([a.breaks, b.breaks]))


def pieces_sum(a: Pieces, b: Pieces) -> Pieces:
    """a + b, exactly, over both spans."""
    breaks = _common_breaks(a, b)
    starts = breaks[:-1]
    return Pieces(breaks, expanded_at(a, starts) + expanded_at(b, starts))


def pieces_max(a: Pieces, b: Pieces) -> Pieces:
    """The larger of a and b at every time, exactly: pieces split where the two cross."""
    breaks = _common_breaks(a, b)
    ca, cb = expanded_at(a, breaks[:-1]), expanded_at(b, breaks[:-1])
    out_breaks: list[float] = []
    out_coeffs: list[np.ndarray] = []
    for k in range(len(breaks) - 1):
        t0, span = float(breaks[k]), float(breaks[k + 1] - breaks[k])
        diff = ca[k] - cb[k]
        cuts = [0.0]
        if np.any(diff[:3] != 0.0):
            roots = np.roots(np.trim_zeros(diff, "f")) if np.any(diff) else []
            cuts += sorted(
                float(r.real) for r in roots if abs(r.imag) < 1e-9 and 1e-9 < r.real < span - 1e-9
            )
        cuts.append(span)
        for lo, hi in zip(cuts[:-1], cuts[1:], strict=False):
            mid = 0.5 * (lo + hi)
            pick = ca[k] if np.polyval(diff, mid) >= 0.0 else cb[k]
            out_breaks.append(t0 + lo)
            out_coeffs.append(_recentred(pick, lo))
    out_breaks.append(float(breaks[-1]))
    return Pieces(np.array(out_breaks), np.array(out_coeffs))


def _recentred(c: np.ndarray, u: float) -> np.ndarray:
    """Coefficients of the cubic c (c3, c2, c1, c0) re-centred u later."""
    c3, c2, c1, c0 = c
    return np.array(
        [
            c3,
            3.0 * c3 * u + c2,
            (3.0 * c3 * u + 2.0 * c2) * u + c1,
            ((c3 * u + c2) * u + c1) * u + c0,
        ]
    )


def of_distance(
    distance: Pieces, at_m: np.ndarray, values: np.ndarray, after: float | None = None
) -> Pieces:
    """f(distance(t)) exactly, for a non-decreasing distance row (m over s) and f linear
    between the distances ``at_m`` (m, increasing) where it takes ``values``; held at its
    first value before at_m[0] and at its last (or ``after``) past at_m[-1]."""
    batch = PieceBatch.from_rows([distance])
    reach = batch.inverse(0, at_m)
    inner = reach[np.isfinite(reach) & (reach > distance.start) & (reach < distance.end)]
    breaks = np.unique(np.concatenate([distance.breaks, inner]))
    coeffs = expanded_at(distance, breaks[:-1])
    mid = 0.5 * (breaks[:-1] + breaks[1:])
    d_mid = batch.row(0, mid)[0]
    k = np.clip(np.searchsorted(at_m, d_mid, side="right") - 1, 0, len(at_m) - 2)
    slope = (values[k + 1] - values[k]) / (at_m[k + 1] - at_m[k])
    before, past = d_mid < at_m[0], d_mid >= at_m[-1]
    slope = np.where(before | past, 0.0, slope)
    last = values[-1] if after is None else after
    level = np.where(before, values[0], np.where(past, last, values[k] - slope * at_m[k]))
    out = coeffs * slope[:, None]
    out[:, 3] += level
    return Pieces(breaks, out)


def linear_through(times: np.ndarray, values: np.ndarray, tol: float) -> Pieces:
    """A piecewise linear function through samples (times s, increasing), keeping only the
    samples it needs to stay within ``tol`` of every one (a long still stretch is one piece)."""
    t = np.asarray(times, dtype=float)
    v = np.asarray(values, dtype=float)
    ts, vs = t.tolist(), v.tolist()
    keep = [0]
    i, lo, hi = 0, -np.inf, np.inf  # slopes from sample i that pass every sample since
    for j in range(1, len(ts)):
        dt = ts[j] - ts[i]
        slope = (vs[j] - vs[i]) / dt
        if j > keep[-1] + 1 and not lo <= slope <= hi:  # the line to j leaves one between
            i = j - 1
            keep.append(i)
            lo, hi = -np.inf, np.inf
            dt = ts[j] - ts[i]
        lo = max(lo, (vs[j] - tol - vs[i]) / dt)
        hi = min(hi, (vs[j] + tol - vs[i]) / dt)
    if keep[-1] != len(ts) - 1:
        keep.append(len(ts) - 1)
    kt, kv = t[keep], v[keep]
    if len(kt) == 1:
        kt, kv = np.array([kt[0], kt[0] + 1.0]), np.array([kv[0], kv[0]])
    slope = np.diff(kv) / np.diff(kt)
    coeffs = np.zeros((len(kt) - 1, 4))
    coeffs[:, 2] = slope
    coeffs[:, 3] = kv[:-1]
    return Pieces(kt, coeffs)
