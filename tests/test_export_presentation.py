"""Exports laid out as the window's presentation mode: bigger type for a projector or a slide
(a 720p clip's panel text had been 6-8 px, too small once the clip sat in a slide)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtGui import QFontInfo  # noqa: E402

from racegui.cli import main  # noqa: E402
from racegui.export.cli_export import small_panel_note  # noqa: E402
from racegui.export.dialog import ExportDialog  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402


@pytest.fixture(scope="module")
def replay():
    return load_replay(demo_path())


def test_a_presentation_export_is_the_window_s_presentation_layout(qapp, replay):
    """A 1080p clip laid out as the window's presentation mode on a 1080p screen: its
    panel's type 1.4 times as big. (A 720p one is laid out as an 810p screen, its plain
    type already big enough for a slide: see test_export_layout_small.)"""
    plain = SceneFrameSource(replay, DARK, (1920, 1080))
    big = SceneFrameSource(replay, DARK, (1920, 1080), presentation=True)
    try:
        assert not plain.scene.panel._style.presentation
        assert big.scene.panel._style.presentation and big.scene.scale == pytest.approx(1.4)
        a, b = plain.frame_at(181.84), big.frame_at(181.84)
        assert a.shape == b.shape == (1080, 1920, 4)
        assert not np.array_equal(a, b)
        size = [QFontInfo(s.scene.panel._style.font(1.0)).pixelSize() for s in (plain, big)]
        assert size[1] >= 1.3 * size[0]
    finally:
        plain.close()
        big.close()


def test_the_command_line_and_the_dialog_offer_it(qtbot, tmp_path, replay, capsys):
    out = tmp_path / "still.png"
    code = main(["export", str(demo_path()), "-o", str(out), "--size", "720p", "--presentation"])
    assert code == 0 and out.exists()
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    assert not dlg.options().presentation
    dlg.presentation_check.setChecked(True)
    assert dlg.options().presentation


def test_the_small_panel_note_counts_the_bigger_type_and_offers_it():
    # 854x480 is laid out at 810 px high (5.9 px), presentation's 1.05 at that size: 6.2 px.
    assert "--presentation makes it legible" in small_panel_note((854, 480), True)
    assert small_panel_note((960, 540), True) == ""  # 6.7 px: laid out at 810, not 1080
    assert "--presentation" not in small_panel_note((640, 360), True)  # still too small
    assert small_panel_note((640, 360), True, presentation=True).startswith(
        "at 640x360 the side panel's smallest text is 5 px high"
    )
    assert small_panel_note((1280, 720), True, presentation=True) == ""


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_pace_chart_has_the_room_the_dropout_feed_kept_for_its_more_line(qapp, replay, size):
    """A 16:9 presentation export's dropout feed kept a line for "+ N more" under its one
    row: blank until a second pacer stepped off (1:59.5), then saying what the count
    ("7 / 13") and the strip's marks say. Its 27 px (1080p) went from the pace chart, a
    135 px plot (presenter's review: a thin strip). The feed is now its one row, whatever
    has passed, and the chart keeps one height all clip long."""
    clip = SceneFrameSource(replay, DARK, size, presentation=True)
    try:
        charts = set()
        for t in (60.0, 119.0, 182.0, 233.4, 246.42):  # none, one, six, nine, all 13 off
            clip.frame_at(t)
            panel = clip.scene.panel
            feed = panel.pacers.feed
            assert feed.height() == feed.row_pitch(), t
            listed = [row for row in feed.rows if not row.isHidden()]
            assert len(listed) == (0 if t < 100 else 1) and feed.more.isHidden(), t
            charts.add(panel.chart.height())
        assert len(charts) == 1, charts
    finally:
        clip.close()
