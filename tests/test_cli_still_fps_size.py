"""The export's refusals of a size with a side out of range and of --fps for a still
(reviewer R15)."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.resources_path import demo_race_path

DEMO = str(demo_race_path())


def _refused(capsys, tmp_path, monkeypatch, argv: list[str]) -> str:
    """Run argv in tmp_path: refused with one stderr line, exit 2, nothing written."""
    monkeypatch.chdir(tmp_path)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1, err
    assert list(tmp_path.iterdir()) == []
    return err


@pytest.mark.parametrize(
    ("size", "told"),
    [
        (
            "99999x10",
            "Size 99999x10: the width 99999 is larger than the 7680 maximum and the height 10 "
            "is smaller than 16 pixels.",
        ),
        (
            "10x99999",
            "Size 10x99999: the width 10 is smaller than 16 pixels and the height 99999 is "
            "larger than the 7680 maximum.",
        ),
        ("5000x10", "Size 5000x10: the height 10 is smaller than 16 pixels."),
        ("10x10", "Size 10x10 is smaller than 16 pixels each way."),
    ],
)
def test_each_side_of_a_size_is_told_its_own_problem(capsys, tmp_path, monkeypatch, size, told):
    """'--size 99999x10' was "smaller than 16 pixels each way", its width being past the
    7680 maximum and only its height too small."""
    err = _refused(capsys, tmp_path, monkeypatch, ["export", DEMO, "-o", "x.png", "--size", size])
    assert err == f"racegui export: {told}\n"


@pytest.mark.parametrize("fps", ["60", "30"])
def test_a_still_with_a_typed_fps_is_refused(capsys, tmp_path, monkeypatch, fps):
    """'-o y.png --time 3:00 --fps 60' wrote the still and ignored the rate, where --to,
    --speed 4 and --title-card 3 are refused for a still."""
    argv = ["export", DEMO, "-o", "y.png", "--time", "3:00", "--fps", fps]
    err = _refused(capsys, tmp_path, monkeypatch, argv)
    assert err == (
        f"racegui export: A PNG still is one frame of the race, at no frame rate; for frames "
        f"at --fps {fps}, number the files: y_%04d.png.\n"
    )


def test_a_still_without_fps_is_written(capsys, tmp_path, monkeypatch):
    """The default rate does not count as asked for."""
    monkeypatch.chdir(tmp_path)
    argv = ["export", DEMO, "-o", "y.png", "--time", "3:00", "--size", "320x180", "-q"]
    assert main(argv) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["y.png"]
