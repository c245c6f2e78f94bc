"""Export speed with the real scene: prints JSON figures (a script, not a test).

For each size (default 1920x1080 and 1280x720 at 30 fps), on the Breaking4 demo:
- export: the whole pipeline (SceneFrameSource drawing the replay window's scene, Mp4Writer
  encoding in its thread), seconds of race per wall second, and ms per frame spent drawing
  and blocked on the encoder;
- encode alone: the same frames, drawn beforehand, through the same encoder settings;
- the ratio export / encode alone.
Runs alternate (export, encode alone, ...) so each pair sees the same machine load, and
record how many cores other processes used meanwhile. With --full, also times one export of
the whole race at the first size.

With --headroom, also measures how much drawing the encoder leaves room for: the pre-drawn
frames go through the same writer after the feeding thread burns a fixed CPU time per frame
(a busy loop holding the GIL, as drawing does), for 0 to 4 ms, each run paired with an
encode-alone run. Compare the ratios with draw_cpu_ms_alone, the CPU time one frame of the
real scene takes to draw with nothing else running.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_export.py [--seconds 10] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_encode import CpuMeter, encode_alone_once, export_once  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from racegui.export.mp4_writer import Mp4Writer  # noqa: E402
from racegui.export.options import ExportOptions  # noqa: E402
from racegui.export.pipeline import export  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.io.race_file import read_race  # noqa: E402
from racegui.model.replay import compile_race  # noqa: E402
from racegui.resources_path import demo_race_path  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402

START_S = 100.0
"""Race time the measured span starts at (mid-race: every pacer still visible, panel busy)."""


HEADROOM_MS = (0.0, 1.0, 2.0, 3.0, 4.0)
"""CPU time (ms per frame) the --headroom runs burn on the feeding thread."""


def predraw(replay, size, fps, seconds):
    """The frames the export of [START_S, START_S + seconds] draws, as private copies, and
    the median CPU time (ms) drawing one took (the first few frames, which fill caches, left
    out)."""
    source = SceneFrameSource(replay, DARK, size)
    try:
        n = round(seconds * fps)
        frames, cpu_ms = [], []
        for k in range(n):
            tic = time.thread_time()
            frame = source.frame_at(START_S + k / fps)
            cpu_ms.append((time.thread_time() - tic) * 1000)
            frames.append(frame.copy())
        return frames, statistics.median(cpu_ms[min(10, n - 1) :])
    finally:
        source.close()


def _burn(ms: float) -> None:
    """Keep this thread busy (holding the GIL) for ms of CPU time."""
    end = time.thread_time() + ms / 1000
    while time.thread_time() < end:
        pass


def fed_once(frames, fps, out, burn_ms):
    """Realtime factor of writing the pre-drawn frames with burn_ms of CPU before each."""
    height, width = frames[0].shape[:2]
    tic = time.perf_counter()
    with Mp4Writer(out, (width, height), fps) as writer:
        for frame in frames:
            _burn(burn_ms)
            writer.write(frame)
    return len(frames) / fps / (time.perf_counter() - tic)


def headroom(frames, fps, seconds, repeats):
    """Export / encode-alone ratio when drawing a frame costs each of HEADROOM_MS."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.mp4"
        for burn_ms in HEADROOM_MS:
            ratios = []
            for _ in range(repeats):
                alone = encode_alone_once(frames, fps, seconds, out)["realtime"]
                ratios.append(fed_once(frames, fps, out, burn_ms) / alone)
            rows.append(
                {
                    "draw_cpu_ms": burn_ms,
                    "ratio": round(statistics.median(ratios), 3),
                    "ratio_runs": [round(r, 3) for r in ratios],
                }
            )
    return rows


def median(runs, key):
    return round(statistics.median(r[key] for r in runs), 3)


def _cpu_ms_per_frame(runs, fps):
    """Median CPU (ms, every thread of this process) per frame: cores busy / frame rate."""
    return round(statistics.median(r["own_cores"] / (r["realtime"] * fps) * 1000 for r in runs), 2)


def _split(runs):
    keys = ("feed_cpu_ms", "encoder_cpu_ms", "idle_core_ms")
    if any(r[k] is None for r in runs for k in keys):
        return None
    return {k.removesuffix("_ms"): median(runs, k) for k in keys}


def bench_size(replay, size, fps, seconds, repeats, with_headroom=False):
    frames, draw_cpu_ms = predraw(replay, size, fps, seconds)
    exports, alone = [], []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.mp4"
        for _ in range(repeats):
            source = SceneFrameSource(replay, DARK, size)
            exports.append(export_once(source, size, fps, seconds, out, start_s=START_S))
            source.close()
            alone.append(encode_alone_once(frames, fps, seconds, out))
    ratios = [e["realtime"] / a["realtime"] for e, a in zip(exports, alone, strict=True)]
    frame_ms = 1000 / fps / median(exports, "realtime")
    result = {
        "size": f"{size[0]}x{size[1]}",
        "fps": fps,
        "seconds_per_run": seconds,
        "export_realtime": median(exports, "realtime"),
        "export_runs": [round(e["realtime"], 3) for e in exports],
        "encode_alone_realtime": median(alone, "realtime"),
        "encode_alone_runs": [round(a["realtime"], 3) for a in alone],
        "export_over_encode_alone": round(statistics.median(ratios), 3),
        "ratio_runs": [round(r, 3) for r in ratios],
        "ms_per_frame_wall": round(frame_ms, 2),
        "draw_ms_per_frame": median(exports, "draw_ms_per_frame"),
        "encode_wait_ms_per_frame": median(exports, "encode_wait_ms_per_frame"),
        "mbit_per_s": round(statistics.median(a["mbit_per_s"] for a in alone), 2),
        "others_cores": [round(r["others_cores"] or 0.0, 2) for r in exports + alone],
        "draw_cpu_ms_alone": round(draw_cpu_ms, 2),
        # CPU this process used per frame (all threads) and the cores it kept busy: the
        # export's extra CPU over encoding alone is the drawing, and on 2 cores the export can
        # be no faster than (its CPU per frame) / 2.
        "export_cpu_ms_per_frame": _cpu_ms_per_frame(exports, fps),
        "encode_alone_cpu_ms_per_frame": _cpu_ms_per_frame(alone, fps),
        "export_cores": median(exports, "own_cores"),
        "encode_alone_cores": median(alone, "own_cores"),
        # The same CPU split by thread (ms per frame, medians): the thread that draws and
        # hands frames over (the colour conversion to YUV included), the encoder's threads
        # (x264), and the core time no thread used. Drawing's share is feed_cpu_ms minus the
        # hand-over, which is encode alone's feed_cpu_ms.
        "export_threads_ms": _split(exports),
        "encode_alone_threads_ms": _split(alone),
    }
    if with_headroom:
        result["headroom"] = headroom(frames, fps, seconds, repeats)
    return result


def full_race(replay, size, fps):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "race.mp4"
        source = SceneFrameSource(replay, DARK, size)
        options = ExportOptions(output=out, size=size, fps=fps)
        with CpuMeter() as meter:
            tic = time.perf_counter()
            result = export(source, options)
            wall = time.perf_counter() - tic
        source.close()
        return {
            "size": f"{size[0]}x{size[1]}",
            "frames": result.frames,
            "video_s": round(result.duration_s, 2),
            "wall_s": round(wall, 1),
            "realtime": round(result.realtime_factor, 3),
            "draw_share": round(result.draw_s / wall, 3),
            "encode_wait_share": round(result.encode_wait_s / wall, 3),
            "mb": round(out.stat().st_size / 1e6, 1),
            "others_cores": round(meter.others_cores or 0.0, 2),
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", default="1920x1080,1280x720")
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--full", action="store_true", help="also export the whole race")
    parser.add_argument(
        "--headroom", action="store_true", help="also sweep a stand-in drawing cost"
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    replay = compile_race(read_race(demo_race_path()))
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]
    out = {"cpus": os.cpu_count(), "results": []}
    for size in sizes:
        out["results"].append(
            bench_size(replay, size, args.fps, args.seconds, args.repeats, args.headroom)
        )
    if args.full:
        out["full_race"] = full_race(replay, sizes[0], args.fps)
    app.processEvents()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
