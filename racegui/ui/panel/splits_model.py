"""Table model for lap and 200 m splits: rows not reached yet show "—" (no spoilers)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

from racegui.model.analysis import Lap, SplitRow
from racegui.model.timefmt import format_delta, format_published, format_time
from racegui.ui.panel.style import LEVEL, PanelStyle, kind_of, rgba

NOT_YET = "—"
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Row:
    """One table row, formatted once: label, elapsed, segment, target segment, delta, and
    the segment's delta (a split table's; ``fields`` numbers them 0..5)."""

    label: str
    elapsed: str
    segment: str
    target: str
    delta: str
    kind: str
    time_s: float
    published: bool = False
    tip: str = ""
    short_label: str = ""
    """The label where the table is narrow ("" = the label)."""
    estimated: frozenset[int] = frozenset()
    """Fields (0 label .. 5 segment delta) whose figure is read from the model between
    published splits (drawn in italics), not published."""
    segment_delta: str = ""
    """The segment against the target's over the same stretch (a split table's Δ split)."""
    segment_kind: str = LEVEL
    """How the segment delta is coloured (kind_of)."""


TARGET_FIELD, SEGMENT_DELTA = 3, 5
"""Row fields of the target's segment and of the segment's delta (the fields: label,
elapsed, segment, target, delta, segment delta)."""
LAP_FIELDS = (0, 1, 2, 3, 4)
"""A table's columns, by Row field: label, elapsed, segment, target, delta."""
SPLIT_FIELDS = (0, 1, 2, 3, SEGMENT_DELTA, 4)
"""A split table's: the target's segment, then the segment against it (Δ split), then the
elapsed time against the target's (Δ total), as info prints them."""


def lap_rows(laps: tuple[Lap, ...], mark: str = "DNF", dq_finish: bool = False) -> list[Row]:
    """Rows of the lap table (delta = lap time minus target lap time); mark: the runner's
    where she stopped ("DQ" if disqualified there: lap_labels). dq_finish: she finished and
    was disqualified, her last row (the finish) is marked "DQ · 3000 m", her times kept."""
    out = []
    for k, lap in enumerate(laps):
        at_dq_finish = dq_finish and k == len(laps) - 1 and not lap.at_stop
        label, short = lap_labels(lap, mark)
        if at_dq_finish:
            label, short = f"DQ · {lap.end_m:.0f} m", f"DQ {lap.end_m:.0f} m"
        tip = f"Lap from {lap.start_m:.1f} m to {lap.end_m:.1f} m, at the finish line ("
        if lap.stopped:
            tip = f"Lap {lap.number} from {lap.start_m:.1f} m to where the runner stopped, "
            tip += f"{lap.end_m:.1f} m: {stop_words(mark)} ("
        elif lap.at_stop:  # she stopped on the line, at the end of a whole lap
            tip = f"Lap {lap.number} from {lap.start_m:.1f} m to {lap.end_m:.1f} m, at the "
            tip += f"finish line, where the runner stopped: {stop_words(mark)} ("
        tip += _source(lap.published, lap.lap_time_published, "lap time") + ")"
        if at_dq_finish:
            tip += f": {DQ_FINISH_WORDS}"
        delta = lap.delta_s
        out.append(
            Row(
                label,
                format_published(lap.time_s, lap.decimals),
                format_published(lap.lap_time_s, lap.lap_decimals),
                _opt_time(lap.target_lap_time_s),
                _opt_delta(delta),
                kind_of(delta),
                lap.time_s,
                published=lap.published,
                tip=tip,
                short_label=short,
                estimated=_estimated(lap.published, lap.lap_time_published, delta_on_end=False),
            )
        )
    return out


DQ_FINISH_WORDS = "the runner finished, was disqualified"
"""What a tooltip says of the finish of a runner disqualified after finishing."""


def stop_words(mark: str) -> str:
    """What a tooltip says of a runner where she stopped, by her mark: "was disqualified"
    ("DQ"), else "did not finish"."""
    return "was disqualified" if mark == "DQ" else "did not finish"


def _source(end: bool, segment: bool, what: str) -> str:
    """Where a row's times come from, for its tooltip."""
    if end and segment:
        return "a published split"
    if end:
        return f"time published; {what} read from the model between splits, in italics"
    return "read from the model between published splits, in italics"


def _estimated(end: bool, segment: bool, *, delta_on_end: bool) -> frozenset[int]:
    """Columns of a row that are estimates: the elapsed time unless its end is published, the
    segment unless both its ends are, and the delta with the elapsed time (delta_on_end) or
    with the segment; the segment's delta with the segment."""
    cols = set()
    if not end:
        cols.add(1)
    if not segment:
        cols |= {2, SEGMENT_DELTA}
    if not (end if delta_on_end else segment):
        cols.add(4)
    return frozenset(cols)


def lap_labels(lap: Lap, mark: str = "DNF") -> tuple[str, str]:
    """("1 · 409 m", "to 409 m"): the lap and the distance (m) at its end, and that distance
    alone for a narrow table. Laps end at the finish line (a mile's at 409 m, 809 m, ...),
    not at the 400 m marks of the published splits, and the label says so. Where a runner
    who did not finish stopped, her mark: "DNF · 2000 m" ("DQ · 2000 m")."""
    name = "Start" if lap.number == 0 else str(lap.number)
    end = f"{lap.end_m:.0f} m"
    if lap.at_stop:  # where a runner who did not finish stopped, short of the line or on it
        return f"{mark} · {end}", f"{mark} {end}"
    return f"{name} · {end}", f"to {end}"


SPLIT_STEP_M = 200.0
"""The 200 m table's step between marks (m)."""


def split_rows(
    splits: tuple[SplitRow, ...],
    race_m: float,
    stop_m: float | None = None,
    mark: str = "DNF",
    dq_finish: bool = False,
) -> list[Row]:
    """Rows of the 200 m table (delta = elapsed minus target elapsed); the row at stop_m
    (m: where a runner who did not finish stopped, her last split) is labelled "DNF 2000"
    (her mark: "DQ 2000" if disqualified there). dq_finish: she finished and was
    disqualified, her finish row is "DQ 3000" (as a stop's), her times kept."""
    out = []
    for s in splits:
        finish = abs(s.distance_m - race_m) < 1e-6
        label = "Finish" if finish else f"{s.distance_m:.0f}"
        at_stop = stop_m is not None and abs(s.distance_m - stop_m) < 1e-6
        if at_stop:
            label = f"{mark} {s.distance_m:.0f}"
        elif finish and dq_finish:
            label = f"DQ {s.distance_m:.0f}"
        if s.segment_time_s is None:
            tip = f"{s.distance_m:.1f} m (between two 200 m marks: no 200 m split)"
        else:
            tip = f"{s.distance_m:.1f} m ({_source(s.published, s.segment_published, 'split')})"
            if not out and s.distance_m < SPLIT_STEP_M - 1e-6:  # a 1500 m's 100 m
                tip += f": its split is the {s.distance_m:.0f} m from the start"
        if at_stop:
            tip += f": where the runner stopped, {stop_words(mark)}"
        elif finish and dq_finish:
            tip += f": {DQ_FINISH_WORDS}"
        delta = s.delta_s
        segment_delta = s.segment_delta_s
        out.append(
            Row(
                label,
                format_published(s.time_s, s.decimals),
                ""
                if s.segment_time_s is None
                else format_published(s.segment_time_s, s.segment_decimals),
                "" if s.segment_time_s is None else _opt_time(s.target_segment_time_s),
                _opt_delta(delta),
                kind_of(delta),
                s.time_s,
                published=s.published,
                tip=tip,
                estimated=_estimated(
                    s.published, s.segment_published or s.segment_time_s is None, delta_on_end=True
                ),
                segment_delta=_opt_delta(segment_delta),
                segment_kind=kind_of(segment_delta),
            )
        )
    return out


class SplitsModel(QAbstractTableModel):
    """Rows before `reached` are shown; the row being run is highlighted; later ones dimmed."""

    def __init__(
        self,
        headers: tuple[str, ...],
        tips: tuple[str, ...] = (),
        parent=None,
        fields: tuple[int, ...] = LAP_FIELDS,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self.fields = fields
        """The Row field (LAP_FIELDS, SPLIT_FIELDS) each column shows."""
        self._tips = tips
        """Header tooltips, by column ("" or missing: none)."""
        self._rows: list[Row] = []
        """The rows shown: `_own`, or `_ahead` until the last of `_own` is reached."""
        self._own: list[Row] = []
        self._ahead: list[Row] = []
        """A runner who did not finish: her table as a finisher's, to the finish, shown until
        she stops (her own rows end at where she stopped, "DNF 2200", which would give it
        away); empty for a finisher."""
        self._marks = False
        """Some row has a published split's dot (so every label leaves room for one). A
        compact table (short labels, a narrow panel) has no room for dots: its tooltips still
        say which times are published."""
        self._reached = 0
        self._compact = False
        self._style: PanelStyle | None = None
        self._dot = QPixmap()
        self._blank = QPixmap()
        """A clear pixmap the dot's size: unmarked labels line up with marked ones."""
        self._fonts: tuple[QFont, QFont, QFont, QFont] = (QFont(), QFont(), QFont(), QFont())
        """Normal, bold (the row being run, and deltas), then both in italics (estimates)."""

    def set_rows(self, rows: list[Row], ahead: list[Row] | None = None) -> None:
        """Replace all rows (a new replay). ``ahead``: a runner who did not finish, the rows
        shown instead of ``rows`` until the last of them (where she stopped) is reached:
        her table as a finisher's, to the finish."""
        self.beginResetModel()
        self._own = rows
        self._ahead = list(ahead or [])
        self._rows = self._ahead or rows
        self._marks = any(row.published for row in self._every())
        self._reached = 0
        self.endResetModel()

    def _every(self) -> list[Row]:
        """Every row either table may show (for sizes: the columns do not change width as
        she stops)."""
        return self._own + self._ahead

    def _show(self, rows: list[Row]) -> None:
        """Show these rows instead (the first rows of both tables are the same run): rows
        are removed or added at the end, then every cell refreshed."""
        if rows is self._rows:
            return
        old, new = len(self._rows), len(rows)
        if new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._rows = rows
            self.endRemoveRows()
        elif new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._rows = rows
            self.endInsertRows()
        self._rows = rows
        self._changed_all()

    @property
    def sized_rows(self) -> int:
        """Rows a table of this model is sized for: the most it shows before or after a
        runner who did not finish stops (her table as a finisher's, then her own, shorter),
        so that the card keeps its height and the cards around it stay put as she stops."""
        return max(len(self._own), len(self._ahead))

    @property
    def has_estimates(self) -> bool:
        """Some figure is read from the model between published splits (in italics)."""
        return any(row.estimated for row in self._every())

    def set_style(self, style: PanelStyle) -> None:
        """Colours and fonts; refreshes every cell."""
        self._style = style
        size = style.px(7)
        pm = QPixmap(size, size)
        pm.fill(QColor(0, 0, 0, 0))
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(style.runner_accent)
        p.drawEllipse(0, 0, size, size)
        p.end()
        self._dot = pm
        self._blank = QPixmap(size, size)
        self._blank.fill(QColor(0, 0, 0, 0))
        fonts = [style.font(0.95), style.font(0.95, bold=True)]
        for font in fonts[:2]:
            font = QFont(font)
            font.setItalic(True)
            fonts.append(font)
        self._fonts = tuple(fonts)
        self._changed_all()

    def set_reached(self, reached: int) -> bool:
        """Rows 0..reached-1 have been run; returns True if that changed (cells refreshed)."""
        rows = self._own if not self._ahead or reached >= len(self._own) else self._ahead
        if reached == self._reached and rows is self._rows:
            return False
        self._reached = reached
        self._show(rows)
        self._changed_all()
        return True

    @property
    def reached(self) -> int:
        return self._reached

    def current_row(self) -> int | None:
        """Row being run now (None before there are rows or after the last one)."""
        return self._reached if self._reached < len(self._rows) else None

    def labels(self, compact: bool = False, every: bool = False) -> list[str]:
        """The first column's texts, top to bottom (compact: as in a narrow table); every:
        those of the rows shown before and after a runner who did not finish stops too."""
        rows = self._every() if every else self._rows
        return [(row.short_label or row.label) if compact else row.label for row in rows]

    def column_texts(self, column: int, every: bool = False) -> list[str]:
        """Every row's text in a figure column (1 elapsed .. the last) once run, top to
        bottom, whether run yet or not (every: as for labels)."""
        return self.field_texts(self.fields[column], every)

    def field_texts(self, field: int, every: bool = False) -> list[str]:
        """Every row's text of a Row field (1 elapsed .. 5 segment delta), as column_texts
        ("" where no column shows it)."""
        rows = self._every() if every else self._rows
        if field not in self.fields:
            return []
        return [_values(r, r.label)[field] for r in rows]

    def field_header(self, field: int) -> str:
        """The header of the column showing a Row field ("" where none does)."""
        return self._headers[self.fields.index(field)] if field in self.fields else ""

    def set_compact(self, on: bool) -> None:
        """Show the short labels (a narrow table) or the full ones."""
        if on != self._compact:
            self._compact = on
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def row_time(self, row: int) -> float:
        """Elapsed time (s) at the end of a row."""
        return self._rows[row].time_s

    def _changed_all(self) -> None:
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # --- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _align(section)
            if role == Qt.ItemDataRole.FontRole and self._style is not None:
                return self._style.font(0.78, bold=True)
            if role == Qt.ItemDataRole.ToolTipRole and section < len(self._tips):
                return self._tips[section] or None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._style is None:
            return None
        r, c = index.row(), index.column()
        row = self._rows[r]
        reached = r < self._reached
        current = r == self._reached
        style = self._style
        t = style.theme
        f = self.fields[c]
        if role == Qt.ItemDataRole.DisplayRole:
            label = (row.short_label or row.label) if self._compact else row.label
            if f in (0, 3) or reached:
                return _values(row, label)[f]
            return NOT_YET
        if role == Qt.ItemDataRole.ForegroundRole:
            if not reached and not current:
                return QColor(style.dim)
            kind = {4: row.kind, SEGMENT_DELTA: row.segment_kind}.get(f, LEVEL)
            if reached and kind != LEVEL:
                return QColor(style.colour_of(kind))
            if f == 3:
                return QColor(t.text_muted)
            return QColor(t.text)
        if role == Qt.ItemDataRole.BackgroundRole and current:
            return rgba(style.runner_accent.name(), 0.22)
        if role == Qt.ItemDataRole.FontRole:
            italic = 2 if f in row.estimated else 0
            return self._fonts[italic + (1 if current or f in (4, SEGMENT_DELTA) else 0)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(c)
        if role == Qt.ItemDataRole.DecorationRole and c == 0 and self._marks and not self._compact:
            return self._dot if row.published else self._blank
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.time_s != row.time_s:  # a distance she never reached: nowhere to jump
                return row.tip
            return f"{row.tip}; click to jump to {format_time(row.time_s)}"
        return None


def _values(row: Row, label: str) -> tuple[str, ...]:
    """A row's texts by field (0 label .. 5 segment delta), with this label."""
    return (label, row.elapsed, row.segment, row.target, row.delta, row.segment_delta)


def _align(column: int) -> int:
    h = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight
    return int(h | Qt.AlignmentFlag.AlignVCenter)


def _opt_time(s: float | None) -> str:
    return NOT_YET if s is None else format_time(s)


def _opt_delta(s: float | None) -> str:
    return "" if s is None else format_delta(s)
