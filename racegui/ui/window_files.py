"""The replay window's race files (a mixin of MainWindow): opening a race (File > Open, Open
Recent, a file dropped on the window), comparing it with another, and saving it as a race file.
A file that cannot be read or written is said in a message box; the race shown stays."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from racegui.export.file_naming import name_problem_sentence
from racegui.io.atomic import same_file
from racegui.io.replay_file import CsvPrefill, compare_options, is_splits_csv, reading_notes
from racegui.model.follow import compared
from racegui.model.replay import Replay, already_shown, comparison_problem, distance_problem
from racegui.ui.background_load import load_while_drawing
from racegui.ui.csv_dialog import open_csv
from racegui.ui.loading import LoadError, error_text
from racegui.ui.save_race import as_json_name, save_race

DROPPED_SUFFIXES = (".json", ".csv", ".txt", ".tsv")
"""Files taken when dropped on the window, each read for what it holds (io.file_kind): a
race file (JSON) or splits (Excel saves "Text (Tab delimited)" as .txt)."""


class RaceFilesMixin:
    """Race files for a QMainWindow with `replay`, `path`, `compare`, `compare_path`,
    `settings` (AppSettings), `scene` (ReplayScene) and `actions`, which shows a replay with
    _set_replay(replay, path, keep_time=False)."""

    def open_path(self, path: str | Path) -> bool:
        """Show the race in a file; on error show a message and keep the current race. A
        splits CSV is read with what its dialog is given (csv_dialog); False if cancelled."""
        try:
            if is_splits_csv(path):
                replay = open_csv(Path(path), self)
            else:  # a big file takes seconds: read off the GUI thread, the window drawing on
                replay = load_while_drawing(self, path)
            if replay is None:
                return False
        except LoadError as exc:
            try:
                gone = not Path(path).exists()
            except OSError:  # a name too long to look up cannot be opened again either
                gone = True
            if gone:  # gone since it was opened: not recent any more
                self.settings.remove_recent(str(Path(path).resolve()))
            self._show_error("Cannot open race", exc)
            return False
        self._set_replay(replay, Path(path))
        self._remember_opened(Path(path))
        self.show_reading_notes()
        return True

    def show_reading_notes(self) -> None:
        """Say what racegui import and validate would note of the file shown (a short athlete
        read as a pacer, rows left out, a lap faster than world record pace), if anything:
        opened in the window, such a file had shown no word of it (coach's review)."""
        if self.path is None:
            return
        notes = reading_notes(self.replay.race, is_splits_csv(self.path))
        if notes:
            QMessageBox.information(
                self,
                f"Notes on {self.path.name}",
                f"{self.path.name} was read as it is; check these:\n\n"
                + "\n".join(f"• {note.removeprefix('note: ')}" for note in notes),
            )

    def _remember_opened(self, path: Path) -> None:
        """A race file shown: first in File > Open Recent, and its folder the one the next
        file dialog starts in. A file given on the command line had been neither (coach's
        review: Open Recent listed only files opened through File > Open)."""
        try:
            full = Path(path).resolve()
        except OSError:
            return
        self.settings.add_recent(str(full))
        self.settings.last_folder = str(full.parent)

    def open_compare(self, path: str | Path) -> bool:
        """Show another race's runner as a ghost on the same clock. A splits CSV is read
        with what its dialog is given, as on opening one (a lap CSV's starting at the race
        shown's distance: it had been read unasked, its runner named after the file); False
        if cancelled. The file shown is refused at once, before a CSV's dialog (which had
        asked its distance first and only then said it was the race shown: review R11)."""
        if self.path is not None and same_file(Path(path), self.path):
            problem = already_shown(self.replay.race.title)
            QMessageBox.critical(self, "Cannot compare", f"{path}:\n{problem}.")
            return False
        try:
            if is_splits_csv(path):
                shown_m = compare_options(self.replay).lap_distance_m
                other = open_csv(
                    Path(path),
                    self,
                    lap_distance_m=shown_m,
                    heading="Compare with",
                    refuse=lambda prefill: self._other_distance(path, prefill),
                )
                if other is None:
                    return False
            else:
                other = load_while_drawing(self, path)
        except LoadError as exc:
            self._show_error("Cannot open comparison race", exc)
            return False
        problem = comparison_problem(self.replay, other)
        if problem is not None:
            QMessageBox.critical(self, "Cannot compare", f"{path}:\n{problem}.")
            return False
        self.set_compare(other, Path(path))
        self.settings.last_folder = str(Path(path).resolve().parent)
        return True

    def _other_distance(self, path: str | Path, prefill: CsvPrefill) -> bool:
        """Whether a splits CSV's own lines fix a distance other than the shown race's,
        said as a comparison of another distance is (before its dialog, which had offered
        the CSV's "3000 m" on a mile and refused it only after OK: coach's review)."""
        if not prefill.fixed or prefill.distance_m is None:
            return False
        problem = distance_problem(self.replay.race, prefill.title, prefill.distance_m)
        if problem is not None:
            QMessageBox.critical(self, "Cannot compare", f"{path}:\n{problem}.")
        return problem is not None

    def set_compare(self, other: Replay | None, path: Path | None = None) -> None:
        """Show other's runner as a ghost (None: no comparison): the runner followed, where
        she ran in it too (follow.compared); path is its file, which an export must not
        write over."""
        other = compared(self.replay, other) if other is not None else None
        self.compare = other
        self.compare_path = path if other is not None else None
        self.scene.set_compare(other)
        self.actions["clear_compare"].setEnabled(other is not None)
        self._show_splits_mode()

    def clear_compare(self) -> None:
        self.set_compare(None)

    def save_as(self, chosen: str) -> bool:
        """Write the race shown to chosen (.json added if it has another ending), naming the
        runner followed in its "follow" unless she is the winner: the window then shows
        that file, first in Open Recent. False, with a message, if it
        cannot be written."""
        path = as_json_name(chosen)
        misnamed = name_problem_sentence(Path(chosen)) or name_problem_sentence(path)
        if misnamed is not None:  # " race.json" and "...json" had been written so named
            QMessageBox.critical(self, "Cannot save", misnamed)
            return False
        if self.path is not None and same_file(path, self.path) and is_splits_csv(self.path):
            QMessageBox.critical(self, "Cannot save", f"{path} is the CSV shown.")
            return False
        replay, race = self.replay, self.replay.race
        followed = replay.ids[replay.focus]
        winner = replace(race, follow=None).focus.id
        follow = None if followed == winner else followed  # the file opens on her
        if follow != race.follow:
            replay = replace(replay, race=replace(race, follow=follow))
        problem = save_race(replay.race, path)
        if problem is not None:
            QMessageBox.critical(self, "Cannot save", problem)
            return False
        self.settings.set_splits_for(path, self.scene.panel.splits.mode_name)  # tab kept
        self._set_replay(replay, path, keep_time=True)
        self._remember_opened(path)
        return True

    def _show_error(self, title: str, exc: LoadError) -> None:
        QMessageBox.critical(self, title, error_text(exc))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if (
            urls
            and urls[0].isLocalFile()
            and urls[0].toLocalFile().lower().endswith(DROPPED_SUFFIXES)
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        urls = event.mimeData().urls()
        if urls:
            self.open_path(urls[0].toLocalFile())
            event.acceptProposedAction()
