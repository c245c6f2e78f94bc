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
