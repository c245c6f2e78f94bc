"""A long race title and runner's name: the window lays out without end-less resizing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from racegui.resources_path import demo_race_path

TITLE = (
    "The Extraordinary Breaking4 Attempt in Paris With Thirteen Pacers And A Pacing Light "
    "Chasing The First Sub Four Minute M"
)
"""120 characters: four lines in the panel at 1440x860, three at a little more width."""


@pytest.fixture
def long_race(tmp_path):
    race = json.loads(demo_race_path().read_text(encoding="utf-8"))
    race["title"] = TITLE
    for athlete in race["athletes"]:
        if athlete["id"] == "kipyegon":
            athlete["name"] = "Faith Chepngetich Kipyegon-Wonderwoman"
    path = tmp_path / "long.json"
    path.write_text(json.dumps(race), encoding="utf-8")
    return path


@pytest.mark.parametrize("size", ["1440x860", "1460x860"])
def test_a_long_title_does_not_crash_the_window(long_race, tmp_path, size):
    """The window crashed (a segfault: a stack overflow) at 1440x860, its first size on a
    1920x1080 screen: the panel's scroll bar, shown, made the title wrap a line more, and
    hidden a line fewer, and Qt showed and hid it in turn without end. Run in a process of
    its own, as a crash would take the test run with it."""
    out = tmp_path / "shot.png"
    cmd = [sys.executable, "-m", "racegui", str(long_race), "--screenshot", str(out)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [*cmd, "--time", "3:00", "--size", size], env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    assert out.stat().st_size > 0


def test_the_panel_scroll_bar_is_never_left_to_qt(qtbot, settings, long_race):
    """On where the cards do not fit, off where they do; never "as needed"."""
    from PySide6.QtCore import Qt

    from racegui.ui.app import ensure_app, render_window
    from racegui.ui.loading import load_replay
    from racegui.ui.main_window import MainWindow

    ensure_app()
    win = MainWindow(load_replay(long_race), settings)
    qtbot.addWidget(win)
    for size, policy in (
        ((1920, 1080), Qt.ScrollBarPolicy.ScrollBarAlwaysOff),
        ((1100, 560), Qt.ScrollBarPolicy.ScrollBarAlwaysOn),
    ):
        render_window(win, 180.0, size)
        assert win.scene.panel._scroll.verticalScrollBarPolicy() == policy, size


def test_a_long_title_takes_two_lines_and_the_laps_keep_their_rows(qtbot, settings, long_race):
    """The 120-character title took four lines of the panel, and at 1366x749 (maximised on a
    1366x768 screen) the lap table kept 2 of its 5 rows (user review): the title is cut with
    "…" after two lines, whole on hover."""
    from racegui.ui.app import ensure_app, render_window
    from racegui.ui.loading import load_replay
    from racegui.ui.main_window import MainWindow

    ensure_app()
    win = MainWindow(load_replay(long_race), settings)
    qtbot.addWidget(win)
    render_window(win, 180.0, (1366, 749))
    panel = win.scene.panel
    title = panel.header.title
    assert title.text().endswith("…") and title.toolTip() == TITLE
    lines = title.heightForWidth(title.width()) / title.fontMetrics().lineSpacing()
    assert 1.5 < lines < 2.5
    view = panel.splits.view
    model = view.model()
    port = view.viewport().rect()
    whole = [
        r for r in range(model.rowCount()) if port.contains(view.visualRect(model.index(r, 0)))
    ]
    assert len(whole) >= 4
