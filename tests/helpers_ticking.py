"""Running a call while a 50 ms timer ticks: whether the GUI thread's event loop ran, and a
"Reading NAME…" box showed, while a file was read off it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

T = TypeVar("T")


def ticking(during: Callable[[], T]) -> tuple[T, list[float], bool]:
    """during() run with a 50 ms timer: (its result, each tick's time from the start (s),
    whether a visible "Reading…" box was seen at a tick)."""
    ticks: list[float] = []
    boxes: list[bool] = []
    timer = QTimer()
    timer.setInterval(50)

    def tick() -> None:
        ticks.append(time.perf_counter())
        boxes.append(
            any(
                isinstance(w, QProgressDialog) and w.isVisible() and "Reading" in w.labelText()
                for w in QApplication.topLevelWidgets()
            )
        )

    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    try:
        result = during()
    finally:
        timer.stop()
    return result, [t - start for t in ticks], any(boxes)
