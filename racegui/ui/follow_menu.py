"""View > Follow: one checkable entry per runner of the race, the one followed checked."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from racegui.model.replay import Replay


def runner_labels(replay: Replay) -> list[str]:
    """Menu text of each runner (Replay.runners order): her name, with her id after it
    where two runners share a name; "&" doubled so that it is not read as a mnemonic."""
    names = [replay.athletes[i].name for i in replay.runners]
    labels = []
    for i, name in zip(replay.runners, names, strict=True):
        text = name if names.count(name) == 1 else f"{name} ({replay.ids[i]})"
        labels.append(text.replace("&", "&&"))
    return labels


def fill_follow_menu(menu: QMenu, replay: Replay, on_chosen: Callable[[str], None]) -> None:
    """Put replay's runners in menu, exclusive and the followed one checked; choosing one
    calls on_chosen with her id. A runner who did not finish is listed after them, greyed
    out. With one runner who finishes and none who did not there is nothing to show: the menu
    is disabled."""
    menu.clear()  # deletes the actions, not the group of the last race: delete it too
    for old in menu.findChildren(QActionGroup):
        old.setParent(None)
        old.deleteLater()
    group = QActionGroup(menu)
    for i, label in zip(replay.runners, runner_labels(replay), strict=True):
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(i == replay.focus)
        action.setData(replay.ids[i])
        action.setToolTip(f"Laps, gaps, the clock and the pocket cam follow {replay.ids[i]}")
        group.addAction(action)
        action.triggered.connect(lambda _=False, who=replay.ids[i]: on_chosen(who))
    for i in np.flatnonzero(replay.dnf):  # listed, so that her absence is explained
        a = replay.athletes[i]
        action = menu.addAction(f"{a.name} (did not finish)".replace("&", "&&"))
        action.setEnabled(False)
        stop = float(replay.dropout_distance_m[i])
        action.setToolTip(f"{a.name} stops at {stop:g} m: only runners who finish can be followed")
    # Open with one finisher too when a runner who did not finish is listed: her greyed
    # entry says why she cannot be chosen (review).
    menu.setEnabled(len(replay.runners) > 1 or bool(replay.dnf.any()))
