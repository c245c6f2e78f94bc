"""A lap CSV's notes come in the order of the lines they name (reviewer R15: "Line 3",
"Line 4", then "Line 2")."""

from __future__ import annotations

import re

from racegui.cli import main

INCONSISTENT = (  # the reviewer's lapinconsistent.csv: a slow part lap, two laps not matching
    "Lap,Lap Time,Total Time\n1,62.1,62.1\n2,63.0,2:15.1\n3,61.0,3:06.1\n4,62.0,4:08.1\n"
)
INTERLEAVED = (  # two runners' rows in turn, a lap time not matching on each of lines 4-7
    "Runner,Lap,Lap Time,Total Time\nA,1,60.0,60.0\nB,1,61.0,61.0\nA,2,60.0,2:05.0\n"
    "B,2,62.0,2:00.0\nA,3,60.0,3:00.0\nB,3,59.0,3:05.0\nA,4,60.0,4:00.0\nB,4,60.0,4:05.0\n"
)


def _noted_lines(capsys, tmp_path, text: str, distance: str) -> list[int]:
    """The line each note of validate names, in the order said."""
    path = tmp_path / "laps.csv"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path), "--distance", distance]) == 0
    out = capsys.readouterr().out
    # "Line 7:", or "Line 7 (Ann):" in a file of several runners
    return [int(n) for n in re.findall(r"^  Line (\d+)(?: \([^)]*\))?:", out, flags=re.MULTILINE)]


def test_a_part_lap_note_comes_before_the_laps_after_it(capsys, tmp_path):
    assert _noted_lines(capsys, tmp_path, INCONSISTENT, "1500") == [2, 3, 4]


def test_two_runners_notes_come_in_line_order(capsys, tmp_path):
    assert _noted_lines(capsys, tmp_path, INTERLEAVED, "1600") == [4, 5, 6, 7]
