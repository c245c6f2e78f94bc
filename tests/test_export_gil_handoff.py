"""An export draws with a short GIL switch interval, so the MP4 encoder's thread is not kept
waiting for the drawing thread, and leaves the interval as it found it."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from racegui.export.gil_handoff import EXPORT_SWITCH_INTERVAL_S, SwitchInterval
from racegui.export.options import ExportOptions
from racegui.export.pipeline import export

W, H = 64, 48


class IntervalSource:
    """Test double: a grey frame; notes the switch interval in force as each is drawn."""

    size = (W, H)
    duration_s = 2.0

    def __init__(self, fail_at_s: float | None = None) -> None:
        self.intervals: list[float] = []
        self._fail_at_s = fail_at_s

    def frame_at(self, t: float) -> np.ndarray:
        if self._fail_at_s is not None and t >= self._fail_at_s:
            raise RuntimeError("scene broke")
        self.intervals.append(sys.getswitchinterval())
        return np.full((H, W, 3), 90, np.uint8)


@pytest.fixture
def python_default_interval():
    was = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    yield 0.005
    sys.setswitchinterval(was)


def test_frames_are_drawn_with_the_short_interval_and_it_is_put_back(
    tmp_path, python_default_interval
):
    source = IntervalSource()
    export(source, ExportOptions(output=tmp_path / "x.mp4", size=(W, H), fps=10))
    assert source.intervals
    assert source.intervals == pytest.approx([EXPORT_SWITCH_INTERVAL_S] * len(source.intervals))
    assert EXPORT_SWITCH_INTERVAL_S < python_default_interval
    assert sys.getswitchinterval() == pytest.approx(python_default_interval)


def test_a_failed_export_puts_the_interval_back(tmp_path, python_default_interval):
    source = IntervalSource(fail_at_s=1.0)
    with pytest.raises(RuntimeError, match="scene broke"):
        export(source, ExportOptions(output=tmp_path / "x.mp4", size=(W, H), fps=10))
    assert source.intervals  # it drew some frames before it failed
    assert sys.getswitchinterval() == pytest.approx(python_default_interval)


def test_switch_interval_restores_what_it_found():
    was = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.002)
        with SwitchInterval(0.0001):
            assert sys.getswitchinterval() == pytest.approx(0.0001)
        assert sys.getswitchinterval() == pytest.approx(0.002)
    finally:
        sys.setswitchinterval(was)
