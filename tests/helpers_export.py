"""Test helpers for exports: a disk that fills up under the MP4 writer, and an encoder that
fails or dies. The MP4 encoder runs in a process of its own: each ``*_run`` here stands in for
encoder_process.run (tests monkeypatch it) and breaks something in that child process."""

from __future__ import annotations

import errno
import os
import sys

import av
import av.video.reformatter

from racegui.export import encoder_process


class FullDiskContainer:
    """An output container whose disk fills up at the first packet."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def mux(self, packets):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _full_disk() -> None:
    """Every container opened from now on (in this process) is on a disk that fills up."""
    real_open = av.open
    av.open = lambda *a, **k: FullDiskContainer(real_open(*a, **k))


def encoder_with(monkeypatch, fault: str) -> None:
    """Make every MP4 written from now on (in this test) run its encoder as this module with
    ``fault`` (see FAULTS): the encoder's process breaks that way."""
    monkeypatch.setattr(encoder_process, "ENCODER_ARGS", ("-m", __name__, fault))


def fill_disk_under_mp4(monkeypatch) -> None:
    """Make every MP4 written from now on (in this test) hit a full disk."""
    encoder_with(monkeypatch, "full_disk")


class BrokenReformatter:
    """Stands in for PyAV's reformatter and fails on the third frame."""

    def __init__(self) -> None:
        self.calls = 0

    def reformat(self, frame, **kwargs):
        self.calls += 1
        if self.calls == 3:
            raise RuntimeError("encoder exploded")
        return frame.reformat(**kwargs)


def _exploding() -> None:
    """The colour conversion fails on the third frame."""
    av.video.reformatter.VideoReformatter = BrokenReformatter


def _dying() -> None:
    """The process ends abruptly (exit code 3) at the third frame, as if killed, after a
    last word on its error output."""
    real = av.VideoFrame.from_numpy_buffer
    calls = []

    def from_buffer(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            sys.stderr.write("Segmentation fault in a test\n")
            sys.stderr.flush()
            os._exit(3)
        return real(*args, **kwargs)

    av.VideoFrame.from_numpy_buffer = from_buffer


FAULTS = {"full_disk": _full_disk, "exploding": _exploding, "dying": _dying}
"""How an encoder run as ``python -m tests.helpers_export FAULT`` breaks."""


if __name__ == "__main__":
    FAULTS[sys.argv[1]]()
    sys.exit(encoder_process.main())
