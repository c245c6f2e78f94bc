"""Small race builders shared by the model and io tests."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from racegui.resources_path import demo_race_path

MILE = 1609.344


def demo_data(name: str = "breaking4-2025.json") -> dict:
    """A fresh copy of a demo race file's JSON data."""
    return copy.deepcopy(json.loads(Path(demo_race_path(name)).read_text(encoding="utf-8")))


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def minimal_data(**extra) -> dict:
    data = {
        "format": "racegui/1",
        "title": "Test mile",
        "distance_m": MILE,
        "target": {"time": "4:00.00"},
        "athletes": [
            {
                "id": "r",
                "name": "Runner",
                "role": "runner",
                "splits": [
                    {"distance_m": 400, "time": "60.20"},
                    {"distance_m": 800, "time": "2:00.75"},
                    {"distance_m": 1200, "time": "3:01.84"},
                    {"distance_m": MILE, "time": "4:06.42"},
                ],
            },
            {
                "id": "p",
                "name": "Pacer",
                "role": "pacer",
                "formation": {"follows": "r", "offset_m": 1.5, "lane": 1.0},
                "dropout": {"distance_m": 780},
            },
        ],
    }
    data.update(extra)
    return data


def two_runner_data(**extra) -> dict:
    """minimal_data with a second runner, Sara Lane (id "s"), after the first: slower, and
    with splits of her own every 400 m."""
    data = minimal_data(**extra)
    data["athletes"].insert(
        1,
        {
            "id": "s",
            "name": "Sara Lane",
            "role": "runner",
            "splits": [
                {"distance_m": 400, "time": "62.00"},
                {"distance_m": 800, "time": "2:05.10"},
                {"distance_m": 1200, "time": "3:08.50"},
                {"distance_m": MILE, "time": "4:15.30"},
            ],
        },
    )
    return data


def following_sara(data: dict) -> dict:
    """The same race naming Sara Lane in "follow", so that a replay follows her unasked
    (she is not the winner)."""
    data = copy.deepcopy(data)
    data["follow"] = "s"
    return data


def club_dnf_data(**extra) -> dict:
    """A club 3000 m (coach's review): Mia Cole and Zoe Hart finish; Ava Reid, a runner
    listed last, stops at 2000 m (6:30.40) and is marked "dnf"."""
    data = {
        "format": "racegui/1",
        "title": "Club 3000",
        "distance_m": 3000,
        "athletes": [
            {
                "id": "mia-cole",
                "name": "Mia Cole",
                "role": "runner",
                "splits": [
                    {"distance_m": 1000, "time": "3:05.20"},
                    {"distance_m": 2000, "time": "6:12.90"},
                    {"distance_m": 3000, "time": "9:14.55"},
                ],
            },
            {
                "id": "zoe-hart",
                "name": "Zoe Hart",
                "role": "runner",
                "splits": [
                    {"distance_m": 1000, "time": "3:04.80"},
                    {"distance_m": 2000, "time": "6:15.00"},
                    {"distance_m": 3000, "time": "9:31.02"},
                ],
            },
            {
                "id": "ava-reid",
                "name": "Ava Reid",
                "role": "runner",
                "dnf": True,
                "splits": [
                    {"distance_m": 1000, "time": "3:06.00"},
                    {"distance_m": 2000, "time": "6:30.40"},
                ],
            },
        ],
    }
    data.update(extra)
    return data


def club_1500_dnf_data() -> dict:
    """A club 1500 m with a 4:00 target (reviewer R16's file): Ava Reid, listed third,
    stops at 1100 m (3:01.00, 64 s laps behind 48 s for the first 300 m); three finish."""

    def runner(key: str, name: str, *times: str) -> dict:
        marks = zip((300, 700, 1100, 1500), times, strict=False)
        splits = [{"distance_m": m, "time": t} for m, t in marks]
        return {"id": key, "name": name, "role": "runner", "splits": splits}

    reid = runner("c", "Ava Reid", "49.00", "1:55.00", "3:01.00")
    return {
        "format": "racegui/1",
        "title": "Club 1500 m final",
        "date": "2026-05-09",
        "distance_m": 1500,
        "target": {"time": "4:00.00", "label": "4:00 pace"},
        "athletes": [
            runner("a", "Emma Carter", "48.00", "1:52.00", "2:56.00", "3:58.00"),
            runner("b", "Maria Gonzalez-Fernandez", "48.50", "1:53.00", "2:58.50", "4:02.10"),
            reid | {"dnf": True},
            runner("d", "Lu Chen", "50.00", "1:58.00", "3:08.00", "4:15.00"),
        ],
    }


def long_race_data(distance_m: float, lap_s: float, pacers: int = 0, target: str = "") -> dict:
    """The Breaking4 demo's runner over `distance_m` at an even `lap_s` s a lap, with a split
    at every line crossing (the first after a part lap, for a distance not a whole number of
    laps), with the demo's first `pacers` pacers and an even-paced `target` time ("" none)."""
    data = demo_data()
    data.pop("distance", None)
    data["distance_m"] = distance_m
    data.pop("target", None)
    if target:
        data["target"] = {"time": target}
    start_m = distance_m % 400.0
    marks = [start_m + 400.0 * k for k in range(int(distance_m // 400) + 1)]
    runner = {k: v for k, v in data["athletes"][0].items() if k != "splits"}
    runner["splits"] = [{"distance_m": m, "time": lap_s * m / 400.0} for m in marks if m > 0]
    kept = [a for a in data["athletes"] if a.get("role") == "pacer"][:pacers]
    data["athletes"] = [runner, *kept]
    return data


def mile_runners_data(*splits: tuple[str, ...]) -> dict:
    """minimal_data's mile with only runners "Runner 0", "Runner 1"... (ids r0, r1...), each
    with the given times at 400, 800, 1200 m and the mile; no pacer."""
    data = minimal_data()
    data["athletes"] = [
        {
            "id": f"r{k}",
            "name": f"Runner {k}",
            "role": "runner",
            "splits": [
                {"distance_m": d, "time": t}
                for d, t in zip((400, 800, 1200, MILE), times, strict=True)
            ],
        }
        for k, times in enumerate(splits)
    ]
    return data


def field_race():
    """A 3000 m of five runners on the standard track, each at her own even pace (so every
    figure is exact) but one: Ada 5 m/s (10:00.00), Bea 3000 m in 10:30.00, Cat who stops
    at 2000 m (7:20.00, did not finish), Dot 4 m/s (12:30.00, lapped from 8:00 when Ada is
    400 m ahead) and Eve, who runs Bea's time with other splits (a dead heat)."""
    from racegui.model.race import Athlete, Race, Split
    from racegui.model.replay import compile_race

    def runner(rid, colour, times, dnf=False):
        splits = tuple(Split(1000.0 * (k + 1), t) for k, t in enumerate(times))
        return Athlete(
            id=rid, name=rid.title(), role="runner", colour=colour, splits=splits, dnf=dnf
        )

    athletes = (
        runner("ada", "#e4002b", (200.0, 400.0, 600.0)),
        runner("bea", "#1f77b4", (210.0, 420.0, 630.0)),
        runner("cat", "#ff7f0e", (220.0, 440.0), dnf=True),
        runner("dot", "#2ca02c", (250.0, 500.0, 750.0)),
        runner("eve", "#9467bd", (205.0, 415.0, 630.0)),
    )
    return compile_race(Race(title="Field", distance_m=3000.0, athletes=athletes))


def on_the_line_data() -> dict:
    """The club 3000 with Ava Reid stopping exactly on a lap line: her last split is 2200 m
    in 7:10.00, and the target an even 9:20.00."""
    data = club_dnf_data(target={"time": "9:20.00"})
    ava = next(a for a in data["athletes"] if a["id"] == "ava-reid")
    ava["splits"] = [
        {"distance_m": 1000, "time": "3:06.00"},
        {"distance_m": 2200, "time": "7:10.00"},
    ]
    return data


def club_dq_data() -> dict:
    """club_dnf_data disqualified: Mia Cole, first over the line in 9:14.55, is marked "dq"
    after finishing; Ava Reid, stopped at 2000 m (6:30.40), "dnf" and "dq". Zoe Hart wins."""
    data = club_dnf_data()
    mia, _zoe, ava = data["athletes"]
    mia["dq"] = True
    ava["dq"] = True
    return data
