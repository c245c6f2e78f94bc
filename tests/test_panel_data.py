"""PanelData: the precomputed lookups agree with the analysis functions and the model."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from racegui.io.race_file import read_race
from racegui.model import analysis  # noqa: E402
from racegui.model.replay import compile_race  # noqa: E402
from racegui.resources_path import demo_race_path  # noqa: E402
from racegui.ui.panel.data import PanelData  # noqa: E402
from racegui.ui.panel.gap_readout import gap_texts  # noqa: E402
from racegui.ui.panel.style import AHEAD, BEHIND, LEVEL  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RACES = ["breaking4-2025.json", "example-1500m.json", "kipyegon-wr-2023.json"]


def race_path(name: str) -> Path:
    """A shipped demo race file."""
    return Path(demo_race_path(name))


@pytest.fixture(scope="module", params=RACES)
def data(request) -> PanelData:
    return PanelData.build(compile_race(read_race(race_path(request.param))))


def test_counts_match_analysis(data):
    replay = data.replay
    drops = analysis.dropouts(replay)
    laps = analysis.lap_table(replay)
    times = np.concatenate([np.linspace(-1.0, replay.duration_s + 1.0, 157), data.dropout_s])
    for t in times:
        t = float(t)
        assert data.pacers_running(t) == analysis.pacers_running(replay, t)
        assert data.dropouts_passed(t) == sum(d.time_s <= t for d in drops)
        assert data.laps_done(t) == sum(lap.time_s <= t for lap in laps)


def test_frame_matches_model(data):
    replay = data.replay
    for t in np.linspace(0.0, replay.duration_s, 23):
        t = float(t)
        frame = data.frame(t)
        state = replay.state_at(t)
        assert frame.gap_s == pytest.approx(state.gap_to_target_s)
        assert frame.gap_m == pytest.approx(state.gap_to_target_m)
        assert frame.projected_s == pytest.approx(replay.projected_finish_s(t))
        assert data.frame(t, state) == frame


def test_curve_is_in_time_order_and_covers_the_race(data):
    assert np.all(np.diff(data.curve_t) > 0)
    assert np.all(np.diff(data.curve_m) >= 0)
    assert data.curve_m[-1] > data.replay.race.distance_m - 5.0
    assert len(data.seg_end_s) == len(data.seg_pace_s400)


def test_gap_texts():
    assert gap_texts(1.4512, 9.66) == ("+1.45 s", "BEHIND", "9.7 m", BEHIND)
    assert gap_texts(-0.9, -6.0) == ("-0.90 s", "AHEAD", "6.0 m", AHEAD)
    assert gap_texts(0.001, 0.0)[3] == LEVEL
    assert gap_texts(None, None)[1] == "NO TARGET"
