"""A coach's review of mistyped splits. A 400 m split typed 4:54.40 for 54.40 was blamed on
the two correct splits after it ("1:23.00 comes after 4:54.40", "1:51.90 comes after
4:54.40"), never on itself, in a race file, a splits CSV and a lap CSV alike; and 1:51:40
typed for 1:51.40 was called "0.03 m/s ... slower than walking" without saying the time had
been read as 1 h 51 min 40 s."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.race_file import race_from_data
from racegui.io.split_order import out_of_line
from racegui.io.splits_csv import read_splits_csv
from tests.helpers_race import minimal_data, write_json

TYPO = "4:54.40 at 400 m is later than the 2 splits after it"


def _data(times: list[str], distances=(200, 400, 600, 800)) -> dict:
    data = minimal_data(distance_m=800, target={"time": "1:52.00"})
    data["athletes"][0]["splits"] = [
        {"distance_m": d, "time": t} for d, t in zip(distances, times, strict=True)
    ]
    data["athletes"][1]["dropout"] = {"distance_m": 400}
    return data


def _problems(data: dict) -> list[tuple[str, str]]:
    with pytest.raises(RaceFileError) as info:
        race_from_data(data)
    return [(p.where, p.message) for p in info.value.problems]


@pytest.mark.parametrize(
    ("values", "out"),
    [
        ([26.3, 294.4, 83.0, 111.9], {1}),  # one too late: the one to blame
        ([26.3, 54.4, 8.3, 111.9], {2}),  # one too early
        ([26.3, 294.4, 323.0, 111.9, 140.0, 168.0], {1, 2}),  # two in a row
        ([26.3, 83.0, 54.4, 111.9], set()),  # swapped: either could be the one
        ([1.0, float("nan"), 0.5, 0.7, 2.0], {0}),  # NaN is passed over
        ([], set()),
    ],
)
def test_out_of_line_is_what_no_longest_increasing_run_keeps(values, out):
    assert out_of_line(values) == out


def test_a_race_file_names_the_mistyped_split_not_the_ones_after_it(tmp_path, capsys):
    data = _data(["26.3", "4:54.40", "1:23.00", "1:51.90"])
    assert _problems(data) == [
        (
            "$.athletes[0].splits[1].time",
            f"{TYPO} (1:23.00 at 600 m and 1:51.90 at 800 m): a typo? times must increase",
        )
    ]
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"{path}: line ")
    assert "splits[1].time: 4:54.40 at 400 m is later than" in err[0]


def test_a_split_too_early_is_named_earlier_than_the_one_before(tmp_path):
    data = _data(["26.3", "54.40", "8.30", "1:51.90"])
    assert _problems(data) == [
        (
            "$.athletes[0].splits[2].time",
            "8.30 at 600 m is earlier than the 2 splits before it (54.40 at 400 m and 26.3 at "
            "200 m): a typo? times must increase",
        )
    ]


def test_a_distance_out_of_line_is_named_too():
    times = ["26.3", "54.40", "1:23.00", "1:51.90", "2:20.00"]
    data = _data(times, (200, 400, 900, 600, 800, 1000)[:5])
    data["athletes"][0]["splits"].append({"distance_m": 1000, "time": "2:50.00"})
    data["distance_m"] = 1000
    assert _problems(data) == [
        (
            "$.athletes[0].splits[2].distance_m",
            "900 m is beyond the 2 splits after it (600 m and 800 m): a typo? distances must "
            "increase",
        )
    ]


def test_two_swapped_splits_are_still_compared_pairwise():
    data = _data(["26.3", "1:23.00", "54.40", "1:51.90"])
    assert _problems(data) == [
        ("$.athletes[0].splits[2].time", "54.40 comes after 1:23.00: times must increase")
    ]


def test_a_splits_csv_names_the_mistyped_split(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "athlete,distance_m,time\nann,200,26.1\nann,400,4:54.2\nann,600,1:23.1\nann,800,1:51.4\n",
        encoding="utf-8",
    )
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [
        f"{path}: line 3, column 3: times of ann: 4:54.2 at 400 m is later than the 2 splits "
        "after it (1:23.1 at 600 m on line 4 and 1:51.4 at 800 m on line 5): a typo? times "
        "must increase"
    ]


def test_a_lap_csv_names_the_mistyped_time_from_the_start(tmp_path):
    path = tmp_path / "laps.csv"
    path.write_text("Lap,Total Time\n1,48.2\n2,4:52.5\n3,2:17.3\n4,3:18.3\n", encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path, distance_m=1500)
    assert info.value.lines() == [
        f"{path}: line 3, column 2: times from the start: 4:52.5 at the end of lap 2 is later "
        "than the 2 laps after it (2:17.3 at lap 3 on line 4 and 3:18.3 at lap 4 on line 5): "
        "a typo? times must increase"
    ]


COLONS = "1:51:40 reads as 1 h 51 min 40 s: if 1 min 51.40 s is meant, write 1:51.40"


def test_a_time_with_two_colons_says_how_it_was_read(tmp_path, capsys):
    """t_colons.json of the review: the last split typed 1:51:40."""
    data = _data(["26.1", "54.20", "1:23.10", "1:51:40"])
    assert _problems(data) == [
        (
            "$.athletes[0].splits[3]",
            "0.03 m/s from the previous split is slower than walking (at least 0.5 m/s); " + COLONS,
        )
    ]
    path = write_json(tmp_path / "t_colons.json", data)
    assert main(["validate", str(path)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.endswith(COLONS)


def test_a_target_time_with_two_colons_says_how_it_was_read():
    data = _data(["26.1", "54.20", "1:23.10", "1:51.40"])
    data["target"] = {"time": "1:51:40"}
    assert _problems(data) == [
        ("$.target.time", f"is slower than walking (at least 0.5 m/s); {COLONS}")
    ]


def test_a_two_colon_time_out_of_line_says_how_it_was_read():
    data = _data(["26.1", "1:54:20", "1:23.10", "1:51.40"])
    [(where, message)] = _problems(data)
    assert where == "$.athletes[0].splits[1].time"
    assert message.endswith(
        "(1:54:20 reads as 1 h 54 min 20 s: if 1 min 54.20 s is meant, write 1:54.20)"
    )


def test_a_splits_csv_time_with_two_colons_says_how_it_was_read(tmp_path):
    path = tmp_path / "s.csv"
    text = "athlete,distance_m,time\nann,200,26.1\nann,400,54.2\nann,600,1:23.1\nann,800,1:51:40\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    [line] = info.value.lines()
    assert line.startswith(f"{path}: line 5") and line.endswith(COLONS)


def test_a_lap_time_with_two_colons_is_one_line_saying_how_it_was_read(tmp_path):
    """1:04:50 typed for a lap of 1:04.50 made every split after it slower than walking too:
    three lines for one slip."""
    path = tmp_path / "laps.csv"
    path.write_text("Lap,Lap Time\n1,48.2\n2,1:04:50\n3,1:04.8\n4,1:01.0\n", encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path, distance_m=1500)
    assert info.value.lines() == [
        f"{path}: line 3, column 2: lap 2 in 1:04:50 is slower than walking over its 400 m "
        "(at least 0.5 m/s); 1:04:50 reads as 1 h 4 min 50 s: if 1 min 04.50 s is meant, "
        "write 1:04.50"
    ]
