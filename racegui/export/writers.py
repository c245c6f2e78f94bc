"""Turn a stream of RGB frames into an MP4, a GIF or PNGs at the destination, atomically.

Every writer has the same small interface: ``open()``, ``write(frame)`` for each (height,
width, 3) uint8 RGB frame, then ``close()`` to finish, or ``abort()`` to give up. Writers work
in a temporary file (or folder) next to the destination and move it into place only when
``close()`` succeeds, after flushing it to disk. ``abort()``, or any error, deletes the
temporary file and leaves an existing destination file untouched. A writer is also a context
manager: leaving the block normally closes it, leaving it with an exception aborts it.
"""

from __future__ import annotations

import math
import os
import queue
import shutil
import sys
import threading
from collections.abc import Iterator, Sequence
from fractions import Fraction
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

import av
import numpy as np
from av.video.reformatter import ColorRange, Colorspace, VideoReformatter
from PIL import Image

from racegui.export.frames import to_rgb
from racegui.io.atomic import reserve_temp_path

MP4_PRESET = "veryfast"
"""x264 preset. On the 2-core test machine a synthetic 1080p30 scene encodes alone at about
2.8-3.9x real time (superfast ~3.8-4.0x, ultrafast ~4.2-4.9x) at 1/2 to 1/6 of their
bitrate for the same crf; see benchmarks/bench_encode.py."""
MP4_CRF = 18
"""x264 constant rate factor: 18 keeps thin lines and small coloured text clean on a
projector (luma PSNR ~50 dB on a 1080p scene, ~1 Mbit/s); 23 visibly smears small labels."""
MP4_THREADS = 0
"""x264 threads; 0 lets x264 choose (1.5 per core). 2 and 4 measured no better on 2 cores."""
MP4_THREAD_TYPE = "FRAME"
"""x264 threading. PyAV's default "SLICE" makes x264 use sliced threads, measured 15-30%
slower than frame-parallel threads here."""
MP4_KEYFRAME_S = 2.0
"""Seconds between key frames, so that seeking in a presentation is quick."""
MP4_ENCODER_NICE = 10
"""How far (nice steps, Linux) the encoder thread and x264's threads yield to the thread that
draws frames, so the window stays responsive during an export from the GUI. Measured on 2
cores: drawing a 1080p frame took 7.7-8.0 ms of wall time during an export instead of 10.7 ms
at nice 0 (the same CPU time); the export's overall speed moved within run-to-run noise."""
MP4_QUEUE_FRAMES = 8
"""Frames that may wait for the encoder thread before write() blocks (fewer for big frames:
see MP4_QUEUE_BYTES)."""
MP4_QUEUE_BYTES = 128 * 1024 * 1024
"""Memory the waiting frames may take: 8 frames up to 2560x1440, 4 at 4K and 2 at 8K, where
8 frames of 133 MB took 0.9 GB more (an 8K export peaked at 5.2 GB instead of 4.3 GB)."""
GIF_PALETTE_SAMPLES = 16
"""Frames sampled (evenly) to build a GIF's shared palette when no sample is given."""
GIF_PALETTE_PIXELS = 1_000_000
"""Pixels the palette is built from at most (sample frames are subsampled to fit)."""
GIF_COLOURS = 255
"""Colours of a GIF's shared palette: one index of the 256 is left free, so that each frame
after the first can mark the pixels unchanged since the frame before as transparent (Pillow's
optimize). Those runs compress to almost nothing: a 10 s 640x360 clip of the demo took
0.71 MB instead of 3.86 MB, its frames decoding to the same pixels."""
PNG_STILL_COMPRESS_LEVEL = 6
"""zlib level for a PNG still (Pillow's default: smallest file, ~45 ms for a 1080p scene)."""
PNG_SEQUENCE_COMPRESS_LEVEL = 3
"""zlib level for PNG sequences: measured ~25% faster than 6 on a 1080p scene frame (34 vs
45 ms of CPU) for files ~45% larger (94 vs 65 kB)."""

_AVCOL_BT709 = 1
"""AVCOL_PRI_BT709 = AVCOL_TRC_BT709 = AVCOL_SPC_BT709 in FFmpeg."""
_AVCOL_RANGE_MPEG = 1
"""AVCOL_RANGE_MPEG: limited ("TV") range, what players expect from H.264."""
_PUT_POLL_S = 0.1


class ExportWriteError(RuntimeError):
    """Writing the output failed (the encoder, the disk, or a frame of the wrong shape)."""


class FrameWriter(Protocol):
    """The interface every writer has (see the module docstring)."""

    path: Path
    frames_written: int

    def open(self) -> None: ...

    def write(self, frame: np.ndarray) -> None: ...

    def close(self) -> None: ...

    def abort(self) -> None: ...

    @property
    def duration_s(self) -> float:
        """Playing time of the written file (s)."""
        ...

    @property
    def files(self) -> tuple[Path, ...]:
        """Files moved into place by close()."""
        ...


def _reason(exc: BaseException) -> str:
    """Why writing failed, in words: an OS error's own text ("No space left on device")
    without its number or the temporary file's name; any other error as it reads."""
    seen = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror
        seen = seen.__cause__ or seen.__context__
    return str(exc)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    try:
        _fsync_path(path)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename has happened anyway


def commit_file(tmp: Path, dest: Path) -> None:
    """Flush ``tmp`` to disk and rename it over ``dest`` in one step."""
    _fsync_path(tmp)
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)


def _discard(path: Path | None) -> None:
    if path is None:
        return
    try:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()
    except FileNotFoundError:
        pass


def _check_frame(frame: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The frame, checked: (height, width, 3) RGB or (height, width, 4) BGRA uint8."""
    width, height = size
    if not isinstance(frame, np.ndarray):
        raise ExportWriteError(f"A frame must be a numpy array, got {type(frame).__name__}.")
    if frame.shape not in ((height, width, 3), (height, width, 4)) or frame.dtype != np.uint8:
        raise ExportWriteError(
            f"A frame must be ({height}, {width}, 3) uint8 RGB or ({height}, {width}, 4) BGRA, "
            f"got {frame.shape} {frame.dtype}."
        )
    return frame


def _rgb(frame: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The checked frame as a contiguous (height, width, 3) RGB array."""
    return np.ascontiguousarray(to_rgb(_check_frame(frame, size)))


class _WriterBase:
    """Context-manager plumbing shared by the writers."""

    def open(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class Mp4Writer(_WriterBase):
    """H.264 (libx264, yuv420p, BT.709 limited range) in MP4 with the index at the front.

    ``size`` is (width, height) in pixels, both even; ``fps`` is the exact frame rate (frame
    k has pts k in a 1/fps time base). Frames are converted and encoded in a worker thread
    fed by a bounded queue, so the caller can draw the next frame meanwhile (x264 and the
    colour conversion release the GIL). An error in the worker is raised, as
    ExportWriteError, by the next write() or by close().
    """

    def __init__(
        self,
        path: Path | str,
        size: tuple[int, int],
        fps: int,
        *,
        preset: str = MP4_PRESET,
        crf: float = MP4_CRF,
        threads: int = MP4_THREADS,
        keyframe_s: float = MP4_KEYFRAME_S,
        queue_frames: int | None = None,
        thread_type: str = MP4_THREAD_TYPE,
        nice: int = MP4_ENCODER_NICE,
    ) -> None:
        width, height = size
        if width <= 0 or height <= 0 or width % 2 or height % 2:
            raise ExportWriteError(f"MP4 needs an even width and height, got {width}x{height}.")
        self.path = Path(path)
        self.size = (width, height)
        self.fps = fps
        self.preset = preset
        self.crf = crf
        self.threads = threads
        self.keyframe_s = keyframe_s
        self.thread_type = thread_type
        self.nice = nice
        self.frames_written = 0
        if queue_frames is None:
            frame_bytes = 4 * width * height
            queue_frames = max(2, min(MP4_QUEUE_FRAMES, MP4_QUEUE_BYTES // frame_bytes))
        self.queue_frames = queue_frames
        self._queue: queue.Queue[tuple[int, np.ndarray] | None] = queue.Queue(queue_frames)
        self._free: queue.Queue[np.ndarray] = queue.Queue()
        """Frame buffers the worker is done with (at most queue_frames + 2 ever exist)."""
        self._tmp: Path | None = None
        self._container: av.container.OutputContainer | None = None
        self._stream: av.video.stream.VideoStream | None = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._stop = threading.Event()
        self._files: tuple[Path, ...] = ()

    @property
    def duration_s(self) -> float:
        """Playing time (s): frames written divided by fps."""
        return self.frames_written / self.fps

    @property
    def files(self) -> tuple[Path, ...]:
        """The destination, once close() has succeeded."""
        return self._files

    def open(self) -> None:
        """Create the temporary file, set up the encoder and start the worker thread."""
        self._tmp = reserve_temp_path(self.path)
        try:
            container = av.open(
                str(self._tmp),
                mode="w",
                format="mp4",
                container_options={"movflags": "+faststart"},
            )
            self._container = container
            stream = container.add_stream(
                "libx264",
                rate=Fraction(self.fps),
                options={"preset": self.preset, "crf": f"{self.crf:g}"},
            )
            width, height = self.size
            stream.width = width
            stream.height = height
            stream.pix_fmt = "yuv420p"
            stream.time_base = Fraction(1, self.fps)
            ctx = stream.codec_context
            ctx.time_base = Fraction(1, self.fps)
            ctx.framerate = Fraction(self.fps)
            ctx.thread_count = self.threads
            ctx.thread_type = self.thread_type
            ctx.gop_size = max(1, round(self.keyframe_s * self.fps))
            ctx.color_primaries = _AVCOL_BT709
            ctx.color_trc = _AVCOL_BT709
            ctx.colorspace = _AVCOL_BT709
            ctx.color_range = _AVCOL_RANGE_MPEG
            self._stream = stream
        except Exception as exc:
            self._cleanup()
            raise ExportWriteError(f"Could not start the MP4 encoder: {exc}") from exc
        self._thread = threading.Thread(target=self._run, name="mp4-encoder", daemon=True)
        self._thread.start()

    def write(self, frame: np.ndarray) -> None:
        """Queue one RGB or BGRA frame (copied); blocks while the queue is full."""
        self._raise_worker_error()
        if self._thread is None:
            raise ExportWriteError("Mp4Writer.write() before open() or after close().")
        try:
            _check_frame(frame, self.size)
        except ExportWriteError:
            self.abort()
            raise
        # The source may reuse its buffer: queue a private copy, in a buffer the worker has
        # finished with when there is one (a fresh 8 MB array costs ~1.5 ms of page faults).
        if not self._put((self.frames_written, self._copy(frame))):
            self._raise_worker_error()
            self.abort()
            raise ExportWriteError("The MP4 encoder thread stopped unexpectedly.")
        self.frames_written += 1

    def _copy(self, frame: np.ndarray) -> np.ndarray:
        """A contiguous copy of frame, in a recycled buffer if one is free."""
        try:
            buf = self._free.get_nowait()
        except queue.Empty:
            buf = None
        if buf is None or buf.shape != frame.shape:
            buf = np.empty(frame.shape, dtype=np.uint8)
        np.copyto(buf, frame)
        return buf

    def close(self) -> None:
        """Finish encoding, write the index, then move the file into place."""
        thread = self._thread
        if thread is None:
            raise ExportWriteError("Mp4Writer.close() before open() or after close().")
        self._put(None)
        thread.join()
        self._thread = None
        self._raise_worker_error()
        try:
            assert self._container is not None and self._tmp is not None
            self._container.close()
            self._container = None
            commit_file(self._tmp, self.path)
        except Exception as exc:
            self._cleanup()
            raise ExportWriteError(f"Could not finish {self.path}: {_reason(exc)}") from exc
        self._tmp = None
        self._files = (self.path,)

    def abort(self) -> None:
        """Stop encoding and delete the temporary file; the destination is not touched.

        Safe to call more than once, and after an error.
        """
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            self._put(None, thread)
            thread.join()
        self._cleanup()

    def _put(
        self, item: tuple[int, np.ndarray] | None, thread: threading.Thread | None = None
    ) -> bool:
        """Queue ``item`` for the worker; False if the worker has gone (so nothing waits for
        ever on a full queue)."""
        thread = thread or self._thread
        while thread is not None and thread.is_alive():
            try:
                self._queue.put(item, timeout=_PUT_POLL_S)
                return True
            except queue.Full:
                continue
        return False

    def _raise_worker_error(self) -> None:
        error = self._error
        if error is None:
            return
        self.abort()
        if isinstance(error, OSError):
            raise ExportWriteError(f"Could not write {self.path}: {_reason(error)}") from error
        raise ExportWriteError(f"MP4 encoding failed: {error}") from error

    def _run(self) -> None:
        _lower_thread_priority(self.nice)
        container, stream = self._container, self._stream
        assert container is not None and stream is not None
        reformatter = VideoReformatter()
        finished = False  # True once the end-of-frames sentinel (None) has been taken
        try:
            while not finished:
                item = self._queue.get()
                finished = item is None
                if item is None or self._stop.is_set():
                    continue
                index, pixels = item
                layout = "bgra" if pixels.shape[2] == 4 else "rgb24"
                yuv = reformatter.reformat(
                    av.VideoFrame.from_numpy_buffer(pixels, layout),
                    format="yuv420p",
                    dst_colorspace=Colorspace.ITU709,
                    dst_color_range=ColorRange.MPEG,
                )
                self._free.put(pixels)  # the reformatted frame no longer needs it
                yuv.pts = index
                container.mux(stream.encode(yuv))
            if not self._stop.is_set():
                container.mux(stream.encode(None))
        except BaseException as exc:  # reported to the caller by write() or close()
            self._error = exc
            while not finished:  # keep taking frames so the caller never blocks on put()
                finished = self._queue.get() is None

    def _cleanup(self) -> None:
        if self._container is not None:
            try:
                self._container.close()
            except Exception:
                pass  # the file is being thrown away
            self._container = None
        _discard(self._tmp)
        self._tmp = None


def _lower_thread_priority(steps: int) -> None:
    """Make the calling thread (and the threads it starts) yield to the drawing thread."""
    if steps <= 0 or not sys.platform.startswith("linux"):
        return
    tid = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, tid, min(os.getpriority(os.PRIO_PROCESS, tid) + steps, 19))
    except OSError:
        pass


def gif_durations_ms(frames: int, fps: float) -> list[int]:
    """Per-frame GIF delays (ms, multiples of 10) whose running total tracks ``k * 1000 / fps``.

    GIF stores delays in whole centiseconds, so 30 fps (33.3 ms) becomes 30, 40, 30, 30, 40,
    30, ... ms: frame k ends at round((k + 1) * 100 / fps) cs, so the total is the exact
    length rounded to 10 ms and no frame is off by more than 5 ms.
    """

    def end_cs(k: int) -> int:
        return math.floor(k * 100 / fps + 0.5)

    return [10 * (end_cs(k + 1) - end_cs(k)) for k in range(frames)]


def build_palette(frames: Sequence[np.ndarray], colors: int = GIF_COLOURS) -> Image.Image:
    """A "P" image holding one palette of ``colors`` colours for all ``frames`` (RGB arrays).

    The frames are subsampled to at most GIF_PALETTE_PIXELS pixels in all, stacked, and
    quantized with median cut (which keeps the flat colours of the scene exact).
    """
    if not frames:
        raise ValueError("build_palette needs at least one frame")
    pixels = sum(f.shape[0] * f.shape[1] for f in frames)
    step = max(1, math.ceil(math.sqrt(pixels / GIF_PALETTE_PIXELS)))
    width = min(f.shape[1] for f in frames)
    mosaic = np.concatenate([np.asarray(f)[::step, :width:step, :3] for f in frames], axis=0)
    image = Image.fromarray(np.ascontiguousarray(mosaic), "RGB")
    return image.quantize(colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


class GifWriter(_WriterBase):
    """An animated GIF (Pillow) with one shared palette, looping for ever.

    ``size`` is (width, height) in pixels; scaling down is the caller's business. Give
    ``palette_sample`` (a few representative RGB frames) and each frame is reduced to the
    palette as it arrives and kept at one byte per pixel; without it frames are kept as RGB
    (three bytes per pixel) and the palette is built at close() from GIF_PALETTE_SAMPLES of
    them. Delays follow :func:`gif_durations_ms`. Pillow merges identical consecutive frames
    into one longer frame, so the file may hold fewer frames than were written, with the same
    total duration.
    """

    def __init__(
        self,
        path: Path | str,
        size: tuple[int, int],
        fps: float,
        *,
        palette_sample: Sequence[np.ndarray] | None = None,
        dither: bool = False,
    ) -> None:
        self.path = Path(path)
        self.size = size
        self.fps = fps
        self.frames_written = 0
        self._dither = Image.Dither.FLOYDSTEINBERG if dither else Image.Dither.NONE
        self._palette: Image.Image | None = None
        if palette_sample:
            self._palette = build_palette([_rgb(f, size) for f in palette_sample])
        self._frames: list[Image.Image | np.ndarray | None] = []
        self._tmp: Path | None = None
        self._files: tuple[Path, ...] = ()

    @property
    def duration_s(self) -> float:
        """Playing time (s): the sum of the frame delays."""
        return sum(gif_durations_ms(self.frames_written, self.fps)) / 1000

    @property
    def files(self) -> tuple[Path, ...]:
        """The destination, once close() has succeeded."""
        return self._files

    def open(self) -> None:
        """Create the temporary file."""
        self._tmp = reserve_temp_path(self.path)

    def write(self, frame: np.ndarray) -> None:
        """Keep one RGB frame (reduced to the palette now if there is one)."""
        if self._tmp is None:
            raise ExportWriteError("GifWriter.write() before open() or after close().")
        try:
            rgb = _rgb(frame, self.size)
        except ExportWriteError:
            self.abort()
            raise
        if self._palette is not None:
            self._frames.append(self._quantize(rgb))
        else:
            self._frames.append(rgb.copy())
        self.frames_written += 1

    def close(self) -> None:
        """Write the GIF to the temporary file and move it into place."""
        if self._tmp is None:
            raise ExportWriteError("GifWriter.close() before open() or after close().")
        if not self._frames:
            self.abort()
            raise ExportWriteError("No frames were written, so there is no GIF to save.")
        try:
            if self._palette is None:
                stored = self._frames
                picks = np.linspace(0, len(stored) - 1, min(GIF_PALETTE_SAMPLES, len(stored)))
                self._palette = build_palette([stored[round(i)] for i in picks])
            durations = gif_durations_ms(len(self._frames), self.fps)
            first = self._as_image(self._frames[0])
            with open(self._tmp, "wb") as fh:
                first.save(
                    fh,
                    format="GIF",
                    save_all=True,
                    append_images=self._drain_images(),
                    duration=durations,
                    loop=0,
                    optimize=True,  # unchanged pixels transparent: see GIF_COLOURS
                    disposal=1,
                    palette=self._palette.getpalette(),
                )
            commit_file(self._tmp, self.path)
        except Exception as exc:
            self.abort()
            raise ExportWriteError(f"Could not write {self.path}: {_reason(exc)}") from exc
        self._tmp = None
        self._frames = []
        self._files = (self.path,)

    def abort(self) -> None:
        """Drop the frames and delete the temporary file."""
        self._frames = []
        _discard(self._tmp)
        self._tmp = None

    def _quantize(self, rgb: np.ndarray) -> Image.Image:
        assert self._palette is not None
        image = Image.fromarray(rgb, "RGB")
        return image.quantize(palette=self._palette, dither=self._dither)

    def _as_image(self, item: Image.Image | np.ndarray) -> Image.Image:
        return item if isinstance(item, Image.Image) else self._quantize(item)

    def _drain_images(self) -> Iterator[Image.Image]:
        # Hand frames 1.. to Pillow one at a time, releasing our copy of each as it goes.
        for index in range(1, len(self._frames)):
            item = self._frames[index]
            self._frames[index] = None
            assert item is not None
            yield self._as_image(item)


def sequence_name(pattern: Path, number: int) -> Path:
    """File name of frame ``number`` of a PNG sequence (counting from 1).

    A pattern with "%d" or "%04d" is filled in printf-style; any other name gets "_0001"
    style numbers before the suffix ("race.png" -> "race_0001.png").
    """
    name = pattern.name
    if "%" in name:
        try:
            return pattern.with_name(name % number)
        except (TypeError, ValueError) as exc:
            raise ExportWriteError(
                f"{name!r} is not a frame number pattern like race_%04d.png."
            ) from exc
    return pattern.with_name(f"{pattern.stem}_{number:04d}{pattern.suffix}")


class PngWriter(_WriterBase):
    """PNG output: one still (the first frame written; later frames are ignored) or, with
    ``sequence=True``, one numbered file per frame named by :func:`sequence_name`.

    A sequence is written into a temporary folder next to the destination and its files are
    moved into place by close(); abort() deletes the folder and touches no existing file.
    """

    def __init__(
        self,
        path: Path | str,
        size: tuple[int, int],
        fps: float,
        *,
        sequence: bool = False,
        compress_level: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.size = size
        self.fps = fps
        self.sequence = sequence
        if compress_level is None:
            compress_level = PNG_SEQUENCE_COMPRESS_LEVEL if sequence else PNG_STILL_COMPRESS_LEVEL
        self.compress_level = compress_level
        self.frames_written = 0
        self._tmp: Path | None = None
        self._names: list[Path] = []
        self._files: tuple[Path, ...] = ()

    @property
    def duration_s(self) -> float:
        """Playing time (s) of a sequence at fps; 0 for a still."""
        return self.frames_written / self.fps if self.sequence else 0.0

    @property
    def files(self) -> tuple[Path, ...]:
        """The PNG files moved into place by close()."""
        return self._files

    def open(self) -> None:
        """Create the temporary file (still) or folder (sequence)."""
        if self.sequence:
            tmp = reserve_temp_path(self.path, ".partdir")
            tmp.unlink()
            tmp.mkdir()
            self._tmp = tmp
        else:
            self._tmp = reserve_temp_path(self.path)

    def write(self, frame: np.ndarray) -> None:
        """Save the frame (a still keeps only the first one)."""
        if self._tmp is None:
            raise ExportWriteError("PngWriter.write() before open() or after close().")
        if not self.sequence and self.frames_written:
            return
        try:
            image = Image.fromarray(_rgb(frame, self.size), "RGB")
            if self.sequence:
                final = sequence_name(self.path, self.frames_written + 1)
                target = self._tmp / final.name
                self._names.append(final)
            else:
                target = self._tmp
            with open(target, "wb") as fh:
                image.save(fh, format="PNG", compress_level=self.compress_level)
                fh.flush()
                os.fsync(fh.fileno())
        except Exception as exc:
            self.abort()
            if isinstance(exc, ExportWriteError):
                raise
            raise ExportWriteError(f"Could not write {self.path}: {_reason(exc)}") from exc
        self.frames_written += 1

    def close(self) -> None:
        """Move the PNG(s) into place."""
        if self._tmp is None:
            raise ExportWriteError("PngWriter.close() before open() or after close().")
        if not self.frames_written:
            self.abort()
            raise ExportWriteError("No frames were written, so there is no PNG to save.")
        try:
            if self.sequence:
                self._check_destinations()
                self._move_sequence()
                _fsync_dir(self.path.parent)
                self._tmp.rmdir()
                self._files = tuple(self._names)
            else:
                commit_file(self._tmp, self.path)
                self._files = (self.path,)
        except ExportWriteError:
            self.abort()
            raise
        except Exception as exc:
            self.abort()
            raise ExportWriteError(f"Could not move the PNGs into place: {_reason(exc)}") from exc
        self._tmp = None

    def _check_destinations(self) -> None:
        """ExportWriteError, before any file is moved, if a name of the sequence is taken by
        anything but a file (a folder f_0003.png left f_0001 and f_0002 moved in)."""
        for final in self._names:
            if os.path.lexists(final) and (final.is_dir() or not final.is_file()):
                kind = "a folder" if final.is_dir() else "not a regular file"
                raise ExportWriteError(
                    f"{final} is {kind}, so the sequence cannot be saved under its name"
                )

    def _move_sequence(self) -> None:
        """Move every PNG of the sequence into place; if one cannot be, remove those moved
        before it (ExportWriteError saying so)."""
        assert self._tmp is not None
        moved: list[Path] = []
        for final in self._names:
            try:
                os.replace(self._tmp / final.name, final)
            except OSError as exc:
                for path in moved:
                    _discard(path)
                again = f"; the {len(moved)} moved before it were removed" if moved else ""
                raise ExportWriteError(
                    f"Could not move {final.name} into place: {_reason(exc)}{again}"
                ) from exc
            moved.append(final)

    def abort(self) -> None:
        """Delete the temporary file or folder."""
        _discard(self._tmp)
        self._tmp = None
        self._names = []
