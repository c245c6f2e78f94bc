"""The side panel on a big screen: presentation scale in a 1920 x 1080 scene."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from racegui.model.replay import Replay  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.panel.side_panel import SidePanel  # noqa: E402
from racegui.ui.panel.splits_table import LAPS, SPLITS  # noqa: E402
from racegui.ui.scene import ReplayScene  # noqa: E402
from racegui.ui.theme import DARK, LIGHT  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

PRESENTATION = 1.4
"""The window's presentation scale (main_window.PRESENTATION_SCALE)."""
BELL_S = 181.84
"""Breaking4 at 1200 m (s): lap 3 being run, six pacers have stepped off."""


@pytest.fixture(scope="module")
def replay() -> Replay:
    return load_replay(demo_path())


def shown_scene(
    qtbot, replay: Replay, size: tuple[int, int], scale: float, theme=DARK
) -> ReplayScene:
    """The track and panel laid out at `size` (px) and `scale`, showing the bell."""
    scene = ReplayScene(replay, theme)
    qtbot.addWidget(scene)
    scene.set_scale(scale, presentation=scale == PRESENTATION)
    scene.resize(*size)
    scene.show()
    qtbot.waitExposed(scene)
    scene.update_frame(BELL_S)
    QApplication.processEvents()
    return scene


def rows_in_view(view: QTableView) -> list[int]:
    """Rows of the table drawn whole in its viewport."""
    model, port = view.model(), view.viewport().rect()
    return [r for r in range(model.rowCount()) if port.contains(view.visualRect(model.index(r, 0)))]


def assert_panel_fits(panel: SidePanel) -> None:
    """Every card is inside the panel: nothing needs the panel's own scroll bar."""
    content = panel._content  # the scrolled widget holding the cards
    assert content.height() <= panel._scroll.viewport().height()
    for card in (panel.header, panel.gap, panel.pace_card, panel.splits, panel.pacers):
        assert card.geometry().bottom() < content.height(), type(card).__name__


@pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])
def test_presentation_at_1080p_shows_every_lap_row(qtbot, replay, theme):
    scene = shown_scene(qtbot, replay, (1920, 1080), PRESENTATION, theme)
    panel = scene.panel
    view = panel.splits.view
    assert panel.splits.mode == LAPS
    # Start and laps 1 to 4: the review saw laps 2 to 4 only, behind a scroll bar.
    assert rows_in_view(view) == list(range(5))
    assert not view.verticalScrollBar().isVisible()
    assert_panel_fits(panel)


def test_presentation_at_1080p_keeps_the_newest_dropout_whole_and_a_tall_chart(qtbot, replay):
    """The pace chart tells the fade: in presentation it had been squeezed to 137 px (a
    plot of about 100, ticks 60/62/64 only) to keep three dropout rows (presenter's
    review). It now takes the spare height; the feed keeps the newest dropout whole."""
    scene = shown_scene(qtbot, replay, (1920, 1080), PRESENTATION)
    panel = scene.panel
    feed = panel.pacers.feed
    assert len(feed.shown_dropouts()) == 6
    port = feed.viewport().rect()
    newest = next(row for row in feed.rows if not row.isHidden())
    top_left = newest.mapTo(feed.viewport(), newest.rect().topLeft())
    assert port.contains(newest.rect().translated(top_left)), newest.dropout.name
    assert panel.chart.height() >= 180
    assert panel.chart.height() > panel.pacers.feed.height() * 5
    assert tuple(panel.chart.target_text.anchor) == (1.0, 1.0)  # above its line, off her bars
    assert_panel_fits(panel)


def test_presentation_200m_tab_keeps_the_table_height_and_scrolls(qtbot, replay):
    scene = shown_scene(qtbot, replay, (1920, 1080), PRESENTATION)
    panel = scene.panel
    view = panel.splits.view
    laps_height = view.height()
    panel.splits.set_mode(SPLITS)
    QApplication.processEvents()
    assert view.height() == laps_height  # the other cards do not jump
    shown = rows_in_view(view)
    assert 0 < len(shown) < view.model().rowCount()
    current = view.model().current_row()
    assert current in shown  # 1200 m reached: the 1400 m row is being run, and in view
    assert_panel_fits(panel)


@pytest.mark.parametrize("size", [(1920, 1016), (1440, 836)])
def test_normal_scale_shows_every_lap_row(qtbot, replay, size):
    """The scene's size in a 1920 x 1080 and a 1440 x 900 window (menu bar and controls)."""
    scene = shown_scene(qtbot, replay, size, 1.0)
    panel = scene.panel
    assert rows_in_view(panel.splits.view) == list(range(5))
    assert_panel_fits(panel)


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (2560, 1440)])
def test_presentation_on_other_screens_is_the_1080p_layout_in_proportion(qtbot, replay, size):
    """At 1.4 on a 720 px screen the panel took half the width and the splits ran off the
    bottom; the scale now follows the screen's height."""
    from racegui.ui.main_window import presentation_scale

    scale = presentation_scale(*size)
    assert scale == pytest.approx(PRESENTATION * size[1] / 1080)
    scene = ReplayScene(replay, DARK)
    qtbot.addWidget(scene)
    scene.set_scale(scale, presentation=True)
    scene.resize(*size)
    scene.show()
    qtbot.waitExposed(scene)
    scene.update_frame(BELL_S)
    QApplication.processEvents()
    panel = scene.panel
    assert rows_in_view(panel.splits.view) == list(range(5))
    assert_panel_fits(panel)
    share = panel.width() / size[0]
    assert share < 0.36  # beside a track that keeps most of the width


def test_a_big_export_is_not_laid_out_for_presentation(qapp, replay):
    """A 4K export is the 1080p export drawn twice the size: the same cards and lines,
    not the presentation layout its scale of 2 used to choose."""
    from racegui.export.scene_source import SceneFrameSource

    big = SceneFrameSource(replay, DARK, (3840, 2160))
    assert big.scene.panel._style.scale == 2.0 and not big.scene.panel._style.presentation
    big.close()


def test_presentation_on_a_square_screen_stacks_the_panel_as_the_window_does(qtbot, replay):
    """On a 1080x1080 screen presentation scaled by the height alone (1.4): the panel took
    half the width beside a track a third as big. Scaled by the width there, the panel goes
    below the track in two columns, as in the window, and the track is drawn bigger."""
    from racegui.ui.main_window import presentation_scale

    assert presentation_scale(1920, 1080) == pytest.approx(PRESENTATION)
    assert presentation_scale(1280, 720) == pytest.approx(PRESENTATION * 720 / 1080)
    scale = presentation_scale(1080, 1080)
    assert 1.0 < scale < PRESENTATION
    scene = ReplayScene(replay, DARK)
    qtbot.addWidget(scene)
    scene.set_scale(scale, presentation=True)
    scene.resize(1080, 1080)
    scene.show()
    qtbot.waitExposed(scene)
    scene.update_frame(BELL_S)
    QApplication.processEvents()
    panel, track = scene.panel.geometry(), scene.track.geometry()
    assert panel.top() >= track.bottom() and track.width() == 1080


@pytest.mark.parametrize("t", [BELL_S, 235.0, 246.42])
def test_presentation_at_1080p_fits_as_the_dropouts_pile_up(qtbot, replay, t):
    """In presentation at 1920x1080 the pacers card ran off the screen's bottom edge late in
    the race (user review at 3:55): the pace chart's own size hint (406 px at this scale,
    after the window had first been scaled for a smaller screen) made the cards prefer
    1266 px. The chart now prefers its least height and takes what is left by stretch."""
    scene = shown_scene(qtbot, replay, (1920, 1080), 0.78)  # scaled for an 800x600 screen
    scene.set_scale(PRESENTATION, presentation=True)  # then for the window's screen
    scene.update_frame(t)
    QApplication.processEvents()
    panel = scene.panel
    assert_panel_fits(panel)
    assert panel._scroll.verticalScrollBar().maximum() == 0
    assert rows_in_view(panel.splits.view) == list(range(5))


def test_presentation_on_a_laptop_keeps_the_newest_dropout_row_whole(qtbot, replay):
    """Presentation sizes the feed by the text's row height, a pixel under a row's own: the
    window's whole-rows trim had cut the last row off, a blank where it was (diff review at
    1366x768)."""
    scene = ReplayScene(replay, DARK)
    qtbot.addWidget(scene)
    scene.set_scale(0.9956, presentation=True)  # 1.4 x 768 / 1080, the menu bar hidden
    scene.resize(1366, 768)
    scene.show()
    qtbot.waitExposed(scene)
    scene.update_frame(250.0)
    QApplication.processEvents()
    feed = scene.panel.pacers.feed
    newest = next(row for row in feed.rows if not row.isHidden())
    port = feed.viewport().rect()
    top_left = newest.mapTo(feed.viewport(), newest.rect().topLeft())
    assert port.top() <= top_left.y() and top_left.y() + newest.height() <= port.bottom() + 4
    assert scene.panel.chart.height() >= 125
