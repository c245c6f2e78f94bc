"""The seek bar's mark of where a runner who did not finish stopped: drawn from the gun, it
told an audience in advance that she would stop. It is drawn (and named on hover, snapped
to on a click) only once the replay has reached her stop, and hidden again on a seek back
before it; a pacer's dropout, planned, is marked from the gun as before.

The club 3000 (tests.helpers_race.club_dnf_data): Ava Reid stops at 2000 m, 6:30.40."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.seek_bar import SeekBar
from racegui.ui.theme import DARK
from tests.helpers_race import club_dnf_data

STOP_S = 390.4
HARE = {
    "id": "hare",
    "name": "Hare",
    "role": "pacer",
    "formation": {"follows": "mia-cole", "offset_m": 1.5, "lane": 1.0},
    "dropout": {"distance_m": 1100},
}


@pytest.fixture(scope="module")
def replay():
    data = club_dnf_data()
    data["athletes"].append(HARE)
    return compile_race(race_from_data(data))


@pytest.fixture
def bar(qtbot, replay):
    bar = SeekBar(DARK)
    qtbot.addWidget(bar)
    bar.resize(800, 34)
    bar.set_replay(replay)
    return bar


def _kinds(bar: SeekBar) -> list[str]:
    return [tick.kind for tick in bar.shown_ticks() if tick.kind in ("dnf", "dropout")]


def _mark_drawn(bar: SeekBar, t: float) -> bool:
    """Whether a dropout-coloured mark is drawn above the groove at race time t (s)."""
    image = bar.grab().toImage()
    y = round(bar.height() * 0.5 - 3 - 9)  # the triangle's wide top, above the groove
    colour = image.pixelColor(round(bar.x_of(t)), y)
    return colour.name() == QColor(DARK.dropout_tick).name()


def test_her_stop_is_marked_only_once_reached(bar, replay):
    hare_s = next(t.t for t in bar.ticks if t.kind == "dropout")
    for t in (0.0, 300.0, STOP_S - 0.01):
        bar.set_time(t)
        assert not _mark_drawn(bar, STOP_S)
        assert _mark_drawn(bar, hare_s)  # the pacer's planned dropout, from the gun
        assert _kinds(bar) == ["dropout"]
    for t in (STOP_S, 480.0, replay.duration_s):
        bar.set_time(t)
        assert _mark_drawn(bar, STOP_S)
        assert _kinds(bar) == ["dropout", "dnf"]


def test_seeking_back_before_her_stop_hides_the_mark_again(bar):
    bar.set_time(480.0)
    assert _mark_drawn(bar, STOP_S)
    bar.set_time(300.0)
    assert not _mark_drawn(bar, STOP_S) and _kinds(bar) == ["dropout"]


def test_every_tick_is_still_known(bar):
    bar.set_time(0.0)
    assert [t.label for t in bar.ticks if t.kind == "dnf"] == [
        "6:30.40  Ava Reid does not finish (2000 m)"
    ]


def test_a_click_by_the_hidden_mark_does_not_snap_to_it(qtbot, bar):
    x = round(bar.x_of(STOP_S)) + 2
    seeks: list[float] = []
    bar.seek_requested.connect(seeks.append)
    bar.set_time(100.0)
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, 17))
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, 17))
    assert seeks and seeks[-1] != pytest.approx(STOP_S)
    assert seeks[-1] == pytest.approx(bar.t_of(x))
    bar.set_time(480.0)
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, 17))
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, 17))
    assert seeks[-1] == pytest.approx(STOP_S)  # once shown, it snaps as any mark


def test_a_new_replay_shows_the_marks_for_the_time_held(bar, replay):
    bar.set_time(480.0)
    bar.set_replay(replay.following("zoe-hart"))
    assert _kinds(bar) == ["dropout", "dnf"]
    bar.set_time(300.0)
    bar.set_replay(replay.following("mia-cole"))
    assert _kinds(bar) == ["dropout"]
