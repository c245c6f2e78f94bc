"""The pocket cam's lane numbers stand clear of its title and scale bar: with the kerb at the
inset's top (a runner lanes out in her pack, or on a bend), the lane-1 number had been drawn
over the "POCKET CAM" pill (coach's review). It moves along its lane, past the pill."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

import racegui.ui.pocket_cam as pocket_cam
from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.app import ensure_app
from racegui.ui.scene import ReplayScene
from racegui.ui.theme import DARK
from tests.helpers_race import mile_runners_data


@pytest.fixture
def chrome(monkeypatch) -> list[tuple[list[QRectF], list]]:
    """(boxes paint_chrome returned: title, scale bar, then each lane number drawn; the lane
    numbers it was given) per paint."""
    seen: list[tuple[list[QRectF], list]] = []
    paint = pocket_cam.paint_chrome

    def spy(p, rect, st, lanes):
        boxes = paint(p, rect, st, lanes)
        seen.append((boxes, list(lanes)))
        return boxes

    monkeypatch.setattr(pocket_cam, "paint_chrome", spy)
    return seen


def _lanes_out_start():
    """Eight milers abreast at the start: the followed one (r7) in lane 6, the kerb at the
    inset's top, lane 1 under the title."""
    data = mile_runners_data(*[("65.00", "2:10.00", "3:15.00", "4:22.00")] * 8)
    return compile_race(race_from_data(data), focus="r7")


def _render(replay, t: float, size=(1920, 1080)):
    ensure_app()
    scene = ReplayScene(replay, DARK, panel=False)
    try:
        scene.render_image(t, size)
        return scene.track.pocket
    finally:
        scene.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_every_lane_number_is_drawn_clear_of_the_title_and_scale(qapp, chrome, size):
    replay = _lanes_out_start()
    cam = _render(replay, 0.5, size)
    boxes, lanes = chrome[-1]
    title, scale, numbers = boxes[0], boxes[1], boxes[2:]
    room = 2.0  # px between a number and a pill, at least
    assert len(numbers) == replay.track.lanes  # every lane numbered, lane 1 too
    for box in numbers:
        assert cam.rect.contains(box)
        for pill in (title, scale):
            assert not box.intersects(pill.adjusted(-room, -room, room, room)), (box, pill)
    one = dict(lanes)["1"]
    assert one.x() > title.right()  # moved along lane 1, past the title
    two = dict(lanes)["2"]
    assert two.x() < title.right()  # the others stay at the inset's left edge
