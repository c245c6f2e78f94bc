"""info --json gives an athlete's finish and dropout as printed, as its file splits and
events give theirs (review): a photo finish's 3:52.001 had been "finish_time_s": 232.001
beside the file splits' and the finish event's 232.01, and a pacer's dropout 243.126 beside
its event's 243.13 (the text prints 3:52.01 and 4:03.13)."""

from __future__ import annotations

import json

from racegui.cli import main
from racegui.resources_path import demo_race_path

SPLITS = """athlete,distance_m,time,role
Ann Lee,400,58.2,runner
Ann Lee,800,1:59.5,runner
Ann Lee,1200,3:00.304,runner
Ann Lee,1500,3:52.001,runner
Bo Park,400,59.0,runner
Bo Park,800,2:00.5,runner
Bo Park,1200,3:01.5,runner
Bo Park,1500,3:53.5,runner
Cy Diaz,400,59.5,runner
Cy Diaz,800,2:01.0,runner
Cy Diaz,1200,3:02.304,runner
"""


def _info(capsys, *argv: str) -> dict:
    assert main(["info", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_finish_and_a_stop_are_as_published(tmp_path, capsys):
    path = tmp_path / "club.csv"
    path.write_text(SPLITS, encoding="utf-8")
    data = _info(capsys, str(path), "--distance", "1500")
    ann, bo, cy = data["athletes"]
    finishes = {e["athlete"]: e["time_s"] for e in data["events"] if e["kind"] == "finish"}
    assert ann["finish_time_s"] == data["file_splits"][-1]["time_s"] == finishes[ann["id"]]
    assert (ann["finish_time_s"], ann["time_decimals"]) == (232.01, 2)
    assert (bo["finish_time_s"], bo["time_decimals"]) == (233.5, 1)
    assert cy["dnf"] and (cy["dropout_time_s"], cy["dropout_decimals"]) == (182.31, 2)
    assert ann["dropout_decimals"] is None


def test_a_pacer_s_dropout_is_its_event_s_time(capsys):
    data = _info(capsys, str(demo_race_path()))
    drops = {e["athlete"]: e["time_s"] for e in data["events"] if e["kind"] == "dropout"}
    pacers = [a for a in data["athletes"] if a["dropout_time_s"] is not None and not a["dnf"]]
    assert pacers and all(a["dropout_time_s"] == drops[a["id"]] for a in pacers)
    assert all(a["dropout_decimals"] == 2 for a in pacers)
    fisher = next(a for a in data["athletes"] if a["id"] == "fisher")
    assert fisher["dropout_time_s"] == 243.13  # printed "dropped out at 1590 m, 4:03.13 (est.)"
