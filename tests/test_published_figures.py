"""A published time prints one figure everywhere, and a time between two printed times is
their difference as printed: to the more decimals of its two ends (the gun's 0 s exact),
and a photo finish's thousandths rounded up to the hundredth (reviewer R11)."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.export.cards import end_text
from racegui.io.replay_file import CsvOptions, read_replay
from racegui.model import analysis
from racegui.model.compare_splits import compare_splits
from racegui.model.follow import following_named
from racegui.model.timefmt import format_published
from racegui.ui.panel.splits_model import lap_rows, split_rows
from racegui.ui.race_status import race_status
from tests.helpers_panel import shown_panel

MILE = 1609.344

LONG_MIXED = """athlete,distance_m,time
Ann Lee,400,59.99
Ann Lee,800,2:00.0
Ann Lee,1200,3:00
Ann Lee,1609.344,4:00.5
Bea Cruz,400,1:00.0
Bea Cruz,800,2:00.10
Bea Cruz,1200,3:00.123
Bea Cruz,1609.344,4:01
"""

WIDE_MIXED = """Club 1500m, 3 Oct
Pos,Athlete,300,700,1100,Result
1,Ann Lee,47.4,1:50.20,2:53.5,3:50.5
2,Bea Cruz,47.60,1:50.9,2:54.10,3:51
3,Cat Diaz,48.123,1:51.456,2:55.789,3:52.001
4,Dee Fox,48.9,1:52.3,DNF,
"""

LAPS = """Athlete,Lap,Lap Time,Total Time
Sam Ortiz,1,52.1,52.1
Sam Ortiz,2,1:05.2,1:57.3
Sam Ortiz,3,1:06.0,3:03.3
Sam Ortiz,4,1:02.5,4:05.8
Tom Reyes,1,53.0,53.0
Tom Reyes,2,1:05.1,1:58.1
Tom Reyes,3,1:06.0,3:04.1
Tom Reyes,4,1:03.2,4:07.3
"""


def _write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _replay(tmp_path, name: str, text: str, follow: str, distance: float | None = None):
    path = _write(tmp_path, name, text)
    return following_named(read_replay(path, CsvOptions(distance_m=distance)), follow)


@pytest.mark.parametrize(
    ("seconds", "decimals", "text"),
    [
        (230.5, 1, "3:50.5"),
        (232.001, 2, "3:52.01"),
        (180.123, 2, "3:00.13"),
        (246.42, 2, "4:06.42"),
    ],
)
def test_a_published_time_is_rounded_up_at_its_decimals(seconds, decimals, text):
    assert format_published(seconds, decimals) == text


def test_a_split_between_a_whole_second_and_a_tenth_is_to_the_tenth(tmp_path):
    """3:00 and 4:00.5: the split is 1:00.5, not 1:01 (the fewer decimals had rounded it)."""
    ann = _replay(tmp_path, "long.csv", LONG_MIXED, "Ann Lee", MILE)
    rows = split_rows(tuple(analysis.given_splits(ann)), MILE)
    assert [(r.elapsed, r.segment) for r in rows] == [
        ("59.99", "59.99"),
        ("2:00.0", "1:00.01"),
        ("3:00", "1:00.0"),
        ("4:00.5", "1:00.5"),
    ]


def test_the_gun_adds_no_decimals_to_a_first_split(tmp_path):
    """From the start (0 s, exact) to a 1:00.0 is 1:00.0, not 1:00.00."""
    bea = _replay(tmp_path, "long.csv", LONG_MIXED, "Bea Cruz", MILE)
    rows = split_rows(tuple(analysis.given_splits(bea)), MILE)
    assert (rows[0].elapsed, rows[0].segment) == ("1:00.0", "1:00.0")
    sam = _replay(tmp_path, "laps.csv", LAPS, "Sam Ortiz", 1500.0)
    laps = lap_rows(tuple(analysis.lap_table(sam)))
    assert [(r.elapsed, r.segment) for r in laps] == [
        ("52.1", "52.1"),
        ("1:57.3", "1:05.2"),
        ("3:03.3", "1:06.0"),
        ("4:05.8", "1:02.5"),
    ]


def test_info_prints_the_split_as_the_difference_of_its_ends(tmp_path, capsys):
    path = _write(tmp_path, "long.csv", LONG_MIXED)
    assert main(["info", path, "--distance", str(MILE)]) == 0
    out = capsys.readouterr().out
    finish = next(line for line in out.splitlines() if line.lstrip().startswith("finish "))
    assert finish.split()[3:5] == ["4:00.5", "1:00.5"]


def test_a_compared_split_is_to_the_more_decimals_of_its_ends(tmp_path):
    """Ann (3:00, 4:00.5) against Bea (3:00.123, 4:01): each split is the difference of the
    two times printed beside it."""
    ann = _replay(tmp_path, "long.csv", LONG_MIXED, "Ann Lee", MILE)
    only_bea = "\n".join(line for line in LONG_MIXED.splitlines() if "Ann" not in line)
    bea = _replay(tmp_path, "bea.csv", only_bea + "\n", "Bea Cruz", MILE)
    _, rows = compare_splits(ann, bea)
    finish = rows[-1]
    assert (finish.segment_decimals, finish.other_segment_decimals) == (1, 2)
    assert format_published(finish.segment_time_s, finish.segment_decimals) == "1:00.5"
    # 4:01 - 3:00.13, the two figures printed for Bea
    assert format_published(finish.other_segment_time_s, finish.other_segment_decimals) == (
        "1:00.87"
    )
    at_1200 = rows[-2]
    assert format_published(at_1200.other_time_s, at_1200.other_decimals) == "3:00.13"
    assert at_1200.gap_s == pytest.approx(-0.13)  # 3:00 against 3:00.13, as printed


def test_thousandths_are_rounded_up_in_every_table(tmp_path):
    """Bea's 3:00.123 reads 3:00.13 in the Timed tab (had been 3:00.12), as the laps table
    and events, which time it, have it; the split from 2:00.10 is 1:00.03."""
    bea = _replay(tmp_path, "long.csv", LONG_MIXED, "Bea Cruz", MILE)
    rows = split_rows(tuple(analysis.given_splits(bea)), MILE)
    assert [(r.elapsed, r.segment) for r in rows[1:]] == [
        ("2:00.10", "1:00.10"),
        ("3:00.13", "1:00.03"),
        ("4:01", "1:00.87"),
    ]


def test_a_photo_finish_reads_one_figure_in_info_and_state(tmp_path, capsys):
    path = _write(tmp_path, "wide.csv", WIDE_MIXED)
    assert main(["info", path, "--follow", "Cat Diaz"]) == 0
    out = capsys.readouterr().out
    assert "finished 3:52.01" in out and "Cat Diaz finishes in 3:52.01" in out
    assert "3:52.00" not in out
    lap3 = next(line for line in out.splitlines() if line.lstrip().startswith("lap 3"))
    assert lap3.split()[4] == "3:52.01"
    # Dee Fox stopped at her 1:52.3: the event reads as her line in the athletes list does
    assert "did not finish at 700 m, 1:52.3\n" in out
    dee = next(line for line in out.splitlines() if "Dee Fox does not finish" in line)
    assert dee.split()[0] == "1:52.3"
    assert main(["state", path, "--follow", "Cat Diaz", "--time", "3:55"]) == 0
    assert "finished 3:52.01" in capsys.readouterr().out


def test_a_photo_finish_reads_one_figure_in_the_panel_scoreboard_and_end_card(tmp_path, qtbot):
    cat = _replay(tmp_path, "wide.csv", WIDE_MIXED, "Cat Diaz")
    assert race_status(cat, cat.state_at(235.0)).clock == "3:52.01"
    assert end_text(cat).headline == "3:52.01"
    ann = following_named(cat, "Ann Lee")  # her margins are those of the figures printed
    assert "Cat Diaz  3:52.01 (+1.51)" in end_text(ann).lines  # had read +1.50
    panel = shown_panel(qtbot, cat)
    panel.update_frame(235.0)
    assert panel.gap.projected.text() == "3:52.01"
    assert panel.lap_split.lap_time.text() == "3:52.01"
    assert ("3", "Cat Diaz", "3:52.01") in panel.field.shown_texts()


def test_the_previous_lap_line_is_printed_as_the_laps_table(tmp_path, qtbot):
    """Tom's second lap, 1:58.1 - 53.0: 1:05.1, as the Laps table has it (had read
    1:05.10); his first (the 1500 m's 300 m start), from the gun: 53.0."""
    tom = _replay(tmp_path, "laps.csv", LAPS, "Tom Reyes", 1500.0)
    panel = shown_panel(qtbot, tom)
    panel.update_frame(150.0)  # in lap 3
    split = panel.lap_split
    assert (split.last_name.text(), split.last_time.text()) == ("LAP 1", "1:05.1")
    panel.update_frame(90.0)  # in the second lap
    assert split.last_time.text() == "53.0 s"
