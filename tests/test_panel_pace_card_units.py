"""The pace card's lap deltas carry their unit ("+0.87 s"), as its lap times and the gap
card's figures do, and are drawn whole at 1280x720 and in the presentation layout."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from racegui.io.race_file import race_from_data
from racegui.model.replay import Replay, compile_race
from racegui.ui.app import ensure_app
from racegui.ui.loading import load_replay
from racegui.ui.main_window import presentation_scale
from racegui.ui.panel.live_text import LiveText
from racegui.ui.scene import ReplayScene
from racegui.ui.theme import DARK, LIGHT
from racegui.ui.ui_paths import demo_path
from tests.helpers_race import club_dnf_data

DELTA = re.compile(r"^([+-]?\d+\.\d\d s|[+-]\d+:\d\d\.\d\d)$")
"""A delta as format_gap writes one: "+0.87 s", "0.00 s", "+1:02.40"."""


def _scene(qtbot, replay: Replay, size: tuple[int, int], presentation: bool, theme=DARK):
    """The window's scene (as an export lays it out) at size (px)."""
    ensure_app()
    scene = ReplayScene(replay, theme)
    qtbot.addWidget(scene)
    if presentation:
        scene.set_scale(presentation_scale(*size), presentation=True)
    scene.resize(*size)
    scene.show()
    qtbot.waitExposed(scene)
    return scene


def _assert_whole(w: LiveText) -> None:
    """The text fits the widget's width, and the widget is inside its card."""
    assert w.width() >= w.fontMetrics().horizontalAdvance(w.text()), w.text()
    card = w.parentWidget()
    assert card.rect().contains(w.geometry()), w.text()


def test_the_lap_deltas_say_seconds(qtbot):
    """Breaking4 at 2:00: "LAP 2 SO FAR  58.4 s  +0.87 s" over "LAP 1  1:00.21  +0.55 s"
    (the deltas had read "+0.87", "+0.55" with no unit beside "58.4 s")."""
    scene = _scene(qtbot, load_replay(demo_path()), (1920, 1080), False)
    scene.update_frame(120.0)
    QApplication.processEvents()
    split = scene.panel.lap_split
    assert (split.lap_time.text(), split.lap_delta.text()) == ("58.4 s", "+0.87 s")
    assert split.last_delta.text() == "+0.55 s"


@pytest.mark.parametrize(
    ("size", "presentation", "theme"),
    [
        ((1280, 720), False, DARK),
        ((1280, 720), True, LIGHT),
        ((1920, 1080), True, DARK),
        ((1366, 768), False, LIGHT),
    ],
)
def test_the_deltas_and_their_lines_are_whole(qtbot, size, presentation, theme):
    """The demo's lines through the race and a club 3000 m runner's "DNF · 2000 M  6:30.40
    +17.07 s" (the longest line the card writes) fit at 1280x720 and in presentation."""
    demo = _scene(qtbot, load_replay(demo_path()), size, presentation, theme)
    dnf = compile_race(race_from_data(club_dnf_data(target={"time": "9:20.00"})), "ava-reid")
    stopped = _scene(qtbot, dnf, size, presentation, theme)
    for scene, times in ((demo, (30.0, 120.0, 200.0, 250.0)), (stopped, (300.0, 480.0))):
        for t in times:
            scene.update_frame(t)
            QApplication.processEvents()
            split = scene.panel.lap_split
            for w in split.findChildren(LiveText):
                if w.isVisible() and w.text():
                    _assert_whole(w)
            assert DELTA.match(split.lap_delta.text()), split.lap_delta.text()
    assert stopped.panel.lap_split.lap_delta.text() == "+17.07 s"
