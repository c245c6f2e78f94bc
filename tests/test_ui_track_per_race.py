"""What the track works out once per race (rows watched at the finish, which trail points
join) follows a switch of race or of whom it follows."""

from PySide6.QtGui import QTransform

from racegui.ui.loading import load_replay
from racegui.ui.theme import DARK
from racegui.ui.track_labels import line_strips
from racegui.ui.track_view import TrackView
from racegui.ui.ui_paths import demo_path
from tests.helpers_race import minimal_data, write_json


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


def _one_runner(tmp_path):
    """A club race of one runner, no target (as a one-runner splits CSV opens)."""
    data = minimal_data()
    del data["target"]
    data["athletes"] = data["athletes"][:1]
    return load_replay(write_json(tmp_path / "one.json", data))


def test_a_race_opened_after_another_starts_on_a_clean_track(qapp, tmp_path):
    """Opened at 1:30.29 of the demo, a one-runner race without a target showed at 0:00.00 a
    pale streak across lanes 1-2 of the top straight: the demo's others' trails, kept by the
    item a race with no other athletes never redraws (GUI review). Nothing of the demo's
    trails, light, gap arc or comparison ghost is left on the new race's track, trails shown
    or turned off and on again."""
    demo = load_replay(demo_path())
    wr = load_replay(demo_path().with_name("kipyegon-wr-2023.json"))
    one = _one_runner(tmp_path)
    for trails_off in (False, True):
        view = TrackView(demo, DARK)
        try:
            view.set_compare(wr)
            view.update_frame(90.29)
            assert view.trail_others.path().elementCount() > 0
            assert view.gap_arc.isVisible() and view.light_glow.isVisible()
            view.set_trails_visible(not trails_off)
            view.set_compare(None)  # the window drops a comparison of another distance
            view.set_replay(one)
            view.set_trails_visible(True)
            view.update_frame(4.0)
            assert view.trail_others.path().elementCount() == 0
            assert view.trail_others.device_rect(QTransform()) is None
            assert view.trail_runner.path().elementCount() > 0  # hers, from the new race
            drawn = [
                name
                for name in ("light_glow", "light_core", "light_head", "gap_arc", "compare_item")
                if getattr(view, name).isVisible()
            ]
            assert drawn == []
        finally:
            view.close()
            view.deleteLater()
