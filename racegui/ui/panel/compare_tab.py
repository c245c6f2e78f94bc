"""The splits card's comparison tab ("vs 2023"): her laps against another race's runner over
the same lines (model.compare_laps), rows revealed as she reaches each line."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from racegui.model.compare_laps import ComparedLap, compare_laps
from racegui.model.follow import stand_in
from racegui.model.names import short_name
from racegui.model.replay import Replay
from racegui.model.timefmt import format_delta, format_time
from racegui.ui.panel.splits_model import NOT_YET, Row, SplitsModel, lap_labels
from racegui.ui.panel.style import LEVEL, kind_of
from racegui.ui.race_status import compare_label
from racegui.ui.text_fit import clip_text

TAB_CHARS = 10
"""Longest text after "vs " on the tab's button (characters)."""
HEADER_CHARS = 9
"""Longest header of the other runner's time column (characters)."""
GAP_COLUMN, LAP_COLUMN = 3, 4
"""Columns of the gap at the line and of lap against lap (signed, coloured)."""

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CompareRow(Row):
    """A Row whose ``target`` column holds the gap at the line and ``delta`` lap against lap
    (``kind`` colours the delta, ``gap_kind`` the gap)."""

    gap_kind: str = LEVEL


@dataclass(frozen=True)
class CompareNames:
    """What the tab is called: its button ("vs 2023"), the other's time column ("2023") and
    the button's tooltip (who, in which race)."""

    tab: str
    column: str
    tip: str
    short_tab: str = ""
    """The tab's name without "vs " ("Kipyegon"), where the whole one has no room."""


def compare_names(shown: Replay, other: Replay) -> CompareNames:
    """Names of the comparison tab, from the compared race's tag (race_status.compare_label,
    "Kipyegon 2023"). Her own run in another race: what tells it apart, on the tab and the
    column ("vs 2023", "vs 12 May", "vs heat"); another runner: her name on the tab ("vs
    Hassan"; with the year it crowded the card's title row out of a narrow panel) and the
    race's year, else her name, on the column. ``short_tab``: the tab without "vs "."""
    label = compare_label(other, shown)
    runner = other.athletes[other.focus].name
    name = short_name(runner)  # the tag's first word(s), as compare_label writes it
    same = shown.athletes[shown.focus].name.casefold() == runner.casefold()
    rest = label[len(name) :].lstrip(", ").strip() if label.startswith(name) else ""
    when = f", {other.race.date}" if other.race.date else ""
    me = shown.athletes[shown.focus].name
    tip = f"Laps of {me} against {runner} in {other.race.title}{when}, line by line"
    found = stand_in(shown, other)
    if found is not None:
        tip += f" ({me} did not {'finish' if found.stopped else 'run in'} it)"
    tab = (rest if same else name) or label
    column = rest or name
    tab = clip_text(tab, TAB_CHARS)
    return CompareNames(f"vs {tab}", clip_text(column, HEADER_CHARS), tip, tab)


def stand_in_texts(shown: Replay, other: Replay) -> tuple[str, ...]:
    """What the tab says where her runner has no finished run in the race compared, and it
    compares the runner that race follows (follow.stand_in), longest first: "Compared with
    Faith Kipyegon: Gudaf Tsegay did not run in Kipyegon's mile world record", then by
    surnames ("Compared with Kipyegon: no Tsegay in that race"); () where it is her own
    run."""
    found = stand_in(shown, other)
    if found is None:
        return ()
    me, runner = shown.athletes[shown.focus].name, found.name
    mine, theirs = short_name(me), short_name(runner)
    if found.stopped:
        return (
            f"Compared with {runner}: {me} did not finish {other.race.title}",
            f"Compared with {theirs}: {mine} did not finish that race",
            f"vs {theirs}: {mine} did not finish",
        )
    return (
        f"Compared with {runner}: {me} did not run in {other.race.title}",
        f"Compared with {theirs}: no {mine} in that race",
        f"vs {theirs}: no {mine} there",
    )


def compare_rows(shown: Replay, other: Replay, whole_race: bool = False) -> list[CompareRow]:
    """Rows of the comparison tab: per lap line, her time, the other's, the gap (+ behind)
    and lap against lap (+ slower); ``whole_race`` as compare_laps."""
    return [_row(c) for c in compare_laps(shown, other, whole_race)[1]]


def _row(c: ComparedLap) -> CompareRow:
    lap = c.lap
    label, short = lap_labels(lap)
    other = _time(c.other_time_s)
    tip = (
        f"At {lap.end_m:.1f} m: the followed runner's time minus the other's is the gap (+ behind)"
    )
    if not other:
        tip = f"At {lap.end_m:.1f} m: the other runner did not get there"
    estimated = set()
    if not lap.published:  # her time there read from the model (as in the Laps tab)
        estimated |= {1, GAP_COLUMN}
    if not lap.lap_time_published:
        estimated.add(LAP_COLUMN)
    return CompareRow(
        label,
        format_time(lap.time_s),
        other,
        _delta(c.gap_s),
        _delta(c.lap_delta_s),
        kind_of(c.lap_delta_s),
        lap.time_s,
        published=lap.published,
        tip=tip,
        short_label=short,
        estimated=frozenset(estimated),
        gap_kind=kind_of(c.gap_s),
    )


def _time(s: float) -> str:
    return format_time(s) if math.isfinite(s) else ""


def _delta(s: float) -> str:
    return format_delta(s) if math.isfinite(s) else ""


class CompareModel(SplitsModel):
    """SplitsModel for CompareRows: a row not reached shows only its label (the gap would
    give the lap away), and both the gap and lap against lap are coloured and bold."""

    def set_headers(self, headers: tuple[str, ...]) -> None:
        """Rename the columns (the other's time column is named after the race compared)."""
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._style is None:
            return None
        r, c = index.row(), index.column()
        row = self._rows[r]
        reached = r < self._reached
        if c == GAP_COLUMN and isinstance(row, CompareRow):
            if role == Qt.ItemDataRole.DisplayRole:
                return row.target if reached else NOT_YET
            if role == Qt.ItemDataRole.ForegroundRole and reached:
                if row.gap_kind != LEVEL:
                    return QColor(self._style.colour_of(row.gap_kind))
                return QColor(self._style.theme.text)
            if role == Qt.ItemDataRole.FontRole:
                italic = 2 if c in row.estimated else 0
                return self._fonts[italic + 1]
        return super().data(index, role)
