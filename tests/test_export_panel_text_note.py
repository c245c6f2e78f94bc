"""The note on a side panel too small to read reckons with the layout an export really gets:
a square or portrait presentation layout is scaled 1.05, not 1.4 (a 540x960 export was told
--presentation made its 5 px panel text legible, and with it was told nothing at 5 px)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from racegui.export.cli_export import small_panel_note  # noqa: E402
from racegui.export.options import PANEL_SMALLEST_TEXT_PX, small_panel_text  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402


def test_a_small_landscape_clip_is_not_told_presentation_makes_it_legible():
    note = small_panel_note((640, 360), True)
    assert "4 px" in note and "--presentation" not in note  # laid out at 810 px high


def test_a_portrait_clip_needs_no_note_its_panel_type_is_a_1080p_export_s():
    """A 540x960 export's panel text was 5 px (laid out as 1080x1920 at scale 1), with or
    without --presentation; it is laid out as a phone's screen now, 10 px."""
    assert small_panel_note((540, 960), True) == ""
    assert small_panel_note((540, 960), True, presentation=True) == ""


@pytest.mark.parametrize(
    "size", [(540, 960), (608, 1080), (600, 600), (640, 360), (1280, 720), (1080, 1080)]
)
@pytest.mark.parametrize("presentation", [False, True])
def test_the_note_s_figure_is_the_scene_s_own(qapp, size, presentation):
    """The smallest panel text the note reckons with is the panel's as the export lays it
    out: its scale, drawn at the export's size."""
    source = SceneFrameSource(load_replay(demo_path()), DARK, size, presentation=presentation)
    drawn = size[0] / source._layout_size[0]
    actual = PANEL_SMALLEST_TEXT_PX * source.scene.panel.scale * drawn
    source.close()
    small = small_panel_text(size, True, presentation)
    if small is None:
        assert actual >= 6.0
    else:
        assert small[0] == pytest.approx(actual, abs=0.01)
