"""The MP4 encoder's own process: frames from a FrameRing converted to YUV and encoded by x264.

Mp4Writer starts it as ``python -m racegui.export.encoder_process`` (ENCODER_ARGS) and
talks to it over its standard input and output (pipe_messages). The child has its own
interpreter, so x264 and the colour conversion never wait for the drawing process's GIL,
and the operating system schedules the two like any two programs. No Qt here: the child
imports only this, PyAV and numpy.

Messages, parent to child: first (EncoderSettings, ring handle, slots, slot bytes); then
``(slot, index, layout)`` for frame ``index`` (pts) in ring slot ``slot``, its bytes in
``layout`` "bgra" or "rgb24"; None when there are no more frames. Child to parent:
("ready",) once the file and encoder are set up; ("free", slot) as soon as a slot's frame
has been converted (the parent may draw the next one into it); ("done", frames) after the
file is finished and closed; ("failed", phase, reason, is_os_error) instead, with phase
"open", "encode" or "close", after which the child exits.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass
from fractions import Fraction
from typing import BinaryIO

from racegui.export import pipe_messages
from racegui.export.frame_ring import FrameRing

ENCODER_ARGS = ("-m", "racegui.export.encoder_process")
"""The child's command line after the Python interpreter."""
AVCOL_BT709 = 1
"""AVCOL_PRI_BT709 = AVCOL_TRC_BT709 = AVCOL_SPC_BT709 in FFmpeg."""
AVCOL_RANGE_MPEG = 1
"""AVCOL_RANGE_MPEG: limited ("TV") range, what players expect from H.264."""


@dataclass(frozen=True)
class EncoderSettings:
    """What the child needs to write the file: where (the temporary path), frame size
    (width, height px), frames per second, and x264's settings."""

    path: str
    size: tuple[int, int]
    fps: int
    preset: str
    crf: float
    threads: int
    thread_type: str
    keyframe_s: float
    nice: int
    convert_threads: int = 1


class _ParentGone(Exception):
    """The pipe to the parent is closed: it has finished with us, aborted, or died."""


class _Failed(Exception):
    def __init__(self, phase: str, error: BaseException) -> None:
        super().__init__(phase)
        self.phase = phase
        self.error = error


def main(stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> int:
    """The child's whole life: set up, encode every frame sent, finish the file, report.
    Returns the exit code (0 also after a reported failure; 1 if the parent went)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    inbox = stdin or sys.stdin.buffer
    outbox = stdout or sys.stdout.buffer
    try:
        settings, handle, slots, slot_bytes = pipe_messages.receive(inbox)
    except EOFError:
        return 1
    _lower_priority(settings.nice)
    ring = FrameRing.attach(handle, slots, slot_bytes)
    channel = _Channel(inbox, outbox)
    try:
        _encode_all(channel, ring, settings)
    except _Failed as failed:
        error = failed.error
        is_os = isinstance(error, OSError) and bool(error.strerror)
        reason = error.strerror if is_os else (str(error) or type(error).__name__)
        try:
            channel.send(("failed", failed.phase, reason, is_os))
        except _ParentGone:
            return 1
    except _ParentGone:
        return 1  # nothing to report to
    finally:
        ring.close()
    return 0


class _Channel:
    """The pipe pair to the parent."""

    def __init__(self, inbox: BinaryIO, outbox: BinaryIO) -> None:
        self._inbox = inbox
        self._outbox = outbox

    def send(self, message: tuple) -> None:
        try:
            pipe_messages.send(self._outbox, message)
        except OSError as exc:
            raise _ParentGone from exc

    def recv(self) -> object:
        try:
            return pipe_messages.receive(self._inbox)
        except (EOFError, OSError) as exc:
            raise _ParentGone from exc


def _encode_all(channel: _Channel, ring: FrameRing, settings: EncoderSettings) -> None:
    import av  # here, not at the top: the parent imports this module for its names only
    from av.video.reformatter import ColorRange, Colorspace, VideoReformatter

    try:
        container, stream = _open(av, settings)
    except Exception as exc:
        raise _Failed("open", exc) from exc
    channel.send(("ready",))
    reformatter = VideoReformatter()
    width, height = settings.size
    frames = 0
    try:
        while (message := channel.recv()) is not None:
            slot, index, layout = message
            channels = 4 if layout == "bgra" else 3
            pixels = ring.view(slot, (height, width, channels))
            source = av.VideoFrame.from_numpy_buffer(pixels, layout)
            yuv = reformatter.reformat(
                source,
                format="yuv420p",
                dst_colorspace=Colorspace.ITU709,
                dst_color_range=ColorRange.MPEG,
                threads=settings.convert_threads,
            )
            del source, pixels  # the slot is free once converted
            channel.send(("free", slot))
            yuv.pts = index
            container.mux(stream.encode(yuv))
            frames += 1
        container.mux(stream.encode(None))
    except _ParentGone:
        _close_quietly(container)
        raise
    except Exception as exc:
        _close_quietly(container)
        raise _Failed("encode", exc) from exc
    try:
        container.close()
    except Exception as exc:
        raise _Failed("close", exc) from exc
    channel.send(("done", frames))


def _open(av, settings: EncoderSettings):
    """The MP4 container at settings.path and its H.264 stream (yuv420p, BT.709 limited
    range, faststart)."""
    container = av.open(
        settings.path, mode="w", format="mp4", container_options={"movflags": "+faststart"}
    )
    try:
        stream = container.add_stream(
            "libx264",
            rate=Fraction(settings.fps),
            options={"preset": settings.preset, "crf": f"{settings.crf:g}"},
        )
        width, height = settings.size
        stream.width = width
        stream.height = height
        stream.pix_fmt = "yuv420p"
        stream.time_base = Fraction(1, settings.fps)
        ctx = stream.codec_context
        ctx.time_base = Fraction(1, settings.fps)
        ctx.framerate = Fraction(settings.fps)
        ctx.thread_count = settings.threads
        ctx.thread_type = settings.thread_type
        ctx.gop_size = max(1, round(settings.keyframe_s * settings.fps))
        ctx.color_primaries = AVCOL_BT709
        ctx.color_trc = AVCOL_BT709
        ctx.colorspace = AVCOL_BT709
        ctx.color_range = AVCOL_RANGE_MPEG
    except BaseException:
        _close_quietly(container)
        raise
    return container, stream


def _close_quietly(container) -> None:
    try:
        container.close()
    except Exception:
        pass  # the file is being thrown away


def _lower_priority(steps: int) -> None:
    """Let the drawing process (a window that must stay responsive) come first."""
    if steps <= 0 or not hasattr(os, "nice"):
        return
    try:
        os.nice(steps)
    except OSError:
        pass


if __name__ == "__main__":
    sys.exit(main())
