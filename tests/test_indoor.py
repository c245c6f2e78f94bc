"""An indoor race cannot be replayed on its 200 m track (analyst's review): "3000m indoor"
had been told only "is not a distance", and a 15-lap indoor 3000 m lap CSV had been offered
5600-6000 m races. Both say that only the 400 m outdoor track is drawn, and what to give."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.io.distances import indoor_problem, parse_distance, unmodelled_problem
from racegui.io.errors import RaceFileError
from racegui.io.lap_csv import lap_count_problem
from racegui.io.race_file import race_from_data
from tests.helpers_race import minimal_data

NOT_MODELLED = (
    "indoor (200 m) tracks are not modelled (racegui draws the 400 m outdoor track); for a "
    "replay of the splits on it, give"
)
HINT = (
    "(laps of a 200 m indoor track? racegui draws only the 400 m outdoor track: give the time "
    "from the start at each lap's end, with its distance, as a splits CSV)"
)


@pytest.mark.parametrize(
    ("text", "give"),
    [
        ("3000m indoor", "give 3000 m"),
        ("1500 m Indoors", "give 1500 m"),
        ("1 mile short track", "give 1609.34 m"),
        ("60m short-track", "give 60 m"),
        ("indoor", "give its distance without the word"),
    ],
)
def test_an_indoor_race_is_not_modelled_and_says_what_to_give(text, give):
    assert indoor_problem(text) == f"{text!r}: {NOT_MODELLED.rpartition(' give')[0]} {give}"
    assert unmodelled_problem(text) == indoor_problem(text)
    with pytest.raises(ValueError, match="indoor"):
        parse_distance(text)


@pytest.mark.parametrize("text", ["3000 m", "1 mile", "5 km", "1500", "Windoor 400"])
def test_outdoor_distances_are_not_indoor(text):
    assert indoor_problem(text) is None


def test_the_cli_says_so_in_one_line_and_exit_2(tmp_path, capsys):
    path = tmp_path / "laps.csv"
    path.write_text("Lap,Lap Time\n" + "".join(f"{k},1:05.{k}\n" for k in range(1, 9)))
    assert main(["validate", str(path), "--distance", "3000m indoor"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"racegui validate: argument --distance: '3000m indoor': {NOT_MODELLED} --distance "
        "3000 (see racegui validate --help)"
    ]


def test_a_race_file_says_so():
    data = {k: v for k, v in minimal_data().items() if k != "distance_m"}
    data["distance"] = "1 mile indoor"
    with pytest.raises(RaceFileError) as info:
        race_from_data(data)
    assert [(p.where, p.message) for p in info.value.problems] == [
        ("$.distance", f"'1 mile indoor': {NOT_MODELLED} \"1609.34 m\"")
    ]


def test_the_csv_dialog_says_so():
    from racegui.ui.csv_dialog import distance_problem

    assert distance_problem("3000m indoor") == (
        None,
        f"“3000m indoor”: {NOT_MODELLED} 3000.",
    )


@pytest.mark.parametrize(("laps", "distance_m"), [(15, 3000.0), (8, 1500.0), (4, 800.0)])
def test_laps_that_fit_an_indoor_track_get_a_hint(laps, distance_m):
    assert lap_count_problem(laps, distance_m).endswith(HINT)


@pytest.mark.parametrize(("laps", "distance_m"), [(6, 1500.0), (9, 3000.0), (3, 3000.0)])
def test_laps_that_fit_no_indoor_track_get_none(laps, distance_m):
    assert HINT not in lap_count_problem(laps, distance_m)
