"""Switching the splits tab leaves the other cards as they were: the 200 m tab of a 1500 m
(8 rows to the laps' 4) had made the panel compact at 1440x860, which took the venue line
and the pace card's "LAP 2" line out and moved every card up (reviewer R16). The layout is
chosen for the laps table's rows; another tab's extra rows scroll."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from tests.helpers_panel import shown_panel
from tests.helpers_race import club_1500_dnf_data


def _look(panel) -> tuple:
    """What the tab must not change: the layout, the optional lines, where the cards above
    the splits start (the chart may give height to a longer table, as for the laps)."""
    return (
        panel.compact,
        panel.header.meta.isVisible(),
        panel.lap_split.last_name.isVisible(),
        *(w.mapTo(panel, w.rect().topLeft()).y() for w in (panel.gap, panel.field, panel.chart)),
    )


@pytest.mark.parametrize("height", [640, 800, 900])
def test_a_tab_switch_leaves_the_other_cards_alone(qtbot, height):
    # 800 px: the panel of a 1440x860 window (the usual layout); 640: a compact one.
    replay = compile_race(race_from_data(club_1500_dnf_data()), "c")
    panel = shown_panel(qtbot, replay, size=(430, height))
    panel.update_frame(190.0)
    QApplication.processEvents()
    looks = {}
    for name in ("laps", "200m", "timed", "laps"):
        panel.splits.set_mode_name(name)
        QApplication.processEvents()
        looks[name] = _look(panel)
    assert looks["200m"] == looks["timed"] == looks["laps"], (height, looks)
    panel.splits.set_mode_name("200m")
    QApplication.processEvents()
    view = panel.splits.view
    assert view.rows_in_view() >= min(4, view.model().rowCount())  # at least the laps' rows
    model = view.model()
    last = model.rowCount() - 1
    assert model.labels()[last] == "DNF 1100"
    rect = view.visualRect(model.index(last, 0))
    assert view.viewport().rect().contains(rect)  # the row she stopped on is in view
