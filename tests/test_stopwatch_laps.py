"""A coach's stopwatch data (coach's review): a mile timed at the finish line each time round
(4 laps, the 9.34 m part lap in the first) had been refused as "5 laps"; a 1500 m whose 300 m
part lap was typed last went in silently with a last 400 m in 46.90; and lap times that
slow down, typed where times from the start belong in a splits CSV, were said to be run at
800 m/s line by line."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.laps import (
    FAST_LAST_RATIO,
    MOVED_PART_SPREAD,
    SHORT_PART_M,
    SLOW_PART_RATIO,
    lap_counts,
    lap_ends,
    laps_text,
    looks_like_lap_times,
    part_lap_last,
)
from racegui.io.replay_file import CsvOptions, csv_prefill
from racegui.io.splits_csv import read_splits_csv
from racegui.model import analysis
from racegui.ui.csv_dialog import CsvOpenDialog
from racegui.ui.loading import load_replay

MILE = 1609.344
MILE_4 = "Lap,Lap Time\n1,1:05.20\n2,1:03.90\n3,1:04.10\n4,1:02.80\n"
MILE_5 = "Lap,Lap Time\n1,1.49\n2,1:03.71\n3,1:03.90\n4,1:04.10\n5,1:02.80\n"
SWAPPED = "Lap,Lap Time\n1,1:02.3\n2,1:04.1\n3,1:03.8\n4,46.9\n"
SLOWING = (
    "athlete,distance_m,time\nann,400,1:14.8\nann,800,1:15.3\nann,1200,1:15.6\nann,1600,1:16.3\n"
)


def _write(tmp_path, text: str, name: str = "mile.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _ends(race) -> list[float]:
    return [round(s.distance_m, 3) for s in race.focus.splits]


def test_a_mile_timed_in_4_laps_has_its_part_lap_in_the_first(tmp_path):
    race = read_splits_csv(_write(tmp_path, MILE_4), distance_m=MILE)
    assert _ends(race) == [409.344, 809.344, 1209.344, 1609.344]
    assert [round(s.time_s, 2) for s in race.focus.splits] == [65.2, 129.1, 193.2, 256.0]
    assert race.notes == (
        "Read as timed at the finish line each time round: 4 laps (409.34 m, the 9.34 m part "
        "lap and a lap, then 3 × 400 m).",
    )


def test_a_mile_with_its_part_lap_timed_on_its_own_still_reads(tmp_path):
    race = read_splits_csv(_write(tmp_path, MILE_5), distance_m=MILE)
    assert _ends(race) == [9.344, 409.344, 809.344, 1209.344, 1609.344]
    assert race.notes == ()


def test_only_a_short_part_lap_may_be_in_the_first():
    assert lap_counts(MILE) == [5, 4] and lap_counts(2 * MILE) == [9, 8]
    assert lap_counts(1500) == [4] and lap_counts(800) == [2] and lap_counts(3000) == [8]
    assert lap_counts(1600 + SHORT_PART_M - 0.01) == [5, 4]
    assert lap_counts(1600 + SHORT_PART_M) == [5]
    assert lap_ends(1500, 3) == lap_ends(1500) == [300, 700, 1100, 1500]
    assert laps_text(MILE, 4) == "4 laps (409.34 m, the 9.34 m part lap and a lap, then 3 × 400 m)"


def test_a_1500_in_3_laps_is_still_refused(tmp_path):
    path = _write(tmp_path, "Lap,Lap Time\n1,2:05\n2,1:04\n3,1:03\n", "three.csv")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path, distance_m=1500)
    assert info.value.lines() == [
        f"{path}: the CSV has 3 laps, but 1500 m is 4 laps (a 300 m part lap, then 3 × 400 m); "
        "3 laps fit a race of more than 800 m and at most 1200 m, such as 1000 m"
    ]


def test_validate_and_info_show_the_mile_s_first_lap_to_409_m(tmp_path, capsys):
    path = _write(tmp_path, MILE_4)
    assert main(["validate", str(path), "--distance", "1 mile"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith(f'{path}: ok ("mile", 1 athlete)')
    assert main(["info", str(path), "--distance", "1 mile"]) == 0
    out = capsys.readouterr().out
    assert "  start        9.34 m " in out
    assert "  lap 1      409.34 m   1:05.20 " in out
    assert "  lap 4     1609.34 m   4:16.00  1:02.80" in out


def test_the_window_s_laps_end_where_the_demo_mile_s_do(tmp_path):
    replay = load_replay(_write(tmp_path, MILE_4), CsvOptions(distance_m=MILE))
    laps = analysis.lap_table(replay)
    assert [round(lap.end_m) for lap in laps] == [9, 409, 809, 1209, 1609]
    assert round(laps[-1].lap_time_s, 2) == 62.8


def test_the_dialog_starts_at_the_mile_for_4_laps_of_a_mile_and_takes_it(qtbot, tmp_path):
    """A first lap of 1:05.20 among laps of 1:04 is 409.34 m, not 300 m: the dialog had
    started at 1500 m while its text named the mile (coach)."""
    path = _write(tmp_path, MILE_4)
    dialog = CsvOpenDialog(path, csv_prefill(path))
    qtbot.addWidget(dialog)
    assert dialog.distance.text() == "1 mile"
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("or 1 mile timed at the finish line each time round" in t for t in texts)
    assert dialog.problem.text() == ""
    assert dialog.laps.text() == "4 laps (409.34 m, the 9.34 m part lap and a lap, then 3 × 400 m)"
    dialog.accept()
    assert dialog.replay.race.distance_m == MILE
    assert _ends(dialog.replay.race) == [409.344, 809.344, 1209.344, 1609.344]


def test_a_part_lap_typed_last_is_refused_naming_file_and_line(tmp_path, capsys):
    path = _write(tmp_path, SWAPPED, "tue-1500.csv")
    assert main(["validate", str(path), "--distance", "1500"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"{path}: line 5: the part lap comes first in 1500 m (timed from the start to the "
        "finish line, 300 m), but this CSV looks to have it last: read so, lap 1's 300 m in "
        "1:02.3 is far slower than the laps of 1:03.8 to 1:04.1 between, and the last "
        "400 m in 46.9 far faster; put lap 4's 46.9 first, as the part lap (line 2)\n"
    )


def test_a_part_lap_typed_last_among_times_from_the_start_is_refused_too(tmp_path):
    text = "Lap,Total Time\n1,1:02.30\n2,2:06.40\n3,3:10.20\n4,3:57.10\n"
    with pytest.raises(RaceFileError, match="line 5: the part lap comes first in 1500 m"):
        read_splits_csv(_write(tmp_path, text), distance_m=1500)


def test_a_tactical_race_s_fast_last_lap_still_reads(tmp_path):
    text = "Lap,Lap Time\n1,48.0\n2,1:06.0\n3,1:05.0\n4,55.0\n"
    race = read_splits_csv(_write(tmp_path, text), distance_m=1500)
    assert [round(s.time_s, 2) for s in race.focus.splits] == [48.0, 114.0, 179.0, 234.0]
    text = "Lap,Lap Time\n1,48.0\n2,1:06.0\n3,1:05.0\n4,1:04.0\n5,55.0\n"
    assert read_splits_csv(_write(tmp_path, text), distance_m=1900).focus.splits[-1].time_s == 298


ENDS_1500 = [300.0, 700.0, 1100.0, 1500.0]


def test_part_lap_last_at_its_thresholds():
    slow = SLOW_PART_RATIO * 64 * 300 / 400  # the part lap's pace 1.2 times the laps' of 64
    fast = FAST_LAST_RATIO * 64  # the last 400 m at 0.8 times their pace
    assert part_lap_last(ENDS_1500, [slow, 64, 64, fast])
    assert not part_lap_last(ENDS_1500, [slow - 0.1, 64, 64, fast])
    assert not part_lap_last(ENDS_1500, [slow, 64, 64, fast + 0.1])
    # the last time read as the part lap must agree with the laps' pace (within 1.15)
    too_fast = 64 * 300 / 400 / MOVED_PART_SPREAD
    assert part_lap_last(ENDS_1500, [70, 64, 64, too_fast + 0.1])
    assert not part_lap_last(ENDS_1500, [70, 64, 64, too_fast - 0.1])
    assert not part_lap_last([400.0, 800.0, 1200.0], [90, 64, 40])  # no part lap
    assert not part_lap_last([300.0, 700.0], [60, 40])  # no lap between


def test_lap_times_that_slow_down_say_so_once(tmp_path):
    path = _write(tmp_path, SLOWING, "ann.csv")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [
        f"{path}: line 3, column 3: the time column holds times from the start, but those of "
        "ann (1:14.8, 1:15.3, 1:15.6, 1:16.3) look like lap times, each its own stretch's: "
        "from the start they would be 1:14.8, 2:30.1, 3:45.7, 5:02.0"
    ]


def test_a_slip_among_increasing_times_from_the_start_is_no_lap_times(tmp_path):
    # 2:01.00 typed for 3:01.00: read as laps 60.2, 2:00.75, 2:01.00 are no even race.
    text = "athlete,distance_m,time\nkip,400,60.2\nkip,800,2:00.75\nkip,1200,2:01\n"
    text += "kip,1600,4:06.4\n"
    path = _write(tmp_path, text, "kip.csv")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    [line] = info.value.lines()
    assert line.startswith(f"{path}: line 4: ") and "faster than any human runs" in line
    assert not looks_like_lap_times([400, 800, 1200, 1600], [60.2, 120.75, 121, 246.4], 12.5)
    assert looks_like_lap_times([400, 800, 1200, 1600], [74.8, 75.3, 75.6, 76.3], 12.5)
    assert not looks_like_lap_times([400, 800, 1200, 1600], [74.8, 75.3, 75.6, 76.3])
