"""A write never replaces a pipe or a device, named or linked to, and a symbolic link is
written through by every writer alike (tester: as root, `import -o` through a link to
/dev/full replaced it by a race file, and a symlink loop as -o gave a traceback)."""

from __future__ import annotations

import os
import stat

import pytest

from racegui.cli import main
from racegui.io.atomic import NOT_A_FILE, NotAFileError, write_text_atomic
from racegui.resources_path import demo_race_path

CSV = "athlete,distance_m,time\nfk,400,60.0\nfk,800,2:01.0\n"


def _csv(tmp_path):
    path = tmp_path / "laps.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def _one_line(capsys, argv) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


def test_writing_to_a_pipe_is_refused_and_the_pipe_kept(tmp_path):
    fifo = tmp_path / "f.json"
    os.mkfifo(fifo)
    with pytest.raises(NotAFileError):
        write_text_atomic(fifo, "{}")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]  # no temporary file left


@pytest.mark.parametrize("linked", [False, True])
def test_import_to_a_pipe_is_one_line_and_the_pipe_is_kept(capsys, tmp_path, linked):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    out = tmp_path / "race.json"
    if linked:
        out.symlink_to(fifo)
    else:
        out = fifo.rename(tmp_path / "race.json")
    err = _one_line(capsys, ["import", str(_csv(tmp_path)), "-o", str(out)])
    assert err == f"{out}: cannot write: {NOT_A_FILE}\n"
    assert stat.S_ISFIFO(os.stat(out).st_mode)


@pytest.mark.parametrize("suffix", [".png", ".gif", ".mp4"])
def test_export_to_a_pipe_is_one_line_and_the_pipe_is_kept(capsys, tmp_path, suffix):
    out = tmp_path / f"clip{suffix}"
    os.mkfifo(out)
    still = ["--time", "1:00"]  # a still takes no --fps
    span = still if suffix == ".png" else ["--from", "1:00", "--to", "1:00.2", "--fps", "10"]
    argv = ["export", str(demo_race_path()), "-o", str(out), *span]
    argv += ["--size", "160x90", "--quiet"]
    err = _one_line(capsys, argv)
    assert NOT_A_FILE in err and str(out) in err
    assert stat.S_ISFIFO(os.stat(out).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_an_export_through_a_link_writes_its_target_and_keeps_the_link(capsys, tmp_path):
    """Export replaced the link itself with the file; import wrote through it."""
    target = tmp_path / "stills" / "bell.png"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "bell.png"
    link.symlink_to(target)
    argv = ["export", str(demo_race_path()), "-o", str(link), "--time", "3:00"]
    assert main(argv + ["--size", "160x90", "--quiet"]) == 0
    assert link.is_symlink()
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["bell.png"]


def test_import_to_a_symlink_loop_is_one_line(capsys, tmp_path):
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    err = _one_line(capsys, ["import", str(_csv(tmp_path)), "-o", str(loop)])
    assert err.startswith(f"{loop}: cannot write: ")
    assert loop.is_symlink()


def test_import_of_a_csv_that_is_a_symlink_loop_is_one_line(capsys, tmp_path):
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    err = _one_line(capsys, ["import", str(loop), "-o", str(tmp_path / "z.json")])
    assert str(loop) in err
