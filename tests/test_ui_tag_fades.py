"""Name tags that appear, go or hop fade over TAG_FADE_S of race time instead of popping: the
fade bookkeeping, and the demo's finish as an export draws it (a user review saw tags hop
150 px from one frame to the next there)."""

import pytest
from PySide6.QtCore import QPointF, QRectF

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.tag_fades import HOP_HEIGHTS, MAX_STEP_S, TAG_FADE_S, TagFades
from racegui.ui.theme import DARK
from tests.helpers_tags import FPS

H = 20.0
"""Tag height (px) in the bookkeeping tests."""
STEP = 1 / 30


def _tag(key: str, x: float, y: float = 100.0, anchor: tuple[float, float] = (0.0, 0.0)):
    return (key, QRectF(x, y, 80.0, H), QPointF(*anchor), key)


def _run(fades: TagFades, frames):
    """Each frame's (alphas, echoes as (key, rect, alpha)) for frames of (t, tags)."""
    out = []
    for t, tags in frames:
        alphas, echoes = fades.update(t, tags, H)
        out.append((alphas, [(e.key, e.rect, a) for e, a in echoes]))
    return out


def test_tags_already_shown_on_the_first_frame_or_after_a_seek_are_drawn_whole():
    fades = TagFades()
    first = _run(fades, [(10.0, [_tag("a", 0)])])
    seek = _run(fades, [(10.0 + 2 * MAX_STEP_S, [_tag("a", 500), _tag("b", 0)])])
    back = _run(fades, [(9.0, [_tag("a", 0)])])
    assert first == [([1.0], [])] and seek == [([1.0, 1.0], [])] and back == [([1.0], [])]


def test_a_tag_that_appears_fades_in_over_the_fade_time():
    fades = TagFades()
    frames = [(k * STEP, [_tag("a", 0)] + ([_tag("b", 300)] if k >= 3 else [])) for k in range(20)]
    got = [alphas for alphas, _ in _run(fades, frames)]
    b = [alphas[1] for alphas in got[3:]]
    assert got[3][0] == 1.0  # the tag already shown is unchanged
    assert 0.0 < b[0] < 0.2 and all(x < y for x, y in zip(b, b[1:9], strict=False))
    assert b[round(TAG_FADE_S / STEP) - 1] == pytest.approx(1.0) and b[-1] == 1.0


def test_a_tag_that_hops_fades_in_at_its_new_place_as_a_copy_fades_out_at_the_old():
    fades = TagFades()
    old, new = _tag("a", 0), _tag("a", 150)
    frames = [(k * STEP, [old if k < 3 else new]) for k in range(15)]
    got = _run(fades, frames)
    assert got[2] == ([1.0], [])
    alphas, echoes = got[3]
    assert alphas[0] < 0.2 and [(k, r) for k, r, _ in echoes] == [("a", old[1])]
    assert echoes[0][2] == pytest.approx(1.0 - alphas[0])
    assert got[3 + round(TAG_FADE_S / STEP)] == ([pytest.approx(1.0)], [])


def test_a_tag_that_moves_with_its_marker_or_a_short_way_does_not_fade():
    """A tag gliding with a fast marker (its offset from the anchor kept), or stepping less
    than HOP_HEIGHTS tag heights from it, is drawn whole."""
    fades = TagFades()
    frames = [(k * STEP, [_tag("a", 40.0 * k, anchor=(40.0 * k, 0.0))]) for k in range(5)]
    frames.append((5 * STEP, [_tag("a", 160.0 + 0.9 * HOP_HEIGHTS * H, anchor=(200.0, 0.0))]))
    assert all(got == ([1.0], []) for got in _run(fades, frames))


def test_a_tag_that_goes_fades_out_where_it_was():
    fades = TagFades()
    frames = [(k * STEP, [_tag("a", 0)] if k < 3 else []) for k in range(15)]
    got = _run(fades, frames)
    fading = [echoes[0][2] for _, echoes in got[3:] if echoes]
    assert got[3][1][0][:2] == ("a", QRectF(0.0, 100.0, 80.0, H))
    assert fading[0] > 0.8 and all(x > y for x, y in zip(fading, fading[1:], strict=False))
    assert len(fading) == round(TAG_FADE_S / STEP) - 1 and got[-1] == ([], [])


def test_a_repaint_at_the_same_race_time_draws_the_same_fades():
    fades = TagFades()
    for k in range(4):
        fades.update(k * STEP, [_tag("a", 0 if k < 3 else 150)], H)
    again = [_run(fades, [(3 * STEP, [_tag("a", 150)])]) for _ in range(3)]
    assert again[0] == again[1] == again[2]
    assert again[0][0][0][0] < 1.0 and len(again[0][0][1]) == 1


@pytest.fixture(scope="module")
def finish_fades(qapp):
    """What the track's fades gave each frame of an export of 3:45-4:04.1 of the demo
    (1080p, FPS): (t, placed keys and boxes, alphas, echoes)."""
    replay = compile_race(read_race(demo_race_path()))
    source = SceneFrameSource(replay, DARK, (1920, 1080))
    fades = source.scene.track.overlay._fades
    update = fades.update
    seen = []

    def spy(t, placed, height):
        alphas, echoes = update(t, placed, height)
        if t >= 225.0 - 1e-9:  # not the view's first paint, at the start of the race
            seen.append((t, [(k, r) for k, r, *_ in placed], alphas, echoes, height))
        return alphas, echoes

    fades.update = spy
    try:
        for k in range(round(19.1 * FPS) + 1):
            source.frame_at(225.0 + k / FPS)
    finally:
        source.close()
    return seen


def test_the_demo_s_finish_tags_cross_fade_rather_than_hop(finish_fades):
    """From 3:45 to 4:04 tags hopped over 100 px in one frame six times (a user review saw
    the light's and the gap's swap places at 4:03.87): now each such tag fades in at its new
    place while its old box fades out."""
    hops = 0
    for (_, before, _, _, _), (t, after, alphas, echoes, _) in zip(
        finish_fades, finish_fades[1:], strict=False
    ):
        was = dict(before)
        for (key, rect), alpha in zip(after, alphas, strict=True):
            if key in was and (rect.center() - was[key].center()).manhattanLength() > 100.0:
                hops += 1
                assert alpha < 0.2, (t, key)
                assert any(e.key == key and e.rect == was[key] for e, _ in echoes), (t, key)
    assert hops >= 3
