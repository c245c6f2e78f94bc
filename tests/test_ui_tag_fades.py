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


def _tag(key: str, x: float, y: float = 100.0, anchor: tuple[float, float] = (0.0, 0.0), text=None):
    return (key, QRectF(x, y, 80.0, H), QPointF(*anchor), text or key, key)


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


@pytest.mark.parametrize(
    "after",
    [
        [_tag("a", 40.0, 100.0 + 0.5 * H)],  # its new box overlaps its old one (a slide)
        [_tag("a", 300.0), _tag("b", 20.0)],  # another tag took its place (a swap)
        [_tag("a", 300.0, text="a, its words changed")],  # the gap's seconds
    ],
    ids=["own-box", "taken", "new-words"],
)
def test_a_hop_leaves_no_copy_where_it_would_lie_under_a_tag_or_show_old_words(after):
    """A presenter's review saw text over text in one frame in eight, and "+6.24 s" beside
    "+6.25 s": where the copy would overlap a tag drawn (or its own new box), or its words
    changed, the tag moves whole, as before fades."""
    fades = TagFades()
    frames = [(k * STEP, [_tag("a", 0)]) for k in range(3)] + [(3 * STEP, after)]
    alphas, echoes = _run(fades, frames)[3]
    assert alphas[0] == 1.0 and echoes == []  # (a new tag "b" fades in)


def test_a_second_hop_while_fading_moves_whole():
    fades = TagFades()
    xs = [0, 0, 0, 200, 400, 400]
    got = _run(fades, [(k * STEP, [_tag("a", x)]) for k, x in enumerate(xs)])
    assert got[3][0][0] < 0.2 and len(got[3][1]) == 1
    assert got[4] == ([1.0], []) and got[5] == ([1.0], [])


def test_a_tag_that_goes_fades_out_where_it_was_until_a_tag_comes_there():
    fades = TagFades()
    frames = [(k * STEP, [_tag("a", 0)] if k < 3 else []) for k in range(15)]
    got = _run(fades, frames)
    fading = [echoes[0][2] for _, echoes in got[3:] if echoes]
    assert got[3][1][0][:2] == ("a", QRectF(0.0, 100.0, 80.0, H))
    assert fading[0] > 0.8 and all(x > y for x, y in zip(fading, fading[1:], strict=False))
    assert len(fading) == round(TAG_FADE_S / STEP) - 1 and got[-1] == ([], [])
    fades = TagFades()
    frames = [
        (k * STEP, [_tag("a", 0)] if k < 3 else [_tag("b", 10)] if k > 4 else []) for k in range(8)
    ]
    got = _run(fades, frames)
    assert len(got[4][1]) == 1 and got[5][1] == []  # b fades in, a's copy is gone


def test_a_repaint_at_the_same_race_time_shows_the_tags_settled():
    """A paused replay, or an export's last frame, rested on half-faded copies."""
    fades = TagFades()
    for k in range(4):
        fades.update(k * STEP, [_tag("a", 0 if k < 3 else 150)], H)
    again = [_run(fades, [(3 * STEP, [_tag("a", 150)])]) for _ in range(2)]
    assert again[0] == again[1] == [([1.0], [])]


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
    """From 3:45 to 4:04 tags hopped over 100 px in one frame: where a copy can fade out at
    the old place, clear of every tag, the tag fades in at its new one; no copy drawn lies
    under a tag or another copy."""
    crossed = 0
    for (_, before, _, _, _), (t, after, alphas, echoes, _) in zip(
        finish_fades, finish_fades[1:], strict=False
    ):
        was = dict(before)
        boxes = [rect for _, rect in after]
        for e, _ in echoes:
            others = [x.rect for x, _ in echoes if x is not e]
            assert not any(e.rect.intersects(r) for r in boxes + others), (t, e.key)
        for (key, rect), alpha in zip(after, alphas, strict=True):
            hop = key in was and (rect.center() - was[key].center()).manhattanLength() > 100.0
            if hop and any(e.key == key and e.rect == was[key] for e, _ in echoes):
                crossed += 1
                assert alpha < 0.2, (t, key)
    assert crossed >= 2


def test_settle_draws_the_next_frame_whole():
    fades = TagFades()
    for k in range(4):
        fades.update(k * STEP, [_tag("a", 0 if k < 3 else 150)], H)
    fades.settle()
    assert _run(fades, [(4 * STEP, [_tag("a", 150)])]) == [([1.0], [])]


def test_an_export_s_last_race_frame_is_drawn_settled():
    """The presenter's review: a clip's last frame, which a player rests on, had "+1.30 s"
    half-faded over a copy of another tag. The source is settled before its last race frame
    is drawn; the end card follows."""
    import numpy as np

    from racegui.export.frames import FramePlan, iter_plan

    calls = []

    class Source:
        def frame_at(self, t):
            calls.append(t)
            return t

        def settle(self):
            calls.append("settle")

        def card_frame(self, kind):
            return kind

    plan = FramePlan(race_times=np.array([1.0, 2.0, 3.0]), fps=1.0, end_frames=2)
    assert list(iter_plan(Source(), plan)) == [1.0, 2.0, 3.0, "end", "end"]
    assert calls == [1.0, 2.0, "settle", 3.0]


def test_pausing_the_window_settles_the_tags(window, monkeypatch):
    """A replay paused mid-fade rested on a half-faded copy: pausing draws the tags whole."""
    fades = window.scene.track.overlay._fades
    settled = []
    monkeypatch.setattr(fades, "settle", lambda: settled.append(True))
    window.clock.play()
    window.clock.pause()
    assert settled == [True]
