"""The side panel fits the window's height: every card whole, no panel scroll bar."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from racegui.ui.panel.side_panel import SidePanel  # noqa: E402
from racegui.ui.panel.splits_table import SPLITS  # noqa: E402

T_S = 190.0
"""Breaking4 at 3:10 (s): the last lap being run, seven pacers have stepped off."""


@pytest.fixture
def shot(qtbot, settings):
    """Lay the replay window out at a size (px) and theme, as --screenshot does; returns
    its side panel."""
    from racegui.ui.app import ensure_app, render_window
    from racegui.ui.loading import load_replay
    from racegui.ui.main_window import MainWindow
    from racegui.ui.ui_paths import demo_path

    ensure_app()
    windows: dict[str, MainWindow] = {}

    def lay_out(size: tuple[int, int], theme: str = "dark") -> SidePanel:
        win = windows.get(theme)
        if win is None:
            win = windows[theme] = MainWindow(load_replay(demo_path()), settings, theme=theme)
            qtbot.addWidget(win)
        render_window(win, T_S, size)
        QApplication.processEvents()
        return win.scene.panel

    return lay_out


def rows_in_view(view: QTableView) -> list[int]:
    """Rows of the table drawn whole in its viewport."""
    model, port = view.model(), view.viewport().rect()
    return [r for r in range(model.rowCount()) if port.contains(view.visualRect(model.index(r, 0)))]


def assert_cards_whole(panel: SidePanel) -> None:
    """No panel scroll bar, every card inside the panel, the splits table in whole rows."""
    scroll = panel._scroll
    assert scroll.verticalScrollBar().maximum() == 0
    bottom = scroll.viewport().height()
    for card in (panel.header, panel.gap, panel.pace_card, panel.splits, panel.pacers):
        assert card.isVisible(), type(card).__name__
        assert card.geometry().bottom() < bottom, type(card).__name__
    view = panel.splits.view
    rows = rows_in_view(view)
    spare = view.viewport().height() - len(rows) * view.verticalHeader().defaultSectionSize()
    assert 0 <= spare <= 2  # no half row (the table's 2 px of slack)
    assert view.model().current_row() in rows


@pytest.mark.parametrize("theme", ["dark", "light"])
@pytest.mark.parametrize("size", [(1440, 860), (1366, 768), (1280, 720), (1257, 707)])
def test_the_panel_needs_no_scroll_bar(shot, size, theme):
    """At 1440x860 the panel needed 834 px of 796 (the dropouts cut off); at 1366x768 the
    pacers card was cut off and the panel scrolled 130 px. 1257x707 is the window's first
    size on a 1366x768 laptop (first_size): the panel scrolled there once the splits table
    was down to its two rows, while the dropout feed kept three (user review); the feed
    now gives rows too, and the pace chart height before the laps."""
    from racegui.ui.panel.side_panel import CHART_LEAST_PX

    panel = shot(size, theme)
    assert_cards_whole(panel)
    assert panel.chart.height() >= CHART_LEAST_PX  # the chart gives way, but stays a chart
    assert rows_in_view(panel.splits.view) == list(range(5))  # every lap of the mile


def test_the_window_s_first_size_shows_three_whole_dropouts_and_every_lap(shot):
    """1440x860 (the first size): the feed showed a row and a half above the panel's edge."""
    panel = shot((1440, 860))
    feed = panel.pacers.feed
    assert feed.viewport().height() >= 3 * feed.row_pitch()
    port = feed.viewport().rect()
    newest = [row for row in feed.rows if not row.isHidden()][:3]
    assert len(newest) == 3
    for row in newest:
        top_left = row.mapTo(feed.viewport(), row.rect().topLeft())
        assert port.contains(row.rect().translated(top_left)), row.dropout.name
    assert rows_in_view(panel.splits.view) == list(range(5))  # start and laps 1 to 4


def test_a_taller_window_gets_the_usual_layout_back(shot):
    """The compact layout of a short window is left when the window grows again, and the
    text keeps its size in it."""
    short = shot((1366, 768))
    assert short.compact
    assert not short.header.meta.isVisible()  # the venue, also under the track's title
    seconds_px = short.gap.seconds.font().pixelSize()
    tall = shot((1920, 1080))
    assert tall is short and not tall.compact
    assert tall.header.meta.isVisible() and tall.lap_split.last_name.isVisible()
    assert tall.gap.seconds.font().pixelSize() == seconds_px
    assert rows_in_view(tall.splits.view) == list(range(5))
    assert_cards_whole(tall)
    assert tall.width() == round(1920 * 0.30)  # a restyle kept the scene's panel width


def test_the_200m_tab_fits_too(shot):
    """The 200 m tab has twice the rows: it keeps fewer in view, the panel still fits."""
    panel = shot((1366, 768))
    panel.splits.set_mode(SPLITS)
    QApplication.processEvents()
    assert_cards_whole(panel)
    rows = rows_in_view(panel.splits.view)
    assert 2 <= len(rows) < panel.splits.view.model().rowCount()


def test_a_visit_to_the_200m_tab_does_not_keep_the_laps_compact(shot):
    """The 200 m tab's nine compact rows save more height than the laps' five: the saving
    measured there kept the laps tab compact in a window where its usual layout fits (found
    in review at 1440x908). The layout is now chosen for the laps' rows on either tab."""
    from racegui.ui.panel.splits_table import LAPS

    panel = shot((1440, 908))
    assert not panel.compact
    panel.splits.set_mode(SPLITS)
    QApplication.processEvents()
    # Nine rows: the layout stays the laps' (their rows scroll), no line goes (reviewer R16).
    assert not panel.compact
    panel.splits.set_mode(LAPS)
    QApplication.processEvents()
    assert not panel.compact
    assert_cards_whole(panel)


def test_the_feed_gets_its_rows_back_in_a_taller_window(shot):
    """The feed's rows given up in a short window come back when it grows."""
    short = shot((1257, 707))
    assert short.pacers.feed_rows < 3
    tall = shot((1440, 860))
    assert tall.pacers.feed_rows == 3
    feed = tall.pacers.feed
    assert feed.viewport().height() >= 3 * feed.row_pitch()
    assert_cards_whole(tall)


def test_the_chart_gives_way_in_the_shortest_first_window(shot):
    """1178x662 is the window's first size on a 1280x720 screen: with the splits at two rows
    and the feed at one, the panel still scrolled 38 px. The pace chart now gets shorter
    (down to CHART_LEAST_PX), and gets its height back in a taller window."""
    from racegui.ui.panel.side_panel import CHART_LEAST_PX, CHART_MIN_PX

    panel = shot((1178, 662))
    assert_cards_whole(panel)
    assert CHART_LEAST_PX <= panel.chart.height() < CHART_MIN_PX
    assert panel.pacers.feed_rows == 1
    feed = panel.pacers.feed
    # One whole row, not a row and a half: the feed's scroll bar had counted as its least
    # height (50 px), which the layout gave it, taken from the chart.
    assert feed.row_pitch() <= feed.viewport().height() <= feed.row_pitch() + 2
    tall = shot((1440, 860))
    assert tall.chart.minimumHeight() == CHART_MIN_PX
    assert tall.chart.height() >= CHART_MIN_PX
    assert_cards_whole(tall)


@pytest.mark.parametrize("t", [246.42, 250.0])
def test_after_the_finish_the_splits_show_the_last_lap(qtbot, settings, t):
    """From the finish (4:06.42) to the replay's end the table had gone back to its top
    ("Start", lap 1) in a short window, hiding the last lap a coach looks at then."""
    from racegui.ui.app import ensure_app, render_window
    from racegui.ui.loading import load_replay
    from racegui.ui.main_window import MainWindow
    from racegui.ui.ui_paths import demo_path

    ensure_app()
    win = MainWindow(load_replay(demo_path()), settings)
    qtbot.addWidget(win)
    win.scene.panel.splits.set_mode(SPLITS)  # nine rows: not all in view
    render_window(win, 246.41, (1366, 700))
    view = win.scene.panel.splits.view
    last = view.model().rowCount() - 1
    shown = rows_in_view(view)
    assert last in shown and 0 not in shown  # the last lap being run
    render_window(win, 70.0, (1366, 700))  # 400 m, then End (or a start at the finish)
    QApplication.processEvents()
    assert last not in rows_in_view(view)
    render_window(win, t, (1366, 700))
    QApplication.processEvents()
    assert rows_in_view(view) == shown


def test_the_dropout_feed_gives_rows_before_the_laps(shot):
    """1258x728, the window on a 1366x768 screen with its title bar: the lap table showed 2 of
    its 5 rows while the feed kept three rows (user review: the laps are a coach's first
    reading). The feed now gives its rows first; the strip above it marks every dropout.
    1366x749 (maximised there) shows all five."""
    panel = shot((1258, 728))
    assert_cards_whole(panel)
    assert len(rows_in_view(panel.splits.view)) >= 4  # of 5 (was 2)
    assert panel.pacers.feed_rows < 3


@pytest.mark.parametrize("size", [(1258, 728), (1440, 900), (1920, 1080)])
def test_the_window_s_feed_shows_whole_rows(shot, size):
    """The feed's list scrolls in the window; it showed a slice of a row cut across its text
    at 1366x768 and 1440x900 (user review). Its viewport is now whole rows."""
    feed = shot(size).pacers.feed
    pitch = feed.row_pitch()
    assert feed.viewport().height() >= pitch
    assert feed.viewport().height() % pitch == 0
    assert feed.verticalScrollBar().singleStep() == pitch


@pytest.mark.parametrize(
    ("size", "laps", "splits"),
    [((1280, 680), 4, 4), ((1366, 728), 5, 6), ((1280, 720), 5, 6)],
)
def test_a_laptop_window_keeps_the_laps_before_the_chart_s_height(shot, size, laps, splits):
    """A maximised window on a 1280x720 screen (1280x680 of window) showed 2 of the mile's 5
    laps, and 2 of the 200 m tab's 9 rows, beside a pace chart 120 px high; on a 1366x768
    one (1366x728), 4 and 4 (a laptop user's review: the laps are a coach's first reading).
    The chart now gives its height, down to CHART_LEAST_PX, before the laps give rows."""
    from racegui.ui.panel.side_panel import CHART_LEAST_PX, CHART_MIN_PX

    panel = shot(size)
    assert len(rows_in_view(panel.splits.view)) >= laps
    assert_cards_whole(panel)
    assert CHART_LEAST_PX <= panel.chart.height() <= CHART_MIN_PX
    panel.splits.set_mode(SPLITS)
    QApplication.processEvents()
    assert len(rows_in_view(panel.splits.view)) >= splits
    assert_cards_whole(panel)
    assert panel.chart.height() >= CHART_LEAST_PX


def test_a_long_race_s_laps_do_not_squeeze_the_chart(qtbot, tmp_path):
    """A 10,000 m's 25 laps in a short panel: the table keeps as many rows as fit beside the
    usual chart (12); the chart gives its height only for the laps' first SPLITS_KEPT_ROWS
    (it had been squeezed to 89 px for 14 rows, its ticks down to two)."""
    from racegui.ui.panel.side_panel import CHART_MIN_PX, SPLITS_KEPT_ROWS
    from racegui.ui.theme import DARK
    from tests.test_panel_pace_chart_range import replay_of, ten_k

    panel = SidePanel(replay_of(tmp_path, ten_k()), DARK)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.update_frame(300.0)
    QApplication.processEvents()
    assert panel.chart.height() >= CHART_MIN_PX
    assert len(rows_in_view(panel.splits.view)) > SPLITS_KEPT_ROWS
    assert panel._scroll.verticalScrollBar().maximum() == 0  # it fits (no pacers card)
