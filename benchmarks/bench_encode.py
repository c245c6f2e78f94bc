"""Benchmark MP4 export: encoding alone, and the whole pipeline with a drawing source.

Prints one JSON document. Speeds are seconds of video written per wall-clock second
("realtime", so 1.5 means a 4:06 race takes 2:44), best and median of ``--repeats`` runs.

Frames are synthetic but scene-like (dark background, an oval track with lanes, coloured
runner dots with labels moving round it, a clock and a side panel with a growing pace
chart), pre-drawn once into a ring of frames and replayed; random noise would be far harder
to encode than the real scene. The ring jumps back to its start every ``--ring`` frames,
which costs x264 a key-frame-like picture now and then, so the figures are slightly
pessimistic.

``measure_export(source_factory, ...)`` runs the real pipeline (racegui.export.pipeline)
and can be reused with the real scene source: pass a callable that returns a FrameSource
for a (width, height).

Examples::

    python benchmarks/bench_encode.py --seconds 10
    python benchmarks/bench_encode.py --seconds 5 --sizes 1280x720 --presets veryfast --crf 18,20
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import ColorRange, Colorspace, VideoReformatter
from PIL import Image, ImageDraw, ImageFont

from racegui.export.frames import FrameSource
from racegui.export.mp4_writer import (
    MP4_CRF,
    MP4_PRESET,
    MP4_THREAD_TYPE,
    MP4_THREADS,
    Mp4Writer,
)
from racegui.export.options import ExportOptions, parse_size
from racegui.export.pipeline import export

ATHLETE_COLOURS = [
    (230, 57, 70),
    (69, 123, 157),
    (241, 196, 15),
    (46, 204, 113),
    (155, 89, 182),
    (236, 240, 241),
    (255, 127, 80),
]


def _font(px: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=max(8, px))


class TrackScene:
    """Draws scene-like RGB frames of ``size`` (width, height) px at 30 frames per second.

    Drawn at ``supersample`` times the size and reduced, so edges are anti-aliased like
    Qt's. ``camera="fixed"`` shows the whole track; ``"follow"`` zooms in 1.8x and follows
    the leader, so the whole track moves every frame (a harder case for the encoder).
    """

    def __init__(self, size: tuple[int, int], camera: str = "fixed", supersample: int = 2) -> None:
        self.size = size
        self.ss = supersample
        self.width, self.height = size[0] * supersample, size[1] * supersample
        self.unit = self.height / 1080
        self.view_w = int(self.width * 0.68)
        self.zoom = 1.8 if camera == "follow" else 1.0
        self.layer_size = (round(self.view_w * self.zoom), round(self.height * self.zoom))
        self.track_layer = self._track_layer()
        self.panel = self._panel()

    def _oval_point(self, s: float, lane: float) -> tuple[float, float]:
        """Point at fraction ``s`` of a lap, ``lane`` lanes out, in track-layer pixels."""
        z = self.zoom
        layer_w, layer_h = self.layer_size
        cx, cy = layer_w / 2, layer_h * 0.55
        straight = layer_w * 0.42
        radius = layer_h * 0.26 + lane * 14 * self.unit * z
        semi = math.pi * radius
        perimeter = 2 * straight + 2 * semi
        d = (s % 1.0) * perimeter
        if d < straight:
            return cx + straight / 2 - d, cy + radius
        d -= straight
        if d < semi:
            a = math.pi / 2 + d / radius
            return cx - straight / 2 + radius * math.cos(a), cy + radius * math.sin(a)
        d -= semi
        if d < straight:
            return cx - straight / 2 + d, cy - radius
        d -= straight
        a = -math.pi / 2 + d / radius
        return cx + straight / 2 + radius * math.cos(a), cy + radius * math.sin(a)

    def _track_layer(self) -> Image.Image:
        image = Image.new("RGB", self.layer_size, (24, 26, 32))
        draw = ImageDraw.Draw(image)
        line_w = max(1, round(2 * self.unit * self.zoom))
        for lane in range(9, -1, -1):
            pts = [self._oval_point(i / 1440, lane) for i in range(1441)]
            fill = (168, 74, 52) if lane else (38, 92, 52)
            draw.polygon(pts, fill=fill)
            draw.line(pts, fill=(235, 235, 235), width=line_w)
        return image

    def _panel(self) -> Image.Image:
        u = self.unit
        panel_w = self.width - self.view_w
        image = Image.new("RGB", (panel_w, self.height), (32, 35, 44))
        draw = ImageDraw.Draw(image)
        font = _font(round(26 * u))
        for row, text in enumerate(["Lap", "Split", "Target", "Gap", "Pace"]):
            draw.text((20 * u, 40 * u + row * 44 * u), text, fill=(170, 175, 190), font=font)
        for i in range(6):
            y = self.height * (0.5 + i * 0.08)
            draw.line([(10, y), (panel_w - 10, y)], fill=(60, 64, 76), width=max(1, round(u)))
        return image

    def draw(self, k: int) -> np.ndarray:
        """Frame ``k`` (at 30 fps) as a (height, width, 3) uint8 array."""
        u, z, t = self.unit, self.zoom, k / 30
        layer_w, layer_h = self.layer_size
        positions = []
        for i in range(len(ATHLETE_COLOURS)):
            s = t * 6.3 / 400 - i * 0.004 + 0.0005 * math.sin(t + i)
            positions.append(self._oval_point(s, 0.5 + (i % 3) * 0.8))
        lead_x, lead_y = positions[0]
        ox = min(max(lead_x - self.view_w / 2, 0), layer_w - self.view_w)
        oy = min(max(lead_y - self.height / 2, 0), layer_h - self.height)
        image = Image.new("RGB", (self.width, self.height))
        box = (round(ox), round(oy), round(ox) + self.view_w, round(oy) + self.height)
        image.paste(self.track_layer.crop(box), (0, 0))
        image.paste(self.panel, (self.view_w, 0))
        draw = ImageDraw.Draw(image)
        r = 11 * u * z
        label_font = _font(round(20 * u * z))
        for i, (colour, (x, y)) in enumerate(zip(ATHLETE_COLOURS, positions, strict=True)):
            x, y = x - box[0], y - box[1]
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour, outline=(255, 255, 255))
            draw.text((x + r + 2, y - r - 18 * u), f"{i + 1}", fill=colour, font=label_font)
        clock = f"{int(t // 60)}:{t % 60:05.2f}"
        draw.text(
            (self.width * 0.3, 20 * u), clock, fill=(255, 255, 255), font=_font(round(48 * u))
        )
        draw.text(
            (20 * u, 20 * u), "1500 m  Final", fill=(240, 240, 240), font=_font(round(40 * u))
        )
        font = _font(round(26 * u))
        values = [
            f"{int(t // 66) + 1}",
            f"{t % 66:.1f}",
            "3:29.0",
            f"{0.01 * (k % 40):+.2f}",
            "62.4",
        ]
        for row, text in enumerate(values):
            xy = (self.view_w + 160 * u, 40 * u + row * 44 * u)
            draw.text(xy, text, fill=(250, 250, 250), font=font)
        panel_w = self.width - self.view_w
        chart_top, chart_h = self.height * 0.5, self.height * 0.4
        n = max(2, k + 2)
        x0 = self.view_w + 10
        xs = np.linspace(x0, x0 + (panel_w - 20) * min(1.0, n / 300), n)
        ys = chart_top + chart_h * (0.5 + 0.2 * np.sin(np.arange(n) / 25))
        pts = list(zip(xs.tolist(), ys.tolist(), strict=True))
        draw.line(pts, fill=(241, 196, 15), width=round(3 * u))
        if self.ss > 1:
            image = image.reduce(self.ss)
        return np.asarray(image)


def make_frames(size: tuple[int, int], count: int, camera: str = "fixed") -> list[np.ndarray]:
    """``count`` consecutive scene frames at ``size`` (width, height) px."""
    scene = TrackScene(size, camera)
    return [scene.draw(k) for k in range(count)]


class RingSource:
    """FrameSource replaying pre-drawn ``frames`` that costs ``draw_ms`` per frame, as a real
    scene would (copying the frame out included):

    - "cpu": a fixed amount of numpy work, calibrated to ``draw_ms`` of CPU time on this
      machine; it releases the GIL between small chunks, like Qt's painting. Under load it
      takes longer, like real drawing.
    - "spin": pure-Python busy loop for ``draw_ms`` of CPU time (holds the GIL: worst case);
    - "sleep": sleeps ``draw_ms`` (no CPU: best case).
    """

    _CHUNK = 1 << 16

    def __init__(
        self, frames: Sequence[np.ndarray], fps: int, draw_ms: float = 4.0, mode: str = "cpu"
    ) -> None:
        height, width = frames[0].shape[:2]
        self.size = (width, height)
        self.fps = fps
        self.duration_s = 3600.0
        self._frames = frames
        self._draw_s = draw_ms / 1000
        self._mode = mode
        self._buffer = np.empty_like(frames[0])
        self._scratch = np.zeros(self._CHUNK, np.float32)
        self._iterations = self._calibrate() if mode == "cpu" else 0

    def _calibrate(self) -> int:
        """Chunks of numpy work that, with the frame copy, cost ``draw_ms`` of CPU time."""
        tic = time.thread_time()
        for frame in self._frames[:10]:
            np.copyto(self._buffer, frame)
        copy_s = (time.thread_time() - tic) / min(10, len(self._frames))
        count, tic = 0, time.thread_time()
        while time.thread_time() - tic < 0.1:
            np.sin(self._scratch, out=self._scratch)
            count += 1
        per_chunk_s = (time.thread_time() - tic) / count
        return max(0, round((self._draw_s - copy_s) / per_chunk_s))

    def frame_at(self, t: float) -> np.ndarray:
        start_cpu, start_wall = time.thread_time(), time.perf_counter()
        np.copyto(self._buffer, self._frames[round(t * self.fps) % len(self._frames)])
        if self._mode == "sleep":
            time.sleep(max(0.0, start_wall + self._draw_s - time.perf_counter()))
        elif self._mode == "spin":
            while time.thread_time() < start_cpu + self._draw_s:
                pass
        else:
            for _ in range(self._iterations):
                np.sin(self._scratch, out=self._scratch)
        return self._buffer


class CpuMeter:
    """Measures, over a ``with`` block, the wall time, the cores this process kept busy
    (``own_cores``) and the cores *other* processes kept busy (``others_cores``, from
    /proc/stat minus this process's CPU time; None off Linux), so that a run disturbed by
    other work on the machine can be recognised.

    It also splits this process's CPU time (s) between the thread that entered the block
    (``caller_cpu_s``: drawing and handing frames over) and every other thread
    (``others_threads_cpu_s``: the encoder's), from /proc/self/task, sampled every
    THREAD_POLL_S so that threads which end inside the block (x264's) are counted up to
    their last sample. Both are None off Linux.
    """

    THREAD_POLL_S = 0.02

    def __enter__(self) -> CpuMeter:
        self._busy0 = _busy_seconds()
        self._self0 = _self_cpu_seconds()
        self._caller = threading.get_native_id()
        self._stop = threading.Event()
        self._tasks0 = _thread_cpu_seconds()
        self._tasks = dict(self._tasks0 or {})
        self._poller = threading.Thread(target=self._poll, daemon=True)
        self._poller.start()
        self._wall0 = time.perf_counter()
        return self

    def _poll(self) -> None:
        while not self._stop.wait(self.THREAD_POLL_S):
            self._tasks.update(_thread_cpu_seconds() or {})

    def __exit__(self, *exc: object) -> None:
        self.wall_s = time.perf_counter() - self._wall0
        self._stop.set()
        self._poller.join()
        busy1 = _busy_seconds()
        own = _self_cpu_seconds() - self._self0
        self.own_cores = own / self.wall_s
        if busy1 is None or self._busy0 is None:
            self.others_cores = None
        else:
            self.others_cores = max(0.0, (busy1 - self._busy0 - own) / self.wall_s)
        self.caller_cpu_s = self.others_threads_cpu_s = None
        if self._tasks0 is not None:
            self._tasks.update(_thread_cpu_seconds() or {})
            self._tasks.pop(self._poller.native_id, None)
            spent = {tid: v - self._tasks0.get(tid, 0.0) for tid, v in self._tasks.items()}
            self.caller_cpu_s = spent.pop(self._caller, 0.0)
            self.others_threads_cpu_s = sum(spent.values())


def _thread_cpu_seconds() -> dict[int, float] | None:
    """User + system CPU time (s) of each thread of this process (None off Linux)."""
    try:
        tids = os.listdir("/proc/self/task")
    except OSError:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    out = {}
    for tid in tids:
        try:
            with open(f"/proc/self/task/{tid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the thread ended meanwhile
        out[int(tid)] = (int(fields[11]) + int(fields[12])) / tick
    return out


def wait_until_quiet(max_wait_s: float, threshold_cores: float = 0.15) -> float | None:
    """Wait (up to ``max_wait_s``) until other processes use under ``threshold_cores`` over
    one second; returns the last reading (cores), or None where /proc/stat is missing."""
    deadline = time.perf_counter() + max_wait_s
    while True:
        before = _busy_seconds()
        if before is None:
            return None
        time.sleep(1.0)
        busy = (_busy_seconds() or before) - before
        if busy < threshold_cores or time.perf_counter() >= deadline:
            return busy


def _busy_seconds() -> float | None:
    try:
        with open("/proc/stat") as fh:
            fields = [int(v) for v in fh.readline().split()[1:]]
    except OSError:
        return None
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _self_cpu_seconds() -> float:
    return time.process_time()  # user + system time of every thread of this process


def _summary(runs: list[dict[str, float | None]], key: str = "realtime") -> dict[str, object]:
    values = [float(r[key]) for r in runs]  # type: ignore[arg-type]
    others = [r["others_cores"] for r in runs if r.get("others_cores") is not None]
    return {
        "best": round(max(values), 3),
        "median": round(statistics.median(values), 3),
        "runs": [round(v, 3) for v in values],
        "others_cores": [round(float(o), 2) for o in others],  # type: ignore[arg-type]
        "own_cores": [round(float(r["own_cores"]), 2) for r in runs],  # type: ignore[arg-type]
    }


def _thread_split(meter: CpuMeter, frames: int) -> dict[str, float | None]:
    """CPU ms per frame of the feeding thread and of the encoder's threads, and the core-ms
    per frame no thread of any process used (2 cores x wall - all CPU), from a CpuMeter."""
    if meter.caller_cpu_s is None or meter.others_threads_cpu_s is None:
        return {"feed_cpu_ms": None, "encoder_cpu_ms": None, "idle_core_ms": None}
    idle = (os.cpu_count() or 1) * meter.wall_s - meter.own_cores * meter.wall_s
    idle -= (meter.others_cores or 0.0) * meter.wall_s
    return {
        "feed_cpu_ms": meter.caller_cpu_s / frames * 1000,
        "encoder_cpu_ms": meter.others_threads_cpu_s / frames * 1000,
        "idle_core_ms": max(0.0, idle) / frames * 1000,
    }


def encode_alone_once(
    frames: Sequence[np.ndarray], fps: int, seconds: float, out: Path, **writer_options: object
) -> dict[str, float | None]:
    """One run of Mp4Writer fed pre-drawn ``frames`` (cycled) as fast as it takes them:
    realtime factor, bitrate (Mbit/s) and the cores other processes used meanwhile."""
    height, width = frames[0].shape[:2]
    n = round(seconds * fps)
    with CpuMeter() as meter:
        with Mp4Writer(out, (width, height), fps, **writer_options) as writer:  # type: ignore[arg-type]
            for k in range(n):
                writer.write(frames[k % len(frames)])
    return {
        "realtime": n / fps / meter.wall_s,
        "mbit_per_s": out.stat().st_size * 8 / (n / fps) / 1e6,
        "others_cores": meter.others_cores,
        "own_cores": meter.own_cores,
        **_thread_split(meter, n),
    }


def export_once(
    source: FrameSource,
    size: tuple[int, int],
    fps: int,
    seconds: float,
    out: Path,
    *,
    start_s: float = 0.0,
    **writer_options: object,
) -> dict[str, float | None]:
    """One run of the real export pipeline: ``seconds`` of race from ``start_s`` at 1x to
    ``out`` (MP4). Returns the realtime factor, ms per frame drawing and blocked on the
    encoder, and the cores other processes used meanwhile. ``writer_options`` go to
    Mp4Writer; none gives the house settings."""
    options = ExportOptions(output=out, size=size, fps=fps, from_s=start_s, to_s=start_s + seconds)
    writer = Mp4Writer(out, size, fps, **writer_options)  # type: ignore[arg-type]
    with CpuMeter() as meter:
        result = export(source, options, writer=writer)
    return {
        "realtime": result.realtime_factor,
        "draw_ms_per_frame": result.draw_s / result.frames * 1000,
        "encode_wait_ms_per_frame": result.encode_wait_s / result.frames * 1000,
        "others_cores": meter.others_cores,
        "own_cores": meter.own_cores,
        **_thread_split(meter, result.frames),
    }


def measure_encode_alone(
    frames: Sequence[np.ndarray],
    fps: int,
    seconds: float,
    *,
    repeats: int = 3,
    **writer_options: object,
) -> dict[str, object]:
    """Realtime factor (best, median, every run) of encoding pre-drawn frames alone."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "alone.mp4"
        runs = [
            encode_alone_once(frames, fps, seconds, out, **writer_options) for _ in range(repeats)
        ]
    summary = _summary(runs)
    summary["mbit_per_s"] = round(float(runs[-1]["mbit_per_s"]), 2)  # type: ignore[arg-type]
    return summary


def measure_export(
    source_factory: Callable[[tuple[int, int]], FrameSource],
    size: tuple[int, int],
    fps: int,
    seconds: float,
    *,
    repeats: int = 3,
    start_s: float = 0.0,
    **writer_options: object,
) -> dict[str, object]:
    """Realtime factor (best, median, every run) of the whole export pipeline with a fresh
    ``source_factory(size)`` per run, plus median ms per frame drawing and blocked on the
    encoder. Reuse it with the real scene: ``measure_export(make_scene_source, (1920, 1080),
    30, 20.0)``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "export.mp4"
        runs = [
            export_once(
                source_factory(size), size, fps, seconds, out, start_s=start_s, **writer_options
            )
            for _ in range(repeats)
        ]
    summary = _summary(runs)
    for key in ("draw_ms_per_frame", "encode_wait_ms_per_frame"):
        summary[key] = round(statistics.median(float(r[key]) for r in runs), 2)  # type: ignore[arg-type]
    return summary


def measure_quality(
    frames: Sequence[np.ndarray], fps: int, **writer_options: object
) -> dict[str, float]:
    """Compression loss of one setting: luma PSNR (dB, mean and worst frame) of the decoded
    MP4 against the same frames converted to yuv420p without compression (so the loss of
    the 4:2:0 conversion itself is left out), and the bitrate (Mbit/s)."""
    height, width = frames[0].shape[:2]
    reformatter = VideoReformatter()

    def luma(frame: np.ndarray) -> np.ndarray:
        yuv = reformatter.reformat(
            av.VideoFrame.from_ndarray(frame, "rgb24"),
            format="yuv420p",
            dst_colorspace=Colorspace.ITU709,
            dst_color_range=ColorRange.MPEG,
        )
        return yuv.to_ndarray()[:height].astype(np.float64)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "q.mp4"
        with Mp4Writer(out, (width, height), fps, **writer_options) as writer:  # type: ignore[arg-type]
            for frame in frames:
                writer.write(frame)
        psnr: list[float] = []
        with av.open(str(out)) as container:
            for k, decoded in enumerate(container.decode(video=0)):
                got = decoded.to_ndarray(format="yuv420p")[:height].astype(np.float64)
                mse = float(np.mean((got - luma(frames[k])) ** 2))
                psnr.append(10 * math.log10(255**2 / max(mse, 1e-9)))
        size_bytes = out.stat().st_size
    return {
        "luma_psnr_db": round(statistics.mean(psnr), 2),
        "worst_frame_psnr_db": round(min(psnr), 2),
        "mbit_per_s": round(size_bytes * 8 / (len(frames) / fps) / 1e6, 2),
    }


def _bench_setting(
    frames: Sequence[np.ndarray], args: argparse.Namespace, writer_options: dict[str, object]
) -> dict[str, object]:
    """Encode-alone and export runs for one setting, interleaved (alone, export per drawing
    mode, alone, ...) so that both see the same machine load; the export/alone ratio is
    taken per repeat and its median reported."""
    height, width = frames[0].shape[:2]
    size = (width, height)
    modes = [] if args.no_export else args.draw_modes.split(",")
    alone_runs: list[dict[str, float | None]] = []
    export_runs: dict[str, list[dict[str, float | None]]] = {m: [] for m in modes}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.mp4"
        for _ in range(args.repeats):
            if args.wait_quiet:
                wait_until_quiet(args.wait_quiet)
            alone_runs.append(
                encode_alone_once(frames, args.fps, args.seconds, out, **writer_options)
            )
            for mode in modes:
                if args.wait_quiet:
                    wait_until_quiet(args.wait_quiet)
                source = RingSource(frames, args.fps, args.draw_ms, mode)
                run = export_once(source, size, args.fps, args.seconds, out, **writer_options)
                run["vs_encode_alone"] = float(run["realtime"]) / float(alone_runs[-1]["realtime"])  # type: ignore[arg-type]
                export_runs[mode].append(run)
    row: dict[str, object] = {"size": f"{width}x{height}"} | writer_options
    row["encode_alone"] = _summary(alone_runs) | {
        "mbit_per_s": round(float(alone_runs[-1]["mbit_per_s"]), 2)  # type: ignore[arg-type]
    }
    for mode, runs in export_runs.items():
        summary = _summary(runs)
        for key in ("draw_ms_per_frame", "encode_wait_ms_per_frame"):
            summary[key] = round(statistics.median(float(r[key]) for r in runs), 2)  # type: ignore[arg-type]
        ratios = [float(r["vs_encode_alone"]) for r in runs]  # type: ignore[arg-type]
        summary["vs_encode_alone"] = {
            "median": round(statistics.median(ratios), 3),
            "runs": [round(r, 3) for r in ratios],
        }
        row[f"export_{mode}_{args.draw_ms:g}ms"] = summary
    if args.quality:
        row["quality"] = measure_quality(frames, args.fps, **writer_options)
    return row


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the figures as JSON on stdout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="video seconds per run")
    parser.add_argument("--sizes", default="1920x1080,1280x720", help="comma-separated sizes")
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--presets", default="ultrafast,superfast,veryfast")
    parser.add_argument("--crf", default=str(MP4_CRF), help="comma-separated crf values")
    parser.add_argument("--threads", default=str(MP4_THREADS), help="comma-separated counts")
    parser.add_argument("--thread-types", default=MP4_THREAD_TYPE, help="FRAME and/or SLICE")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cameras", default="fixed,follow", help="scene cameras: fixed,follow")
    parser.add_argument("--ring", type=int, default=120, help="distinct pre-drawn frames")
    parser.add_argument("--draw-ms", type=float, default=4.0, help="drawing time per frame")
    parser.add_argument("--draw-modes", default="cpu", help="comma-separated: cpu,spin,sleep")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0.0,
        help="before each run wait up to this many seconds for other processes to go idle",
    )
    parser.add_argument("--no-export", action="store_true", help="skip the pipeline runs")
    parser.add_argument("--quality", action="store_true", help="also measure PSNR per setting")
    args = parser.parse_args(argv)

    presets = args.presets.split(",")
    crfs = [float(c) for c in args.crf.split(",")]
    thread_counts = [int(t) for t in args.threads.split(",")]
    thread_types = args.thread_types.split(",")
    report: dict[str, object] = {
        "fps": args.fps,
        "seconds": args.seconds,
        "repeats": args.repeats,
        "chosen": {
            "preset": MP4_PRESET,
            "crf": MP4_CRF,
            "threads": MP4_THREADS,
            "thread_type": MP4_THREAD_TYPE,
        },
        "av": av.__version__,
        "results": [],
    }
    results: list[dict[str, object]] = report["results"]  # type: ignore[assignment]
    ring = min(args.ring, round(args.seconds * args.fps))
    for size_text, camera in itertools.product(args.sizes.split(","), args.cameras.split(",")):
        frames = make_frames(parse_size(size_text), ring, camera)
        settings = itertools.product(presets, crfs, thread_counts, thread_types)
        for preset, crf, threads, thread_type in settings:
            writer_options = {
                "preset": preset,
                "crf": crf,
                "threads": threads,
                "thread_type": thread_type,
            }
            row = {"camera": camera} | _bench_setting(frames, args, writer_options)
            results.append(row)
            print(json.dumps(row), file=sys.stderr)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
