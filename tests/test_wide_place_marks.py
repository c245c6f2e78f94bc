"""A wide sheet's mark written in its Place (Pos, Rank) column is read as in its Result
column: a DQ there had been left out with the place numbers, and the disqualified runner
placed first (reviewer). A Result cell with the time then the mark ("3:49.50 DSQ") is read
as one with the mark first."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main

HEADER = "Place,Athlete,400,800,1200,1500,Result\n"
ANN = "1,Ann,60.1,2:01.0,3:02.0,3:50.0,3:50.00\n"
HAL = "2,Hal,60.7,2:01.7,3:02.7,3:51.0,3:51.00\n"


def _sheet(tmp_path, fay: str, header: str = HEADER, rows: str = ANN + HAL):
    path = tmp_path / "wide3.csv"
    path.write_text(header + rows.replace(HAL, fay + "\n" + HAL, 1), encoding="utf-8")
    return path


def _imported(tmp_path, path, capsys) -> tuple[dict, str]:
    """Fay's athlete in the imported race file, and what import said."""
    out = tmp_path / "wide3.json"
    assert main(["import", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    athletes = json.loads(out.read_text(encoding="utf-8"))["athletes"]
    return next(a for a in athletes if a["name"] == "Fay"), said


def _info(path, capsys) -> dict:
    assert main(["info", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    return {a["name"]: a for a in data["athletes"]}


def _refused(path, capsys) -> str:
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    return err[0].split(": ", 1)[1]


def test_a_dq_in_the_place_column_beside_a_finish_time_is_disqualified(tmp_path, capsys):
    path = _sheet(tmp_path, "DQ,Fay,60.0,2:00.5,3:01.5,3:49.5,3:49.50")
    athletes = _info(path, capsys)
    assert athletes["Fay"]["dq"] and not athletes["Fay"]["dnf"]
    assert athletes["Fay"]["place"] is None
    assert (athletes["Ann"]["place"], athletes["Hal"]["place"]) == (1, 2)
    assert main(["info", str(path)]) == 0
    text = capsys.readouterr().out
    assert "DQ  Fay  runner  finished 3:49.5, disqualified" in text
    assert "1  Fay" not in text
    fay, said = _imported(tmp_path, path, capsys)
    assert fay.get("dq") and not fay.get("dnf")
    assert "Fay: disqualified ('DQ' at line 3, column 1 (Place))" in said
    assert main(["info", str(tmp_path / "wide3.json")]) == 0
    assert "DQ  Fay  runner  finished 3:49.5, disqualified" in capsys.readouterr().out


def test_a_dq_in_the_place_column_of_a_runner_who_stopped_is_no_pacer(tmp_path, capsys):
    path = _sheet(tmp_path, "DQ,Fay,60.0,2:00.5,,,")
    athletes = _info(path, capsys)
    assert athletes["Fay"]["role"] == "runner"
    assert athletes["Fay"]["dq"] and athletes["Fay"]["dnf"]
    fay, said = _imported(tmp_path, path, capsys)
    assert fay["role"] == "runner" and fay.get("dq") and fay.get("dnf")
    assert "pacer" not in said
    assert "disqualified ('DQ' at line 3, column 1 (Place)), shown as DQ there." in (said)
    assert main(["info", str(tmp_path / "wide3.json")]) == 0
    assert "DQ  Fay  runner  disqualified at 800 m, 2:00.5" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("fay", "mark"),
    [
        ("DNF,Fay,60.0,2:00.5,,,", "DNF"),
        ("dsq,Fay,60.0,2:00.5,,,DQ", "DQ"),
        ("DQ,Fay,60.0,2:00.5,,,\u2013", "DQ"),
    ],
)
def test_a_place_column_s_mark_agrees_with_the_result_s(tmp_path, capsys, fay, mark):
    athletes = _info(_sheet(tmp_path, fay), capsys)
    assert athletes["Fay"]["role"] == "runner" and athletes["Fay"]["dnf"]
    assert athletes["Fay"]["dq"] == (mark == "DQ")


def test_a_dns_in_the_place_column_leaves_her_out_naming_the_cell(tmp_path, capsys):
    path = _sheet(tmp_path, "DNS,Fay,,,,,")
    out = tmp_path / "wide3.json"
    assert main(["import", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Fay did not start ('DNS' at line 3, column 1 (Place))" in said
    names = [a["name"] for a in json.loads(out.read_text(encoding="utf-8"))["athletes"]]
    assert names == ["Ann", "Hal"]


@pytest.mark.parametrize(
    ("fay", "why"),
    [
        (
            "DQ,Fay,60.0,2:00.5,3:01.5,3:49.5,DNF",
            "line 3, column 1 (Place): 'DQ' here, but column 7 (Result) says 'DNF'",
        ),
        (
            "DQ,Fay,60.0,2:00.5,,,DNF",
            "line 3, column 1 (Place): 'DQ' here, but column 7 (Result) says 'DNF'",
        ),
        (
            "DNF,Fay,60.0,2:00.5,3:01.5,3:49.5,3:49.50 DQ",
            "line 3, column 1 (Place): 'DNF' here, but column 7 (Result) says 'DQ'",
        ),
        (
            "DNF,Fay,60.0,2:00.5,3:01.5,3:49.5,3:49.50",
            "line 3, column 1 (Place): 'DNF' as the result, but column 7 has a time at the "
            "1500 m finish",
        ),
    ],
)
def test_a_place_column_s_mark_unlike_the_result_is_refused(tmp_path, capsys, fay, why):
    assert _refused(_sheet(tmp_path, fay), capsys).startswith(why)


def test_without_a_result_column_a_place_mark_is_read_after_the_last_split(tmp_path, capsys):
    path = tmp_path / "pos.csv"
    path.write_text(
        "Pos,Athlete,400,800,1200,1500\n1,Ann,60.1,2:01.0,3:02.0,3:50.0\n"
        "DQ,Fay,60.0,2:00.5,3:01.5,3:49.5\nDQ,Gus,60.0,2:00.5,,\nDNF,Hal,60.0,2:00.5,DNF,\n",
        encoding="utf-8",
    )
    athletes = _info(path, capsys)
    marks = {n: (a["dq"], a["dnf"], a["role"]) for n, a in athletes.items()}
    assert marks == {
        "Ann": (False, False, "runner"),
        "Fay": (True, False, "runner"),
        "Gus": (True, True, "runner"),
        "Hal": (False, True, "runner"),
    }
    path.write_text(
        "Pos,Athlete,400,800,1200,1500\n1,Ann,60.1,2:01.0,3:02.0,3:50.0\nDQ,Hal,60.0,2:00.5,DNF,\n",
        encoding="utf-8",
    )
    assert _refused(path, capsys).startswith(
        "line 3, column 1 (Pos): 'DQ' here, but column 5 (1200 m) says 'DNF'"
    )


def test_place_numbers_are_still_left_out(tmp_path, capsys):
    athletes = _info(_sheet(tmp_path, "3,Fay,60.0,2:00.5,3:01.5,3:49.5,3:49.50"), capsys)
    assert athletes["Fay"]["place"] == 1 and not athletes["Fay"]["dq"]


@pytest.mark.parametrize("result", ["3:49.50 DSQ", "DSQ 3:49.50", "3:49.50 DQ TR17.3"])
def test_a_result_s_mark_on_either_side_of_the_time_is_a_dq_after_finishing(
    tmp_path, capsys, result
):
    path = _sheet(tmp_path, f"3,Fay,60.0,2:00.5,3:01.5,3:49.5,{result}")
    athletes = _info(path, capsys)
    assert athletes["Fay"]["dq"] and not athletes["Fay"]["dnf"]
    assert athletes["Fay"]["place"] is None
    fay, said = _imported(tmp_path, path, capsys)
    assert fay.get("dq") and not fay.get("dnf")
    assert "Fay: disqualified" in said and "line 3, column 7 (1500 m)" in said


@pytest.mark.parametrize("result", ["3:49.50 DSQ", "DSQ 3:49.50"])
def test_a_result_s_time_beside_its_mark_is_the_finish_time(tmp_path, capsys, result):
    """Without a split column at the finish, the result's time is her finish: "DSQ 3:49.50"
    had been read as no time, she disqualified at 1200 m."""
    path = tmp_path / "wide5.csv"
    path.write_text(
        "Athlete,400,800,1200,Result\nAnn,60.1,2:01.0,3:02.0,3:50.00\n"
        f"Fay,60.0,2:00.5,3:01.5,{result}\n",
        encoding="utf-8",
    )
    assert main(["info", str(path), "--distance", "1500"]) == 0
    assert "DQ  Fay  runner  finished 3:49.50, disqualified" in capsys.readouterr().out


def test_a_result_s_time_beside_its_mark_must_be_the_finish_split_s(tmp_path, capsys):
    why = _refused(_sheet(tmp_path, "3,Fay,60.0,2:00.5,3:01.5,3:49.5,3:41.00 DSQ"), capsys)
    assert why.startswith("line 3, column 7 (1500 m): '3:41.00' is not column 6's '3:49.5'")
