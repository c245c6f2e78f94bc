"""ReplayScene renders exact-size frames offscreen, for exports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from racegui.ui.app import ensure_app
from racegui.ui.loading import load_replay
from racegui.ui.scene import ReplayScene
from racegui.ui.theme import DARK, LIGHT
from racegui.ui.ui_paths import demo_path


def test_render_image_has_the_exact_size_and_the_runner(qapp):
    ensure_app()
    replay = load_replay(demo_path())
    scene = ReplayScene(replay, DARK)
    for size in ((1280, 720), (640, 360)):
        img = scene.render_image(150.0, size, panel=False)
        assert (img.width(), img.height()) == size
        f = replay.focus
        st = replay.state_at(150.0)
        pt = scene.track.mapTo(scene, scene.track.map_to_widget(st.x_m[f], st.y_m[f]).toPoint())
        got = img.pixelColor(pt)
        want = QColor(replay.athletes[f].colour)
        assert abs(got.red() - want.red()) < 30 and abs(got.blue() - want.blue()) < 30
    scene.close()


def test_theme_compare_and_toggles_do_not_break_rendering(qapp):
    ensure_app()
    replay = load_replay(demo_path())
    scene = ReplayScene(replay, DARK)
    scene.set_compare(load_replay(demo_path("kipyegon-wr-2023.json")))
    scene.set_theme(LIGHT)
    scene.set_scale(1.4, presentation=True)
    scene.track.set_trails_visible(False)
    scene.track.set_labels_visible(False)
    img = scene.render_image(200.0, (800, 450))
    assert not img.isNull()
    status = scene.track.status
    assert status.compare_gap is not None and status.lap_text == "Bell lap"
    assert img.pixelColor(2, 2) == QColor(LIGHT.background)
    scene.close()


def _panel_width_at(scene: ReplayScene, size: tuple[int, int]) -> int:
    if not scene.isVisible():
        scene.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        scene.show()
    scene.resize(*size)
    scene.layout().activate()
    return scene.panel.width()


def test_the_panel_narrows_again_when_the_window_does(qapp):
    """A window made smaller (or taken off presentation scale) gives the track its room back:
    the panel is as wide as in a scene that started at that size."""
    ensure_app()
    replay = load_replay(demo_path())
    fresh = ReplayScene(replay, DARK)
    want = _panel_width_at(fresh, (1000, 700))
    fresh.close()
    scene = ReplayScene(replay, DARK)
    wide = _panel_width_at(scene, (1920, 1080))
    assert want < wide
    assert _panel_width_at(scene, (1000, 700)) == want
    scene.set_scale(1.4, presentation=True)
    assert _panel_width_at(scene, (1920, 1080)) > wide
    scene.set_scale(1.0)
    assert _panel_width_at(scene, (1920, 1080)) == wide
    assert _panel_width_at(scene, (1000, 700)) == want
    scene.close()


def test_the_gap_tag_drops_its_metres_once_the_light_waits_at_the_line(qapp):
    """The tag sits on the arc from her to the light; once the light has finished, the arc is
    only what she has left to run, so the tag gives the time gap alone."""
    ensure_app()
    replay = load_replay(demo_path())
    scene = ReplayScene(replay, DARK)
    target_finish = float(replay.finish_time_s[replay.target])
    scene.update_frame(target_finish - 2.0)
    gap = scene.track.status.target_gap
    assert (
        gap.text().endswith(" m")
        and gap.metres == replay.state_at(target_finish - 2).gap_to_target_m
    )
    scene.update_frame(target_finish + 3.0)
    gap = scene.track.status.target_gap
    want = replay.state_at(target_finish + 3.0).gap_to_target_s
    assert gap.metres is None and gap.text() == f"{want:+.2f} s"
    scene.close()


def test_the_splits_table_keeps_the_current_row_in_view(qapp):
    """Switching to the 200 m tab or to presentation scale scrolls to the split being run,
    not just when a new split is reached."""
    from racegui.ui.panel.splits_table import LAPS, SPLITS

    ensure_app()
    scene = ReplayScene(load_replay(demo_path()), DARK)
    _panel_width_at(scene, (1920, 1080))
    table = scene.panel.splits

    def current_row_shown() -> bool:
        QApplication.processEvents()
        view = table.view
        index = view.model().index(view.model().current_row(), 0)
        return view.viewport().rect().contains(view.visualRect(index))

    scene.update_frame(190.0)
    table.set_mode(SPLITS)
    assert current_row_shown()
    scene.set_scale(1.4, presentation=True)  # three rows at presentation scale
    assert current_row_shown()
    table.set_mode(LAPS)
    table.set_mode(SPLITS)
    assert current_row_shown()
    scene.close()


def test_a_window_too_narrow_for_both_shows_the_track_alone(qapp):
    """Below the track's minimum beside the panel's, the panel steps aside (the scoreboard and
    the pocket cam would crowd each other) and comes back, up to date, when there is room."""
    from racegui.ui.scene import TRACK_MIN_WIDTH_PX

    ensure_app()
    scene = ReplayScene(load_replay(demo_path()), DARK)
    both = TRACK_MIN_WIDTH_PX + scene.panel.column_min_width() + 40
    _panel_width_at(scene, (both, 700))
    assert not scene.panel.isHidden() and scene.track.width() >= TRACK_MIN_WIDTH_PX
    _panel_width_at(scene, (640, 480))
    assert scene.panel.isHidden() and scene.track.width() == 640
    assert scene.panel_visible()  # still wanted: the View menu is unchanged
    scene.update_frame(200.0)
    _panel_width_at(scene, (both, 700))
    assert not scene.panel.isHidden()
    # Rows: Start, laps 1 to 4; at 200 s she runs lap 4 (the hidden panel was not updated).
    assert scene.panel.splits.laps_model.current_row() == 4
    scene.close()


@pytest.mark.parametrize(
    ("size", "stacked"),
    [
        ((1080, 1080), True),
        ((1200, 1100), True),
        ((900, 900), False),  # the two columns below would be cut off: beside, as before
        ((1920, 1080), False),
        ((1280, 1024), False),
    ],
)
def test_a_square_scene_puts_the_panel_below_the_track(qapp, size, stacked):
    """Beside a square's track the panel left it a third of the height, with empty bands
    above and below and 8 px infield text; below it the track is drawn about 1.5 times
    bigger. Landscape windows, 5:4 included, keep the panel beside the track, and so does a
    square too small for the panel's two columns below it."""
    ensure_app()
    scene = ReplayScene(load_replay(demo_path()), DARK)
    _panel_width_at(scene, size)
    track, panel = scene.track.geometry(), scene.panel.geometry()
    assert not scene.panel.isHidden()
    if stacked:
        assert track.width() == size[0] and panel.top() >= track.bottom()
        assert scene.panel.width() == size[0]
    else:
        assert track.height() == size[1] and panel.left() >= track.right()
    scene.close()


def test_the_board_says_whose_figures_it_shows_in_a_race_of_several_runners(qapp, tmp_path):
    """A clip without the panel said 'Target -3.93 s' of whoever was followed, told only by
    the clock's accent colour (coach's review): with several runners the distance line starts
    with her name; with one runner (the demo) it is as it was."""
    from racegui.io.replay_file import read_replay
    from tests.helpers_race import club_dnf_data, write_json

    ensure_app()
    club = read_replay(write_json(tmp_path / "club.json", club_dnf_data()))
    for replay, starts in ((club, "Cole  ·  "), (club.following("zoe-hart"), "Hart  ·  ")):
        scene = ReplayScene(replay, DARK)
        scene.render_image(300.0, (1280, 720), panel=False)
        assert scene.track.status.distance_text.startswith(starts + "1,")
        assert scene.track.status.distance_text.endswith(" m to go")
        scene.close()
    scene = ReplayScene(load_replay(demo_path()), DARK)
    scene.render_image(120.0, (1280, 720), panel=False)
    assert scene.track.status.distance_text == "795 m run  ·  814 m to go"
    scene.close()
