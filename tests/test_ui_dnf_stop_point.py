"""A runner who did not finish is drawn where she stopped: her dot and her tag's anchor stand
at her last split, the model's stop (coach's review: a club 3000's Jo Lowe, "Stopped at
2,200 m", stood about 15 m past it for the rest of the race, the model having slowed her to
a stop after the split as a pacer after its dropout)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.model.track import STANDARD_TRACK
from racegui.ui.theme import DARK
from tests.helpers_race import club_dnf_data

AVA_STOPS_S = 390.4
AVA_STOPS_M = 2000.0
AFTER_S = (AVA_STOPS_S + 1.0, AVA_STOPS_S + 10.0, 540.0)


def _stop_point(replay, i: int, t: float) -> tuple[float, float]:
    """Where (m) the model says she stands at t: her stop along the track, at her lateral."""
    along = replay.dropout_distance_m[i] + replay.track.start_position_m(replay.race.distance_m)
    lateral = float(replay.state_at(t).lateral_m[i])
    x, y, _ = replay.track.xy(math.fmod(along, replay.track.lap_m), lateral)
    return float(x), float(y)


def _drawn(replay, t: float, tag: str, followed: bool):
    """At t (s): her tag's anchor (px), her dot's centre (px) and the model's stop (px)."""
    source = SceneFrameSource(replay, DARK, (1600, 900))
    track = source.scene.track
    placer = track.overlay._placer
    place = placer.place
    labels = {}

    def spy(labs, *args, **kwargs):
        labels.clear()
        labels.update({lab.text: lab for lab in labs})
        return place(labs, *args, **kwargs)

    placer.place = spy
    try:
        source.frame_at(t)
        to_px = track.data_to_scene()
        i = replay.index("ava-reid")
        layer = track.runner_item if followed else track.markers.layers["dropped"]
        xs, ys = layer.points()
        model = _stop_point(replay, i, t)
        near = int(np.argmin(np.hypot(xs - model[0], ys - model[1])))
        dot = to_px.map(QPointF(float(xs[near]), float(ys[near])))
        stop = to_px.map(QPointF(*model))
    finally:
        source.close()
    lab = labels[tag]
    return QPointF(lab.x, lab.y), dot, stop


def _px(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


@pytest.mark.parametrize("t", AFTER_S)
def test_her_dot_and_tag_stand_at_her_stop(qapp, t):
    replay = compile_race(race_from_data(club_dnf_data()))
    anchor, dot, stop = _drawn(replay, t, "Ava Reid · DNF", followed=False)
    assert _px(dot, stop) < 1.0  # had been some 15 m (about 30 px) past it
    assert _px(anchor, stop) < 1.0


def test_followed_her_dot_stands_at_her_stop(qapp):
    replay = compile_race(race_from_data(club_dnf_data()), focus="ava-reid")
    _, dot, stop = _drawn(replay, 540.0, "Ava Reid · DNF", followed=True)
    assert _px(dot, stop) < 1.0


def test_the_model_holds_her_at_her_last_split_as_she_steps_out():
    replay = compile_race(race_from_data(club_dnf_data()))
    i = replay.index("ava-reid")
    d, v = replay.athlete_at(i, np.array([AVA_STOPS_S - 1.0, AVA_STOPS_S, *AFTER_S]))
    assert d[0] < AVA_STOPS_M and v[0] > 4.0  # running up to it
    np.testing.assert_allclose(d[1:], AVA_STOPS_M, atol=1e-9)
    np.testing.assert_array_equal(v[2:], 0.0)
    exit_m = float(STANDARD_TRACK.lane_offset_m(3.5))
    assert replay.state_at(540.0).lateral_m[i] == pytest.approx(exit_m)  # off lane 1
