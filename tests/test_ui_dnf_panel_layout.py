"""The side panel's cards stay put as a followed runner who did not finish stops: her tables
switch from a finisher's rows (to the finish) to her own, shorter (ending "DNF · 2000 m"),
and the splits card had shrunk with them (8 lap rows to 6: 50 px), the pace card above it
grew 8 px and the card below moved up. The table keeps the height of her rows before the
stop; the rows she never ran are left blank after it.

The club 3000 (tests.helpers_race.club_dnf_data): Ava Reid stops at 2000 m, 6:30.40."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.panel.splits_table import LAPS, SPLITS, TIMED
from tests.helpers_panel import shown_panel
from tests.helpers_race import club_dnf_data

STOP_S = 390.4
TIMES = (STOP_S - 5.0, STOP_S, STOP_S + 60.0, STOP_S - 5.0)
"""Before her stop, at it, after it, and back before it (a seek back)."""
CARDS = ("header", "gap", "field", "pace_card", "splits", "pacers")


@pytest.fixture(scope="module")
def ava():
    return compile_race(race_from_data(club_dnf_data(target={"time": "9:20.00"})), "ava-reid")


def _geometry(panel) -> dict[str, tuple[int, int, int, int]]:
    """Each card shown, by name: (x, y, width, height) px."""
    cards = {name: getattr(panel, name) for name in CARDS}
    return {name: card.geometry().getRect() for name, card in cards.items() if card.isVisible()}


def _layouts(panel) -> list[tuple[dict, int]]:
    out = []
    for t in TIMES:
        panel.update_frame(t)
        QApplication.processEvents()  # any layout request runs, as in the window's loop
        out.append((_geometry(panel), panel.chart.height()))
    return out


@pytest.mark.parametrize("mode", [LAPS, SPLITS, TIMED])
@pytest.mark.parametrize(
    ("size", "columns", "static"),
    [((420, 1000), 1, False), ((420, 600), 1, False), ((1280, 500), 2, True)],
)
def test_the_cards_keep_their_place_as_she_stops(qtbot, ava, mode, size, columns, static):
    panel = shown_panel(qtbot, ava, size=size)
    panel.set_columns(columns)
    panel.set_static(static)
    panel.splits.set_mode(mode)
    layouts = _layouts(panel)
    assert layouts[0][0]["splits"][3] > 0
    assert all(layout == layouts[0] for layout in layouts[1:]), layouts
    labels = panel.splits.laps_model.labels()
    assert labels[-1] == "7 · 3000 m"  # back before her stop: the finisher's table
    panel.update_frame(STOP_S)
    assert panel.splits.laps_model.labels()[-1] == "DNF · 2000 m"  # the switch did happen


@pytest.mark.parametrize("static", [False, True], ids=["window", "export"])
def test_presentation_keeps_them_too(qtbot, ava, static):
    panel = shown_panel(qtbot, ava, size=(560, 1000))
    panel.set_scale(1.3, presentation=True)
    panel.set_static(static)
    for mode in (LAPS, SPLITS):
        panel.splits.set_mode(mode)
        layouts = _layouts(panel)
        assert all(layout == layouts[0] for layout in layouts[1:]), layouts


def test_her_table_is_sized_for_her_rows_before_the_stop(qtbot, ava):
    panel = shown_panel(qtbot, ava)
    splits = panel.splits
    panel.update_frame(STOP_S + 60.0)
    assert splits.laps_model.rowCount() == 6 and splits.row_count() == 8
    assert splits.laps_model.sized_rows == 8


def test_a_finisher_s_table_is_sized_for_its_rows_as_before(qtbot, ava):
    panel = shown_panel(qtbot, ava.following("mia-cole"))
    splits = panel.splits
    for mode in (LAPS, SPLITS, TIMED):
        splits.set_mode(mode)
        panel.update_frame(STOP_S + 60.0)
        assert splits.row_count() == splits.view.model().rowCount()


@pytest.mark.parametrize("scale", [1.0, 1.4])
def test_her_stopped_line_is_whole_in_presentation(qtbot, ava, scale):
    """ "STOPPED  DNF · 2000 m" lost its last letter in presentation mode ("2000 ɱ"): the
    empty "+6.4 vs 9:20.00" beside it still took its room. Empty, it now takes none; back
    before her stop, it is there again."""
    panel = shown_panel(qtbot, ava, size=(round(420 * scale), 1000))
    panel.set_scale(scale, presentation=scale > 1.0)
    gap = panel.gap
    panel.update_frame(STOP_S + 60.0)
    QApplication.processEvents()
    assert gap.projected.text() == "DNF · 2000 m" and gap.versus.isHidden()
    assert gap.projected.width() >= gap.projected.sizeHint().width()
    panel.update_frame(STOP_S - 5.0)
    QApplication.processEvents()
    assert not gap.versus.isHidden() and gap.versus.text().endswith("vs 9:20.00")
