"""Colours given to athletes that a file gives none: runners in turn, so that no two are
alike (splits CSVs, and race files without a "colour"); pacers and ghosts grey."""

from __future__ import annotations

PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#9467bd",
    "#17becf",
    "#e377c2",
    "#8c564b",
    "#bcbd22",
    "#7f7f7f",
    "#a6cee3",
    "#fdbf6f",
    "#cab2d6",
    "#6a3d9a",
    "#b15928",
    "#fb9a99",
    "#e4002b",
    "#2ca02c",
)
"""Colours of athletes imported without one, in turn: sixteen, so that a club field of up
to sixteen has no two alike (a 5000 m of twelve had two reds and two blues). Red and green,
which the panel uses for behind and ahead of the target, come last: a coach's runner drawn
in red had her finish clock red beside a green "ahead" (new user's review)."""
NEUTRAL = "#888888"
"""Colour of a pacer or ghost given none: the field's supporting cast, not a runner."""


def default_colours(given: list[str | None], roles: list[str]) -> list[str]:
    """Each athlete's colour: its own where given; a runner without one takes the next
    PALETTE colour that no athlete has by its own (in turn, round again after sixteen), any
    other athlete NEUTRAL."""
    taken = {c.lower() for c in given if c}
    free = [c for c in PALETTE if c.lower() not in taken] or list(PALETTE)
    out, k = [], 0
    for colour, role in zip(given, roles, strict=True):
        if colour:
            out.append(colour)
        elif role == "runner":
            out.append(free[k % len(free)])
            k += 1
        else:
            out.append(NEUTRAL)
    return out
