"""File > Export on the replay window: the export dialog opened with what the window shows
(replay, theme, splits tab, comparison, race time, presentation mode)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt

from racegui.export.dialog import ExportDialog
from racegui.export.export_folder import default_folder
from racegui.export.options import ExportOptions


@dataclass
class ExportMemory:
    """The last export from a window in this session, and which race it was of: the next
    dialog for the same race starts with its options."""

    race: tuple[str, str, float] | None = None
    """(file, title, length in s) of the race exported."""
    options: ExportOptions | None = None
    theme: str | None = None
    """The theme the user chose in the dialog over the window's for that export (None: the
    window's, which the next dialog follows too, whatever the window shows then)."""

    def for_race(self, race: tuple[str, str, float]) -> ExportOptions | None:
        """The last export's options if it was of ``race``, else None."""
        return self.options if race == self.race else None

    def theme_for(self, race: tuple[str, str, float]) -> str | None:
        """The theme the user chose for the last export if it was of ``race``, else None."""
        return self.theme if race == self.race else None

    def remember(
        self,
        race: tuple[str, str, float],
        options: ExportOptions | None,
        theme: str | None = None,
    ) -> None:
        if options is not None:
            self.race, self.options, self.theme = race, options, theme


def _race_key(window) -> tuple[str, str, float]:
    """What makes the window's race the same race for the export memory."""
    replay = window.replay
    return (str(getattr(window, "path", None)), replay.race.title, float(replay.duration_s))


def _memory(window) -> ExportMemory:
    """The window's export memory (made on first use)."""
    memory = getattr(window, "export_memory", None)
    if not isinstance(memory, ExportMemory):
        memory = ExportMemory()
        window.export_memory = memory
    return memory


def _window_splits(window) -> str:
    """The splits table the window's panel shows: "laps", "200m", "timed" or "compare"."""
    scene = getattr(window, "scene", None)
    return scene.panel.splits.mode_name if scene is not None else "laps"


def _window_presenting(window) -> bool:
    """Whether the window is in presentation mode (F11): its action is checked then."""
    action = getattr(window, "actions", {}).get("presentation")
    return action is not None and action.isChecked()


def _window_time(window) -> float:
    """The race time (s) the window shows (0 for a window without a clock)."""
    clock = getattr(window, "clock", None)
    return float(clock.time()) if clock is not None else 0.0


def open_export_dialog(window) -> ExportDialog:
    """Show the export dialog for a MainWindow's current replay, theme, splits tab and
    comparison, with big type if the window is in presentation mode, and the options of the
    last export of the same race in this session (its theme only where the user chose it
    in the dialog: else the window's now)."""
    memory, race = _memory(window), _race_key(window)
    settings = getattr(window, "settings", None)
    last = settings.export_folder if settings is not None else ""
    start = default_folder(Path(last) if last else None, getattr(window, "path", None))
    dialog = ExportDialog(
        window.replay,
        theme=getattr(window, "theme_name", "dark"),
        chosen_theme=memory.theme_for(race),
        splits=_window_splits(window),
        compare=getattr(window, "compare", None),
        race_path=getattr(window, "path", None),
        compare_path=getattr(window, "compare_path", None),
        start_dir=start,
        settings=settings,
        now_s=_window_time(window),
        presenting=_window_presenting(window),
        last=memory.for_race(race),
        parent=window,
    )
    dialog.export_finished.connect(
        lambda _summary: memory.remember(race, dialog.last_options, dialog.chosen_theme)
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    # The dialog reports the finished export itself (it stays open with the summary): a
    # window.statusBar() message would create a status bar the window never had, an empty
    # strip under the controls that keeps its height for good.
    dialog.show()
    return dialog


def install_export(window) -> None:
    """Enable File > Export… on a MainWindow."""
    window.add_export_action(lambda: open_export_dialog(window))
