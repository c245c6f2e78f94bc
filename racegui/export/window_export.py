"""File > Export on the replay window: the export dialog opened with what the window shows
(replay, theme, splits tab, comparison, race time, presentation mode)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt

from racegui.export.dialog import ExportDialog
from racegui.export.export_folder import default_folder
from racegui.export.options import ExportOptions
from racegui.model.timefmt import clock_text

MIN_CLIP_S = 3.0
"""The least race (s) a clip from the paused time proposes: paused nearer the last finish
than this (4:07.29 of 4:07.30, a 1-frame video), the whole race is proposed instead. 3 s
is a runner's last dozen strides, about the least a viewer can see a finish happen in;
a clip shorter than that is typed on purpose, not proposed."""


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
    at_s: float | None = None
    """The window's race time (s) when that export's dialog opened: a replay paused
    elsewhere since proposes a clip from there instead of that export's span (clip_span)."""

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
        at_s: float | None = None,
    ) -> None:
        if options is not None:
            self.race, self.options, self.theme, self.at_s = race, options, theme, at_s


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


def _paused_mid_race(window) -> float | None:
    """The race time (s) the window is paused at, where that is after the start and at least
    MIN_CLIP_S before the last finish (as the race time fields show them): None while it
    plays, at the start, and from MIN_CLIP_S before the last finish on (paused at 4:07.29
    of a race whose last finish is 4:07.30 had proposed a 1-frame clip)."""
    clock = getattr(window, "clock", None)
    if clock is None or clock.playing:
        return None
    t = float(clock.time())
    end = window.replay.race_end_s
    if clock_text(t) == clock_text(0.0) or t <= 0.0 or end - t < MIN_CLIP_S - 1e-6:
        return None
    return t


def clip_span(
    paused_s: float | None, last: ExportOptions | None, last_at_s: float | None
) -> tuple[float, ExportOptions | None]:
    """Where a clip is proposed to start (s), and the last export's options the dialog
    starts with: from where the window is paused mid-race (paused_s, to the last finish:
    Ctrl+G 2:50 then Ctrl+E had proposed 0:00.00 to 4:06.42, coach's review), the last
    export's span left out, unless the window is paused where it was when that export's
    dialog opened (last_at_s: reopened to redo it, its span is kept); else the start, and
    the last export's span if any. The last export's other options are kept either way."""
    if paused_s is None:
        return 0.0, last
    if last is not None and last_at_s is not None and clock_text(last_at_s) == clock_text(paused_s):
        return paused_s, last
    if last is not None:
        last = replace(last, from_s=None, to_s=None)
    return paused_s, last


def open_export_dialog(window) -> ExportDialog:
    """Show the export dialog for a MainWindow's current replay, theme, splits tab and
    comparison, with big type if the window is in presentation mode, and the options of the
    last export of the same race in this session (its theme only where the user chose it
    in the dialog: else the window's now)."""
    memory, race = _memory(window), _race_key(window)
    now_s = _window_time(window)
    start_s, last_options = clip_span(_paused_mid_race(window), memory.for_race(race), memory.at_s)
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
        now_s=now_s,
        clip_start_s=start_s,
        presenting=_window_presenting(window),
        last=last_options,
        parent=window,
    )
    dialog.export_finished.connect(
        lambda _summary: memory.remember(race, dialog.last_options, dialog.chosen_theme, now_s)
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
