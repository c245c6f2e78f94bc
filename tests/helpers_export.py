"""Test helpers for exports: a disk that fills up under the MP4 writer."""

from __future__ import annotations

import errno
import os

import av


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
