"""A runner who does not finish (DNF): her splits end short of the race distance, and the
race file says so with "dnf": true (coach's review: a club 3000's Ava Reid, who stopped at
2000 m, could only be read as a pacer, or was refused)."""

import copy
import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.race_file import race_from_data, read_race, write_race
from tests.helpers_race import club_dnf_data, minimal_data, write_json


def _lines(data) -> list[str]:
    with pytest.raises(RaceFileError) as info:
        race_from_data(data)
    return [line.removeprefix("<input>: ") for line in info.value.lines()]


def test_a_runner_marked_dnf_may_stop_before_the_finish():
    race = race_from_data(club_dnf_data())
    ava = race.athlete("ava-reid")
    assert ava.role == "runner" and ava.dnf
    assert ava.splits[-1].distance_m == 2000
    assert not race.athlete("mia-cole").dnf


def test_a_runner_stopping_short_without_dnf_is_refused_saying_how_to_mark_one():
    """A file cut short stays an error: only an explicit "dnf" makes a short runner."""
    data = club_dnf_data()
    del data["athletes"][2]["dnf"]
    assert _lines(data) == [
        "$.athletes[2].splits: the last split (2000 m) must be at the race distance (3000 m); "
        'a runner who did not finish is marked "dnf": true'
    ]


def test_a_ghost_stopping_short_gets_no_dnf_hint():
    data = club_dnf_data()
    data["athletes"][2]["role"] = "ghost"
    del data["athletes"][2]["dnf"]
    assert _lines(data) == [
        "$.athletes[2].splits: the last split (2000 m) must be at the race distance (3000 m)"
    ]


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            lambda a: a.update(role="pacer"),
            '$.athletes[2].dnf: only a runner can be marked "dnf" (a pacer cannot)',
        ),
        (
            lambda a: a.update(role="ghost"),
            '$.athletes[2].dnf: only a runner can be marked "dnf" (a ghost cannot)',
        ),
        (
            lambda a: a["splits"].append({"distance_m": 3000, "time": "9:50.00"}),
            "$.athletes[2].dnf: the last split is at the finish (3000 m): a runner who did not "
            'finish stops before it (delete "dnf")',
        ),
        (
            lambda a: (a.pop("splits"), a.update(even_pace={"time": "10:00.00"})),
            '$.athletes[2].dnf: a runner who did not finish ("dnf": true) needs splits up to '
            "the stop",
        ),
        (
            lambda a: a.update(dnf="yes"),
            "$.athletes[2].dnf: should be a valid boolean",
        ),
    ],
)
def test_a_wrong_dnf_is_one_line_at_its_place(change, line):
    data = club_dnf_data()
    change(data["athletes"][2])
    assert _lines(data) == [line]


def test_a_race_where_every_runner_is_dnf_is_refused():
    data = club_dnf_data()
    data["athletes"] = [copy.deepcopy(data["athletes"][2])]
    assert _lines(data) == [
        '$.athletes: every runner is marked "dnf": at least one runner must finish (the one '
        "a replay follows)"
    ]


def test_the_first_runner_may_be_the_dnf_and_the_race_follows_the_first_finisher():
    data = club_dnf_data()
    data["athletes"].insert(0, data["athletes"].pop())
    race = race_from_data(data)
    assert race.focus.id == "mia-cole"


def test_dnf_survives_a_write_and_a_read(tmp_path):
    race = race_from_data(club_dnf_data())
    path = tmp_path / "club.json"
    write_race(race, path)
    assert json.loads(path.read_text(encoding="utf-8"))["athletes"][2]["dnf"] is True
    assert "dnf" not in json.loads(path.read_text(encoding="utf-8"))["athletes"][0]
    assert read_race(path) == race


def test_validate_gives_one_line_with_the_place_and_exit_2(tmp_path, capsys):
    data = club_dnf_data()
    data["athletes"][0]["dnf"] = True
    data["athletes"][1]["dnf"] = True
    path = write_json(tmp_path / "club.json", data)
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    text = path.read_text(encoding="utf-8")  # on one line: the places give columns
    first = text.index('"dnf"') + 1
    last = text.index('"dnf"', first) + 1
    assert err.splitlines() == [
        f"{path}: line 1, column {first}, $.athletes[0].dnf: the last split is at the finish "
        '(3000 m): a runner who did not finish stops before it (delete "dnf") (and 1 more '
        f"like it, the last at line 1, column {last}, $.athletes[1].dnf)",
    ]
    assert main(["validate", str(write_json(tmp_path / "ok.json", club_dnf_data()))]) == 0


def test_the_demo_style_mile_still_needs_its_runner_to_finish():
    data = minimal_data()
    data["athletes"][0]["splits"].pop()
    assert "dnf" in _lines(data)[0]
