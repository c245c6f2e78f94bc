"""The pocket cam's memories (lane numbers' widths, the tags' images and pens, the light
band's buffers, the race's lanes) follow a new size, theme or race: an inset that lived
through those changes draws exactly what a new one draws."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from racegui.model.track import LANE1_LINE_M
from racegui.resources_path import demo_race_path
from racegui.ui.loading import load_replay
from racegui.ui.pocket_cam import PocketCam
from racegui.ui.pocket_paint import PocketStyle, lane_box
from racegui.ui.theme import DARK, LIGHT
from racegui.ui.ui_paths import demo_path

SMALL = QRectF(20.0, 30.0, 420.0, 180.0)
BIG = QRectF(40.0, 50.0, 640.0, 300.0)
T = 110.0
"""On the home straight, pacers all round her: tags in both rows, lane numbers, the light."""


def light_band(replay, t: float) -> tuple[np.ndarray, np.ndarray]:
    """A lit band along the kerb from 2 m behind the target to 3 m ahead (m)."""
    state = replay.state_at(t)
    d = float(state.distance_m[replay.target])
    x, y, _ = replay.track.race_xy(
        np.linspace(d - 2.0, d + 3.0, 16), replay.race.distance_m, -LANE1_LINE_M
    )
    return x, y


def drawn(cam: PocketCam, replay, t: float) -> bytes:
    image = QImage(720, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    p = QPainter(image)
    cam.paint(p, replay.state_at(t), light_band(replay, t))
    p.end()
    return bytes(image.constBits())


def fresh(replay, theme, rect: QRectF, scale: float = 1.0) -> PocketCam:
    cam = PocketCam(replay, theme)
    cam.place(rect, scale=scale)
    return cam


def test_an_inset_given_another_race_size_and_theme_draws_as_a_new_one(qapp):
    demo = load_replay(demo_path())
    other = load_replay(demo_race_path("example-1500m.json"))
    cam = fresh(other, DARK, SMALL)
    drawn(cam, other, 0.4 * other.race_end_s)  # fills its memories
    cam.set_replay(demo)
    assert drawn(cam, demo, T) == drawn(fresh(demo, DARK, SMALL), demo, T)
    cam.place(BIG, scale=1.2)
    assert drawn(cam, demo, T) == drawn(fresh(demo, DARK, BIG, 1.2), demo, T)
    cam.set_theme(LIGHT)
    assert drawn(cam, demo, T) == drawn(fresh(demo, LIGHT, BIG, 1.2), demo, T)


def test_a_lane_numbers_box_follows_the_type_size(qapp):
    style = PocketStyle(DARK)
    style.size_for(SMALL, 14.0, 1.0)
    small = lane_box(style, "8", QPointF(100.0, 100.0))
    style.size_for(BIG, 25.0, 1.5)
    big = lane_box(style, "8", QPointF(100.0, 100.0))
    metrics = QFontMetricsF(style.lane_font)
    assert big.width() == metrics.horizontalAdvance("8") > small.width()
    assert big.height() == metrics.height() > small.height()
