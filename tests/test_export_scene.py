"""Exports draw the replay window's own scene at exact race times, headless."""

import errno
import os

import av
import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPointF

from racegui.cli import main
from racegui.export.frames import to_rgb
from racegui.export.options import ExportOptions, ExportOptionsError, parse_size
from racegui.export.pipeline import ExportCancelled, export
from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.theme import DARK
from tests.helpers_export import fill_disk_under_mp4

DEMO = str(demo_race_path())
RUNNER_RGB = np.array([0xFF, 0x2D, 0x6F])


@pytest.fixture(scope="module")
def replay():
    return compile_race(read_race(demo_race_path()))


def runner_pixel(source: SceneFrameSource, t: float) -> tuple[int, int]:
    """Where the model puts the runner at time t, in the exported frame's pixels."""
    replay = source.scene.replay
    state = replay.state_at(t)
    i = replay.focus
    track = source.scene.track
    p = track.mapTo(source.scene, track.map_to_widget(state.x_m[i], state.y_m[i]))
    sx = source.size[0] / source.scene.width()
    sy = source.size[1] / source.scene.height()
    return int(round(p.x() * sx)), int(round(p.y() * sy))


def near(rgb, target, tol) -> bool:
    return bool(np.all(np.abs(np.asarray(rgb, dtype=int) - target) <= tol))


@pytest.mark.parametrize("size", [(1280, 720), (720, 1280)], ids=["landscape", "portrait"])
@pytest.mark.parametrize("t", [30.0, 181.84])
def test_frame_shows_the_runner_where_the_model_puts_her(qapp, replay, t, size):
    source = SceneFrameSource(replay, DARK, size, panel=True)
    try:
        frame = to_rgb(source.frame_at(t))
        assert frame.shape == (size[1], size[0], 3) and frame.dtype == np.uint8
        x, y = runner_pixel(source, t)
        assert near(frame[y, x], RUNNER_RGB, 40), frame[y, x]
        # A few metres away along the track is not her colour (so the check can fail).
        assert not near(frame[y - 40, x], RUNNER_RGB, 40)
    finally:
        source.close()


def test_cards_have_the_export_size(qapp, replay):
    source = SceneFrameSource(replay, DARK, (1080, 1080), panel=False)
    try:
        for kind in ("title", "end"):
            card = source.card_frame(kind)
            assert card.shape == (1080, 1080, 3)
            assert card.std() > 5  # text was drawn, not a blank image
    finally:
        source.close()


def test_cli_mp4_frame_count_duration_and_content(tmp_path, capsys, replay):
    out = tmp_path / "clip.mp4"
    code = main(
        [
            "export",
            DEMO,
            "-o",
            str(out),
            "--size",
            "640x360",
            "--fps",
            "10",
            "--from",
            "100",
            "--to",
            "110",
            "--quiet",
        ]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Wrote" in err and "101 frames" in err
    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        frames = list(container.decode(stream))
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
        assert (stream.width, stream.height) == (640, 360)
        duration = float(container.duration) / av.time_base
    assert len(frames) == 101
    assert duration == pytest.approx(101 / 10, abs=0.1)
    # Frame 50 shows race time 105 s: the runner is where the model says.
    from PySide6.QtWidgets import QApplication

    assert QApplication.instance() is not None
    source = SceneFrameSource(replay, DARK, (640, 360))
    try:
        source.frame_at(105.0)
        x, y = runner_pixel(source, 105.0)
    finally:
        source.close()
    image = frames[50].to_ndarray(format="rgb24")
    patch = image[y - 1 : y + 2, x - 1 : x + 2].reshape(-1, 3)
    assert any(near(px, RUNNER_RGB, 60) for px in patch), patch


def test_cli_gif_timing(tmp_path, capsys):
    out = tmp_path / "clip.gif"
    code = main(
        [
            "export",
            DEMO,
            "-o",
            str(out),
            "--size",
            "320x180",
            "--fps",
            "10",
            "--from",
            "0",
            "--to",
            "3",
            "--no-panel",
            "--theme",
            "light",
            "-q",
        ]
    )
    assert code == 0, capsys.readouterr().err
    with Image.open(out) as gif:
        durations = []
        for k in range(gif.n_frames):
            gif.seek(k)
            durations.append(gif.info["duration"])
        assert gif.n_frames == 31
        assert gif.info.get("loop") == 0
    assert sum(durations) == pytest.approx(3100, abs=10 * len(durations))


def test_cli_png_still_and_cards(tmp_path, capsys):
    out = tmp_path / "still.png"
    assert main(["export", DEMO, "-o", str(out), "--from", "3:01.84", "--size", "square"]) == 0
    with Image.open(out) as img:
        assert img.size == (1080, 1080)


@pytest.mark.parametrize(
    "argv",
    [
        ["-o", "x.avi"],
        ["-o", "x.mp4", "--size", "641x360"],
        ["-o", "x.mp4", "--fps", "0"],
        ["-o", "x.mp4", "--speed", "-1"],
        ["-o", "x.mp4", "--from", "10", "--to", "5"],
        ["-o", "x.mp4", "--to", "99:00"],
        ["-o", "x.mp4", "--size", "huge"],
        ["-o", "/no/such/dir/x.mp4"],
        ["-o", "x.mp4", "--theme", "neon"],
        ["-o", "x.png", "--from", "10", "--to", "20"],
    ],
)
def test_cli_bad_arguments(tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    code = main(["export", DEMO, *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_cli_bad_race_file(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code = main(["export", str(bad), "-o", str(tmp_path / "x.mp4")])
    err = capsys.readouterr().err
    assert code == 2 and str(bad) in err and err.count("\n") == 1
    assert not (tmp_path / "x.mp4").exists()


@pytest.mark.parametrize("name", ["x.mp4", "x.gif", "x.png", "x_%03d.png"])
def test_cli_a_full_disk_gives_one_line_and_keeps_the_old_file(tmp_path, capsys, monkeypatch, name):
    fill_disk_under_mp4(monkeypatch)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Image.Image, "save", full)
    old = tmp_path / name
    old.write_bytes(b"the old file")
    span = [] if name == "x.png" else ["--to", "0:01", "--fps", "5"]  # a still: one time
    argv = ["export", DEMO, "-o", str(old), *span, "--size", "320x180"]
    code = main([*argv, "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{old}: No space left on device" in err
    assert old.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_cancel_keeps_the_old_file_and_leaves_no_temporary(qapp, tmp_path, replay):
    out = tmp_path / "clip.mp4"
    out.write_bytes(b"the old video")
    source = SceneFrameSource(replay, DARK, (320, 180))
    options = ExportOptions(output=out, size=(320, 180), fps=10, from_s=0, to_s=20)
    done = []
    try:
        with pytest.raises(ExportCancelled):
            export(
                source,
                options,
                progress=lambda d, n: done.append(d),
                cancelled=lambda: len(done) >= 15,
            )
    finally:
        source.close()
    assert out.read_bytes() == b"the old video"
    assert [p.name for p in tmp_path.iterdir()] == ["clip.mp4"]


def test_same_point_maps_consistently(qapp, replay):
    """The scene's own mapping agrees with the track geometry (finish line is right of start)."""
    source = SceneFrameSource(replay, DARK, (1280, 720), panel=False)
    try:
        source.frame_at(0.0)
        track = source.scene.track
        half = replay.track.straight_m / 2
        left = track.map_to_widget(-half, -36.8)
        right = track.map_to_widget(half, -36.8)
        top = track.map_to_widget(0.0, 36.8)
        assert isinstance(left, QPointF)
        assert right.x() > left.x() and top.y() < left.y()  # y up on the track, down on screen
    finally:
        source.close()


@pytest.mark.parametrize("size", [(960, 540), (540, 960)], ids=["landscape", "portrait"])
def test_reused_frame_buffer_leaves_nothing_of_the_previous_frame(qapp, replay, size):
    """Drawing into the same image every frame gives exactly what a fresh image gives."""
    reused = SceneFrameSource(replay, DARK, size)
    fresh = SceneFrameSource(replay, DARK, size)
    try:
        reused.frame_at(30.0)
        reused.frame_at(200.0)
        a = reused.frame_at(118.0).copy()
        fresh.frame_at(30.0)
        fresh.frame_at(200.0)
        fresh.scene._frame_image = None  # a new image: drawn whole, nothing to patch
        b = fresh.frame_at(118.0).copy()
        if size[0] > size[1]:
            assert np.array_equal(a, b)
        else:
            # A portrait export's panel is laid out at scale 2 (a phone's screen): its 80 px
            # gap figure, redrawn over the last, differs from a fresh drawing by up to 4 of
            # 255 at the edges of its glyphs; anything of the previous frame differs by far
            # more (the figure was another).
            assert np.abs(a.astype(int) - b.astype(int)).max() <= 8
        assert not np.array_equal(a, reused.frame_at(200.0))
    finally:
        reused.close()
        fresh.close()


def test_whole_race_at_30fps_is_7394_frames_plus_cards(qapp, replay, tmp_path):
    """7393 frames 1/30 s apart (0 to 4:06.40), then the finish, 4:06.42, itself."""
    from racegui.export.pipeline import plan_for

    source = SceneFrameSource(replay, DARK, (640, 360))
    try:
        assert source.duration_s == pytest.approx(246.42)
        options = ExportOptions(output=tmp_path / "race.mp4", size=(640, 360), fps=30)
        plan = plan_for(options, source.duration_s)
        assert plan.total == 7394 and plan.race_times[-1] == replay.race_end_s
        carded = ExportOptions(
            output=tmp_path / "race.mp4", size=(640, 360), fps=30, title_card_s=3, end_card_s=2
        )
        assert plan_for(carded, source.duration_s).total == 7394 + 150
    finally:
        source.close()


def runner_size_share(replay, size: tuple[int, int], t: float) -> float:
    """Square root of the area in the runner's colour round her centre (a window scaled with
    the frame), as a share of the frame's width: her marker's size relative to the frame."""
    source = SceneFrameSource(replay, DARK, size, panel=True)
    try:
        frame = to_rgb(source.frame_at(t)).astype(int)
        x, y = runner_pixel(source, t)
        r = round(0.006 * size[0])
        window = frame[y - r : y + r + 1, x - r : x + r + 1]
        area = np.all(np.abs(window - RUNNER_RGB) <= 40, axis=2).sum()
        return float(np.sqrt(area)) / size[0]
    finally:
        source.close()


def test_a_720p_export_shows_the_markers_at_its_layout_s_size_scaled_down(qapp, replay):
    """A 720p export is laid out as a 1440x810 window (layout.SMALL_LAYOUT_PX) drawn at
    0.89: its markers are that window's, scaled with the frame."""
    wide = runner_size_share(replay, (1440, 810), 30.0)
    small = runner_size_share(replay, (1280, 720), 30.0)
    assert small == pytest.approx(wide, rel=0.06)  # a layout's sprite copied as is: 1.125x


def test_a_portrait_export_gives_the_panel_what_the_track_leaves_in_one_column(qapp, replay):
    """It once squeezed the track into a column beside the panel. Then the panel took half
    the height in two columns, and the track, as wide as the video, left a band of about
    190 px empty above and below it (user review). Now the track takes the height it needs
    and the panel the rest, in one column, every card whole; the tags keep their size."""
    import math

    assert parse_size("portrait") == (1080, 1920)
    source = SceneFrameSource(replay, DARK, (1080, 1920))
    try:
        source.frame_at(100.0)
        scene, track, panel = source.scene, source.scene.track, source.scene.panel
        assert track.width() == scene.width() == panel.width() == 1080
        bounds = track.backdrop.bounds()
        assert track.height() == math.ceil(1080 * bounds.height() / bounds.width())
        assert panel.y() == track.geometry().bottom() + 1 and panel.height() > 1920 / 2
        assert panel.columns == 1
        cards = [panel.header, panel.gap, panel.pace_card, panel.splits, panel.pacers]
        tops = [card.geometry().top() for card in cards]
        assert tops == sorted(tops) and cards[-1].geometry().bottom() < panel.height()
        assert panel._scroll.verticalScrollBar().maximum() == 0
        assert track.tag_reference_px() == 960  # the tags of a track with half the height
    finally:
        source.close()


def test_a_4_by_5_export_keeps_two_columns_below_the_track(qapp, replay):
    source = SceneFrameSource(replay, DARK, (1080, 1350))
    try:
        source.frame_at(100.0)
        panel, track = source.scene.panel, source.scene.track
        assert panel.columns == 2 and panel.y() > track.geometry().bottom()
        assert panel._scroll.verticalScrollBar().maximum() == 0
    finally:
        source.close()


def test_a_scene_resized_back_to_landscape_puts_the_panel_beside_the_track(qapp, replay):
    source = SceneFrameSource(replay, DARK, (540, 960))
    try:
        source.frame_at(100.0)
        scene = source.scene
        scene.render_image(100.0, (1920, 1080))
        panel = scene.panel
        assert panel.columns == 1 and panel.height() == scene.height() == 1080
        assert panel.x() >= scene.track.geometry().right() and panel.width() < 1920 / 2
    finally:
        source.close()


def test_a_narrow_portrait_scene_keeps_one_column_so_no_number_is_cut(qapp, replay):
    # At 627 px wide, two columns of 296 px cut "+1.99 s" and "4:03.9" short. (A 4:5
    # export's scene, at scale 1 as the window's: a 9:16 one is laid out at scale 2.)
    source = SceneFrameSource(replay, DARK, (1080, 1350))
    try:
        scene = source.scene
        assert scene.scale == 1.0
        scene.render_image(150.0, (627, 1000))
        panel = scene.panel
        assert panel.columns == 1 and panel.y() >= scene.track.geometry().bottom()
        assert panel.gap.width() >= panel.column_min_width() - 40
    finally:
        source.close()


def test_the_title_card_gives_the_target_time_once():
    """'Previous world record 4:12.33: 4:12.33' and '3:50 even pace: 3:50.00'."""
    from racegui.export.cards import title_text
    from racegui.io.replay_file import read_replay
    from racegui.ui.ui_paths import demo_path

    lines = {
        name: title_text(read_replay(demo_path(name))).lines
        for name in ("kipyegon-wr-2023.json", "example-1500m.json", "breaking4-2025.json")
    }
    assert "Previous world record 4:12.33" in lines["kipyegon-wr-2023.json"]
    assert "3:50 even pace" in lines["example-1500m.json"]
    assert "Sub-4 pacing light: 4:00.00" in lines["breaking4-2025.json"]


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1080), (1280, 720)])
def test_an_exported_dropout_list_shows_whole_rows_and_no_scroll_bar(qapp, replay, size):
    """At the finish 13 pacers have stepped off: the export drew 8 rows and half of a 9th
    (1080p), or 6 with a scroll bar (square). Now whole rows, then '+ N more'."""
    source = SceneFrameSource(replay, DARK, size)
    source.frame_at(246.42)
    feed = source.scene.panel.pacers.feed
    port = feed.viewport().rect()
    listed = [row for row in feed.rows if not row.isHidden()]
    assert listed and not feed.verticalScrollBar().isVisible()
    for widget in [*listed, feed.more]:
        box = widget.geometry().translated(0, -feed.verticalScrollBar().value())
        assert port.contains(box), (size, box, port)
    assert feed.more.text() == f"+ {13 - len(listed)} more"
    source.close()


def test_an_export_can_show_the_200_m_table_with_the_published_splits(qapp, replay, tmp_path):
    """Exports always showed the Laps table (laps to the line, 1:01.61 at 409 m): the
    published 60.20 / 2:00.75 / 3:01.84 were in the 200 m table, which no export showed."""
    from racegui.cli import _verb_parser
    from racegui.export.cli_export import options_from_args
    from racegui.ui.panel.splits_table import LAPS, SPLITS

    args = _verb_parser("export").parse_args(
        [DEMO, "-o", str(tmp_path / "x.png"), "--splits", "200m"]
    )
    options = options_from_args(args)
    assert options.splits == "200m"
    source = SceneFrameSource(replay, DARK, (1920, 1080), splits=options.splits)
    source.frame_at(182.0)
    table = source.scene.panel.splits
    assert table.mode == SPLITS and table.view.model() is table.splits_model
    model = table.splits_model
    elapsed = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert {"1:00.20", "2:00.75", "3:01.84"} <= set(elapsed)
    source.close()
    assert SceneFrameSource(replay, DARK, (1920, 1080)).scene.panel.splits.mode == LAPS
    with pytest.raises(
        ExportOptionsError, match="'400m' is not 'laps', '200m', 'timed' or 'compare'"
    ):
        ExportOptions(output=tmp_path / "x.mp4", splits="400m").validate()
