"""The 200 m tab of a 1500 m fills its first row, the 100 m from the start, as the Laps tab
fills its part lap ("Start · 300 m"): reviewer R16 read "100 · 16.29 · · · · +0.29"."""

from __future__ import annotations

import pytest

from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.panel.splits_table import SPLITS
from tests.helpers_panel import shown_panel
from tests.helpers_race import club_1500_dnf_data


@pytest.mark.parametrize("runner", ["a", "c"])
def test_the_first_200_m_row_of_a_1500_m_has_its_split_target_and_delta(qtbot, runner):
    replay = compile_race(race_from_data(club_1500_dnf_data()), runner)
    panel = shown_panel(qtbot, replay)
    panel.splits.set_mode(SPLITS)
    panel.update_frame(190.0)
    model = panel.splits.view.model()
    label, elapsed, split, target, delta, delta_split = (
        model.field_texts(field)[0] for field in range(6)
    )
    assert label == "100"
    assert split == elapsed  # from the start
    assert target == "16.00"  # 4:00 for 1500 m
    second = [model.field_texts(field)[1] for field in range(6)]
    assert all(second)  # the rows after it were whole already
    assert delta_split == delta != ""  # from the start: the same gap
