"""The gap card's last line for a followed runner who stopped short in a race without a target,
"STOPPED  DNF · 2000 m  at 6:30.40", had its "m" cut in presentation mode at 1280x720 and
854x480: the time readout 162 px wide for a 167 px text, as the versus kept the room of its
template "+88.8 vs 8:88.88" (135 px) for "at 6:30.40" (81 px). Every readout now has its
text's width (the same fitting as the DQ finish line, test_panel_dq_finish_fits)."""

from __future__ import annotations

import pytest

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.theme import DARK
from tests.helpers_race import club_dnf_data, club_dq_data

AFTER_S = 420.0
"""After Ava Reid's stop at 2000 m (6:30.40)."""


def _row(data: dict, size: tuple[int, int]) -> tuple[list[str], list[tuple[int, int]]]:
    """(texts, (width px, text px) of caption, time and versus) of the gap card after her
    stop in a presentation export of size, following Ava Reid."""
    replay = compile_race(race_from_data(data)).following("ava-reid")
    source = SceneFrameSource(replay, DARK, size, presentation=True)
    try:
        source.frame_at(AFTER_S)
        gap = source.scene.panel.gap
        shown = [w for w in (gap.projected_caption, gap.projected, gap.versus) if w.isVisible()]
        texts = [w.text() for w in shown]
        boxes = [(w.width(), w.fontMetrics().horizontalAdvance(w.text())) for w in shown]
        return texts, boxes
    finally:
        source.close()


SIZES = [(1280, 720), (854, 480), (1080, 1080)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("make", "mark"), [(club_dnf_data, "DNF"), (club_dq_data, "DQ")])
def test_a_stopped_line_without_target_fits_its_card(qapp, size, make, mark):
    texts, boxes = _row(make(), size)
    assert texts == ["STOPPED", f"{mark} · 2000 m", "at 6:30.40"]
    assert all(width >= text_px for width, text_px in boxes), boxes  # none cut


@pytest.mark.parametrize("size", SIZES)
def test_a_stopped_line_with_a_target_fits_its_card(qapp, size):
    texts, boxes = _row(club_dnf_data(target={"time": "9:20.00"}), size)
    assert texts == ["STOPPED", "DNF · 2000 m"]  # when: in the metres' caption
    assert all(width >= text_px for width, text_px in boxes), boxes
