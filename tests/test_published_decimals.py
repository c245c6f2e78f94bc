"""Times published to tenths (hand timing, a results site's 3:50.5) are printed to tenths
where a published time is printed (info, state, the panel's tables, the scoreboard, the
end card), not as 3:50.50, which invents a digit; times read from the model keep
hundredths. Import writes them so, and the race file reads back the same."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.export.cards import end_text
from racegui.io.race_file import read_race, write_race
from racegui.io.replay_file import read_replay
from racegui.model import analysis
from racegui.model.replay import compile_race
from racegui.model.timefmt import written_decimals
from racegui.resources_path import demo_race_path
from racegui.ui.panel.splits_model import lap_rows, split_rows
from racegui.ui.race_status import race_status

TENTHS_CSV = """athlete,distance_m,time
Ada,400,61.5
Ada,800,2:03.0
Ada,1200,3:04.8
Ada,1500,3:50.5
Bea,400,61.9
Bea,800,2:03.9
Bea,1200,3:06.1
Bea,1500,3:52
"""


@pytest.fixture
def tenths_csv(tmp_path):
    path = tmp_path / "tenths.csv"
    path.write_text(TENTHS_CSV, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "decimals"),
    [("3:50.5", 1), ("3:50,5", 1), ("3:52", 0), ("61.5", 1), ("4:06.42", 2), ("4:06.421", 2)],
)
def test_a_time_is_written_to_the_decimals_it_has_up_to_hundredths(text, decimals):
    assert written_decimals(text) == decimals


def test_info_prints_a_tenths_sheet_at_tenths_and_model_times_at_hundredths(tenths_csv, capsys):
    assert main(["info", str(tenths_csv)]) == 0
    out = capsys.readouterr().out
    assert "finished 3:50.5\n" in out and "finished 3:52\n" in out
    assert "3:50.50" not in out and "1:01.50" not in out
    finish = next(line for line in out.splitlines() if line.lstrip().startswith("finish "))
    assert finish.split()[3:5] == ["3:50.5", "45.7"]  # her time, the split from 1200 m
    # The last lap starts at 1100 m, read from the model: its lap time keeps hundredths.
    lap3 = next(line for line in out.splitlines() if line.lstrip().startswith("lap 3"))
    assert lap3.split()[4:6] == ["3:50.5", "1:01.09"]
    assert "Ada finishes in 3:50.5" in out


def test_state_prints_a_finish_as_published(tenths_csv, capsys):
    assert main(["state", str(tenths_csv), "--time", "3:55"]) == 0
    out = capsys.readouterr().out
    assert "finished 3:50.5" in out and "finished 3:52" in out


def test_import_keeps_tenths_and_the_file_reads_back_the_same(tenths_csv, tmp_path):
    out = tmp_path / "race.json"
    assert main(["import", str(tenths_csv), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    times = [s["time"] for s in data["athletes"][0]["splits"]]
    assert times == ["1:01.5", "2:03.0", "3:04.8", "3:50.5"]
    race = read_race(out)
    assert [s.decimals for s in race.athletes[0].splits] == [1, 1, 1, 1]
    assert race.athletes[1].finish_decimals == 0
    again = tmp_path / "again.json"
    write_race(race, again)  # Save As keeps them too
    assert read_race(again) == race


def test_panel_tables_scoreboard_and_end_card_print_the_finish_as_published(tenths_csv):
    replay = read_replay(tenths_csv)
    timed = split_rows(tuple(analysis.given_splits(replay)), 1500.0)
    assert [(r.elapsed, r.segment) for r in timed] == [
        ("1:01.5", "1:01.5"),
        ("2:03.0", "1:01.5"),
        ("3:04.8", "1:01.8"),
        ("3:50.5", "45.7"),
    ]
    laps = lap_rows(tuple(analysis.lap_table(replay)))
    assert (laps[-1].elapsed, laps[-1].segment) == ("3:50.5", "1:01.09")
    assert laps[0].elapsed == "46.13"  # read from the model
    status = race_status(replay, replay.state_at(235.0))
    assert status.clock == "3:50.5"
    card = end_text(replay)
    assert card.headline == "3:50.5"
    assert "Bea  3:52 (+1.50)" in card.lines


def test_hundredths_stay_hundredths():
    """Breaking4's 4:06.42; a file giving times as numbers is read as hundredths, as before."""
    replay = compile_race(read_race(demo_race_path()))
    assert end_text(replay).headline == "4:06.42"
    assert race_status(replay, replay.state_at(250.0)).clock == "4:06.42"
    assert all(s.decimals == 2 for a in replay.athletes for s in a.splits)
