"""The pace chart's "DNF 1100 m" and "target 64.00" labels stay clear of each other at every
chart height (reviewer R16: at 1024x700 the target label was drawn under the stop label)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from tests.helpers_panel import shown_panel
from tests.helpers_race import club_1500_dnf_data

AFTER_STOP_S = 190.0
"""3:10, nine seconds after Ava Reid stopped at 1100 m."""


@pytest.fixture(scope="module")
def reid():
    return compile_race(race_from_data(club_1500_dnf_data()), "c")


@pytest.mark.parametrize("height", [570, 590, 610, 650])
def test_the_stop_and_target_labels_do_not_cover_each_other(qtbot, reid, height):
    # 570..610 px: a 57..77 px plot, as in a 1024x700 window; 650: the plot's usual 96 px.
    panel = shown_panel(qtbot, reid, size=(415, height))
    panel.update_frame(AFTER_STOP_S)
    QApplication.processEvents()
    chart = panel.chart
    stop, target = chart.stop_text, chart.target_text
    assert stop.isVisible() and stop.textItem.toPlainText() == "DNF 1100 m"
    assert target.textItem.toPlainText() == "target 64.00"
    stop_box, target_box = stop.sceneBoundingRect(), target.sceneBoundingRect()
    assert not stop_box.intersects(target_box), (height, stop_box, target_box)
    plot = chart._vb.sceneBoundingRect().adjusted(-1, -1, 1, 1)
    assert plot.contains(stop_box) and plot.contains(target_box)


def test_a_seek_back_before_her_stop_puts_the_labels_back(qtbot, reid):
    panel = shown_panel(qtbot, reid, size=(415, 590))
    chart = panel.chart
    panel.update_frame(150.0)
    QApplication.processEvents()
    before = chart.target_text.pos(), tuple(chart.target_text.anchor)
    stop_anchor = tuple(chart.stop_text.anchor)
    panel.update_frame(AFTER_STOP_S)
    panel.update_frame(150.0)
    QApplication.processEvents()
    assert not chart.stop_text.isVisible()
    assert (chart.target_text.pos(), tuple(chart.target_text.anchor)) == before
    assert tuple(chart.stop_text.anchor) == stop_anchor
