"""What the MP4, GIF and PNG writers share: their interface, their error, a checked frame,
and a finished file moved into place.

Every writer has the same small interface: ``open()``, ``write(frame)`` for each (height,
width, 3) uint8 RGB frame, then ``close()`` to finish, or ``abort()`` to give up. Writers work
in a temporary file (or folder) next to the destination and move it into place only when
``close()`` succeeds, after flushing it to disk. ``abort()``, or any error, deletes the
temporary file and leaves an existing destination file untouched. A writer is also a context
manager: leaving the block normally closes it, leaving it with an exception aborts it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

import numpy as np

from racegui.export.frames import to_rgb
from racegui.io.atomic import keep_mode, write_target


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


def failure_reason(exc: BaseException) -> str:
    """Why writing failed, in words: an OS error's own text ("No space left on device")
    without its number or the temporary file's name; any other error as it reads."""
    seen = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            return seen.strerror
        seen = seen.__cause__ or seen.__context__
    return str(exc)


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    try:
        fsync_path(path)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename has happened anyway


def commit_file(tmp: Path, dest: Path) -> None:
    """Flush ``tmp`` to disk and rename it over ``dest`` in one step (over the target of a
    symbolic link, as atomic.reserve_temp_path made tmp beside it; refused for a pipe or a
    device put there meanwhile: atomic.write_target). A replaced file keeps its mode, as an
    imported race file does: a read-only 0444 still had come back 0644 (tester R6)."""
    fsync_path(tmp)
    dest = write_target(dest)
    keep_mode(tmp, dest)
    os.replace(tmp, dest)
    fsync_dir(dest.parent)


def discard(path: Path | None) -> None:
    if path is None:
        return
    try:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()
    except FileNotFoundError:
        pass


def check_frame(frame: np.ndarray, size: tuple[int, int]) -> np.ndarray:
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


def rgb_frame(frame: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The checked frame as a contiguous (height, width, 3) RGB array."""
    return np.ascontiguousarray(to_rgb(check_frame(frame, size)))


class WriterBase:
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
