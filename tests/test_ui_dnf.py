"""A runner who did not finish in the window and exports: she is no pacer (the club 3000's
panel had "PACERS RUNNING 0 / 1 ... Stepped off: Ava Reid"), her tag on the track says DNF
once she stops, the seek bar marks where, and the end card marks her DNF after the
finishers (coach's review). Following her: test_ui_dnf_follow."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from racegui.export.cards import end_text
from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.panel import SidePanel
from racegui.ui.seek_bar import ticks_for
from racegui.ui.theme import DARK
from tests.helpers_race import club_dnf_data

HARE = {
    "id": "hare",
    "name": "Hare",
    "role": "pacer",
    "splits": [{"distance_m": 1000, "time": "3:04.00"}],
}


@pytest.fixture(scope="module")
def replay():
    return compile_race(race_from_data(club_dnf_data()))


def test_the_pacers_card_counts_no_dnf_runner(qtbot):
    data = club_dnf_data()
    data["athletes"].append(HARE)
    panel = SidePanel(compile_race(race_from_data(data)), DARK)
    qtbot.addWidget(panel)
    panel.resize(420, 1000)
    for t, running in ((100.0, "1 / 1"), (540.0, "0 / 1")):
        panel.update_frame(t)
        assert panel.pacers.running_text() == running
    assert [d.name for d in panel.pacers.feed.shown_dropouts()] == ["Hare"]


def test_without_pacers_there_is_no_pacers_card(qtbot, replay):
    panel = SidePanel(replay, DARK)
    qtbot.addWidget(panel)
    panel.update_frame(540.0)
    assert panel.pacers.isHidden()


def _tags_at(replay, t: float) -> list[str]:
    source = SceneFrameSource(replay, DARK, (1600, 900))
    placer = source.scene.track.overlay._placer
    place = placer.place
    placed: dict[str, QRectF | None] = {}

    def spy(labels, *args, **kwargs):
        rects = place(labels, *args, **kwargs)
        placed.clear()  # the frame's own tags, not those of frames before it
        placed.update({lab.text: rect for lab, rect in zip(labels, rects, strict=True)})
        return rects

    placer.place = spy
    try:
        source.frame_at(t)
    finally:
        source.close()
    return [text for text, rect in placed.items() if rect is not None]


def test_her_tag_says_dnf_once_she_stops_and_stays(qapp, replay):
    assert "Ava Reid" in _tags_at(replay, 300.0)
    late = _tags_at(replay, 540.0)  # over two minutes after she stopped (6:30.40)
    assert "Ava Reid · DNF" in late and "Ava Reid" not in late


def test_the_seek_bar_marks_where_she_stopped(replay):
    ticks = [(t.kind, t.label) for t in ticks_for(replay) if t.kind == "dnf"]
    assert ticks == [("dnf", "6:30.40  Ava Reid does not finish (2000 m)")]


def test_the_end_card_marks_her_dnf_after_the_finishers(replay):
    lines = end_text(replay).lines
    assert lines == ("Zoe Hart  9:31.02 (+16.47)", "Ava Reid  DNF (2000 m)", "Club 3000")
