"""A steeplechase given as a distance ("3000m steeplechase") was told only "is not a
distance" (coach's review): it says the steeplechase is not modelled, and which flat
distance to give for a replay of its splits, on the command line, in a race file and in the
window's CSV dialog."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.io.distances import parse_distance, steeplechase_problem
from racegui.io.errors import RaceFileError
from racegui.io.race_file import race_from_data
from tests.helpers_race import minimal_data

NOT_MODELLED = "the steeplechase is not modelled (its barriers and water jump are not drawn)"
LAPS = "Lap,Lap Time\n1,34.1\n" + "".join(f"{k},1:12.{k}\n" for k in range(2, 9))


@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("3000m steeplechase", "3000 m"),
        ("2000 m Steeple", "2000 m"),
        ("3000mSC", "3000 m"),
        ("3 km steeplechase", "3000 m"),
        ("steeplechase", "3000 m"),
    ],
)
def test_a_steeplechase_is_not_modelled_and_says_what_to_give(text, flat):
    assert steeplechase_problem(text) == (
        f"{text!r}: {NOT_MODELLED}; for a flat replay of the distance, give {flat}"
    )
    with pytest.raises(ValueError, match="not modelled"):
        parse_distance(text)


@pytest.mark.parametrize("text", ["3000 m", "1 mile", "5 km", "1500"])
def test_flat_distances_are_no_steeplechase(text):
    assert steeplechase_problem(text) is None


@pytest.mark.parametrize("verb", ["validate", "info"])
def test_the_cli_says_so_in_one_line_and_exit_2(tmp_path, capsys, verb):
    path = tmp_path / "sc_laps.csv"
    path.write_text(LAPS, encoding="utf-8")
    assert main([verb, str(path), "--distance", "3000m steeplechase"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"racegui {verb}: argument --distance: '3000m steeplechase': {NOT_MODELLED}; for a "
        f"flat replay of the distance, give --distance 3000 (see racegui {verb} --help)"
    ]
    assert main([verb, str(path), "--distance", "3000"]) == 0


def test_a_race_file_says_so():
    data = {k: v for k, v in minimal_data().items() if k != "distance_m"}
    data["distance"] = "3000m steeplechase"
    with pytest.raises(RaceFileError) as info:
        race_from_data(data)
    assert [(p.where, p.message) for p in info.value.problems] == [
        (
            "$.distance",
            f"'3000m steeplechase': {NOT_MODELLED}; for a flat replay of the distance, give "
            '"3000 m"',
        )
    ]


def test_the_csv_dialog_says_so():
    from racegui.ui.csv_dialog import distance_problem

    assert distance_problem("3000m steeplechase") == (
        None,
        f"“3000m steeplechase”: {NOT_MODELLED}; for a flat replay of the distance, give 3000.",
    )
