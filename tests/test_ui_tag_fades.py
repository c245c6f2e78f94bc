"""Name tags that appear or go fade over TAG_FADE_S of race time instead of popping, and a
tag that hops moves whole: the fade bookkeeping, and the demo's finish as an export draws
it."""

import numpy as np
import pytest
from PySide6.QtCore import QRectF

from racegui.export.frames import FramePlan, iter_plan
from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.tag_fades import MAX_STEP_S, TAG_FADE_S, TagFades
from racegui.ui.theme import DARK
from tests.helpers_tags import FPS

H = 20.0
"""Tag height (px) in the bookkeeping tests."""
STEP = 1 / 30


def _tag(key: str, x: float, y: float = 100.0):
    return (key, QRectF(x, y, 80.0, H), key)


def _run(fades: TagFades, frames):
    """Each frame's (alphas, echoes as (key, rect, alpha)) for frames of (t, tags)."""
    out = []
    for t, tags in frames:
        alphas, echoes = fades.update(t, tags)
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


def test_a_tag_that_hops_moves_whole():
    """Cross-faded hops left a faint tag alone when its copy had to give way, showed the
    gap's old seconds and the runner's name twice (two presenter reviews): a hop moves whole,
    and a tag still fading in goes on fading in where it moved to."""
    fades = TagFades()
    got = _run(fades, [(k * STEP, [_tag("a", 0 if k < 3 else 300)]) for k in range(5)])
    assert all(frame == ([1.0], []) for frame in got)
    fades = TagFades()
    frames = [(0.0, [])] + [(k * STEP, [_tag("a", 0 if k < 3 else 300)]) for k in range(1, 5)]
    alphas = [frame[0][0] for frame in _run(fades, frames)[1:]]
    assert all(x < y for x, y in zip(alphas, alphas[1:], strict=False)) and alphas[-1] < 1.0


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


def test_a_tag_that_goes_while_fading_in_fades_out_from_where_it_had_got():
    """A copy counted down from full strength, brighter than its tag had ever been."""
    fades = TagFades()
    frames = [(0.0, []), (STEP, [_tag("a", 0)]), (2 * STEP, [_tag("a", 0)]), (3 * STEP, [])]
    (shown, _), (_, echoes) = _run(fades, frames)[2:]
    assert echoes and echoes[0][2] < shown[0] < 0.3


def test_a_repaint_at_the_same_race_time_shows_the_tags_settled():
    """A paused replay, or an export's last frame, rested on half-faded copies."""
    fades = TagFades()
    for k in range(4):
        fades.update(k * STEP, [_tag("a", 0)] if k < 3 else [])
    again = [_run(fades, [(3 * STEP, [])]) for _ in range(2)]
    assert again[0] == again[1] == [([], [])]


def test_settle_draws_the_next_frame_whole():
    fades = TagFades()
    for k in range(4):
        fades.update(k * STEP, [_tag("a", 0)] if k < 3 else [_tag("b", 200)])
    fades.settle()
    assert _run(fades, [(4 * STEP, [_tag("b", 200)])]) == [([1.0], [])]


@pytest.fixture(scope="module")
def finish_fades(qapp):
    """What the track's fades gave each frame of an export of 3:45-4:04.1 of the demo
    (1080p, FPS): (t, placed keys and boxes, alphas, echoes)."""
    replay = compile_race(read_race(demo_race_path()))
    source = SceneFrameSource(replay, DARK, (1920, 1080))
    fades = source.scene.track.overlay._fades
    update = fades.update
    seen = []

    def spy(t, placed):
        alphas, echoes = update(t, placed)
        if t >= 225.0 - 1e-9:  # not the view's first paint, at the start of the race
            seen.append((t, [(k, r) for k, r, _ in placed], alphas, echoes))
        return alphas, echoes

    fades.update = spy
    try:
        for k in range(round(19.1 * FPS) + 1):
            source.frame_at(225.0 + k / FPS)
    finally:
        source.close()
    return seen


def test_the_demo_s_finish_draws_no_copy_under_a_tag_and_moves_hops_whole(finish_fades):
    """From 3:45 to 4:04: tags that go leave copies fading out, none under a tag drawn or
    another copy; a tag that hops far is drawn whole at its new place."""
    copies = 0
    for (_, before, _, _), (t, after, alphas, echoes) in zip(
        finish_fades, finish_fades[1:], strict=False
    ):
        was = dict(before)
        boxes = [rect for _, rect in after]
        copies += len(echoes)
        for e, _ in echoes:
            others = [x.rect for x, _ in echoes if x is not e]
            assert not any(e.rect.intersects(r) for r in boxes + others), (t, e.key)
        for (key, rect), alpha in zip(after, alphas, strict=True):
            if key in was and (rect.center() - was[key].center()).manhattanLength() > 100.0:
                assert alpha == 1.0 and not any(e.key == key for e, _ in echoes), (t, key)
    assert copies > 0


def test_an_export_s_last_race_frame_is_drawn_settled():
    """The presenter's review: a clip's last frame, which a player rests on, had "+1.30 s"
    half-faded over a copy of another tag. The source is settled before its last race frame
    is drawn; the end card follows."""
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
    assert list(iter_plan(Source(), plan)) == [1.0, 2.0, 3.0, 3.0, "end"]  # held, then the card
    assert calls == [1.0, 2.0, "settle", 3.0]


def test_pausing_the_window_settles_the_tags(window, monkeypatch):
    """A replay paused mid-fade rested on a half-faded copy: pausing draws the tags whole."""
    fades = window.scene.track.overlay._fades
    settled = []
    monkeypatch.setattr(fades, "settle", lambda: settled.append(True))
    window.clock.play()
    window.clock.pause()
    assert settled == [True]
