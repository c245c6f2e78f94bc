"""Name tags that appear, go or hop fade in and out over a moment instead of popping.

The placer (tag_placement) decides where each tag is every frame. When a tag's place jumps
(the finish line is cleared, a pacer's tag takes its side), it shows or it goes, the change
read as a jolt on a big screen: a tag 150 px away from one frame to the next. TagFades
remembers where each tag was drawn and, over TAG_FADE_S of race time, draws a tag that
appeared fading in, and a tag that went or hopped as a copy fading out where it was (an
"echo") while a hopped tag fades in at its new place.

A fading copy never lies under another tag: the placer does not know of it, so a copy that
would overlap a tag drawn this frame (or another copy, or the hopped tag's own new box) is
not drawn, and that tag simply moves, as before (a presenter's review saw text over text in
one frame in eight when copies were drawn regardless). Nor does a copy show an old text (the
gap's seconds): a tag whose text changed moves without one.

Everything follows race time, so an export is the same on every machine. A step back or a
seek (more than MAX_STEP_S) shows the tags as placed, with nothing fading, and so does a
repaint at the same race time: a paused replay, or an export's last frame, rests on settled
tags, not on a half-faded copy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

TAG_FADE_S = 0.3
"""How long (s of race time) a tag takes to fade in or out: 9 frames of a 30 fps export at
1x, a blink at 4x, none at 8x or faster (a step that long is a seek, see MAX_STEP_S)."""
HOP_HEIGHTS = 1.5
"""A tag whose box moves further than this (tag heights) from its anchor between two frames
has hopped and may cross-fade; nearer moves (a slide, a step to the next candidate) are drawn
as they are."""
MAX_STEP_S = 0.25
"""A frame more than this (s of race time) after the last is a seek: nothing fades."""
CLEAR_PX = 2.0
"""Space (px) a fading copy keeps from every other tag drawn, or it is not drawn."""

Placed = tuple[str, QRectF, QPointF, str, object]
"""A tag drawn this frame: its key, box (px), anchor (px), text, and what it is drawn from."""


@dataclass(frozen=True)
class Echo:
    """A tag fading out where it was drawn: its key, box (px), the race time (s) it started
    fading (the frame before the change) and what the caller drew it from (its label)."""

    key: str
    rect: QRectF
    start_s: float
    drawn_from: object


class TagFades:
    """Opacities of the tags placed each frame, and the echoes of those that hopped or went."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget what was drawn: the next frame shows its tags as placed."""
        self._t: float | None = None
        self._drawn: dict[str, tuple[QRectF, QPointF, str, object]] = {}
        """Per key, the box (px) drawn last frame, its offset from the tag's anchor, its text
        and what it was drawn from."""
        self._since: dict[str, float] = {}
        """Per key, the race time (s) the tag started fading in at its place."""
        self._echoes: list[Echo] = []
        self._settle = False

    def settle(self) -> None:
        """Draw the next frame's tags whole, with no copies, whatever changed since the last
        (a replay just paused, an export's last frame)."""
        self._settle = True

    def update(
        self, t: float, placed: list[Placed], height: float
    ) -> tuple[list[float], list[tuple[Echo, float]]]:
        """Opacity (0-1) of each placed tag at race time t (s), and the echoes to draw with
        theirs (oldest first); `height` is a tag's height (px)."""
        last_t = self._t
        step = None if last_t is None else t - last_t
        if self._settle or step is None or not 0 < step <= MAX_STEP_S:  # or a seek, a repaint
            self._settle = False
            self._echoes = []
            self._since = {}
        else:
            hopped = self._note_changes(last_t, placed, height)
            self._echoes = [e for e in self._echoes if t - e.start_s < TAG_FADE_S]
            self._echoes = _clear_of_tags(self._echoes, [rect for _, rect, *_ in placed])
            for key in hopped - {e.key for e in self._echoes}:  # no copy: it moves, whole
                self._since.pop(key, None)
        self._t = t
        self._drawn = {
            key: (rect, rect.center() - at, text, what) for key, rect, at, text, what in placed
        }
        self._since = {k: s for k, s in self._since.items() if k in self._drawn}
        alphas = [_rise(t - self._since.get(key, -math.inf)) for key, *_ in placed]
        echoes = [(e, 1.0 - _rise(t - e.start_s)) for e in self._echoes]
        return alphas, [(e, a) for e, a in echoes if a > 0.0]

    def _note_changes(self, last_t: float, placed: list[Placed], height: float) -> set[str]:
        """Start fades for the tags that appeared, hopped or went since last_t (s); returns
        the keys of those that hopped with a copy left behind."""
        now = {key for key, *_ in placed}
        hopped: set[str] = set()
        for key, rect, at, text, _ in placed:
            was = self._drawn.get(key)
            if was is None:
                self._since[key] = last_t
                continue
            moved = rect.center() - at - was[1]
            if math.hypot(moved.x(), moved.y()) <= HOP_HEIGHTS * height:
                continue
            old = [e for e in self._echoes if e.key == key]
            self._echoes = [e for e in self._echoes if e.key != key]
            if text == was[2] and not old:  # a copy with the same words, and the first hop
                self._echoes.append(Echo(key, was[0], last_t, was[3]))
                self._since[key] = last_t
                hopped.add(key)
            else:
                self._since.pop(key, None)  # it moves, whole
        for key, (rect, _, _, what) in self._drawn.items():
            if key not in now:
                self._echoes = [e for e in self._echoes if e.key != key]
                self._echoes.append(Echo(key, rect, last_t, what))
        return hopped


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
