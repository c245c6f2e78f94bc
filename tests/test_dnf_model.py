"""A runner who does not finish (DNF) in the model: she stops at her last split and steps
out as a pacer does at its dropout, has no finish, is named in the events and is not a
pacer; a replay follows the winner unless asked for her (coach's
review: a club 3000's Ava Reid, who stopped at 2000 m; following her:
test_dnf_follow_model)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from racegui.io.race_file import race_from_data
from racegui.model import analysis
from racegui.model.follow import following_named, runner_named
from racegui.model.replay import DROPOUT_EASE_S, FollowError, compile_race
from racegui.model.track import STANDARD_TRACK
from tests.helpers_race import club_dnf_data

AVA_STOPS_S = 390.4


@pytest.fixture(scope="module")
def replay():
    return compile_race(race_from_data(club_dnf_data()))


def test_she_has_no_finish_and_stops_at_her_last_split(replay):
    ava = replay.index("ava-reid")
    assert math.isnan(replay.finish_time_s[ava])
    assert replay.active_end_s[ava] == pytest.approx(AVA_STOPS_S)
    assert replay.dropout_time_s[ava] == pytest.approx(AVA_STOPS_S)
    assert replay.dropout_distance_m[ava] == pytest.approx(2000.0)
    assert list(replay.dnf) == [False, False, True]
    d, v = replay.athlete_at(ava, np.array([AVA_STOPS_S, 9 * 60.0]))
    assert d[0] == pytest.approx(2000.0)
    assert d[1] == pytest.approx(2000.0) and v[1] == 0.0  # she stands where she stopped
    state = replay.state_at(9 * 60.0)
    assert not state.running[ava]
    exit_m = float(STANDARD_TRACK.lane_offset_m(3.5))
    assert state.lateral_m[ava] == pytest.approx(exit_m)  # eased out like a pacer
    assert replay.state_at(AVA_STOPS_S - 1).running[ava]
    assert replay.state_at(AVA_STOPS_S - 1).lateral_m[ava] == pytest.approx(0.0)
    assert DROPOUT_EASE_S > 0


def test_she_is_not_a_pacer_nor_a_dropout_but_a_dnf(replay):
    assert analysis.pacers_running(replay, 0.0) == 0
    assert analysis.dropouts(replay) == []
    dnf = analysis.did_not_finish(replay)
    assert [(d.athlete, d.distance_m, d.time_s, d.estimated) for d in dnf] == [
        ("ava-reid", 2000.0, AVA_STOPS_S, False)
    ]


def test_the_events_name_her_dnf_and_the_finishers(replay):
    events = [(e.kind, e.label) for e in analysis.events(replay) if e.kind != "lap"]
    assert ("dnf", "Ava Reid does not finish (2000 m)") in events
    assert [k for k, _ in events].count("finish") == 2
    assert ("bell", "Bell lap: 1 lap to go") in events
    dnf = next(e for e in analysis.events(replay) if e.kind == "dnf")
    assert (dnf.time_s, dnf.distance_m, dnf.athlete) == (AVA_STOPS_S, 2000.0, "ava-reid")


def test_the_race_ends_at_the_last_finisher(replay):
    assert replay.race_end_s == pytest.approx(9 * 60 + 31.02)


def test_she_can_be_followed_by_id_row_or_name(replay):
    """She had been refused: "did not finish (she stops at 2000 m): only runners who finish
    can be followed" (coach's review: a coach replays the race of her athlete who dropped
    out)."""
    assert replay.runners == (0, 1)
    assert replay.followable == (0, 1, 2)
    for how in (
        lambda: replay.following("ava-reid"),
        lambda: replay.following(2),
        lambda: following_named(replay, "Ava Reid"),
        lambda: compile_race(replay.race, focus="ava-reid"),
    ):
        followed = how()
        assert followed.ids[followed.focus] == "ava-reid"
        assert followed.focus_dnf and followed.focus_stop_m == pytest.approx(2000.0)
    assert runner_named(replay, "ava reid") == "ava-reid"
    assert not replay.focus_dnf and math.isnan(replay.focus_stop_s)


def test_a_pacer_is_still_refused_and_the_runners_listed_include_her():
    data = club_dnf_data()
    data["athletes"].append(
        {
            "id": "hare",
            "name": "Hare",
            "role": "pacer",
            "formation": {"follows": "mia-cole", "offset_m": 2.0},
        }
    )
    replay = compile_race(race_from_data(data))
    with pytest.raises(FollowError) as info:
        replay.following("hare")
    assert str(info.value) == (
        "'hare' (Hare) is a pacer, not a runner: only runners can be followed (runners: "
        "mia-cole (Mia Cole), zoe-hart (Zoe Hart), ava-reid (Ava Reid))"
    )
    assert info.value.choices == ("mia-cole", "zoe-hart", "ava-reid")


def test_a_dnf_listed_first_is_passed_over_for_the_first_finisher():
    data = club_dnf_data()
    data["athletes"].insert(0, data["athletes"].pop())
    replay = compile_race(race_from_data(data))
    assert replay.ids[replay.focus] == "mia-cole"
    laps = analysis.lap_table(replay)
    assert laps[-1].end_m == 3000.0 and laps[-1].time_s == pytest.approx(554.55)


def test_a_pacer_in_formation_on_a_dnf_runner_leaves_with_her():
    data = club_dnf_data()
    data["athletes"].append(
        {
            "id": "hare",
            "name": "Hare",
            "role": "pacer",
            "formation": {"follows": "ava-reid", "offset_m": 2.0},
        }
    )
    replay = compile_race(race_from_data(data))
    hare = replay.index("hare")
    assert replay.dropout_time_s[hare] == pytest.approx(AVA_STOPS_S)
    assert [d.athlete for d in analysis.dropouts(replay)] == ["hare"]
    assert analysis.pacers_running(replay, 100.0) == 1
    assert analysis.pacers_running(replay, 400.0) == 0
