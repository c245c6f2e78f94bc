"""Export drawing cost: ReplayScene.render_image(t, (1920, 1080)) over a race, offscreen.

Prints JSON: for the Breaking4 demo and a generated 1,000-athlete race, with and without the
side panel, the median / p95 milliseconds per render_image call over ``--frames`` times
spread evenly across the race, repeated ``--repeats`` times. ``--fps 30`` instead draws the
frames as an export does: consecutive 1/30 s steps, in four bursts spread across the race.
With ``--sections`` it also times QWidget.render of each side-panel section alone (ms).

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_render.py [--frames 120]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from bench_frame import big_race  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402

from racegui.model.replay import Replay  # noqa: E402
from racegui.ui.app import ensure_app  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.scene import ReplayScene  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402


def stats(ms: list[float]) -> dict[str, float]:
    """Median and 95th percentile (ms) of a list of timings (ms)."""
    a = np.asarray(ms)
    return {
        "median_ms": round(float(np.median(a)), 2),
        "p95_ms": round(float(np.percentile(a, 95)), 2),
    }


def frame_times(duration_s: float, frames: int, fps: float) -> np.ndarray:
    """Race times (s): `frames` spread evenly, or (fps > 0) four bursts of 1/fps steps."""
    if fps <= 0:
        return np.linspace(0.0, duration_s, frames)
    per = max(frames // 4, 1)
    starts = [duration_s * f for f in (0.1, 0.35, 0.6, 0.85)]
    return np.concatenate([s + np.arange(per) / fps for s in starts])


def time_render(
    replay: Replay, size: tuple[int, int], frames: int, panel: bool, fps: float = 0.0
) -> list[float]:
    """Milliseconds per render_image call at the times of frame_times()."""
    scene = ReplayScene(replay, DARK, panel=panel)
    scene.render_image(0.0, size)  # warm-up: show, lay out, fill caches
    out = []
    for t in frame_times(replay.duration_s, frames, fps):
        t0 = time.perf_counter()
        scene.render_image(float(t), size)
        out.append((time.perf_counter() - t0) * 1000.0)
    scene.close()
    scene.deleteLater()
    return out


def time_sections(
    replay: Replay, size: tuple[int, int], frames: int, fps: float = 0.0
) -> dict[str, dict]:
    """Milliseconds per QWidget.render of each side-panel section and of the whole panel, and
    (if the panel has one) per SidePanel.render_into, as render_image uses it."""
    scene = ReplayScene(replay, DARK, panel=True)
    scene.render_image(0.0, size)
    panel = scene.panel
    if panel is None:
        return {}
    sections = {
        "panel": panel,
        "header": panel.header,
        "gap": panel.gap,
        "pace_card": panel.pace_card,
        "chart": panel.chart,
        "lap_split": panel.lap_split,
        "splits": panel.splits,
        "pacers": panel.pacers,
    }
    pacers = panel.pacers
    for name in ("pips", "strip", "feed"):
        if hasattr(pacers, name):
            sections[f"pacers.{name}"] = getattr(pacers, name)
    out: dict[str, list[float]] = {k: [] for k in sections}
    patched = hasattr(panel, "render_into")
    if patched:
        out["panel.render_into"] = []
    for t in frame_times(replay.duration_s, frames, fps):
        scene.update_frame(float(t))
        if patched:  # what render_image now spends on the panel: patch the last drawing
            img = QImage(scene.width(), scene.height(), QImage.Format.Format_RGB32)
            painter = QPainter(img)
            t0 = time.perf_counter()
            panel.render_into(painter, panel.pos())
            out["panel.render_into"].append((time.perf_counter() - t0) * 1000.0)
            painter.end()
        for name, w in sections.items():
            img = QImage(w.width(), w.height(), QImage.Format.Format_RGB32)
            img.fill(QColor(DARK.background))
            t0 = time.perf_counter()
            w.render(img)
            out[name].append((time.perf_counter() - t0) * 1000.0)
    scene.close()
    scene.deleteLater()
    return {k: stats(v) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--fps", type=float, default=0.0, help="bursts of 1/fps steps")
    parser.add_argument("--sections", action="store_true", help="also time each panel section")
    parser.add_argument("--cases", default="demo,generated_1000")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    ensure_app()
    makers = {"demo": lambda: load_replay(demo_path()), "generated_1000": lambda: big_race(1000)}
    out: dict = {
        "size": list(size),
        "frames": args.frames,
        "fps": args.fps,
        "cpus": os.cpu_count(),
        "runs": {},
    }
    for name in args.cases.split(","):
        replay = makers[name]()
        for panel in (True, False):
            key = name if panel else f"{name}_no_panel"
            runs = [
                time_render(replay, size, args.frames, panel, args.fps) for _ in range(args.repeats)
            ]
            out["runs"][key] = {
                "per_run": [stats(r) for r in runs],
                "median_of_run_medians_ms": round(
                    float(np.median([np.median(r) for r in runs])), 2
                ),
            }
        if args.sections:
            out.setdefault("sections", {})[name] = time_sections(
                replay, size, args.frames, args.fps
            )
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
