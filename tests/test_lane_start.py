"""An 800 m starts in lanes (model.lane_start): one runner a lane, staggered as World
Athletics marks a track, the first bend in her lane, across to lane 1 from the break line by
the end of the back straight. A coach's club 800 of six had stood its runners 0.8 m apart
across lane 1's start and queued them in single file. Only where each is drawn changes:
distances, splits and the standings are her own."""

from __future__ import annotations

import math

import numpy as np
import pytest

from racegui.io.race_file import RaceFileError, race_from_data, race_to_data
from racegui.model.lane_start import stagger_m
from racegui.model.race import Athlete, Race, Split
from racegui.model.replay import Replay, compile_race
from racegui.model.track import STANDARD_TRACK
from tests.helpers_race import minimal_data

STAGGER_200_M = (3.519, 7.351, 11.184, 15.017, 18.850, 22.682, 26.515)
"""The 200 m's (one bend's) staggers of lanes 2 to 8 on a standard track (m)."""


def eight_in_lanes(lanes: list[int | None] | None = None, spread_s: float = 3.0) -> Replay:
    """An 800 m of eight runners, runner k in 1:50 + k * spread_s at even pace: far enough
    apart not to be in each other's way; ``lanes``: the lane each is given, None for none."""
    lanes = lanes or [None] * 8
    athletes = tuple(
        Athlete(
            f"r{k}", f"Runner {k}", "runner", splits=(Split(800, 110.0 + spread_s * k),), lane=n
        )
        for k, n in enumerate(lanes)
    )
    return compile_race(Race("800", 800.0, athletes))


def drawn_lane(replay: Replay, i: int, t: float) -> float:
    """The lane runner i is drawn in at time t (s): 1 + her lateral offset in lane widths."""
    lateral = float(replay.state_at(t).lateral_m[i])
    return 1.0 + (lateral + 0.10 * (lateral > 0)) / STANDARD_TRACK.lane_width_m


def test_the_stagger_is_one_bend_in_her_lane_and_the_break_line_correction():
    """World Athletics' 800 m stagger: the 200 m stagger (one bend) plus the correction for
    running from the break line (an arc) to lane 1 in a straight line: 0.42 m in lane 8."""
    for lane, bend in zip(range(2, 9), STAGGER_200_M, strict=True):
        o = 1.22 * (lane - 1) - 0.10
        assert math.pi * o == pytest.approx(bend, abs=5e-4)
        correction = stagger_m(STANDARD_TRACK, lane) - bend
        assert 0.0 < correction <= 0.4235
    assert stagger_m(STANDARD_TRACK, 2) == pytest.approx(3.526, abs=5e-4)
    assert stagger_m(STANDARD_TRACK, 8) == pytest.approx(26.938, abs=5e-4)
    assert stagger_m(STANDARD_TRACK, 1) == 0.0


def test_runners_start_in_their_lanes_staggered():
    replay = eight_in_lanes()
    start = replay.state_at(0.0)
    assert np.all(start.distance_m[:8] == 0.0)  # each at her own start by race distance
    for k in range(8):
        assert drawn_lane(replay, k, 0.0) == pytest.approx(k + 1)  # lanes by file order
        # Her stagger, measured along her own lane's line of running, from lane 1's start.
        lateral = float(start.lateral_m[k])
        along_lane = float(start.drawn_m[k]) * (STANDARD_TRACK.radius_m + lateral)
        assert along_lane / STANDARD_TRACK.radius_m == pytest.approx(
            stagger_m(STANDARD_TRACK, k + 1), abs=1e-6
        )


def test_each_runs_exactly_800_m_drawn_to_the_finish_line():
    replay = eight_in_lanes()
    for k in range(8):
        finish = float(replay.finish_time_s[k])
        times = np.linspace(0.0, finish, 200_001)
        x, y = replay.positions_over(times, np.array([k]))
        run = float(np.sum(np.hypot(np.diff(x[0]), np.diff(y[0]))))
        assert run == pytest.approx(800.0, abs=0.02), k
        at_line = replay.state_at(finish)
        assert at_line.drawn_m[k] == pytest.approx(800.0, abs=0.02)
        assert at_line.lateral_m[k] == pytest.approx(0.0, abs=1e-9)


def test_she_runs_the_bend_in_her_lane_and_cuts_in_along_the_back_straight():
    replay = eight_in_lanes()
    k = 4  # lane 5, the others out of her way
    times = np.arange(0.0, 40.0, 0.05)
    states = [replay.state_at(float(t)) for t in times]
    run = np.array([s.distance_m[k] for s in states])
    lateral = np.array([s.lateral_m[k] for s in states])
    lane_m = float(STANDARD_TRACK.lane_offset_m(5))
    bend = STANDARD_TRACK.bend_m
    assert np.all(lateral[run < bend] == pytest.approx(lane_m))  # in lane 5 round the bend
    crossing = (run > bend) & (run < 200.0)
    assert np.all(np.diff(lateral[crossing]) < 0)  # gradually in, never back out
    assert np.all(lateral[run >= 200.0] == pytest.approx(0.0, abs=1e-9))  # lane 1 by 200 m


def test_a_lane_from_the_file_is_kept_and_the_others_fill_the_lanes_left():
    replay = eight_in_lanes([None, 1, None, 8, None, None, None, None])
    lanes = [round(drawn_lane(replay, k, 0.0)) for k in range(8)]
    assert lanes == [2, 1, 3, 8, 4, 5, 6, 7]


def test_distances_splits_and_places_stay_each_runner_s_own():
    replay = eight_in_lanes()
    for k in range(8):
        finish = 110.0 + 3.0 * k
        assert replay.state_at(finish).distance_m[k] == pytest.approx(800.0, abs=1e-6)
        assert replay.state_at(finish / 4).distance_m[k] == pytest.approx(200.0, abs=1e-6)
    early = replay.state_at(5.0)
    assert np.all(np.diff(early.distance_m[:8]) < 0)  # by race distance, file order
    assert not np.all(np.diff(early.drawn_m[:8]) < 0)  # drawn, the staggers lead


def test_the_coach_s_club_800_starts_in_lanes_not_in_single_file():
    data = minimal_data(distance_m=800, target=None)
    paces = (111.4, 111.9, 113.2, 113.9, 115.3, 118.0)
    data["athletes"] = [
        {
            "id": f"r{k}",
            "name": f"Runner {k}",
            "role": "runner",
            "splits": [{"distance_m": 800, "time": t}],
        }
        for k, t in enumerate(paces)
    ]
    replay = compile_race(race_from_data(data))
    assert [round(drawn_lane(replay, k, 0.0), 6) for k in range(6)] == [1, 2, 3, 4, 5, 6]
    start = replay.state_at(0.0)
    assert np.all(np.diff(start.drawn_m[:6]) > 2.9)  # staggered, each ahead of the last


def test_other_distances_keep_their_start_on_one_line():
    for distance in (1500.0, 1609.344, 3000.0, 5000.0):
        athletes = tuple(
            Athlete(f"r{k}", f"R{k}", "runner", splits=(Split(distance, distance / 6.0 + k),))
            for k in range(6)
        )
        start = compile_race(Race("r", distance, athletes)).state_at(0.0)
        assert np.all(start.drawn_m[:6] == 0.0), distance


def test_an_800_with_more_runners_than_lanes_starts_on_one_line():
    athletes = tuple(
        Athlete(f"r{k}", f"R{k}", "runner", splits=(Split(800, 110.0 + k),)) for k in range(9)
    )
    start = compile_race(Race("800 of 9", 800.0, athletes)).state_at(0.0)
    assert np.all(start.drawn_m[:9] <= 0.0)  # none ahead of the line


def club_800(**lanes: int) -> dict:
    """The coach's club 800's shape, with lanes given by runner index ("r2": 5)."""
    data = minimal_data(distance_m=800, target=None)
    data["athletes"] = [
        {
            "id": f"r{k}",
            "name": f"Runner {k}",
            "role": "runner",
            "splits": [{"distance_m": 800, "time": 112.0 + k}],
        }
        for k in range(4)
    ]
    for rid, lane in lanes.items():
        data["athletes"][int(rid[1:])]["lane"] = lane
    return data


def test_a_lane_is_read_and_written():
    race = race_from_data(club_800(r0=3, r2=1))
    assert [a.lane for a in race.athletes] == [3, None, 1, None]
    again = race_from_data(race_to_data(race))
    assert [a.lane for a in again.athletes] == [3, None, 1, None]


@pytest.mark.parametrize(
    ("data", "where", "says"),
    [
        (club_800(r1=9), "$.athletes[1].lane", "9 is not a lane: give a whole number from 1 to 8"),
        (club_800(r1=2.5), "$.athletes[1].lane", "2.5 is not a lane"),
        (club_800(r0=2, r3=2), "$.athletes[3].lane", "lane 2 is also athletes[0]'s"),
        (
            {**club_800(r0=4), "distance_m": 1500},
            "$.athletes[0].lane",
            "only an 800 m starts in lanes (this race is 1500 m)",
        ),
    ],
)
def test_a_bad_lane_is_one_clear_line(data, where, says):
    with pytest.raises(RaceFileError) as caught:
        race_from_data(data)
    problems = [p for p in caught.value.problems if p.where == where]
    assert len(problems) == 1 and says in problems[0].message, caught.value.problems


def test_a_lane_as_text_is_refused():
    data = club_800()
    data["athletes"][0]["lane"] = "3"
    with pytest.raises(RaceFileError) as caught:
        race_from_data(data)
    assert any(
        p.where == "$.athletes[0].lane" and "not text" in p.message for p in caught.value.problems
    )
