"""Following a runner who did not finish, in the model (coach's review: an athlete who
dropped out of a 3000 m is replayed to where she stopped): her laps and splits end there, the
events count her laps to go until then, the gap to the target is held where she stopped, and
she has no projected finish once stopped. The race still ends at the last finisher's finish.

The club 3000 (tests.helpers_race.club_dnf_data) with an even 9:20.00 target: Ava Reid stops
at 2000 m (6:30.40), mid-lap; the target passed 2000 m at 6:13.33."""

from __future__ import annotations

import math

import numpy as np
import pytest

from racegui.io.race_file import race_from_data
from racegui.model import analysis
from racegui.model.replay import RaceModelError, compile_race
from tests.helpers_race import club_dnf_data

STOP_S = 390.4
TARGET_AT_STOP_S = 2000 * 560 / 3000  # 373.33
TARGET_M_AT_STOP = 3000 * STOP_S / 560  # 2091.43


@pytest.fixture(scope="module")
def ava():
    return compile_race(race_from_data(club_dnf_data(target={"time": "9:20.00"})), "ava-reid")


def _stopping_at_2200():
    """The club 3000 with Ava Reid's last split at 2200 m (6:50.00): on the line."""
    data = club_dnf_data(target={"time": "9:20.00"})
    data["athletes"][2]["splits"][-1] = {"distance_m": 2200, "time": "6:50.00"}
    return compile_race(race_from_data(data), "ava-reid")


def test_her_laps_end_where_she_stopped_the_last_a_part_lap(ava):
    laps = analysis.lap_table(ava)
    assert [lap.end_m for lap in laps] == [200.0, 600.0, 1000.0, 1400.0, 1800.0, 2000.0]
    assert [lap.stopped for lap in laps] == [False] * 5 + [True]
    last = laps[-1]
    assert (last.number, last.start_m, last.time_s) == (5, 1800.0, STOP_S)
    assert last.published  # her last split, as published
    assert last.lap_time_s == pytest.approx(STOP_S - laps[-2].time_s)
    assert last.target_time_s == pytest.approx(373.33)
    for lap in laps:
        assert math.isfinite(lap.time_s) and math.isfinite(lap.lap_time_s)
        assert math.isfinite(lap.delta_s)


def test_stopping_on_the_line_her_last_lap_is_a_whole_one():
    replay = _stopping_at_2200()
    laps = analysis.lap_table(replay)
    assert [lap.end_m for lap in laps][-2:] == [1800.0, 2200.0]
    assert not any(lap.stopped for lap in laps)
    assert laps[-1].time_s == 410.0
    labels = [e.label for e in analysis.events(replay) if e.athlete == "ava-reid"]
    assert labels[-2:] == ["2 laps to go", "Ava Reid does not finish (2200 m)"]


def test_a_finisher_s_laps_are_as_before(ava):
    laps = analysis.lap_table(ava.following("mia-cole"))
    assert laps[-1].end_m == 3000.0 and laps[-1].time_s == pytest.approx(554.55)
    assert not any(lap.stopped for lap in laps)


def test_her_splits_end_at_her_last_split(ava):
    rows = analysis.split_table(ava, every_m=200.0)
    assert [r.distance_m for r in rows] == [200.0 * k for k in range(1, 11)]
    assert rows[-1].time_s == STOP_S and rows[-1].published
    assert rows[-1].delta_s == pytest.approx(STOP_S - 373.33)
    assert all(math.isfinite(r.time_s) for r in rows)
    assert [r.distance_m for r in analysis.given_splits(ava)] == [1000.0, 2000.0]


def test_the_events_count_her_laps_then_say_she_stopped(ava):
    mine = [(e.kind, e.label) for e in analysis.events(ava) if e.athlete == "ava-reid"]
    assert mine == [
        ("lap", "7 laps to go"),
        ("lap", "6 laps to go"),
        ("lap", "5 laps to go"),
        ("lap", "4 laps to go"),
        ("lap", "3 laps to go"),
        ("dnf", "Ava Reid does not finish (2000 m)"),
    ]
    assert all(math.isfinite(e.time_s) for e in analysis.events(ava))


def test_her_gap_is_held_where_she_stopped(ava):
    before = ava.gap_to_target(STOP_S - 30.0)
    assert before[0] < STOP_S - TARGET_AT_STOP_S  # growing until she stopped
    for t in (STOP_S, STOP_S + 1.0, 500.0, ava.race_end_s, ava.duration_s):
        gap_s, gap_m = ava.gap_to_target(t)
        assert gap_s == pytest.approx(STOP_S - TARGET_AT_STOP_S)
        assert gap_m == pytest.approx(TARGET_M_AT_STOP - 2000.0)
        state = ava.state_at(t)
        assert (state.gap_to_target_s, state.gap_to_target_m) == (gap_s, gap_m)
        assert ava.gap_metres_measured_at(t) == pytest.approx(STOP_S)
    assert ava.gap_metres_measured_at(STOP_S - 1.0) is None


def test_she_has_no_projected_finish_once_stopped(ava):
    assert ava.projected_finish_s(STOP_S - 60.0) > ava.race.target_time_s
    for t in (STOP_S, 450.0, ava.race_end_s):
        assert ava.projected_finish_s(t) is None
        d, v = ava.athlete_at(ava.focus, t)
        assert ava.projected_finish_s(t, float(d), float(v)) is None


def test_her_pace_runs_to_where_she_stopped(ava):
    prof = analysis.pace_profile(ava, segment_m=100.0)
    assert prof.segment_end_m[-1] == 2000.0 and len(prof.segment_end_m) == 20
    assert np.all(np.isfinite(prof.segment_pace_s400))
    assert prof.time_s[-1] == pytest.approx(STOP_S, abs=0.1)
    assert prof.distance_m[-1] == pytest.approx(2000.0, abs=0.01)


def test_the_race_still_ends_at_the_last_finisher(ava):
    assert ava.race_end_s == pytest.approx(571.02)
    assert ava.race_end_s == ava.following("mia-cole").race_end_s


def test_a_race_where_no_runner_finishes_is_refused():
    data = club_dnf_data()
    race = race_from_data(data)
    only_dnf = race.__class__(
        title=race.title,
        distance_m=race.distance_m,
        athletes=tuple(a for a in race.athletes if a.dnf),
    )
    with pytest.raises(RaceModelError, match="no runner finishes"):
        compile_race(only_dnf)
    with pytest.raises(RaceModelError, match="no runner finishes"):
        compile_race(only_dnf, focus="ava-reid")


def _ava_stopping_early(ava_splits, finisher_splits):
    data = club_dnf_data(target={"time": "9:00"})
    for athlete in data["athletes"]:
        if athlete["id"] == "ava-reid":
            athlete["splits"] = ava_splits
        else:
            athlete["splits"] = [s for s in athlete["splits"] if s["distance_m"] in finisher_splits]
    return compile_race(race_from_data(data), focus="ava-reid")


def test_her_whole_race_splits_run_on_as_a_finisher_s_do():
    """The Timed tab of a runner who stopped went from her last split to one finish row (its
    target 2:24.00 for 800 m) while a finisher's went on every 400 m: it gave the end away
    (diff review). Past her stop: the finishers' split distances, else her own step."""
    ava = _ava_stopping_early([{"distance_m": 1000, "time": "3:06.00"}], {1000, 2000, 3000})
    rows = analysis.given_splits(ava, whole_race=True)
    assert [r.distance_m for r in rows] == [1000.0, 2000.0, 3000.0]
    assert [round(r.target_segment_time_s, 2) for r in rows] == [180.0, 180.0, 180.0]
    assert math.isnan(rows[1].time_s) and math.isnan(rows[2].time_s)
    halves = [{"distance_m": 500, "time": "1:33.00"}, {"distance_m": 1000, "time": "3:06.00"}]
    ava = _ava_stopping_early(halves, {3000})
    rows = analysis.given_splits(ava, whole_race=True)
    assert [r.distance_m for r in rows] == [500.0, 1000.0, 1500.0, 2000.0, 2500.0, 3000.0]
    assert [r.distance_m for r in analysis.given_splits(ava)] == [500.0, 1000.0]
