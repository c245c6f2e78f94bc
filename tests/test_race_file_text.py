"""A race file's text: nested too deep for the JSON reader, or not UTF-8, is told with its
line and in words for a JSON file."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.json_lines import nesting_deeper_than
from racegui.io.race_file import MAX_DEPTH, parse_race_text, read_race
from racegui.io.splits_csv import read_splits_csv
from tests.helpers_race import minimal_data


def _with_deep_list(levels: int) -> str:
    """The minimal race as indented JSON with a field "x" on line 3 holding a list nested
    `levels` deep (column 8 is its first '[')."""
    text = json.dumps(minimal_data(), indent=2)
    return text.replace("{\n", "{\n  " + '"x": ' + "[" * levels + "]" * levels + ",\n", 1)


def test_json_too_deep_for_the_reader_gives_the_line_and_column_of_the_limit(tmp_path, capsys):
    text = _with_deep_list(100_000)
    assert text.splitlines()[2].startswith('  "format"') and text.splitlines()[1][7] == "["
    with pytest.raises(RaceFileError) as info:
        parse_race_text(text, "race.json")
    # The outer object is level 1, so level 33 is the list's 32nd '['.
    where = f"line 2, column {8 + MAX_DEPTH - 1}"
    assert info.value.lines() == [f"race.json: {where}: nested more than 32 levels deep"]
    path = tmp_path / "race.json"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == f"{path}: {where}: nested more than 32 levels deep\n"


def test_json_a_little_too_deep_still_gives_its_path_and_line():
    with pytest.raises(RaceFileError) as info:
        parse_race_text(_with_deep_list(40), "race.json")
    line = info.value.lines()[0]
    assert line.startswith("race.json: line 2, $.x[0]") and line.endswith(
        ": nested more than 32 levels deep"
    )


def test_nesting_is_counted_outside_text_in_quotes():
    text = '{"a": "[[[[{{{{", "b": [[1]]}'
    assert nesting_deeper_than(text, 3) is None
    assert nesting_deeper_than(text, 2) == (1, 25)
    assert nesting_deeper_than('{\n "a": {"b": [\n  []]}}', 3) == (3, 3)


def _latin1_race(tmp_path, name: str):
    text = json.dumps(minimal_data(), indent=2, ensure_ascii=False).replace("Runner", "Renée", 1)
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1"))
    line = text[: text.index("Renée")].count("\n") + 1
    char = text.splitlines()[line - 1].index("é") + 1
    return path, line, char


def test_a_race_file_not_in_utf8_is_told_in_words_for_json(tmp_path, capsys):
    path, line, char = _latin1_race(tmp_path, "race.json")
    with pytest.raises(RaceFileError) as info:
        read_race(path)
    message = str(info.value)
    assert message.startswith(f"{path}: line {line}, character {char}: not UTF-8 text")
    assert "race file (JSON)" in message and "save the file as UTF-8" in message
    assert "Excel" not in message and "CSV" not in message
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == message + "\n"


def test_a_csv_not_in_utf8_still_names_excel(tmp_path):
    path = tmp_path / "splits.csv"
    path.write_bytes(b"athlete,distance_m,time\nRen\x81e,400,60.2\n")  # nor Windows-1252
    with pytest.raises(RaceFileError, match='"CSV UTF-8" in Excel'):
        read_splits_csv(path)
