"""A tight scoreboard gives up lines, least needed first, so that its clock stays readable,
and every line it draws fits its column. A 540x960 video's board beside the pocket cam had
every line at the 10 px least type size and its clock 16 px; a 640x360 one's "Runner
Number 01  ·  376 m run  ·  4,624 m to go" ran past the board into the pocket cam."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402

from racegui.export.layout import layout_size  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.ui.board_text import whose_forms  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.overlay import BroadcastOverlay  # noqa: E402
from racegui.ui.race_status import RaceStatus, race_status  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402


@pytest.fixture(scope="module")
def demo():
    return load_replay(demo_path())


def _frame(replay, size, t, **kw):
    """(the track view after drawing the frame at t (s), drawn px per laid-out px)."""
    src = SceneFrameSource(replay, DARK, size, **kw)
    src.frame_at(t)
    return src, size[0] / layout_size(size)[0]


@pytest.mark.parametrize("size", [(540, 960), (1080, 1920)])
def test_a_phone_s_board_leaves_the_title_to_the_panel_and_draws_its_clock_bigger(qapp, demo, size):
    """A 1080x1920 video's lines are as big as a 540x960 one's since its track's text is
    (layout.track_text_floor): it had kept its title and venue line at 14 and 11 px."""
    src, k = _frame(demo, size, 181.84)
    try:
        track = src.scene.track
        o = track.overlay
        assert o.board_type_px["clock"] * k >= 22  # 16.5 px before
        assert o.board_lines["title"] == "" and o.board_lines["subtitle"] == ""
        assert o.board_lines["lap"] == "LAP 3 OF 4" and o.board_lines["detail"]
        assert o.board_lines["distance"] == "1,200 m run  ·  409 m to go"
        assert o.board_lines["gaps"] == "Sub-4 pacing light"
        assert o.board_extent.right() < track.pocket_rect().left()
    finally:
        src.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720), (1080, 1350)])
def test_a_board_with_room_keeps_every_line(qapp, demo, size):
    src, _ = _frame(demo, size, 181.84)
    try:
        lines = src.scene.track.overlay.board_lines
        assert lines["title"] == "BREAKING4: FAITH KIPYEGON'S MILE" and lines["subtitle"]
        assert lines["distance"] and lines["gaps"]
    finally:
        src.close()


def _board(status: RaceStatus, area: QRectF, panel_gap: bool, title: str = "Breaking4"):
    """The overlay after drawing a board in area (px) with 20 px least type."""
    o = BroadcastOverlay(DARK)
    o.min_text_px = 20.0
    o.gap_shown_elsewhere = panel_gap
    image = QImage(1200, 800, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    try:
        o.paint_scoreboard(p, area, status, title, "Paris", area)
    finally:
        p.end()
    return o


@pytest.mark.parametrize("panel_gap", [False, True])
def test_the_gap_line_gives_way_before_the_distance_only_where_the_panel_shows_it(
    qapp, demo, panel_gap
):
    status = race_status(demo, demo.state_at(181.84))
    area = QRectF(100, 100, 320, 120)
    o = _board(status, area, panel_gap)
    lines = o.board_lines
    assert lines["title"] == "" and lines["lap"] == "LAP 3 OF 4"
    if panel_gap:
        assert lines["gaps"] == "" and lines["distance"] == "1,200 m run  ·  409 m to go"
    else:
        assert lines["gaps"] == "Sub-4 pacing light" and lines["distance"] == ""
    assert o.board_extent.height() <= area.height() + 0.5
    roomy = _board(status, QRectF(100, 100, 320, 160), panel_gap).board_lines
    assert roomy["gaps"] and roomy["distance"] and roomy["title"] == ""


def test_a_distance_line_too_wide_takes_a_shorter_form_then_is_cut(qapp, demo):
    status = race_status(demo, demo.state_at(181.84))
    forms = whose_forms(("Runner Number 01", "R01"), (status.distance_text, "409 m to go"))
    wide = RaceStatus(status.clock, "Lap 3 of 4", "", forms[0], False, None, None, forms[1:])
    for width, drawn in ((520, forms[0]), (330, "R01  ·  409 m to go"), (90, "409 m…")):
        area = QRectF(100, 100, width, 400)
        o = _board(wide, area, False)
        assert o.board_lines["distance"].startswith(drawn.rstrip("…"))
        assert o.board_lines["distance"].endswith("…") == drawn.endswith("…")
        assert area.left() <= o.board_extent.left() and o.board_extent.right() <= area.right()


def test_a_lap_detail_too_wide_for_the_board_is_left_out(qapp, demo):
    status = race_status(demo, demo.state_at(181.84))
    long = RaceStatus(
        status.clock, "Lap 3 of 4", "2 laps to go, the bell at 3:02", "1,200 m", False, None, None
    )
    o = _board(long, QRectF(100, 100, 300, 400), False)
    assert o.board_lines["lap"] == "LAP 3 OF 4" and o.board_lines["detail"] == ""
    assert _board(long, QRectF(100, 100, 700, 400), False).board_lines["detail"]


def test_the_distance_line_s_forms_keep_her_name_longest():
    forms = whose_forms(
        ("Runner Number 01", "R01"), ("376 m run  ·  4,624 m to go", "4,624 m to go")
    )
    assert forms == (
        "Runner Number 01  ·  376 m run  ·  4,624 m to go",
        "R01  ·  376 m run  ·  4,624 m to go",
        "Runner Number 01  ·  4,624 m to go",
        "R01  ·  4,624 m to go",
        "376 m run  ·  4,624 m to go",
        "4,624 m to go",
    )
    assert whose_forms(("Cole",), ("1,600 m",)) == ("Cole  ·  1,600 m", "1,600 m")


def test_the_race_status_offers_what_is_left_to_run_as_its_short_distance(demo):
    status = race_status(demo, demo.state_at(181.84))
    assert status.distance_forms == ("409 m to go",)
    assert race_status(demo, demo.state_at(300.0)).distance_forms == ()  # finished


def _numbered_race(tmp_path):
    """A 5000 m of three runners named "Runner Number 01".. (CSV splits every 400 m)."""
    rows = ["athlete,distance_m,time"]
    for i in range(3):
        for j, metres in enumerate([200, *range(600, 5001, 400)]):
            rows.append(f"Runner Number 0{i + 1},{metres},{31.8 + 64.0 * j + 0.4 * i:.2f}")
    path = tmp_path / "fifty.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return load_replay(path)


def test_a_long_name_s_distance_line_stays_on_its_board_in_a_small_video(qapp, tmp_path):
    src, _ = _frame(_numbered_race(tmp_path), (640, 360), 60.0, panel=False)
    try:
        track = src.scene.track
        area = track._graphics_layout(track.data_to_scene())[0]
        extent = track.overlay.board_extent
        assert area.left() <= extent.left() and extent.right() <= area.right()
        assert extent.right() < track.pocket_rect().left()
        assert track.overlay.board_lines["distance"].startswith("R01  ·  ")
    finally:
        src.close()


def test_the_board_knows_whether_the_panel_shows_the_gap(qapp, demo):
    for panel in (True, False):
        src, _ = _frame(demo, (540, 960), 181.84, panel=panel)
        try:
            assert src.scene.track.overlay.gap_shown_elsewhere is panel
        finally:
            src.close()


def test_a_boosted_distance_line_takes_a_form_that_fits_in_the_type_it_is_drawn_in(qapp, tmp_path):
    """R9: a 1080x1080 presentation export of a 12-runner 5000 m cut its distance line,
    "Chebet · 2,123 m run · 2,877 m t…", where a shorter form fitted: the forms were measured
    shrunk below the least type size the line is drawn in."""
    rows = ["Athlete,1000,2000,3000,4000,5000"]
    for i in range(12):
        times = [(168.95 + 0.8 * i) * k for k in range(1, 6)]
        rows.append(
            f"Beatrice Chebet{i:02d}," + ",".join(f"{t // 60:.0f}:{t % 60:05.2f}" for t in times)
        )
    path = tmp_path / "w5000.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    src, _ = _frame(load_replay(path), (1080, 1080), 360.0, presentation=True)
    try:
        distance = src.scene.track.overlay.board_lines["distance"]
        assert distance and not distance.endswith("…")
        assert distance.endswith("to go")
    finally:
        src.close()
