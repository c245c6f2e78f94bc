"""A ghost on the track ("Modelled 3:59.37") says what it is when the pointer rests on its
marker or its tag: a first-time viewer had only the tag and Help > About this race."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPointF  # noqa: E402
from PySide6.QtGui import QHelpEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolTip  # noqa: E402

from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.scene import ReplayScene  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.track_labels import ghost_tip  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

T = 181.0


@pytest.fixture()
def view(qtbot):
    replay = load_replay(demo_path())
    scene = ReplayScene(replay, DARK)
    qtbot.addWidget(scene)
    scene.resize(1600, 900)
    scene.show()
    track = scene.track
    track.update_frame(T)
    track.viewport().repaint()
    yield track
    scene.close()


def _marker(view, i):
    st = view.state
    return view.data_to_scene().map(QPointF(float(st.x_m[i]), float(st.y_m[i])))


def test_the_tip_says_it_is_a_ghost_run_at_an_even_pace(qapp):
    replay = load_replay(demo_path())
    tip = ghost_tip(replay, replay.ids.index("model"))
    lines = tip.split("\n")
    assert lines[0] == "Modelled 3:59.37"
    # 239.37 s over 1609.34 m: 59.5 s a 400 m lap, from the gun.
    assert lines[1] == (
        "A ghost, not a runner in this race: it runs at one even pace from the gun "
        "(59.5 s per 400 m) and finishes in 3:59.37."
    )
    assert lines[2].startswith("The researchers' modelled time (published)")  # file's note


def test_its_marker_and_its_tag_show_the_tip_and_nothing_else_does(view):
    replay = view.replay
    i = replay.ids.index("model")
    tip = ghost_tip(replay, i)
    assert view.tip_at(_marker(view, i)) == tip
    tag = dict(view.overlay.tag_rects)["Modelled 3:59.37"]
    assert view.tip_at(tag.center()) == tip
    assert view.tip_at(_marker(view, replay.focus)) == ""  # the runner herself
    assert view.tip_at(_marker(view, replay.target)) == ""  # the pacing light
    assert view.tip_at(QPointF(5.0, 5.0)) == ""


def test_hovering_shows_it_as_a_tooltip(view):
    at = view.mapFromScene(_marker(view, view.replay.ids.index("model")))
    event = QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text().startswith("Modelled 3:59.37\nA ghost, not a runner in this race")
    QToolTip.hideText()
