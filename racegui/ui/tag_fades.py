"""Name tags that appear or go fade in and out over a moment instead of popping.

The placer (tag_placement) decides where each tag is every frame. A tag that shows up, or
goes, from one frame to the next read as a blink on a big screen. TagFades remembers where
each tag was drawn and, over TAG_FADE_S of race time, draws a tag that appeared fading in,
and a tag that went as a copy fading out where it was (an "echo"), from the opacity it had.

A tag that hops to another place moves whole, as it did before fades. Cross-fading hops
(a copy fading out at the old place while the tag faded in at the new) was tried and given
up after two presenter reviews: a copy had to give way to the tags the placer put beside or
over it, and so vanished after a frame and left the moved tag faint and alone; it showed
the gap's old seconds beside its new; the runner's name stood twice at half strength; a tag
that moved again mid-fade stuttered through three places; only a third of hops could fade.

A fading copy never lies under another tag: the placer does not know of it, so a copy that
would overlap a tag drawn this frame (or another copy) is not drawn.

Everything follows race time, so an export is the same on every machine. A step back or a
seek (more than MAX_STEP_S) shows the tags as placed, with nothing fading, and so does a
repaint at the same race time: a paused replay, or an export's last frame, rests on settled
tags, not on a half-faded copy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF

TAG_FADE_S = 0.3
"""How long (s of race time) a tag takes to fade in or out: 9 frames of a 30 fps export at
1x, a blink at 4x, none at 8x or faster (a step that long is a seek, see MAX_STEP_S)."""
MAX_STEP_S = 0.25
"""A frame more than this (s of race time) after the last is a seek: nothing fades."""
CLEAR_PX = 2.0
"""Space (px) a fading copy keeps from every other tag drawn, or it is not drawn."""

Placed = tuple[str, QRectF, object]
"""A tag drawn this frame: its key, box (px), and what it is drawn from."""


@dataclass(frozen=True)
class Echo:
    """A tag fading out where it was drawn: its key, box (px), the race time (s) it started
    fading (the frame before it went), its opacity then, and what the caller drew it from
    (its label)."""

    key: str
    rect: QRectF
    start_s: float
    start_alpha: float
    drawn_from: object


class TagFades:
    """Opacities of the tags placed each frame, and the echoes of those that went."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget what was drawn: the next frame shows its tags as placed."""
        self._t: float | None = None
        self._drawn: dict[str, tuple[QRectF, object]] = {}
        """Per key, the box (px) drawn last frame and what it was drawn from."""
        self._since: dict[str, float] = {}
        """Per key, the race time (s) the tag started fading in."""
        self._echoes: list[Echo] = []
        self._settle = False

    def settle(self) -> None:
        """Draw the next frame's tags whole, with no copies, whatever changed since the last
        (a replay just paused, an export's last frame)."""
        self._settle = True

    def update(
        self, t: float, placed: list[Placed]
    ) -> tuple[list[float], list[tuple[Echo, float]]]:
        """Opacity (0-1) of each placed tag at race time t (s), and the echoes to draw with
        theirs (oldest first)."""
        last_t = self._t
        step = None if last_t is None else t - last_t
        if self._settle or step is None or not 0 < step <= MAX_STEP_S:  # or a seek, a repaint
            self._settle = False
            self._echoes = []
            self._since = {}
        else:
            self._note_changes(last_t, placed)
            self._echoes = [e for e in self._echoes if t - e.start_s < TAG_FADE_S]
            self._echoes = _clear_of_tags(self._echoes, [rect for _, rect, _ in placed])
        self._t = t
        self._drawn = {key: (rect, what) for key, rect, what in placed}
        self._since = {k: s for k, s in self._since.items() if k in self._drawn}
        alphas = [self._alpha(key, t) for key, _, _ in placed]
        echoes = [(e, e.start_alpha * (1.0 - _rise(t - e.start_s))) for e in self._echoes]
        return alphas, [(e, a) for e, a in echoes if a > 0.0]

    def _alpha(self, key: str, t: float) -> float:
        """How far (0-1) the tag `key` has faded in at race time t (s)."""
        return _rise(t - self._since.get(key, -math.inf))

    def _note_changes(self, last_t: float, placed: list[Placed]) -> None:
        """Start fades for the tags that appeared or went since last_t (s)."""
        now = {key for key, _, _ in placed}
        for key in now - self._drawn.keys():
            self._since[key] = last_t
            self._echoes = [e for e in self._echoes if e.key != key]  # back before it faded
        for key, (rect, what) in self._drawn.items():
            if key not in now:
                echo = Echo(key, rect, last_t, self._alpha(key, last_t), what)
                self._echoes = [e for e in self._echoes if e.key != key] + [echo]


def _clear_of_tags(echoes: list[Echo], tags: list[QRectF]) -> list[Echo]:
    """The echoes clear (by CLEAR_PX) of every tag drawn and of each other (the older of two
    that overlap is kept)."""
    kept: list[Echo] = []
    for echo in echoes:
        box = echo.rect.adjusted(-CLEAR_PX, -CLEAR_PX, CLEAR_PX, CLEAR_PX)
        if not any(box.intersects(r) for r in tags) and not any(
            box.intersects(e.rect) for e in kept
        ):
            kept.append(echo)
    return kept


def _rise(elapsed_s: float) -> float:
    """How far (0-1) a fade that started elapsed_s ago has got."""
    return min(1.0, max(0.0, elapsed_s / TAG_FADE_S))
