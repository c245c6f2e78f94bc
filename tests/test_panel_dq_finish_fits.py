"""The gap card's last line for a runner disqualified after finishing, "FINISHED  DQ · 4:06.42
+6.42 vs 4:00.00", had run to the card's right edge in presentation mode at 1280x720: its
three readouts squeezed below their texts' widths, the time 9 px from the margin. Where the
whole line has no room it says "+6.42" (the target's time is in the card's title and the
header), with room to spare; a finisher's line keeps its "vs 4:00.00"."""

from __future__ import annotations

import pytest

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.theme import DARK
from tests.helpers_race import demo_data

AFTER_S = 248.0
"""After Kipyegon's 4:06.42."""


def _breaking4(dq: bool):
    data = demo_data()
    for athlete in data["athletes"]:
        if athlete["id"] == "kipyegon":
            athlete["dq"] = dq
    return compile_race(race_from_data(data))


def _row(size: tuple[int, int], dq: bool) -> tuple[str, list[tuple[int, int, int]], int]:
    """(versus text, (left px, width px, text px) of caption, time and versus, the row's
    spacing px) of the gap card after her finish in a presentation export of size."""
    source = SceneFrameSource(_breaking4(dq), DARK, size, presentation=True)
    try:
        source.frame_at(AFTER_S)
        gap = source.scene.panel.gap
        boxes = []
        for w in (gap.projected_caption, gap.projected, gap.versus):
            text_px = w.fontMetrics().horizontalAdvance(w.text())
            boxes.append((w.mapTo(gap, w.rect().topLeft()).x(), w.width(), text_px))
        return gap.versus.text(), boxes, gap._proj.spacing()
    finally:
        source.close()


def test_a_dq_finish_line_fits_its_card_at_720p(qapp):
    versus, boxes, spacing = _row((1280, 720), dq=True)
    assert versus == "+6.42"
    assert all(width >= text_px for _, width, text_px in boxes), boxes  # none squeezed
    (_, _, _), (time_x, time_w, _), (versus_x, _, versus_px) = boxes
    free = versus_x - (time_x + time_w)  # between the time and the versus widget
    assert free >= 2 * spacing


@pytest.mark.parametrize(("size", "dq"), [((1280, 720), False), ((1080, 1080), True)])
def test_a_line_with_room_keeps_its_vs_target(qapp, size, dq):
    versus, boxes, _ = _row(size, dq)
    assert versus == "+6.42 vs 4:00.00"
    assert all(width >= text_px for _, width, text_px in boxes), boxes
