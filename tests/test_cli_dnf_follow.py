"""--follow a runner who did not finish on the command line (coach's review: it had been
refused, "only runners who finish can be followed"): info lists her laps to where she
stopped, the last row "DNF"; state gives her gap to the target, held where she stopped once
she has, and no projected finish then."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from tests.helpers_race import club_dnf_data, write_json

W3000_CSV = """athlete,distance_m,time,role
Anna Berg,200,35.49,runner
Anna Berg,1000,2:57.44,runner
Anna Berg,2200,6:30.36,runner
Anna Berg,3000,8:52.31,runner
Mia Koch,200,36.25,runner
Mia Koch,1000,3:01.25,runner
Mia Koch,1800,5:28.25,runner
Mia Koch,2200,6:42.75,runner
"""
"""A cut of the review's women's 3000 m: Mia Koch stops at 2200 m, on the line."""


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def club(tmp_path):
    return write_json(tmp_path / "club.json", club_dnf_data(target={"time": "9:20.00"}))


@pytest.mark.parametrize("who", ["ava-reid", "Ava Reid", "ava reid"])
def test_info_lists_her_laps_to_where_she_stopped(capsys, club, who):
    code, out, err = run(capsys, "info", club, "--follow", who)
    assert code == 0 and err == ""
    laps = out.split("\nLaps of ", 1)[1].split("\n\n", 1)[0].splitlines()
    assert laps[0] == "Ava Reid, to each finish-line crossing until the stop at 2000 m (DNF)"
    assert laps[-2].startswith("  lap 4     1800.00 m   5:47.81")
    # 6:30.40 is published; the lap time from the line at 1800 m, read from the model, is not
    assert laps[-1] == "  DNF       2000.00 m   6:30.40    42.59    37.33   +5.26  +17.07  lap est."
    assert "nan" not in out.lower() and "--" not in out
    assert "   6:30.40   2000.00 m  Ava Reid does not finish (2000 m)\n" in out
    assert "Bell" not in out  # she never heard it


def test_info_json_follows_her(capsys, club):
    code, out, _ = run(capsys, "info", club, "--follow", "ava-reid", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["focus"] == "ava-reid"
    assert [lap["stopped"] for lap in data["laps"]] == [False] * 5 + [True]
    assert data["laps"][-1]["distance_m"] == 2000.0
    assert data["splits_200m"][-1] == {
        "distance_m": 2000.0,
        "time_s": 390.4,
        "target_time_s": 373.33,
        "published": True,
    }


def test_state_before_she_stops_gives_her_gap_and_projection(capsys, club):
    code, out, err = run(capsys, "state", club, "--follow", "ava-reid", "--time", "5:00")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[1].startswith("Ava Reid is ") and lines[1].endswith("behind the target")
    assert lines[2].startswith("Projected finish at the pace of the last 200 m: ")


@pytest.mark.parametrize("when", ["6:30.40", "8:00", "9:31.02"])
def test_state_after_she_stops_holds_her_gap_and_says_she_stopped(capsys, club, when):
    code, out, err = run(capsys, "state", club, "--follow", "ava-reid", "--time", when)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[1] == (
        "Ava Reid stopped 17.07 s (91.4 m) behind the target, at 2000 m, 6:30.40: did not finish"
    )
    assert "Projected" not in out and "nan" not in out.lower()
    code, out, _ = run(capsys, "state", club, "--follow", "ava-reid", "--time", when, "--json")
    data = json.loads(out)
    assert data["projected_finish_s"] is None
    assert data["gap_to_target_s"] == pytest.approx(17.067)


def test_a_csv_import_s_runner_who_stopped_on_the_line_can_be_followed(capsys, tmp_path):
    csv_path = tmp_path / "w3000.csv"
    csv_path.write_text(W3000_CSV, encoding="utf-8")
    race = tmp_path / "w3000.json"
    code, _, _ = run(capsys, "import", csv_path, "-o", race, "--target", "9:00")
    assert code == 0
    code, out, err = run(capsys, "info", race, "--follow", "Mia Koch")
    assert code == 0 and err == ""
    laps = out.split("\nLaps of ", 1)[1].split("\n\n", 1)[0].splitlines()
    assert laps[0].endswith("until the stop at 2200 m (DNF)")
    assert laps[-1].startswith("  DNF       2200.00 m   6:42.75")  # on the line: not "lap 5"
    assert "  6:42.75   2200.00 m  2 laps to go\n" in out
