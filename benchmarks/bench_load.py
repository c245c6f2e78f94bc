"""Benchmark of opening the largest race file: prints JSON figures (not a test; machines are
noisy).

The file is the biggest the format allows: MAX_ATHLETES athletes of MAX_SPLITS splits each (a
10 km race, a split every 10 m; 36 MB of compact JSON, as write_race saves it). Timed: reading
and validating it (read_race, what `racegui validate` does), compiling its motion
(compile_race), and both (read_replay, what the window does when it opens a file: off the
GUI thread, the window drawing on). Each figure is the median and best of several repeats,
in seconds.

    python benchmarks/bench_load.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from racegui.io.race_file import read_race
from racegui.io.replay_file import read_replay
from racegui.io.schema import MAX_ATHLETES, MAX_SPLITS
from racegui.model.replay import compile_race

RACE_M = 10_000.0


def biggest_race_data() -> dict:
    """MAX_ATHLETES runners, each with MAX_SPLITS splits every RACE_M / MAX_SPLITS metres at a
    pace of their own (1.6 s to 1.9 s per 10 m)."""
    step_m = RACE_M / MAX_SPLITS
    athletes = []
    for i in range(MAX_ATHLETES):
        per_step_s = 1.6 + 0.3 * i / MAX_ATHLETES
        splits = [
            {"distance_m": step_m * (k + 1), "time": round(per_step_s * (k + 1), 2)}
            for k in range(MAX_SPLITS)
        ]
        athletes.append({"id": f"a{i}", "name": f"Athlete {i}", "role": "runner", "splits": splits})
    return {"format": "racegui/1", "title": "Biggest", "distance_m": RACE_M, "athletes": athletes}


def _timed(fn: Callable[[], object], repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return {"median_s": round(statistics.median(runs), 3), "best_s": round(min(runs), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each figure (default 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "biggest.json"
        text = json.dumps(biggest_race_data(), separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        race = read_race(path)
        figures = {
            "file_mb": round(path.stat().st_size / 1e6, 1),
            "athletes": len(race.athletes),
            "splits": sum(len(a.splits) for a in race.athletes),
            "repeat": args.repeat,
            "read_race": _timed(lambda: read_race(path), args.repeat),
            "compile_race": _timed(lambda: compile_race(race), args.repeat),
            "read_replay": _timed(lambda: read_replay(path), args.repeat),
        }
    json.dump(figures, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
