"""The README's race-file example is a file racegui reads (a hand-written file that followed
the README's prose had ten problems: coach's review)."""

from __future__ import annotations

import re
from pathlib import Path

from racegui.io.race_file import read_race
from racegui.model.replay import compile_race

README = Path(__file__).resolve().parents[1] / "README.md"


def _json_blocks() -> list[str]:
    return re.findall(r"```json\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_the_readme_s_race_file_example_is_read_as_it_says(tmp_path):
    blocks = _json_blocks()
    assert len(blocks) == 1
    path = tmp_path / "example.json"
    path.write_text(blocks[0], encoding="utf-8")
    race = read_race(path)
    assert (race.title, race.distance_m) == ("Club 3000 m", 3000.0)
    replay = compile_race(race)
    hare = race.athletes[replay.index("hare")]
    assert hare.role == "pacer" and hare.dropout.distance_m == 1600.0
