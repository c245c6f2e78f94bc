"""A runner who did not finish and stopped exactly on the finish line, at the end of a lap
(2200 m of a 3000 m, whose laps end at 200 m, 600 m, ... 2600 m): her laps table ended
"5 · 2200 m" as if she ran on, where a stop short of the line read "DNF · 2000 m". Her last
row now reads DNF wherever she stopped; her last whole lap's time is still a lap's, and a
finisher's table is as before.

The club 3000 (tests.helpers_race.club_dnf_data) with Ava Reid's last split at 2200 m,
7:10.00, and an even 9:20.00 target."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from racegui.io.race_file import race_from_data
from racegui.model import analysis
from racegui.model.replay import compile_race
from tests.helpers_panel import shown_panel
from tests.helpers_race import on_the_line_data

STOP_S = 430.0


@pytest.fixture(scope="module")
def ava():
    return compile_race(race_from_data(on_the_line_data()), "ava-reid")


def test_her_last_lap_is_whole_and_marked_where_she_stopped(ava):
    last = analysis.lap_table(ava)[-1]
    assert (last.number, last.end_m, last.stopped, last.at_stop) == (5, 2200.0, False, True)
    assert last.time_s == pytest.approx(STOP_S)
    before = analysis.lap_table(ava)[:-1] + analysis.lap_table(ava, whole_race=True)
    assert not any(lap.at_stop for lap in before)
    assert not any(lap.at_stop for lap in analysis.lap_table(ava.following("mia-cole")))


def test_her_laps_table_ends_dnf_on_the_line(qtbot, ava):
    panel = shown_panel(qtbot, ava)
    laps = panel.splits.laps_model
    panel.update_frame(STOP_S - 0.01)
    assert laps.labels()[-3:] == ["5 · 2200 m", "6 · 2600 m", "7 · 3000 m"]
    panel.update_frame(STOP_S)
    assert laps.labels()[-2:] == ["4 · 1800 m", "DNF · 2200 m"]
    assert laps.labels(compact=True)[-1] == "DNF 2200 m"
    assert laps.column_texts(1)[-1] == "7:10.00"
    assert laps.column_texts(2)[-1] == "1:24.12"  # a whole lap's time, from 1800 m
    tip = laps.data(laps.index(laps.rowCount() - 1, 0), Qt.ItemDataRole.ToolTipRole)
    assert "where the runner stopped: did not finish" in tip
    assert panel.lap_split.lap_name.text() == "DNF · 2200 m"
    assert panel.lap_split.last_name.text() == "LAP 5  est."
    assert panel.splits.splits_model.labels()[-1] == "DNF 2200"


def test_a_finisher_s_laps_table_is_as_before(qtbot, ava):
    panel = shown_panel(qtbot, ava.following("mia-cole"))
    panel.update_frame(STOP_S + 60.0)
    labels = panel.splits.laps_model.labels()
    assert labels[-3:] == ["5 · 2200 m", "6 · 2600 m", "7 · 3000 m"]
    assert not any("DNF" in label for label in labels)


def test_her_lap_event_on_the_line_stays(ava):
    """She crossed the line at 2200 m before she stopped: that lap is ticked, then her stop."""
    at_stop = [(e.kind, e.label) for e in analysis.events(ava) if e.time_s == STOP_S]
    assert at_stop == [("lap", "2 laps to go"), ("dnf", "Ava Reid does not finish (2200 m)")]
