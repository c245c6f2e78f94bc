"""The panel's render cache: export frames drawn by patching equal full redraws, pixel for pixel."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QColor, QImage  # noqa: E402

from racegui.model.race import Athlete, Dropout, Formation, Race, Target  # noqa: E402
from racegui.model.replay import Replay, compile_race  # noqa: E402
from racegui.ui.app import ensure_app  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.panel.dropout_feed import MAX_ROWS  # noqa: E402
from racegui.ui.panel.header import RaceHeader  # noqa: E402
from racegui.ui.panel.pacer_pips import MAX_DOTS  # noqa: E402
from racegui.ui.panel.splits_table import SPLITS  # noqa: E402
from racegui.ui.scene import ReplayScene  # noqa: E402
from racegui.ui.theme import DARK, LIGHT  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402
from tests.helpers_race import field_race  # noqa: E402

SIZE = (1920, 1080)
MAX_STRAY = 10
"""Pixels allowed to differ per frame (anti-aliasing at a clip edge, see assert_same): up to 6
in the pace chart, and 9 at the rounded left end of the 59-pacer crowd's compact pips bar in
presentation (a shade lighter or darker; a stale dot or bar would differ in hundreds)."""


def crowd_race(n: int = 60, seed: int = 3) -> Replay:
    """The demo runner plus n-1 pacers in formation that drop out along the race."""
    runner = load_replay(demo_path()).race.focus
    rng = np.random.default_rng(seed)
    athletes = [runner]
    for k in range(n - 1):
        athletes.append(
            Athlete(
                id=f"p{k}",
                name=f"Pacer {k + 1}",
                role="pacer",
                colour=("#5aa9ff", "#c08bff", "#ffb347")[k % 3],
                formation=Formation(
                    follows=runner.id,
                    offset_m=float(rng.uniform(-30.0, 10.0)),
                    lane=float(rng.uniform(1.0, 5.0)),
                ),
                dropout=Dropout(distance_m=float(rng.uniform(300.0, 1500.0))),
            )
        )
    race = Race(
        title="Crowd",
        distance_m=1609.344,
        athletes=tuple(athletes),
        target=Target(time_s=240.0, label="4:00 light"),
    )
    return compile_race(race)


def full_render(scene: ReplayScene) -> QImage:
    """The scene drawn from scratch, as render_image did before the cache."""
    img = QImage(scene.width(), scene.height(), QImage.Format.Format_RGB32)
    img.setDevicePixelRatio(1.0)
    img.fill(QColor(scene.theme.background))
    scene.render(img)
    return img


def assert_same(scene: ReplayScene, t: float) -> None:
    """render_image's panel (patched) equals the panel in a full redraw of the scene.

    Drawn on its own, the panel's pyqtgraph chart can round a clip edge differently than
    when drawn 800 px to the right inside the scene: allow a few such pixels (MAX_STRAY).
    A stale readout, cursor or dropout tick would differ in far more.
    """
    got = scene.render_image(t, SIZE)
    want = full_render(scene)
    # Only the panel: the track view's own first frame after a theme change differs anyway.
    panel = QRect(scene.panel.pos(), scene.panel.size())
    got, want = got.copy(panel), want.copy(panel)
    a = np.frombuffer(got.constBits(), np.uint32).reshape(got.height(), -1)
    b = np.frombuffer(want.constBits(), np.uint32).reshape(want.height(), -1)
    ys, xs = np.nonzero(a != b)
    if len(xs) > MAX_STRAY:
        pytest.fail(f"t={t}: {len(xs)} pixels differ in x {xs.min()}..{xs.max()}, y {ys.min()}..")


@pytest.fixture(scope="module", params=["demo", "crowd", "field"])
def replay(request) -> Replay:
    """The demo, a crowd of pacers, and a field of runners (the field card: its order
    changes, a runner is lapped, one stops, two finish level)."""
    ensure_app()
    if request.param == "field":
        return field_race()
    return load_replay(demo_path()) if request.param == "demo" else crowd_race()


def test_patched_frames_equal_full_redraws(qapp, replay):
    scene = ReplayScene(replay, DARK)
    times = [*np.linspace(0.0, replay.duration_s, 45), 200.0, 50.0, 131.3, 0.0, 250.0, 119.0]
    for t in times:
        assert_same(scene, float(t))
    scene.close()


def test_restyle_mode_switch_and_scroll_are_redrawn(qapp, replay):
    scene = ReplayScene(replay, DARK)
    assert_same(scene, 100.0)
    scene.set_theme(LIGHT)
    assert_same(scene, 101.0)
    scene.panel.splits.set_mode(SPLITS)
    assert_same(scene, 102.0)
    scene.set_scale(1.4, presentation=True)
    assert_same(scene, 150.0)
    assert_same(scene, 150.5)
    feed = scene.panel.pacers.feed
    feed.verticalScrollBar().setValue(feed.verticalScrollBar().maximum())
    assert_same(scene, 150.6)
    scene.set_panel_visible(False)
    scene.render_image(160.0, SIZE)
    scene.set_panel_visible(True)
    assert_same(scene, 170.0)
    scene.close()


def test_unchanged_sections_are_not_redrawn(qapp, monkeypatch):
    scene = ReplayScene(load_replay(demo_path()), DARK)
    scene.render_image(100.0, SIZE)
    scene.render_image(100.5, SIZE)
    drawn: list[str] = []
    original = RaceHeader.render

    def spy(self, *args):
        drawn.append("header")
        return original(self, *args)

    monkeypatch.setattr(RaceHeader, "render", spy)
    scene.render_image(101.0, SIZE)
    assert drawn == []
    scene.close()


def test_crowd_keeps_widget_counts_fixed(qapp):
    replay = crowd_race()
    scene = ReplayScene(replay, DARK)
    scene.render_image(230.0, SIZE)
    pacers = scene.panel.pacers
    assert pacers.pips.compact and replay.n - 1 > MAX_DOTS
    assert len(pacers.feed.rows) == MAX_ROWS
    passed = pacers.feed.passed_count()
    assert passed > MAX_ROWS
    assert pacers.feed.more.text() == f"+ {passed - MAX_ROWS} more"
    shown = pacers.feed.shown_dropouts()
    assert shown == list(scene.panel.data.dropouts[passed - MAX_ROWS : passed])
    # The panel keeps its width: nothing in it asks for more than the scene gives it.
    assert scene.panel.minimumSizeHint().width() <= scene.panel.width()
    scene.close()
