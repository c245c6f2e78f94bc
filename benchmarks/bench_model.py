"""Benchmark of the race model: prints JSON figures (not a test; machines are noisy).

- positions of every athlete at one instant, for the Breaking4 demo (15 rows: runner, 13
  pacers, a modelled ghost, plus the target) and for a generated race of 10,000 athletes;
- loading and validating a race file with 10,000 splits;
- compiling a mile of 40 runners bunched within 3% of each other's times (the largest
  field model.pack_lanes sets side by side), and positions in it at 20 s (runners drawn just
  behind others: model.pack_queue);
- compiling an 800 m of eight in lanes, and positions in it at 10 s (model.lane_start).

Each figure is the median and best of several repeats.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from racegui.io.race_file import read_race, write_race
from racegui.model.race import Athlete, Formation, Race, Split
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path

MILE = 1609.344


def _timeit(fn, number: int, repeat: int = 7) -> dict:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        runs.append((time.perf_counter() - t0) / number)
    return {"median_us": statistics.median(runs) * 1e6, "best_us": min(runs) * 1e6}


def big_race(n_athletes: int) -> Race:
    """A mile with one runner and n-1 pacers in formation slots."""
    splits = (Split(400, 60.2), Split(800, 120.75), Split(1200, 181.84), Split(MILE, 246.42))
    runner = Athlete("r", "Runner", "runner", splits=splits)
    rng = np.random.default_rng(1)
    pacers = tuple(
        Athlete(
            f"p{i}",
            f"P{i}",
            "pacer",
            formation=Formation("r", float(rng.uniform(-30, 30)), float(rng.uniform(1, 8))),
        )
        for i in range(n_athletes - 1)
    )
    return Race("big", MILE, (runner,) + pacers)


def bunched_field(n_runners: int) -> Race:
    """A mile of n runners whose splits are a 4:22 mile's times 1.00 to 1.03 times over."""
    rng = np.random.default_rng(1)
    base = ((400, 65.0), (800, 130.0), (1200, 195.0), (MILE, 262.0))
    runners = tuple(
        Athlete(
            f"r{i}",
            f"Runner {i}",
            "runner",
            splits=tuple(Split(d, round(t * f, 2)) for d, t in base),
        )
        for i, f in enumerate(1.0 + 0.03 * rng.random(n_runners))
    )
    return Race("bunched", MILE, runners)


def lane_800() -> Race:
    """An 800 m of eight runners in lanes, 1:50 to 1:54, splits every 200 m."""
    runners = tuple(
        Athlete(
            f"r{i}",
            f"Runner {i}",
            "runner",
            splits=tuple(
                Split(d, round((110.0 + 0.5 * i) * d / 800.0, 2)) for d in (200, 400, 600, 800)
            ),
        )
        for i in range(8)
    )
    return Race("800 in lanes", 800.0, runners)


def splits_file(path: Path, n_splits: int) -> Path:
    """A race file of 100 runners with n_splits/100 splits each (times every few metres)."""
    per = n_splits // 100
    d = np.linspace(MILE / per, MILE, per)
    athletes = []
    for i in range(100):
        t = d / (6.5 - 0.005 * i)
        athletes.append(
            Athlete(
                f"a{i}",
                f"Athlete {i}",
                "runner",
                splits=tuple(Split(float(a), float(b)) for a, b in zip(d, t, strict=False)),
            )
        )
    write_race(Race("10k splits", MILE, tuple(athletes)), path)
    return path


def main() -> int:
    demo = compile_race(read_race(demo_race_path()))
    big = compile_race(big_race(10_000))
    out = {
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "demo_athletes": demo.n,
        "positions_demo": _timeit(lambda: demo.positions_at(123.4), 2000),
        "state_demo": _timeit(lambda: demo.state_at(123.4), 2000),
        "positions_10000": _timeit(lambda: big.positions_at(123.4), 50),
        "state_10000": _timeit(lambda: big.state_at(123.4), 50),
    }
    field = bunched_field(40)
    pack = _timeit(lambda: compile_race(field), 1, repeat=5)
    out["compile_bunched_40_runners_ms"] = {
        k.replace("_us", "_ms"): v / 1000 for k, v in pack.items()
    }
    bunched = compile_race(field)  # some runners drawn just behind others (model.pack_queue)
    out["positions_bunched_40"] = _timeit(lambda: bunched.positions_at(20.0), 2000)
    out["state_bunched_40"] = _timeit(lambda: bunched.state_at(20.0), 2000)
    eight = lane_800()
    out["compile_800_in_lanes_ms"] = {
        k.replace("_us", "_ms"): v / 1000
        for k, v in _timeit(lambda: compile_race(eight), 1, repeat=5).items()
    }
    lanes = compile_race(eight)  # staggered and cutting in at 10 s (model.lane_start)
    out["positions_800_in_lanes"] = _timeit(lambda: lanes.positions_at(10.0), 2000)
    with tempfile.TemporaryDirectory() as tmp:
        path = splits_file(Path(tmp) / "big.json", 10_000)
        out["file_10000_splits_bytes"] = path.stat().st_size
        load = _timeit(lambda: read_race(path), 1, repeat=7)
        out["load_validate_10000_splits_ms"] = {
            k.replace("_us", "_ms"): v / 1000 for k, v in load.items()
        }
        comp = _timeit(lambda: compile_race(read_race(path)), 1, repeat=5)
        out["load_validate_compile_10000_splits_ms"] = {
            k.replace("_us", "_ms"): v / 1000 for k, v in comp.items()
        }
    out["targets"] = {
        "positions_demo_us": 50,
        "positions_10000_us": 2000,
        "load_validate_10000_splits_ms": 100,
    }
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
