"""Render the side panel offscreen to PNGs and time update_frame over a whole race.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/panel_preview.py [--out DIR] [--race FILE]
       [--scale 1.5] [--theme light] [--size 420x1000] [--generated 1000]

``--generated N`` previews the generated N-athlete race of bench_frame.py instead of a file.

Prints the median / p95 / max microseconds per SidePanel.update_frame call, stepping the demo
race at 60 fps (t = 0, 1/60, 2/60, ... duration), with the event loop processed every frame so
repaints happen as in the app (repaint time is reported separately).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from racegui.io.race_file import read_race
from racegui.model.replay import compile_race  # noqa: E402
from racegui.resources_path import demo_race_path  # noqa: E402
from racegui.ui.panel import SidePanel  # noqa: E402
from racegui.ui.theme import theme_named  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def race_path(name: str) -> Path:
    """A shipped demo race file."""
    return Path(demo_race_path(name))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/panel_preview"))
    ap.add_argument("--race", default="breaking4-2025.json")
    ap.add_argument("--theme", default="dark")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--size", default="420x1000")
    ap.add_argument("--times", default="0,120,240")
    ap.add_argument("--no-bench", action="store_true")
    ap.add_argument("--generated", type=int, default=0, help="athletes of a generated race")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    if args.generated:
        from bench_frame import big_race

        replay = big_race(args.generated)
        stem_name = f"generated{args.generated}"
    else:
        path = Path(args.race) if Path(args.race).exists() else race_path(args.race)
        replay = compile_race(read_race(path))
        stem_name = path.stem
    panel = SidePanel(replay, theme_named(args.theme))
    panel.set_scale(args.scale)
    w, h = (int(v) for v in args.size.split("x"))
    panel.resize(w, h)
    panel.show()
    app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"{stem_name}-{args.theme}-x{args.scale:g}"
    for t in (float(v) for v in args.times.split(",")):
        panel.update_frame(t)
        app.processEvents()
        out = args.out / f"{stem}-t{t:g}.png"
        panel.grab().save(str(out))
        print(f"wrote {out}")
    if not args.no_bench:
        bench(app, panel, replay.duration_s)
    return 0


def bench(app: QApplication, panel: SidePanel, duration_s: float) -> None:
    """Print update_frame cost at 60 fps steps over the race (and the event-loop cost)."""
    times = np.arange(0.0, duration_s, 1.0 / 60.0)
    panel.update_frame(-1.0)
    app.processEvents()
    upd = np.empty(len(times))
    loop = np.empty(len(times))
    for k, t in enumerate(times):
        t0 = time.perf_counter()
        panel.update_frame(float(t))
        t1 = time.perf_counter()
        app.processEvents()
        t2 = time.perf_counter()
        upd[k], loop[k] = t1 - t0, t2 - t1
    us = upd * 1e6
    ev = loop * 1e6
    print(
        f"update_frame over {len(times)} frames (60 fps steps): "
        f"median {np.median(us):.0f} us, p95 {np.percentile(us, 95):.0f} us, max {us.max():.0f} us"
    )
    print(
        f"processEvents (repaint of what changed) per frame: "
        f"median {np.median(ev):.0f} us, p95 {np.percentile(ev, 95):.0f} us, max {ev.max():.0f} us"
    )


if __name__ == "__main__":
    raise SystemExit(main())
