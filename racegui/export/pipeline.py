"""Run one export: draw every planned frame from a FrameSource and feed it to a writer."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from racegui.export.frames import FramePlan, FrameSource, iter_plan, plan_frames, sample_frames
from racegui.export.gif_writer import RGB, GifWriter
from racegui.export.mp4_writer import Mp4Writer
from racegui.export.options import (
    ExportOptions,
    ExportOptionsError,
    check_frame_budget,
    check_gif_budget,
)
from racegui.export.png_writer import PngWriter
from racegui.export.writer_base import FrameWriter
from racegui.gc_control import CollectBetweenFrames
from racegui.io.atomic import refuse_read_only


class ExportCancelled(Exception):
    """The export was cancelled; the temporary file is gone and the destination untouched."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote and how long it took.

    ``path`` is the requested output (the pattern, for a PNG sequence) and ``files`` the
    files written. ``duration_s`` is the playing time of the file (0 for a still);
    ``wall_s`` the whole export, ``draw_s`` the time spent in the source drawing frames and
    ``encode_wait_s`` the time spent blocked in the writer (all in seconds).
    """

    path: Path
    files: tuple[Path, ...]
    frames: int
    fps: int
    size: tuple[int, int]
    duration_s: float
    wall_s: float
    draw_s: float
    encode_wait_s: float
    bytes_written: int
    left_over: tuple[Path, ...] = ()
    """Frames of an earlier, longer PNG sequence under the same names after this one's."""

    @property
    def realtime_factor(self) -> float:
        """Seconds of video written per wall-clock second."""
        return self.duration_s / self.wall_s if self.wall_s > 0 else float("inf")


def plan_for(options: ExportOptions, race_duration_s: float | None) -> FramePlan:
    """The frames ``options`` asks for; ``race_duration_s`` (s) fills a missing end time.
    ExportOptionsError for more than MAX_FRAMES frames, before any is planned."""
    start, end = options.span(race_duration_s)
    if options.is_still:
        return FramePlan(race_times=np.array([start]), fps=options.fps)
    cards_s = options.title_card_s + options.end_card_s
    check_frame_budget(((end - start) / options.speed + cards_s) * options.fps + 1)
    return plan_frames(
        start, end, options.fps, options.speed, options.title_card_s, options.end_card_s
    )


def make_writer(
    options: ExportOptions,
    palette_sample: list[np.ndarray] | None = None,
    key_colours: Sequence[RGB] = (),
) -> FrameWriter:
    """The writer for ``options`` with the house settings (MP4 preset and crf, PNG level);
    a GIF's palette is built from ``palette_sample`` and holds ``key_colours`` exactly."""
    fmt = options.format
    if fmt == "mp4":
        return Mp4Writer(options.output, options.size, options.fps)
    if fmt == "gif":
        return GifWriter(
            options.output,
            options.size,
            options.fps,
            palette_sample=palette_sample,
            key_colours=key_colours,
        )
    return PngWriter(options.output, options.size, options.fps, sequence=options.is_sequence)


def export(
    source: FrameSource,
    options: ExportOptions,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    race_duration_s: float | None = None,
    writer: FrameWriter | None = None,
) -> ExportResult:
    """Draw and write every frame of the export ``options`` describes; return the figures.

    The race span defaults to 0 s .. ``race_duration_s``, or ``source.duration_s`` if the
    source has it. ``progress(done, total)`` is called after each frame and ``cancelled()``
    before each; if it returns True the writer is aborted and ExportCancelled raised. Any
    error also aborts the writer, so the destination is either complete or untouched.
    ``writer`` replaces the default one from :func:`make_writer` (it must not be open yet).
    Raises ExportOptionsError for bad options, before anything is drawn.
    """
    wall_start = time.perf_counter()
    options.validate()
    if tuple(source.size) != tuple(options.size):
        raise ExportOptionsError(
            f"The scene draws {source.size[0]}x{source.size[1]} frames but the export asks for "
            f"{options.size[0]}x{options.size[1]}."
        )
    if race_duration_s is None:
        race_duration_s = getattr(source, "duration_s", None)
    plan = plan_for(options, race_duration_s)
    total = plan.total
    set_end = getattr(source, "set_end", None)
    if set_end is not None and not options.is_still:  # what the end card sums up
        set_end(float(plan.race_times[-1]))
    set_start = getattr(source, "set_start", None)
    if set_start is not None and not options.is_still:  # the title card of a part clip
        set_start(float(plan.race_times[0]))
    set_speed = getattr(source, "set_speed", None)
    if set_speed is not None:  # a still is one moment: no speed to tell
        set_speed(1.0 if options.is_still else options.speed)
    draw_s = 0.0
    if options.format == "gif":
        check_gif_budget(total, options.size, plan)
        if writer is None:
            tic = time.perf_counter()
            sample = sample_frames(source, plan)
            reset = getattr(source, "reset", None)
            if reset is not None:  # the samples are not the frames before the first
                reset()
            draw_s += time.perf_counter() - tic
            keys = getattr(source, "key_colours", ())  # a small dot's colour survives
            writer = make_writer(options, palette_sample=sample, key_colours=keys)
    if writer is None:
        writer = make_writer(options)

    encode_wait_s = 0.0
    if not options.is_sequence:
        refuse_read_only(options.output)
    writer.open()
    try:
        # Garbage is collected here, between frames, never in the encoder's thread nor in
        # the middle of a paint (see racegui.gc_control); counted as drawing time.
        with CollectBetweenFrames() as collection:
            frames = iter_plan(source, plan)
            for done in range(1, total + 1):
                if cancelled is not None and cancelled():
                    raise ExportCancelled(f"Export to {options.output} cancelled.")
                tic = time.perf_counter()
                collection.frame_done()
                frame = next(frames)
                toc = time.perf_counter()
                writer.write(frame)
                encode_wait_s += time.perf_counter() - toc
                draw_s += toc - tic
                if progress is not None:
                    progress(done, total)
            if cancelled is not None and cancelled():  # before the file is finished and moved
                raise ExportCancelled(f"Export to {options.output} cancelled.")
            tic = time.perf_counter()
            writer.close()
            encode_wait_s += time.perf_counter() - tic
    except BaseException:
        writer.abort()
        raise
    files = writer.files
    return ExportResult(
        path=options.output,
        files=files,
        frames=total,
        fps=options.fps,
        size=options.size,
        duration_s=writer.duration_s,
        wall_s=time.perf_counter() - wall_start,
        draw_s=draw_s,
        encode_wait_s=encode_wait_s,
        bytes_written=sum(f.stat().st_size for f in files),
        left_over=tuple(getattr(writer, "left_over", ())),
    )
