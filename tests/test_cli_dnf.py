"""A runner who did not finish on the command line: info lists her as "did not finish at
2000 m, 6:30.40" and names the event, state gives her status, --follow follows her to where
she stopped (test_cli_dnf_follow), and import says how many runners did not finish."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from tests.helpers_race import club_dnf_data, on_the_line_data, write_json


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def club(tmp_path):
    return write_json(tmp_path / "club.json", club_dnf_data())


def test_info_lists_her_as_did_not_finish_with_where_and_when(capsys, club):
    code, out, err = run(capsys, "info", club)
    assert code == 0 and err == ""
    athletes = out.split("\nAthletes\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert athletes == [
        "    1  Mia Cole  runner  finished 9:14.55",
        "    2  Zoe Hart  runner  finished 9:31.02",
        "  DNF  Ava Reid  runner  did not finish at 2000 m, 6:30.40",
    ]
    assert "   6:30.40   2000.00 m  Ava Reid does not finish (2000 m)\n" in out
    assert "Laps of Mia Cole" in out


def test_info_json_marks_her_dnf(capsys, club):
    code, out, _ = run(capsys, "info", club, "--json")
    assert code == 0
    data = json.loads(out)
    ava = data["athletes"][2]
    assert ava["dnf"] is True and ava["finish_time_s"] is None
    assert (ava["dropout_distance_m"], ava["dropout_time_s"]) == (2000.0, 390.4)
    assert [a["dnf"] for a in data["athletes"]] == [False, False, True]
    kinds = {e["kind"]: e["label"] for e in data["events"]}
    assert kinds["dnf"] == "Ava Reid does not finish (2000 m)"
    assert data["focus"] == "mia-cole"


def test_state_says_she_did_not_finish(capsys, club):
    code, out, _ = run(capsys, "state", club, "--time", "9:00")
    assert code == 0
    ava = next(line for line in out.splitlines() if "Ava Reid" in line)
    assert ava.endswith("did not finish at 2000 m")
    assert " — " in ava  # no speed: out of the race
    code, out, _ = run(capsys, "state", club, "--time", "6:00", "--json")
    assert json.loads(out)["athletes"][2]["status"] == "running"
    code, out, _ = run(capsys, "state", club, "--time", "9:00", "--json")
    assert json.loads(out)["athletes"][2]["status"] == "did not finish"


def test_import_counts_the_runner_who_did_not_finish(capsys, tmp_path):
    csv_path = tmp_path / "club.csv"
    csv_path.write_text(
        "athlete,distance_m,time,role\nMia,1000,3:05.2,runner\nMia,3000,9:14.55,runner\n"
        "Ava,1000,3:06.0,runner\nAva,2000,6:30.4,runner\n",
        encoding="utf-8",
    )
    out_path = tmp_path / "club.json"
    code, out, err = run(capsys, "import", csv_path, "-o", out_path, "--title", "Club")
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f'{out_path}: wrote "Club" (2 runners of whom 1 did not finish, 3000 m)',
        "  Ava stops at 2000 m, before the 3000 m finish: a runner who did not finish (the "
        "role column says runner).",
    ]
    code, out, _ = run(capsys, "info", out_path)
    assert "  Ava  runner  did not finish at 2000 m, 6:30.4\n" in out  # typed to the tenth


def test_info_names_a_stop_on_the_line_dnf_not_a_lap(capsys, tmp_path):
    """Her last split on a lap line (2200 m of a 3000 m): the table's last row is "DNF", as
    the panel's "DNF · 2200 m", not "lap 5" as if she ran on; --json marks it at_stop."""
    path = write_json(tmp_path / "line.json", on_the_line_data())
    code, out, _ = run(capsys, "info", path, "--follow", "ava-reid")
    assert code == 0
    rows = out.split("\nLaps of Ava Reid", 1)[1].split("\n\n", 1)[0].splitlines()
    assert rows[-2].split()[:2] == ["lap", "4"]
    assert rows[-1].split()[:4] == ["DNF", "2200.00", "m", "7:10.00"]
    code, out, _ = run(capsys, "info", path, "--follow", "ava-reid", "--json")
    laps = json.loads(out)["laps"]
    assert [(lap["lap"], lap["stopped"], lap["at_stop"]) for lap in laps[-2:]] == [
        (4, False, False),
        (5, False, True),
    ]
