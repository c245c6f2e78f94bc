"""The replay window's track text is at least MIN_TRACK_TEXT_PX high in a small window: the
scoreboard's venue line and the name tags too, not only what an export is told."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from racegui.ui import overlay  # noqa: E402
from racegui.ui.app import ensure_app  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.scene import ReplayScene  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

MIN_PX = 10


def test_a_small_window_s_scoreboard_and_tags_are_legible(qapp, monkeypatch):
    ensure_app()
    scene = ReplayScene(load_replay(demo_path()), DARK)
    scene.render_image(119.5, (1000, 700))  # laid out: the panel beside a 540 px track
    sizes: list[float] = []
    pair = overlay._Fonts.pair

    def spy(fonts, px, *args):
        sizes.append(px)
        return pair(fonts, px, *args)

    monkeypatch.setattr(overlay._Fonts, "pair", spy)
    scene.render_image(120.0, (1000, 700))
    scene.close()
    assert sizes and min(sizes) >= MIN_PX - 0.5  # the venue line had been 7 px
