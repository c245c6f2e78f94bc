"""The track's scoreboard in presentation mode: every line grows with the mode, as the name
tags do (sized from the infield alone, its 14 px distance line and subtitle stayed as they
were, unreadable from the back of a room), and the board stays in its room."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from racegui.export.layout import layout_size  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

SMALL_LINES = ("title", "subtitle", "lap", "detail", "distance", "gaps")
GROWN = ("distance", "gaps")
"""The smallest lines, the race's state: 1.15 times as big or more where the board is short
of room, 1.35 on a 16:9 screen."""
T = 181.0


@pytest.fixture(scope="module")
def replay():
    return load_replay(demo_path())


def _board(replay, size, presentation, pocket=True):
    """(type sizes, board rect, everything drawn, the board's room or None) of a still."""
    src = SceneFrameSource(replay, DARK, size, presentation=presentation)
    try:
        view = src.scene.track
        view.set_pocket_visible(pocket)
        src.frame_at(T)
        to_px = view.data_to_scene()
        room = view._graphics_layout(to_px)[0] if pocket else None
        ov = view.overlay
        return dict(ov.board_type_px), view.scoreboard_rect, ov.board_extent, room
    finally:
        src.close()


@pytest.mark.parametrize(
    "size, grown", [((1920, 1080), 1.35), ((1080, 1080), 1.15), ((1080, 1350), 1.15)]
)
def test_every_line_grows_in_presentation_and_stays_in_its_room(qapp, replay, size, grown):
    plain = _board(replay, size, False)[0]
    big, rect, extent, room = _board(replay, size, True)
    for line in GROWN:
        assert big[line] >= grown * plain[line], (line, plain[line], big[line])
    assert all(big[line] > plain[line] for line in ("title", "subtitle", "lap", "detail"))
    # Its clock gives way (as little as it can, a quarter at most): still the biggest figure.
    assert big["clock"] >= 0.72 * plain["clock"]  # 0.75 of its unit, rounded to a px
    assert big["clock"] >= 1.5 * max(big[line] for line in SMALL_LINES)
    slack = 0.5  # px: text widths rounded
    for r in (rect, extent):
        assert r.top() >= room.top() - slack and r.bottom() <= room.bottom() + slack
        assert r.left() >= room.left() - slack and r.right() <= room.right() + slack


def test_without_the_pocket_cam_the_board_covers_no_more_of_the_infield(qapp, replay):
    plain, rect, extent, _ = _board(replay, (1920, 1080), False, pocket=False)
    big, rect_p, extent_p, _ = _board(replay, (1920, 1080), True, pocket=False)
    for line in GROWN:
        assert big[line] >= 1.15 * plain[line], line
    assert all(big[line] > plain[line] for line in ("title", "subtitle", "lap", "detail"))
    assert rect_p.height() <= rect.height() + 0.5
    assert extent_p.height() <= extent.height() + 0.5
    assert rect_p.width() <= 1.4 * rect.width()


def test_a_720p_presentation_export_draws_the_distance_line_legibly(qapp, replay):
    """At 1280x720 (the layout drawn at 2/3), the distance line was 10.7 px high as drawn,
    the subtitle 9.2 px."""
    big = _board(replay, (1280, 720), True)[0]
    drawn = 1280 / layout_size((1280, 720))[0]
    assert big["distance"] * drawn >= 13.0
    assert big["subtitle"] * drawn >= 11.0
