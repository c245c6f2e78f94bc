"""Test helpers for exports: a disk that fills up under the MP4 writer, a writer that keeps
its frames."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import av
import numpy as np

from racegui.export.frames import to_rgb


class FullDiskContainer:
    """An output container whose disk fills up at the first packet."""

    def __init__(self, real):
        self._real = real

    def __getattr__(self, name):
        return getattr(self._real, name)

    def mux(self, packets):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def fill_disk_under_mp4(monkeypatch) -> None:
    """Make every MP4 container opened from now on (in this test) hit a full disk."""
    real_open = av.open
    monkeypatch.setattr(av, "open", lambda *a, **k: FullDiskContainer(real_open(*a, **k)))


class FrameList:
    """A writer that keeps an RGB copy of every frame it is given, and writes nothing."""

    def __init__(self) -> None:
        self.frames: list[np.ndarray] = []

    def open(self) -> None:
        pass

    def write(self, frame: np.ndarray) -> None:
        self.frames.append(np.array(to_rgb(frame)))

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass

    @property
    def duration_s(self) -> float:
        return 0.0

    @property
    def files(self) -> tuple[Path, ...]:
        return ()
