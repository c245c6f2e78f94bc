"""Two panel columns below the track (a square video or window) fit a long race: every card
whole, no scroll bar in an export, the splits in whole rows ending at the current lap, and
no card stretched to its neighbour's height (coach's review: a 5000 m in a square video)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.io.race_file import read_race  # noqa: E402
from racegui.model.replay import compile_race  # noqa: E402
from racegui.resources_path import demo_race_path  # noqa: E402
from racegui.ui.panel.side_panel import CHART_MIN_PX, SidePanel  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from tests.helpers_race import demo_data, long_race_data, write_json  # noqa: E402

FIVE_K = {"distance_m": 5000.0, "lap_s": 74.4, "target": "15:30.00"}
"""The coach's club 5000 m: twelve laps and a part lap, no pacers (13 lap rows)."""
TEN_K = {"distance_m": 10000.0, "lap_s": 80.0, "pacers": 1}
"""His 10,000 m: 25 laps and a pacer, no target."""


@pytest.fixture
def exported(qapp, tmp_path):
    """A square export's panel at race time t (s) for race data; closed after the test."""
    sources: list[SceneFrameSource] = []

    def frame(data: dict, t: float, size: tuple[int, int] = (1080, 1080)) -> SidePanel:
        path = write_json(tmp_path / f"race{len(sources)}.json", data)
        source = SceneFrameSource(compile_race(read_race(path)), DARK, size)
        sources.append(source)
        source.frame_at(t)
        return source.scene.panel

    yield frame
    for source in sources:
        source.close()


def rows_in_view(view: QTableView) -> list[int]:
    """Rows of the table drawn whole in its viewport."""
    model, port = view.model(), view.viewport().rect()
    return [r for r in range(model.rowCount()) if port.contains(view.visualRect(model.index(r, 0)))]


def assert_fits(panel: SidePanel, static: bool = True) -> None:
    """Two columns, every shown card inside the panel, no panel scroll bar (and in an export
    none on the table), the splits table in whole rows with the current one (after the
    finish the last)."""
    assert panel.columns == 2
    bar = panel._scroll.verticalScrollBar()
    assert bar.maximum() == 0 and not bar.isVisible()
    bottom = panel._scroll.viewport().height()
    for card in (panel.header, panel.gap, panel.pace_card, panel.splits, panel.pacers):
        if not card.isHidden():
            assert card.geometry().bottom() < bottom, type(card).__name__
    view = panel.splits.view
    if static:
        assert not view.verticalScrollBar().isVisible()
    rows = rows_in_view(view)
    spare = view.viewport().height() - len(rows) * view.verticalHeader().defaultSectionSize()
    assert 0 <= spare <= 2  # no half row (the table's 2 px of slack)
    current = view.model().current_row()
    assert (view.model().rowCount() - 1 if current is None else current) in rows  # the last


def assert_not_stretched(panel: SidePanel) -> None:
    """The gap card no taller than it needs ("GAP TO TARGET" had floated in an empty box as
    tall as twelve lap rows); the pace chart at least its usual height."""
    assert panel.gap.height() <= panel.gap.sizeHint().height() + 2
    assert panel.chart.height() >= CHART_MIN_PX


@pytest.mark.parametrize("size", [(1080, 1080), (2160, 2160), (1080, 1350)])
def test_a_5000m_in_a_square_video_shows_every_lap_and_the_pace_chart(exported, size):
    """At 10:00 the gap card had stretched to the 13 lap rows' height, the pace chart was
    pushed out of the frame and a scroll bar was drawn into it."""
    panel = exported(long_race_data(**FIVE_K), 600.0, size)
    assert_fits(panel)
    assert_not_stretched(panel)
    assert rows_in_view(panel.splits.view) == list(range(13))


def test_a_10000m_in_a_square_video_shows_its_latest_laps(exported):
    """25 laps do not fit beside the pacers card: the table shows the latest laps, whole,
    ending at the lap being run (lap 15 at 19:00), and the pacers card stays in the frame."""
    panel = exported(long_race_data(**TEN_K), 1140.0)
    assert_fits(panel)
    assert_not_stretched(panel)
    assert not panel.pacers.isHidden()
    view = panel.splits.view
    rows = rows_in_view(view)
    current = view.model().current_row()
    assert current == 14  # lap 15
    assert len(rows) >= 6 and rows == list(range(current - len(rows) + 1, current + 1))


def test_the_demo_keeps_its_cards_lined_up_in_a_square_video(exported):
    """A mile's five lap rows beside the gap card: the two columns' cards line up in rows,
    as the square demo always did."""
    panel = exported(demo_data(), 120.0)
    assert_fits(panel)
    assert panel.gap.geometry().bottom() == panel.splits.geometry().bottom()
    assert panel.pace_card.geometry().bottom() == panel.pacers.geometry().bottom()


def test_the_200m_tab_of_a_square_video_lists_a_dropout_over_its_more_line(qapp):
    """The mile's nine 200 m rows made the demo's square video scroll (the pacers card was
    cut off); fitted, the feed kept one row's height and listed no dropout, only
    '+ 13 more'."""
    replay = compile_race(read_race(demo_race_path()))
    source = SceneFrameSource(replay, DARK, (1080, 1080), splits="200m")
    try:
        source.frame_at(246.42)
        panel = source.scene.panel
        assert_fits(panel)
        feed = panel.pacers.feed
        listed = [row for row in feed.rows if not row.isHidden()]
        assert listed and feed.more.text() == f"+ {13 - len(listed)} more"
        port = feed.viewport().rect()
        for widget in [*listed, feed.more]:
            assert port.contains(widget.geometry()), widget.geometry()
    finally:
        source.close()


def test_a_square_window_fits_a_5000m_too(qtbot, settings, tmp_path):
    """The 1100x1100 window showed the same empty gap card, the pace chart cut off at the
    panel's foot and the panel's scroll bar. It scrolls the table instead, if need be."""
    from racegui.ui.app import ensure_app, render_window
    from racegui.ui.main_window import MainWindow

    ensure_app()
    replay = compile_race(read_race(write_json(tmp_path / "5k.json", long_race_data(**FIVE_K))))
    win = MainWindow(replay, settings, theme="dark")
    qtbot.addWidget(win)
    render_window(win, 600.0, (1100, 1100))
    QApplication.processEvents()
    panel = win.scene.panel
    assert_fits(panel, static=False)
    assert_not_stretched(panel)
