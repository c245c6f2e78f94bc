"""Text progress for exports on a terminal: a one-line bar with ETA, and a summary line."""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from typing import TextIO

from racegui.cli_output import to_stderr
from racegui.export.pipeline import ExportResult

REDRAW_INTERVAL_S = 0.1
"""Shortest time (s) between two redraws of the bar (at most about 10 per second)."""
LOG_INTERVAL_S = 10.0
"""Shortest time (s) between two lines of progress written to a file or pipe, not a terminal."""
BAR_WIDTH = 30
"""Characters inside the brackets of the bar."""


def format_clock(seconds: float, decimals: int = 0) -> str:
    """Seconds as "m:ss" or "h:mm:ss" (with ``decimals`` digits after the seconds)."""
    if not math.isfinite(seconds):
        return "--:--"
    scale = 10**decimals
    total = round(max(0.0, seconds) * scale)
    whole, frac = divmod(total, scale)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    frac_text = f".{frac:0{decimals}d}" if decimals else ""
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}{frac_text}"
    return f"{minutes}:{secs:02d}{frac_text}"


def render_bar(done: int, total: int, elapsed_s: float, width: int = BAR_WIDTH) -> str:
    """One line like ``[#########.....]  45%  3321/7393 frames  ETA 1:12``.

    The ETA assumes the remaining frames go at the average rate so far (``elapsed_s`` wall
    seconds for ``done`` frames); it shows "--:--" until a frame is done.
    """
    total = max(total, 0)
    done = min(max(done, 0), total)
    fraction = done / total if total else 1.0
    filled = math.floor(fraction * width)
    bar = "#" * filled + "." * (width - filled)
    if done and total:
        eta = format_clock(elapsed_s / done * (total - done))
    else:
        eta = "--:--"
    return f"[{bar}] {math.floor(fraction * 100):3d}%  {done}/{total} frames  ETA {eta}"


class ProgressLine:
    """Redraws :func:`render_bar` on one terminal line with '\\r', at most every
    REDRAW_INTERVAL_S seconds (always for the last frame). Use ``update`` as the export's
    ``progress`` callback and call ``finish`` once at the end. To a stream that is not a
    terminal (``tty`` None: ask the stream) it writes whole lines, one every LOG_INTERVAL_S
    and the last: a log had got one huge line of redraws.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        min_interval_s: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        tty: bool | None = None,
    ) -> None:
        self._stream = stream if stream is not None else sys.stderr
        if tty is None:
            isatty = getattr(self._stream, "isatty", None)
            tty = bool(isatty()) if isatty is not None else False
        self._tty = tty
        if min_interval_s is None:
            min_interval_s = REDRAW_INTERVAL_S if tty else LOG_INTERVAL_S
        self._min_interval_s = min_interval_s
        self._clock = clock
        self._start = clock()
        self._last_draw: float | None = None
        self._last_len = 0
        self.redraws = 0

    def update(self, done: int, total: int) -> None:
        """Note that ``done`` of ``total`` frames are written; redraw if it is time."""
        now = self._clock()
        due = self._last_draw is None or now - self._last_draw >= self._min_interval_s
        if not due and done < total:
            return
        self._last_draw = now
        text = render_bar(done, total, now - self._start)
        if not self._tty:
            self._write(f"{text}\n")
            self.redraws += 1
            return
        pad = " " * max(0, self._last_len - len(text))
        self._write(f"\r{text}{pad}")
        self._last_len = len(text)
        self.redraws += 1

    def finish(self) -> None:
        """End the bar's line (if one was drawn on a terminal)."""
        if self._last_draw is not None and self._tty:
            self._write("\n")

    def _write(self, text: str) -> None:
        """Write and flush text; a stream that is closed or fails (stderr closed with 2>&-)
        is given up, as the progress is not worth failing an export for."""
        if self._stream is None:
            return
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # ValueError: a closed file
            self._stream = None


def say(text: str) -> None:
    """Print a line of text to stderr, if it can be: an export's summary and notes are not
    worth failing it for (with stderr closed, 2>&-, an export that had written its file exited
    1)."""
    to_stderr(text)


def format_megabytes(n_bytes: int) -> str:
    """Size in decimal megabytes, like "38.2 MB"."""
    return f"{n_bytes / 1e6:.1f} MB"


def format_summary(result: ExportResult) -> str:
    """One line such as ``Wrote race.mp4: 7393 frames, 4:06.43 at 30 fps, 1920x1080, 38.2 MB
    in 2:41 (1.53x real time)``; a still and a PNG sequence are described to match."""
    width, height = result.size
    took = f"in {format_clock(result.wall_s)}"
    size = format_megabytes(result.bytes_written)
    if result.duration_s <= 0:
        return f"Wrote {result.path}: 1 frame, {width}x{height}, {size} {took}"
    noun = "frame" if result.frames == 1 else "frames"
    what = str(result.path)
    if len(result.files) > 1:
        what = f"{len(result.files)} PNGs {result.files[0].name} .. {result.files[-1].name}"
    return (
        f"Wrote {what}: {result.frames} {noun}, {format_clock(result.duration_s, 2)} at "
        f"{result.fps} fps, {width}x{height}, {size} {took} "
        f"({result.realtime_factor:.2f}x real time)"
    )


def left_over_note(result: ExportResult) -> str | None:
    """What a PNG sequence left beside it from an earlier, longer one under the same names
    (None: nothing): a folder of f_01..f_09 after a 4-frame export is no longer one clip."""
    old = result.left_over
    if not old:
        return None
    which = old[0].name if len(old) == 1 else f"{old[0].name} .. {old[-1].name}"
    frames = "frame" if len(old) == 1 else "frames"
    return (
        f"{len(old)} {frames} of an earlier export ({which}) follow these in the folder, "
        "left as they were: remove them before using the sequence as one clip"
    )
