"""info as a coach reads it (coach's review of an open 3000 m): a runner who did not finish
has no "finish" split, a published time is not marked "est." for its lap time's sake, and
the athletes are listed in finishing order with their places."""

from __future__ import annotations

import json
import re

import pytest

from racegui.cli import main
from tests.helpers_race import write_json


def open_3000_data() -> dict:
    """The review's heat: Hunt and Ross finish (Ross first though listed second), Lowe, a
    runner listed third, stops at 2200 m in 6:32.00 (published)."""

    def runner(rid, name, times, **extra):
        splits = [
            {"distance_m": d, "time": t}
            for d, t in zip((200, 1000, 2000, 3000), times, strict=False)
        ]
        return {"id": rid, "name": name, "role": "runner", "splits": splits, **extra}

    return {
        "format": "racegui/1",
        "title": "Open 3000 m, heat 2",
        "distance_m": 3000,
        "target": {"time": "8:45.00", "label": "8:45 PB pace"},
        "athletes": [
            runner("hunt", "Ellie Hunt", (34.6, 174.2, 350.9, 521.3)),
            runner("ross", "Maya Ross", (34.9, 174.5, 351.4, 519.8)),
            {
                **runner("lowe", "Jo Lowe", (34.4, 174.0, 353.5)),
                "dnf": True,
                "splits": [
                    {"distance_m": 200, "time": 34.4},
                    {"distance_m": 1000, "time": 174.0},
                    {"distance_m": 2000, "time": 353.5},
                    {"distance_m": 2200, "time": 392.0},
                ],
            },
        ],
    }


@pytest.fixture
def heat(tmp_path):
    return write_json(tmp_path / "m3000.json", open_3000_data())


def info(capsys, *argv) -> str:
    assert main(["info", *map(str, argv)]) == 0
    return capsys.readouterr().out


def section(out: str, heading: str) -> list[str]:
    return out.split(f"\n{heading}", 1)[1].split("\n\n", 1)[0].splitlines()


def test_her_last_file_split_is_where_she_stopped_not_the_finish(capsys, heat):
    rows = section(info(capsys, heat, "--follow", "lowe"), "Splits of Jo Lowe")[3:]
    assert [row.split()[0] for row in rows] == ["split", "split", "split", "DNF"]
    assert rows[-1].split()[1:4] == ["2200", "m", "6:32.00"]
    given = json.loads(info(capsys, heat, "--follow", "lowe", "--json"))["file_splits"]
    assert [s["at_stop"] for s in given] == [False, False, False, True]
    finisher = section(info(capsys, heat, "--follow", "hunt"), "Splits of Ellie Hunt")[3:]
    assert finisher[-1].split()[:2] == ["finish", "3000"]
    given = json.loads(info(capsys, heat, "--follow", "hunt", "--json"))["file_splits"]
    assert not any(s["at_stop"] for s in given)


def test_a_published_time_is_not_marked_est_for_its_lap_time(capsys, heat):
    """Her 6:32.00 where she stopped and her 2:54.00 at 1000 m are published; only their lap
    times (from a crossing read from the model) are estimates: "lap est.", as the window's
    italics are on the lap time alone. A lap whose time is read from the model is "est."."""
    out = info(capsys, heat, "--follow", "lowe")
    laps = section(out, "Laps of Jo Lowe")
    assert laps[1] == (
        "(est.: read from the model between published splits; "
        "lap est.: only the lap time and delta are)"
    )
    found = [(re.match(r"  \S+( \d+)?\s+(\d+\.\d\d) m ", row), row) for row in laps]
    rows = {match[2]: row for match, row in found if match}
    assert rows["2200.00"].split()[:3] == ["DNF", "2200.00", "m"]
    assert rows["2200.00"].endswith("  lap est.") and "6:32.00" in rows["2200.00"]
    assert rows["1000.00"].endswith("  lap est.")
    assert rows["600.00"].endswith("  est.") and not rows["600.00"].endswith("lap est.")
    assert not rows["200.00"].endswith("est.")  # from the gun to a published split


def test_athletes_are_listed_in_finishing_order_with_their_places(capsys, heat):
    assert section(info(capsys, heat), "Athletes\n") == [
        "    1  Maya Ross     runner  finished 8:39.80",
        "    2  Ellie Hunt    runner  finished 8:41.30",
        "  DNF  Jo Lowe       runner  did not finish at 2200 m, 6:32.00",
        "       8:45 PB pace  ghost   finished 8:45.00",
    ]


def test_json_keeps_the_file_order_and_gives_each_place(capsys, heat):
    athletes = json.loads(info(capsys, heat, "--json"))["athletes"]
    assert [(a["id"], a["place"]) for a in athletes] == [
        ("hunt", 2),
        ("ross", 1),
        ("lowe", None),
        ("target", None),
    ]


def test_runners_who_did_not_finish_come_after_the_finishers_furthest_first(capsys, tmp_path):
    data = open_3000_data()
    early = json.loads(json.dumps(data["athletes"][2]))
    early.update(id="moss", name="Kit Moss")
    early["splits"] = early["splits"][:2]  # stops at 1000 m
    data["athletes"].insert(0, early)
    out = info(capsys, write_json(tmp_path / "two.json", data))
    names = [line.split("  runner")[0].split()[-2:] for line in section(out, "Athletes\n")]
    assert names[:4] == [["Maya", "Ross"], ["Ellie", "Hunt"], ["Jo", "Lowe"], ["Kit", "Moss"]]
