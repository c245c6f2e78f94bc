"""A race file saved with two byte order marks is said in plain words, not as Python's JSON
reader says it (tester R3: "Unexpected UTF-8 BOM (decode using utf-8-sig)")."""

from __future__ import annotations

import codecs

from racegui.cli import main
from racegui.resources_path import demo_race_path


def test_a_second_bom_is_said_in_plain_words(capsys, tmp_path):
    path = tmp_path / "race.json"
    path.write_bytes(codecs.BOM_UTF8 * 2 + demo_race_path().read_bytes())
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"{path}: line 1, column 1: not valid JSON: a second byte order mark (BOM, the "
        "invisible U+FEFF) at the start: save the file as UTF-8 again\n"
    )


def test_one_bom_is_read(capsys, tmp_path):
    path = tmp_path / "race.json"
    path.write_bytes(codecs.BOM_UTF8 + demo_race_path().read_bytes())
    assert main(["validate", str(path)]) == 0
