"""The runner's and the gap's tags never cover the scoreboard or the pocket cam."""

import numpy as np
import pytest

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.theme import DARK


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
