"""How well the track's name tags behave over the whole demo race: prints JSON.

For each export size (default 1920x1080, 1280x720 and 1080x1080), the Breaking4 demo is drawn
offscreen frame after frame (as an export draws it) and every tag placement is recorded:
- ``frames_forced_tag_over_board``: frames (of those sampled every ``--check-step`` s) where
  the runner's or the gap's tag overlaps the scoreboard, the pocket cam or a backdrop label
  (any obstacle wider than 40 px; pacer markers are smaller);
- ``moves_px``: per-frame moves of the runner's and the gap's tags at ``--fps``, counted by
  size (under 5 px is gliding with the marker; 40 px and over is a hop);
- ``place_ms_median``: the median time one frame's placement took.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_tags.py [--fps 30]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.ui.app import ensure_app  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

BIG_OBSTACLE_PX = 40.0
"""Obstacles wider than this are the scoreboard, the pocket cam and backdrop labels."""
MOVE_BINS_PX = (5.0, 15.0, 40.0)


def record(size: tuple[int, int], fps: float, check_step: float) -> dict:
    replay = load_replay(demo_path())
    source = SceneFrameSource(replay, DARK, size)
    placer = source.scene.track.overlay._placer
    place = placer.place
    frame: dict = {}

    def spy(labels, widths, h, obstacles, bounds, *, t):
        tic = time.perf_counter()
        rects = place(labels, widths, h, obstacles, bounds, t=t)
        frame["ms"] = (time.perf_counter() - tic) * 1000
        big = [o for o in obstacles if o.width() > BIG_OBSTACLE_PX]
        frame["forced"] = {
            lab.key: r for lab, r in zip(labels, rects, strict=True) if lab.forced and r
        }
        frame["over"] = any(r.intersects(o) for r in frame["forced"].values() for o in big)
        return rects

    placer.place = spy
    times = np.arange(0.0, replay.race_end_s, 1.0 / fps)
    check_every = max(1, round(check_step * fps))
    centres: dict[str, list] = {"runner": [], "gap": []}
    over, checked, ms = 0, 0, []
    try:
        for k, t in enumerate(times):
            frame.clear()
            source.frame_at(float(t))
            if "ms" not in frame:
                continue
            ms.append(frame["ms"])
            for key, path in centres.items():
                r = frame["forced"].get(key)
                path.append(None if r is None else (r.center().x(), r.center().y()))
            if k % check_every == 0:
                checked += 1
                over += frame["over"]
    finally:
        source.close()
    moves = {}
    for key, path in centres.items():
        steps = [
            float(np.hypot(b[0] - a[0], b[1] - a[1]))
            for a, b in itertools.pairwise(path)
            if a is not None and b is not None
        ]
        edges = (0.0, *MOVE_BINS_PX, float("inf"))
        moves[key] = {
            f"{lo:g}-{hi:g}": sum(lo <= s < hi for s in steps)
            for lo, hi in itertools.pairwise(edges)
        }
    return {
        "size": f"{size[0]}x{size[1]}",
        "frames": len(times),
        "frames_checked": checked,
        "frames_forced_tag_over_board": over,
        "moves_px": moves,
        "place_ms_median": round(statistics.median(ms), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fps", type=float, default=30.0)
    parser.add_argument("--check-step", type=float, default=0.5, help="seconds between checks")
    parser.add_argument("--sizes", default="1920x1080,1280x720,1080x1080")
    args = parser.parse_args()
    app = ensure_app()
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    out = [record(size, args.fps, args.check_step) for size in sizes]
    app.processEvents()
    print(json.dumps({"fps": args.fps, "results": out}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
