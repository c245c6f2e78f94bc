"""Output that cannot be written (a full disk) ends a command with one line on stderr and
exit code 2: never a traceback, never exit 0 with the output lost."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys

import pytest

from racegui.cli import main
from racegui.resources_path import demo_race_path

DEMO = str(demo_race_path())
COMMANDS = (
    ["info", DEMO, "--json"],
    ["info", DEMO],
    ["state", DEMO, "--time", "1:00", "--json"],
    ["validate", DEMO],
)


class FullDisk(io.TextIOBase):
    """A stdout on a full disk: every write fails with ENOSPC."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("argv", COMMANDS)
def test_a_full_disk_is_one_line_and_exit_2(capsys, monkeypatch, argv):
    """info --json > a full disk was an OSError traceback; state --json and validate exited
    0 with the output lost (tester)."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", FullDisk())
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2
    assert err == "racegui: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("argv", COMMANDS[:2])
def test_a_stdout_that_cannot_be_written_exits_2_with_nothing_more(tmp_path, argv):
    """The text left in Python's buffer is not tried again as it exits ("Exception
    ignored"): one line, exit 2."""
    read_only = tmp_path / "ro.txt"
    read_only.write_text("")
    with read_only.open() as stdout:  # writes to a file open for reading: EBADF
        done = subprocess.run(
            [sys.executable, "-m", "racegui", *argv],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=120,
        )
    assert done.returncode == 2
    assert done.stderr == "racegui: cannot write the output: Bad file descriptor\n"
