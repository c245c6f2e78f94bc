"""The field's running order (model.standings): places, gaps to the leader, laps down,
finishers, a dead heat and a runner who did not finish, with exact figures."""

from __future__ import annotations

import math

import pytest

from racegui.model.standings import Standings, places
from tests.helpers_race import field_race

ADA, BEA, CAT, DOT, EVE = range(5)


@pytest.fixture(scope="module")
def race():
    replay = field_race()
    return replay, Standings.build(replay)


def at(race, t):
    replay, standings = race
    return standings.at(t, replay.state_at(t).distance_m)


def test_runners_are_ordered_by_distance_with_the_time_behind_the_leader(race):
    s = at(race, 300.0)  # Ada at 1500 m, 5 m/s: she passed x m at x / 5 s
    assert s.rows == (ADA, EVE, BEA, CAT, DOT)
    assert s.places == (1, 2, 3, 4, 5)
    assert s.leader_m == pytest.approx(1500.0)
    assert math.isnan(s.gap_s[0])  # the leader has no gap
    # Bea at 3000 * 300 / 630 m, Cat at 2000 * 300 / 440 m, Dot at 1200 m.
    assert s.gap_s[2] == pytest.approx(300.0 - 3000 * 300 / 630 / 5, abs=1e-6)  # 14.2857
    assert s.gap_s[3] == pytest.approx(300.0 - 2000 * 300 / 440 / 5, abs=1e-6)  # 27.2727
    assert s.gap_s[4] == pytest.approx(60.0, abs=1e-6)
    assert s.laps_down == (0, 0, 0, 0, 0)


def test_a_runner_who_stopped_goes_to_the_bottom_unplaced(race):
    before = at(race, 439.0)
    assert before.rows[-1] == DOT and CAT in before.rows[:4]  # placed while she runs
    s = at(race, 500.0)
    assert s.rows == (ADA, EVE, BEA, DOT, CAT)
    assert s.places == (1, 2, 3, 4, 0)
    assert math.isnan(s.gap_s[4])


def test_a_runner_a_lap_down_is_counted_in_laps(race):
    assert at(race, 399.0).laps_down[3] == 0  # Ada 1995 m, Dot 1596 m: 399 m ahead
    s = at(race, 500.0)  # Ada 2500 m, Dot 2000 m
    assert s.rows[3] == DOT
    assert s.laps_down[3] == 1
    assert s.gap_s[3] == pytest.approx(100.0, abs=1e-6)  # Ada passed 2000 m at 400 s


def test_finishers_by_time_and_a_dead_heat_shares_its_place(race):
    s = at(race, 640.0)
    assert s.rows == (ADA, BEA, EVE, DOT, CAT)
    assert s.places == (1, 2, 2, 4, 0)
    assert s.finished == (True, True, True, False, False)
    # After the leader's finish, Dot (2560 m) is still timed against where Ada passed.
    assert s.gap_s[3] == pytest.approx(640.0 - 2560.0 / 5, abs=1e-6)
    assert s.laps_down[3] == 1  # 440 m to run: a lap down on the finished leader


def test_after_the_winners_finish_a_lapped_runner_stays_laps_down_on_her(race):
    # Ada won at 600 s with Dot at 2400 m: 600 m short, a lap down. Dot's count had fallen
    # to 0 once she had less than a lap left (2800 m at 700 s), and her figure had jumped
    # from "+1 lap" to a time, though nobody had lapped her less.
    for t in (600.0, 640.0, 700.0, 749.0):
        s = at(race, t)
        assert s.rows[3] == DOT and not s.finished[3]
        assert s.laps_down[3] == 1, t
    assert at(race, 700.0).laps_down[:3] == (0, 0, 0)


def test_places_for_the_state_command(race):
    replay, _ = race
    assert places(replay, 300.0, replay.state_at(300.0).distance_m) == {
        ADA: 1,
        EVE: 2,
        BEA: 3,
        CAT: 4,
        DOT: 5,
    }
    after = places(replay, 640.0, replay.state_at(640.0).distance_m)
    assert after == {ADA: 1, BEA: 2, EVE: 2, DOT: 4}  # Cat stopped: no place
