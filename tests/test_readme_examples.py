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


def test_the_readme_s_keys_name_every_ctrl_shortcut_of_the_help():
    """F1 listed Ctrl+R (restart) and Ctrl+L (loop), which the README's keys did not
    (presenter's review)."""
    from racegui.ui.help_dialog import SHORTCUTS

    keys = re.search(r"- \*\*Keys\*\*:(.*?)\n- ", README.read_text(encoding="utf-8"), re.S)
    assert keys is not None
    ctrl = {k for key, _ in SHORTCUTS for k in key.split(" / ") if k.startswith("Ctrl+")}
    assert len(ctrl) >= 8
    assert sorted(k for k in ctrl if k not in keys.group(1)) == []
