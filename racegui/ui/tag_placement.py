"""Name tags from frame to frame: TagPlacer remembers where each tag was, so tags do not hop
about as their markers move (where one frame's tags go is tag_search's).

It eases a slid tag back towards its marker by the race time since the last frame
(SLIDE_EASE_HEIGHTS_PER_S), keeps a tag that has gone hidden for HOLD_S, lets a tag that is
shown slide a little (SHOWN_SLIDE_HEIGHTS) rather than vanish, hides the tags that yield while
a leading one (the pacing light's) finds no place, gives a tag offered a shorter text
(``short_widths``) that finds no place with its own the shorter one from then on (no text
flicking between the two), and lets a slid forced (or leading) tag whose search for a nearer
place found nothing wait IDLE_S before it searches again.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF

from racegui.ui.tag_search import Previous, place_frame

SLIDE_EASE_HEIGHTS_PER_S = 3.0
"""How fast (tag heights per second of race time) a slid tag glides back towards its marker
when it can: 0.1 height a frame in a 30 fps export at 1x, and the same speed on screen at any
frame rate. A view repainted at the same race time (paused) leaves its tags where they are."""
EASE_STEP_MAX_S = 0.25
"""Longest race-time step (s) one placement eases a slid tag by (a seek is one step)."""
HOLD_S = 1.0
"""Least race time (s) a tag stays hidden once it has gone. A shown tag is not held: it goes
before a hidden one of the same tier and may slide a little rather than vanish, but one of
an earlier tier can still take its place at once."""
SHOWN_SLIDE_HEIGHTS = 2.5
"""How far (tag heights) a tag that is shown may slide sideways to stay shown: about 67 px
at 1080p (at 1.5, pacers' tags crowded by the forced tags' steps vanished and came back
within half a second twice as often)."""
FORGET_S = 3.0
"""A placement more than this much race time (s) from the last one (a seek, or export frames
that far apart) places every tag afresh, as an export's first frame does: where a tag was
belongs to another moment of the race (which tags were shown still counts). Its marker may
be back near the pixel it left, so tag_search's FORGET_HEIGHTS keeps the memory: a window
opened at 0:00 and sought to 3:01.84 kept the light's tag on the side it took at the start,
behind Kipyegon though the light was 19 m ahead, where the export placed it ahead. A runner
covers FORGET_HEIGHTS of the 1080p layout in about 2 s, so frames nearer than this are one
animation."""
IDLE_S = 0.2
"""A slid forced (or leading) tag whose search for a nearer place (a step or a hop, below)
found none searches again only after this much race time (s): most frames then skip the
search, the costliest part of a placement, and a tag that has just moved searches on."""


class TagPlacer:
    """tag_search.place_tags with a memory, so tags do not hop about as their markers move: a
    tag keeps last frame's candidate while it stays free, and one that must move tries its own
    side first, and before that, a small move from where it was. A slid tag returns unslid as
    soon as it can by a small move; until then it glides: it keeps its place along the
    tangent, easing back towards its marker, and only if that is blocked takes the free slide
    on its side nearest to where it was; a forced one far from its marker hops to a much
    nearer free place rather than keep a long leader line. One placer serves one view, frame
    after frame; tags are told apart by ``key`` (or their text), so a frame's tags depend on
    the frames drawn before it."""

    def __init__(self) -> None:
        self._last: dict[str, Previous] = {}
        self._t: float | None = None
        """Race time (s) of the last placement."""
        self._clock = 0.0
        """Race time (s) the placer has seen go by: each placement adds the time since the
        last one, at most HOLD_S (a seek is one step; the same forwards or backwards)."""
        self._shown: dict[str, tuple[bool, float]] = {}
        self._short: set[str] = set()
        """Tags that found no place with their own text: drawn with their shorter one since."""
        self._idle: dict[str, float] = {}
        """Per slid forced or leading tag whose last search for a nearer place found none:
        the clock (s) of that search (see IDLE_S)."""
        """Per tag: shown or not, and the clock (s) when that last changed (a tag shown,
        or hidden less than HOLD_S ago; others are forgotten)."""

    def reset(self) -> None:
        """Forget every tag's place and hold: the next placement starts afresh (labels shown
        again, another size, a new replay, or an export's first frame)."""
        self._last = {}
        self._t = None
        self._clock = 0.0
        self._shown = {}
        self._idle = {}
        self._short = set()

    @property
    def shortened(self) -> frozenset[str]:
        """Keys of the tags placed with their shorter text (see place's short_widths)."""
        return frozenset(self._short)

    def place(
        self,
        labels: Sequence,
        widths: Sequence[float],
        h: float,
        obstacles: Sequence[QRectF],
        bounds: QRectF,
        *,
        t: float,
        short_widths: Sequence[float | None] | None = None,
    ) -> list[QRectF | None]:
        """Box (px) of each label, as :func:`tag_search.place_tags` gives it, for the frame at
        race time t (s): a slid tag glides back by SLIDE_EASE_HEIGHTS_PER_S for the race time
        since the last placement (at most EASE_STEP_MAX_S). ``short_widths``: per label, the
        width (px) of a shorter text it may take instead of vanishing (None: none); which tags
        took theirs is ``shortened`` (the pacing light's, wide in presentation type, found
        no place at the finish from 4:00.00 to 4:06.37)."""
        keys = _unique([getattr(lab, "key", "") or lab.text for lab in labels])
        seek = self._t is not None and abs(t - self._t) > FORGET_S
        if seek:
            # A seek: every tag searches afresh for its place, as on an export's first
            # frame; which tags were shown still counts (a DNF's tag stays, Label.appears).
            self._last = {}
            self._idle = {}
        since_s = 0.0 if self._t is None else abs(t - self._t)
        step_s = min(since_s, EASE_STEP_MAX_S)
        ease = SLIDE_EASE_HEIGHTS_PER_S * step_s
        self._clock += min(since_s, HOLD_S)
        clock = self._clock
        state = self._shown

        def shown(key: str) -> bool:
            return key in state and state[key][0]

        # Each label's tier and whether it leads or yields, looked up once (not per test).
        tiers = [getattr(lab, "tier", 0) for lab in labels]
        leading = [bool(getattr(lab, "leads", False)) and not lab.forced for lab in labels]
        yielding = [bool(getattr(lab, "yields", False)) and not lab.forced for lab in labels]

        def tier(i: int) -> int:
            return tiers[i]

        def leads(i: int) -> bool:
            return leading[i]

        def yields(i: int) -> bool:
            return yielding[i]

        def held_back(key: str) -> bool:
            """Hidden less than HOLD_S ago: not shown again yet."""
            return key in state and not state[key][0] and clock - state[key][1] < HOLD_S - 1e-6

        was_shown = [shown(key) for key in keys]
        """Whether each label's tag was shown last frame (looked up once)."""

        first = self._t is None or seek
        """A first placement (a still, an export's first frame, a seek): every tag shows at
        once, so none pops in late (Label.appears), as in a clip that has shown it since."""

        def kept_out(i: int) -> bool:
            """Held back, or not shown and not to appear now (Label.appears)."""
            late = not (first or getattr(labels[i], "appears", True) or was_shown[i])
            return late or held_back(keys[i])

        # Forced tags first, then by tier; in a tier, the tags shown last frame go first (in
        # the order given), so a tag shown keeps its place against one that is not.
        order = sorted(
            range(len(labels)),
            key=lambda i: (not labels[i].forced, tiers[i], not was_shown[i]),
        )
        # A leading tag held back hides the later tiers now; one that finds no place, below.
        lead = min((tier(i) for i in order if leads(i) and held_back(keys[i])), default=None)
        order = [
            i
            for i in order
            if labels[i].forced
            or (not kept_out(i) and (lead is None or not yields(i) or tier(i) <= lead))
        ]
        slide = [
            max(getattr(labels[i], "slide_heights", 0.0), SHOWN_SLIDE_HEIGHTS * was_shown[i])
            for i in order
        ]
        idle = self._idle
        shorter = {keys[i]: w for i, w in enumerate(short_widths or ()) if w is not None and w > 0}
        self._short &= shorter.keys()  # a tag no longer offered one takes its own again
        while True:  # at most twice: again if a tag offered a shorter text found no place
            placed, choices, missed = place_frame(
                [labels[i] for i in order],
                [shorter[keys[i]] if keys[i] in self._short else widths[i] for i in order],
                h,
                obstacles,
                bounds,
                [self._last.get(keys[i]) for i in order],
                ease,
                slide,
                [clock - idle.get(keys[i], -math.inf) < IDLE_S - 1e-6 for i in order],
            )
            lost = {
                keys[i]
                for i, r in zip(order, placed, strict=True)
                if r is None and keys[i] in shorter and keys[i] not in self._short
            }
            if not lost:
                break
            self._short |= lost
        self._idle = {key: at for key, at in idle.items() if clock - at < IDLE_S - 1e-6}
        self._idle.update({keys[i]: clock for i, m in zip(order, missed, strict=True) if m})
        lost = [tier(i) for i, r in zip(order, placed, strict=True) if r is None and leads(i)]
        rects: list[QRectF | None] = [None] * len(labels)
        for i, r in zip(order, placed, strict=True):
            if not lost or not yields(i) or tier(i) <= min(lost):
                rects[i] = r
        self._t = t
        self._last = {
            keys[i]: (k, r.center().x(), r.center().y(), labels[i].x, labels[i].y)
            for i, k in zip(order, choices, strict=True)
            if (r := rects[i]) is not None and k is not None
        }
        now = {key for key, r in zip(keys, rects, strict=True) if r is not None}
        self._shown = {
            key: (key in now, clock if shown(key) != (key in now) else state[key][1])
            for key in now | set(state)
            if key in now or shown(key) or held_back(key)
        }
        return rects


def _unique(keys: list[str]) -> list[str]:
    """The keys, a repeat (two pacers called "Smith") numbered so each tag keeps its own."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        n = seen[key] = seen.get(key, 0) + 1
        out.append(key if n == 1 else f"{key}\x00{n}")
    return out
