"""View > Follow: one checkable entry per runner of the race, the one followed checked."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from racegui.model.replay import Replay


def runner_labels(replay: Replay) -> list[str]:
    """Menu text of each runner (Replay.followable order): her name, with her id after it
    where two runners share a name, and "(did not finish)" after a runner who did not
    ("(disqualified)" after one who was, there or after finishing); "&"
    doubled so that it is not read as a mnemonic."""
    rows = replay.followable
    names = [replay.athletes[i].name for i in rows]
    labels = []
    for i, name in zip(rows, names, strict=True):
        text = name if names.count(name) == 1 else f"{name} ({replay.ids[i]})"
        if replay.dq[i]:
            text += " (disqualified)"
        elif replay.dnf[i]:
            text += " (did not finish)"
        labels.append(text.replace("&", "&&"))
    return labels


def fill_follow_menu(menu: QMenu, replay: Replay, on_chosen: Callable[[str], None]) -> None:
    """Put replay's runners in menu, exclusive and the followed one checked; choosing one
    calls on_chosen with her id. A runner who did not finish is among them, in file order,
    her entry saying so (followed, her figures run to where she stopped). With one runner
    there is nothing to choose: the menu is disabled, its tooltip saying why (shown where
    the menu holding it shows tooltips: window_actions.build_menus)."""
    menu.clear()  # deletes the actions, not the group of the last race: delete it too
    for old in menu.findChildren(QActionGroup):
        old.setParent(None)
        old.deleteLater()
    group = QActionGroup(menu)
    rows = replay.followable
    for i, label in zip(rows, runner_labels(replay), strict=True):
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(i == replay.focus)
        action.setData(replay.ids[i])
        tip = f"Laps, gaps, the clock and the pocket cam follow {replay.ids[i]}"
        if replay.dnf[i]:
            stop = float(replay.dropout_distance_m[i])
            tip += f", to the stop at {stop:g} m"
        action.setToolTip(tip)
        group.addAction(action)
        action.triggered.connect(lambda _=False, who=replay.ids[i]: on_chosen(who))
    menu.setEnabled(len(rows) > 1)
    menu.menuAction().setToolTip(one_runner_tip(replay) if len(rows) == 1 else "")


def one_runner_tip(replay: Replay) -> str:
    """Why View > Follow is greyed in a race with one runner (the demo's pacers cannot be
    followed): "Faith Kipyegon is the race's one runner to follow; pacers cannot be
    followed"."""
    name = replay.athletes[replay.followable[0]].name
    tip = f"{name} is the race's one runner to follow"
    if "pacer" in set(replay.roles.tolist()):
        tip += "; pacers cannot be followed"
    return tip
