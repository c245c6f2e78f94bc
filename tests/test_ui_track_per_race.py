"""What the track works out once per race (rows watched at the finish, which trail points
join) follows a switch of race or of whom it follows."""

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


def _trails_apart(view: TrackView) -> int:
    """How many separate lines the other athletes' trails path holds."""
    path = view.trail_others.path()
    return sum(path.elementAt(k).isMoveTo() for k in range(path.elementCount()))


def test_the_others_trails_stay_one_line_each_after_a_switch_of_race(qapp):
    """Which trail point joins the next is worked out once per number of trails: a race
    with fewer athletes shown after another still draws each athlete's trail apart."""
    demo = load_replay(demo_path())
    wr = load_replay(demo_path().with_name("kipyegon-wr-2023.json"))
    view = TrackView(demo, DARK)
    try:
        for replay in (demo, wr, demo):
            view.set_replay(replay)
            view.update_frame(60.0)
            others = [
                i for i in range(replay.n) if i != replay.focus and replay.roles[i] != "ghost"
            ]
            assert _trails_apart(view) == len(others) > 0
    finally:
        view.close()
        view.deleteLater()
