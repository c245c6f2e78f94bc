"""A finishing kick stands inside the pace chart with room above it: a 5000 m's last lap in
66.80 (63.4 s/400 m at the line) ran 5-7 px under the plot's top edge, into its unmarked top
corner above the top tick, and read as cut off (coach's review of a stopwatch's lap CSV).
The plot's fast edge moves out for it where the data's air is too little, keeping the
ticks' step."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPointF  # noqa: E402

from racegui.io.race_file import read_race  # noqa: E402
from racegui.model.replay import compile_race  # noqa: E402
from tests.helpers_race import write_json  # noqa: E402

LAPS_5000 = (
    (200, 36.20),
    (600, 111.07),
    (1000, 186.20),
    (1400, 261.45),
    (1800, 337.03),
    (2200, 412.15),
    (2600, 487.68),
    (3000, 561.25),
    (3400, 635.77),
    (3800, 711.35),
    (4200, 786.27),
    (4600, 861.76),
    (5000, 928.56),
)
"""Owen Price's stopwatch laps (m, s): 75 s laps, then 66.80."""


def kick_5000(target: bool = True) -> dict:
    race = {
        "format": "racegui/1",
        "title": "Stopwatch Pro",
        "distance_m": 5000,
        "athletes": [
            {
                "id": "price",
                "name": "Owen Price",
                "role": "runner",
                "splits": [{"distance_m": d, "time": t} for d, t in LAPS_5000],
            }
        ],
    }
    if target:
        race["target"] = {"time": "16:00.00"}
    return race


def window_chart(qtbot, tmp_path, settings, race: dict, size: tuple[int, int]):
    from racegui.ui.app import ensure_app, render_window
    from racegui.ui.main_window import MainWindow

    ensure_app()
    replay = compile_race(read_race(write_json(tmp_path / "race.json", race)))
    win = MainWindow(replay, settings, theme="dark")
    qtbot.addWidget(win)
    render_window(win, 928.56, size)
    return win.scene.panel.chart


def air_above_fastest(chart) -> float:
    """Pixels between the plot's top edge and the runner's fastest pace."""
    data = chart._data
    fastest = float(np.min(np.concatenate([data.curve_pace_s400, data.seg_pace_s400])))
    y = chart._vb.mapViewToScene(QPointF(0.0, fastest)).y()
    return y - chart._vb.sceneBoundingRect().top()


@pytest.mark.parametrize("target", [True, False], ids=["target", "no-target"])
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_kick_has_room_under_the_chart_s_top(qtbot, tmp_path, settings, size, target):
    chart = window_chart(qtbot, tmp_path, settings, kick_5000(target), size)
    assert air_above_fastest(chart) >= 11.5
    data = chart._data
    _, shown = chart.curve.getData()
    assert shown.min() == pytest.approx(data.curve_pace_s400.min())  # not clipped
    assert not chart.clip_marks.data.size  # no bar marked off the chart


def test_the_room_keeps_the_ticks_step(qtbot, tmp_path, settings):
    """At 720p its ticks are 65, 70 ... 85 as before, one more at the foot (the plot is a
    little taller in pace), not 60, 70, 80, 90."""
    chart = window_chart(qtbot, tmp_path, settings, kick_5000(), (1280, 720))
    ticks = [v for v, _ in chart.plot.getPlotItem().getAxis("left")._tickLevels[0]]
    assert np.all(np.diff(ticks) == 5.0) and ticks[0] == 65.0
