"""Text on the track in presentation mode: the 1080p screen's, in proportion on a smaller one
(presenter's review: at 1280x720 the pocket cam's tags were 8 px and the 100 m marks 9 px,
sized from the smaller view and then scaled down again)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402

from racegui.model.replay import Replay  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.pocket_tags import TagPainter  # noqa: E402
from racegui.ui.presentation import presentation_scale  # noqa: E402
from racegui.ui.scene import ReplayScene  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

BELL_S = 181.84
"""Breaking4 at 1200 m (s): a pocket of pacers round her."""
LAPTOPS = [(1280, 720), (1366, 768)]
"""16:9 screens, laid out as the 1080p one in proportion."""


@pytest.fixture(scope="module")
def replay(qapp) -> Replay:
    return load_replay(demo_path())


def text_px(replay: Replay, size: tuple[int, int], presentation: bool = True) -> dict:
    """Pixel sizes of the type on the track of a scene at `size` px (presentation mode on a
    screen that size, or the window's own at scale 1), at the bell."""
    scene = ReplayScene(replay, DARK)
    if presentation:
        scene.set_scale(presentation_scale(*size), presentation=True)
    scene.render_image(BELL_S, size)
    track = scene.track
    out = {
        "pocket tags": track.pocket.style.tags.font.pixelSize(),
        "pocket title": track.pocket.style.title_font.pixelSize(),
        "100 m marks": track.backdrop.label_px,
        "name tags": round(track.tag_px() * track.overlay.scale),
    }
    scene.close()
    return out


def pocket_tag_px(replay: Replay, size: tuple[int, int]) -> int:
    """Pixel size of the pocket cam's tag type in presentation mode on a `size` px screen."""
    scene = ReplayScene(replay, DARK)
    scene.set_scale(presentation_scale(*size), presentation=True)
    scene.render_image(BELL_S, size)
    px = scene.track.pocket.style.tags.font.pixelSize()
    scene.close()
    return px


def test_the_pocket_cam_s_tags_grow_with_the_presentation_scale(replay):
    sizes = [pocket_tag_px(replay, size) for size in [(1280, 720), (1366, 768), (1920, 1080)]]
    assert sizes[0] < sizes[1] < sizes[2]
    assert sizes[0] >= 12  # was 8 px on a 720p projector
    assert sizes[0] / sizes[2] == pytest.approx(720 / 1080, abs=0.05)


@pytest.mark.parametrize("size", LAPTOPS)
def test_text_on_the_track_is_the_1080p_screen_s_in_proportion(replay, size):
    big = text_px(replay, (1920, 1080))
    small = text_px(replay, size)
    share = size[1] / 1080
    for what, px in big.items():
        assert small[what] == pytest.approx(px * share, abs=1.0), what


def test_the_window_s_own_text_is_unchanged(replay):
    """Outside presentation the track's text is sized from the view as it always was, but
    none under MIN_TRACK_TEXT_PX (the pocket cam's tags had been 8 px, the 100 m marks 9)."""
    assert text_px(replay, (1280, 720), presentation=False) == {
        "pocket tags": 10,
        "pocket title": 10,
        "100 m marks": 10,
        "name tags": 12,
    }


@pytest.mark.parametrize("size", [*LAPTOPS, (1440, 900), (1920, 1080)])
def test_the_bigger_tags_still_find_room(replay, size, monkeypatch):
    """The pocket cam's tags in its rows, inside the inset and apart, the runner's among them;
    the name tags on the track apart and off the scoreboard and the inset."""
    placed: list[list[QRectF]] = []
    paint = TagPainter.paint

    def spy(self, p, tags):
        placed.append([rect for _, rect in tags])
        paint(self, p, tags)

    monkeypatch.setattr(TagPainter, "paint", spy)
    scene = ReplayScene(replay, DARK)
    scene.set_scale(presentation_scale(*size), presentation=True)
    track = scene.track
    placer = track.overlay._placer
    place = placer.place
    shown: list[list[QRectF]] = []

    def placing(labels, widths, h, obstacles, bounds, *, t, **options):
        rects = place(labels, widths, h, obstacles, bounds, t=t, **options)
        shown.append([r for r in rects if r is not None])
        return rects

    monkeypatch.setattr(placer, "place", placing)
    for t in (30.0, 118.0, BELL_S, 240.0):
        placed.clear()
        shown.clear()
        scene.render_image(t, size)
        inset = track.pocket.rect
        tags = placed[-1]
        assert len(tags) >= 2  # the runner's and a pacer's at least
        assert all(inset.contains(r) for r in tags)
        assert not any(a.intersects(b) for i, a in enumerate(tags) for b in tags[i + 1 :])
        rects = shown[-1]
        assert len(rects) >= 3  # the runner, the gap and the light at least
        assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
        for r in rects:
            assert not r.intersects(track.scoreboard_rect) and not r.intersects(inset)
    scene.close()
