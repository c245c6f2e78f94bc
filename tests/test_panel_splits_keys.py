"""The splits table is reached with Tab, wears the app's focus ring, scrolls with the arrow
and Page keys, and keeps the current lap in view as the race plays unless the user scrolled
it out of view (a laptop and keyboard user's review: it could not be scrolled from the
keyboard)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QWheelEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from racegui.ui.legible import contrast_ratio  # noqa: E402
from racegui.ui.panel.splits_table import SPLITS  # noqa: E402

T_S = 150.0
"""Breaking4 at 2:30: the 200 m tab's current row is its fifth (800 m to 1000 m)."""


@pytest.fixture
def laptop(window, qtbot):
    """The demo window at 1280x680 (a maximised window on a 1280x720 screen) on the 200 m tab,
    whose nine rows do not all fit, at T_S; returns the splits card."""
    window.resize(1280, 680)
    qtbot.waitUntil(lambda: window.height() == 680)
    splits = window.scene.panel.splits
    splits.set_mode(SPLITS)
    window.clock.seek(T_S)
    QApplication.processEvents()
    view = splits.view
    rows = view.viewport().height() // view.verticalHeader().defaultSectionSize()
    assert 2 <= rows < view.model().rowCount()  # the table scrolls
    return splits


def _press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as the user's would be."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    QApplication.processEvents()


def _top_row(view) -> float:
    return view.verticalScrollBar().value() / view.verticalHeader().defaultSectionSize()


def test_tab_reaches_the_table_and_leaves_it(window, laptop, qtbot):
    """The window starts with no Tab stop taken (Page Up/Down are its keys); Tab goes to the
    table, which then wears the ring; Tab and Shift+Tab give the keys back to the window."""
    view = laptop.view
    assert QApplication.focusWidget() is window
    assert not view.ring.isVisible()
    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view and view.ring.isVisible()
    assert view.ring.geometry() == view.rect()
    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window and not view.ring.isVisible()
    _press(qtbot, Qt.Key.Key_Tab)
    assert view.hasFocus()
    _press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window


def test_a_click_on_a_row_seeks_but_takes_no_focus(window, laptop, qtbot):
    """A click seeks as before and leaves Page Up/Down to the window (events)."""
    view = laptop.view
    rect = view.visualRect(view.model().index(view.model().current_row() - 1, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert not view.hasFocus()
    before = window.clock.time()
    _press(qtbot, Qt.Key.Key_PageDown)
    assert window.clock.time() > before  # the next event


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_focused_table_wears_the_app_s_ring(window, laptop, qtbot, theme):
    """A ring in the text's colour round the table (as round the app's buttons and fields),
    standing out from the card (3:1), only while it has the focus."""
    window.set_theme(theme)
    view = laptop.view
    QApplication.processEvents()

    def edge(img) -> QColor:
        return img.pixelColor(1, img.height() // 2)

    plain = edge(view.grab().toImage())
    _press(qtbot, Qt.Key.Key_Tab)
    ringed = edge(view.grab().toImage())
    assert ringed.name() == QColor(window.scene.panel.theme.text).name()
    assert contrast_ratio(plain, ringed) >= 3.0


def test_arrows_and_page_keys_scroll_the_focused_table(window, laptop, qtbot):
    """Down/Up a row, Page Down/Up a view less a row, in whole rows; Page Up/Down scroll the
    focused table instead of seeking to the next event, and seek again once Tab leaves."""
    view = laptop.view
    shown = view.viewport().height() // view.verticalHeader().defaultSectionSize()
    _press(qtbot, Qt.Key.Key_Tab)
    t = window.clock.time()
    top = _top_row(view)
    _press(qtbot, Qt.Key.Key_Down)
    assert _top_row(view) == top + 1
    _press(qtbot, Qt.Key.Key_Up)
    _press(qtbot, Qt.Key.Key_Up)
    assert _top_row(view) == top - 1
    _press(qtbot, Qt.Key.Key_PageUp)
    assert _top_row(view) == 0
    _press(qtbot, Qt.Key.Key_PageDown)
    assert _top_row(view) == shown - 1
    assert window.clock.time() == t  # the keys were the table's
    _press(qtbot, Qt.Key.Key_Tab)
    _press(qtbot, Qt.Key.Key_PageDown)
    assert window.clock.time() > t  # the window's again: the next event


def test_the_hidden_table_gives_the_keys_back(window, laptop, qtbot):
    """P hides the panel with the table focused: Page Down had gone on scrolling it."""
    _press(qtbot, Qt.Key.Key_Tab)
    _press(qtbot, Qt.Key.Key_P)
    assert QApplication.focusWidget() is window
    t = window.clock.time()
    _press(qtbot, Qt.Key.Key_PageDown)
    assert window.clock.time() > t


def _current_in_view(view) -> bool:
    port = view.viewport().rect()
    return port.contains(view.visualRect(view.model().index(view.model().current_row(), 0)))


def test_the_table_follows_the_race_unless_scrolled_away(window, laptop, qtbot):
    """As the race plays the current row stays in view; scrolled out of view by the user, the
    table stays where the user put it as rows are reached, and follows again once the
    current row is back in view."""
    view = laptop.view
    model = view.model()
    assert laptop.following and _current_in_view(view)
    row = model.current_row()
    assert row == 4
    _press(qtbot, Qt.Key.Key_Tab)
    _press(qtbot, Qt.Key.Key_PageUp)
    _press(qtbot, Qt.Key.Key_PageUp)
    assert _top_row(view) == 0 and not _current_in_view(view)
    assert not laptop.following
    window.clock.seek(T_S + 40.0)  # rows further on reached
    QApplication.processEvents()
    assert model.current_row() > row + 1
    assert _top_row(view) == 0  # where the user left it
    while not _current_in_view(view):  # scrolled back to the current row
        _press(qtbot, Qt.Key.Key_Down)
    assert laptop.following
    window.clock.seek(T_S + 75.0)
    QApplication.processEvents()
    assert _current_in_view(view)


def test_a_wheel_scroll_away_is_kept_too(window, laptop, qtbot):
    """The wheel scrolls the table as the keys do: away from the current row, it stays."""
    view = laptop.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    QApplication.processEvents()
    window.clock.seek(30.0)  # an early row, out of view at the bottom
    QApplication.processEvents()
    assert _current_in_view(view)  # followed: not scrolled by the user
    port = view.viewport()
    at = QPointF(port.width() / 2, port.height() / 2)
    wheel = QWheelEvent(
        at,
        QPointF(port.mapToGlobal(at.toPoint())),
        QPoint(0, 0),
        QPoint(0, -360),  # down, away from the first rows
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(port, wheel)
    QApplication.processEvents()
    assert not _current_in_view(view)
    value = view.verticalScrollBar().value()
    window.clock.seek(40.0)
    QApplication.processEvents()
    assert view.verticalScrollBar().value() == value


def test_a_picture_s_table_takes_no_focus(qtbot):
    """An export's panel (static) has nothing to scroll: no Tab stop, so never a ring."""
    from racegui.ui.app import ensure_app
    from racegui.ui.loading import load_replay
    from racegui.ui.panel.side_panel import SidePanel
    from racegui.ui.theme import DARK
    from racegui.ui.ui_paths import demo_path

    ensure_app()
    panel = SidePanel(load_replay(demo_path()), DARK)
    qtbot.addWidget(panel)
    view = panel.splits.view
    assert view.focusPolicy() == Qt.FocusPolicy.TabFocus
    panel.set_static(True)
    assert view.focusPolicy() == Qt.FocusPolicy.NoFocus
    panel.set_static(False)
    assert view.focusPolicy() == Qt.FocusPolicy.TabFocus
