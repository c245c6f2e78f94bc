"""View > Follow: the window lists the race's runners and follows the one chosen, at the same
race time, playing on, with the same speed, comparison and view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QActionGroup, QTextDocument
from PySide6.QtWidgets import QApplication

from racegui.export.window_export import open_export_dialog
from racegui.io.race_file import race_from_data
from racegui.model.replay import FollowError, compile_race
from racegui.ui.app import ensure_app
from racegui.ui.main_window import MainWindow
from racegui.ui.panel.gap_readout import gap_texts
from tests.helpers_race import following_sara, minimal_data, two_runner_data, write_json

T = 150.0
"""Race time (s) the runner is changed at: both runners on their third lap."""


@pytest.fixture
def window(qtbot, settings):
    """The replay window on a race of two runners, Runner (followed) and Sara Lane."""
    ensure_app()
    win = MainWindow(compile_race(race_from_data(two_runner_data())), settings, theme="dark")
    qtbot.addWidget(win)
    win.resize(1440, 860)  # room for the side panel beside the track
    win.show()
    qtbot.waitExposed(win)
    return win


def follow_actions(window):
    return window.menus["follow"].actions()


def matchup(window) -> str:
    doc = QTextDocument()
    doc.setHtml(window.scene.panel.header.matchup.text())
    return doc.toPlainText()


def test_the_follow_menu_lists_the_runners_the_first_checked(window):
    menu = window.menus["follow"]
    assert menu.menuAction() in window.menus["view"].actions() and menu.isEnabled()
    actions = follow_actions(window)
    assert [a.text() for a in actions] == ["Runner", "Sara Lane"]  # not the pacer or target
    assert [a.isChecked() for a in actions] == [True, False]
    assert all(a.isCheckable() for a in actions)
    assert actions[0].actionGroup().isExclusive()
    assert "(demo, following Runner)" in window.windowTitle()


def test_choosing_a_runner_follows_her_at_the_same_time(window, qtbot):
    other = compile_race(race_from_data(two_runner_data(title="Other")))
    window.set_compare(other)
    window.clock.set_speed(2.0)
    trails = not window.actions["trails"].isChecked()
    window.actions["trails"].setChecked(trails)
    window.clock.seek(T)
    assert window.scene.panel.isVisible()
    window.clock.play()
    gap_before = window.scene.panel.gap.gap_text()
    assert "Runner" in matchup(window) and "Sara Lane" not in matchup(window)
    t = window.clock.time()

    follow_actions(window)[1].trigger()
    QApplication.processEvents()

    replay = window.replay
    assert replay.ids[replay.focus] == "s"
    assert window.clock.playing and window.clock.speed == 2.0
    assert t <= window.clock.time() < t + 2.0  # playing on from where it was, not from 0
    assert window.compare.race is other.race  # the comparison kept, with her own run in it
    assert window.compare.ids[window.compare.focus] == "s"
    assert window.actions["trails"].isChecked() == trails
    assert [a.isChecked() for a in follow_actions(window)] == [False, True]
    assert "Sara Lane" in matchup(window)
    assert "following Sara Lane" in window.windowTitle()
    window.clock.pause()
    window.clock.seek(T)
    named_in_file = compile_race(race_from_data(following_sara(two_runner_data())))
    state = named_in_file.state_at(T)
    expected = gap_texts(state.gap_to_target_s, state.gap_to_target_m)[0]
    assert window.scene.panel.gap.gap_text() == expected != gap_before
    assert window.event_times() == sorted({e for e in _event_times(named_in_file)})


def _event_times(replay) -> list[float]:
    from racegui.model import analysis

    return [e.time_s for e in analysis.events(replay)]


def test_an_export_from_the_window_follows_whom_it_follows(window, tmp_path):
    window.follow("s")
    dialog = open_export_dialog(window)
    dialog.path_edit.setText(str(tmp_path / "clip.mp4"))
    assert dialog.options().follow == "s"
    assert dialog.to_edit.text() == "4:15.30"  # the last runner's finish (hers here)
    dialog.close()


def test_following_again_and_again_keeps_one_group_in_the_menu(window):
    """Each race or runner chosen left the last QActionGroup behind (diff review)."""
    menu = window.menus["follow"]
    for who in ["s", "r"] * 5:
        window.follow(who)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(menu.findChildren(QActionGroup)) == 1 and len(menu.actions()) == 2


def test_a_race_with_one_runner_has_no_choice(window, tmp_path):
    window.follow("s")
    assert window.open_path(write_json(tmp_path / "one.json", minimal_data()))
    assert not window.menus["follow"].isEnabled()
    assert [a.text() for a in follow_actions(window)] == ["Runner"]
    assert follow_actions(window)[0].isChecked()
    assert "following" not in window.windowTitle()
    with pytest.raises(FollowError, match="'p' \\(Pacer\\) is a pacer"):
        window.follow("p")


def test_follow_greyed_for_one_runner_says_why_and_not_otherwise(window, tmp_path):
    """The demo's Follow was greyed with no word why (a keyboard user's review)."""
    tip = window.menus["follow"].menuAction().toolTip
    assert tip() == "Follow"  # Qt's fallback when none is set, the text: the menu shows none
    assert window.open_path(write_json(tmp_path / "one.json", minimal_data()))
    assert tip() == "Runner is the race's one runner to follow; pacers cannot be followed"
    assert window.open_path(write_json(tmp_path / "two.json", two_runner_data()))
    assert window.menus["follow"].isEnabled() and tip() == "Follow"


def test_following_another_runner_keeps_the_tab_shown(window):
    """The comparison tab, or any tab chosen, stays when another runner is followed: the
    tab remembered for the file had come back (the "vs" tab gave way to the laps)."""
    splits = window.scene.panel.splits
    window.set_compare(compile_race(race_from_data(two_runner_data(title="Other"))))
    assert splits.mode_name == "compare"

    window.follow("s")
    assert splits.mode_name == "compare"
    assert window.actions["splits_compare"].isChecked()

    splits.set_mode_name("200m")
    window.follow("r")
    assert splits.mode_name == "200m"


def test_save_as_names_the_runner_followed_in_the_file(window, tmp_path):
    """Following Sara Lane and saving: the file opens on her again ("follow"); following
    the winner, whom a file follows unasked, writes no "follow"."""
    import json

    from racegui.io.race_file import read_race

    window.follow("s")
    assert window.save_as(str(tmp_path / "sara.json"))
    assert json.loads((tmp_path / "sara.json").read_text(encoding="utf-8"))["follow"] == "s"
    assert compile_race(read_race(tmp_path / "sara.json")).ids[0] == "r"  # order unchanged
    reopened = compile_race(read_race(tmp_path / "sara.json"))
    assert reopened.athletes[reopened.focus].name == "Sara Lane"
    assert window.replay.athletes[window.replay.focus].name == "Sara Lane"
    window.follow("r")
    assert window.save_as(str(tmp_path / "runner.json"))
    assert "follow" not in json.loads((tmp_path / "runner.json").read_text(encoding="utf-8"))
