"""PNG output: one still, or a numbered sequence moved into place whole (see writer_base
for the interface every writer has)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PIL import Image

from racegui.export.writer_base import (
    ExportWriteError,
    WriterBase,
    commit_file,
    discard,
    failure_reason,
    fsync_dir,
    rgb_frame,
)
from racegui.io.atomic import reserve_temp_path

PNG_STILL_COMPRESS_LEVEL = 6
"""zlib level for a PNG still (Pillow's default: smallest file, ~45 ms for a 1080p scene)."""
PNG_SEQUENCE_COMPRESS_LEVEL = 3
"""zlib level for PNG sequences: measured ~25% faster than 6 on a 1080p scene frame (34 vs
45 ms of CPU) for files ~45% larger (94 vs 65 kB)."""


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


def frames_after(pattern: Path, count: int, limit: int = 1_000_000) -> tuple[Path, ...]:
    """Files of the sequence ``pattern`` numbered count + 1, count + 2, ... that exist, up to
    the first number that does not (at most ``limit``): what an earlier, longer export to
    the same names left after this one's ``count`` frames."""
    found: list[Path] = []
    for number in range(count + 1, count + 1 + limit):
        path = sequence_name(pattern, number)
        if not os.path.isfile(path):
            break
        found.append(path)
    return tuple(found)


class PngWriter(WriterBase):
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
        self.left_over: tuple[Path, ...] = ()
        """Frames of an earlier, longer sequence that follow this one's under the same
        names, left as they were (known after close())."""

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
            image = Image.fromarray(rgb_frame(frame, self.size), "RGB")
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
            raise ExportWriteError(f"Could not write {self.path}: {failure_reason(exc)}") from exc
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
                fsync_dir(self.path.parent)
                self._tmp.rmdir()
                self._files = tuple(self._names)
                self.left_over = frames_after(self.path, self.frames_written)
            else:
                commit_file(self._tmp, self.path)
                self._files = (self.path,)
        except ExportWriteError:
            self.abort()
            raise
        except Exception as exc:
            self.abort()
            raise ExportWriteError(
                f"Could not move the PNGs into place: {failure_reason(exc)}"
            ) from exc
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
                    discard(path)
                again = f"; the {len(moved)} moved before it were removed" if moved else ""
                raise ExportWriteError(
                    f"Could not move {final.name} into place: {failure_reason(exc)}{again}"
                ) from exc
            moved.append(final)

    def abort(self) -> None:
        """Delete the temporary file or folder."""
        discard(self._tmp)
        self._tmp = None
        self._names = []
