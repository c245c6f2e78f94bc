"""Playback > Go to Time… (Ctrl+G, or a double-click on the time): an analyst had no way to
type a time in the window; getting to 3:01.84 needed the command line (analyst's review)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from racegui.cli import main
from racegui.model.timefmt import clock_text
from racegui.resources_path import demo_race_path
from racegui.ui.goto_time import GoToTimeDialog

T_1200 = 181.84
"""Kipyegon's published 1200 m split (s)."""


def open_by_keys(window, qtbot) -> GoToTimeDialog:
    """The dialog Ctrl+G opens on the window."""
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(GoToTimeDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def enter(qtbot, dialog: GoToTimeDialog, text: str) -> None:
    """Type text over the time in the dialog and press Enter."""
    dialog.edit.clear()
    qtbot.keyClicks(dialog.edit, text)
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)


def cli_message(capsys, typed: str) -> str:
    """What `racegui state --time typed` says of a time it cannot read."""
    assert main(["state", str(demo_race_path()), "--time", typed]) == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    "typed, seconds", [("3:01.84", T_1200), ("181.84", T_1200), ("2:05", 125.0), ("0", 0.0)]
)
def test_ctrl_g_goes_to_a_time_typed_as_the_command_line_takes_it(window, qtbot, typed, seconds):
    window.clock.seek(10.0)
    dialog = open_by_keys(window, qtbot)
    assert dialog.edit.text() == "0:10.00" and dialog.edit.selectedText() == "0:10.00"
    enter(qtbot, dialog, typed)
    assert window.clock.time() == pytest.approx(seconds)
    assert not dialog.isVisible() and not window.clock.playing
    assert window.controls.time_label.text().startswith(clock_text(seconds) + " /")


def test_the_dialog_opens_on_the_time_shown(window, qtbot):
    window.clock.seek(T_1200)
    dialog = window.go_to_time()
    assert dialog.edit.text() == "3:01.84"
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Escape)  # cancelled: the time stays
    assert not dialog.isVisible() and window.clock.time() == T_1200


def test_it_is_in_the_playback_menu_and_the_help(window):
    from racegui.ui.help_dialog import shortcuts_html

    action = window.actions["goto_time"]
    assert action in window.menus["playback"].actions()
    assert action.shortcut().toString() == "Ctrl+G"
    assert "Ctrl+G" in shortcuts_html()


def test_playing_goes_on_from_the_time_as_after_next_event(window, qtbot):
    """Page Down seeks and plays on; so does Go to Time."""
    window.clock.play()
    window.next_event()
    assert window.clock.playing
    dialog = window.go_to_time()
    enter(qtbot, dialog, "3:01.84")
    assert window.clock.playing and window.clock.time() == pytest.approx(T_1200, abs=0.5)
    window.clock.pause()


@pytest.mark.parametrize("typed", ["abc", "3:0", "3:61", "-5", "1:2:3"])
def test_a_bad_time_says_what_the_command_line_says_and_stays_open(window, qtbot, capsys, typed):
    window.clock.seek(T_1200)
    dialog = open_by_keys(window, qtbot)
    enter(qtbot, dialog, typed)
    assert dialog.isVisible() and window.clock.time() == T_1200
    said = dialog.message.text()
    assert dialog.message.isVisible() and said
    assert f"argument --time: {said} (see" in cli_message(capsys, typed)
    assert "--time" not in said and "Traceback" not in said
    qtbot.keyClicks(dialog.edit, "x")  # typing again clears the old message
    assert not dialog.message.isVisible()
    enter(qtbot, dialog, "2:00")  # then a good time goes there and closes
    assert window.clock.time() == 120.0 and not dialog.isVisible()


@pytest.mark.parametrize("typed", ["99:00", "1:02:03.5", "4:11"])
def test_a_time_after_the_end_goes_to_the_end_with_a_note(window, qtbot, typed):
    end = window.replay.duration_s
    dialog = open_by_keys(window, qtbot)
    enter(qtbot, dialog, typed)
    assert window.clock.time() == end
    assert dialog.isVisible()  # to show the note
    assert dialog.message.text() == (
        f"{typed} is after the replay ends (4:10.57): showing the end."
    )
    assert dialog.edit.text() == "4:10.57"
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter again: done, still at the end
    assert not dialog.isVisible() and window.clock.time() == end > 250.57


def test_a_double_click_on_the_time_opens_the_dialog(window, qtbot):
    window.clock.seek(T_1200)
    label = window.controls.time_label
    assert "Double-click" in label.toolTip() and "Ctrl+G" in label.toolTip()
    qtbot.mouseDClick(label, Qt.MouseButton.LeftButton)
    dialog = window.findChild(GoToTimeDialog)
    assert dialog is not None and dialog.isVisible() and dialog.edit.text() == "3:01.84"
    enter(qtbot, dialog, "3:30")
    assert window.clock.time() == 210.0


def test_a_second_request_raises_the_open_dialog(window):
    first = window.go_to_time()
    assert window.go_to_time() is first
    first.reject()
    QApplication.processEvents()
    assert window.go_to_time() is not first


def test_ctrl_g_works_in_presentation_mode_with_the_controls_hidden(window, qtbot):
    window.set_presentation(True)
    window._hide_timer.stop()
    window.controls.setVisible(False)  # as after 2 s of stillness
    assert not window.controls.isVisible() and not window.menuBar().isVisible()
    window.activateWindow()
    dialog = open_by_keys(window, qtbot)
    enter(qtbot, dialog, "3:01.84")
    assert window.clock.time() == pytest.approx(T_1200)
    window.set_presentation(False)


def test_minutes_typed_with_a_dot_go_to_seconds_and_say_how_to_write_minutes(window, qtbot):
    """ "3.01" is 3.01 s, as --time reads it; the command line notes how to write 3 min 1 s,
    and now so does the dialog, which stays open to show it (it had gone to 0:03.01 silently)."""
    dialog = open_by_keys(window, qtbot)
    enter(qtbot, dialog, "3.01")
    assert window.clock.time() == pytest.approx(3.01)
    assert dialog.isVisible() and dialog.message.isVisible()
    assert dialog.message.text() == "3.01 is read as 3.01 seconds; for 3 min 1 s write 3:01."
    enter(qtbot, dialog, "3:01")  # as the note says
    assert window.clock.time() == 181.0 and not dialog.isVisible()


@pytest.mark.parametrize("typed", ["3.5", "3.75", "0.45", "181.84"])
def test_a_plain_seconds_time_has_no_minutes_note(window, qtbot, typed):
    dialog = open_by_keys(window, qtbot)
    enter(qtbot, dialog, typed)
    assert window.clock.time() == pytest.approx(float(typed)) and not dialog.isVisible()
