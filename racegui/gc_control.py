"""Python's cyclic garbage collector run only on the GUI thread, between frames.

Left to itself the collector runs wherever allocation happens to cross its threshold: in the
export's encoder thread, or in the middle of a paint. Collecting a cycle that holds Qt objects
there deletes them at that moment, which can crash Qt (a test run died in QPainter::restore
while a pace chart painted, after an earlier test's panels had become garbage). As
pyqtgraph's GarbageCollector does, automatic collection is switched off while a window or an
export runs, and the GUI thread collects at moments of its choosing: between two frames.
"""

from __future__ import annotations

import gc
from types import TracebackType


def collect_due() -> int:
    """Collect the generations whose counts passed their thresholds, youngest first, as
    automatic collection would have; returns how many objects were unreachable."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    found = 0
    for generation in range(3):
        if thresholds[generation] <= 0 or counts[generation] <= thresholds[generation]:
            break
        found += gc.collect(generation)
    return found


class CollectBetweenFrames:
    """Within `with`, no automatic collection; `frame_done()` (on the GUI thread, between
    frames) collects what is due. Leaving restores automatic collection if it was on."""

    def __init__(self) -> None:
        self._was_enabled = False

    def __enter__(self) -> CollectBetweenFrames:
        self._was_enabled = gc.isenabled()
        gc.disable()
        return self

    def frame_done(self) -> None:
        """A frame is drawn and handed on: collect what is due."""
        collect_due()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._was_enabled:
            gc.enable()
