"""The pocket cam: a zoomed inset that follows the runner, exact to the model."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from racegui.ui.app import ensure_app, render_window
from racegui.ui.loading import load_replay
from racegui.ui.main_window import MainWindow
from racegui.ui.markers import DROPPED_ALPHA
from racegui.ui.pocket_cam import tag_name
from racegui.ui.pocket_tags import pack_row
from racegui.ui.scene import ReplayScene
from racegui.ui.theme import DARK, LIGHT
from racegui.ui.ui_paths import demo_path
from tests.helpers_tags import spy_pocket_tags

T_STRAIGHT = 110.0
"""Kipyegon is on the home straight (lap position ~320 m), every pacer still in formation."""
T_AFTER_REEKIE = 120.5
"""2.6 s after Reekie's dropout at 780 m (117.9 s): she has eased out to lane 3.5."""


@pytest.fixture
def scene(qapp):
    ensure_app()
    s = ReplayScene(load_replay(demo_path()), DARK, panel=False)
    yield s
    s.close()


def near(a: QPointF, b: QPointF, tol: float = 1.0) -> bool:
    return abs(a.x() - b.x()) <= tol and abs(a.y() - b.y()) <= tol


def colour_close(got: QColor, want: QColor, tol: int = 40) -> bool:
    return all(
        abs(g - w) < tol
        for g, w in zip(
            (got.red(), got.green(), got.blue()),
            (want.red(), want.green(), want.blue()),
            strict=True,
        )
    )


def test_runner_is_at_the_centre_and_fisher_1_2_m_ahead(scene):
    replay = scene.replay
    img = scene.render_image(T_STRAIGHT, (1920, 1080))
    cam = scene.track.pocket
    rect = cam.rect
    assert rect is not None and rect.width() > 300
    f = replay.focus
    runner, alpha = cam.marker(f)
    assert near(runner, rect.center()) and alpha == 255
    fisher, alpha = cam.marker(replay.index("fisher"))
    ppm = cam.px_per_m
    assert fisher.x() - runner.x() == pytest.approx(1.2 * ppm, abs=1.0)
    assert fisher.y() == pytest.approx(runner.y(), abs=1.0)
    assert alpha == 255
    # What is drawn is where the camera puts the model positions.
    assert colour_close(img.pixelColor(runner.toPoint()), QColor(replay.athletes[f].colour))
    assert colour_close(img.pixelColor(fisher.toPoint()), QColor("#5aa9ff"))
    # The lane lines go through the same transform: the kerb is 0.30 m inside her.
    kerb = cam.geometry.lines[0][1]
    kx, ky = cam.map(kerb[:, 0], kerb[:, 1])
    mid = np.argmin(np.abs(kx - runner.x()))
    assert ky[mid] == pytest.approx(runner.y() - 0.30 * ppm, abs=0.5)


def test_zoom_is_several_times_the_main_view_and_covers_lanes_1_to_5(scene):
    scene.render_image(T_STRAIGHT, (1920, 1080))
    cam = scene.track.pocket
    main_ppm = scene.track._px_per_m
    assert cam.px_per_m > 2.0 * main_ppm
    half_h_m = cam.rect.height() / 2 / cam.px_per_m
    track = scene.replay.track
    assert half_h_m > track.lane_offset_m(5.5)  # outer line of lane 5 is in view
    assert 25.0 <= cam.rect.width() / cam.px_per_m <= 40.0


def test_dropped_pacer_is_faded_and_further_out(scene):
    replay = scene.replay
    i = replay.index("reekie")
    scene.render_image(T_STRAIGHT, (1920, 1080))
    before, alpha = scene.track.pocket.marker(i)
    runner, _ = scene.track.pocket.marker(replay.focus)
    ppm = scene.track.pocket.px_per_m
    assert alpha == 255 and before.y() == pytest.approx(runner.y(), abs=1.0)
    assert before.x() - runner.x() == pytest.approx(-1.3 * ppm, abs=1.0)
    img = scene.render_image(T_AFTER_REEKIE, (1920, 1080))
    after, alpha = scene.track.pocket.marker(i)
    runner, _ = scene.track.pocket.marker(replay.focus)
    assert alpha == DROPPED_ALPHA < 255
    out = after.y() - runner.y()
    assert out == pytest.approx(replay.track.lane_offset_m(3.5) * ppm, abs=1.0)
    assert after.x() < runner.x()  # drifting back
    full = QColor(replay.athletes[i].colour)
    assert not colour_close(img.pixelColor(after.toPoint()), full, tol=25)


def test_inset_covers_neither_the_runner_nor_the_scoreboard(qapp):
    ensure_app()
    replay = load_replay(demo_path())
    for theme, panel, size, scale in (
        (DARK, True, (1920, 1080), 1.0),
        (LIGHT, True, (1600, 900), 1.0),
        (DARK, False, (1920, 1080), 1.4),
    ):
        scene = ReplayScene(replay, theme, panel=panel)
        scene.set_scale(scale, presentation=scale > 1.0)
        for t in (30.0, 118.0, 183.5, 240.0):
            scene.render_image(t, size)
            track = scene.track
            rect = track.pocket.rect
            st = track.state
            f = replay.focus
            pt = track.map_to_widget(st.x_m[f], st.y_m[f])
            assert not rect.adjusted(-10, -10, 10, 10).contains(pt)
            assert not rect.intersects(track.scoreboard_rect)
            assert track.viewport().rect().contains(rect.toRect())
        scene.close()


def test_c_key_and_view_menu_toggle_it_and_it_hides_cleanly(qtbot, window, settings):
    win = window
    action = win.actions["pocket"]
    assert action in win.menus["view"].actions() and action.isChecked()
    track = win.scene.track
    img = render_window(win, T_STRAIGHT, (1600, 900))
    rect = track.pocket_rect()
    assert rect is not None
    centre = track.mapTo(win, rect.center().toPoint())
    runner_colour = QColor(win.replay.athletes[win.replay.focus].colour)
    assert colour_close(img.pixelColor(centre), runner_colour)
    board_with_cam = rect_key(track.scoreboard_rect)

    qtbot.keyClick(win, Qt.Key.Key_C)
    assert not action.isChecked() and not track.pocket.visible
    assert settings.pocket_cam is False and track.pocket_rect() is None
    img = render_window(win, T_STRAIGHT, (1600, 900))
    assert colour_close(img.pixelColor(centre), QColor(DARK.infield), tol=30)
    assert rect_key(track.scoreboard_rect) != board_with_cam  # the board takes the infield back

    qtbot.keyClick(win, Qt.Key.Key_C)
    assert action.isChecked() and track.pocket.visible and settings.pocket_cam is True
    action.trigger()  # the View menu item
    assert not track.pocket.visible
    win.close()

    again = MainWindow(load_replay(demo_path()), settings, theme="dark")
    qtbot.addWidget(again)
    assert not again.actions["pocket"].isChecked() and not again.scene.track.pocket.visible
    again.close()


def rect_key(rect) -> tuple[int, int, int, int]:
    return (round(rect.left()), round(rect.top()), round(rect.width()), round(rect.height()))


def test_tag_names():
    assert tag_name("Grant Fisher") == "Fisher"
    assert tag_name("Pacer 10") == "P10"
    assert tag_name("Georgia Hunter Bell") == "Hunter Bell"
    assert tag_name("Kipyegon") == "Kipyegon"


def test_pack_row_keeps_order_without_overlap_inside_the_span():
    want = [100.0, 105.0, 110.0, 300.0]
    widths = [40.0, 40.0, 40.0, 40.0]
    left = pack_row(want, widths, 0.0, 320.0, 4.0)
    assert left is not None
    for a, b, w in zip(left, left[1:], widths, strict=False):
        assert b >= a + w + 4.0 - 1e-9
    assert left[0] >= 0.0 and left[-1] + widths[-1] <= 320.0
    assert sum(left[:3]) / 3 + 20.0 == pytest.approx(105.0)  # the cluster stays centred
    assert pack_row(want, widths, 0.0, 100.0, 4.0) is None


class _PenWidths:
    """Passes calls to a real painter; records the pen width of each drawLine."""

    def __init__(self, painter) -> None:
        self._painter = painter
        self.line_widths: list[float] = []

    def __getattr__(self, name: str):
        method = getattr(self._painter, name)
        if name != "drawLine":
            return method

        def draw_line(*args):
            self.line_widths.append(self._painter.pen().widthF())
            return method(*args)

        return draw_line


def test_finish_and_start_lines_scale_with_a_720p_export(scene):
    # In a 720p export, laid out at 1080p and drawn at 2/3, the finish line kept its 2.5 px
    # (1.5x too thick beside everything else); hairlines stay 1 px.
    from PySide6.QtGui import QImage, QPainter

    t = 61.6  # Kipyegon crosses the line after lap 1: the finish line is in the inset
    scene.render_image(t, (1920, 1080))
    cam = scene.track.pocket
    state = scene.replay.state_at(t)
    widths = {}
    for scale in (1.0, 2.0 / 3.0):
        image = QImage(1920, 1080, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        painter.scale(scale, scale)
        recorder = _PenWidths(painter)
        cam.paint(recorder, state)
        painter.end()
        widths[scale] = recorder.line_widths
    wide = [w for w in widths[1.0] if w > 1.0]
    assert wide, "the finish line was drawn"
    assert [w for w in widths[2.0 / 3.0] if w > 1.0] == pytest.approx(
        [max(w * 2 / 3, 1.0) for w in wide]
    )


def test_the_pocket_cam_calls_only_a_pacing_light_a_light():
    """The world record's "Previous world record 4:12.33" ghost was tagged "light"."""
    from racegui.ui.pocket_paint import target_words

    assert target_words("Sub-4 pacing light", 18) == ("Sub-4 pacing light", "light")
    assert target_words("Previous world record 4:12.33", 18) == ("target",)
    assert target_words("3:50 even pace", 18) == ("3:50 even pace", "target")
    assert target_words("Target", 18) == ("Target", "target")


@pytest.fixture
def tag_texts(monkeypatch) -> list[list[str]]:
    """The words of the inset's tags, one list per frame drawn (a spy on TagPainter.layout)."""
    return spy_pocket_tags(monkeypatch)


def test_the_pocket_cam_names_the_target_as_its_track_tag_does(qapp, tag_texts):
    """The example 1500's "3:50 even pace" was tagged "target" in the inset, while its track
    tag said "3:50 even pace"."""
    from racegui.resources_path import demo_race_path

    named = tag_texts
    ensure_app()
    replay = load_replay(demo_race_path("example-1500m.json"))
    s = ReplayScene(replay, DARK, panel=False)
    try:
        s.render_image(185.0, (1920, 1080))  # the target 1 m ahead of Runner A, in view
    finally:
        s.close()
    assert replay.athletes[replay.target].name == "3:50 even pace"
    assert "3:50 even pace" in named[-1] and "target" not in named[-1]


def test_the_off_view_chip_has_the_targets_name_only_where_it_fits(qapp):
    """A chip with the name is kept to CHIP_MOST of the inset's width; wider, it has the
    short word (a "Sub-4 pacing light +18.9 m ahead" chip pushed the runner's tag aside)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from racegui.ui.pocket_paint import CHIP_MOST, PocketStyle, paint_light_chip

    ensure_app()
    style = PocketStyle(DARK)
    image = QImage(2400, 300, QImage.Format.Format_RGB32)
    p = QPainter(image)
    green = QColor("#39ff6a")
    words = ("Sub-4 pacing light", "light")
    for width in (2400.0, 570.0):
        rect = QRectF(0.0, 0.0, width, 270.0)
        style.size_for(rect, 15.6, 1.0)
        named = paint_light_chip(p, rect, style, 18.9, 100.0, green, words)
        short = paint_light_chip(p, rect, style, 18.9, 100.0, green, words[1:])
        if width > 2000.0:
            assert named.width() > short.width() + 50.0  # room: the name
        else:
            assert named.width() == short.width() <= CHIP_MOST * width  # no room: "light"
    p.end()


def test_stepped_off_pacers_are_named_only_briefly(scene, tag_texts):
    """Teare (out at 4:01.48) and Fisher (4:03.13) were still named in the inset as she
    finished at 4:06.42, their faded tags beside hers (review): as on the track, a stepped-off
    pacer's tag goes DROPPED_LABEL_S after his dropout."""
    named = tag_texts
    scene.render_image(243.3, (1920, 1080))  # Fisher just out, Teare 1.8 s out
    assert "Fisher" in named[-1] and "Teare" in named[-1]
    scene.render_image(246.4, (1920, 1080))
    assert "Fisher" not in named[-1] and "Teare" not in named[-1]


def test_a_runner_lanes_out_in_her_pack_keeps_her_tag(qapp, monkeypatch):
    """The inset's first tag row sat just above the kerb: with the followed runner 5.6 m out
    at the start of a field of eight (model.pack_lanes), the row was above the inset and no
    tag was drawn at all, hers included (review of a club 1500)."""
    from racegui.io.race_file import race_from_data
    from racegui.model.replay import compile_race
    from tests.helpers_race import mile_runners_data

    data = mile_runners_data(*[("65.00", "2:10.00", "3:15.00", "4:22.00")] * 8)
    replay = compile_race(race_from_data(data), focus="r7")
    assert replay.state_at(0.5).lateral_m[replay.focus] > 5.0  # the outermost at the start
    from racegui.ui.pocket_tags import TagPainter

    placed: list[list[str]] = []
    layout = TagPainter.layout

    def spy(self, *args, **kwargs):
        out = layout(self, *args, **kwargs)
        placed.append([tag.text for tag, _rect in out])
        return out

    monkeypatch.setattr(TagPainter, "layout", spy)
    ensure_app()
    s = ReplayScene(replay, DARK, panel=False)
    try:
        s.render_image(0.5, (1920, 1080))
    finally:
        s.close()
    assert tag_name(replay.athletes[replay.focus].name) in placed[-1]


def test_the_compared_runner_is_named_in_the_pocket_cam(qapp, tag_texts):
    """Her 2023 run was an unnamed hollow ring in the inset at the finish (presenter's
    review): it is tagged as on the track, "Kipyegon 2023", while in view, and not when out
    of it or with no comparison."""
    from racegui.resources_path import demo_race_path

    named = tag_texts
    ensure_app()
    replay = load_replay(demo_race_path())
    wr = load_replay(demo_race_path("kipyegon-wr-2023.json"))
    s = ReplayScene(replay, DARK, panel=False)
    try:
        s.set_compare(wr)
        s.render_image(246.42, (1920, 1080))  # 1.22 s (about 8 m) behind her: in view
        assert "Kipyegon 2023" in named[-1] and "Kipyegon" in named[-1]
        s.render_image(185.0, (1920, 1080))  # 4.8 s (about 30 m) behind: out of view
        assert "Kipyegon 2023" not in named[-1]
        s.set_compare(None)
        s.render_image(246.42, (1920, 1080))
        assert "Kipyegon 2023" not in named[-1]
    finally:
        s.close()
