"""PlaybackClock maps wall time to race time exactly (fake wall clock, no real timing)."""

from __future__ import annotations

import pytest

from racegui.ui.clock import SPEEDS, PlaybackClock


class FakeWall:
    """A wall clock in ms that only moves when told."""

    def __init__(self) -> None:
        self.ms = 1000.0

    def __call__(self) -> float:
        return self.ms

    def advance(self, seconds: float) -> None:
        self.ms += seconds * 1000.0


@pytest.fixture
def wall() -> FakeWall:
    return FakeWall()


@pytest.mark.parametrize("speed", SPEEDS)
def test_race_time_is_anchor_plus_wall_time_times_speed(qapp, wall, speed):
    clock = PlaybackClock(250.0, now_ms=wall)
    clock.seek(10.0)
    clock.set_speed(speed)
    clock.play()
    wall.advance(2.0)
    assert clock.tick() == pytest.approx(10.0 + 2.0 * speed)
    wall.advance(0.5)
    assert clock.tick() == pytest.approx(10.0 + 2.5 * speed)


def test_speed_change_keeps_time_continuous(qapp, wall):
    clock = PlaybackClock(250.0, now_ms=wall)
    clock.play()
    wall.advance(3.0)
    clock.set_speed(4.0)
    assert clock.time() == pytest.approx(3.0)
    wall.advance(1.0)
    assert clock.tick() == pytest.approx(7.0)


def test_pause_freezes_and_seek_clamps(qapp, wall):
    clock = PlaybackClock(100.0, now_ms=wall)
    seen: list[float] = []
    clock.time_changed.connect(seen.append)
    clock.play()
    wall.advance(5.0)
    clock.pause()
    wall.advance(50.0)
    assert clock.tick() == pytest.approx(5.0)
    clock.seek(-3.0)
    assert clock.time() == 0.0
    clock.seek(1e9)
    assert clock.time() == 100.0
    assert seen[-1] == 100.0


def test_end_stops_or_loops(qapp, wall):
    clock = PlaybackClock(10.0, now_ms=wall)
    finished: list[bool] = []
    clock.finished.connect(lambda: finished.append(True))
    clock.seek(8.0)
    clock.play()
    wall.advance(5.0)
    assert clock.tick() == 10.0
    assert not clock.playing and finished == [True]
    clock.set_loop(True)
    clock.play()  # at the end: starts again from 0
    assert clock.time() == 0.0
    wall.advance(12.5)
    assert clock.tick() == pytest.approx(2.5)
    assert clock.playing


def test_step_pauses_and_speeds_step_through_the_list(qapp, wall):
    clock = PlaybackClock(100.0, now_ms=wall)
    clock.play()
    clock.step(0.1)
    assert not clock.playing and clock.time() == pytest.approx(0.1)
    clock.set_speed(16.0)
    clock.faster()
    assert clock.speed == 16.0
    clock.slower()
    assert clock.speed == 8.0
    clock.set_speed(0.3)
    assert clock.speed == 0.25


def test_restart_plays_from_zero(qapp, wall):
    clock = PlaybackClock(100.0, now_ms=wall)
    clock.seek(50.0)
    clock.restart()
    assert clock.playing and clock.time() == 0.0
