"""What a killed export left beside its file (kill -9 mid-export left a hidden
.NAME.mp4.XXXX.part for good: tester) is removed by the next write to that file: only
temporary files named for it, of a process no longer running, untouched for 10 minutes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from racegui.cli import main
from racegui.io.atomic import STALE_AFTER_S, remove_stale_temps, reserve_temp_path
from racegui.resources_path import demo_race_path

pytestmark = pytest.mark.skipif(os.name == "nt", reason="process ids are not looked up there")


@pytest.fixture(scope="module")
def dead_pid() -> int:
    """The id of a process that has ended."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def left(folder, name: str, *, age_s: float, directory: bool = False):
    """A file (or folder with a PNG in it) named `name` in folder, last written age_s ago."""
    path = folder / name
    if directory:
        path.mkdir()
        (path / "clip-0001.png").write_bytes(b"png")
    else:
        path.write_bytes(b"half a video")
    old = path.stat().st_mtime - age_s
    os.utime(path, (old, old))
    return path


def test_a_killed_exports_old_temporary_files_go_and_nothing_else(tmp_path, dead_pid):
    old = STALE_AFTER_S + 60
    gone = [
        left(tmp_path, f".clip.mp4.{dead_pid}-0a1b2c3d.part", age_s=old),
        left(tmp_path, f".clip.mp4.{dead_pid}-99999999.partdir", age_s=old, directory=True),
    ]
    kept = [
        left(tmp_path, f".clip.mp4.{dead_pid}-1a1b2c3d.part", age_s=60),  # written lately
        left(tmp_path, f".clip.mp4.{os.getpid()}-2a1b2c3d.part", age_s=old),  # still running
        left(tmp_path, f".other.mp4.{dead_pid}-3a1b2c3d.part", age_s=old),  # another file's
        left(tmp_path, ".clip.mp4.3a1b2c3d.part", age_s=old),  # no process in its name
        left(tmp_path, f".clip.mp4.{dead_pid}-4a1b2c3d.part.keep", age_s=old),
        left(tmp_path, "clip.mp4", age_s=old),
    ]
    removed = remove_stale_temps(tmp_path / "clip.mp4")
    assert sorted(removed) == sorted(gone)
    assert not any(p.exists() for p in gone) and all(p.exists() for p in kept)


def test_reserving_a_temporary_file_clears_old_ones_and_names_the_process(tmp_path, dead_pid):
    stale = left(tmp_path, f".clip.gif.{dead_pid}-0a1b2c3d.part", age_s=STALE_AFTER_S + 1)
    tmp = reserve_temp_path(tmp_path / "clip.gif")
    assert not stale.exists()
    assert tmp.name.startswith(f".clip.gif.{os.getpid()}-") and tmp.name.endswith(".part")


def test_an_export_leaves_only_its_file_where_a_killed_one_left_a_part(tmp_path, dead_pid):
    stale = left(tmp_path, f".still.png.{dead_pid}-0a1b2c3d.part", age_s=STALE_AFTER_S + 1)
    out = tmp_path / "still.png"
    assert main(["export", str(demo_race_path()), "-o", str(out), "--time", "3:00", "-q"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["still.png"]
    assert not stale.exists()
