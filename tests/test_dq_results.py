"""A runner disqualified reads "DQ", not "DNF", and has no place (reviewer): a lap CSV's or
wide sheet's DQ mark is kept by import as "dq": true, and info (text and --json) says DQ for
her, whether she stopped where she was disqualified or was disqualified after finishing.
The window's field card and tags: test_ui_dq."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.race_data import race_to_data
from racegui.io.race_file import race_from_data
from racegui.model.analysis import events
from racegui.model.replay import compile_race
from tests.helpers_race import club_dnf_data, club_dq_data, write_json

LAPS = (
    "Athlete,Lap,Lap Time,Total Time\n"
    "Sam,1,52.1,52.1\nSam,2,1:05.2,1:57.3\nSam,3,1:06.0,3:03.3\nSam,4,1:02.5,4:05.8\n"
    "Tom,1,52.0,52.0\nTom,2,1:05.0,1:57.0\nTom,3,1:05.0,3:02.0\nTom,4,1:02.0,4:04.0\n"
    "Tom,5,DQ,\n"
    "Ann,1,53.0,53.0\nAnn,2,1:05.1,1:58.1\nAnn,3,DQ,\n"
    "Cy,1,54.0,54.0\nCy,2,1:06.0,2:00.0\nCy,3,DNF,\n"
)
"""A club 1500 m's lap CSV: Tom runs fastest and is disqualified after finishing, Ann is
disqualified on lap 3, Cy does not finish it, Sam wins."""


def test_import_keeps_a_dq_where_she_stopped_and_after_finishing(tmp_path, capsys):
    csv = tmp_path / "club.csv"
    csv.write_text(LAPS, encoding="utf-8")
    out = tmp_path / "club.json"
    assert main(["import", str(csv), "-o", str(out), "--distance", "1500"]) == 0
    said = capsys.readouterr().out.splitlines()[0]
    assert "(4 runners of whom 1 did not finish and 2 disqualified, 1500 m;" in said
    data = json.loads(out.read_text(encoding="utf-8"))
    marks = {a["name"]: (a.get("dnf", False), a.get("dq", False)) for a in data["athletes"]}
    assert marks == {
        "Sam": (False, False),
        "Tom": (False, True),
        "Ann": (True, True),
        "Cy": (True, False),
    }


def test_a_wide_sheet_s_dq_beside_a_finish_time_is_kept(tmp_path, capsys):
    csv = tmp_path / "wide.csv"
    csv.write_text(
        "Athlete,400,800,1200,1500,Result\nAnn,60.1,2:01.0,3:02.0,3:50.0,3:50.00\n"
        "Fay,60.0,2:00.5,3:01.5,3:49.5,DSQ\nGus,60.5,2:01.5,DQ,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "wide.json"
    assert main(["import", str(csv), "-o", str(out)]) == 0
    athletes = {a["name"]: a for a in json.loads(out.read_text(encoding="utf-8"))["athletes"]}
    assert athletes["Fay"].get("dq") and not athletes["Fay"].get("dnf")
    assert athletes["Gus"].get("dq") and athletes["Gus"].get("dnf")
    assert "dq" not in athletes["Ann"]


def test_a_race_file_s_dq_reads_and_writes_back_and_old_files_read_as_before():
    race = race_from_data(club_dq_data())
    assert [(a.dnf, a.dq, a.end_mark) for a in race.athletes] == [
        (False, True, "DQ"),
        (False, False, ""),
        (True, True, "DQ"),
    ]
    assert [a.get("dq") for a in race_to_data(race)["athletes"]] == [True, None, True]
    old = race_from_data(club_dnf_data())
    assert [a.end_mark for a in old.athletes] == ["", "", "DNF"]
    assert all("dq" not in a for a in race_to_data(old)["athletes"])


def test_only_a_runner_can_be_disqualified():
    data = club_dq_data()
    data["athletes"].append(
        {
            "id": "hare",
            "name": "Hare",
            "role": "pacer",
            "dq": True,
            "splits": [{"distance_m": 1000, "time": "3:00.00"}],
        }
    )
    with pytest.raises(RaceFileError) as err:
        race_from_data(data)
    assert [(p.where, p.message) for p in err.value.problems] == [
        ("$.athletes[3].dq", 'only a runner can be marked "dq" (a pacer cannot)')
    ]


def test_one_disqualified_after_finishing_is_not_the_winner_followed():
    replay = compile_race(race_from_data(club_dq_data()))
    assert replay.athletes[replay.focus].name == "Zoe Hart"  # Mia Cole crossed first


def test_info_lists_dq_with_no_place_after_the_dnf(tmp_path, capsys):
    data = club_dq_data()
    data["athletes"].append(
        {**club_dnf_data()["athletes"][2], "id": "ida-moss", "name": "Ida Moss"}
    )
    path = write_json(tmp_path / "club.json", data)
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    listed = out.split("\nAthletes\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert listed == [
        "    1  Zoe Hart  runner  finished 9:31.02",
        "  DNF  Ida Moss  runner  did not finish at 2000 m, 6:30.40",
        "   DQ  Mia Cole  runner  finished 9:14.55, disqualified",
        "   DQ  Ava Reid  runner  disqualified at 2000 m, 6:30.40",
    ]
    assert "Mia Cole finishes in 9:14.55, disqualified" in out
    assert "Ava Reid is disqualified (2000 m)" in out
    assert "Ida Moss does not finish (2000 m)" in out


def test_info_of_one_disqualified_where_she_stopped_marks_her_stop_dq(tmp_path, capsys):
    path = write_json(tmp_path / "club.json", club_dq_data())
    assert main(["info", str(path), "--follow", "ava-reid"]) == 0
    out = capsys.readouterr().out
    assert "Laps of Ava Reid, to each finish-line crossing until the stop at 2000 m (DQ)" in out
    laps = out.split("\nLaps of", 1)[1].split("\n\n", 1)[0].splitlines()
    assert laps[-1].split()[0] == "DQ" and "DNF" not in out


def test_info_json_adds_dq_and_keeps_dnf_as_it_was(tmp_path, capsys):
    path = write_json(tmp_path / "club.json", club_dq_data())
    assert main(["info", str(path), "--json"]) == 0
    athletes = json.loads(capsys.readouterr().out)["athletes"]
    assert [(a["name"], a["place"], a["dnf"], a["dq"]) for a in athletes] == [
        ("Mia Cole", None, False, True),
        ("Zoe Hart", 1, False, False),
        ("Ava Reid", None, True, True),
    ]
    assert athletes[0]["finish_time_s"] == pytest.approx(554.55)  # her time, as run


def test_events_label_a_dq_and_keep_their_kinds():
    replay = compile_race(race_from_data(club_dq_data()))
    labelled = {(e.kind, e.label) for e in events(replay) if e.athlete in ("mia-cole", "ava-reid")}
    assert ("dnf", "Ava Reid is disqualified (2000 m)") in labelled
    assert ("finish", "Mia Cole finishes in 9:14.55, disqualified") in labelled


def test_state_says_disqualified_with_no_place(tmp_path, capsys):
    path = write_json(tmp_path / "club.json", club_dq_data())
    assert main(["state", str(path), "--time", "9:20", "--json"]) == 0
    places = {a["name"]: a["place"] for a in json.loads(capsys.readouterr().out)["athletes"]}
    assert places == {"Mia Cole": None, "Zoe Hart": 1, "Ava Reid": None}
    assert main(["state", str(path), "--time", "9:20"]) == 0
    out = capsys.readouterr().out
    assert "finished 9:14.55, disqualified" in out and "disqualified at 2000 m" in out


def test_state_json_adds_dq_and_keeps_status_as_it_was(tmp_path, capsys):
    path = write_json(tmp_path / "club.json", club_dq_data())
    assert main(["state", str(path), "--time", "9:20", "--json"]) == 0
    athletes = json.loads(capsys.readouterr().out)["athletes"]
    assert [(a["name"], a["status"], a["dq"]) for a in athletes] == [
        ("Mia Cole", "finished", True),
        ("Zoe Hart", "running", False),
        ("Ava Reid", "did not finish", True),
    ]


def test_state_text_of_a_dq_followed_says_disqualified_and_keeps_places(tmp_path, capsys):
    data = club_dq_data()
    data["target"] = {"time": "9:20.00"}
    path = write_json(tmp_path / "club.json", data)
    assert main(["state", str(path), "--time", "9:20", "--follow", "ava-reid"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("at 2000 m, 6:30.40: disqualified")
    # only Zoe Hart is placed: the place column stays, and writes the others' DQ marks
    assert lines[3].split()[:3] == ["1", "Zoe", "Hart"]
    assert [line.split()[0] for line in lines[4:]] == ["DQ", "DQ", "Target"]
    assert [line.split()[1] for line in lines[4:6]] == ["Mia", "Ava"]


ONLY = (
    "Athlete,Lap,Lap Time,Total Time\n"
    "Tom,1,52.0,52.0\nTom,2,1:05.0,1:57.0\nTom,3,1:05.0,3:02.0\nTom,4,1:02.0,4:04.0\n"
    "Tom,5,DQ,\n"
)
"""A club 1500 m's lap CSV whose only finisher, Tom, is disqualified after finishing."""


@pytest.mark.parametrize("others", ["", "Ann,1,53.0,53.0\nAnn,2,1:05.1,1:58.1\nAnn,3,DNF,\n"])
def test_a_lap_csv_whose_only_finisher_is_disqualified_after_it_reads(tmp_path, others):
    """K44 (reviewer): this had been refused, "no runner finishes: Tom is marked 'DQ' here,
    as is every runner with laps", though Tom finished and Ann did not finish."""
    csv = tmp_path / "only.csv"
    csv.write_text(ONLY + others, encoding="utf-8")
    out = tmp_path / "only.json"
    assert main(["import", str(csv), "-o", str(out), "--distance", "1500"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    marks = {a["name"]: (a.get("dnf", False), a.get("dq", False)) for a in data["athletes"]}
    assert marks == {"Tom": (False, True), **({"Ann": (True, False)} if others else {})}
    assert data["athletes"][0]["splits"][-1]["distance_m"] == 1500


def test_a_lap_csv_with_no_finisher_names_each_runner_s_mark(tmp_path, capsys):
    """K44: it had said "Tom is marked 'DQ' here, as is every runner with laps" of a DNF."""
    csv = tmp_path / "none.csv"
    csv.write_text(
        "Athlete,Lap,Lap Time,Total Time\nTom,1,52.0,52.0\nTom,2,1:05.0,1:57.0\nTom,3,DQ,\n"
        "Ann,1,53.0,53.0\nAnn,2,DNF,\n",
        encoding="utf-8",
    )
    assert main(["info", str(csv), "--distance", "1500"]) == 2
    assert capsys.readouterr().err.strip() == (
        f"{csv}: line 4, column 3: no runner finishes, as every runner is marked: Tom 'DQ' "
        "after 2 laps (line 4) and Ann 'DNF' after 1 lap (line 6); a race needs one who "
        "finishes (one disqualified after finishing has 4 laps before the mark)"
    )
