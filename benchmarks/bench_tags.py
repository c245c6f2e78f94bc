"""How well the track's name tags behave over the whole demo race: prints JSON.

For each export size (default 1920x1080, 1280x720 and 1080x1080), the Breaking4 demo is drawn
offscreen frame after frame (as an export draws it) and every tag placement is recorded:
- ``frames_forced_tag_over_board``: frames (of those sampled every ``--check-step`` s) where
  the runner's or the gap's tag overlaps the scoreboard, the pocket cam or a backdrop label
  (any obstacle wider than 40 px; pacer markers are smaller);
- ``moves_px``: per-frame moves of the runner's and the gap's tags at ``--fps``, counted by
  size (under 5 px is gliding with the marker; 60 px and over is a jump, 150 px and over
  a hop);
- ``tag_changes_per_min``: tags appearing or disappearing, per minute of race time;
- ``brief_shown`` / ``brief_hidden``: how many times a tag was shown (or hidden between two
  showings) for under ``BRIEF_S`` of race time: the flicker an audience notices;
- ``frames_pacer_without_light``: frames where some pacer has a tag and the pacing light,
  wanting one, has none (``..._faded_...``: a stepped-off pacer's faded tag);
- ``forced_side_flips``: frames where the runner's or the gap's tag is on the other side of
  its marker (along the normal) than the frame before;
- ``leader_px``: leader line lengths (marker edge to tag edge): 95th percentile and most, of
  the forced tags and of the others, and how many tag-frames of the others are over
  ``LONG_LEADER_PX``;
- ``forced_leader_px``: per forced tag (the runner's, the gap's) and the light's, its leader
  line lengths: median, 95th percentile, most, and how many frames it is over
  ``FAR_LEADER_PX`` (an audience loses a tag that far from its marker); hops are
  ``moves_px``'s last bin;
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
from racegui.ui.overlay import BroadcastOverlay  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

BIG_OBSTACLE_PX = 40.0
"""Obstacles wider than this are the scoreboard, the pocket cam and backdrop labels."""
MOVE_BINS_PX = (5.0, 15.0, 40.0, 60.0, 150.0)
BRIEF_S = 0.5
"""A tag shown, or hidden between two showings, for less than this (s) flickers."""
LONG_LEADER_PX = 60.0
"""A leader line longer than this (px) is counted as long."""
FAR_LEADER_PX = 150.0
"""A forced tag's leader line longer than this (px) is counted as far."""


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
        frame["shown"] = {_key(lab) for lab, r in zip(labels, rects, strict=True) if r}
        frame["wanted"] = {_key(lab) for lab in labels}
        frame["faded"] = {_key(lab) for lab in labels if lab.faded}
        frame["sides"] = {
            lab.key: (r.center().x() - lab.x) * lab.nx + (r.center().y() - lab.y) * lab.ny > 0
            for lab, r in zip(labels, rects, strict=True)
            if lab.forced and r
        }
        frame["leaders"] = [
            (lab.forced, _key(lab), _leader(lab, r))
            for lab, r in zip(labels, rects, strict=True)
            if r
        ]
        return rects

    placer.place = spy
    times = np.arange(0.0, replay.race_end_s, 1.0 / fps)
    check_every = max(1, round(check_step * fps))
    centres: dict[str, list] = {"runner": [], "gap": []}
    over, checked, ms = 0, 0, []
    light = replay.athletes[replay.target].name if replay.target is not None else None
    pacers = {
        a.name for a, role in zip(replay.athletes, replay.roles, strict=True) if role == "pacer"
    }
    shown: list[set[str]] = []
    shown_t: list[float] = []
    no_light = {"pacer": 0, "faded": 0}
    flips = 0
    last_sides: dict[str, bool] = {}
    leaders: dict[bool, list[float]] = {True: [], False: []}
    forced_leaders: dict[str, list[float]] = {"runner": [], "gap": [], "light": []}
    try:
        for k, t in enumerate(times):
            frame.clear()
            source.frame_at(float(t))
            if "ms" not in frame:
                continue
            ms.append(frame["ms"])
            shown.append(frame["shown"])
            shown_t.append(float(t))
            if light in frame["wanted"] and light not in frame["shown"]:
                others = (frame["shown"] & pacers) - {light}
                no_light["pacer"] += bool(others)
                no_light["faded"] += bool(others & frame["faded"])
            flips += sum(last_sides.get(key, side) != side for key, side in frame["sides"].items())
            last_sides = frame["sides"]
            for forced, key, length in frame["leaders"]:
                leaders[forced].append(length)
                if forced and key in forced_leaders:
                    forced_leaders[key].append(length)
                elif key == light:
                    forced_leaders["light"].append(length)
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
    changes, brief_shown, brief_hidden = _stretches(shown, shown_t)
    long_ = sum(v > LONG_LEADER_PX for v in leaders[False])
    return {
        "size": f"{size[0]}x{size[1]}",
        "frames": len(times),
        "frames_checked": checked,
        "frames_forced_tag_over_board": over,
        "moves_px": moves,
        "tag_changes_per_min": round(changes / (replay.race_end_s / 60.0), 1),
        f"brief_shown_under_{BRIEF_S:g}s": brief_shown,
        f"brief_hidden_under_{BRIEF_S:g}s": brief_hidden,
        "frames_pacer_without_light": no_light["pacer"],
        "frames_faded_pacer_without_light": no_light["faded"],
        "forced_side_flips": flips,
        "leader_px": {
            "forced_p95": _pct(leaders[True], 95),
            "forced_max": _pct(leaders[True], 100),
            "others_p95": _pct(leaders[False], 95),
            "others_max": _pct(leaders[False], 100),
            f"others_over_{LONG_LEADER_PX:g}": long_,
        },
        "forced_leader_px": {
            key: {
                "median": _pct(values, 50),
                "p95": _pct(values, 95),
                "max": _pct(values, 100),
                f"over_{FAR_LEADER_PX:g}": sum(v > FAR_LEADER_PX for v in values),
            }
            for key, values in forced_leaders.items()
        },
        "place_ms_median": round(statistics.median(ms), 3),
    }


def _key(lab) -> str:
    return lab.key or lab.text


def _leader(lab, rect) -> float:
    """Length (px) of the leader line the overlay draws from lab's marker edge to rect."""
    from PySide6.QtCore import QPointF

    anchor = QPointF(lab.x + lab.nx * lab.radius, lab.y + lab.ny * lab.radius)
    edge = BroadcastOverlay._edge_point(rect, anchor)
    return float(np.hypot(edge.x() - anchor.x(), edge.y() - anchor.y()))


def _pct(values: list[float], q: float) -> float:
    return round(float(np.percentile(values, q)), 1) if values else 0.0


def _stretches(shown: list[set[str]], times: list[float]) -> tuple[int, int, int]:
    """Appear/disappear events, and how many shown stretches (and hidden stretches between
    two shown ones) lasted under BRIEF_S of race time, from each frame's set of shown tags."""
    changes = brief_shown = brief_hidden = 0
    keys = set().union(*shown) if shown else set()
    for key in keys:
        on = [key in s for s in shown]
        edges = [k for k in range(1, len(on)) if on[k] != on[k - 1]]
        changes += len(edges)
        for a, b in itertools.pairwise(edges):
            if times[b] - times[a] < BRIEF_S:
                if on[a]:
                    brief_shown += 1
                else:
                    brief_hidden += 1
    return changes, brief_shown, brief_hidden


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
