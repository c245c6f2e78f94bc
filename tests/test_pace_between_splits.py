"""Between two splits the model runs no faster nor slower than the runner's paces around them
warrant (coach's review: a county 5000's Kai Lamb, 82 s laps to 2000 m then a jog to his
stop at 2300 m, was modelled running 1:16.22 and 1:18.71 laps before the jog, 4-6 s faster
than any he ran, to keep his 2000 m split after a slow finish to the piece)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.interpolate import PchipInterpolator

from racegui.io.race_file import read_race
from racegui.model.piecewise import SMOOTHING_SLACK, PieceBatch, monotone_through
from racegui.model.race import Athlete, Race, Split
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path

LAMB = (Split(1000.0, 204.33), Split(2000.0, 410.49), Split(2300.0, 532.16))


def _lamb_replay():
    finisher = Athlete("moor", "Alan Moor", "runner", splits=(Split(5000.0, 861.39),))
    lamb = Athlete("lamb", "Kai Lamb", "runner", splits=LAMB, dnf=True)
    return compile_race(Race("county 5000", 5000.0, (finisher, lamb)), focus="lamb")


def test_steady_laps_before_a_jog_are_modelled_at_his_pace_not_faster():
    replay = _lamb_replay()
    lamb = replay.index("lamb")
    lines = np.array([1000.0, 1400.0, 1800.0])  # laps 3 and 4, inside his 1000-2000 m split
    laps = np.diff(replay.time_at_distance(lamb, lines))
    fastest = 204.33 * 400 / 1000  # 81.73 s a lap over his first 1000 m
    slowest = (410.49 - 204.33) * 400 / 1000  # 82.46 s over his second
    assert np.all(laps >= fastest - 1e-6), laps  # had been 76.22 and 78.71
    assert np.all(laps <= slowest + 1e-6), laps
    np.testing.assert_allclose(
        replay.athlete_at(lamb, np.array([s.time_s for s in LAMB]))[0],
        [s.distance_m for s in LAMB],
        atol=1e-9,
    )


def _speeds(pieces, times):
    batch = PieceBatch.from_rows([pieces])
    return batch.row(0, times)


SEGMENT = st.tuples(
    st.sampled_from([100.0, 200.0, 300.0, 400.0, 600.0, 1000.0]),
    st.floats(min_value=52.0, max_value=240.0),  # pace, seconds per 400 m
)


@settings(max_examples=150, deadline=None)
@given(st.lists(SEGMENT, min_size=3, max_size=8))
def test_speed_between_splits_stays_within_the_paces_either_side(segments):
    lengths = np.array([d for d, _ in segments])
    durations = np.array([d * p / 400.0 for d, p in segments])
    dists = np.concatenate(([0.0], np.cumsum(lengths)))
    times = np.concatenate(([0.0], np.cumsum(durations)))
    pieces = monotone_through(times, dists)
    at_splits, _ = _speeds(pieces, times)
    np.testing.assert_allclose(at_splits, dists, atol=1e-9 * dists[-1])
    means = lengths / durations
    for k in range(1, len(means) - 1):  # pieces with a neighbour either side
        t = np.linspace(times[k], times[k + 1], 801)[1:-1]
        d, v = _speeds(pieces, t)
        assert np.all(np.diff(d) >= 0)
        low, high = means[k - 1 : k + 2].min(), means[k - 1 : k + 2].max()
        allowed = SMOOTHING_SLACK * means[k] * (1 + 1e-9)
        assert v.max() <= high + allowed, (k, v.max(), high)
        assert v.min() >= low - allowed, (k, v.min(), low)


def test_a_sharp_change_of_pace_leaves_no_swing_at_all():
    # Beyond twice the slack the speed steps at the split and stays within the paces
    # either side (here 75 s laps, then a 60 s one, then 90 s: PCHIP swung 5 % past them).
    times = np.array([0.0, 75.0, 150.0, 210.0, 300.0])
    dists = np.array([0.0, 400.0, 800.0, 1200.0, 1600.0])
    pchip = PchipInterpolator(times, dists).derivative()
    t = np.linspace(150.0, 210.0, 801)[1:-1]
    assert pchip(t).max() > 1.05 * 400 / 60  # the smooth curve's surge, for the record
    _, v = _speeds(monotone_through(times, dists), t)
    assert v.max() <= 400 / 60 * (1 + 1e-9)
    assert v.min() >= 400 / 75 * (1 - 1e-9)


def test_guard_a_curve_within_its_slack_is_pchip_unchanged():
    # The demo's Kipyegon runs as PCHIP draws her (a guard: passes before and after).
    race = read_race(demo_race_path())
    runner = race.focus
    times = np.array([0.0] + [s.time_s for s in runner.splits])
    dists = np.array([0.0] + [s.distance_m for s in runner.splits])
    pieces = monotone_through(times, dists)
    np.testing.assert_array_equal(pieces.coeffs, PchipInterpolator(times, dists).c.T)
