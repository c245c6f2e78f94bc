"""The playback clock: race time (s) from wall time, never from counting frames.

While playing, race time = anchor time + elapsed wall time x speed. Every change of speed,
seek or pause re-anchors, so the mapping stays exact however irregular the frames are.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, Signal

SPEEDS: tuple[float, ...] = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
"""Playback speeds offered (multiples of real time)."""


class PlaybackClock(QObject):
    """Owns the race time (s), clamped to [0, duration_s]; plays, pauses, seeks and loops.

    ``now_ms`` returns a monotonic wall time in milliseconds; it defaults to a QElapsedTimer
    and tests inject a fake one. Call :meth:`tick` once per frame: it returns the current
    race time and emits ``time_changed`` when it moved.
    """

    time_changed = Signal(float)
    """Race time (s) changed (seek, step or playback)."""
    state_changed = Signal(bool)
    """Playing (True) or paused (False)."""
    speed_changed = Signal(float)
    loop_changed = Signal(bool)
    finished = Signal()
    """Playback reached the end and stopped (not looping)."""

    def __init__(
        self,
        duration_s: float,
        parent: QObject | None = None,
        now_ms: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(parent)
        if now_ms is None:
            timer = QElapsedTimer()
            timer.start()
            now_ms = lambda: timer.nsecsElapsed() / 1e6  # noqa: E731
        self._now_ms = now_ms
        self._duration = max(float(duration_s), 0.0)
        self._speed = 1.0
        self._playing = False
        self._loop = False
        self._anchor_t = 0.0
        self._anchor_wall = self._now_ms()
        self._last_emitted: float | None = None

    # --- state -------------------------------------------------------------------------
    @property
    def duration_s(self) -> float:
        """End of the replay (s)."""
        return self._duration

    def set_duration(self, duration_s: float) -> None:
        """New replay length (s); the time is clamped into it."""
        self._duration = max(float(duration_s), 0.0)
        self.seek(min(self.time(), self._duration))

    @property
    def speed(self) -> float:
        """Playback speed (x real time)."""
        return self._speed

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def loop(self) -> bool:
        return self._loop

    def time(self) -> float:
        """Current race time (s) without side effects (may pass the end while playing)."""
        if not self._playing:
            return self._anchor_t
        elapsed_s = (self._now_ms() - self._anchor_wall) / 1000.0
        return self._anchor_t + elapsed_s * self._speed

    # --- per frame ----------------------------------------------------------------------
    def tick(self) -> float:
        """Current race time (s), handling the end (stop or loop); emits time_changed."""
        t = self.time()
        if self._playing and t >= self._duration:
            if self._loop and self._duration > 0:
                t = math.fmod(t, self._duration)
                self._reanchor(t)
            else:
                t = self._duration
                self._reanchor(t)
                self._playing = False
                self.state_changed.emit(False)
                self.finished.emit()
        t = min(max(t, 0.0), self._duration)
        self._emit(t)
        return t

    # --- commands -----------------------------------------------------------------------
    def play(self) -> None:
        """Start playing (from the start again if at the end)."""
        if self._playing:
            return
        if self._anchor_t >= self._duration:
            self._anchor_t = 0.0
            self._emit(0.0)
        self._anchor_wall = self._now_ms()
        self._playing = True
        self.state_changed.emit(True)

    def pause(self) -> None:
        """Stop at the current time."""
        if not self._playing:
            return
        self._reanchor(min(max(self.time(), 0.0), self._duration))
        self._playing = False
        self.state_changed.emit(False)
        self._emit(self._anchor_t)

    def toggle(self) -> None:
        """Play if paused, pause if playing."""
        self.pause() if self._playing else self.play()

    def seek(self, t: float) -> None:
        """Jump to race time t (s), clamped to the replay; keeps playing if it was."""
        t = min(max(float(t), 0.0), self._duration)
        self._reanchor(t)
        self._emit(t)

    def step(self, dt: float) -> None:
        """Pause and move by dt seconds (negative goes back)."""
        self.pause()
        self.seek(self._anchor_t + dt)

    def restart(self) -> None:
        """Back to the start and play."""
        self.seek(0.0)
        self.play()

    def set_speed(self, speed: float) -> None:
        """Playback speed, snapped to the nearest of SPEEDS."""
        snapped = min(SPEEDS, key=lambda s: abs(math.log(s) - math.log(max(speed, 1e-6))))
        if snapped == self._speed:
            return
        self._reanchor(self.time())
        self._speed = snapped
        self.speed_changed.emit(snapped)

    def faster(self) -> None:
        """Next speed up (up to 16x)."""
        i = SPEEDS.index(self._speed)
        self.set_speed(SPEEDS[min(i + 1, len(SPEEDS) - 1)])

    def slower(self) -> None:
        """Next speed down (down to 0.25x)."""
        i = SPEEDS.index(self._speed)
        self.set_speed(SPEEDS[max(i - 1, 0)])

    def set_loop(self, loop: bool) -> None:
        """Loop back to the start at the end instead of stopping."""
        if loop != self._loop:
            self._loop = bool(loop)
            self.loop_changed.emit(self._loop)

    # --- internals ----------------------------------------------------------------------
    def _reanchor(self, t: float) -> None:
        self._anchor_t = t
        self._anchor_wall = self._now_ms()

    def _emit(self, t: float) -> None:
        if t != self._last_emitted:
            self._last_emitted = t
            self.time_changed.emit(t)
