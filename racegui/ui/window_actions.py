"""The replay window's actions (with shortcuts) and menus, built in one place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from racegui.ui.clock import SPEEDS
from racegui.ui.controls import speed_text

# name: (text, shortcuts, checkable)
ACTIONS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "open": ("&Open…", ("Ctrl+O",), False),
    "save_as": ("&Save As…", ("Ctrl+Shift+S",), False),
    "compare": ("&Compare with…", ("Ctrl+Shift+O",), False),
    "clear_compare": ("C&lear comparison", (), False),
    "export": ("&Export…", ("Ctrl+E",), False),
    "quit": ("&Quit", ("Ctrl+Q",), False),
    "labels": ("Name &tags", ("L",), True),
    "trails": ("&Trails", ("T",), True),
    "panel": ("Side &panel", ("P",), True),
    "pocket": ("Pocket &cam", ("C",), True),
    "splits_laps": ("&Laps", ("1",), True),
    "splits_200m": ("&200 m splits", ("2",), True),
    "splits_timed": ("&Timed splits (as in the file)", ("3",), True),
    "splits_compare": ("&Against the compared race", ("4",), True),
    "theme_dark": ("&Dark theme", (), True),
    "theme_light": ("&Light theme", (), True),
    "switch_theme": ("S&witch theme", ("D",), False),
    "presentation": ("P&resentation mode", ("F11",), True),
    "fullscreen": ("&Full screen", ("F",), True),
    "leave_fullscreen": ("Leave full screen", ("Esc",), False),
    "play": ("&Play / pause", ("Space",), True),
    "restart": ("&Restart", ("Ctrl+R",), False),
    "loop": ("&Loop", ("Ctrl+L",), True),
    "step_back": ("Step &back 0.1 s", ("Left",), False),
    "step_forward": ("Step &forward 0.1 s", ("Right",), False),
    "jump_back": ("Jump back 5 s", ("Shift+Left",), False),
    "jump_forward": ("Jump forward 5 s", ("Shift+Right",), False),
    "prev_event": ("Pre&vious event", ("PgUp",), False),
    "next_event": ("&Next event", ("PgDown",), False),
    # "+" and "?" are typed with Shift on most keyboards; adding "Shift+=" or "Shift+/" as
    # well makes Qt see two matches for one key press and run neither ("Ambiguous shortcut").
    "faster": ("Faster", ("+", "="), False),
    "slower": ("Slower", ("-", "_"), False),
    "home": ("Go to start", ("Home",), False),
    "end": ("Go to end", ("End",), False),
    "goto_time": ("&Go to Time…", ("Ctrl+G",), False),
    "help": ("&Keyboard shortcuts", ("F1", "?"), False),
    "race_notes": ("About this &race…", (), False),
    "about": ("&About racegui", (), False),
}

SPLITS_ACTIONS = ("splits_laps", "splits_200m", "splits_timed", "splits_compare")
"""The splits table's tabs as actions, in the panel's mode order (laps, 200 m, timed, and
her laps against the compared race)."""


def build_actions(window: QMainWindow) -> dict[str, QAction]:
    """Create every action as a child of the window (shortcuts work window-wide)."""
    out: dict[str, QAction] = {}
    for name, (text, keys, checkable) in ACTIONS.items():
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        window.addAction(action)
        out[name] = action
    group = QActionGroup(window)
    group.addAction(out["theme_dark"])
    group.addAction(out["theme_light"])
    out["export"].setEnabled(False)
    out["export"].setToolTip("Export is not available yet")
    out["play"].setToolTip("Play / pause (Space)")
    out["restart"].setToolTip("Restart (Ctrl+R)")
    out["loop"].setToolTip("Loop at the end (Ctrl+L)")
    out["step_back"].setToolTip("Step back 0.1 s (Left; Shift+Left: 5 s)")
    out["step_forward"].setToolTip("Step forward 0.1 s (Right; Shift+Right: 5 s)")
    out["prev_event"].setToolTip("Previous event (Page Up)")
    out["next_event"].setToolTip("Next event (Page Down)")
    out["goto_time"].setToolTip("Go to a race time typed as 3:01.84 or 181.84 (Ctrl+G)")
    return out


def build_menus(
    window: QMainWindow,
    actions: dict[str, QAction],
    recent_menu_filler: Callable[[QMenu], None],
    on_speed: Callable[[float], None],
) -> dict[str, QMenu]:
    """File, View, Playback and Help menus; returns them by name (plus "recent", "speed" and
    "follow", the View menu's runners, which the window fills for each race)."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(actions["open"])
    recent = file_menu.addMenu("Open &Recent")
    recent.setToolTipsVisible(True)  # each file's whole path
    recent.aboutToShow.connect(lambda: recent_menu_filler(recent))
    file_menu.addAction(actions["save_as"])
    file_menu.addSeparator()
    file_menu.addAction(actions["compare"])
    file_menu.addAction(actions["clear_compare"])
    file_menu.addSeparator()
    file_menu.addAction(actions["export"])
    file_menu.addSeparator()
    file_menu.addAction(actions["quit"])
    view = bar.addMenu("&View")
    view.setToolTipsVisible(True)  # why Follow is greyed (follow_menu.one_runner_tip)
    follow = view.addMenu("F&ollow")
    follow.setToolTipsVisible(True)  # each runner's id
    view.addSeparator()
    for name in ("labels", "trails", "pocket", "panel"):
        view.addAction(actions[name])
    splits = view.addMenu("&Splits table")
    splits_group = QActionGroup(window)
    for name in SPLITS_ACTIONS:
        splits.addAction(actions[name])
        splits_group.addAction(actions[name])
    view.addSeparator()
    view.addAction(actions["theme_dark"])
    view.addAction(actions["theme_light"])
    view.addAction(actions["switch_theme"])
    view.addSeparator()
    view.addAction(actions["presentation"])
    view.addAction(actions["fullscreen"])
    playback = bar.addMenu("&Playback")
    for name in ("play", "restart", "loop"):
        playback.addAction(actions[name])
    playback.addSeparator()
    for name in (
        "step_back",
        "step_forward",
        "jump_back",
        "jump_forward",
        "prev_event",
        "next_event",
        "home",
        "end",
        "goto_time",
    ):
        playback.addAction(actions[name])
    playback.addSeparator()
    speed = playback.addMenu("&Speed")
    speed_group = QActionGroup(window)
    for s in SPEEDS:
        act = speed.addAction(speed_text(s))
        act.setCheckable(True)
        act.setData(s)
        speed_group.addAction(act)
        act.triggered.connect(lambda _=False, v=s: on_speed(v))
    playback.addAction(actions["faster"])
    playback.addAction(actions["slower"])
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(actions["help"])
    help_menu.addAction(actions["race_notes"])
    help_menu.addAction(actions["about"])
    return {
        "file": file_menu,
        "recent": recent,
        "view": view,
        "playback": playback,
        "speed": speed,
        "follow": follow,
        "help": help_menu,
    }
