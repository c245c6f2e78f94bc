"""A lap CSV's runner is named by --name or the file's name, in no cell of the file: a
problem with the name says so (tester R3: a 10,000-character --name was blamed on
"line 2, column 1", the lap number 1)."""

from __future__ import annotations

from racegui.cli import main

LAPS = "Lap,Time\n1,1:05.0\n2,1:06.0\n3,1:05.5\n4,1:04.0\n"


def _import(capsys, path, *extra) -> str:
    argv = ["import", str(path), "-o", str(path.with_suffix(".json")), "--distance", "1609.344"]
    assert main([*argv, *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    return err


def test_a_bad_name_option_is_the_options(capsys, tmp_path):
    path = tmp_path / "laps.csv"
    path.write_text(LAPS, encoding="utf-8")
    err = _import(capsys, path, "--name", "N" * 400)
    assert err.startswith(f"{path}: --name: ") and "is too long: at most 200 characters" in err
    assert not path.with_suffix(".json").exists()


def test_a_name_option_that_is_not_utf8_is_refused_as_typed(capsys, tmp_path):
    """Refused with the other arguments, before the file is read (it had been called "text
    with an unpaired surrogate")."""
    path = tmp_path / "laps.csv"
    path.write_text(LAPS, encoding="utf-8")
    err = _import(capsys, path, "--name", "a\udcffb")
    assert err.startswith("racegui import: argument --name: 'a\\xffb' is not UTF-8 text")
    assert not path.with_suffix(".json").exists()


def test_a_name_from_a_long_file_name_says_where_it_came_from(capsys, tmp_path):
    path = tmp_path / f"{'L' * 240}.csv"
    path.write_text(LAPS, encoding="utf-8")
    err = _import(capsys, path)
    assert err == (
        f"{path}: the runner's name, from the file's name (--name gives another): "
        "is too long: at most 200 characters\n"
    )
