"""Opening a splits CSV in the window: a small dialog for what the CSV lacks or may set (the
race distance, a target time, the title and, for a stopwatch's lap CSV, the runner's name),
with what is wrong said beside it. Enter accepts what is filled in."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from racegui.io.csv_title import file_title
from racegui.io.distances import unmodelled_problem
from racegui.io.errors import CONTROLS, RaceFileError, control_problem
from racegui.io.lap_csv import lap_count_problem, what_fits
from racegui.io.laps import STANDARD_DISTANCES_M, distance_name, lap_word, laps_text
from racegui.io.race_file import MAX_SPEED_MPS, MIN_SPEED_MPS, typed_distance_m
from racegui.io.replay_file import CsvOptions, CsvPrefill, csv_prefill
from racegui.model.replay import Replay
from racegui.model.timefmt import TimeFormatError, format_time, parse_time
from racegui.ui.background_load import call_while_drawing, load_while_drawing
from racegui.ui.loading import LoadError, error_text

ERROR_COLOUR = "#d0342c"
"""Colour of what is wrong with a field (readable on the light and dark chrome)."""
ROW_SPACING = 10
"""Space (px) between the dialog's rows, and between its parts."""
_FIELD_WORDS = (
    (re.compile(r", which --distance set\b"), " given above"),
    (re.compile(r" \(set by --distance [^)]*\)"), " given above"),
    (re.compile(r"^--distance (\S+):"), r"Race distance \1 m:"),
    (re.compile(r"^--target (\S+):"), r"Target time \1:"),
    (re.compile(r"^--title:"), "Title:"),
    (re.compile(r"^--name:"), "Runner's name:"),
    (re.compile(r"\(--name gives another\)"), "(give another above)"),
    (re.compile(r"give it with --distance"), "give it above"),
    (re.compile(r": give it \(--distance\)"), ": give it above"),
    (re.compile(r"give its distance: --distance\)"), "give its distance above)"),
    (re.compile(r"; --distance gives another"), "; give another above"),
    (re.compile(r"\(--distance gives another\)"), "(give another above)"),
)
"""How a problem met on reading names racegui import's options, and what the dialog, whose
user has no options, says instead: its fields."""
_BOX_WORDS = (
    (re.compile(r"; --distance gives another"), ""),
    (re.compile(r" \(--distance gives another\)"), ""),
    (re.compile(r" \(a longer race\? give its distance: --distance\)"), ""),
)
"""What the window's message box leaves out of a problem met before the dialog opens (a
wide sheet whose finish was inferred: "1500 m, inferred as a step of 400 m on ...;
--distance gives another"): racegui import's options, which its user does not have, and
no field to give another distance in (review)."""


def dialogs_seen() -> bool:
    """Whether a modal dialog would be seen: not on Qt's offscreen or minimal platform (tests,
    a screenshot), where it would wait, unseen, for ever."""
    return QGuiApplication.platformName() not in ("offscreen", "minimal")


NO_DISTANCE = "Give the race distance."
"""What is wrong with the distance field left empty (not said before anything is typed)."""


def distance_problem(text: str) -> tuple[float | None, str | None]:
    """(metres, None) for a distance as typed ("1500", "1 mile", "5 km"), else (None, why)."""
    text = text.strip()
    if not text:
        return None, NO_DISTANCE
    unmodelled = unmodelled_problem(text, "{:g}")
    if unmodelled is not None:
        return None, f"“{text}”: {unmodelled.partition(': ')[2]}."
    metres = typed_distance_m(text)
    if not math.isfinite(metres) or metres <= 0:
        return None, f"“{text}” is not a distance: write metres (1500), 1 mile or 5 km."
    return metres, None


def target_problem(text: str, distance_m: float | None) -> tuple[float | None, str | None]:
    """(seconds, None) for a target time as typed (empty: (None, None), no target), else
    (None, why): "4.20" is 4.2 seconds, which no one runs 1500 m in."""
    text = text.strip()
    if not text:
        return None, None
    try:
        seconds = parse_time(text, decimal_comma=True)
    except TimeFormatError as exc:
        return None, f"Target: {exc}."
    if seconds <= 0:
        return None, "Target: a time must be after the start."
    if distance_m is None:
        return seconds, None
    name = distance_name(distance_m)
    if distance_m / seconds > MAX_SPEED_MPS:
        minutes = ":" not in text and seconds < 60
        hint = (
            f" (minutes and seconds are written {text.replace('.', ':', 1)}.00)" if minutes else ""
        )
        return None, (
            f"Target: {text} is {format_time(seconds)} seconds, faster than anyone runs "
            f"{name}{hint}."
        )
    if distance_m / seconds < MIN_SPEED_MPS:
        return None, f"Target: {format_time(seconds)} for {name} is slower than walking."
    return seconds, None


def in_dialog_words(text: str, table: tuple = _FIELD_WORDS) -> str:
    """A reading problem's lines as the dialog says them: its fields named where racegui
    import's options were ("which --distance set" is "given above"); table: the patterns
    and their words (_BOX_WORDS: a message box's, without fields)."""
    lines = text.split("\n")
    for pattern, words in table:
        lines = [pattern.sub(words, line) for line in lines]
    return "\n".join(lines)


def in_box_words(text: str) -> str:
    """A problem met before the dialog opens as the window's message box says it: without
    racegui import's options (_BOX_WORDS)."""
    return in_dialog_words(text, _BOX_WORDS)


def _metres_list(metres: tuple[float, ...]) -> str:
    """Distances as a sentence lists them: "400, 800 and 1200 m"."""
    names = [f"{m:g}" for m in metres]
    listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    return f"{listed} m"


def result_asked_text(split_columns_m: tuple[float, ...]) -> str:
    """Why the dialog asks a wide sheet's race distance (plain text): its Result column's
    distance is not in its header, only split columns before it."""
    last = split_columns_m[-1]
    beyond = [distance_name(d) for d in STANDARD_DISTANCES_M if d > last + BEYOND_M][:2]
    may_be = f", it may be {', '.join(beyond)} or longer" if beyond else ""
    text = (
        "Its header does not say the distance of its Result column, the finish: after "
        f"split columns at {_metres_list(split_columns_m)}{may_be}. Give the race distance."
    )
    return _UNIT_AFTER_NUMBER.sub("\\1\u00a0\\2", text)  # "1500 m" never wrapped apart


_UNIT_AFTER_NUMBER = re.compile(r"(\d) (m|km|miles?)\b")
"""A number and its unit, which a wrapped line keeps together (a no-break space)."""


BEYOND_M = 0.5
"""How far (m) a race distance must be past a wide sheet's last split column to be beyond
it (as the sheet reader takes distances within half a metre as one)."""


def _text_problem(what: str, text: str) -> str | None:
    why = control_problem(text, CONTROLS, "names, labels and titles")
    return f"{what} {why}." if why is not None else None


class CsvOpenDialog(QDialog):
    """Distance, target, title (and a lap CSV's runner) for a splits CSV; on OK the CSV is
    read with them, and what is wrong with it is shown here, the dialog staying open.
    `replay` is the race read, once accepted. heading: what is done with the file ("Open",
    "Compare with"), in the window title."""

    def __init__(
        self,
        path: Path,
        prefill: CsvPrefill,
        parent: QWidget | None = None,
        heading: str = "Open",
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.prefill = prefill
        self.replay: Replay | None = None
        self.setWindowTitle(f"{heading} {path.name}")
        layout = QVBoxLayout(self)
        layout.setSpacing(ROW_SPACING)
        layout.setContentsMargins(16, 14, 16, 12)
        about = QLabel(self._about(), self)
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setWordWrap(True)
        layout.addWidget(about)
        form = QFormLayout()
        form.setVerticalSpacing(ROW_SPACING)
        form.setHorizontalSpacing(12)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        distance = prefill.distance_m
        self.distance = QLineEdit(distance_name(distance) if distance is not None else "", self)
        self.distance.setPlaceholderText("1500, 1 mile, 5 km")
        self.distance.setObjectName("csv_distance")
        form.addRow("Race &distance:", self.distance)
        self.laps = QLabel(self)
        self.laps.setObjectName("csv_laps")
        self.laps.setWordWrap(True)  # as wide as the fields, wrapped where longer
        self.laps.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.laps.setEnabled(False)  # a hint, drawn as such (greyed)
        if prefill.laps is not None:
            form.addRow("", self.laps)
        else:
            self.laps.hide()
        self.target = QLineEdit(self)
        self.target.setPlaceholderText("optional: m:ss.xx, e.g. 4:20.00")
        self.target.setObjectName("csv_target")
        form.addRow("&Target time:", self.target)
        self.title = QLineEdit(prefill.title, self)
        self.title.setObjectName("csv_title")
        form.addRow("T&itle:", self.title)
        self.name = QLineEdit(file_title(path), self)
        self.name.setObjectName("csv_name")
        if self._asks_name():
            form.addRow("&Runner's name:", self.name)
        else:  # an athlete CSV, or a lap CSV of several runners, names its athletes
            self.name.hide()
        layout.addSpacing(4)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setObjectName("csv_problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # a cell quoted may hold "<"
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR};")
        layout.addWidget(self.problem)
        layout.addStretch(1)  # room left over goes above the buttons, not between rows
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._distance_typed = False
        """Whether the distance has been edited: left empty as it opened, OK is greyed but
        nothing is said in red (the text above says what to give)."""
        self.distance.textChanged.connect(self._on_distance_edited)
        for edit in (self.distance, self.target, self.title, self.name):
            edit.textChanged.connect(self._check)
        self.setMinimumWidth(560)
        # Focus starts on the first field, Tab going down the fields and then to the buttons
        # (it had started on Target time when the distance was filled in, Tab then reaching
        # Race distance last, after Cancel: a keyboard user's review).
        self.distance.setFocus()
        self.resize(self.minimumWidth(), 0)
        self._check()

    def _about(self) -> str:
        """What the file is (rich text, above the fields), and for a lap CSV what its laps
        fit."""
        name = escape(self.path.name)
        if self.prefill.laps is not None:
            fits = what_fits(self.prefill.laps)
            whose, laps = "one runner's", lap_word(self.prefill.laps)
            if not self._asks_name():
                whose, laps = f"{self.prefill.runners} runners'", f"{laps} for the finishers"
            return (
                f"<p><b>{name}</b> holds {whose} laps from a stopwatch "
                f"({laps}). The race distance places them: the last "
                f"lap ends at the finish.</p><p>{fits[0].upper()}{fits[1:]}.</p>"
            )
        asked = ""
        if self.prefill.split_columns_m:
            asked = escape(result_asked_text(self.prefill.split_columns_m)) + " "
        names = self.prefill.names
        whose = f"of {escape(names[0])}" if len(names) == 1 else "of its athletes"
        return (
            f"<p><b>{name}</b> holds the splits {whose}. {asked}Set a target time to "
            "see the gaps to it.</p>"
        )

    def options(self) -> tuple[CsvOptions | None, str | None]:
        """(the options as filled in, None), or (None, what is wrong with them)."""
        distance_m, why = distance_problem(self.distance.text())
        if why is None and self.prefill.laps is not None:
            why = lap_count_problem(self.prefill.laps, distance_m)
            why = why[0].upper() + why[1:] + "." if why else None
        columns = self.prefill.split_columns_m
        if (
            why is None
            and columns
            and distance_m is not None
            and distance_m < columns[-1] + BEYOND_M
        ):
            why = (
                f"The race is longer than {columns[-1]:g} m: the sheet has a split column at "
                f"{columns[-1]:g} m before its Result column, the finish."
            )
        target_s, target_why = target_problem(self.target.text(), distance_m)
        title = " ".join(self.title.text().split()) or None
        name = " ".join(self.name.text().split()) or None
        why = (
            why
            or target_why
            or _text_problem("The title", title or "")
            or _text_problem("The name", name or "")
        )
        if why is not None:
            return None, why
        laps_name = name if self._asks_name() else None
        return CsvOptions(distance_m, title, target_s, laps_name), None

    def _asks_name(self) -> bool:
        """Whether the runner's name is asked: a lap CSV of one runner's laps."""
        return self.prefill.laps is not None and self.prefill.runners == 1

    def _on_distance_edited(self) -> None:
        self._distance_typed = True

    def _check(self) -> None:
        """Say what is wrong with the fields (OK greyed while anything is), but not that
        the distance is wanted before it is edited (a red line before anything was typed)."""
        options, why = self.options()
        if self.prefill.laps is not None:
            distance_m, _ = distance_problem(self.distance.text())
            laps = laps_text(distance_m, self.prefill.laps) if distance_m is not None else ""
            self.laps.setText(laps)
        quiet = why == NO_DISTANCE and not self._distance_typed
        self._say("" if quiet else why or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(why is None)

    def _say(self, problem: str) -> None:
        """Show what is wrong ("": nothing), the dialog growing to fit it rather than
        squeezing its rows together."""
        self.problem.setText(problem)
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def read(self) -> Replay:
        """The CSV read with the options filled in (LoadError if it cannot be)."""
        options, why = self.options()
        if options is None:
            raise LoadError(why, [why])
        return load_while_drawing(self, self.path, options)  # the dialog drawn while it reads

    def accept(self) -> None:  # noqa: D102 - read first; stay open and say why if it fails
        try:
            self.replay = self.read()
        except LoadError as exc:
            prefix = f"{self.path}: "
            self._say(in_dialog_words(error_text(exc).replace(prefix, "")))
            return
        super().accept()


def guessed_distance_text(path: Path, laps: int, distance_m: float) -> str:
    """The line saying that a lap CSV of `laps` laps was read at distance_m (m), the race
    they fit best, no distance being given (a --screenshot had said nothing of it)."""
    return (
        f"racegui: {path}: {lap_word(laps)}, read as {distance_name(distance_m)}, the race "
        "they fit best (--distance gives another)"
    )


def open_csv(
    path: Path,
    parent: QWidget | None = None,
    *,
    ask: bool = True,
    lap_distance_m: float | None = None,
    heading: str = "Open",
    distance_m: float | None = None,
    on_guess: Callable[[str], None] | None = None,
    refuse: Callable[[CsvPrefill], bool] | None = None,
) -> Replay | None:
    """A splits CSV read with what the dialog is given (None: cancelled); LoadError for a
    file that cannot be read. Without `ask`, or where no dialog would be seen
    (dialogs_seen), it is read as the dialog would start, with what is known of it.
    lap_distance_m: the distance (m) a lap CSV's dialog starts at unless its laps clearly
    fit another race (a race compared with one of that distance: csv_prefill); heading:
    see CsvOpenDialog; distance_m (m): the race distance, as racegui import's --distance (the
    dialog starts at it); on_guess: told, where no dialog is seen, the line saying which
    distance a lap CSV was read at when none was given (guessed_distance_text); refuse:
    shown what is known of the file before its dialog, True stopping there (None returned:
    a comparison of a CSV whose own lines fix another distance, CsvPrefill.fixed)."""
    try:  # a first look through the file, which may be a big one: the window draws on
        prefill = call_while_drawing(parent, Path(path), lambda: csv_prefill(path, lap_distance_m))
    except RaceFileError as exc:  # said in the window's words where it asks (not --screenshot)
        words = in_box_words if ask else str
        raise LoadError(words(str(exc)), [words(line) for line in exc.lines()]) from exc
    if refuse is not None and refuse(prefill):
        return None
    if distance_m is not None:
        prefill = replace(prefill, distance_m=distance_m)
    dialog = CsvOpenDialog(path, prefill, parent, heading)
    try:
        if not ask or not dialogs_seen():
            if distance_m is not None:  # read as racegui import reads it, with its words
                return load_while_drawing(dialog, path, CsvOptions(distance_m=distance_m))
            replay = dialog.read()
            if on_guess is not None and distance_m is None and prefill.laps is not None:
                on_guess(guessed_distance_text(path, prefill.laps, replay.race.distance_m))
            return replay
        return dialog.replay if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
