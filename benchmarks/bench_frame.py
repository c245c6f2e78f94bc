"""Frame cost of the replay scene at 1920x1080, offscreen: prints JSON.

For the Breaking4 demo and a generated 1,000-athlete race: median and p95 milliseconds per
``update_frame`` (model + items + panel) and per full frame (update + paint into a QImage),
and the implied frames per second.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_frame.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from racegui.model.race import Athlete, Dropout, Formation, Race, Target  # noqa: E402
from racegui.model.replay import Replay, compile_race  # noqa: E402
from racegui.ui.app import ensure_app  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.scene import ReplayScene  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402


def big_race(n: int = 1000, seed: int = 7) -> Replay:
    """A runner (the demo's splits) plus n-1 pacers in formation slots that drop out."""
    demo = load_replay(demo_path()).race
    runner = demo.focus
    rng = np.random.default_rng(seed)
    athletes = [runner]
    palette = ("#5aa9ff", "#c08bff", "#ffb347", "#7ee0c3")
    for k in range(n - 1):
        offset = float(rng.uniform(-60.0, 15.0))
        lane = float(rng.uniform(1.0, 6.5))
        drop = float(rng.uniform(300.0, 1600.0))
        athletes.append(
            Athlete(
                id=f"p{k}",
                name=f"Pacer {k + 1}",
                role="pacer",
                colour=palette[k % len(palette)],
                formation=Formation(follows=runner.id, offset_m=offset, lane=lane),
                dropout=Dropout(distance_m=drop) if drop < 1590 else None,
            )
        )
    race = Race(
        title=f"Generated: {n} athletes",
        distance_m=demo.distance_m,
        athletes=tuple(athletes),
        target=Target(time_s=240.0, label="4:00 light"),
    )
    return compile_race(race)


def stats(ms: list[float]) -> dict[str, float]:
    a = np.array(ms)
    med = float(np.median(a))
    return {
        "median_ms": round(med, 3),
        "p95_ms": round(float(np.percentile(a, 95)), 3),
        "fps_median": round(1000.0 / med, 1),
    }


def measure(replay: Replay, size: tuple[int, int], frames: int, panel: bool) -> dict:
    scene = ReplayScene(replay, DARK, panel=panel)
    scene.render_image(0.0, size)  # warm up caches and layout
    times = np.linspace(0.0, replay.duration_s, frames)
    update: list[float] = []
    full: list[float] = []
    for t in times:
        t0 = time.perf_counter()
        scene.update_frame(float(t))
        update.append((time.perf_counter() - t0) * 1000.0)
    for t in times:
        t0 = time.perf_counter()
        scene.render_image(float(t), size)
        full.append((time.perf_counter() - t0) * 1000.0)
    scene.close()
    return {
        "athletes": replay.n,
        "panel": panel,
        "update_frame": stats(update),
        "full_frame": stats(full),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--frames", type=int, default=240)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    ensure_app()
    cases = {"demo": load_replay(demo_path()), "generated_1000": big_race(1000)}
    out: dict = {"size": [w, h], "frames": args.frames, "cpus": os.cpu_count(), "runs": {}}
    for name, replay in cases.items():
        for panel in (True, False):
            key = name if panel else f"{name}_no_panel"
            out["runs"][key] = [
                measure(replay, (w, h), args.frames, panel) for _ in range(args.repeats)
            ]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
