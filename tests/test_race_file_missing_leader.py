"""A formation's missing leader is one problem however many follow it; with no runner, the
first line says so."""

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.race_file import race_from_data
from tests.helpers_race import demo_data, minimal_data, write_json


def _problems(data) -> list[str]:
    with pytest.raises(RaceFileError) as info:
        race_from_data(data, "race.json")
    return info.value.lines()


def _without_runner() -> dict:
    data = demo_data()
    data["athletes"] = [a for a in data["athletes"] if a["id"] != "kipyegon"]
    return data


def test_a_deleted_runner_is_one_line_saying_there_is_no_runner():
    """Deleting Kipyegon from the demo gave 14 lines, 13 of "no athlete with id 'kipyegon'"
    (a 14-line dialog in the window) and none saying plainly that there was no runner."""
    assert _problems(_without_runner()) == [
        "race.json: $.athletes: no runner: 13 pacers follow 'kipyegon', but no athlete has "
        'that id, and none has role "runner" (first follower at '
        "$.athletes[0].formation.follows)"
    ]


def test_info_prints_that_line_alone(capsys, tmp_path):
    path = write_json(tmp_path / "race.json", _without_runner())
    assert main(["info", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    column = path.read_text(encoding="utf-8").index('"athletes"') + 1  # a file on one line
    assert err.startswith(
        f"{path}: line 1, column {column}, $.athletes: no runner: 13 pacers follow 'kipyegon'"
    )
    assert "more: see racegui validate" not in err


def test_a_misspelt_leader_is_one_problem_per_id_counting_its_followers():
    data = demo_data()
    for a in data["athletes"][1:4]:
        a["formation"]["follows"] = "kipyegn"
    data["athletes"][5]["formation"]["follows"] = "fk"
    assert _problems(data) == [
        "race.json: $.athletes[1].formation.follows: no athlete with id 'kipyegn' "
        "(3 pacers follow it; this is the first)",
        "race.json: $.athletes[5].formation.follows: no athlete with id 'fk'",
    ]


def test_no_runner_and_no_missing_leader_is_said_as_before():
    data = minimal_data()
    data["athletes"][0]["role"] = "ghost"
    data["athletes"][1]["formation"]["follows"] = "r"
    lines = _problems(data)
    assert 'race.json: $.athletes: needs at least one athlete with role "runner"' in lines
