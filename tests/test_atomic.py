"""Atomic writes give files the permissions an ordinary save would (mkstemp made them 0600)."""

import os
import stat
import sys

import pytest

from racegui.io.atomic import write_bytes_atomic, write_text_atomic
from racegui.io.race_file import read_race, write_race
from racegui.resources_path import demo_race_path

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def umask():
    """Set the process umask for a test and put the old one back."""
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_is_0666_less_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    out = tmp_path / "race.json"
    write_text_atomic(out, "{}\n")
    assert mode(out) == expected and out.read_text() == "{}\n"


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    out = tmp_path / "race.json"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_bytes_atomic(out, b"new")
    assert out.read_bytes() == b"new" and mode(out) == 0o640


def test_a_saved_race_is_readable_by_others_like_an_export(tmp_path, umask):
    out = tmp_path / "copy.json"
    write_race(read_race(demo_race_path()), out)
    assert mode(out) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["copy.json"]  # no temporary file left


def test_a_symbolic_link_is_written_through_and_kept(tmp_path):
    real = tmp_path / "races" / "mile.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "mile.json"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["mile.json"]
