import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from racegui.model.track import Track

TRACK = Track()


def test_lane1_lap_is_400m_within_1mm():
    assert TRACK.lap_length_m(1) == pytest.approx(400.0, abs=1e-3)


def test_lane2_lap_is_407_04m_within_1cm():
    assert TRACK.lap_length_m(2) == pytest.approx(407.04, abs=1e-2)


def test_published_lane_lengths():
    published = [400.000, 407.037, 414.703, 422.368, 430.034, 437.699, 445.365, 453.030]
    for lane, length in enumerate(published, start=1):
        assert TRACK.lap_length_m(lane) == pytest.approx(length, abs=2e-3)


def test_straight_and_bend_lengths():
    assert TRACK.straight_m == pytest.approx(84.39, abs=0.005)
    assert TRACK.bend_m == pytest.approx(115.61, abs=0.005)


def test_finish_line_is_end_of_home_straight():
    x, y, heading = TRACK.xy(0.0)
    assert float(x) == pytest.approx(TRACK.straight_m / 2)
    assert float(y) == pytest.approx(-36.80)
    assert float(heading) == pytest.approx(0.0)


def test_200m_mark_is_start_of_second_bend():
    # 200 m before the finish: the end of the back straight, top left.
    x, y, heading = TRACK.xy(200.0)
    assert float(x) == pytest.approx(-TRACK.straight_m / 2, abs=1e-9)
    assert float(y) == pytest.approx(36.80, abs=1e-9)
    assert float(heading) == pytest.approx(math.pi)


def test_mile_start_is_9_344m_behind_finish():
    assert TRACK.start_position_m(1609.344) == pytest.approx(400 - 9.344)
    x, y, _ = TRACK.race_xy(0.0, 1609.344)
    assert float(x) == pytest.approx(TRACK.straight_m / 2 - 9.344)
    assert float(y) == pytest.approx(-36.80)
    # The finish is reached at the race distance.
    x, y, _ = TRACK.race_xy(1609.344, 1609.344)
    assert float(x) == pytest.approx(TRACK.straight_m / 2, abs=1e-9)


def test_other_starts():
    assert TRACK.start_position_m(1500) == pytest.approx(100.0)  # 100 m behind the 200 m mark
    assert TRACK.start_position_m(800) == pytest.approx(0.0)
    assert TRACK.start_position_m(5000) == pytest.approx(200.0)
    assert TRACK.start_position_m(3000) == pytest.approx(200.0)
    assert TRACK.start_position_m(10000) == pytest.approx(0.0)
    assert TRACK.start_position_m(200) == pytest.approx(200.0)


def test_laps_completed_counts_finish_line_crossings():
    d = np.array([0.0, 9.0, 9.344, 409.0, 409.344, 1609.344])
    assert TRACK.laps_completed(d, 1609.344).tolist() == [0, 0, 1, 1, 2, 5]
    assert TRACK.laps_completed(np.array([0.0, 399.9, 400.0]), 800).tolist() == [0, 0, 1]


def test_xy_accepts_any_shape_and_lateral():
    s = np.linspace(0, 400, 24).reshape(2, 3, 4)
    x, y, h = TRACK.xy(s, 1.0)
    assert x.shape == y.shape == h.shape == (2, 3, 4)


def test_lane_offsets():
    assert TRACK.lane_offset_m(1) == 0.0
    assert TRACK.lane_offset_m(2) == pytest.approx(1.12)
    assert TRACK.lane_offset_m(3) == pytest.approx(2.34)


@given(st.floats(0, 399.999), st.floats(-0.3, 9.0))
def test_points_lie_on_their_lane_path(s, lateral):
    """Every point is `lateral` metres outside lane 1's line of running."""
    x, y, _ = TRACK.xy(s, lateral)
    x, y = float(x), float(y)
    half = TRACK.straight_m / 2
    if abs(x) <= half + 1e-9:
        dist = abs(y)
    else:
        cx = half if x > 0 else -half
        dist = math.hypot(x - cx, y)
    assert dist == pytest.approx(TRACK.radius_m + lateral, abs=1e-6)


def test_path_is_continuous_and_has_unit_speed():
    s = np.linspace(0, 400, 400001)
    x, y, _ = TRACK.xy(s)
    step = np.hypot(np.diff(x), np.diff(y))
    assert step.max() == pytest.approx(0.001, rel=1e-3)
    assert step.sum() == pytest.approx(400.0, abs=1e-3)
