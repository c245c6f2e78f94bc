"""Each frame of an exported clip lists the dropouts a still at that time lists.

A 720p presentation clip and a portrait one listed the newest dropout over "+ N more" until
a pacer stepped off during the clip, then no row at all, only "+ 7 more", to the clip's end:
the "+ N more" line had kept the height of the first font it was measured in, a pixel short,
so the feed was fitted a pixel too low for a row and that line once it said something.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from racegui.export.scene_source import SceneFrameSource
from racegui.model.analysis import dropouts
from racegui.ui.loading import load_replay
from racegui.ui.panel.dropout_feed import DropoutFeed
from racegui.ui.panel.style import PanelStyle
from racegui.ui.theme import DARK
from racegui.ui.ui_paths import demo_path

TIMES = (182.0, 183.5, 232.9, 233.4)
"""Race times (s) across two dropouts: Pacer 10 at 3:03.19 and Craig Engels at 3:53.11."""

LAYOUTS = [
    pytest.param((1280, 720), True, id="720p-presentation"),
    pytest.param((1080, 1920), False, id="portrait"),
    pytest.param((1920, 1080), True, id="1080p-presentation"),
    pytest.param((1280, 720), False, id="720p"),
]


@pytest.fixture(scope="module")
def replay():
    return load_replay(demo_path())


def feed_state(feed: DropoutFeed) -> tuple[int, list[str], str]:
    """Dropouts passed, the names listed in rows (newest first) and the "+ N more" line."""
    names = [row.dropout.name for row in feed.rows if not row.isHidden()]
    return feed.passed_count(), names, "" if feed.more.isHidden() else feed.more.text()


@pytest.mark.parametrize("size, presentation", LAYOUTS)
def test_each_frame_of_a_clip_lists_what_a_still_at_its_time_lists(
    qapp, replay, size, presentation
):
    clip = SceneFrameSource(replay, DARK, size, presentation=presentation)
    try:
        for t in TIMES:
            clip.frame_at(t)
            passed, names, more = feed_state(clip.scene.panel.pacers.feed)
            assert passed == sum(d.time_s <= t for d in dropouts(replay))
            assert names, (t, more)  # the newest at least, over "+ N more"
            # Presentation keeps no room for the line under its one row (the count and the
            # strip say how many): the chart has it.
            assert more == ("" if presentation else f"+ {passed - len(names)} more")
            still = SceneFrameSource(replay, DARK, size, presentation=presentation)
            try:
                still.frame_at(t)
                assert feed_state(still.scene.panel.pacers.feed) == (passed, names, more), t
            finally:
                still.close()
    finally:
        clip.close()


@pytest.mark.parametrize("size, presentation", LAYOUTS)
def test_each_frame_of_a_clip_draws_its_rows_and_more_line_whole(qapp, replay, size, presentation):
    """The feed is fitted for its newest row and the "+ N more" line under it (but in
    presentation: the row alone), at their height in the export's fonts (the line had hung
    a pixel past the feed's foot)."""
    clip = SceneFrameSource(replay, DARK, size, presentation=presentation)
    try:
        for t in TIMES:
            clip.frame_at(t)
            feed = clip.scene.panel.pacers.feed
            port = feed.viewport().rect()
            listed = [row for row in feed.rows if not row.isHidden()]
            assert listed and feed.more.isHidden() == presentation
            for widget in [*listed, *([] if presentation else [feed.more])]:
                assert port.contains(widget.geometry()), (t, widget.geometry(), port)
    finally:
        clip.close()


def test_the_more_line_is_measured_in_the_feed_s_current_font(qapp):
    """Restyled before it said anything, the "+ N more" line kept the height of its first
    font (Qt re-measures a QLabel for a new font only once it has had text): 19 px where
    the 720p presentation export's line is 20, which is what the feed was fitted with."""
    feed = DropoutFeed()
    for scale in (1.0, 1.3, 2.05):
        feed.apply_style(PanelStyle(DARK, scale))
        said = QLabel("+ 12 more")
        said.setFont(feed.more.font())
        said.setContentsMargins(feed.more.contentsMargins())
        assert feed.more.sizeHint().height() == said.sizeHint().height(), scale
