"""Name tags are placed near their markers, never over each other or over obstacles."""

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF

from racegui.ui.tag_placement import SLIDE_EASE_HEIGHTS_PER_S, TagPlacer
from racegui.ui.tag_search import MARGIN_PX, STICKY_MOVE_HEIGHTS, place_tags

BOUNDS = QRectF(0, 0, 800, 600)
TAG_SPEC = st.tuples(st.floats(50, 750), st.floats(50, 550), st.floats(-1, 1), st.booleans())
"""A tag's anchor x, y (px), normal x component and inward_first."""


@dataclass
class Tag:
    x: float
    y: float
    nx: float = 0.0
    ny: float = -1.0
    radius: float = 5.0
    inward_first: bool = False
    forced: bool = False
    text: str = "tag"


FPS = 30.0
EASE_PX = SLIDE_EASE_HEIGHTS_PER_S * 20.0 / FPS
"""How far a 20 px tag glides back in one frame at FPS."""


def frame_times(fps: float = FPS) -> Iterator[float]:
    """Race times (s) of successive frames at fps."""
    return (k / fps for k in itertools.count())


def overlap(a: QRectF, b: QRectF) -> bool:
    return a.intersects(b)


def test_a_lone_tag_sits_just_beyond_its_marker_along_the_normal():
    (rect,) = place_tags([Tag(400, 300)], [100.0], 20.0, [], BOUNDS)
    assert rect.center().x() == 400
    assert rect.bottom() < 300 - 5  # above the marker (normal points up), clear of it
    assert rect.width() == 100 and rect.height() == 20


def test_inward_first_puts_the_tag_on_the_other_side():
    (rect,) = place_tags([Tag(400, 300, inward_first=True)], [100.0], 20.0, [], BOUNDS)
    assert rect.top() > 300 + 5


def test_an_obstacle_pushes_the_tag_further_out_or_to_the_other_side():
    free = place_tags([Tag(400, 300)], [100.0], 20.0, [], BOUNDS)[0]
    wall = free.adjusted(-1, -1, 1, 1)
    (rect,) = place_tags([Tag(400, 300)], [100.0], 20.0, [wall], BOUNDS)
    assert rect is not None and not overlap(rect, wall)


def test_a_tag_with_nowhere_to_go_is_dropped_unless_forced():
    everything = [BOUNDS.adjusted(-10, -10, 10, 10)]
    assert place_tags([Tag(400, 300)], [100.0], 20.0, everything, BOUNDS) == [None]
    (forced,) = place_tags([Tag(400, 300, forced=True)], [100.0], 20.0, everything, BOUNDS)
    assert forced == place_tags([Tag(400, 300)], [100.0], 20.0, [], BOUNDS)[0]


def test_tags_outside_the_bounds_are_not_placed():
    assert place_tags([Tag(400, 5, ny=-1.0)], [100.0], 20.0, [], BOUNDS)[0].top() >= 0


@settings(max_examples=60, deadline=None)
@given(st.lists(TAG_SPEC, min_size=1, max_size=25))
def test_placed_tags_never_overlap_each_other_or_leave_the_bounds(spec):
    tags = [Tag(x, y, nx=n, ny=(1 - n * n) ** 0.5, inward_first=i) for x, y, n, i in spec]
    rects = place_tags(tags, [60.0] * len(tags), 18.0, [], BOUNDS)
    placed = [r for r in rects if r is not None]
    assert placed  # the first tag always finds room on an empty 800x600 canvas
    for k, a in enumerate(placed):
        assert BOUNDS.contains(a)
        for b in placed[k + 1 :]:
            assert not overlap(a.adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX), b)


def _wall_over_every_normal_spot(tag: Tag) -> QRectF:
    """A wall as wide as the tag's normal candidates reach, leaving room above and below."""
    return QRectF(tag.x - 300, tag.y - 60, 600, 120)


def test_a_forced_tag_slides_sideways_round_an_obstacle_instead_of_covering_it():
    tag = Tag(400, 300, nx=1.0, ny=0.0, forced=True)  # normal along x: slides go up or down
    wall = _wall_over_every_normal_spot(tag)
    (rect,) = place_tags([tag], [100.0], 20.0, [wall], BOUNDS)
    assert not overlap(rect, wall)
    assert abs(rect.center().y() - 300) <= 60 + 10 + 20  # the nearest clear slide, not a far one
    unforced = Tag(400, 300, nx=1.0, ny=0.0)
    assert place_tags([unforced], [100.0], 20.0, [wall], BOUNDS) == [None]


def test_a_slid_tag_keeps_its_side_while_its_marker_moves():
    placer = TagPlacer()
    clock = frame_times()
    sides = []
    for y in np.linspace(280, 320, 21):  # the marker moves past the middle of the wall
        tag = Tag(400, float(y), nx=1.0, ny=0.0, forced=True)
        wall = QRectF(100, 240, 600, 120)
        (rect,) = placer.place([tag], [100.0], 20.0, [wall], BOUNDS, t=next(clock))
        assert not overlap(rect, wall)
        sides.append(rect.center().y() < 300)
    assert len(set(sides)) == 1  # the stateless rule would flip sides halfway


def test_a_tag_keeps_last_frames_spot_while_it_stays_free_but_unslides_when_it_can():
    placer = TagPlacer()
    clock = frame_times()
    first = place_tags([Tag(400, 300)], [100.0], 20.0, [], BOUNDS)[0]
    blocker = first.adjusted(-1, -1, 1, 1)
    (pushed,) = placer.place([Tag(400, 300)], [100.0], 20.0, [blocker], BOUNDS, t=next(clock))
    assert pushed != first
    (kept,) = placer.place(
        [Tag(400, 300)], [100.0], 20.0, [], BOUNDS, t=next(clock)
    )  # blocker gone
    assert kept == pushed
    # A slid tag returns to an unslid spot as soon as one is free, unless it was slid beside
    # its marker and the return is a jump (RETURN_MAX_HEIGHTS): then it glides back there.
    tag = Tag(400, 300, nx=1.0, ny=0.0, forced=True)
    wall = _wall_over_every_normal_spot(tag)
    (slid,) = placer.place([tag], [100.0], 20.0, [wall], BOUNDS, t=next(clock))
    (back,) = placer.place([tag], [100.0], 20.0, [], BOUNDS, t=next(clock))
    assert abs(slid.center().y() - 300) > 1
    beside = back.center().x() == slid.center().x()  # stayed beside it, gliding back:
    nearer = abs(back.center().y() - 300) < abs(slid.center().y() - 300)
    assert back.center().y() == 300 or (beside and nearer)


def test_a_tag_that_must_move_stays_on_its_side_of_the_marker():
    placer = TagPlacer()
    clock = frame_times()
    above = QRectF(0, 0, 800, 290)  # every spot above the marker
    (below,) = placer.place([Tag(400, 300)], [100.0], 20.0, [above], BOUNDS, t=next(clock))
    assert below.top() > 300
    # Next frame the wall has gone but something covers the tag's spot: it moves further
    # down rather than hopping over its marker to the free spot above.
    (moved,) = placer.place([Tag(400, 300)], [100.0], 20.0, [below], BOUNDS, t=next(clock))
    assert moved.top() > below.bottom()
    # Without a memory, the nearest free spot is above.
    assert place_tags([Tag(400, 300)], [100.0], 20.0, [below], BOUNDS)[0].bottom() < 300


@settings(max_examples=60, deadline=None)
@given(
    st.lists(TAG_SPEC, min_size=1, max_size=12),
    st.lists(
        st.tuples(st.floats(0, 700), st.floats(0, 500), st.floats(5, 300), st.floats(5, 200)),
        max_size=4,
    ),
    st.lists(st.tuples(st.floats(-30, 30), st.floats(-30, 30)), min_size=1, max_size=4),
)
def test_a_placer_over_frames_keeps_every_tag_clear_of_obstacles_and_each_other(spec, walls, moves):
    """Frame after frame (markers moving), forced tags always get a box, and every box that
    is not a forced tag's last resort is inside the bounds, off the obstacles and apart."""
    obstacles = [QRectF(x, y, w, h) for x, y, w, h in walls]
    placer = TagPlacer()
    clock = frame_times()
    for dx, dy in moves:
        x0, y0, n0, _ = spec[0]
        twins = [(x0, y0, n0, True), (x0 + 4, y0 + 4, n0, True)]  # forced, side by side
        tags = [
            Tag(x + dx, y + dy, nx=n, ny=(1 - n * n) ** 0.5, forced=k < 2, text=f"t{k}")
            for k, (x, y, n, _) in enumerate(twins + spec[1:])
        ]
        rects = placer.place(tags, [60.0] * len(tags), 18.0, obstacles, BOUNDS, t=next(clock))
        fallback = place_tags(
            tags, [60.0] * len(tags), 18.0, [BOUNDS.adjusted(-9, -9, 9, 9)], BOUNDS
        )
        kept = []
        for k, (tag, rect) in enumerate(zip(tags, rects, strict=True)):
            if tag.forced:
                assert rect is not None
            if rect is None or (tag.forced and rect == fallback[k]):
                continue  # dropped, or a forced tag's first candidate when nothing is free
            assert BOUNDS.contains(rect)
            assert not any(overlap(rect, o) for o in obstacles)
            assert not any(
                overlap(rect.adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX), b)
                for b in kept
            )
            kept.append(rect)


def test_a_slid_tag_glides_as_its_marker_moves_instead_of_hopping():
    placer = TagPlacer()
    clock = frame_times()
    wall = QRectF(100, 240, 600, 120)
    centres = []
    for y in np.arange(270.0, 330.0, 1.5):  # a runner's 1.5 px per frame at 1080p
        tag = Tag(400, float(y), nx=1.0, ny=0.0, forced=True)
        (rect,) = placer.place([tag], [100.0], 20.0, [wall], BOUNDS, t=next(clock))
        assert not overlap(rect, wall)
        centres.append((rect.center().x(), rect.center().y()))
    steps = np.hypot(*np.diff(np.array(centres), axis=0).T)
    assert steps.max() <= 1.5 + EASE_PX + 1e-9


def test_a_slid_tag_glides_back_towards_its_marker_when_room_opens_up():
    placer = TagPlacer()
    clock = frame_times()
    tag = Tag(400, 275.0, nx=1.0, ny=0.0, forced=True)
    tall = QRectF(100, 240, 600, 120)  # the nearest way round is over the top
    for _ in range(5):
        (rect,) = placer.place([tag], [100.0], 20.0, [tall], BOUNDS, t=next(clock))
    assert rect.bottom() <= tall.top()
    short = QRectF(100, 262, 600, 98)  # the obstacle's top comes 22 px nearer the marker
    path = []
    for _ in range(60):
        (rect,) = placer.place([tag], [100.0], 20.0, [short], BOUNDS, t=next(clock))
        path.append(rect.bottom())
    assert short.top() - 2.0 <= rect.bottom() <= short.top()  # it came down to rest on it
    assert max(np.diff(path)) <= EASE_PX + 1e-9  # gliding, not hopping


def _glide_back(fps: float, seconds: float, repeat_last: int = 0) -> QRectF:
    """Where a tag slid over a tall wall is after the wall shrinks and `seconds` of race time
    pass at `fps`, the last frame then painted again `repeat_last` times (a paused view)."""
    placer = TagPlacer()
    clock = frame_times(fps)
    tag = Tag(400, 275.0, nx=1.0, ny=0.0, forced=True)
    tall, short = QRectF(100, 240, 600, 120), QRectF(100, 262, 600, 98)
    for _ in range(5):
        placer.place([tag], [100.0], 20.0, [tall], BOUNDS, t=next(clock))
    for _ in range(round(seconds * fps)):
        t = next(clock)
        (rect,) = placer.place([tag], [100.0], 20.0, [short], BOUNDS, t=t)
    for _ in range(repeat_last):
        (rect,) = placer.place([tag], [100.0], 20.0, [short], BOUNDS, t=t)
    return rect


def test_a_slid_tag_glides_at_the_same_speed_in_race_time_whatever_the_frame_rate():
    at_30, at_60 = _glide_back(30.0, 0.1), _glide_back(60.0, 0.1)
    assert at_30.bottom() == pytest.approx(at_60.bottom(), abs=1e-6)
    assert at_30.bottom() == pytest.approx(240.0 + 0.1 * SLIDE_EASE_HEIGHTS_PER_S * 20.0, abs=1e-6)


def test_painting_the_same_frame_again_leaves_a_slid_tag_where_it_is():
    assert _glide_back(30.0, 0.1, repeat_last=20) == _glide_back(30.0, 0.1)


def test_a_tag_blocked_for_the_first_time_takes_the_nearest_slide():
    tag = Tag(400, 300, nx=1.0, ny=0.0, forced=True)
    wall = QRectF(100, 240, 600, 260)  # the way over the top is shorter than the way under
    placer = TagPlacer()
    clock = frame_times()
    placer.place([tag], [100.0], 20.0, [], BOUNDS, t=next(clock))  # an unslid spot last frame
    (rect,) = placer.place([tag], [100.0], 20.0, [wall], BOUNDS, t=next(clock))
    assert rect == place_tags([tag], [100.0], 20.0, [wall], BOUNDS)[0]
    assert rect.bottom() <= wall.top()


def test_a_slid_tag_comes_back_on_the_side_it_slid_on():
    tag = Tag(400, 300, nx=1.0, ny=0.0, forced=True)  # first side: right of the marker
    walls = [QRectF(0, 180, 800, 240), QRectF(400, 0, 400, 600)]  # only the left is open
    placer = TagPlacer()
    clock = frame_times()
    (slid,) = placer.place([tag], [100.0], 20.0, walls, BOUNDS, t=next(clock))
    assert slid.right() < 400
    # Back unslid only by a jump (over 5 tag heights): it comes back by small moves instead,
    # on its side, and ends there.
    path = [slid]
    for _ in range(60):
        (back,) = placer.place([tag], [100.0], 20.0, [], BOUNDS, t=next(clock))
        path.append(back)
    assert all(r.right() < 400 for r in path)
    steps = [np.hypot(*(b.center() - a.center()).toTuple()) for a, b in itertools.pairwise(path)]
    assert max(steps) <= STICKY_MOVE_HEIGHTS * 20.0 + 1e-9
    assert back.center().y() == 300


def test_a_tag_whose_marker_jumps_elsewhere_is_placed_afresh():
    wall = QRectF(100, 240, 600, 120)
    placer = TagPlacer()
    clock = frame_times()
    placer.place(
        [Tag(400, 250, nx=1.0, ny=0.0, forced=True)], [100.0], 20.0, [wall], BOUNDS, t=next(clock)
    )
    elsewhere = Tag(400, 350, nx=1.0, ny=0.0, forced=True)  # another runner, same key
    (rect,) = placer.place([elsewhere], [100.0], 20.0, [wall], BOUNDS, t=next(clock))
    assert rect == place_tags([elsewhere], [100.0], 20.0, [wall], BOUNDS)[0]


def test_two_tags_with_the_same_text_each_keep_their_own_spot():
    placer = TagPlacer()
    clock = frame_times()
    a, b = Tag(300, 300, text="Smith"), Tag(420, 300, text="Smith")  # close: 3 heights apart
    first = placer.place([a, b], [100.0, 100.0], 40.0, [], BOUNDS, t=next(clock))
    pushed = placer.place(
        [a, b], [100.0, 100.0], 40.0, [first[1].adjusted(-1, -1, 1, 1)], BOUNDS, t=next(clock)
    )
    again = placer.place([a, b], [100.0, 100.0], 40.0, [], BOUNDS, t=next(clock))
    assert pushed[1] != first[1]
    assert again == [first[0], pushed[1]]  # b keeps its new spot; a was never moved


def test_a_tag_that_fits_nowhere_takes_its_shorter_text_and_keeps_it():
    """The pacing light's finished tag, 396 px wide in presentation type, found no place at
    the finish from 4:00.00 to 4:06.37: a tag offered a shorter text takes it rather than
    vanish, keeps it while it is offered (no text flicking back as room comes and goes), and
    takes its own again once it is not."""
    placer = TagPlacer()
    clock = frame_times()
    tag = Tag(400, 300)
    narrow = QRectF(250, 0, 300, 600)  # no room for 400 px
    (rect,) = placer.place([tag], [400.0], 20.0, [], narrow, t=next(clock), short_widths=[150.0])
    assert rect is not None and rect.width() == pytest.approx(150.0)
    assert placer.shortened == {"tag"}
    (rect,) = placer.place([tag], [400.0], 20.0, [], BOUNDS, t=next(clock), short_widths=[150.0])
    assert rect is not None and rect.width() == pytest.approx(150.0)  # kept short
    (rect,) = placer.place([tag], [400.0], 20.0, [], BOUNDS, t=next(clock), short_widths=[None])
    assert rect is not None and rect.width() == pytest.approx(400.0)
    assert placer.shortened == set()
    (rect,) = placer.place([tag], [400.0], 20.0, [], BOUNDS, t=next(clock), short_widths=[150.0])
    assert rect is not None and rect.width() == pytest.approx(400.0)  # fits: its own text


def test_a_seek_places_a_tag_afresh_though_its_marker_is_back_where_it_was():
    """Its place from minutes before belongs to another moment (FORGET_S): the light's tag,
    slid behind it at the start, had stayed behind it after a seek to 3:01.84, the light
    back a few px from where it was, 19 m ahead of Kipyegon."""
    tag = Tag(400, 300, nx=1.0, ny=0.0, forced=True)
    walls = [QRectF(0, 180, 800, 240), QRectF(400, 0, 400, 600)]  # only the left is open
    placer = TagPlacer()
    (slid,) = placer.place([tag], [100.0], 20.0, walls, BOUNDS, t=0.0)
    assert slid.right() < 400
    back = Tag(403, 300, nx=1.0, ny=0.0, forced=True)  # a lap later, 3 px on
    (rect,) = placer.place([back], [100.0], 20.0, [], BOUNDS, t=181.84)
    assert rect == place_tags([back], [100.0], 20.0, [], BOUNDS)[0]
    # A frame later it is one animation: it comes back by small moves, on its side.
    placer.reset()
    placer.place([tag], [100.0], 20.0, walls, BOUNDS, t=0.0)
    (near,) = placer.place([back], [100.0], 20.0, [], BOUNDS, t=1 / FPS)
    assert near.right() < 403
