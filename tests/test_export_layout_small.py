"""A landscape export under 1080p is laid out at 810 px high or its own height, not at 1080:
a 720p clip in a slide had its panel's text 7-9 px high (the 1080p layout drawn 2/3 as big),
now 11-12 px. Square and portrait exports, which stack the panel below the track, keep the
1080 layout (at 810 a 720x720 export lost its panel)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QFontMetricsF  # noqa: E402

from racegui.export.layout import layout_size  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402


@pytest.fixture(scope="module")
def replay():
    return load_replay(demo_path())


@pytest.mark.parametrize(
    "size, laid_out",
    [
        ((1920, 1080), (1920, 1080)),
        ((3840, 2160), (3840, 2160)),
        ((1280, 720), (1440, 810)),
        ((960, 540), (1440, 810)),
        ((1600, 900), (1600, 900)),
        ((1024, 768), (1080, 810)),
        ((720, 720), (1080, 1080)),  # square: the panel below the track needs the height
        ((720, 900), (1080, 1350)),
        ((540, 960), (1080, 1920)),  # a phone's video, as it was
    ],
)
def test_the_layout_size_of_an_export(size, laid_out):
    assert layout_size(size) == laid_out


def _panel_text(replay, size, presentation=False):
    """(the panel's body text's cap height as drawn (px), the source's scene) at 3:01."""
    src = SceneFrameSource(replay, DARK, size, presentation=presentation)
    src.frame_at(181.0)
    drawn = size[0] / layout_size(size)[0]
    cap = QFontMetricsF(src.scene.panel._style.font(1.0)).capHeight() * drawn
    return cap, src


def test_a_720p_export_s_panel_text_is_big_enough_for_a_slide(qapp, replay):
    """Its body text's capitals were 6.7 px high (8.7 px type); 8.9 px now (11.6 px type),
    and its panel is whole: shown beside the track, nothing cut off."""
    cap, src = _panel_text(replay, (1280, 720))
    try:
        panel = src.scene.panel
        assert cap >= 8.5
        assert panel.isVisible() and panel.x() > src.scene.track.geometry().right() - 1
        assert panel._needed_height() <= panel._scroll.contentsRect().height()
    finally:
        src.close()


def test_a_720p_presentation_export_s_text_is_no_smaller_than_a_plain_one_s(qapp, replay):
    plain, a = _panel_text(replay, (1280, 720))
    big, b = _panel_text(replay, (1280, 720), presentation=True)
    try:
        assert b.scene.panel._style.presentation and big >= plain
    finally:
        a.close()
        b.close()
