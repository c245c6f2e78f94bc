"""Several runners' laps in one lap CSV, a column naming each row's runner: a coach's
stopwatch export ("Stopwatch export", a "Date,..." line, then "Athlete,Lap,Lap Time,Total
Time" and 4 laps a runner) had been refused with "line 1: missing column(s) athlete,
distance_m, time", pointing at the title and saying the athlete column was missing. And a
"Total" row after the laps ("line 7, column 1: 'Total' is not a lap number")."""

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.replay_file import csv_prefill
from racegui.io.splits_csv import read_splits_csv

LAPS = {
    "Sam Ortiz": ["00:52.10", "01:08.40", "01:09.20", "01:06.30"],
    "Lena Brandt": ["00:53.00", "01:09.10", "01:10.00", "01:08.90"],
    "Tom Reyes": ["00:52.60", "01:08.90", "01:12.40", "01:11.00"],
}
TOTALS = {
    "Sam Ortiz": ["00:52.10", "02:00.50", "03:09.70", "04:16.00"],
    "Lena Brandt": ["00:53.00", "02:02.10", "03:12.10", "04:21.00"],
    "Tom Reyes": ["00:52.60", "02:01.50", "03:13.90", "04:24.90"],
}
TITLE = "Stopwatch export\nDate,2026-05-12 18:40\n"
HEADER = "Athlete,Lap,Lap Time,Total Time\n"


def _rows(order: str = "grouped", laps: dict[str, int] | None = None) -> str:
    """The runners' lap rows, grouped by runner or interleaved (lap 1 of each, then 2 ...),
    each runner cut to laps[runner] laps if given."""
    keys = [(who, k) for who in LAPS for k in range(4)]
    if order == "interleaved":
        keys.sort(key=lambda key: key[1])
    keep = laps or {}
    return "".join(
        f"{who},{k + 1},{LAPS[who][k]},{TOTALS[who][k]}\n"
        for who, k in keys
        if k < keep.get(who, 4)
    )


def _write(tmp_path, text: str, name: str = "club1500.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _finishes(race) -> dict[str, float | None]:
    return {a.name: (a.splits[-1].time_s if not a.dnf else None) for a in race.athletes}


@pytest.mark.parametrize("order", ["grouped", "interleaved"])
def test_a_stopwatch_export_of_several_runners_is_read_as_their_race(tmp_path, order):
    path = _write(tmp_path, TITLE + HEADER + _rows(order))
    race = read_splits_csv(path, distance_m=1500)
    assert race.title == "club1500"  # "Stopwatch export" names the app, not the race
    assert _finishes(race) == {"Sam Ortiz": 256.0, "Lena Brandt": 261.0, "Tom Reyes": 264.9}
    tom = race.athletes[2]
    assert [(s.distance_m, s.time_s) for s in tom.splits] == [
        (300.0, 52.6),
        (700.0, 121.5),
        (1100.0, 193.9),
        (1500.0, 264.9),
    ]
    assert all(a.role == "runner" for a in race.athletes)
    without_title = _write(tmp_path, HEADER + _rows(order), "plain.csv")
    assert _finishes(read_splits_csv(without_title, distance_m=1500)) == _finishes(race)


def test_lap_times_alone_of_several_runners_are_added_up_each(tmp_path):
    text = "Name;Lap;Lap Time\n" + "".join(
        f"{who};{k + 1};{t.replace('.', ',')}\n"
        for who, laps in LAPS.items()
        for k, t in enumerate(laps)
    )
    race = read_splits_csv(_write(tmp_path, text), distance_m=1500)
    assert _finishes(race) == {"Sam Ortiz": 256.0, "Lena Brandt": 261.0, "Tom Reyes": 264.9}


def test_a_runner_with_fewer_laps_did_not_finish(tmp_path, capsys):
    path = _write(tmp_path, TITLE + HEADER + _rows(laps={"Lena Brandt": 3}))
    race = read_splits_csv(path, distance_m=1500)
    lena = race.athletes[1]
    assert lena.dnf and lena.role == "runner" and lena.splits[-1].distance_m == 1100.0
    assert (
        "Lena Brandt stops at 1100 m, before the 1500 m finish: a runner who did not finish "
        "(3 laps of 4 in the lap CSV)."
    ) in race.notes
    assert main(["import", str(path), "--distance", "1500", "-o", str(tmp_path / "r.json")]) == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [a.get("dnf", False) for a in data["athletes"]] == [False, True, False]


def test_laps_that_no_runner_has_all_of_are_refused_naming_one_who_has_the_most(tmp_path):
    path = _write(tmp_path, HEADER + _rows(laps=dict.fromkeys(LAPS, 3)))
    with pytest.raises(RaceFileError) as err:
        read_splits_csv(path, distance_m=1500)
    assert err.value.lines() == [
        f"{path}: Sam Ortiz has 3 laps, but 1500 m is 4 laps (a 300 m part lap, then "
        "3 × 400 m); 3 laps fit a race of more than 800 m and at most 1200 m, such as 1000 m"
    ]


def test_a_missing_lap_names_its_runner(tmp_path):
    text = HEADER + _rows().replace("Tom Reyes,2,", "Tom Reyes,5,")
    with pytest.raises(RaceFileError) as err:
        read_splits_csv(_write(tmp_path, text), distance_m=1500)
    assert err.value.lines()[0].endswith(
        "line 10: no row for lap 2 of Tom Reyes: laps are numbered 1, 2, 3 ..."
    )


def test_without_a_distance_it_is_asked_for_at_the_header_s_line(tmp_path):
    path = _write(tmp_path, TITLE + HEADER + _rows())
    with pytest.raises(RaceFileError) as err:
        read_splits_csv(path)
    [line] = err.value.lines()
    assert line.startswith(
        f"{path}: line 3: a lap CSV (Athlete, Lap, Lap Time, Total Time: its runners' laps) "
        "needs the race distance to place its laps: give it with --distance; its 4 laps fit"
    )
    prefill = csv_prefill(path)  # the window's dialog: 4 laps a runner, not 12
    assert (prefill.laps, prefill.distance_m, prefill.runners) == (4, 1500.0, 3)


def test_name_is_refused_for_a_lap_csv_that_names_its_runners(tmp_path):
    path = _write(tmp_path, HEADER + _rows())
    with pytest.raises(RaceFileError, match="--name: names the runner of a lap CSV; this file"):
        read_splits_csv(path, distance_m=1500, name="Sam")


def test_a_header_no_form_fits_is_named_at_its_line_with_what_it_lacks(tmp_path):
    """Below a title and a "Date,..." line, "Athlete,Lap Time,Total Time" lacks a lap
    number: said at line 3, not line 1, and without calling the athlete column missing."""
    path = _write(tmp_path, TITLE + "Athlete,Lap Time,Total Time\nSam,52.1,52.1\n")
    with pytest.raises(RaceFileError) as err:
        read_splits_csv(path, distance_m=1500)
    [line] = err.value.lines()
    assert line.startswith(f"{path}: line 3: missing column(s) distance_m, time; ")


ONE = "Lap,Lap Time,Total Time\n1,00:52.10,00:52.10\n2,01:08.40,02:00.50\n"
ONE += "3,01:09.20,03:09.70\n4,01:06.30,04:16.00\n,,\n"


def test_a_total_row_that_agrees_with_the_laps_is_left_out_with_a_note(tmp_path, capsys):
    path = _write(tmp_path, ONE + "Total,,04:16.00\n", "v5_total.csv")
    race = read_splits_csv(path, distance_m=1500)
    assert [s.time_s for s in race.athletes[0].splits] == [52.1, 120.5, 189.7, 256.0]
    note = (
        "Line 7: the Total row is left out: it is no lap, and its 4:16.00 is the time at the "
        "end of lap 4."
    )
    assert note in race.notes
    assert main(["validate", str(path), "--distance", "1500"]) == 0
    assert note in capsys.readouterr().out
    summed = _write(tmp_path, ONE + "Sum,4:16.00,\n", "summed.csv")  # the lap times' sum
    assert read_splits_csv(summed, distance_m=1500).athletes[0].splits[-1].time_s == 256.0


def test_a_total_row_that_disagrees_or_comes_early_is_refused(tmp_path):
    path = _write(tmp_path, ONE + "Total,,04:17.00\n", "wrong.csv")
    with pytest.raises(RaceFileError) as err:
        read_splits_csv(path, distance_m=1500)
    assert err.value.lines() == [
        f"{path}: line 7: the Total row's 4:17.00 is not 4:16.00, the time at the end of lap 4 "
        "(line 5): check the laps' times, or leave the Total row out"
    ]
    early = _write(tmp_path, ONE.replace("4,01:06", "Total,,04:16.00\n4,01:06"), "early.csv")
    with pytest.raises(RaceFileError, match="line 5, column 1: a Total row must come after"):
        read_splits_csv(early, distance_m=1500)


def test_each_runner_s_total_row_is_checked_and_left_out(tmp_path):
    text = HEADER
    for who in LAPS:
        text += (
            "".join(f"{who},{k + 1},{LAPS[who][k]},{TOTALS[who][k]}\n" for k in range(4))
            + f"{who},Total,,{TOTALS[who][3]}\n"
        )
    race = read_splits_csv(_write(tmp_path, text), distance_m=1500)
    assert len(race.athletes) == 3
    assert "Lines 6, 11, 16: the Total rows are left out: each agrees with its runner's laps." in (
        race.notes
    )


def test_a_lap_time_that_does_not_match_names_its_runner(tmp_path):
    """Of several runners, a lap's time that is not the difference of its times from the
    start had been noted "Line 7: lap 2's time ..." without whose lap it is."""
    text = HEADER + _rows().replace("Lena Brandt,2,01:09.10", "Lena Brandt,2,01:10.10")
    race = read_splits_csv(_write(tmp_path, text), distance_m=1500)
    assert race.notes == (
        "Line 7 (Lena Brandt): lap 2's time 1:10.10 is not the 1:09.10 between its times "
        "from the start (53.00 to 2:02.10): the times from the start are used.",
    )
