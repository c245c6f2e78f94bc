"""A time quoted back in a message about a file is the figure typed (R11's review): a lap
CSV whose Total row says 4:06.8 and disagrees had been refused with "the Total row's
4:06.80 is not 4:16.00"; times worked out from typed ones (laps added up, a lap between two
times from the start) are printed to the decimals those were typed to."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.race_file import read_race
from racegui.io.splits_csv import read_splits_csv
from racegui.io.typed_times import typed_time, typed_times_apart

TENTHS = "Lap,Lap Time,Total Time\n1,52.1,52.1\n2,1:08.4,2:00.5\n3,1:09.2,3:09.7\n4,1:06.3,4:16.0\n"


def _write(tmp_path, text: str, name: str = "laps.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(path, **kwargs) -> str:
    with pytest.raises(RaceFileError) as err:
        read_splits_csv(path, **kwargs)
    [line] = err.value.lines()
    return line


def test_a_total_row_typed_to_the_tenth_is_quoted_to_the_tenth(tmp_path, capsys):
    path = _write(tmp_path, TENTHS + "Total,,4:06.8\n")
    assert _refusal(path, distance_m=1500) == (
        f"{path}: line 6: the Total row's 4:06.8 is not 4:16.0, the time at the end of lap 4 "
        "(line 5): check the laps' times, or leave the Total row out"
    )
    agreeing = _write(tmp_path, TENTHS + "Total,,4:16.0\n", "ok.csv")
    assert main(["validate", str(agreeing), "--distance", "1500"]) == 0
    assert "and its 4:16.0 is the time at the end of lap 4." in capsys.readouterr().out
    summed = _write(tmp_path, TENTHS + "Total,4:17.0,\n", "summed.csv")  # the lap times' sum
    assert "the Total row's 4:17.0 is not 4:16.0, the lap times added up to" in _refusal(
        summed, distance_m=1500
    )


def test_a_lap_time_that_does_not_match_is_noted_as_typed(tmp_path):
    path = _write(tmp_path, TENTHS.replace("2,1:08.4", "2,1:09.4"))
    assert (
        "Line 3: lap 2's time 1:09.4 is not the 1:08.4 between its times from the start "
        "(52.1 to 2:00.5): the times from the start are used."
    ) in read_splits_csv(path, distance_m=1500).notes


def test_times_that_do_not_increase_are_quoted_as_typed(tmp_path):
    laps = _write(tmp_path, "Lap,Total Time\n1,52.1\n2,2:00.5\n3,1:09.7\n4,4:16.0\n")
    assert _refusal(laps, distance_m=1500).endswith(
        "times from the start must increase: 1:09.7 at the end of lap 3 is not after 2:00.5 "
        "at lap 2 (line 3)"
    )
    splits = "athlete,distance_m,time\nSam,400,58.1\nSam,800,1:57.2\nSam,1200,1:56.3\n"
    path = _write(tmp_path, splits + "Sam,1500,3:40.0\n", "splits.csv")
    assert _refusal(path, distance_m=1500).endswith(
        "times of Sam must increase with distance: 1:56.3 at 1200 m is not after 1:57.2 at "
        "800 m (line 3)"
    )


def test_a_race_file_s_times_that_do_not_increase_are_quoted_as_typed(tmp_path):
    times = {400: "58.1", 800: "1:58.2", 1200: "1:57.3", 1500: "3:40.5"}
    splits = [{"distance_m": d, "time": t} for d, t in times.items()]
    athlete = {"id": "a", "name": "A", "role": "runner", "splits": splits}
    data = {"format": "racegui/1", "title": "T", "distance_m": 1500, "athletes": [athlete]}
    path = _write(tmp_path, json.dumps(data), "race.json")
    with pytest.raises(RaceFileError) as err:
        read_race(path)
    column = json.dumps(data).index('"time": "1:57.3"') + 1  # a file on one line
    assert err.value.lines() == [
        f"{path}: line 1, column {column}, $.athletes[0].splits[2].time: 1:57.3 comes after "
        "1:58.2: times must increase"
    ]


def test_typed_times_take_the_decimals_typed_and_tell_different_times_apart():
    assert typed_time(246.8, "4:06.8") == "4:06.8"
    assert typed_time(256.0, "52.1", "1:08.4") == "4:16.0"  # worked from tenths
    assert typed_time(256.0, "") == "4:16.00"  # nothing typed: hundredths
    assert typed_time(232.001, 232.001) == "3:52.01"  # a number: as published
    assert typed_times_apart(232.001, 232.004, 232.001, 232.004) == ("3:52.001", "3:52.004")


def test_times_typed_to_the_thousandth_are_quoted_to_the_thousandth(tmp_path):
    """R13: 2:00.579 and 2:00.571 had both been quoted 2:00.58 ("2:00.58 at the end of lap 3
    is not after 2:00.58 at lap 2"), a photo-finish Total row's 4:16.123 as 4:16.13."""
    laps = _write(tmp_path, "Lap,Total Time\n1,52.123\n2,2:00.579\n3,2:00.571\n4,4:16.080\n")
    assert "2:00.571 at the end of lap 3 is not after 2:00.579 at lap 2" in _refusal(
        laps, distance_m=1500
    )
    splits = _write(tmp_path, "Athlete,800,1200\nSam,1:57.234,1:57.231\n", "splits.csv")
    assert "1:57.231 at 1200 m is not after 1:57.234 at 800 m" in _refusal(splits, distance_m=1200)
    assert typed_time(256.123, "4:16.123") == "4:16.123"
    assert typed_time(256.0, "1:06.300", "4:16") == "4:16.000"
    assert typed_time(232.001, "3:52.0011") == "3:52.001"  # thousandths at most
