"""The runner's and the gap's tags never cover the scoreboard or the pocket cam."""

import numpy as np
import pytest
from PySide6.QtCore import QRectF

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.scoreboard_paint import ScoreboardPainter
from racegui.ui.theme import DARK, LIGHT


@pytest.fixture(scope="module")
def replay():
    return compile_race(read_race(demo_race_path()))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1080)])
def test_forced_tags_stay_off_the_scoreboard_and_the_pocket_cam(qapp, replay, size):
    source = SceneFrameSource(replay, DARK, size)
    source.frame_at(94.5)  # lays the scene out (its first paints are at a provisional size)
    view = source.scene.track
    placer = view.overlay._placer
    seen = []

    def spy(labels, widths, h, obstacles, bounds, *, t):
        rects = type(placer).place(placer, labels, widths, h, obstacles, bounds, t=t)
        big = [o for o in obstacles if o.width() > 100]  # the scoreboard and the inset
        seen.append(
            [(lab.text, r, big) for lab, r in zip(labels, rects, strict=True) if lab.forced]
        )
        return rects

    placer.place = spy
    try:
        # Around 100 s (and 160 s) the runner is on the bend beside the clock: her tag used
        # to sit on top of it.
        for t in np.concatenate([np.arange(95.0, 106.0, 0.5), [160.0]]):
            source.frame_at(float(t))
    finally:
        source.close()
    forced = [entry for frame in seen for entry in frame]
    assert len(forced) >= 2 * 23
    for text, rect, big in forced:
        assert rect is not None
        assert big, "the scoreboard and the pocket cam are obstacles"
        assert not any(rect.intersects(o) for o in big), text


def _apart(a, b) -> float:
    """Least distance (px) between two rects, -1 where they overlap."""
    dx = max(b.left() - a.right(), a.left() - b.right(), 0.0)
    dy = max(b.top() - a.bottom(), a.top() - b.bottom(), 0.0)
    return -1.0 if dx == dy == 0.0 else float(np.hypot(dx, dy))


@pytest.mark.parametrize(
    "theme, presentation", [(LIGHT, True), (DARK, False)], ids=["light_presenting", "dark"]
)
def test_no_tag_touches_a_line_of_the_scoreboard_text(qapp, replay, theme, presentation):
    # At 2:38.92 in a square still the tags crowd the left bend beside the board. Presenting,
    # the title wraps to two lines and the venue line, wider than the board, reaches toward
    # the bend: the gap tag sat on its "S" ("tade Sebastien..."); plain, Teare's tag sat
    # 2.7 px from the title (reviewer R12).
    lines = []
    original = ScoreboardPainter._line

    def spy(self, p, cx, y, m, text, colour):
        w = m.horizontalAdvance(text)
        lines.append((text, QRectF(cx - w / 2, y, w, m.height())))
        return original(self, p, cx, y, m, text, colour)

    source = SceneFrameSource(replay, theme, (1080, 1080), presentation=presentation)
    try:
        source.frame_at(158.92)  # lays the scene out
        ScoreboardPainter._line = spy
        lines.clear()
        source.frame_at(158.92)
        tags = list(source.scene.track.overlay.tag_rects)
    finally:
        ScoreboardPainter._line = original
        source.close()
    assert {text for text, _ in lines} >= {"Stade Sebastien Charlety, Paris  ·  26 June 2025"}
    assert len(tags) >= 4
    for key, tag in tags:
        for text, line in lines:
            assert _apart(tag, line) >= 4.0, (key, text, tag, line)
