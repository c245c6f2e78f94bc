"""The help's lines on the menus say what their keys do: Alt+F/V/P/H open the File, View,
Playback and Help menus, and Alt+V, O View > Follow, which has no key of its own and is
greyed, with a tooltip saying why, in a race with one runner (a keyboard user's review:
the help named neither, and the demo's greyed Follow gave no reason)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from racegui.ui.help_dialog import SHORTCUTS, shortcuts_html

MENUS_KEYS = "Alt+F / Alt+V / Alt+P / Alt+H"
FOLLOW_KEYS = "Alt+V, O"


def _mnemonic(title: str) -> str:
    return QKeySequence.mnemonic(title).toString()


def test_the_help_s_menu_keys_are_the_menus_mnemonics(window):
    said = dict(SHORTCUTS)
    keys = MENUS_KEYS.split(" / ")
    names = said[MENUS_KEYS].split(" menu")[0].split(" / ")
    bar = {a.text().replace("&", ""): a.text() for a in window.menuBar().actions()}
    assert names == list(bar)  # every menu, in the bar's order
    assert [_mnemonic(bar[name]) for name in names] == keys


def test_the_help_s_follow_keys_open_view_follow(window):
    said = dict(SHORTCUTS)[FOLLOW_KEYS]
    assert said.startswith("View > Follow:") and "one runner" in said
    view_key, follow_key = FOLLOW_KEYS.split(", ")
    view = window.menus["view"]
    assert _mnemonic(view.title()) == view_key
    follow = [a for a in view.actions() if a.menu() is window.menus["follow"]]
    assert [_mnemonic(a.text()) for a in follow] == [f"Alt+{follow_key}"]
    assert "Follow" in shortcuts_html()


def test_the_demo_s_greyed_follow_says_why(window):
    follow = window.menus["follow"]
    assert not follow.isEnabled()  # Faith Kipyegon and 13 pacers
    tip = follow.menuAction().toolTip()
    assert tip == "Faith Kipyegon is the race's one runner to follow; pacers cannot be followed"
    assert window.menus["view"].toolTipsVisible()  # else Qt shows no tooltip in the menu
