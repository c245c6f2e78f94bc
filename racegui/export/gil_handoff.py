"""How soon the encoder's thread gets Python's GIL back while frames are drawn.

The thread that draws holds the GIL almost all the time. The MP4 encoder's thread lets it go
while FFmpeg converts and x264 encodes a frame, then needs it back, several times per frame,
to hand on the result and take the next frame. Python makes a thread that wants the GIL wait
until the holder lets it go, by default after up to 5 ms (sys.getswitchinterval()), so the
encoder sat waiting for the drawing thread a few milliseconds per frame while a core idled.
"""

from __future__ import annotations

import sys
from types import TracebackType

EXPORT_SWITCH_INTERVAL_S = 0.0005
"""Longest wait (s) for the GIL during an export (Python's default is 0.005)."""


class SwitchInterval:
    """Within `with`, sys.setswitchinterval(seconds) (default EXPORT_SWITCH_INTERVAL_S);
    leaving puts back the interval found on entry."""

    def __init__(self, seconds: float | None = None) -> None:
        self._seconds = seconds
        self._was = 0.0

    def __enter__(self) -> SwitchInterval:
        self._was = sys.getswitchinterval()
        seconds = EXPORT_SWITCH_INTERVAL_S if self._seconds is None else self._seconds
        sys.setswitchinterval(seconds)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        sys.setswitchinterval(self._was)
