"""An export whose stderr is closed or cannot be written still writes its file and exits 0:
the progress bar and the summary are not worth failing it for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from racegui.resources_path import demo_race_path

DEMO = str(demo_race_path())


@pytest.mark.parametrize("stderr", ["closed", "read-only"])
def test_an_export_with_stderr_gone_writes_its_file(tmp_path, stderr):
    """With 2>&- an export exited 1 and wrote nothing (tester)."""
    out = tmp_path / "clip.mp4"
    argv = [sys.executable, "-m", "racegui", "export", DEMO, "-o", str(out)]
    argv += ["--from", "1", "--to", "1.2", "--size", "360p"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if stderr == "closed":
        done = subprocess.run(["sh", "-c", '"$@" 2>&-', "sh", *argv], env=env, timeout=300)
    else:
        read_only = tmp_path / "ro.txt"
        read_only.write_text("")
        with read_only.open() as err:  # writes to a file open for reading: EBADF
            done = subprocess.run(argv, stderr=err, env=env, timeout=300)
    assert done.returncode == 0
    assert out.stat().st_size > 0
