"""Runners who move by their own splits are set side by side in a pack (model.pack_lanes):
two runners level on the track are never drawn on one spot, the leader keeps the inside, and
one runner alone (the demo's Kipyegon) stays on lane 1's line."""

from __future__ import annotations

import numpy as np
import pytest

from racegui.io.race_file import race_from_data, read_race
from racegui.model.pack_lanes import MAX_PACK, MOVE_S, SLOT_M
from racegui.model.replay import Replay, compile_race
from racegui.resources_path import demo_race_path
from tests.helpers_race import MILE, mile_runners_data, minimal_data

FPS = 30.0


def runners(*splits: tuple[str, ...]) -> Replay:
    """A mile of runners with these splits at 400, 800, 1200 m and the mile, no pacer."""
    return compile_race(race_from_data(mile_runners_data(*splits)))


def paths(replay: Replay, rows: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Times (s) at 30 fps to the last finish, and distance and lateral (m), (frames, rows)."""
    t, d, lat, _ = tracks(replay, rows)
    return t, d, lat


def tracks(
    replay: Replay, rows: list[int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """paths and where each is on the track, x + iy (m), (frames, rows)."""
    t = np.arange(0.0, float(np.nanmax(replay.finish_time_s)) + 1.0, 1.0 / FPS)
    states = [replay.state_at(float(x)) for x in t]
    d = np.array([s.distance_m[rows] for s in states])
    lat = np.array([s.lateral_m[rows] for s in states])
    xy = np.array([s.x_m[rows] + 1j * s.y_m[rows] for s in states])
    return t, d, lat, xy


def runner_rows(replay: Replay) -> list[int]:
    return [i for i, a in enumerate(replay.athletes) if a.role == "runner"]


def assert_never_on_one_spot(d: np.ndarray, lat: np.ndarray, after_s: int) -> None:
    """No two runners nearer each other on the track (along and across) than 0.9 slots once
    the first moves have had time to be made."""
    start = int(after_s * FPS)
    for i in range(d.shape[1]):
        for j in range(i + 1, d.shape[1]):
            apart = np.hypot(d[start:, i] - d[start:, j], lat[start:, i] - lat[start:, j])
            assert apart.min() > 0.9 * SLOT_M, (i, j, apart.argmin() / FPS + after_s)


def test_runners_with_the_same_splits_run_side_by_side():
    replay = runners(*[("65.00", "2:10.00", "3:15.00", "4:22.00")] * 3)
    _, d, lat = paths(replay, runner_rows(replay))
    assert_never_on_one_spot(d, lat, after_s=0)  # side by side from the gun
    assert sorted(lat[len(lat) // 2]) == pytest.approx([0.0, SLOT_M, 2 * SLOT_M])


def test_the_leader_keeps_the_inside_and_the_one_coming_past_moves_out_and_back():
    # Runner 1 starts slower and passes Runner 0 on the third lap.
    replay = runners(
        ("64.00", "2:08.00", "3:14.00", "4:20.00"), ("66.00", "2:10.00", "3:10.00", "4:10.00")
    )
    rows = runner_rows(replay)
    t, d, lat = paths(replay, rows)
    assert_never_on_one_spot(d, lat, after_s=3)
    passing = np.flatnonzero(np.abs(d[:, 0] - d[:, 1]) < 1.0)
    passing = passing[t[passing] > 10.0]  # the pass, not the start
    assert passing.size
    assert lat[passing, 1].min() == pytest.approx(SLOT_M)  # the one coming past is out
    assert np.all(lat[t > 10.0, 0] == 0.0)  # the leader never moves
    assert lat[-1, 1] == 0.0  # back on the line once clear


def test_moves_are_smooth():
    replay = runners(*[("65.00", "2:10.00", "3:15.00", "4:22.00")] * 4)
    _, _, lat = paths(replay, runner_rows(replay))
    most = np.abs(np.diff(lat, axis=0)).max()
    assert most <= 1.5 * SLOT_M / MOVE_S / FPS + 1e-9  # an eased move's top speed is 1.5x


def test_one_runner_stays_on_the_line():
    replay = compile_race(read_race(demo_race_path()))
    i = replay.focus
    for t in np.arange(0.0, 250.0, 0.5):
        assert replay.state_at(float(t)).lateral_m[i] == 0.0


def test_splits_are_still_hit_exactly():
    replay = runners(*[("65.00", "2:10.00", "3:15.00", "4:22.00")] * 3)
    for i in runner_rows(replay):
        for d, t in ((400, 65.0), (800, 130.0), (1200, 195.0), (MILE, 262.0)):
            assert replay.state_at(t).distance_m[i] == pytest.approx(d, abs=1e-6)


def test_a_field_over_the_most_packed_stays_on_the_line():
    replay = runners(*[("65.00", "2:10.00", "3:15.00", "4:22.00")] * (MAX_PACK + 1))
    rows = runner_rows(replay)
    assert len(rows) == MAX_PACK + 1
    assert np.all(replay.state_at(100.0).lateral_m[rows] == 0.0)


def lapping_3000() -> Replay:
    """A 3000 m of two runners, 8:30 and 11:30 at even pace: the first laps the second once
    before her finish (8:30)."""
    data = minimal_data(distance_m=3000)
    data["athletes"] = [
        {
            "id": f"r{k}",
            "name": f"Runner {k}",
            "role": "runner",
            "splits": [{"distance_m": 1000 * (j + 1), "time": t} for j, t in enumerate(times)],
        }
        for k, times in enumerate((("2:50.00", "5:40.00", "8:30.00"), ("3:50", "7:40", "11:30")))
    ]
    return compile_race(race_from_data(data))


def test_a_runner_lapping_another_does_not_run_through_her():
    """Runners a lap apart had not been looked at: a club 5000's leader ran through every
    runner she lapped (coach's file, about 30 times)."""
    replay = lapping_3000()
    rows = runner_rows(replay)
    t, d, lat, xy = tracks(replay, rows)
    lapping = (np.abs(d[:, 0] - d[:, 1] - 400.0) < 1.0) & (t < 510.0)
    assert lapping.any()  # she laps her once, before her finish
    apart = np.abs(xy[:, 0] - xy[:, 1])
    assert apart[t < 510.0].min() > 0.9 * SLOT_M


def test_the_lapper_goes_round_the_runner_she_laps():
    """The one coming up from behind on the track moves out, a lapper as anyone: the lapped
    runner had stepped out of the leader's way (the leader had more race run, so she came
    first), and the leader ran on along the kerb through the spot."""
    replay = lapping_3000()
    t, d, lat = paths(replay, runner_rows(replay))
    lapping = (np.abs(d[:, 0] - d[:, 1] - 400.0) < 1.0) & (t < 510.0)
    assert lapping.any()
    assert lat[lapping, 0].min() == pytest.approx(SLOT_M)  # the lapper is out
    racing = (t > 5.0) & (t < 510.0)  # (later she goes round the lapper stopped past the line)
    assert np.all(lat[racing, 1] == 0.0)  # the lapped runner keeps the kerb


def test_finishers_do_not_stop_on_each_other():
    """A runner stopped past the line had been out of everyone's way: the next finisher ran
    through her and stopped on her spot (a club 5000's finish area stacked its runners)."""
    replay = runners(
        ("65.00", "2:10.00", "3:15.00", "4:22.00"),
        ("66.00", "2:12.00", "3:18.00", "4:24.00"),
        ("67.00", "2:14.00", "3:21.00", "4:26.00"),
    )
    rows = runner_rows(replay)
    states = [replay.state_at(float(t)) for t in np.arange(250.0, 300.0, 0.1)]  # all stopped
    xy = np.array([s.x_m[rows] + 1j * s.y_m[rows] for s in states])
    for i in range(3):
        for j in range(i + 1, 3):
            assert np.abs(xy[:, i] - xy[:, j]).min() > 0.9 * SLOT_M, (i, j)


def test_a_runner_boxed_in_waits_rather_than_run_through_the_one_beside_her():
    """A coach's club 800: Beth Ode, coming up on the runner ahead, moved out two slots
    straight through Cara Lin level beside her (1:14-1:15, dots on one spot for 0.6 s)."""
    data = minimal_data(distance_m=800, target=None)
    field = {
        "Amy Price": ((200, 28.9), (400, 60.1), (600, 91.5), (800, 122.4)),
        "Beth Ode": ((200, 29.2), (400, 60.5), (600, 92.3), (800, 124.1)),
        "Cara Lin": ((200, 29.0), (400, 60.3), (800, 125.95)),
        "Dee Moss": ((200, 28.5), (400, 59.8), (600, 93.0), (800, 127.33)),
    }
    data["athletes"] = [
        {
            "id": f"r{k}",
            "name": name,
            "role": "runner",
            "splits": [{"distance_m": d, "time": t} for d, t in splits],
        }
        for k, (name, splits) in enumerate(field.items())
    ]
    replay = compile_race(race_from_data(data))
    t, _, _, xy = tracks(replay, runner_rows(replay))
    later = t > 2.0
    for i in range(4):
        for j in range(i + 1, 4):
            assert np.abs(xy[later, i] - xy[later, j]).min() > 0.9 * SLOT_M, (i, j)


def test_a_finisher_does_not_stop_on_one_stopped_already():
    """A club 5000 of 14 (generated: even laps from 80 s, each runner slower by 2.5%, each
    split within 3%): the eleventh finisher, still easing to a stop a hair further on than the
    tenth, stopped on her (0.04 m apart): those stopped are now in everyone's way."""
    rng = np.random.default_rng(1)
    data = minimal_data(distance_m=5000)
    data.pop("target", None)
    marks = np.linspace(200.0, 5000.0, 25)
    data["athletes"] = []
    for k in range(14):
        lap_s = 80.0 * (1 + 0.35 * k / 14)
        times = np.cumsum(np.diff(marks, prepend=0.0) / 400 * lap_s * rng.uniform(0.97, 1.03, 25))
        splits = [
            {"distance_m": float(m), "time": round(float(t), 2)}
            for m, t in zip(marks, times, strict=True)
        ]
        data["athletes"].append(
            {"id": f"r{k}", "name": f"Runner {k}", "role": "runner", "splits": splits}
        )
    replay = compile_race(race_from_data(data))
    rows = runner_rows(replay)
    s = replay.state_at(float(replay.finish_time_s[rows[10]]) + 10.0)  # she has stopped
    apart = np.hypot(s.x_m[rows[9]] - s.x_m[rows[10]], s.y_m[rows[9]] - s.y_m[rows[10]])
    assert apart > 0.9 * SLOT_M
