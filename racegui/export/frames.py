"""What an export draws: the frame-source interface and the exact race time of every frame.

The race clock of an export never depends on wall time: frame k of the race part shows race
time ``t_k = start_s + k * speed / fps`` seconds exactly, however long drawing or encoding takes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

import numpy as np

CardKind = Literal["title", "end"]
"""The two cards an export can show: before the race ("title") and after it ("end")."""
END_HOLD_S = 1.0
"""Video seconds at the start of an end card's span that show the last race frame held, at
most half the card: a clip that ends at the finish had cut to the card one frame after the
finish was shown (presenter's review). The card keeps its length; the race part its frames."""
END_FADE_S = 0.4
"""Video seconds at the end of that hold over which the card fades in (at most half the
hold)."""


@runtime_checkable
class FrameSource(Protocol):
    """Anything that draws the replay at an exact race time.

    ``size`` is (width, height) in pixels (both even for MP4). ``frame_at(t)`` returns a
    (height, width, 3) uint8 RGB array for race time ``t`` seconds, or a (height, width, 4)
    array whose bytes are B, G, R, A (Qt's RGB32 in memory on a little-endian machine), which
    the MP4 writer converts in its own thread (see :func:`to_rgb`). The exporter copies the
    array before the next call, so a source may reuse one buffer for every frame.

    Optional extras, looked up with ``getattr`` (a source need not have them):

    - ``duration_s: float``: the race length in seconds, used when the export has no ``to_s``;
    - ``card_at(kind, index) -> ndarray``: frame ``index`` of the "title" or "end" card;
    - ``card_frame(kind) -> ndarray``: one still frame for the card, repeated for its length;
    - ``set_start(t)``, ``set_end(t)``: race times (s) of the first and last race frames,
      given before any frame is drawn (what the cards say of a clip);
    - ``reset()``: forget what frames drawn so far left behind (called after a GIF's palette
      samples, so the export's first frame is drawn as a first frame);
    - ``key_colours``: RGB colours (0..255) that tell the scene's things apart (athletes,
      target, theme), which a GIF's shared palette holds exactly however little they cover.
    """

    size: tuple[int, int]

    def frame_at(self, t: float) -> np.ndarray:
        """RGB (h, w, 3) or BGRA (h, w, 4) uint8 frame for race time ``t`` (s)."""
        ...


def to_rgb(frame: np.ndarray) -> np.ndarray:
    """A (h, w, 3) RGB array from an RGB frame (returned as is) or a BGRA frame (copied)."""
    if frame.ndim == 3 and frame.shape[2] == 4:
        return np.ascontiguousarray(frame[..., 2::-1])
    return frame


def frame_count(start_s: float, end_s: float, fps: float, speed: float = 1.0) -> int:
    """Number of race frames from ``start_s`` to ``end_s`` (s), both ends included.

    ``N = round((end_s - start_s) * fps / speed) + 1``: the first frame shows ``start_s``,
    the last ``end_s`` itself (so an export that ends at the finish shows the finish), and
    the frames between are exact steps of speed/fps. A span of a whole number of steps (10 s
    at 10 fps: 101 frames, 0.0 s to 10.0 s) ends on a step; any other ends with one step of
    between half and one and a half steps, never a near-duplicate frame (a 246.42 s race at
    30 fps and 1x is 7394 frames, the last two 0.02 s apart). Raises ValueError for a
    non-finite or reversed span, fps <= 0 or speed <= 0.
    """
    if not all(math.isfinite(v) for v in (start_s, end_s, fps, speed)):
        raise ValueError("start, end, fps and speed must be finite numbers")
    if fps <= 0:
        raise ValueError(f"fps must be positive, got {fps}")
    if speed <= 0:
        raise ValueError(f"speed must be positive, got {speed}")
    if end_s < start_s:
        raise ValueError(f"end ({end_s} s) is before start ({start_s} s)")
    return math.floor((end_s - start_s) * fps / speed + 0.5) + 1


def frame_times(start_s: float, end_s: float, fps: float, speed: float = 1.0) -> np.ndarray:
    """Exact race time (s) of every race frame: ``start_s + k * speed / fps`` for k = 0..N-2,
    then ``end_s`` (N is :func:`frame_count`; a span under half a step is one frame, at
    ``start_s``).
    Each time is computed from its index, not by adding steps, so there is no drift."""
    n = frame_count(start_s, end_s, fps, speed)
    times = start_s + np.arange(n, dtype=np.float64) * (speed / fps)
    if n > 1:
        times[-1] = end_s
    return times


def card_frame_count(seconds: float, fps: float) -> int:
    """Frames a card of ``seconds`` (video seconds, not race seconds) lasts at ``fps``."""
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"card length must be a non-negative number of seconds, got {seconds}")
    return round(seconds * fps)


@dataclass(frozen=True)
class FramePlan:
    """Every frame of one export: title card frames, race frames at ``race_times``, end card.

    ``race_times`` are race seconds; card lengths are counts of frames.
    """

    race_times: np.ndarray
    fps: float
    title_frames: int = 0
    end_frames: int = 0

    @property
    def total(self) -> int:
        """Total number of frames in the output."""
        return self.title_frames + len(self.race_times) + self.end_frames

    @property
    def end_hold_frames(self) -> int:
        """Frames at the start of the end card that show the last race frame (END_HOLD_S,
        at most half the card), the last end_fade_frames of them with the card fading in."""
        return min(round(END_HOLD_S * self.fps), self.end_frames // 2)

    @property
    def end_fade_frames(self) -> int:
        """Frames at the end of the hold over which the end card fades in (END_FADE_S)."""
        return min(round(END_FADE_S * self.fps), self.end_hold_frames // 2)

    @property
    def video_duration_s(self) -> float:
        """Length of the output video (s): total frames divided by fps."""
        return self.total / self.fps


def plan_frames(
    start_s: float,
    end_s: float,
    fps: float,
    speed: float = 1.0,
    title_card_s: float = 0.0,
    end_card_s: float = 0.0,
) -> FramePlan:
    """The :class:`FramePlan` for a race span (s), fps, speed and card lengths (video s)."""
    return FramePlan(
        race_times=frame_times(start_s, end_s, fps, speed),
        fps=fps,
        title_frames=card_frame_count(title_card_s, fps),
        end_frames=card_frame_count(end_card_s, fps),
    )


def card_frames(source: FrameSource, kind: CardKind, count: int, t: float) -> Iterator[np.ndarray]:
    """Yield ``count`` frames of the ``kind`` card.

    Uses ``source.card_at(kind, index)`` if the source has it (animated cards), otherwise
    repeats ``source.card_frame(kind)``, otherwise freezes the race frame at race time ``t``
    (s): the first race frame for a title card, the last for an end card. Nothing is drawn
    when ``count`` is 0.
    """
    if count <= 0:
        return
    card_at: Callable[[str, int], np.ndarray] | None = getattr(source, "card_at", None)
    if card_at is not None:
        for index in range(count):
            yield card_at(kind, index)
        return
    card_frame: Callable[[str], np.ndarray] | None = getattr(source, "card_frame", None)
    still = card_frame(kind) if card_frame is not None else source.frame_at(t)
    for _ in range(count):
        yield still


def fade(under: np.ndarray, over: np.ndarray, amount: float) -> np.ndarray:
    """RGB (h, w, 3) uint8: ``over`` drawn at opacity ``amount`` (0 to 1) on ``under``; each
    an RGB or BGRA frame (see :func:`to_rgb`)."""
    a, b = to_rgb(under).astype(np.float32), to_rgb(over).astype(np.float32)
    return (a + (b - a) * amount + 0.5).astype(np.uint8)


def end_card_frames(
    source: FrameSource, plan: FramePlan, last: np.ndarray, t: float
) -> Iterator[np.ndarray]:
    """Yield the end card's frames: its first plan.end_hold_frames show ``last`` (a copy of
    the last race frame, race time t s) held, the card fading in over its last
    plan.end_fade_frames; then the card itself (see :func:`card_frames`)."""
    hold, fading = plan.end_hold_frames, plan.end_fade_frames
    for index, card in enumerate(card_frames(source, "end", plan.end_frames, t)):
        if index < hold - fading:
            yield last
        elif index < hold:
            yield fade(last, card, (index - (hold - fading) + 1) / (fading + 1))
        else:
            yield card


def iter_plan(source: FrameSource, plan: FramePlan) -> Iterator[np.ndarray]:
    """Yield every frame of ``plan`` in order: title card, race frames, end card (which
    starts on the last race frame held: :func:`end_card_frames`)."""
    times = plan.race_times
    yield from card_frames(source, "title", plan.title_frames, float(times[0]))
    for t in times[:-1]:
        yield source.frame_at(float(t))
    last = float(times[-1])
    if len(times) > 1 and hasattr(source, "settle"):
        source.settle()  # the frame a player rests on: name tags whole, none half-faded
    frame = source.frame_at(last)
    held = np.array(frame) if plan.end_hold_frames else frame  # a copy: the source reuses it
    yield frame
    yield from end_card_frames(source, plan, held, last)


def sample_frames(source: FrameSource, plan: FramePlan, count: int = 12) -> list[np.ndarray]:
    """Copies of about ``count`` frames spread over ``plan`` (race frames evenly, plus the
    first frame of each card), for building a GIF palette before the export starts."""
    times = plan.race_times
    picks = np.unique(np.linspace(0, len(times) - 1, min(count, len(times))).round().astype(int))
    samples = [np.array(source.frame_at(float(times[i]))) for i in picks]
    for kind, frames in (("title", plan.title_frames), ("end", plan.end_frames)):
        if frames:
            t = float(times[0] if kind == "title" else times[-1])
            samples.append(np.array(next(card_frames(source, kind, 1, t))))
    if plan.end_fade_frames:  # the colours of the end card fading in over the last frame
        samples.append(fade(samples[len(picks) - 1], samples[-1], 0.5))
    return samples
