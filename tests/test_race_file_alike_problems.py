"""Problems that say the same thing at several places are one line: the first place, how
many more, and the last place; exit 2 as before."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.io.errors import Problem, RaceFileError
from racegui.io.race_file import race_from_data
from tests.helpers_race import minimal_data


def _lines(problems: list[Problem]) -> list[str]:
    return RaceFileError("race.json", problems).lines()


def test_alike_problems_are_one_line_with_the_count_and_the_last_place():
    problems = [
        Problem("$.a[0].time", "-1.0 is negative", 3),
        Problem("$.a[0].distance_m", "must be greater than 0", 4),
        Problem("$.a[1].time", "-1.0 is negative", 7),
        Problem("$.a[2].time", "-1.0 is negative", 11),
        Problem("$.a[3].time", "-2.0 is negative", 15),
    ]
    assert _lines(problems) == [
        "race.json: line 3, $.a[0].time: -1.0 is negative (and 2 more like it, the last at "
        "line 11, $.a[2].time)",
        "race.json: line 4, $.a[0].distance_m: must be greater than 0",
        "race.json: line 15, $.a[3].time: -2.0 is negative",
    ]


def test_places_without_a_line_or_without_a_place():
    assert _lines([Problem("line 2, column 3", "bad"), Problem("line 9, column 3", "bad")]) == [
        "race.json: line 2, column 3: bad (and 1 more like it, the last at line 9, column 3)"
    ]
    assert _lines([Problem("", "bad"), Problem("", "bad")]) == [
        "race.json: bad (and 1 more like it)"
    ]


def test_the_problems_themselves_are_all_kept():
    data = minimal_data()
    for split in data["athletes"][0]["splits"]:
        split["time"] = -1
    with pytest.raises(RaceFileError) as info:
        race_from_data(data, "race.json")
    assert [p.where for p in info.value.problems] == [
        f"$.athletes[0].splits[{k}].time" for k in range(4)
    ]
    assert len(info.value.lines()) == 1


def test_validate_gives_one_line_per_distinct_problem_and_exit_2(tmp_path, capsys):
    data = minimal_data()
    for split in data["athletes"][0]["splits"]:
        split["time"] = -1
    data["athletes"][0]["splits"][1]["distance_m"] = 0
    path = tmp_path / "race.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    lines = path.read_text().splitlines()
    at = [n + 1 for n, text in enumerate(lines) if '"time": -1' in text]
    zero = next(n + 1 for n, text in enumerate(lines) if '"distance_m": 0' in text)
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"{path}: line {at[0]}, $.athletes[0].splits[0].time: -1.0 is negative (and 3 more "
        f"like it, the last at line {at[3]}, $.athletes[0].splits[3].time)",
        f"{path}: line {zero}, $.athletes[0].splits[1].distance_m: must be greater than 0",
    ]


FIELD_1500 = "athlete,distance_m,time,role\n" + "".join(
    f"{name},{d},{t},{role}\n"
    for name, role, splits in (
        ("Mia Ford", "", (("700", "1:55.0"), ("1500", "4:07.26"))),
        ("Jess Carr", "", (("700", "1:54.0"), ("1500", "4:04.40"))),
        ("Dana Moss", "", (("700", "1:53.0"), ("1500", "4:01.26"))),
        ("Holly Reid", "runner", (("300", "50.0"), ("700", "1:58.0"))),
        ("Cara Doyle", "", (("700", "1:53.5"), ("1500", "4:02.10"))),
    )
    for d, t in splits
)


def test_finishers_given_too_long_a_distance_are_one_line_with_their_count(tmp_path, capsys):
    """A 1500 m CSV given --distance 1600 named the first finisher and Holly Reid, who did
    not finish, and said nothing of the other finishers, read as pacers (coach's review)."""
    path = tmp_path / "w1500r.csv"
    path.write_text(FIELD_1500, encoding="utf-8")
    assert main(["validate", str(path), "--distance", "1600"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{path}: line 3, column 2: the last split (1500 m) must be at the race distance "
        "(1600 m), which --distance set (and 3 more like it, the last at line 11, column 2)"
    ]
    assert main(["validate", str(path)]) == 0  # as it is, Holly Reid did not finish
    assert "Holly Reid stops at 700 m" in capsys.readouterr().out
