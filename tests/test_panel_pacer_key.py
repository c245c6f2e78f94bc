"""The pacers card's colour key: what a pacer colour stands for (Breaking4's purple women)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from racegui.ui.loading import load_replay
from racegui.ui.panel.pacer_key import colour_groups
from racegui.ui.ui_paths import demo_path
from tests.helpers_panel import shown_panel

BLUE, PURPLE = "#5aa9ff", "#c08bff"


def test_the_smaller_groups_are_named_and_the_largest_counted():
    names = ["Grant Fisher", "Jemma Reekie", "Cooper Teare", "Georgia Hunter Bell", "Pacer 10"]
    names.append("Elliot Giles")
    colours = [BLUE, PURPLE, BLUE, PURPLE.upper(), BLUE, BLUE]
    assert colour_groups(names, colours) == [
        (PURPLE, "Reekie, Hunter Bell"),
        (BLUE, "the other 4"),
    ]
    assert colour_groups(names[:2], [BLUE, BLUE]) == []  # one colour: no key
    # Two small groups: each named, none "the other 1".
    assert colour_groups(names[:2], [BLUE, PURPLE]) == [(BLUE, "Fisher"), (PURPLE, "Reekie")]
    many = [f"Pacer {k}" for k in range(6)]
    four = colour_groups(many, [PURPLE] * 4 + [BLUE] * 2)
    assert four == [(BLUE, "Pacer 4, Pacer 5"), (PURPLE, "the other 4")]


def _purple_pixels(widget) -> int:
    image = widget.grab().toImage()
    purple = QColor(PURPLE)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            near = abs(c.red() - purple.red()) + abs(c.green() - purple.green())
            count += near + abs(c.blue() - purple.blue()) < 40
    return count


def test_breaking4s_pacer_card_says_what_purple_means(qtbot):
    panel = shown_panel(qtbot, load_replay(demo_path()), size=(420, 1000))
    panel.update_frame(100.0)
    key = panel.pacers.key
    assert key.isVisible()
    assert key.groups == [(PURPLE, "Hunter Bell, Reekie"), (BLUE, "the other 11")]
    assert key.shown() == 2  # both fit a 420 px panel's title row
    assert "Jemma Reekie" in key.toolTip()
    assert _purple_pixels(key) > 0  # its dot is drawn in the pacers' purple


def test_no_key_when_the_pacers_are_one_colour(qtbot):
    replay = load_replay(demo_path("example-1500m.json"))
    panel = shown_panel(qtbot, replay)
    assert not panel.pacers.key.isVisible()
