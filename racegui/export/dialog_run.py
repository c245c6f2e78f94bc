"""The export dialog's running part (a mixin of ExportDialog): an export run with progress,
time left and Cancel, and the line under the options saying what they will write.

Frames are drawn on the GUI thread (Qt widgets cannot be drawn elsewhere) while the encoder
works in its own thread; the dialog lets the event loop run about 20 times a second, so the
replay window keeps painting and Cancel is heard. Cancel removes the temporary file: the
destination is either complete or untouched.
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from racegui.export.dialog_text import describe_plan, panel_words
from racegui.export.options import ExportOptions, ExportOptionsError
from racegui.export.progress_text import format_clock, format_summary, left_over_note

PUMP_INTERVAL_MS = 50
"""How often (ms) the event loop runs during an export."""
PROBLEM_COLOURS = ("#b3261e", "#ff8a80")
"""Colour of a problem with the options on a light and on a dark dialog."""


_NUMBER_AND_UNIT = re.compile(r"(\d) (MB|frames?|fps)\b")


def _units_kept_on(text: str) -> str:
    """text with a no-break space between each number and its unit: the wrapped summary
    had put "1.8" at a line's end and "MB" on the next (presenter's review)."""
    return _NUMBER_AND_UNIT.sub("\\1\u00a0\\2", text)


class _NoWindowRepaint(QObject):
    """Event filter that drops a top-level widget's repaint requests (QEvent.UpdateRequest).

    An export draws its offscreen scene with render_image; the scene, shown with
    WA_DontShowOnScreen, also asks to repaint its own (never seen) window after every frame,
    and each event pump during the export did so: a whole 1080p scene painted for nothing,
    up to 20 times a second.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        return event.type() == QEvent.Type.UpdateRequest


class ExportRunMixin:
    """Running an export for a QDialog with `replay`, `compare`, `_settings`, `_running`,
    `_cancel_requested`, `_proposal_note`, `last_summary`, `last_options`, the signal
    `export_finished`, the widgets `options_box`, `check_label`, `progress`, `status`,
    `export_button` and `cancel_button`, and the options form (ExportFormMixin)."""

    def _outcome_stack(self) -> QStackedWidget:
        """The line saying what the options will write, and in its place once an export
        starts the progress bar and its status line, in a stack as tall as the taller of the
        two: the rows above and the buttons below do not move as the bar appears (they moved
        down a bar's height as it did, presenter's review)."""
        self.check_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        running = QWidget()
        box = QVBoxLayout(running)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.progress)
        box.addWidget(self.status)
        box.addStretch(1)
        self.outcome = QStackedWidget()
        """Page 0: the check line; page 1: the progress bar and the status line."""
        self.outcome.addWidget(self.check_label)
        self.outcome.addWidget(running)
        # Room for the bar and two status lines (the result, "Wrote …/clip.mp4: 91 frames,
        # …", wraps to two), whether or not they are shown yet: the result had taken its
        # second line from the rows above, which moved up 2 px.
        line = self.status.fontMetrics().lineSpacing()
        bar = self.progress.sizeHint().height()
        self.outcome.setMinimumHeight(bar + box.spacing() + 2 * line)
        return self.outcome

    def _show_outcome(self, shown: bool) -> None:
        """The progress bar and the status line in place of the check line (or back)."""
        self.progress.setVisible(shown)
        self.status.setVisible(shown)
        self.outcome.setCurrentIndex(1 if shown else 0)

    def _clear_outcome(self) -> None:
        """Options changed since the last export: its result line no longer applies."""
        if self._running or self.status.isHidden():
            return
        self.status.clear()
        self.progress.setValue(0)
        self._show_outcome(False)
        self.cancel_button.setText("Cancel")

    def _refresh_check(self) -> None:
        """Say under the options what they will write, or their first problem (Export off)."""
        if self._running:
            return
        try:
            options, plan = self._checked()
            text, problem = describe_plan(options, plan) + panel_words(options), False
        except ExportOptionsError as exc:
            text, problem = str(exc), True
        if self._proposal_note:
            text = f"{self._proposal_note}\n{text}"
        self.check_label.setText(text)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        self.check_label.setStyleSheet(f"color: {PROBLEM_COLOURS[dark]};" if problem else "")
        self.export_button.setEnabled(not problem)

    # --- running -----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """Whether an export is in progress."""
        return self._running

    def run_export(self, options: ExportOptions) -> str | None:
        """Run one export; returns its summary, or None if cancelled or failed (shown)."""
        from racegui.export.pipeline import ExportCancelled, export
        from racegui.export.scene_source import SceneFrameSource
        from racegui.ui.theme import theme_named

        self._remember_options(options)
        self._running = True
        self._cancel_requested = False
        self.options_box.setEnabled(False)
        self.export_button.setEnabled(False)
        self._show_outcome(True)
        self.status.setText("Preparing…")
        self.cancel_button.setText("Cancel")
        source = SceneFrameSource(
            options.followed(self.replay),
            theme_named(options.theme),
            options.size,
            panel=options.panel,
            compare=self.compare,
            splits=options.splits,
            presentation=options.presentation,
        )
        no_repaint = _NoWindowRepaint(self)
        source.scene.installEventFilter(no_repaint)  # drawn by the export only
        pump = QElapsedTimer()
        pump.start()
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            if pump.elapsed() < PUMP_INTERVAL_MS and done < total:
                return
            pump.restart()
            self._show_progress(done, total, time.monotonic() - started)
            QApplication.processEvents()

        try:
            result = export(
                source, options, progress=progress, cancelled=lambda: self._cancel_requested
            )
        except ExportCancelled:
            self.status.setText("Cancelled: nothing was written.")
            self.progress.setValue(0)
            return None
        except (ExportOptionsError, OSError, RuntimeError) as exc:
            self.status.setText("Export failed: nothing was written.")
            self.progress.setValue(0)
            text = str(exc)
            if isinstance(exc, OSError) and exc.strerror:  # not the temporary file's name
                text = f"Could not write {options.output}: {exc.strerror}"
            QMessageBox.warning(self, "Export failed", text)
            return None
        finally:
            source.scene.removeEventFilter(no_repaint)
            no_repaint.deleteLater()
            source.close()
            self._running = False
            self.options_box.setEnabled(True)
            self._refresh_check()
        summary = format_summary(result)
        self.last_summary = summary
        self.last_options = options
        if self._settings is not None:
            self._settings.export_folder = str(options.output.absolute().parent)
        self.cancel_button.setText("Close")  # the export is done: this button now closes
        note = left_over_note(result)
        shown = summary if note is None else f"{summary}\n{note[:1].upper()}{note[1:]}."
        self.status.setText(_units_kept_on(shown))
        self.export_finished.emit(summary)
        return summary

    def _show_progress(self, done: int, total: int, elapsed_s: float) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        left = elapsed_s / done * (total - done) if done else 0.0
        self.status.setText(f"{done:,} of {total:,} frames  ·  {format_clock(left)} left")

    def request_cancel(self) -> None:
        """Stop the running export after the current frame (the temporary file is removed)."""
        self._cancel_requested = True
