"""File names the file system cannot look up, and paths that are not files, give one line and
exit 2 in every command, never a traceback."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox

from racegui.cli import main
from racegui.resources_path import demo_race_path

DEMO = str(demo_race_path())
LONG = "a" * 300  # over the 255 bytes a file name may have


def _one_line(capsys, argv: list[str]) -> str:
    """stderr of racegui argv, checked to be one line with exit code 2."""
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1, err
    return err


@pytest.mark.parametrize(
    "argv",
    [
        [f"{LONG}.json", "--screenshot", "o.png"],
        ["--compare", f"{LONG}.json", DEMO, "--screenshot", "o.png"],
        [DEMO, "--screenshot", f"{LONG}/o.png"],
        ["import", "SPLITS.csv", "-o", f"{LONG}.json"],
    ],
)
def test_a_name_too_long_is_one_line(capsys, tmp_path, monkeypatch, argv):
    """Path.is_file() and exists() raised ENAMETOOLONG as a traceback (tester)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "SPLITS.csv").write_text("athlete,distance_m,time\nA,400,60.0\nA,800,2:00.0\n")
    assert "File name too long" in _one_line(capsys, argv)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SPLITS.csv"]


def test_the_window_refuses_what_is_not_a_file_as_the_verbs_do(capsys, tmp_path):
    """A folder, a pipe, /dev/null and a symlink loop were all "no such file"."""
    folder = tmp_path / "dir.json"
    folder.mkdir()
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    out = str(tmp_path / "o.png")
    cases = {
        folder: "is a directory, not a race file",
        fifo: "is not a regular file (a pipe or a device)",
        os.devnull: "is not a regular file (a pipe or a device)",
        loop: "cannot read: Too many levels of symbolic links",
    }
    for path, message in cases.items():
        assert _one_line(capsys, [str(path), "--screenshot", out]) == f"{path}: {message}\n"
        verb = _one_line(capsys, ["validate", str(path)])
        assert message in verb


def test_opening_a_name_too_long_in_the_window_shows_the_problem(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    assert window.open_path(f"{LONG}.json") is False
    assert len(shown) == 1 and "File name too long" in shown[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "race.png", "-o", "race.png"], "-o race.png is the race file given as FILE"),
        (["export", "race.png", "-o", "./link.png"], "-o link.png is the race file given as FILE"),
        (
            ["export", DEMO, "--compare", "race.mp4", "-o", "../x/race.mp4", "--to", "1"],
            "-o ../x/race.mp4 is the race file given as --compare",
        ),
        (["race.png", "--screenshot", "race.png"], "race.png is the race file given as FILE"),
        (
            [DEMO, "--compare", "race.png", "--screenshot", "link.png"],
            "--screenshot link.png is the race file given as --compare",
        ),
    ],
)
def test_an_output_that_is_the_race_file_is_refused(capsys, tmp_path, monkeypatch, argv, message):
    """export race.png -o race.png wrote the replay over its own race file (tester)."""
    folder = tmp_path / "x"
    folder.mkdir()
    monkeypatch.chdir(folder)
    race = demo_race_path().read_bytes()
    for name in ("race.png", "race.mp4"):
        (folder / name).write_bytes(race)
    os.link(folder / "race.png", folder / "link.png")
    assert message in _one_line(capsys, argv)
    for name in ("race.png", "race.mp4", "link.png"):
        assert (folder / name).read_bytes() == race
