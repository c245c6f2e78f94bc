"""The long form's (one row per athlete per split) mark in its Place (Pos, Rank) column is read
as the runner's, as a wide sheet's is (test_wide_place_marks): a DQ there had been left out
with the place numbers, the disqualified runner placed first, or read as a pacer where she
stopped (reviewer). Two of her rows with other marks are refused."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from tests.helpers_cli import import_refused

HEADER = "Place,athlete,distance_m,time\n"
ANN = "1,Ann,400,60.1\n1,Ann,800,2:01.0\n1,Ann,1500,3:50.0\n"
HAL = "2,Hal,400,60.7\n2,Hal,800,2:01.7\n2,Hal,1500,3:51.0\n"


def _sheet(tmp_path, fay: str, header: str = HEADER) -> object:
    """A long form CSV: Ann, then Fay's rows (fay), then Hal (Fay's first row is line 5)."""
    path = tmp_path / "long3.csv"
    path.write_text(header + ANN + fay + HAL, encoding="utf-8")
    return path


def _info(path, capsys, *options: str) -> dict:
    assert main(["info", str(path), "--json", *options]) == 0
    data = json.loads(capsys.readouterr().out)
    return {a["name"]: a for a in data["athletes"]}


def _imported(tmp_path, path, capsys) -> tuple[dict, str]:
    """Fay's athlete in the imported race file, and what import said."""
    out = tmp_path / "long3.json"
    assert main(["import", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    athletes = json.loads(out.read_text(encoding="utf-8"))["athletes"]
    return next(a for a in athletes if a["name"] == "Fay"), said


def test_a_dq_in_the_place_column_beside_finish_times_is_disqualified(tmp_path, capsys):
    path = _sheet(tmp_path, "DQ,Fay,400,60.0\nDQ,Fay,800,2:00.5\nDQ,Fay,1500,3:49.5\n")
    athletes = _info(path, capsys)
    assert athletes["Fay"]["dq"] and not athletes["Fay"]["dnf"]
    assert athletes["Fay"]["place"] is None
    assert (athletes["Ann"]["place"], athletes["Hal"]["place"]) == (1, 2)
    fay, said = _imported(tmp_path, path, capsys)
    assert fay.get("dq") and not fay.get("dnf")
    assert "Fay: disqualified ('DQ' at line 5, column 1 (Place))" in said
    assert main(["info", str(tmp_path / "long3.json")]) == 0
    assert "DQ  Fay  runner  finished 3:49.5, disqualified" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("fay", "mark"),
    [
        ("DQ,Fay,400,60.0\nDQ,Fay,800,2:00.5\n", "DQ"),
        ("DQ,Fay,400,60.0\ndsq.,Fay,800,2:00.5\n", "DQ"),
        (",Fay,400,60.0\n,Fay,800,2:00.5\nDNF,Fay,1500,\n", "DNF"),
        ("5,Fay,400,60.0\nDNF,Fay,800,2:00.5\n", "DNF"),
    ],
)
def test_a_place_mark_of_a_runner_who_stopped_is_no_pacer(tmp_path, capsys, fay, mark):
    path = _sheet(tmp_path, fay)
    athletes = _info(path, capsys)
    assert athletes["Fay"]["role"] == "runner" and athletes["Fay"]["dnf"]
    assert athletes["Fay"]["dq"] == (mark == "DQ")
    fay_item, said = _imported(tmp_path, path, capsys)
    assert fay_item["role"] == "runner" and "pacer" not in said
    assert "column 1 (Place)" in said


def test_a_dns_in_the_place_column_leaves_her_out_naming_the_cell(tmp_path, capsys):
    path = _sheet(tmp_path, "DNS,Fay,400,\nDNS,Fay,800,\n")
    out = tmp_path / "long3.json"
    assert main(["import", str(path), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Fay did not start ('DNS' at line 5, column 1 (Place))" in said
    names = [a["name"] for a in json.loads(out.read_text(encoding="utf-8"))["athletes"]]
    assert names == ["Ann", "Hal"]


@pytest.mark.parametrize(
    ("fay", "why"),
    [
        (
            "DQ,Fay,400,60.0\nDNF,Fay,800,2:00.5\n",
            "line 6, column 1 (Place): 'DNF' here, but line 5, column 1 (Place) says 'DQ': "
            "a runner has one mark",
        ),
        (
            "DNF,Fay,400,60.0\n,Fay,800,2:00.5\n,Fay,1500,3:49.5\n",
            "line 5, column 1 (Place): 'DNF' as the result, but line 7 has a time at the "
            "1500 m finish",
        ),
    ],
)
def test_a_place_mark_unlike_her_other_rows_or_her_finish_is_refused(tmp_path, capsys, fay, why):
    assert import_refused(_sheet(tmp_path, fay), capsys).startswith(why)


def test_no_runner_finishing_as_every_one_is_marked_is_said(tmp_path, capsys):
    path = tmp_path / "long3.csv"
    path.write_text(
        HEADER + "DQ,Ann,400,60.1\nDQ,Ann,800,2:01.0\nDNF,Fay,400,60.0\n", encoding="utf-8"
    )
    why = import_refused(path, capsys, "--distance", "1500")
    assert why.startswith(
        "line 2, column 1 (Place): no runner finishes: Ann is marked 'DQ' here (and 1 more "
        "marked so)"
    )


def test_place_numbers_are_still_left_out(tmp_path, capsys):
    path = _sheet(tmp_path, "3,Fay,400,60.0\n3,Fay,800,2:00.5\n3,Fay,1500,3:49.5\n")
    athletes = _info(path, capsys)
    assert athletes["Fay"]["place"] == 1 and not athletes["Fay"]["dq"]
