"""The splits card's Timed tab: the race file's own splits, none read from the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from racegui.cli import main
from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.loading import load_replay
from racegui.ui.panel.splits_table import LAPS, TIMED
from racegui.ui.ui_paths import demo_path
from tests.helpers_panel import shown_panel
from tests.helpers_race import minimal_data


def _cells(model, row: int) -> list[str]:
    columns = range(model.columnCount())
    return [model.data(model.index(row, c), Qt.ItemDataRole.DisplayRole) for c in columns]


def test_the_demos_published_splits_against_the_target(qtbot):
    """The published 1:00.20, 2:00.75 and 3:01.84 were only among the 200 m rows; a coach's
    400 m splits of a 1500 m were nowhere as such (its laps end at the finish line)."""
    panel = shown_panel(qtbot, load_replay(demo_path()))
    splits = panel.splits
    splits.set_mode_name("timed")
    assert splits.mode == TIMED and splits.mode_name == "timed"
    model = splits.timed_model
    assert splits.view.model() is model
    panel.update_frame(250.0)  # after the finish: every row reached
    assert [_cells(model, r) for r in range(model.rowCount())] == [
        ["400", "1:00.20", "1:00.20", "59.65", "+0.55", "+0.55"],
        ["800", "2:00.75", "1:00.55", "59.65", "+0.90", "+1.45"],
        ["1200", "3:01.84", "1:01.09", "59.65", "+1.44", "+2.89"],
        ["Finish", "4:06.42", "1:04.58", "1:01.05", "+3.53", "+6.42"],
    ]
    assert not splits.legend.isVisible()  # nothing in italics: nothing estimated
    panel.update_frame(130.0)  # between 800 m and 1200 m: later rows not shown yet
    assert _cells(model, 2)[1] == "—" and _cells(model, 1)[1] == "2:00.75"


def test_a_row_click_jumps_to_the_split(qtbot):
    panel = shown_panel(qtbot, load_replay(demo_path()))
    panel.splits.set_mode(TIMED)
    panel.update_frame(250.0)
    jumps: list[float] = []
    panel.splits.seek_requested.connect(jumps.append)
    view = panel.splits.view
    view.clicked.emit(panel.splits.timed_model.index(1, 0))
    assert jumps == [pytest.approx(120.75)]
    assert view.isVisible()


def test_a_runner_without_splits_has_no_timed_tab(qtbot):
    data = minimal_data()
    runner = data["athletes"][0]
    runner.pop("splits")
    runner["even_pace"] = {"time": "4:10.00"}
    panel = shown_panel(qtbot, compile_race(race_from_data(data)))
    assert panel.splits.buttons.button(TIMED).isHidden()
    panel.splits.set_mode_name("timed")
    assert panel.splits.mode == LAPS


def test_the_legend_shortens_before_it_gives_way(qtbot):
    panel = shown_panel(qtbot, load_replay(demo_path()))
    legend = panel.splits.legend
    fm = legend.fontMetrics()
    for width, shown in (
        (fm.horizontalAdvance("italics: estimated") + 4, "italics: estimated"),
        (fm.horizontalAdvance("italics: est.") + 4, "italics: est."),
        (fm.horizontalAdvance("italics") - 4, ""),
    ):
        legend.setFixedWidth(width)
        assert legend.shown_text() == shown


def test_an_export_can_show_the_timed_tab(tmp_path, capsys):
    out = tmp_path / "still.png"
    args = ["export", str(demo_path()), "-o", str(out), "--from", "3:55", "--splits", "timed"]
    assert main([*args, "-q"]) == 0
    assert out.exists()
    assert main([*args[:-1], "weekly", "-q"]) == 2
    assert "--splits" in capsys.readouterr().err
