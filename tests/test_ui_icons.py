"""The transport bar's icons tell Restart from Loop: both were circular arrows, told apart
only by a few degrees of arc (a keyboard-and-laptop user's review)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from racegui.ui.icons import ICON_PX, transport_icon

Mask = set[tuple[int, int]]


def _ink(name: str, px: int = ICON_PX) -> Mask:
    """The pixels an icon covers (more than half opaque) at px x px."""
    image = transport_icon(name, "#ffffff").pixmap(QSize(px, px)).toImage()
    return {
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 128
    }


def _overlap(a: Mask, b: Mask) -> float:
    return len(a & b) / len(a | b)


@pytest.mark.parametrize("px", [22, 44])  # the bar's size at 1x and at a scale of 2
def test_restart_and_loop_share_little_ink(qapp, px):
    assert _overlap(_ink("restart", px), _ink("loop", px)) < 0.5  # was 0.77 at 64 px


def test_loop_is_the_repeat_sign_two_arrows_turned_round(qapp):
    """The usual repeat sign is the same turned half round (one arrow going right above,
    one going left below); a circular arrow is not."""
    loop = _ink("loop")
    last = ICON_PX - 1
    turned = {(last - x, last - y) for x, y in loop}
    assert _overlap(loop, turned) > 0.85  # a circular arrow's is 0.67
