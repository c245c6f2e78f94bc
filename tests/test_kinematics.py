import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from racegui.model.analysis import pace_profile
from racegui.model.race import Athlete, Dropout, Formation, Race, Split, Target
from racegui.model.replay import RaceModelError, compile_race
from tests.helpers_race import MILE

SPLITS = (Split(400, 60.20), Split(800, 120.75), Split(1200, 181.84), Split(MILE, 246.42))


def _race(**kw):
    runner = Athlete("r", "Runner", "runner", splits=SPLITS)
    pacer = Athlete(
        "p",
        "Pacer",
        "pacer",
        formation=Formation("r", 1.5, 2.0),
        dropout=Dropout(780.0, exit_lane=3.5),
    )
    return Race("t", MILE, (runner, pacer), target=Target(time_s=240.0), **kw)


def test_published_splits_are_hit_exactly():
    replay = compile_race(_race())
    times = np.array([s.time_s for s in SPLITS])
    d, _ = replay.athlete_at(0, times)
    np.testing.assert_allclose(d, [s.distance_m for s in SPLITS], atol=1e-9)
    back = replay.time_at_distance(0, np.array([s.distance_m for s in SPLITS]))
    np.testing.assert_allclose(back, times, atol=1e-6)


def test_the_finish_is_reached_even_when_a_long_piece_ends_an_ulp_short():
    # 100 km in one split: the cubic evaluated at the finish time gives 99999.99999999999 m,
    # and the finish used to be "never reached" (NaN), which broke the pace panel.
    runner = Athlete("r", "Runner", "runner", splits=(Split(100_000.0, 199_980.0),))
    pacer = Athlete(
        "p", "Pacer", "pacer", formation=Formation("r", 1.5, 1.0), dropout=Dropout(99_000.0)
    )
    replay = compile_race(Race("ultra", 100_000.0, (runner, pacer)))
    end = float(replay.active_end_s[0])
    assert float(replay.time_at_distance(0, 100_000.0)) == pytest.approx(end, abs=1e-6)
    assert replay.motion.inverse_scalar(0, 100_000.0) == pytest.approx(end, abs=1e-6)
    assert np.isnan(replay.time_at_distance(0, 100_000.01))
    profile = pace_profile(replay)
    assert np.isfinite(profile.segment_pace_s400).all()


def test_an_even_pace_pacer_drops_out_where_the_file_says():
    # It used to run the whole race and be "dropped out at 1609 m".
    runner = Athlete("r", "Runner", "runner", splits=SPLITS)
    pacer = Athlete("p", "Pacer", "pacer", even_pace_time_s=240.0, dropout=Dropout(800.0))
    replay = compile_race(Race("t", MILE, (runner, pacer)))
    assert replay.dropout_distance_m[1] == pytest.approx(800.0)
    assert replay.dropout_time_s[1] == pytest.approx(800.0 / MILE * 240.0, abs=1e-6)
    assert np.isnan(replay.finish_time_s[1])
    d_before, _ = replay.athlete_at(1, np.array([119.0]))
    assert d_before[0] == pytest.approx(119.0 / 240.0 * MILE)  # still on its even pace


def _followers_of_a_pacer_who_drops_at_800(follower_dropout_m: float | None) -> Race:
    runner = Athlete("r", "Runner", "runner", splits=SPLITS)
    p = Athlete("p", "Pacer", "pacer", even_pace_time_s=240.0, dropout=Dropout(800.0))
    out = None if follower_dropout_m is None else Dropout(follower_dropout_m)
    q = Athlete("q", "Follower", "pacer", formation=Formation("p", -1.0, 2.0), dropout=out)
    return Race("t", MILE, (runner, p, q))


def test_a_follower_leaves_with_its_leader_instead_of_standing_in_its_lane():
    replay = compile_race(_followers_of_a_pacer_who_drops_at_800(None))
    assert replay.dropout_time_s[2] == pytest.approx(replay.dropout_time_s[1])
    assert replay.dropout_distance_m[2] == pytest.approx(799.0)
    assert not replay.state_at(230.0).running[2]


def test_a_follower_dropping_out_after_its_leader_has_gone_is_refused():
    # It was listed as dropping out at 799 m, where its leader left, not at 1200 m.
    with pytest.raises(RaceModelError) as info:
        compile_race(_followers_of_a_pacer_who_drops_at_800(1200.0))
    assert (info.value.athlete, info.value.field) == (2, "dropout")
    assert "after its formation slot ends (799.00 m, where p drops out)" in str(info.value)
    assert compile_race(_followers_of_a_pacer_who_drops_at_800(700.0)).dropout_distance_m[
        2
    ] == pytest.approx(700.0)


def test_state_at_all_athletes_matches_one_athlete_at_many_times():
    replay = compile_race(_race())
    times = np.linspace(0, replay.duration_s, 97)
    for i in range(replay.n):
        d_many, v_many = replay.athlete_at(i, times)
        for k, t in enumerate(times):
            s = replay.state_at(float(t))
            assert s.distance_m[i] == pytest.approx(d_many[k], abs=1e-9)
            assert s.speed_mps[i] == pytest.approx(v_many[k], abs=1e-9)


def test_distance_monotone_speed_continuous_and_non_negative():
    replay = compile_race(_race())
    t = np.arange(0, replay.duration_s + 1, 0.001)
    for i in range(replay.n):
        d, v = replay.athlete_at(i, t)
        assert np.all(np.diff(d) >= -1e-9)
        assert np.all(v >= -1e-12)
        if replay.roles[i] != "ghost":  # a ghost is a light: it stops at the line
            # Continuous speed: no jump bigger than a millisecond of the hardest deceleration.
            assert np.max(np.abs(np.diff(v))) < 0.01


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(55.0, 75.0), min_size=1, max_size=8))
def test_any_monotone_splits_are_hit_and_never_go_backwards(lap_times):
    distances = np.arange(1, len(lap_times) + 1) * 400.0
    times = np.cumsum(lap_times)
    splits = tuple(Split(float(d), float(t)) for d, t in zip(distances, times, strict=True))
    race = Race("h", float(distances[-1]), (Athlete("r", "R", "runner", splits=splits),))
    replay = compile_race(race)
    d, v = replay.athlete_at(0, times)
    np.testing.assert_allclose(d, distances, atol=1e-9)
    grid = np.linspace(0, times[-1], 2001)
    dg, vg = replay.athlete_at(0, grid)
    assert np.all(np.diff(dg) >= -1e-9)
    assert np.all(vg >= 0)


def test_formation_pacer_holds_its_slot_until_dropout():
    replay = compile_race(_race())
    lane2 = replay.track.lane_offset_m(2.0)
    t_drop = replay.dropout_time_s[1]
    for t in np.linspace(0, t_drop - 0.01, 50):
        s = replay.state_at(float(t))
        assert s.distance_m[1] - s.distance_m[0] == pytest.approx(1.5, abs=1e-9)
        assert s.lateral_m[1] == pytest.approx(lane2)
        assert s.running[1]
    assert replay.dropout_distance_m[1] == pytest.approx(780.0, abs=1e-6)


def test_dropped_pacer_eases_out_slows_and_never_teleports():
    replay = compile_race(_race())
    t_drop = float(replay.dropout_time_s[1])
    after = replay.state_at(t_drop + 30)
    assert not after.running[1]
    assert after.lateral_m[1] == pytest.approx(replay.track.lane_offset_m(3.5))
    assert after.speed_mps[1] == 0.0
    assert after.distance_m[0] - after.distance_m[1] > 100  # the runner has gone on
    t = np.arange(t_drop - 1, t_drop + 15, 1 / 60)
    xs = np.array(
        [[replay.state_at(float(tt)).x_m[1], replay.state_at(float(tt)).y_m[1]] for tt in t]
    )
    step = np.hypot(*np.diff(xs, axis=0).T)
    assert step.max() < 7.0 / 60 * 1.05  # never faster than the runner's own pace
    lat = np.array([replay.state_at(float(tt)).lateral_m[1] for tt in t])
    assert np.all(np.diff(lat) >= -1e-12)


def test_gap_to_target_sign_and_units():
    replay = compile_race(_race())
    s = replay.state_at(181.84)  # runner at 1200 m, target passed 1200 m at 178.95 s
    assert s.gap_to_target_s == pytest.approx(181.84 - 1200 / MILE * 240.0, abs=1e-6)
    assert s.gap_to_target_m == pytest.approx(181.84 * MILE / 240.0 - 1200.0, abs=1e-6)
    assert s.gap_to_target_s > 0  # positive = behind
    end = replay.state_at(300.0)
    assert end.gap_to_target_s == pytest.approx(6.42, abs=1e-6)
    # Metres behind when the light finished at 240 s.
    assert end.gap_to_target_m == pytest.approx(MILE - replay.athlete_at(0, 240.0)[0], abs=1e-9)
    assert 35 < end.gap_to_target_m < 45


def test_gap_in_metres_holds_once_the_target_waits_at_the_line():
    """After the target finishes (240 s) it stands at the line: the metres stay what she was
    behind as it crossed (no shrinking to 0 while she loses time), and the final margin
    follows without a jump."""
    replay = compile_race(_race())
    at_line = MILE - replay.athlete_at(0, 240.0)[0]
    before = replay.state_at(239.9).gap_to_target_m
    assert before == pytest.approx(at_line, abs=0.1)  # continuous at 240 s
    for t in (240.0, 243.0, 246.0, 246.42, 250.0):
        assert replay.state_at(t).gap_to_target_m == pytest.approx(at_line, abs=1e-9)
    seconds = [replay.state_at(t).gap_to_target_s for t in (241.0, 243.0, 246.0)]
    assert seconds == sorted(seconds)  # the time gap still grows


def test_runner_at_3_01_84_is_9_34m_before_the_finish_line():
    replay = compile_race(_race())
    s = replay.state_at(181.84)
    assert s.distance_m[0] == pytest.approx(1200.0, abs=1e-9)
    assert s.x_m[0] == pytest.approx(replay.track.straight_m / 2 - 9.344, abs=1e-6)
    assert s.y_m[0] == pytest.approx(-36.8, abs=1e-9)
    assert s.lap[0] == 3


def _time_at(replay, i: int, metres: float) -> float:
    """When runner i reached `metres` (s), by bisection on her modelled distance."""
    lo, hi = 0.0, float(replay.finish_time_s[i])
    for _ in range(80):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if replay.athlete_at(i, mid)[0] < metres else (lo, mid)
    return (lo + hi) / 2


def test_projected_finish_holds_her_pace_over_the_last_200_m():
    """Her pace over the last 200 m, held to the line; none before she has run 200 m (her
    speed at the instant had projected a 4:0x mile from 0.01 s)."""
    replay = compile_race(_race())
    d, _ = replay.athlete_at(0, 100.0)
    back = _time_at(replay, 0, d - 200.0)
    assert replay.projected_finish_s(100.0) == pytest.approx(100 + (MILE - d) * (100 - back) / 200)
    assert replay.projected_finish_s(400.0) == pytest.approx(246.42)
    assert replay.projected_finish_s(0.0) is None  # before the gun: no speed to hold
    assert replay.projected_finish_s(-1.0) is None
    assert replay.projected_finish_s(0.01) is None  # no pace yet
    reached_200 = _time_at(replay, 0, 200.0)
    assert replay.projected_finish_s(reached_200 - 0.05) is None
    assert replay.projected_finish_s(reached_200 + 0.05) is not None


def test_positions_at_equals_state_at():
    replay = compile_race(_race())
    for t in (0.0, 33.3, 150.0, 260.0):
        x, y = replay.positions_at(t)
        s = replay.state_at(t)
        np.testing.assert_array_equal(x, s.x_m)
        np.testing.assert_array_equal(y, s.y_m)


def test_formation_loop_is_refused():
    from racegui.model.replay import RaceModelError

    a = Athlete("a", "A", "pacer", formation=Formation("b", 1, 1))
    b = Athlete("b", "B", "pacer", formation=Formation("a", 1, 1))
    r = Athlete("r", "R", "runner", splits=SPLITS)
    with pytest.raises(RaceModelError, match="loop"):
        compile_race(Race("x", MILE, (r, a, b)))


def test_gap_in_metres_of_a_runner_who_does_not_finish_stays_a_number():
    """A runner without a finish split (her last split 1200 m): once the target has finished
    the metres are what she was behind as it crossed, not NaN from her missing finish."""
    runner = Athlete(
        "r",
        "R",
        "runner",
        splits=(Split(400, 60.2), Split(800, 120.75), Split(1200, 181.84)),
    )
    replay = compile_race(Race("t", MILE, (runner,), target=Target(time_s=150.0)))
    at_line = MILE - replay.athlete_at(0, 150.0)[0]
    assert replay.state_at(149.99).gap_to_target_m == pytest.approx(at_line, abs=0.1)
    for t in (150.0, 151.0, 170.0):
        assert replay.state_at(t).gap_to_target_m == pytest.approx(at_line, abs=1e-9)


def test_the_gap_in_metres_says_when_it_was_measured():
    replay = compile_race(_race())  # the target finishes at 240 s, the runner at 246.42 s
    assert replay.gap_metres_measured_at(239.9) is None
    assert replay.gap_metres_measured_at(243.0) == pytest.approx(240.0)
    assert replay.gap_metres_measured_at(300.0) == pytest.approx(240.0)
