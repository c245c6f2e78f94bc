"""An export over a file keeps that file's mode, as an imported race file does."""

from __future__ import annotations

import os
import stat

import pytest

from racegui.cli import main
from racegui.resources_path import demo_race_path

DEMO = str(demo_race_path())


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("still.png", ["--time", "1:00"]),
        ("clip.gif", ["--from", "1:00", "--to", "1:01", "--fps", "5"]),
        ("clip.mp4", ["--from", "1:00", "--to", "1:01", "--fps", "5"]),
    ],
)
def test_an_export_over_a_file_keeps_its_mode(tmp_path, capsys, name, extra):
    """A 0640 file came back 0644 (and a 0444 one, as root, 0644: tester R6)."""
    out = tmp_path / name
    out.write_bytes(b"old")
    os.chmod(out, 0o640)
    assert main(["export", DEMO, "-o", str(out), "--size", "320x180", "-q", *extra]) == 0
    assert out.stat().st_size > 3
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_new_export_gets_the_usual_mode(tmp_path, capsys):
    out = tmp_path / "new.png"
    umask = os.umask(0o022)
    try:
        assert main(["export", DEMO, "-o", str(out), "--size", "320x180", "-q"]) == 0
    finally:
        os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
