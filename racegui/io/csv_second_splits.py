"""A second split of one athlete at one distance in a splits CSV: one problem per athlete,
which for second splits at two or more distances (two rows of a wide sheet, two athletes of
one name) says how to tell two athletes of one name apart (analyst's review: two John Smiths
on a wide sheet were four near-identical lines, one per column, and no word of the fix)."""

from __future__ import annotations

from dataclasses import dataclass

from racegui.io.errors import Problem

TWO_OF_ONE_NAME = (
    "if they are two athletes of one name, put an id in the athlete column (a bib: 101) "
    "and the name in a name column (Athlete,Name,...)"
)
"""How two athletes of one name are told apart: the athlete cell is the id, a name column
gives each the same name."""


def second_split(
    entry: dict,
    athlete_id: str,
    dist: float,
    first: int,
    line: int,
    place: str,
    problems: list[Problem],
) -> None:
    """Add to problems that athlete_id (entry: its splits read so far) has a second split at
    dist (m) on line, at place (its distance cell), the first on line first: each a problem
    of its own while all are at one distance (a row typed twice), then merged into one at
    the line of the first, naming the distances and how two athletes of one name are told
    apart. Each takes a constant time: a file of a million such rows is read once."""
    again = entry.get("again")
    if again is None or not again.merged and dist in again.metres:
        problems.append(
            Problem(
                place,
                f"a second split of {athlete_id} at {dist:g} m (the first is on line {first})",
            )
        )
        if again is None:
            entry["again"] = _Again(len(problems) - 1, problems[-1].message, {dist}, {first}, line)
        return
    again.add(dist, first, line)
    below = range(min(again.index, len(problems) - 1), -1, -1)
    k = next((k for k in below if problems[k].message == again.said), None)
    merged = Problem(f"line {again.line}", again.text(athlete_id))
    if k is None:  # not found (never so far): said anew
        problems.append(merged)
        k = len(problems) - 1
    problems[k] = merged
    again.index, again.said = k, problems[k].message


@dataclass
class _Again:
    """An athlete's second splits so far, and the problem that says them (its index in the
    problems, which a wide row's repeated problems may move back, and its message)."""

    index: int
    said: str
    metres: set[float]
    firsts: set[int]
    line: int
    last: int = 0
    lines: int = 1
    merged: bool = False

    def __post_init__(self) -> None:
        self.last = self.line

    def add(self, dist: float, first: int, line: int) -> None:
        """One more second split, at dist (m) on line (the first on line first)."""
        self.metres.add(dist)
        self.firsts.add(first)
        self.lines += line != self.last
        self.last = line
        self.merged = True

    def text(self, athlete_id: str) -> str:
        """The problem of the athlete's second splits at two distances or more."""
        seconds = f"{_span(self.line, self.last, self.lines)}; " if self.lines > 1 else ""
        firsts = _span(min(self.firsts), max(self.firsts), len(self.firsts))
        return (
            f"{athlete_id} again, with second splits at {_metres_text(self.metres)} "
            f"({seconds}the first ones on {firsts}): {TWO_OF_ONE_NAME}"
        )


def _metres_text(metres: set[float]) -> str:
    """ "300, 700, 1100 and 1500 m", or "300 to 5000 m (13 distances)" for more than 4."""
    if len(metres) > 4:
        return f"{min(metres):g} to {max(metres):g} m ({len(metres)} distances)"
    texts = [f"{m:g}" for m in sorted(metres)]
    return f"{', '.join(texts[:-1])} and {texts[-1]} m"


def _span(low: int, high: int, count: int) -> str:
    """count lines from low to high: "line 3", "lines 6 and 7", or "lines 6 to 9"."""
    if count == 1:
        return f"line {low}"
    if count == 2:
        return f"lines {low} and {high}"
    return f"lines {low} to {high}"
