"""File > Export: a dialog for the export options, with progress, time left and Cancel.

Frames are drawn on the GUI thread (Qt widgets cannot be drawn elsewhere) while the encoder
works in its own thread; the dialog lets the event loop run about 20 times a second, so the
replay window keeps painting and Cancel is heard. Cancel removes the temporary file: the
destination is either complete or untouched.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from racegui.export.options import MAX_CARD_S, SIZE_PRESETS, ExportOptions, ExportOptionsError
from racegui.export.progress_text import format_clock, format_summary
from racegui.model.replay import Replay
from racegui.model.timefmt import TimeFormatError, format_time, parse_time
from racegui.resources_path import resources_dir

SPEEDS = (1.0, 2.0, 4.0, 8.0, 16.0)
PUMP_INTERVAL_MS = 50
"""How often (ms) the event loop runs during an export."""
PATH_MIN_CHARS = 44
PATH_MAX_CHARS = 72
"""The Save-as field fits the default path, but is between these many average characters wide."""
FILTERS = "MP4 video (*.mp4);;Animated GIF (*.gif);;PNG image (*.png)"
FOLDER_KEY = "export/folder"
"""Settings key of the folder the user last exported to."""
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_WORDS = re.compile(r"[^\W_]+")


def file_stem(title: str) -> str:
    """A file name stem from a race title: "Faith Kipyegon's mile" -> "faith-kipyegons-mile"."""
    words = _WORDS.findall(_APOSTROPHES.sub("", title.lower()))
    return "-".join(words) or "replay"


def _writable_dir(folder: Path | None) -> bool:
    return folder is not None and folder.is_dir() and os.access(folder, os.W_OK)


def _user_file_folder(path: Path | None) -> Path | None:
    """The folder of a race file the user has (None for a demo race shipped with racegui)."""
    if path is None:
        return None
    folder = Path(path).expanduser().absolute().parent
    shipped = resources_dir().absolute()
    return None if folder.is_relative_to(shipped) else folder


def _videos_folder() -> Path | None:
    location = QStandardPaths.StandardLocation.MoviesLocation
    found = QStandardPaths.writableLocation(location)
    return Path(found) if found else None


def default_folder(last: Path | None, race_path: Path | None) -> Path:
    """Where an export goes unless the user says otherwise.

    The folder of the last export, else the race file's folder (a user file, not a shipped
    demo), else the user's Videos (Movies) folder, else home; each only if it is writable.
    """
    for folder in (last, _user_file_folder(race_path), _videos_folder()):
        if _writable_dir(folder):
            return folder
    return Path.home()


class ExportDialog(QDialog):
    """Choose export options, run the export, show progress; Cancel stops it cleanly."""

    export_finished = Signal(str)
    """One-line summary of a finished export."""

    def __init__(
        self,
        replay: Replay,
        *,
        theme: str = "dark",
        compare: Replay | None = None,
        start_dir: Path | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``start_dir`` is the folder of the default path (home if None); ``settings``, if
        given, remembers the folder of each finished export (see :func:`default_folder`)."""
        super().__init__(parent)
        self.setWindowTitle("Export replay")
        self.replay = replay
        self.compare = compare
        self._settings = settings
        self._cancel_requested = False
        self._running = False
        self.last_summary: str | None = None
        self._build(theme, start_dir or Path.home())

    # --- layout ------------------------------------------------------------------------------
    def _build(self, theme: str, start_dir: Path) -> None:
        form = QFormLayout()
        default = start_dir / f"{file_stem(self.replay.race.title)}.mp4"
        self.path_edit = QLineEdit(str(default))
        # Wide enough to show where a file goes, not just the end of its name.
        metrics = self.path_edit.fontMetrics()
        char = metrics.averageCharWidth()
        wanted = metrics.horizontalAdvance(str(default)) + 4 * char
        self.path_edit.setMinimumWidth(
            round(min(max(wanted, PATH_MIN_CHARS * char), PATH_MAX_CHARS * char))
        )
        self.path_edit.setToolTip(str(default))
        self.path_edit.textChanged.connect(self.path_edit.setToolTip)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._on_browse_clicked)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow("Save as", row)

        self.size_combo = QComboBox()
        for key, (w, h) in SIZE_PRESETS.items():
            self.size_combo.addItem(f"{w} × {h}  ({key})", (w, h))
        form.addRow("Size", self.size_combo)
        self.fps_spin = QSpinBox()
        self.fps_spin.setRange(1, 120)
        self.fps_spin.setValue(30)
        self.fps_spin.setSuffix(" fps")
        form.addRow("Frame rate", self.fps_spin)
        self.speed_combo = QComboBox()
        for s in SPEEDS:
            self.speed_combo.addItem("real time" if s == 1 else f"{s:g}× faster", s)
        form.addRow("Speed", self.speed_combo)
        self.from_edit = QLineEdit(format_time(0.0))
        self.to_edit = QLineEdit(format_time(self.replay.race_end_s))
        span = QHBoxLayout()
        span.addWidget(self.from_edit)
        span.addWidget(QLabel("to"))
        span.addWidget(self.to_edit)
        form.addRow("Race time", span)
        self.panel_check = QCheckBox("Show the side panel")
        self.panel_check.setChecked(True)
        form.addRow("", self.panel_check)
        self.theme_combo = QComboBox()
        self.theme_combo.addItems(["dark", "light"])
        self.theme_combo.setCurrentText(theme)
        form.addRow("Theme", self.theme_combo)
        self.title_spin = self._seconds_spin(0.0)
        self.end_spin = self._seconds_spin(0.0)
        form.addRow("Title card", self.title_spin)
        form.addRow("End card", self.end_spin)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
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
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    @staticmethod
    def _seconds_spin(value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(0.0, MAX_CARD_S)
        spin.setSingleStep(1.0)
        spin.setDecimals(1)
        spin.setSuffix(" s")
        spin.setValue(value)
        return spin

    # --- options -----------------------------------------------------------------------------
    def options(self) -> ExportOptions:
        """The options as entered (ExportOptionsError with one sentence if any is bad)."""
        try:
            start = parse_time(self.from_edit.text())
            end = parse_time(self.to_edit.text())
        except TimeFormatError as exc:
            raise ExportOptionsError(f"Race time: {exc}.") from None
        if end > self.replay.duration_s + 1e-6:
            raise ExportOptionsError(
                f"The replay ends at {format_time(self.replay.duration_s)}; "
                f"choose an end time before that."
            )
        options = ExportOptions(
            output=Path(self.path_edit.text().strip()).expanduser(),
            size=tuple(self.size_combo.currentData()),
            fps=self.fps_spin.value(),
            speed=float(self.speed_combo.currentData()),
            from_s=start,
            to_s=end,
            panel=self.panel_check.isChecked(),
            theme=self.theme_combo.currentText(),
            title_card_s=self.title_spin.value(),
            end_card_s=self.end_spin.value(),
        )
        options.validate()
        return options

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

        self._running = True
        self._cancel_requested = False
        self.options_box.setEnabled(False)
        self.export_button.setEnabled(False)
        self.status.setText("Preparing…")
        self.cancel_button.setText("Cancel")
        source = SceneFrameSource(
            self.replay,
            theme_named(options.theme),
            options.size,
            panel=options.panel,
            compare=self.compare,
        )
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
            source.close()
            self._running = False
            self.options_box.setEnabled(True)
            self.export_button.setEnabled(True)
        summary = format_summary(result)
        self.last_summary = summary
        if self._settings is not None:
            self._settings.setValue(FOLDER_KEY, str(options.output.absolute().parent))
        self.cancel_button.setText("Close")  # the export is done: this button now closes
        self.status.setText(summary)
        self.export_finished.emit(summary)
        return summary

    def _show_progress(self, done: int, total: int, elapsed_s: float) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        left = elapsed_s / done * (total - done) if done else 0.0
        self.status.setText(f"{done} of {total} frames  ·  {format_clock(left)} left")

    def request_cancel(self) -> None:
        """Stop the running export after the current frame (the temporary file is removed)."""
        self._cancel_requested = True

    # --- slots -------------------------------------------------------------------------------
    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export replay", self.path_edit.text(), FILTERS)
        if path:
            self.path_edit.setText(path)

    def _on_export_clicked(self) -> None:
        try:
            options = self.options()
        except ExportOptionsError as exc:
            QMessageBox.warning(self, "Export", str(exc))
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


def open_export_dialog(window) -> ExportDialog:
    """Show the export dialog for a MainWindow's current replay, theme and comparison."""
    store = getattr(getattr(window, "settings", None), "store", None)
    last = store.value(FOLDER_KEY) if store is not None else None
    start = default_folder(Path(last) if last else None, getattr(window, "path", None))
    dialog = ExportDialog(
        window.replay,
        theme=getattr(window, "theme_name", "dark"),
        compare=getattr(window, "compare", None),
        start_dir=start,
        settings=store,
        parent=window,
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
