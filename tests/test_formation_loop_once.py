"""A formation loop is reported once, at its first athlete in the file (reviewer R15:
fisher -> teare -> fisher was said again at teare as teare -> fisher -> teare)."""

from __future__ import annotations

from racegui.cli import main
from tests.helpers_race import demo_data, write_json


def _validate_err(capsys, tmp_path, leaders: dict[str, str]) -> list[str]:
    """validate's stderr lines for the demo with each pacer in leaders following another."""
    data = demo_data()
    for athlete in data["athletes"]:
        if athlete["id"] in leaders:
            athlete["formation"]["follows"] = leaders[athlete["id"]]
    path = write_json(tmp_path / "loop.json", data)
    assert main(["validate", str(path)]) == 2
    return capsys.readouterr().err.splitlines()


def test_a_loop_of_two_is_one_line(capsys, tmp_path):
    (line,) = _validate_err(capsys, tmp_path, {"fisher": "teare", "teare": "fisher"})
    assert line.endswith(
        "$.athletes[1].formation.follows: formation loop: fisher -> teare -> fisher"
    )
    assert line.startswith(f"{tmp_path / 'loop.json'}: ")


def test_each_of_two_loops_is_one_line_and_a_follower_of_a_loop_none(capsys, tmp_path):
    leaders = {"fisher": "teare", "teare": "fisher", "mcsweyn": "laros", "laros": "engels"}
    leaders |= {"engels": "mcsweyn", "giles": "fisher"}  # giles follows the loop, is not on it
    lines = _validate_err(capsys, tmp_path, leaders)
    assert [line.split("$.", 1)[1] for line in lines] == [
        "athletes[1].formation.follows: formation loop: fisher -> teare -> fisher",
        "athletes[3].formation.follows: formation loop: mcsweyn -> laros -> engels -> mcsweyn",
    ]
