"""MP4 (H.264, yuv420p, faststart) written by x264 in a worker thread fed by a bounded
queue of frames already converted to YUV (see writer_base for the interface every writer
has)."""

from __future__ import annotations

import os
import queue
import sys
import threading
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from av.video.reformatter import ColorRange, Colorspace, VideoReformatter

from racegui.export.writer_base import (
    ExportWriteError,
    WriterBase,
    check_frame,
    commit_file,
    discard,
    failure_reason,
)
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
"""Memory the waiting frames may take (reckoned at 4 bytes a pixel, though they now wait as
YUV 4:2:0, 1.5): 8 frames up to 2560x1440, 4 at 4K and 2 at 8K, where 8 frames of 133 MB took
0.9 GB more (an 8K export peaked at 5.2 GB instead of 4.3 GB)."""
_AVCOL_BT709 = 1
"""AVCOL_PRI_BT709 = AVCOL_TRC_BT709 = AVCOL_SPC_BT709 in FFmpeg."""
_AVCOL_RANGE_MPEG = 1
"""AVCOL_RANGE_MPEG: limited ("TV") range, what players expect from H.264."""
_PUT_POLL_S = 0.1


class Mp4Writer(WriterBase):
    """H.264 (libx264, yuv420p, BT.709 limited range) in MP4 with the index at the front.

    ``size`` is (width, height) in pixels, both even; ``fps`` is the exact frame rate (frame
    k has pts k in a 1/fps time base). write() converts a frame to YUV straight from the
    caller's buffer (FFmpeg's swscale, without the GIL) and queues it; x264 encodes in a
    worker thread fed by a bounded queue, so the caller draws the next frame meanwhile.
    Converting in write() saves copying each frame for the worker (8 MB at 1080p): measured
    on 2 busy cores, 2.0-2.5 ms less CPU per 1080p frame in all (write() itself ~1.4 ms
    more), the same file byte for byte. An error in the worker is raised, as
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
        self._queue: queue.Queue[tuple[int, av.VideoFrame] | None] = queue.Queue(queue_frames)
        self._reformatter: VideoReformatter | None = None
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
            self._reformatter = VideoReformatter()
        except Exception as exc:
            self._cleanup()
            raise ExportWriteError(f"Could not start the MP4 encoder: {exc}") from exc
        self._thread = threading.Thread(target=self._run, name="mp4-encoder", daemon=True)
        self._thread.start()

    def write(self, frame: np.ndarray) -> None:
        """Convert one RGB or BGRA frame to YUV and queue it; blocks while the queue is full.
        The frame is read only here: the caller may draw over it once write() returns."""
        self._raise_worker_error()
        if self._thread is None:
            raise ExportWriteError("Mp4Writer.write() before open() or after close().")
        try:
            check_frame(frame, self.size)
        except ExportWriteError:
            self.abort()
            raise
        try:
            yuv = self._convert(frame)
        except Exception as exc:
            self.abort()
            raise ExportWriteError(f"MP4 encoding failed: {exc}") from exc
        if not self._put((self.frames_written, yuv)):
            self._raise_worker_error()
            self.abort()
            raise ExportWriteError("The MP4 encoder thread stopped unexpectedly.")
        self.frames_written += 1

    def _convert(self, frame: np.ndarray) -> av.VideoFrame:
        """The frame as YUV 4:2:0, BT.709 limited range, in a new frame of its own."""
        assert self._reformatter is not None
        layout = "bgra" if frame.shape[2] == 4 else "rgb24"
        pixels = np.ascontiguousarray(frame)  # as it is, unless rows have gaps
        return self._reformatter.reformat(
            av.VideoFrame.from_numpy_buffer(pixels, layout),
            format="yuv420p",
            dst_colorspace=Colorspace.ITU709,
            dst_color_range=ColorRange.MPEG,
        )

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
            raise ExportWriteError(f"Could not finish {self.path}: {failure_reason(exc)}") from exc
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
        self, item: tuple[int, av.VideoFrame] | None, thread: threading.Thread | None = None
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
            raise ExportWriteError(
                f"Could not write {self.path}: {failure_reason(error)}"
            ) from error
        raise ExportWriteError(f"MP4 encoding failed: {error}") from error

    def _run(self) -> None:
        _lower_thread_priority(self.nice)
        container, stream = self._container, self._stream
        assert container is not None and stream is not None
        finished = False  # True once the end-of-frames sentinel (None) has been taken
        try:
            while not finished:
                item = self._queue.get()
                finished = item is None
                if item is None or self._stop.is_set():
                    continue
                index, yuv = item
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
        discard(self._tmp)
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
