"""A lap CSV's runner is named by --name or the file's name, in no cell of the file: a
problem with the name says so (tester R3: a 10,000-character --name was blamed on
"line 2, column 1", the lap number 1)."""

from __future__ import annotations

import pytest

from racegui.cli import main

LAPS = "Lap,Time\n1,1:05.0\n2,1:06.0\n3,1:05.5\n4,1:04.0\n"


def _import(capsys, path, *extra) -> str:
    argv = ["import", str(path), "-o", str(path.with_suffix(".json")), "--distance", "1609.344"]
    assert main([*argv, *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    return err


@pytest.mark.parametrize(
    ("name", "words"),
    [("N" * 400, "is too long: at most 200 characters"), ("a\udcffb", "unpaired surrogate")],
)
def test_a_bad_name_option_is_the_options(capsys, tmp_path, name, words):
    path = tmp_path / "laps.csv"
    path.write_text(LAPS, encoding="utf-8")
    err = _import(capsys, path, "--name", name)
    assert err.startswith(f"{path}: --name: ") and words in err
    assert not path.with_suffix(".json").exists()


def test_a_name_from_a_long_file_name_says_where_it_came_from(capsys, tmp_path):
    path = tmp_path / f"{'L' * 240}.csv"
    path.write_text(LAPS, encoding="utf-8")
    err = _import(capsys, path)
    assert err == (
        f"{path}: the runner's name, from the file's name (--name gives another): "
        "is too long: at most 200 characters\n"
    )
