"""A race file's time with a decimal comma ("4:06,42") is refused at its JSON place with what
to write: the schema describes times with a decimal point, and the reader had taken the comma
silently (tester). A CSV keeps taking decimal commas."""

from __future__ import annotations

import json

from racegui.cli import main
from tests.helpers_race import minimal_data


def _validate(tmp_path, capsys, data: dict) -> tuple[int, list[str]]:
    path = tmp_path / "race.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    code = main(["validate", str(path)])
    return code, capsys.readouterr().err.splitlines()


def test_a_split_time_with_a_decimal_comma_is_refused_at_its_place(tmp_path, capsys):
    data = minimal_data()
    data["athletes"][0]["splits"][3]["time"] = "4:06,42"
    code, err = _validate(tmp_path, capsys, data)
    assert code == 2
    assert len(err) == 1
    assert err[0].endswith(
        "$.athletes[0].splits[3].time: '4:06,42' has a decimal comma: "
        "write 4:06.42 (a decimal point)"
    )


def test_a_target_and_an_even_pace_time_with_a_decimal_comma_are_refused(tmp_path, capsys):
    data = minimal_data(target={"time": "4:00,5"})
    data["athletes"].append(
        {"id": "g", "name": "Ghost", "role": "ghost", "even_pace": {"time": "4:10,00"}}
    )
    code, err = _validate(tmp_path, capsys, data)
    assert code == 2
    assert any(
        line.endswith("$.target.time: '4:00,5' has a decimal comma: write 4:00.5 (a decimal point)")
        for line in err
    ), err
    assert any(
        "$.athletes[2].even_pace.time: '4:10,00' has a decimal comma: write 4:10.00" in line
        for line in err
    ), err


def test_a_comma_that_is_not_a_decimal_comma_keeps_the_plain_message(tmp_path, capsys):
    data = minimal_data()
    data["athletes"][0]["splits"][3]["time"] = "4,06,42"
    code, err = _validate(tmp_path, capsys, data)
    assert code == 2
    assert err[0].endswith("'4,06,42' is not a time (use seconds, m:ss.xx or h:mm:ss.xx)")


def test_a_semicolon_csv_still_takes_decimal_commas(tmp_path, capsys):
    csv = tmp_path / "eu.csv"
    csv.write_text("athlete;distance_m;time\nA;400;1:01,5\nA;800;2:03,25\n", encoding="utf-8")
    out = tmp_path / "eu.json"
    assert main(["import", str(csv), "-o", str(out), "--distance", "800"]) == 0
    assert main(["validate", str(out)]) == 0
