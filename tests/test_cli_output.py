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


class ClosedStream(io.TextIOBase):
    """A stderr that was closed: every write fails with ValueError."""

    def write(self, text: str) -> int:
        raise ValueError("I/O operation on closed file.")


ERRORS = (
    ["info", "nosuch.json", "--json"],
    ["state", "nosuch.json", "--time", "1:00", "--json"],
    ["info", "--no-such-option"],
    ["validate", "nosuch.json"],
    [DEMO, "--screenshot", "shot.txt"],
)


@pytest.mark.parametrize(
    "stderr", [None, FullDisk(), ClosedStream()], ids=["none", "full", "closed"]
)
@pytest.mark.parametrize("argv", ERRORS)
def test_an_error_with_stderr_gone_exits_2_with_nothing_on_stdout(
    capsys, monkeypatch, tmp_path, argv, stderr
):
    """With stderr None (a closed or absent stderr) print(..., file=sys.stderr) wrote the
    error to stdout, into info --json's JSON; a failing stderr was a traceback, exit 1
    (tester)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stderr", stderr)
    assert main(argv) == 2
    assert capsys.readouterr().out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("stderr", ["closed", "read-only"])
def test_a_command_with_stderr_gone_exits_2_silently(tmp_path, stderr):
    """2>&- and a stderr that cannot be written: exit 2, stdout empty, no traceback."""
    argv = [sys.executable, "-m", "racegui", "info", str(tmp_path / "nosuch.json"), "--json"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if stderr == "closed":
        argv = ["sh", "-c", '"$@" 2>&-', "sh", *argv]
        done = subprocess.run(argv, stdout=subprocess.PIPE, env=env, timeout=120)
    else:
        read_only = tmp_path / "ro.txt"
        read_only.write_text("")
        with read_only.open() as err:  # writes to a file open for reading: EBADF
            done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=err, env=env, timeout=120)
    assert done.returncode == 2
    assert done.stdout == b""


@pytest.mark.parametrize("argv", COMMANDS)
def test_a_verb_started_with_stdout_closed_says_so_and_exits_2(capsys, monkeypatch, argv):
    """Python sets sys.stdout to None when the process starts with it closed, and print()
    then writes nothing: `racegui info F >&-` exited 0 with its output lost (tester R3)."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", None)
    code = main(argv)
    assert sys.stdout is None
    assert code == 2
    assert (
        capsys.readouterr().err == "racegui: cannot write the output: standard output is closed\n"
    )


def test_stdout_closed_from_the_shell_is_one_line_and_exit_2():
    """The same as a real process sees it (`>&-`)."""
    argv = [sys.executable, "-m", "racegui", "info", DEMO]
    done = subprocess.run(
        ["sh", "-c", '"$@" >&-', "sh", *argv],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr == "racegui: cannot write the output: standard output is closed\n"


def test_an_export_started_with_stdout_closed_writes_its_file(capsys, monkeypatch, tmp_path):
    """An export prints to stderr only: a closed stdout is no reason to fail it."""
    monkeypatch.setattr(sys, "stdout", None)
    out = tmp_path / "still.png"
    assert main(["export", DEMO, "-o", str(out), "--time", "1:00", "--size", "320x180"]) == 0
    assert out.stat().st_size > 0


def _ngugi(tmp_path):
    """The demo with its runner renamed in letters cp1252 has no code for."""
    import json

    data = json.loads(demo_race_path().read_text(encoding="utf-8"))
    runner = next(a for a in data["athletes"] if a.get("role", "runner") == "runner")
    runner["name"] = "Ngũgĩ Wanjirũ 🏃"
    path = tmp_path / "ngugi.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize(
    ("verb", "json_out"),
    [("info", False), ("info", True), ("state", False), ("state", True), ("validate", False)],
)
def test_a_name_the_output_cannot_encode_is_escaped_not_a_traceback(
    monkeypatch, tmp_path, encoding, json_out, verb
):
    """`racegui info race.json > out.txt` on Windows writes cp1252: a runner named Ngũgĩ
    ended it in a UnicodeEncodeError traceback, exit 1, half the text written (tester R6).
    Text gets escapes; JSON is written all ASCII, so it reads back as it was."""
    import json

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding=encoding, newline="\n")
    monkeypatch.setattr(sys, "stdout", out)
    path = _ngugi(tmp_path)
    argv = [verb, str(path)] + (["--time", "1:00"] if verb == "state" else [])
    assert main(argv + (["--json"] if json_out else [])) == 0
    out.flush()
    text = raw.getvalue().decode(encoding)
    if json_out:
        assert "Ngũgĩ Wanjirũ 🏃" in json.dumps(json.loads(text), ensure_ascii=False)
    elif verb != "validate":  # validate names the race, not its runners
        assert "Ng\\u0169g\\u0129 Wanjir\\u0169" in text


def test_an_import_to_an_output_that_cannot_encode_its_title_exits_0(monkeypatch, tmp_path):
    """import wrote its file, then died printing the title (exit 1: a script thought it had
    failed)."""
    csv = tmp_path / "s.csv"
    csv.write_text("athlete,distance_m,time\nNgũgĩ,400,62.1\nNgũgĩ,800,2:05.0\n", "utf-8")
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    out = tmp_path / "ng.json"
    assert main(["import", str(csv), "-o", str(out), "--title", "Ça va"]) == 0
    sys.stdout.flush()
    assert out.exists() and "\\xc7a va" in raw.getvalue().decode("ascii")


def test_import_names_an_output_with_a_line_break_on_one_line(capsys, tmp_path):
    """The error lines escape a line break in a file's path; import's line saying what it
    wrote printed it raw, as two lines (tester R6). A file's own name may hold none (2bd7fc8):
    here a folder's does."""
    csv = tmp_path / "s.csv"
    csv.write_text("athlete,distance_m,time\nAnn,400,62.1\nAnn,800,2:05.0\n", encoding="utf-8")
    folder = tmp_path / "two\nlines"
    folder.mkdir()
    out = folder / "race.json"
    assert main(["import", str(csv), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert out.exists() and len(printed.splitlines()) == 1
    assert printed.startswith(f"{tmp_path}/two\\nlines/race.json: wrote ")
