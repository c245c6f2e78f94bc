"""A PNG sequence that cannot be moved into place leaves none of its files behind."""

from __future__ import annotations

import os

import numpy as np
import pytest

from racegui.export.png_writer import PngWriter
from racegui.export.writer_base import ExportWriteError

W, H = 32, 24


def _written(tmp_path, frames: int = 4) -> PngWriter:
    """An open sequence writer of seq_0001.png.. with `frames` frames written."""
    writer = PngWriter(tmp_path / "seq_%04d.png", (W, H), 10, sequence=True)
    writer.open()
    for k in range(frames):
        writer.write(np.full((H, W, 3), 10 * k, np.uint8))
    return writer


def test_a_folder_in_the_way_is_found_before_any_file_is_moved(tmp_path):
    """A folder seq_0003.png left seq_0001 and seq_0002 moved in, with "nothing was written"
    (tester)."""
    (tmp_path / "seq_0003.png").mkdir()
    writer = _written(tmp_path)
    with pytest.raises(ExportWriteError, match="seq_0003.png is a folder"):
        writer.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seq_0003.png"]


def test_a_move_that_fails_part_way_removes_the_files_moved(tmp_path, monkeypatch):
    writer = _written(tmp_path)
    real_replace = os.replace

    def replace(src, dst) -> None:
        if str(dst).endswith("seq_0003.png"):
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    message = "seq_0003.png into place: Permission denied; the 2 moved before it were removed"
    with pytest.raises(ExportWriteError, match=message):
        writer.close()
    assert list(tmp_path.iterdir()) == []
