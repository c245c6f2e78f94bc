"""A field given twice in one JSON object is refused with its place, not read as the last."""

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.race_file import parse_race_text, read_race
from racegui.resources_path import demo_race_path

TWICE = "this field is given twice in one object"


def _demo_text() -> str:
    return demo_race_path().read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('"format": "racegui/1",', '"format": "racegui/1", "title": "Other",', "$.title"),
        ('"id": "fisher",', '"id": "fisher", "name": "Somebody",', "$.athletes[1].name"),
        (
            '"distance_m": 780,',
            '"distance_m": 780, "distance_m": 700,',
            "$.athletes[11].dropout.distance_m",
        ),
        ('"id": "fisher",', '"id": "fisher", "a b": 1, "a b": 2,', '$.athletes[1]["a b"]'),
    ],
)
def test_a_field_given_twice_is_refused_at_its_place(old, new, where):
    text = _demo_text()
    assert old in text
    changed = text.replace(old, new, 1)
    line = changed[: changed.index(new)].count("\n") + 1  # where the field is first given
    with pytest.raises(RaceFileError) as info:
        parse_race_text(changed, "race.json")
    assert len(info.value.problems) == 1
    assert str(info.value).startswith(f"race.json: line {line}, {where}: {TWICE}")


def test_the_same_field_in_different_objects_is_fine():
    assert read_race(demo_race_path()).athlete("fisher").name == "Grant Fisher"


def test_validate_and_info_give_one_line_and_exit_2(capsys, tmp_path):
    path = tmp_path / "race.json"
    text = _demo_text().replace('"id": "fisher",', '"id": "fisher", "name": "X",', 1)
    path.write_text(text)
    line = text[: text.index('"name": "X"')].count("\n") + 1
    for verb in ("validate", "info"):
        assert main([verb, str(path)]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err.splitlines() == [
            f"{path}: line {line}, $.athletes[1].name: {TWICE} (JSON readers would "
            "keep only the last): delete one"
        ]
