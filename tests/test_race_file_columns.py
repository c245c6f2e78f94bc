"""Splits read a column at a time (race_splits) give the race and the problems that
pydantic's one-by-one reading gave; anything pydantic would word goes to pydantic."""

from __future__ import annotations

import gc

import pytest

from racegui.io.errors import RaceFileError
from racegui.io.race_file import parse_race_text, race_from_data
from racegui.io.race_splits import plain_columns
from racegui.model.race import Split
from tests.helpers_race import MILE, minimal_data

PLAIN = [{"distance_m": 400, "time": 60}, {"distance_m": 800.5, "time": "2:00.75"}]


def test_plain_splits_are_read_as_columns_with_whole_numbers_made_floats():
    cols = plain_columns(PLAIN)
    assert cols is not None
    assert cols.distance_m == [400, 800.5] and cols.time == [60.0, "2:00.75"]
    assert cols.estimated == [False, False] and cols.source == [None, None]
    assert type(cols.time[0]) is float
    flagged = [dict(PLAIN[0], estimated=True, source="s1"), PLAIN[1]]
    cols = plain_columns(flagged)
    assert cols is not None and cols.estimated == [True, False] and cols.source == ["s1", None]


@pytest.mark.parametrize(
    "split",
    [
        {"distance_m": True, "time": 60},
        {"distance_m": "400", "time": 60},
        {"distance_m": 400, "time": None},
        {"distance_m": 400, "time": "x" * 41},
        {"distance_m": 400},
        {"distance_m": 400, "time": 60, "extra": 1},
        {"distance_m": 400, "time": 60, "estimated": 1},
        {"distance_m": 400, "time": 60, "source": "a" * 201},
        {"distance_m": 400, "time": 60, "source": "a\u202eb"},
        {"distance_m": 400, "time": 60, "source": 5},
    ],
)
def test_a_split_pydantic_would_refuse_sends_the_list_to_pydantic(split):
    assert plain_columns([PLAIN[0], split]) is None


@pytest.mark.parametrize("items", ["x", None, [1], [[]], [PLAIN[0]] * 1001])
def test_what_is_not_a_plain_list_of_splits_goes_to_pydantic(items):
    assert plain_columns(items) is None


def test_whole_numbers_read_as_columns_give_the_race_pydantic_gave():
    data = minimal_data()
    data["athletes"][0]["splits"] = [
        {"distance_m": 400, "time": 60, "estimated": True, "source": "s1"},
        {"distance_m": 800, "time": 121},
        {"distance_m": 1200, "time": 182},
        {"distance_m": MILE, "time": 246.42},
    ]
    splits = race_from_data(data).athletes[0].splits
    assert splits[0] == Split(400.0, 60.0, True, "s1") and splits[-1] == Split(MILE, 246.42)
    assert all(type(s.distance_m) is float and type(s.time_s) is float for s in splits)


def test_problems_found_in_columns_are_worded_and_ordered_as_one_by_one():
    data = minimal_data()
    splits = data["athletes"][0]["splits"]
    splits[0]["time"] = -1  # a time's problem before its distance's
    splits[0]["distance_m"] = 0
    splits[2]["distance_m"] = 5000
    with pytest.raises(RaceFileError) as info:
        race_from_data(data)
    assert [(p.where, p.message) for p in info.value.problems] == [
        ("$.athletes[0].splits[0].time", "-1.0 is negative"),
        ("$.athletes[0].splits[0].distance_m", "must be greater than 0"),
        ("$.athletes[0].splits[2].distance_m", "5000 m is past the race distance 1609.34 m"),
    ]


def test_a_split_out_of_order_or_pace_is_compared_with_the_last_good_one():
    data = minimal_data()
    splits = data["athletes"][0]["splits"]
    splits[1]["time"] = "0:59.00"  # before 400 m's 60.20
    with pytest.raises(RaceFileError) as info:
        race_from_data(data)
    assert [p.message for p in info.value.problems] == [
        "59.00 comes after 1:00.20: times must increase"
    ]
    splits[1]["time"] = "1:05.00"  # 400 m in 4.8 s
    with pytest.raises(RaceFileError) as info:
        race_from_data(data)
    assert [(p.where, p.message) for p in info.value.problems] == [
        (
            "$.athletes[0].splits[1]",
            "83.3 m/s from the previous split is faster than any human runs",
        )
    ]


def test_the_cycle_collector_is_set_back_after_reading():
    was = gc.isenabled()  # the test run keeps it off between tests (conftest)
    gc.enable()
    try:
        with pytest.raises(RaceFileError):
            parse_race_text("{}", "race.json")
        assert gc.isenabled()
        gc.disable()
        with pytest.raises(RaceFileError):
            parse_race_text("{}", "race.json")
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()
