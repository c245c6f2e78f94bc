"""What a race file may leave out: runners' colours (distinct, in turn) and whom to follow
(the winner); a "follow" that names no runner is refused."""

from __future__ import annotations

import pytest

from racegui.io.errors import RaceFileError
from racegui.io.palette import NEUTRAL, PALETTE
from racegui.io.race_file import race_from_data
from tests.helpers_race import two_runner_data


def _uncoloured(data: dict) -> dict:
    for a in data["athletes"]:
        a.pop("colour", None)
    return data


def test_runners_without_a_colour_are_told_apart():
    """Six runners of a hand-written 800 m were identical grey dots (coach's review)."""
    data = _uncoloured(two_runner_data())
    race = race_from_data(data)
    colours = {a.id: a.colour for a in race.athletes}
    assert colours["r"] == PALETTE[0] and colours["s"] == PALETTE[1]
    assert colours["p"] == NEUTRAL  # a pacer stays in the background


def test_a_colour_given_is_kept_and_not_handed_out_again():
    data = _uncoloured(two_runner_data())
    data["athletes"][1]["colour"] = PALETTE[0]  # Sara has the palette's first colour
    race = race_from_data(data)
    assert race.athlete("s").colour == PALETTE[0]
    assert race.athlete("r").colour == PALETTE[1]


@pytest.mark.parametrize(
    ("follow", "words"),
    [
        ("p", "'p' is a pacer, not a runner: name a runner (r, s)"),
        ("nobody", "'nobody' is no athlete's id: name a runner (r, s)"),
    ],
)
def test_a_follow_that_names_no_runner_is_refused(follow, words):
    data = two_runner_data()
    data["follow"] = follow
    with pytest.raises(RaceFileError) as caught:
        race_from_data(data)
    assert [(p.where, p.message) for p in caught.value.problems] == [("$.follow", words)]
