"""File > Export: a dialog for the export options, with progress, time left and Cancel.

Frames are drawn on the GUI thread (Qt widgets cannot be drawn elsewhere) while the encoder
works in its own thread; the dialog lets the event loop run about 20 times a second, so the
replay window keeps painting and Cancel is heard. Cancel removes the temporary file: the
destination is either complete or untouched.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from racegui.cli_text import TypedTime, after_end_text
from racegui.export.cards import ghost_name
from racegui.export.dialog_text import describe_plan, panel_words
from racegui.export.file_naming import file_stem
from racegui.export.frames import FramePlan
from racegui.export.options import (
    COMPARE_SPLITS,
    MAX_CARD_S,
    MAX_FPS,
    SIZE_PRESETS,
    ExportFormat,
    ExportOptions,
    ExportOptionsError,
    check_gif_budget,
    format_for,
)
from racegui.export.overwrite import race_file_problem
from racegui.export.pipeline import plan_for
from racegui.export.progress_text import format_clock, format_summary, left_over_note
from racegui.model.replay import Replay
from racegui.model.timefmt import (
    TimeFormatError,
    clock_text,
    parse_time,
    within_end,
)
from racegui.ui.file_dialogs import save_file_name
from racegui.ui.panel.compare_tab import compare_names
from racegui.ui.settings import AppSettings

SPEEDS = (1.0, 2.0, 4.0, 8.0, 16.0)
PUMP_INTERVAL_MS = 50
"""How often (ms) the event loop runs during an export."""
PATH_MIN_CHARS = 44
PATH_MAX_CHARS = 72
"""The Save-as field fits the default path, but is between these many average characters wide."""
FORMATS: dict[ExportFormat, str] = {"mp4": "MP4 video", "gif": "Animated GIF", "png": "PNG image"}
"""The formats the dialog offers, with their names in the Format box and Browse's filters."""
FILTERS = ";;".join(f"{label} (*.{fmt})" for fmt, label in FORMATS.items())
PROPOSED: dict[ExportFormat, tuple[tuple[int, int], int, bool]] = {
    "mp4": ((1920, 1080), 30, True),
    "gif": ((640, 360), 15, False),
    "png": ((1920, 1080), 30, True),
}
"""Size (px), frame rate (fps) and side panel proposed for each format, unless the user chose
their own: a 640x360 GIF has no panel (its text would be 3 to 4 px tall)."""
FORMAT_NAMES: dict[ExportFormat, str] = {"mp4": "an MP4", "gif": "a GIF", "png": "a PNG"}
"""Each format as the dialog's notes name it."""
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


class ExportDialog(QDialog):
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
        self._proposed_from = clock_text(0.0)
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
        form = QFormLayout()
        form.addRow(
            "Save as", self._path_row(start_dir / f"{file_stem(self.replay.race.title)}.mp4")
        )
        self.format_combo = QComboBox()
        for fmt, label in FORMATS.items():
            self.format_combo.addItem(label, fmt)
        form.addRow("Format", self.format_combo)
        self.size_combo = QComboBox()
        for key, (w, h) in SIZE_PRESETS.items():
            self.size_combo.addItem(f"{w} × {h}  ({key})", (w, h))
        form.addRow("Size", self.size_combo)
        self.fps_spin = QSpinBox()
        self.fps_spin.setRange(1, MAX_FPS)
        self.fps_spin.setValue(30)
        self.fps_spin.setSuffix(" fps")
        form.addRow("Frame rate", self.fps_spin)
        self.speed_combo = QComboBox()
        for s in SPEEDS:
            self.speed_combo.addItem("real time" if s == 1 else f"{s:g}× faster", s)
        form.addRow("Speed", self.speed_combo)
        self.from_edit = QLineEdit(self._proposed_from)
        self.to_edit = QLineEdit(clock_text(self.replay.race_end_s))
        span = QHBoxLayout()
        span.addWidget(self.from_edit)
        span.addWidget(QLabel("to"))
        span.addWidget(self.to_edit)
        form.addRow("Race time", span)
        self.panel_check = QCheckBox("Show the side panel")
        self.panel_check.setChecked(True)
        form.addRow("", self.panel_check)
        self.splits_combo = QComboBox()
        self.splits_combo.addItem("Laps (to the finish line)", "laps")
        self.splits_combo.addItem("Every 200 m (with the published splits)", "200m")
        self.splits_combo.addItem("Timed (the race file's own splits)", "timed")
        if self.compare is not None:  # the window's comparison tab, which it may be showing
            names = compare_names(self.replay, self.compare)
            kind = "Splits" if names.by_splits else "Laps"
            self.splits_combo.addItem(f"{kind} {names.tab} (the comparison tab)", COMPARE_SPLITS)
        self.splits_combo.setCurrentIndex(max(self.splits_combo.findData(splits), 0))
        self.splits_combo.setToolTip("Which table the side panel's Splits card shows")
        form.addRow("Splits table", self.splits_combo)
        self.theme_combo = QComboBox()
        self.theme_combo.addItems(["dark", "light"])
        self.theme_combo.setCurrentText(theme)
        self.theme_combo.setToolTip("Colours of the exported replay")
        form.addRow("Theme", self.theme_combo)
        self.presentation_check = QCheckBox("Big type for a projector or a slide")
        self.presentation_check.setToolTip(
            "Laid out as the window's presentation mode: the panel's text 1.4 times as big, "
            "fewer secondary lines"
        )
        form.addRow("", self.presentation_check)
        self.ghost_label: QLabel | None = None
        if self.compare is not None:  # the window's comparison goes into the video too
            self.ghost_label = QLabel(f"{ghost_name(self.compare, self.replay)}, as in the window")
            self.ghost_label.setToolTip(
                "The compared race runs as a ghost in the export, with its gap on the "
                "scoreboard (Clear comparison in the File menu to leave it out)"
            )
            form.addRow("Ghost", self.ghost_label)
        self.title_spin = self._seconds_spin("Seconds of video showing the race title first")
        self.end_spin = self._seconds_spin("Seconds of video showing the result at the end")
        form.addRow("Title card", self.title_spin)
        form.addRow("End card", self.end_spin)

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
        # Room for the bar and a status line, whether or not they are shown yet.
        line = self.status.fontMetrics().lineSpacing()
        self.outcome.setMinimumHeight(self.progress.sizeHint().height() + box.spacing() + line)
        return self.outcome

    def _show_outcome(self, shown: bool) -> None:
        """The progress bar and the status line in place of the check line (or back)."""
        self.progress.setVisible(shown)
        self.status.setVisible(shown)
        self.outcome.setCurrentIndex(1 if shown else 0)

    def _path_row(self, default: Path) -> QHBoxLayout:
        """The Save-as field, wide enough to show where a file goes, and Browse."""
        self.path_edit = QLineEdit(str(default))
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
        return row

    def _connect(self) -> None:
        """Keep the format, the proposed settings and the live check in step with the fields."""
        self.path_edit.textChanged.connect(self._on_path_edited)
        self.format_combo.activated.connect(self._on_format_activated)
        self.size_combo.currentIndexChanged.connect(self._on_size_changed)
        self.size_combo.activated.connect(self._on_size_changed)  # also the size already shown
        self.fps_spin.valueChanged.connect(self._on_fps_changed)
        self.panel_check.toggled.connect(self._on_panel_toggled)
        self.speed_combo.currentIndexChanged.connect(self._on_option_changed)
        self.from_edit.textChanged.connect(self._on_option_changed)
        self.to_edit.textChanged.connect(self._on_option_changed)
        self.title_spin.valueChanged.connect(self._on_option_changed)
        self.end_spin.valueChanged.connect(self._on_option_changed)
        self.splits_combo.currentIndexChanged.connect(self._on_option_changed)
        self.theme_combo.currentIndexChanged.connect(self._on_option_changed)
        self.theme_combo.activated.connect(self._on_theme_activated)
        self.presentation_check.toggled.connect(self._on_option_changed)
        self.presentation_check.toggled.connect(self._on_presentation_toggled)

    def _recall_options(self) -> None:
        """Start with the type size and card lengths of the last export (settings, if any).
        Not its theme: remembered across sessions, it overrode the window's, and a user who
        had switched the window to light got a dark export (laptop user's review)."""
        if self._settings is None:
            return
        self.presentation_check.setChecked(self._settings.export_presentation)
        self.title_spin.setValue(self._settings.export_title_card_s)
        self.end_spin.setValue(self._settings.export_end_card_s)

    def _remember_options(self, options: ExportOptions) -> None:
        """Keep the type size and card lengths of an export for the next dialog."""
        if self._settings is None:
            return
        if not self._presenting or "presentation" in self._user_set:
            self._settings.export_presentation = options.presentation
        if not options.is_still:  # a still's (greyed out) cards were not used
            self._settings.export_title_card_s = options.title_card_s
            self._settings.export_end_card_s = options.end_card_s

    def _restore(self, last: ExportOptions) -> None:
        """Start as the last export of this race: reopened, the dialog had gone back to a
        whole-race MP4, and Return started 7,394 frames (keyboard user's review). Its size,
        rate and panel count as the user's where they differ from what its format proposes."""
        self.path_edit.setText(str(last.output))  # the format, and what it proposes
        fmt = self._format
        proposed_size, proposed_fps, proposed_panel = PROPOSED[fmt]
        self._proposing = True
        try:
            sizes = [tuple(self.size_combo.itemData(i)) for i in range(self.size_combo.count())]
            if tuple(last.size) in sizes:
                self.size_combo.setCurrentIndex(sizes.index(tuple(last.size)))
            self.fps_spin.setValue(last.fps)
            self.panel_check.setChecked(last.panel)
            speed = self.speed_combo.findData(last.speed)
            if speed >= 0:
                self.speed_combo.setCurrentIndex(speed)
        finally:
            self._proposing = False
        chosen = {
            "size": tuple(last.size) != proposed_size,
            "fps": last.fps != proposed_fps,
            "panel": last.panel != proposed_panel,
        }
        self._user_set |= {name for name, differs in chosen.items() if differs}
        self._proposal_note = ""
        if not last.is_still:  # a still's time is the window's now
            if last.from_s is not None:
                self.from_edit.setText(clock_text(last.from_s))
            if last.to_s is not None:
                self.to_edit.setText(clock_text(last.to_s))
        self._refresh_check()

    @property
    def chosen_theme(self) -> str | None:
        """The theme the user picked over the window's (None: the window's is shown): for
        the window to start the next dialog of this race with, in this session."""
        return self.theme_combo.currentText() if "theme" in self._user_set else None

    def _on_theme_activated(self, _index: int) -> None:
        """The user picked a theme: their choice where it is not the window's; the
        window's picked again, the dialog follows the window again."""
        if self.theme_combo.currentText() != self._window_theme:
            self._user_set.add("theme")
        else:
            self._user_set.discard("theme")

    def _on_presentation_toggled(self, _on: bool) -> None:
        self._user_set.add("presentation")

    @staticmethod
    def _seconds_spin(tip: str) -> QDoubleSpinBox:
        """A card length box in video seconds, reading "none" at 0."""
        spin = QDoubleSpinBox()
        spin.setRange(0.0, MAX_CARD_S)
        spin.setSingleStep(1.0)
        spin.setDecimals(1)
        spin.setSuffix(" s")
        spin.setSpecialValueText("none")
        spin.setToolTip(tip)
        return spin

    def _set_still(self, still: bool) -> None:
        """A PNG still is one picture at the start time: rate, speed, end and cards don't apply."""
        unused = (self.fps_spin, self.speed_combo, self.to_edit, self.title_spin, self.end_spin)
        for widget in unused:
            widget.setEnabled(not still)
        self._propose_start(self._now_s if still else 0.0)

    def _propose_start(self, t: float) -> None:
        """Put race time t (s) in the start field, unless the user typed a time there."""
        if self.from_edit.text() != self._proposed_from:
            return
        self._proposed_from = clock_text(t)
        self.from_edit.setText(self._proposed_from)

    # --- options -----------------------------------------------------------------------------
    def options(self) -> ExportOptions:
        """The options as entered (ExportOptionsError with one sentence if any is bad)."""
        return self._checked()[0]

    def _checked(self) -> tuple[ExportOptions, FramePlan]:
        """The options as entered and their frames, checked (ExportOptionsError if bad)."""
        try:
            output = Path(self.path_edit.text().strip()).expanduser()
        except RuntimeError as exc:  # "~nosuchuser/clip.mp4"
            raise ExportOptionsError(f"Save as: {exc}.") from None
        still = ExportOptions(output=output).is_still  # a still ignores the (greyed) end
        ends = self.replay.duration_s
        times = []
        for edit, name in ((self.from_edit, "start"), (self.to_edit, "end")):
            if name == "end" and still:
                times.append(None)
                continue
            try:
                typed = parse_time(edit.text())
            except TimeFormatError as exc:
                raise ExportOptionsError(f"Race time: {exc}.") from None
            t = within_end(typed, ends)
            if t is None:
                as_typed = TypedTime(typed, edit.text())
                raise ExportOptionsError(after_end_text(f"The {name} time", as_typed, ends) + ".")
            times.append(t)
        start, end = times
        options = ExportOptions(
            output=output,
            size=tuple(self.size_combo.currentData()),
            fps=self.fps_spin.value(),
            speed=float(self.speed_combo.currentData()),
            from_s=start,
            to_s=end,
            panel=self.panel_check.isChecked(),
            splits=self.splits_combo.currentData(),
            theme=self.theme_combo.currentText(),
            presentation=self.presentation_check.isChecked(),
            title_card_s=self.title_spin.value(),
            end_card_s=self.end_spin.value(),
            follow=self.replay.ids[self.replay.focus],
        )
        options.validate()
        plan = plan_for(options, self.replay.duration_s)
        if options.format == "gif":
            check_gif_budget(plan.total, options.size, plan)
        return options, plan

    def problem(self) -> str | None:
        """The first problem with the options as entered, shown live (None if there is none)."""
        try:
            self._checked()
        except ExportOptionsError as exc:
            return str(exc)
        return None

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

    def _propose_settings(self, fmt: ExportFormat) -> None:
        """Set the size and frame rate that suit ``fmt``, except those the user chose."""
        size, fps, panel = PROPOSED[fmt]
        before = (
            self.size_combo.currentText(),
            self.fps_spin.value(),
            self.panel_check.isChecked(),
        )
        self._proposing = True
        try:
            if "size" not in self._user_set:
                sizes = [self.size_combo.itemData(i) for i in range(self.size_combo.count())]
                self.size_combo.setCurrentIndex([tuple(s) for s in sizes].index(size))
            if "fps" not in self._user_set:
                self.fps_spin.setValue(fps)
            if "panel" not in self._user_set:
                self.panel_check.setChecked(panel)
        finally:
            self._proposing = False
        changed = []
        if self.size_combo.currentText() != before[0]:
            changed.append("size " + " ".join(self.size_combo.currentText().split()))
        if self.fps_spin.value() != before[1] and fmt != "png":  # a still has no rate
            changed.append(f"{self.fps_spin.value()} fps")
        if self.panel_check.isChecked() != before[2]:
            changed.append("side panel" if self.panel_check.isChecked() else "no side panel")
        self._proposal_note = (
            f"Set for {FORMAT_NAMES[fmt]}: {', '.join(changed)} (yours to change)."
            if changed
            else ""
        )
        """Which options the format changed, said under them until the user changes one (a
        presenter typing .gif saw the size, rate and panel change without a word)."""

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

    # --- slots -------------------------------------------------------------------------------
    def _on_browse_clicked(self) -> None:
        filters = FILTERS.split(";;")
        current = filters[list(FORMATS).index(self._format)]
        path, chosen = save_file_name(
            self, "Export replay", self.path_edit.text(), FILTERS, current
        )
        if not path:
            return
        if not Path(path).suffix and chosen in filters:  # "clip" typed with the GIF filter
            path += f".{list(FORMATS)[filters.index(chosen)]}"
        self.path_edit.setText(path)

    def _on_path_edited(self, text: str) -> None:
        try:
            fmt = format_for(Path(text.strip()))
        except ExportOptionsError:
            fmt = None  # shown by the live check
        if fmt is not None and fmt != self._format:
            self._format = fmt
            self.format_combo.setCurrentIndex(list(FORMATS).index(fmt))
            self._propose_settings(fmt)
        self._set_still(fmt == "png" and ExportOptions(Path(text.strip())).is_still)
        self._clear_outcome()
        self._refresh_check()

    def _on_format_activated(self, index: int) -> None:
        text = self.path_edit.text().strip()
        suffix = Path(text).suffix
        stem = text[: -len(suffix)] if suffix else text
        self.path_edit.setText(f"{stem}.{self.format_combo.itemData(index)}")

    def _on_size_changed(self) -> None:
        self._note_choice("size")

    def _on_fps_changed(self) -> None:
        self._note_choice("fps")

    def _on_panel_toggled(self) -> None:
        self.splits_combo.setEnabled(self.panel_check.isChecked())  # a table of no panel
        self._note_choice("panel")

    def _note_choice(self, name: str) -> None:
        if not self._proposing:
            self._user_set.add(name)
            self._proposal_note = ""
        self._on_option_changed()

    def _on_option_changed(self) -> None:
        self._clear_outcome()
        self._refresh_check()

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
