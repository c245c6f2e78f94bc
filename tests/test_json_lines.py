"""Problems in a JSON race file give the line they are on, beside the JSON path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from racegui.cli import main
from racegui.io.errors import Problem
from racegui.io.json_lines import enclosing_paths, value_lines, with_lines
from racegui.io.race_file import RaceFileError, read_race
from tests.helpers_race import demo_data


def _line_of(text: str, needle: str) -> int:
    """1-based line of the first line of text holding needle."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def _indented(tmp_path, data: dict) -> tuple[Path, str]:
    """data written as an editor or racegui itself writes it (indented), and its text."""
    path = tmp_path / "race.json"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path, text


def test_a_bad_split_time_says_its_line(tmp_path, capsys):
    """A coach fixing a file in an editor had only $.athletes[0].splits[2].time to go by."""
    data = demo_data()
    data["athletes"][0]["splits"][2]["time"] = "4.20.5"
    path, text = _indented(tmp_path, data)
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: line {_line_of(text, '4.20.5')}, $.athletes[0].splits[2].time: "
        "'4.20.5' is not a time (use seconds, m:ss.xx or h:mm:ss.xx)"
    ]


def test_each_problem_says_its_own_line(tmp_path):
    data = demo_data()
    data["athletes"][5]["colour"] = "reddish"
    data["athletes"][7]["role"] = "pacemaker"
    path, text = _indented(tmp_path, data)
    with pytest.raises(RaceFileError) as info:
        read_race(path)
    got = [(p.where, p.line) for p in info.value.problems]
    assert got == [
        ("$.athletes[5].colour", _line_of(text, '"reddish"')),
        ("$.athletes[7].role", _line_of(text, '"pacemaker"')),
    ]


def test_every_problem_of_a_file_says_its_line(tmp_path):
    data = demo_data()
    data["athletes"][0]["splits"][2]["time"] = "4.20.5"
    path, text = _indented(tmp_path, data)
    with pytest.raises(RaceFileError) as info:
        read_race(path)
    [problem] = info.value.problems
    assert problem.where == "$.athletes[0].splits[2].time"
    assert problem.line == _line_of(text, '"4.20.5"')


def test_a_missing_field_gives_the_line_of_the_object_it_is_missing_from(tmp_path):
    data = demo_data()
    athlete = data["athletes"][3]
    del athlete["name"]
    path, text = _indented(tmp_path, data)
    with pytest.raises(RaceFileError) as info:
        read_race(path)
    [problem] = info.value.problems
    assert problem.where == "$.athletes[3].name"
    assert problem.line == _line_of(text, f'"id": "{athlete["id"]}"') - 1  # its "{"


def _minified_with(tmp_path, value: str) -> tuple[Path, int]:
    """The demo on one line with its first runner's second split distance typed as value
    (NaN, Infinity, 1e400), and the column (1-based) of that field's name."""
    data = demo_data()
    data["athletes"][0]["splits"][1]["distance_m"] = 12345.5
    text = json.dumps(data).replace("12345.5", value)
    path = tmp_path / "race.json"
    path.write_text(text, encoding="utf-8")
    return path, text.index(f'"distance_m": {value}') + 1


@pytest.mark.parametrize(
    ("value", "told"),
    [
        ("NaN", "NaN and Infinity are not numbers a race can use"),
        ("Infinity", "NaN and Infinity are not numbers a race can use"),
        ("1e400", "is too big a number for a race file"),
    ],
)
def test_a_file_on_one_line_says_line_and_column(tmp_path, capsys, value, told):
    """A minified file's problems had their JSON path alone, where an indented file's say
    their line (reviewer R15)."""
    path, column = _minified_with(tmp_path, value)
    assert main(["validate", str(path)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(
        f"{path}: line 1, column {column}, $.athletes[0].splits[1].distance_m: {told}"
    )


def test_each_problem_on_one_line_says_its_column(tmp_path):
    data = demo_data()
    data["athletes"][5]["colour"] = "reddish"
    data["athletes"][7]["role"] = "pacemaker"
    path = tmp_path / "race.json"
    text = json.dumps(data)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_race(path)
    got = [(p.where, p.line, p.column) for p in info.value.problems]
    assert got == [
        ("$.athletes[5].colour", 1, text.index('"colour": "reddish"') + 1),
        ("$.athletes[7].role", 1, text.index('"role": "pacemaker"') + 1),
    ]


def test_an_indented_file_says_its_line_alone(tmp_path, capsys):
    data = demo_data()
    data["athletes"][0]["splits"][1]["distance_m"] = 12345.5
    path = tmp_path / "race.json"
    text = json.dumps(data, indent=2).replace("12345.5", "NaN")
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: line {_line_of(text, 'NaN')}, $.athletes[0].splits[1].distance_m: " in err


def test_lines_are_found_through_awkward_names_and_strings():
    text = (
        '{\n  "a": [\n    {"x": "{[,:\\"]}"},\n    {\n      "odd key\\"]": 1,\n'
        '      "b": [[1,\n 2], [3]]\n    }\n  ],\n  "c": {}\n}\n'
    )
    assert json.loads(text)  # valid JSON
    paths = {'$.a[1]["odd key\\"]"]', "$.a[1].b[1][0]", "$.a[1].b[0][1]", "$.c", "$.a[0].x"}
    lines = value_lines(text, paths)
    assert lines['$.a[1]["odd key\\"]"]'] == 5
    assert lines["$.a[1].b[0][1]"] == 7
    assert lines["$.a[1].b[1][0]"] == 7
    assert lines["$.a[0].x"] == 3
    assert lines["$.c"] == 10
    assert lines["$.a"] == 2 and lines["$"] == 1


def test_enclosing_paths_innermost_first():
    assert enclosing_paths('$.a[1]["b.c"].d') == [
        '$.a[1]["b.c"].d',
        '$.a[1]["b.c"]',
        "$.a[1]",
        "$.a",
        "$",
    ]


def test_other_problems_are_left_as_they_are():
    problems = [Problem("line 3, column 7", "bad"), Problem("", "too large")]
    assert with_lines(problems, '{\n"a": 1\n}') == problems
