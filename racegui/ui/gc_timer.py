"""The window's garbage collection: on the GUI thread, once a second, between frames (see
racegui.gc_control for why)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from racegui.gc_control import collect_due

COLLECT_EVERY_MS = 1000
"""How often the GUI thread collects what is due (ms), as pyqtgraph's GarbageCollector."""


class GuiThreadCollection(QObject):
    """While it runs, no automatic collection; a timer on the GUI thread collects instead.
    stop() gives automatic collection back (if it was on)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(COLLECT_EVERY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        collect_due()

    def stop(self) -> None:
        """Stop collecting on the timer; automatic collection as it was before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
