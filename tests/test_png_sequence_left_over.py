"""A PNG sequence exported over a longer one says which of the older frames follow it
(tester R3: 4 frames over 9 left f_05..f_09 from another moment of the race, unsaid)."""

from __future__ import annotations

import numpy as np

from racegui.cli import main
from racegui.export.options import ExportOptions
from racegui.export.pipeline import export
from racegui.resources_path import demo_race_path

W, H = 32, 24


class Grey:
    size = (W, H)
    duration_s = 10.0

    def frame_at(self, t: float) -> np.ndarray:
        return np.full((H, W, 3), int(t * 20) % 256, np.uint8)


def _sequence(tmp_path, to_s: float):
    options = ExportOptions(output=tmp_path / "f_%02d.png", size=(W, H), fps=10, to_s=to_s)
    return export(Grey(), options)


def test_the_older_frames_after_the_new_ones_are_named(tmp_path):
    assert _sequence(tmp_path, 0.8).left_over == ()  # 9 frames, into an empty folder
    result = _sequence(tmp_path, 0.3)  # 4 frames
    assert [p.name for p in result.files] == ["f_01.png", "f_02.png", "f_03.png", "f_04.png"]
    assert [p.name for p in result.left_over] == [f"f_{k:02d}.png" for k in range(5, 10)]
    assert len(list(tmp_path.iterdir())) == 9  # left as they were
    assert _sequence(tmp_path, 0.9).left_over == ()  # 10 frames: none of the old ones left


def test_the_command_line_notes_them(capsys, tmp_path):
    argv = ["export", str(demo_race_path()), "-o", str(tmp_path / "f_%02d.png"), "--no-panel"]
    argv += ["--size", "64x36", "--quiet"]
    assert main([*argv, "--from", "3:00", "--to", "3:00.25"]) == 0
    capsys.readouterr()
    assert main([*argv, "--from", "1:00", "--to", "1:00.1"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == (
        "racegui export: note: 5 frames of an earlier export (f_05.png .. f_09.png) follow "
        "these in the folder, left as they were: remove them before using the sequence as "
        "one clip"
    )
