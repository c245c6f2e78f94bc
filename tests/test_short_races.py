"""Races of one lap or less (a 200 m, a 400 m) have no laps to count."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from racegui.io.race_file import race_from_data  # noqa: E402
from racegui.model.replay import compile_race  # noqa: E402
from racegui.ui.panel.side_panel import SidePanel  # noqa: E402
from racegui.ui.race_status import race_status  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402


def sprint(distance_m: float, splits: list[tuple[float, float]]):
    data = {
        "format": "racegui/1",
        "title": f"{distance_m:g} m",
        "distance_m": distance_m,
        "athletes": [
            {
                "id": "a",
                "name": "Ann Runner",
                "role": "runner",
                "splits": [{"distance_m": d, "time": t} for d, t in splits],
            }
        ],
    }
    return compile_race(race_from_data(data))


@pytest.mark.parametrize(
    ("distance_m", "splits", "pill"),
    [
        (200.0, [(100.0, 10.3), (200.0, 19.46)], "200 m"),
        (400.0, [(200.0, 23.5), (400.0, 50.2)], "400 m"),
    ],
)
def test_a_race_of_a_lap_or_less_counts_no_laps(qtbot, distance_m, splits, pill):
    """A 200 m read "BELL: LAST LAP · Lap 1 of 0" from the gun (analyst's review), and its
    panel "START 10.0"."""
    replay = sprint(distance_m, splits)
    status = race_status(replay, replay.state_at(10.0))
    assert (status.lap_text, status.lap_detail) == (pill, "")
    assert "m to go" in status.distance_text
    panel = SidePanel(replay, DARK)
    qtbot.addWidget(panel)
    panel.update_frame(10.0)
    assert panel.lap_split.lap_name.text() == "RACE SO FAR"
