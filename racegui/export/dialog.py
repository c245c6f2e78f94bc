"""File > Export: a dialog for the export options, with progress, time left and Cancel.

Its options form is ExportFormMixin (dialog_form), the export run with its progress
ExportRunMixin (dialog_run); this module lays them out with the buttons.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from racegui.export.dialog_form import ExportFormMixin
from racegui.export.dialog_run import ExportRunMixin
from racegui.export.options import ExportFormat, ExportOptions, ExportOptionsError
from racegui.export.overwrite import race_file_problem
from racegui.model.replay import Replay
from racegui.model.timefmt import clock_text
from racegui.ui.settings import AppSettings


class ExportDialog(ExportFormMixin, ExportRunMixin, QDialog):
    """Choose export options, run the export, show progress; Cancel stops it cleanly."""

    export_finished = Signal(str)
    """One-line summary of a finished export."""

    def __init__(
        self,
        replay: Replay,
        *,
        theme: str = "dark",
        chosen_theme: str | None = None,
        splits: str = "laps",
        compare: Replay | None = None,
        race_path: Path | None = None,
        compare_path: Path | None = None,
        start_dir: Path | None = None,
        settings: AppSettings | None = None,
        now_s: float = 0.0,
        clip_start_s: float = 0.0,
        presenting: bool = False,
        last: ExportOptions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``theme`` and ``splits`` ("laps", "200m", "timed" or with ``compare`` "compare")
        start as the window shows them, the theme unless ``chosen_theme``: the one the user
        chose in the dialog for the last export of this race in this session (see
        chosen_theme); ``presenting``: the window is in presentation mode,
        so "Big type" starts ticked (else as in the last export); ``start_dir`` is the
        folder of the default path (home if None); ``settings``, if given, remembers the
        folder of each finished export (see :func:`default_folder`) and the big type and cards
        of the last export, which the dialog starts with; ``now_s``
        (s) is the window's race time, where a PNG still is taken unless the user says;
        ``clip_start_s`` (s) where a clip is proposed to start (to the last finish; the
        window's time where it is paused mid-race: window_export), "Whole race" going back
        to the start;
        ``race_path`` and ``compare_path`` are the files of replay and compare (None: not
        from a file), which an export is refused to write over; ``last``: the options of the
        last export of this race, which the dialog starts with (file, span, size, rate,
        speed and panel; the start of a clip only, a still's is now_s)."""
        super().__init__(parent)
        self.setWindowTitle("Export replay")
        self.replay = replay
        self.compare = compare
        self.race_files = (
            (race_path, "the race file open in the window"),
            (compare_path, "the compared race's file"),
        )
        """(path or None, what it is) of each race file shown, which an export must not be."""
        self._settings = settings
        self._cancel_requested = False
        self._running = False
        self._format: ExportFormat = "mp4"
        self._user_set: set[str] = set()  # "size", "fps", "panel", "presentation", "theme"
        self._proposing = False
        self._now_s = now_s
        self._clip_start_s = clip_start_s
        self._proposed_from = clock_text(clip_start_s)
        """The start time the dialog last put in the field (a time typed over it is kept)."""
        self._proposal_note = ""
        self.last_summary: str | None = None
        self.last_options: ExportOptions | None = None
        """The options of the last export this dialog finished."""
        self._window_theme = theme
        """The window's theme: the dialog follows it unless the user picks another."""
        if chosen_theme is not None and chosen_theme != theme:
            self._user_set.add("theme")
        self._build(chosen_theme or theme, splits, start_dir or Path.home())
        self._recall_options()
        if presenting:  # a presenter's clip is for a projector or a slide, as the window is
            self.presentation_check.setChecked(True)
        self._presenting = presenting
        """Big type was ticked for presentation mode: kept for the next dialog only if the
        user ticks or unticks it (else the last export's choice stays)."""
        self._connect()
        self._on_path_edited(self.path_edit.text())
        if last is not None:
            self._restore(last)

    # --- layout ------------------------------------------------------------------------------
    def _build(self, theme: str, splits: str, start_dir: Path) -> None:
        form = self._build_form(theme, splits, start_dir)
        self.check_label = QLabel("")
        self.check_label.setWordWrap(True)
        self.progress = QProgressBar()  # with the status line, shown once an export starts
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)

        layout = QVBoxLayout(self)
        self.options_box = QWidget()
        self.options_box.setLayout(form)
        layout.addWidget(self.options_box)
        layout.addWidget(self._outcome_stack())
        layout.addWidget(self.buttons)

    # --- slots -------------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        try:
            options, plan = self._checked()
        except ExportOptionsError as exc:
            QMessageBox.warning(self, "Export", str(exc))
            return
        problem = race_file_problem(options, self.race_files, plan.total)
        if problem is not None:  # asked before "Replace it?", which would write over it
            QMessageBox.warning(self, "Export", f"{problem}. Nothing was written.")
            return
        if options.output.exists() and not options.is_sequence:
            answer = QMessageBox.question(
                self, "Export", f"{options.output.name} exists. Replace it?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.run_export(options)

    def _on_cancel_clicked(self) -> None:
        if self._running:
            self.request_cancel()
        else:
            self.reject()

    def reject(self) -> None:  # Esc or the window's close button
        if self._running:
            self.request_cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._running:
            self.request_cancel()
            event.ignore()
            return
        super().closeEvent(event)
