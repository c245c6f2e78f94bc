"""Which splits break the order of times (or distances) that must increase: the ones no
longest increasing run of them keeps. A 400 m split typed 4:54.40 for 54.40 before 1:23.00
and 1:51.90 is the one to blame, not the two correct splits after it (each had been told it
"comes after 4:54.40"). Where two splits could each be the one (two swapped), neither is
out of line, and the caller compares them pairwise as before."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

MAX_NAMED = 2
"""Splits a message names that one out of line disagrees with; more are counted."""


def _run_lengths(values: Sequence[float]) -> list[int]:
    """For each value, the length of the longest strictly increasing run of the values
    (NaN passed over) that ends at it (0 for NaN)."""
    tails: list[float] = []
    out = []
    for v in values:
        if math.isnan(v):
            out.append(0)
            continue
        k = bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
        else:
            tails[k] = v
        out.append(k + 1)
    return out


def out_of_line(values: Sequence[float]) -> set[int]:
    """Indices of the values (NaN: not known, never out of line) that no longest strictly
    increasing run of them keeps: taking them out is the fewest changes that leave the rest
    increasing, where that is clear (several longest runs may keep a value: then it is not
    out of line). Takes n log n for n values."""
    values = [float(v) for v in values]
    ending = _run_lengths(values)
    starting = _run_lengths([-v for v in reversed(values)])[::-1]
    longest = max(ending, default=0)
    return {
        k
        for k, v in enumerate(values)
        if not math.isnan(v) and ending[k] + starting[k] - 1 < longest
    }


@dataclass(frozen=True)
class Disagreement:
    """What a value out of line disagrees with: the values kept after it that are not
    above it (later), else those kept before it that are not below it."""

    later: bool
    """True: it is not below values after it; False: not above values before it."""
    others: list[int]
    """Their indices, nearest first."""


class SplitOrder:
    """Values that must increase (times or distances of splits, NaN: not known), the ones
    out of line (out_of_line) and what each of those disagrees with, found with numpy (a
    file of 1,000 athletes whose splits were half out of line took 100 s in Python)."""

    def __init__(self, values: Sequence[float]) -> None:
        self.values = np.asarray(values, dtype=float)
        self.out = out_of_line(self.values.tolist())
        self._kept = ~np.isnan(self.values)
        self._kept[list(self.out)] = False
        self._index = np.arange(len(self.values))

    def disagreement(self, k: int) -> Disagreement:
        """What the value at k, out of line, disagrees with among the values kept (not out
        of line, not NaN), nearest first."""
        v = self.values[k]
        after = np.flatnonzero(self._kept & (self._index > k) & (self.values <= v))
        if after.size:
            return Disagreement(True, after.tolist())
        before = np.flatnonzero(self._kept & (self._index < k) & (self.values >= v))
        return Disagreement(False, before[::-1].tolist())


def out_of_line_text(
    shown: str,
    disagrees: Disagreement,
    name: Callable[[int], str],
    what: str = "times",
    noun: str = "split",
) -> str:
    """The message for a split out of line: shown ("4:54.40 at 400 m") is later than the
    split after it, or earlier than the one before it, each of which name(index) names
    ("1:23.00 at 600 m"; the nearest MAX_NAMED of them); what ("times", "distances") must
    increase. noun: what each of them is ("split", "lap")."""
    n = len(disagrees.others)
    if what == "distances":
        word = "beyond" if disagrees.later else "short of"
    else:
        word = "later than" if disagrees.later else "earlier than"
    side = "after" if disagrees.later else "before"
    splits = f"the {noun} {side} it" if n == 1 else f"the {n} {noun}s {side} it"
    named = [name(j) for j in disagrees.others[:MAX_NAMED]]
    listed = " and ".join(named) if n <= MAX_NAMED else ", ".join(named) + ", ..."
    return f"{shown} is {word} {splits} ({listed}): a typo? {what} must increase"
