"""Portrait exports (a replay posted to a phone) use their height: the track on top as wide
as the frame, the panel below it in one column at a readable size, no blank band under its
last card. A 540x960 export had 5 px panel text and the bottom 14% of its height blank; a
1920x1080 or 1280x720 export is laid out as before."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from racegui.export.frames import to_rgb  # noqa: E402
from racegui.export.layout import layout_scale  # noqa: E402
from racegui.export.options import PANEL_SMALLEST_TEXT_PX  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402


@pytest.fixture(scope="module")
def replay():
    return load_replay(demo_path())


def blank_band_share(rgb: np.ndarray) -> float:
    """Share of the frame's height in its tallest band of blank rows: rows of at most 4
    colours (the background, a card's fill and edge; text, lines and the track bring the
    antialiased colours of their edges)."""
    packed = (rgb[..., 0].astype(np.int32) << 16) | (rgb[..., 1].astype(np.int32) << 8)
    packed |= rgb[..., 2]
    longest = run = 0
    for row in packed:
        run = run + 1 if len(np.unique(row)) <= 4 else 0
        longest = max(longest, run)
    return longest / len(packed)


@pytest.mark.parametrize("size", [(540, 960), (1080, 1920)])
@pytest.mark.parametrize("presentation", [False, True])
def test_a_portrait_export_s_panel_text_is_readable_as_drawn(qapp, replay, size, presentation):
    source = SceneFrameSource(replay, DARK, size, presentation=presentation)
    try:
        source.frame_at(120.0)
        drawn = size[0] / source.scene.width()  # output px per layout px
        assert PANEL_SMALLEST_TEXT_PX * source.scene.panel.scale * drawn >= 10.0
    finally:
        source.close()


@pytest.mark.parametrize("size", [(540, 960), (1080, 1920)])
@pytest.mark.parametrize("t", [120.0, 235.0])
@pytest.mark.parametrize("presentation", [False, True])
def test_a_portrait_export_has_the_track_on_top_every_card_whole_and_no_blank_band(
    qapp, replay, size, t, presentation
):
    source = SceneFrameSource(replay, DARK, size, presentation=presentation)
    try:
        frame = to_rgb(source.frame_at(t))
        scene, track, panel = source.scene, source.scene.track, source.scene.panel
        assert track.geometry().top() == 0 and track.width() == scene.width()
        assert panel.isVisible() and panel.y() > track.geometry().bottom()
        assert panel.columns == 1
        assert panel._needed_height() <= panel._scroll.contentsRect().height()  # none cut
        assert blank_band_share(frame) < 0.04  # 14% at 2:00 and 6% at 3:55 before
    finally:
        source.close()


@pytest.mark.parametrize(
    "size, big",
    [((1920, 1080), 1.4), ((1280, 720), 1.05), ((1080, 1080), 1.05), ((1080, 1350), 1.05)],
)
def test_landscape_square_and_4_by_5_exports_keep_their_scale(size, big):
    """Presentation mode's scale on a screen of the layout's size: a 720p export is laid out
    as a 1440x810 screen (layout.SMALL_LAYOUT_PX), 3/4 of the 1080p one's 1.4."""
    assert layout_scale(size) == 1.0
    assert layout_scale(size, presentation=True) == pytest.approx(big)


@pytest.mark.parametrize("size", [(720, 720), (540, 540)])
def test_a_small_square_export_keeps_its_panel_below_the_track(qapp, replay, size):
    """Its type made as big as a 1080p export's, the panel no longer fitted below the track
    nor beside it, and was left out."""
    source = SceneFrameSource(replay, DARK, size)
    try:
        source.frame_at(120.0)
        panel, track = source.scene.panel, source.scene.track
        assert panel.isVisible() and panel.columns == 2
        assert panel.y() > track.geometry().bottom()
    finally:
        source.close()


@pytest.mark.parametrize("size", [(540, 960), (1080, 1920), (1080, 1080)])
def test_without_the_panel_a_tall_frame_has_the_track_on_top_and_the_graphics_below(
    qapp, replay, size
):
    """The track drawn across the top, the pocket cam and the scoreboard below it, not in
    the infield of a track in a band across the middle of the frame (71% of a 540x960
    frame's rows were empty, 35% of its height in one blank band)."""
    source = SceneFrameSource(replay, DARK, size, panel=False)
    try:
        frame = to_rgb(source.frame_at(120.0))
        scene, track = source.scene, source.scene.track
        assert not scene.panel.isVisible() and track.size() == scene.size()
        drawn = track.data_to_scene().mapRect(track.backdrop.bounds())
        assert drawn.top() == pytest.approx(0.0, abs=1.0)
        assert drawn.width() == pytest.approx(track.width(), abs=1.0)
        inset, board = track.pocket_rect(), track.scoreboard_rect
        assert inset.top() >= drawn.bottom() and board.top() >= drawn.bottom()
        assert inset.bottom() <= track.height() and board.bottom() <= track.height()
        assert blank_band_share(frame) < 0.15
    finally:
        source.close()


def test_without_the_panel_a_landscape_frame_keeps_the_graphics_in_the_infield(qapp, replay):
    source = SceneFrameSource(replay, DARK, (1280, 720), panel=False)
    try:
        source.frame_at(120.0)
        track = source.scene.track
        drawn = track.data_to_scene().mapRect(track.backdrop.bounds())  # track and labels
        assert not track.stage() and drawn.contains(track.pocket_rect())
    finally:
        source.close()


def test_without_the_pocket_cam_the_board_takes_the_room_below_the_track(qapp, replay):
    source = SceneFrameSource(replay, DARK, (540, 960), panel=False)
    try:
        track = source.scene.track
        track.set_pocket_visible(False)
        source.frame_at(120.0)
        drawn = track.data_to_scene().mapRect(track.backdrop.bounds())
        board = track.scoreboard_rect
        room = track.height() - drawn.bottom()
        assert track.pocket_rect() is None and board.top() >= drawn.bottom()
        assert board.center().y() == pytest.approx(drawn.bottom() + room / 2, rel=0.05)
    finally:
        source.close()
