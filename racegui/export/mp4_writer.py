"""MP4 (H.264, yuv420p, faststart) written by x264 in a process of its own, fed frames
through shared memory (see writer_base for the interface every writer has, encoder_process
for the child's side)."""

from __future__ import annotations

import collections
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import numpy as np

from racegui.export import encoder_process, pipe_messages
from racegui.export.encoder_process import EncoderSettings
from racegui.export.frame_ring import FrameRing
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
MP4_THREADS: int | None = None
"""x264 threads; None gives x264 every core but one (encoder_threads), which drawing needs:
on 2 cores one thread. Measured at 1080p30 with the demo (benchmarks/bench_export.py),
x264 with its own choice (3 frame threads) took both cores from the drawing, so an export
ran at 1.35-1.5x real time against 1.65-1.95x with one thread in a process of its own."""
MP4_THREAD_TYPE = "FRAME"
"""x264 threading. PyAV's default "SLICE" makes x264 use sliced threads, measured 15-30%
slower than frame-parallel threads here."""
MP4_KEYFRAME_S = 2.0
"""Seconds between key frames, so that seeking in a presentation is quick."""
MP4_ENCODER_NICE = 10
"""How far (nice steps, POSIX) the encoder's process yields to the one that draws frames, so
the window stays responsive during an export from the GUI."""
MP4_QUEUE_FRAMES = 8
"""Frames that may wait for the encoder before write() blocks (fewer for big frames: see
MP4_QUEUE_BYTES)."""
MP4_QUEUE_BYTES = 128 * 1024 * 1024
"""Shared memory the waiting frames may take (4 bytes a pixel): 8 frames up to 2560x1440,
4 at 4K and 2 at 8K."""
_STDERR_LINES = 5
"""Last lines of the encoder's error output kept to say why it stopped."""


def encoder_threads() -> int:
    """x264's threads by default: the cores this process may use, less one for drawing."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, cores - 1)


class Mp4Writer(WriterBase):
    """H.264 (libx264, yuv420p, BT.709 limited range) in MP4 with the index at the front.

    ``size`` is (width, height) in pixels, both even; ``fps`` is the exact frame rate (frame
    k has pts k in a 1/fps time base). open() starts the encoder's own process
    (python -m racegui.export.encoder_process); write() copies a frame into a free slot of
    shared memory and tells the encoder, which converts it to YUV and encodes it while the
    caller draws the next one. Drawing and encoding so share no GIL, and x264 keeps a core
    to itself. An error in the encoder (a full disk) is raised, as ExportWriteError, by the
    next write() or by close(); so is the encoder's process ending unexpectedly.
    """

    def __init__(
        self,
        path: Path | str,
        size: tuple[int, int],
        fps: int,
        *,
        preset: str = MP4_PRESET,
        crf: float = MP4_CRF,
        threads: int | None = MP4_THREADS,
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
        self.threads = encoder_threads() if threads is None else threads
        self.keyframe_s = keyframe_s
        self.thread_type = thread_type
        self.nice = nice
        self.frames_written = 0
        if queue_frames is None:
            frame_bytes = 4 * width * height
            queue_frames = max(2, min(MP4_QUEUE_FRAMES, MP4_QUEUE_BYTES // frame_bytes))
        self.queue_frames = queue_frames
        self._tmp: Path | None = None
        self._ring: FrameRing | None = None
        self._process: subprocess.Popen | None = None
        self._to_child: BinaryIO | None = None
        self._inbox: queue.SimpleQueue[object] = queue.SimpleQueue()
        """What the encoder said, in order (None once its output has ended)."""
        self._stderr: collections.deque[object] = collections.deque(maxlen=_STDERR_LINES)
        self._readers: list[threading.Thread] = []
        self._free: list[int] = []
        self._error: ExportWriteError | None = None
        self._ready = False
        self._done = False
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
        """Create the temporary file and start the encoder's process; returns once it is
        ready (ExportWriteError if it cannot start)."""
        self._tmp = reserve_temp_path(self.path)
        width, height = self.size
        settings = EncoderSettings(
            path=str(self._tmp),
            size=self.size,
            fps=self.fps,
            preset=self.preset,
            crf=self.crf,
            threads=self.threads,
            thread_type=self.thread_type,
            keyframe_s=self.keyframe_s,
            nice=self.nice,
        )
        try:
            self._ring = FrameRing.create(self.queue_frames, 4 * width * height)
            self._process = _start_child(self._ring.pass_fds)
            assert self._process.stdin is not None
            self._to_child = self._process.stdin
            self._readers = [
                _reader(self._process.stdout, self._inbox.put, pipe_messages.receive),
                _reader(self._process.stderr, self._stderr.append, _line),
            ]
            handle = self._ring.handle()
            pipe_messages.send(
                self._to_child, (settings, handle, self.queue_frames, 4 * width * height)
            )
            self._free = list(range(self.queue_frames))
            self._wait_for(lambda: self._ready)
        except Exception as exc:
            self.abort()
            if isinstance(exc, ExportWriteError):
                raise
            raise ExportWriteError(f"Could not start the MP4 encoder: {exc}") from exc

    def write(self, frame: np.ndarray) -> None:
        """Hand one RGB or BGRA frame to the encoder; blocks while every slot is taken.
        The frame is read only here: the caller may draw over it once write() returns."""
        if self._process is None:
            raise ExportWriteError("Mp4Writer.write() before open() or after close().")
        try:
            check_frame(frame, self.size)
            self._take_messages()
            if not self._free:
                self._wait_for(lambda: bool(self._free))
            assert self._ring is not None and self._to_child is not None
            slot = self._free.pop()
            np.copyto(self._ring.view(slot, frame.shape), frame)
            layout = "bgra" if frame.shape[2] == 4 else "rgb24"
            self._tell((slot, self.frames_written, layout))
        except ExportWriteError:
            self.abort()
            raise
        self.frames_written += 1

    def close(self) -> None:
        """Finish encoding and the file's index, then move the file into place."""
        process = self._process
        if process is None:
            raise ExportWriteError("Mp4Writer.close() before open() or after close().")
        try:
            self._tell(None)
            self._wait_for(lambda: self._done)
        except ExportWriteError:
            self.abort()
            raise
        self._finish_child()
        try:
            assert self._tmp is not None
            commit_file(self._tmp, self.path)
        except Exception as exc:
            self._cleanup()
            raise ExportWriteError(f"Could not finish {self.path}: {failure_reason(exc)}") from exc
        self._tmp = None
        self._cleanup()
        self._files = (self.path,)

    def abort(self) -> None:
        """Stop the encoder and delete the temporary file; the destination is not touched.

        Safe to call more than once, and after an error.
        """
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
        self._finish_child()
        self._cleanup()

    def _tell(self, message: object) -> None:
        """Send the encoder a message (ExportWriteError if it has gone)."""
        assert self._to_child is not None
        try:
            pipe_messages.send(self._to_child, message)
        except OSError as exc:
            self._take_messages()  # its own word on why, if it said one
            raise self._stopped_error() from exc

    def _wait_for(self, condition: Callable[[], bool]) -> None:
        """Take the encoder's messages until ``condition()`` holds; raises the error it
        reports, or ExportWriteError if its process ends without a word."""
        while not condition():
            if self._error is not None:
                raise self._error
            self._on_message(self._inbox.get())
        if self._error is not None:
            raise self._error

    def _take_messages(self) -> None:
        """Take what the encoder has said so far, without waiting; raises its error."""
        while True:
            try:
                message = self._inbox.get_nowait()
            except queue.Empty:
                break
            self._on_message(message)
        if self._error is not None:
            raise self._error

    def _on_message(self, message: object) -> None:
        kind = message[0] if isinstance(message, tuple) else None
        if kind == "free":
            self._free.append(message[1])
        elif kind == "ready":
            self._ready = True
        elif kind == "done":
            self._done = True
        elif kind == "failed":
            _, phase, reason, is_os_error = message
            self._error = ExportWriteError(self._failure_text(phase, reason, is_os_error))
        elif self._error is None:  # its output ended (or made no sense): it has gone
            self._error = self._stopped_error()

    def _failure_text(self, phase: str, reason: str, is_os_error: bool) -> str:
        if phase == "open":
            return f"Could not start the MP4 encoder: {reason}"
        if phase == "close":
            return f"Could not finish {self.path}: {reason}"
        if is_os_error:
            return f"Could not write {self.path}: {reason}"
        return f"MP4 encoding failed: {reason}"

    def _stopped_error(self) -> ExportWriteError:
        """The encoder's process has ended unasked: say so, with its exit code and the last
        thing it wrote on its error output."""
        code = None
        if self._process is not None:
            try:
                code = self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        for reader in self._readers[1:]:
            reader.join(timeout=1)
        how = f" (exit code {code})" if code not in (None, 0) else ""
        said = next((str(line).rstrip(".") for line in reversed(self._stderr) if line), "")
        why = f": {said}" if said else ""
        return ExportWriteError(f"The MP4 encoder stopped unexpectedly{how}{why}.")

    def _finish_child(self) -> None:
        """Wait for the encoder's process to end and its pipes to close."""
        process, self._process = self._process, None
        if process is None:
            return
        if self._to_child is not None:
            try:
                self._to_child.close()
            except OSError:
                pass
            self._to_child = None
        process.wait()
        for reader in self._readers:
            reader.join()
        self._readers = []

    def _cleanup(self) -> None:
        if self._ring is not None:
            self._ring.close()
            self._ring = None
        discard(self._tmp)
        self._tmp = None


def _start_child(pass_fds: tuple[int, ...]) -> subprocess.Popen:
    """The encoder's process, running the same racegui as this one (its sys.path)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # no console window on Windows
    return subprocess.Popen(
        [sys.executable, *encoder_process.ENCODER_ARGS],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pass_fds=pass_fds,
        env=env,
        creationflags=flags,
    )


def _reader(
    stream: BinaryIO | None, put: Callable[[object], None], read: Callable[[BinaryIO], object]
) -> threading.Thread:
    """A thread that puts each item ``read`` from ``stream`` until it ends, then None."""

    def run() -> None:
        assert stream is not None
        try:
            while True:
                put(read(stream))
        except (EOFError, OSError, ValueError):
            put(None)
        finally:
            stream.close()

    thread = threading.Thread(target=run, name="mp4-encoder-pipe", daemon=True)
    thread.start()
    return thread


def _line(stream: BinaryIO) -> str:
    """One line of the encoder's error output (EOFError at its end)."""
    line = stream.readline()
    if not line:
        raise EOFError
    return line.decode("utf-8", "replace").strip()
