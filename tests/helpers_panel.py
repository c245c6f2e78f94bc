"""A side panel shown for a test, as the window shows it."""

from __future__ import annotations

from racegui.model.replay import Replay
from racegui.ui.app import ensure_app
from racegui.ui.panel import SidePanel
from racegui.ui.theme import DARK, Theme


def shown_panel(qtbot, replay: Replay, theme: Theme = DARK, size: tuple[int, int] = (420, 1000)):
    """A SidePanel of replay, size (w, h px), shown and exposed (qtbot closes it after)."""
    ensure_app()
    panel = SidePanel(replay, theme)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    return panel
