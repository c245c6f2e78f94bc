"""A coach's own CSV with a title line above its header ("Club 1500m time trial, 3 Oct"
above "Lap,Time") had the line left out and the race titled after the file; and a control
character in the file's name, from which the title and a lap CSV's runner are named, was
blamed on --title (or --name), options never given."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.io.csv_title import file_title, title_of
from racegui.io.replay_file import csv_prefill
from racegui.io.splits_csv import read_splits_csv
from racegui.ui.csv_dialog import CsvOpenDialog

LAPS = "Lap,Time\n1,51.80\n2,2:01.00\n3,3:11.10\n4,4:18.50\n"
ATHLETES = "athlete,distance_m,time\nann,400,68.5\nann,800,2:18.0\n"
CLUB = "Club 1500m time trial, 3 Oct"


def _write(tmp_path, text: str, name: str = "tt.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (CLUB, CLUB),
        ("Breaking4 splits", "Breaking4 splits"),
        (f'"{CLUB}",,,', CLUB),  # a spreadsheet's cell: no quotes or empty cells
        (f"{CLUB};;", CLUB),
        ("Race: Breaking4, Stade Charlety", "Breaking4, Stade Charlety"),
        ("Title,Tuesday 1500", "Tuesday 1500"),
        ("Tue\x1b 1500", "Tue 1500"),
        ("1500,2025,,", None),  # numbers
        (",,,", None),
        (";;", None),
        ("sep=;", None),
        ("Date,2025-05-10 17:32", None),
        ("Time: 17:32", None),
        ("Name: Mia Berg", None),  # the runner's, not the race's
        ("Stopwatch export", None),  # an app's heading names no race
        ("Lap times", None),
        ("Stopwatch Pro", None),  # an app's name names no race either
        ("Lap Timer Free v2.3", None),
        ("Stopwatch+ Lite", None),
        ("Stopwatch test 1500", "Stopwatch test 1500"),  # a title that names a stopwatch
        ("Parkrun timer", "Parkrun timer"),
        ("x" * 301, None),
        ("", None),
    ],
)
def test_which_lines_are_titles(line, title):
    assert title_of(line) == title


@pytest.mark.parametrize("body", [LAPS, ATHLETES])
def test_a_title_line_above_the_header_titles_the_race(tmp_path, body):
    path = _write(tmp_path, f"{CLUB}\n{body}")
    distance = 1500 if body is LAPS else None
    assert read_splits_csv(path, distance_m=distance).title == CLUB
    assert read_splits_csv(path, distance_m=distance, title="Mine").title == "Mine"
    assert read_splits_csv(_write(tmp_path, body, "plain.csv"), distance_m=distance).title == (
        "plain"
    )


def test_the_first_line_that_is_a_title_is_taken(tmp_path):
    path = _write(tmp_path, f"Stopwatch export\nDate,2025-10-03\n{CLUB}\n{LAPS}")
    assert read_splits_csv(path, distance_m=1500).title == CLUB
    bare = _write(tmp_path, f"Stopwatch export\nDate,2025-10-03\n{LAPS}", "tue.csv")
    assert read_splits_csv(bare, distance_m=1500).title == "tue"  # no title above: the name


def test_the_cli_uses_it_unless_title_is_given(tmp_path, capsys):
    path = _write(tmp_path, f"{CLUB}\n{LAPS}")
    assert main(["info", str(path), "--distance", "1500"]) == 0
    assert capsys.readouterr().out.startswith(f"{CLUB}\nDistance 1500 m")
    assert main(["info", str(path), "--distance", "1500", "--title", "Mine"]) == 0
    assert capsys.readouterr().out.startswith("Mine\n")
    out = tmp_path / "tt.json"
    assert main(["import", str(path), "--distance", "1500", "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(
        f'{out}: wrote "{CLUB}" (1 runner, 1500 m; the title is a line above the CSV\'s '
        "header, --title sets another)"
    )


@pytest.mark.parametrize("body", [LAPS, ATHLETES])
def test_the_dialog_starts_with_it_as_title(qtbot, tmp_path, body):
    path = _write(tmp_path, f"{CLUB}\n{body}")
    dialog = CsvOpenDialog(path, csv_prefill(path))
    qtbot.addWidget(dialog)
    assert dialog.title.text() == CLUB
    if body is LAPS:
        assert dialog.name.text() == "tt"  # the runner is still named after the file
    dialog.accept()
    assert dialog.replay.race.title == CLUB


def test_a_control_character_in_the_file_s_name_is_left_out_not_blamed_on_an_option(
    tmp_path, capsys
):
    athletes = _write(tmp_path, ATHLETES, "club\x07 800.csv")
    assert main(["validate", str(athletes)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and '("club 800", 1 athlete)' in out
    laps = _write(tmp_path, LAPS, "tue\x1b.csv")
    race = read_splits_csv(laps, distance_m=1500)
    assert (race.title, race.focus.name) == ("tue", "tue")
    assert main(["validate", str(laps), "--distance", "1500"]) == 0
    assert "--title" not in capsys.readouterr().err
    # A name given with one is still the option's problem, and said so.
    assert main(["validate", str(laps), "--distance", "1500", "--name", "Mia\x1b"]) == 2
    assert "--name: has U+001B" in capsys.readouterr().err
    assert file_title(tmp_path / "\x1b.csv") == "untitled"


def test_the_dialog_starts_with_the_name_without_control_characters(qtbot, tmp_path):
    path = _write(tmp_path, LAPS, "tue\x1b 1500.csv")
    dialog = CsvOpenDialog(path, csv_prefill(path))
    qtbot.addWidget(dialog)
    assert (dialog.title.text(), dialog.name.text()) == ("tue 1500", "tue 1500")
    assert dialog.problem.text() == ""


def test_an_app_s_name_above_a_lap_csv_is_no_title(tmp_path, capsys):
    """m5000_laps.csv of a coach's review, "Stopwatch Pro" and the date above its header,
    was titled "Stopwatch Pro", though the README says an app's lines are left out."""
    path = _write(tmp_path, f"Stopwatch Pro\n2026-06-20 19:02\n\n{LAPS}", "m1500_laps.csv")
    assert read_splits_csv(path, distance_m=1500).title == "m1500_laps"
    assert csv_prefill(path).title == "m1500_laps"
    assert main(["validate", str(path), "--distance", "1500"]) == 0
    assert capsys.readouterr().out.startswith(f'{path}: ok ("m1500_laps", 1 athlete)')
    titled = _write(tmp_path, f"Stopwatch Pro\n{CLUB}\n{LAPS}")
    assert read_splits_csv(titled, distance_m=1500).title == CLUB
