"""An export played faster (or slower) than real time says so on every race frame."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from racegui.export.frames import to_rgb  # noqa: E402
from racegui.export.options import ExportOptions  # noqa: E402
from racegui.export.pipeline import export  # noqa: E402
from racegui.export.speed_badge import BADGE_HEIGHT, MARGIN  # noqa: E402
from racegui.ui.speed_pill import badge_text  # noqa: E402


def test_badge_text():
    assert badge_text(4.0) == "4× speed"
    assert badge_text(0.5) == "0.5× speed"
    assert badge_text(1.0) == ""


def _corner(frame: np.ndarray) -> np.ndarray:
    """The top left corner where the badge goes, as RGB."""
    h, w = frame.shape[:2]
    side = round((MARGIN + BADGE_HEIGHT) * min(w, h)) + 2
    return to_rgb(frame)[:side, : 4 * side].astype(int)


@pytest.fixture
def source(qapp):
    from racegui.export.scene_source import SceneFrameSource
    from racegui.io.replay_file import read_replay
    from racegui.resources_path import demo_race_path
    from racegui.ui.theme import DARK

    src = SceneFrameSource(read_replay(demo_race_path()), DARK, (640, 360))
    yield src
    src.close()


def test_a_fast_export_carries_the_badge_and_a_real_time_one_does_not(source, tmp_path):
    """A --speed 4 clip had nothing on screen to say so (user review)."""
    plain = _corner(source.frame_at(100.0).copy())
    source.set_speed(4.0)
    badged = _corner(source.frame_at(100.0).copy())
    assert np.abs(badged - plain).max() > 100  # white letters on the dark pill
    assert (badged.min(axis=2) > 200).sum() > 20
    source.set_speed(1.0)
    assert np.array_equal(_corner(source.frame_at(100.0).copy()), plain)


def test_the_pipeline_sets_the_speed_and_a_still_has_none(source, tmp_path):
    fast = ExportOptions(
        output=tmp_path / "x_%04d.png", size=(640, 360), fps=10, speed=4.0, from_s=100, to_s=101
    )
    result = export(source, fast)
    first = np.asarray(Image.open(result.files[0]).convert("RGB"))
    assert (_corner(first).min(axis=2) > 200).sum() > 20
    still = ExportOptions(output=tmp_path / "x.png", size=(640, 360), from_s=100.0, speed=4.0)
    result = export(source, still)
    shot = np.asarray(Image.open(result.files[0]).convert("RGB"))
    assert (_corner(shot).min(axis=2) > 200).sum() == 0


def test_the_badge_is_the_same_in_every_frame(source):
    """Drawn over the last frame's badge, its soft edges got harder each frame (diff review:
    108 edge pixels by up to 4 levels by frame 51). The pixels under it are put back first."""
    source.set_speed(4.0)
    corners = [_corner(source.frame_at(100.0 + k / 10).copy()) for k in range(12)]
    assert all(np.array_equal(c, corners[0]) for c in corners[1:])
