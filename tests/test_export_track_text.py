"""Text on the track of an export, in the pixels of the picture: at least MIN_TRACK_TEXT_PX
(a 1024x768 export's 100 m marks and pocket cam tags had been 7 px), in a phone's video as
big as the panel's smallest text, none of it changed at 1920x1080, and a 4K export's the
1080p one's twice as big (it had grown twice over)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from racegui.export.layout import layout_scale, layout_size  # noqa: E402
from racegui.export.options import PANEL_SMALLEST_TEXT_PX  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.model.replay import Replay  # noqa: E402
from racegui.ui import overlay  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.text_floor import MIN_TRACK_TEXT_PX  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

T_S = 120.0
"""Breaking4 at 2:00: a pocket of pacers round her, two stepped off."""


@pytest.fixture(scope="module")
def replay(qapp) -> Replay:
    return load_replay(demo_path())


def track_text_px(
    replay: Replay, size: tuple[int, int], monkeypatch, presentation: bool = False
) -> dict[str, float]:
    """Type sizes on the track of an export's frame at `size`, in its own pixels."""
    board: list[float] = []
    pair = overlay._Fonts.pair

    def spy(fonts, px, *args):
        board.append(px)
        return pair(fonts, px, *args)

    source = SceneFrameSource(replay, DARK, size, presentation=presentation)
    source.frame_at(T_S - 0.5)  # laid out; then the fonts of a frame drawn at that layout
    monkeypatch.setattr(overlay._Fonts, "pair", spy)
    source.frame_at(T_S)
    k = size[0] / source.scene.width()  # output px per layout px
    track = source.scene.track
    style = track.pocket.style
    out = {
        "100 m marks": track.backdrop.label_px * k,
        "name tags": track.name_tag_px() * k,
        "pocket tags": style.tags.font.pixelSize() * k,
        "pocket title": style.title_font.pixelSize() * k,
        "pocket scale": style.small_font.pixelSize() * k,
        "scoreboard": min(board) * k,
    }
    source.close()
    monkeypatch.undo()
    return out


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (540, 960), (640, 360)])
def test_small_exports_keep_the_track_s_text_legible(replay, size, monkeypatch):
    for what, px in track_text_px(replay, size, monkeypatch).items():
        assert px >= MIN_TRACK_TEXT_PX - 0.5, (size, what, px)


@pytest.mark.parametrize("size", [(1080, 1920), (720, 1280)])
def test_a_phone_video_s_track_text_is_as_big_as_its_panel_s_smallest(replay, size, monkeypatch):
    """The name tags, the 100 m marks and the scoreboard's lines (the pocket cam's inset
    packs its tags into its rows, at MIN_TRACK_TEXT_PX): at 1080x1920 the board's venue
    line had been 11 px, its distance and gap lines 13, the marks 18, where the panel's
    axis ticks are 20."""
    least = PANEL_SMALLEST_TEXT_PX * layout_scale(size) * size[0] / layout_size(size)[0]
    px = track_text_px(replay, size, monkeypatch)
    for what in ("100 m marks", "name tags", "scoreboard"):
        assert px[what] >= least - 0.5, (size, what, px[what], least)


def test_the_floor_changes_nothing_in_a_1080p_export(replay):
    """Every text on a 1920x1080 frame is above the floor already: the same pixels with it
    as without it."""
    frames = []
    for floor in (True, False):
        source = SceneFrameSource(replay, DARK, (1920, 1080))
        if not floor:
            source.scene.track.set_output_scale(1e3)  # a floor of 0.01 px: none
        frames.append(np.array(source.frame_at(T_S)))
        source.close()
    assert np.array_equal(frames[0], frames[1])


@pytest.mark.parametrize("presentation", [False, True])
def test_a_4k_export_s_track_text_is_the_1080p_one_s_twice_as_big(
    replay, monkeypatch, presentation
):
    """Sized from the 4K view and then scaled by 2, the 100 m marks had been 44 px, not
    30, and the name tags 40, not 35."""
    big = track_text_px(replay, (3840, 2160), monkeypatch, presentation)
    small = track_text_px(replay, (1920, 1080), monkeypatch, presentation)
    for what, px in small.items():
        assert big[what] == pytest.approx(2 * px, abs=2.0), what
