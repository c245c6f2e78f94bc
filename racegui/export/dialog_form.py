"""The export dialog's options form (a mixin of ExportDialog): its fields, what each format
proposes for them, the last export's options it starts with, and the options they give."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from racegui.cli_text import TypedTime, after_end_text
from racegui.export.cards import ghost_name
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
from racegui.export.pipeline import plan_for
from racegui.model.timefmt import (
    TimeFormatError,
    clock_text,
    parse_time,
    within_end,
)
from racegui.ui.file_dialogs import save_file_name
from racegui.ui.panel.compare_tab import compare_names

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


class ExportFormMixin:
    """The options form for a QDialog with `replay`, `compare` (Replay or None), `_settings`
    (AppSettings or None), `_format`, `_user_set`, `_proposing`, `_now_s`, `_clip_start_s`,
    `_proposed_from`, `_proposal_note` and `_presenting`, which shows their outcome with
    _clear_outcome and _refresh_check (ExportRunMixin)."""

    def _build_form(self, theme: str, splits: str, start_dir: Path) -> QFormLayout:
        """The options' fields, in rows of a form."""
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
        self.whole_button = QPushButton("Whole race")
        self.whole_button.setToolTip(
            f"From the start to the last finish ({clock_text(0.0)} to "
            f"{clock_text(self.replay.race_end_s)})"
        )
        self.whole_button.clicked.connect(self._on_whole_race_clicked)
        # Enter exports, even with the focus here after typing an end time and Tab: pressed,
        # it reset the span and dropped the time typed (GUI review). Space still presses it.
        self.whole_button.setAutoDefault(False)
        span = QHBoxLayout()
        span.addWidget(self.from_edit)
        span.addWidget(QLabel("to"))
        span.addWidget(self.to_edit)
        span.addWidget(self.whole_button)
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
        return form

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

    def _set_still(self, still: bool) -> None:
        """A PNG still is one picture at the start time: rate, speed, end and cards don't apply."""
        unused = (self.fps_spin, self.speed_combo, self.to_edit, self.whole_button)
        for widget in (*unused, self.title_spin, self.end_spin):
            widget.setEnabled(not still)
        self._propose_start(self._now_s if still else self._clip_start_s)

    def _propose_start(self, t: float) -> None:
        """Put race time t (s) in the start field, unless the user typed a time there."""
        if self.from_edit.text() != self._proposed_from:
            return
        self._proposed_from = clock_text(t)
        self.from_edit.setText(self._proposed_from)

    def _on_whole_race_clicked(self) -> None:
        """A clip of the whole race again, from the start to the last finish (proposed, as
        the race time fields start where the window is not paused mid-race)."""
        self._clip_start_s = 0.0
        self._proposed_from = clock_text(0.0)
        self.from_edit.setText(self._proposed_from)
        self.to_edit.setText(clock_text(self.replay.race_end_s))

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
