"""The finish line is kept clear of tags by whom the track follows now, after a switch."""

from PySide6.QtGui import QTransform

from racegui.ui.loading import load_replay
from racegui.ui.theme import DARK
from racegui.ui.track_labels import line_strips
from racegui.ui.track_view import TrackView
from racegui.ui.ui_paths import demo_path


def test_the_finish_lines_strip_follows_the_runner_followed_after_a_switch(qapp):
    """At 3:43.5 of the 1500 m example the winner has 38.5 m to go (the line is kept clear
    from 40 m), the second runner 51.8 m and the ghost 42.4 m. Following the second runner
    the line is not yet kept clear; switched to the winner (the rows watched are worked out
    once per race shown), it is."""
    replay = load_replay(demo_path().with_name("example-1500m.json"))
    view = TrackView(replay.following(1), DARK)
    try:
        view.update_frame(223.5)
        assert line_strips(view, QTransform()) == []
        view.set_replay(replay)
        view.update_frame(223.5)
        assert len(line_strips(view, QTransform())) == 1
        view.set_replay(replay.following(1))
        view.update_frame(223.5)
        assert line_strips(view, QTransform()) == []
    finally:
        view.close()
        view.deleteLater()
