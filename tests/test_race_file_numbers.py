"""A number too big for a float is called too big, at its place, not NaN or Infinity."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.race_file import parse_race_text
from tests.helpers_race import minimal_data

TOO_BIG = "is too big a number for a race file (a race figure is far below 1e308)"


def _indented_with(number: str, field: str = "time", value: str = '"60.20"') -> tuple[str, int]:
    """The minimal race as indented JSON with its first split's field set to number (as
    written), and the line of that field."""
    text = json.dumps(minimal_data(), indent=2)
    old = f'"{field}": {value}'
    assert old in text
    line = text[: text.index(old)].count("\n") + 1
    return text.replace(old, f'"{field}": {number}', 1), line


@pytest.mark.parametrize("number", ["1e400", "-1e400", "1" + "0" * 400, "-" + "9" * 400])
def test_a_huge_number_is_called_too_big_at_its_line_and_path(number):
    text, line = _indented_with(number)
    with pytest.raises(RaceFileError) as info:
        parse_race_text(text, "race.json")
    assert info.value.lines() == [
        f"race.json: line {line}, $.athletes[0].splits[0].time: {TOO_BIG}"
    ]


def test_a_huge_distance_is_called_too_big():
    text, line = _indented_with("1" + "0" * 400, "distance_m", "400")
    with pytest.raises(RaceFileError) as info:
        parse_race_text(text, "race.json")
    assert (
        str(info.value) == f"race.json: line {line}, $.athletes[0].splits[0].distance_m: {TOO_BIG}"
    )


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_written_as_such_are_still_called_so(literal):
    text, _ = _indented_with(literal)
    with pytest.raises(RaceFileError) as info:
        parse_race_text(text, "race.json")
    assert str(info.value).endswith(
        "$.athletes[0].splits[0].time: NaN and Infinity are not numbers a race can use"
    )


def test_a_big_number_that_is_still_a_float_is_a_time_too_long(tmp_path, capsys):
    """1e300 is a float: the time check words it, as before."""
    text, line = _indented_with("1e300")
    path = tmp_path / "race.json"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    too_long = "1e+300 s is longer than any race (at most 100 hours)"
    assert err == f"{path}: line {line}, $.athletes[0].splits[0].time: {too_long}\n"


def test_validate_says_too_big_in_one_line_with_exit_2(tmp_path, capsys):
    text, line = _indented_with("1e400")
    path = tmp_path / "race.json"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{path}: line {line}, $.athletes[0].splits[0].time: {TOO_BIG}\n"
