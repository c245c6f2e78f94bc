"""No two runners are ever drawn on each other (model.pack_lanes, model.pack_queue), in a
field of any size up to 40: the README promises a bunched field "drawn side by side, not on
one spot, for fields of up to 40". A coach's county 1500 m of 14 had stood 7 runners on one
point at the gun and 6 within 0.4 m of each other at 6 s (all in the outermost slot).
Distances are still each runner's own: only where she is drawn changes."""

from __future__ import annotations

import numpy as np
import pytest

from racegui.io.race_file import read_race
from racegui.model.pack_lanes import MAX_PACK
from racegui.model.pack_queue import APART_M
from racegui.model.race import Athlete, Race, Split
from racegui.model.replay import Replay, compile_race
from tests.helpers_race import write_json

FPS = 30.0


def bunched_1500(n: int, rng: np.random.Generator) -> Race:
    """A 1500 m of n runners timed at 300, 700, 1100 m and the finish, as a club or county
    race is: laps of 62 to 72 s for the field, each runner up to 4% slower than the fastest
    pace, each split 3% either way, a faster last lap (a bunched field that passes and is
    passed all race)."""
    lap_s = rng.uniform(62.0, 72.0)
    marks = (300.0, 700.0, 1100.0, 1500.0)
    athletes = []
    for i in range(n):
        slower = 1.0 + rng.uniform(0.0, 0.04)
        t, last, splits = 0.0, 0.0, []
        for m in marks:
            t += (m - last) / 400.0 * lap_s * slower * rng.uniform(0.97, 1.03)
            t -= (m == 1500.0) * (m - last) / 400.0 * lap_s * rng.uniform(0.03, 0.10)
            last = m
            splits.append(Split(m, round(t, 2)))
        athletes.append(Athlete(f"r{i}", f"Runner {i}", "runner", splits=tuple(splits)))
    return Race(f"1500 m of {n}", 1500.0, tuple(athletes))


def closest_pair(replay: Replay) -> tuple[float, float]:
    """The least distance (m) between two runners' positions drawn at 30 fps, from the gun to
    12 s after the last finish (all stopped), and when (s)."""
    rows = np.array([i for i, a in enumerate(replay.athletes) if a.role == "runner"])
    times = np.arange(0.0, float(np.nanmax(replay.finish_time_s)) + 12.0, 1.0 / FPS)
    x, y = replay.positions_over(times, rows)
    at = x + 1j * y
    best, when = np.inf, 0.0
    for i in range(len(rows) - 1):
        apart = np.abs(at[i + 1 :] - at[i])
        k = np.unravel_index(np.argmin(apart), apart.shape)
        if apart[k] < best:
            best, when = float(apart[k]), float(times[k[1]])
    return best, when


def test_no_two_runners_are_drawn_on_each_other_in_fields_of_2_to_40():
    rng = np.random.default_rng(7)
    worst = []
    for n in range(2, MAX_PACK + 1):
        apart, when = closest_pair(compile_race(bunched_1500(n, rng)))
        worst.append((apart, n, when))
    assert min(worst)[0] >= APART_M, [w for w in worst if w[0] < APART_M]


def test_no_two_runners_are_drawn_on_each_other_in_an_800_in_lanes():
    """Fields of 2 to 8 start in lanes (model.lane_start) and meet on the back straight."""
    rng = np.random.default_rng(8)
    for n in range(2, 9):
        race = bunched_1500(n, rng)
        athletes = tuple(
            Athlete(
                a.id,
                a.name,
                "runner",
                splits=tuple(
                    Split(d * 800.0 / 1500.0, s.time_s * 0.5)
                    for d, s in ((s.distance_m, s) for s in a.splits)
                ),
            )
            for a in race.athletes
        )
        apart, when = closest_pair(compile_race(Race(f"800 m of {n}", 800.0, athletes)))
        assert apart >= APART_M, (n, when)


def test_the_coach_s_county_1500_stands_across_the_line_then_a_row_behind(tmp_path):
    """The file of the coach's review, cut to its first runners' splits: fourteen level over
    the first 300 m."""
    replay = compile_race(read_race(write_json(tmp_path / "w.json", county_1500())))
    apart, when = closest_pair(replay)
    assert apart >= APART_M, when
    start = replay.state_at(0.0)
    assert start.distance_m[:14] == pytest.approx(0.0)  # all on the line by race distance
    drawn_behind = -start.drawn_m[:14]
    assert np.count_nonzero(drawn_behind < 0.01) == 12  # twelve abreast, across the track
    assert np.all(drawn_behind < 1.0)  # the rest a row behind it


def county_1500() -> dict:
    """Fourteen runners timed at 300, 700, 1100 m and the finish: the first lap of 300 m
    run within 0.8 s of each other."""
    times = [
        (49.27, 115.75, 183.12, 247.26),
        (49.27, 114.91, 181.41, 244.40),
        (48.88, 114.03, 179.75, 242.90),
        (49.30, 115.10, 182.30, 246.10),
        (48.10, 114.50, 181.00, 245.00),
        (49.50, 116.20, 184.00, 249.50),
        (49.00, 115.60, 183.50, 248.20),
        (48.70, 114.80, 182.00, 246.80),
        (48.40, 114.20, 180.90, 245.60),
        (49.05, 115.30, 182.80, 247.90),
        (48.60, 114.60, 181.70, 246.30),
        (48.50, 114.40, 181.30, 245.90),
        (49.40, 115.90, 183.80, 249.00),
        (48.65, 114.70, 181.90, 246.60),
    ]
    return {
        "format": "racegui/1",
        "title": "County 1500m championships",
        "distance_m": 1500,
        "target": {"time": 260.0},
        "athletes": [
            {
                "id": f"r{k}",
                "name": f"Runner {k}",
                "role": "runner",
                "splits": [
                    {"distance_m": d, "time": t}
                    for d, t in zip((300, 700, 1100, 1500), splits, strict=True)
                ],
            }
            for k, splits in enumerate(times)
        ],
    }
