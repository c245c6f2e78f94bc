"""A time typed as minutes.seconds ("3.00") is read as seconds, and the export says so before
it starts: a presenter's --from 3.00 --to 3:10 made a 3-minute clip without a word."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.cli_text import TypedTime, minutes_typo_note
from racegui.resources_path import demo_race_path

NOTE = "racegui export: note: --from 3.00 is read as 3 seconds; for 3 min write 3:00"


def test_an_export_from_3_00_says_how_to_write_three_minutes(tmp_path, capsys):
    out = tmp_path / "still.png"
    assert main(["export", str(demo_race_path()), "-o", str(out), "--from", "3.00", "-q"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == NOTE and out.exists()


@pytest.mark.parametrize(
    "typed, note",
    [
        ("2.45", "--to 2.45 is read as 2.45 seconds; for 2 min 45 s write 2:45"),
        ("4.10", "--to 4.10 is read as 4.1 seconds; for 4 min 10 s write 4:10"),
        ("4.11", ""),  # 4:11 is after the replay's end (4:10.57)
        ("3.5", ""),  # one decimal: seconds
        ("0.45", ""),  # no minutes
        ("3.75", ""),  # no 75 seconds
        ("3:00", ""),
        ("45", ""),
    ],
)
def test_only_a_time_that_reads_as_minutes_in_the_replay_gets_the_note(typed, note):
    assert minutes_typo_note("--to", TypedTime(float(typed.replace(":", "")), typed), 250.57) == (
        note
    )


def test_a_time_from_elsewhere_than_the_command_line_gets_no_note():
    assert minutes_typo_note("--from", 3.0, 250.0) == ""
