"""The splits card's comparison tab ("vs 2023"): her published splits against another race's
runner's at the same distances where both files give them (model.compare_splits), else her
laps against that runner over the same lines (model.compare_laps); rows revealed as she
reaches each."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from racegui.model.compare_laps import ComparedLap, compare_laps
from racegui.model.compare_splits import ComparedSplit, compare_splits, shared_splits_m
from racegui.model.follow import compared, stand_in
from racegui.model.names import short_name
from racegui.model.replay import Replay
from racegui.model.timefmt import format_delta, format_published
from racegui.ui.panel.splits_model import NOT_YET, Row, SplitsModel, lap_labels, stop_words
from racegui.ui.panel.style import LEVEL, kind_of
from racegui.ui.race_status import compare_label, namesake
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
    by_split: bool = False
    """A row of published splits (compare_splits), not of a lap."""


@dataclass(frozen=True)
class CompareNames:
    """What the tab is called: its button ("vs 2023"), the other's time column ("2023") and
    the button's tooltip (who, in which race)."""

    tab: str
    column: str
    tip: str
    short_tab: str = ""
    """The tab's name without "vs " ("Kipyegon"), where the whole one has no room."""
    by_splits: bool = False
    """The tab compares published splits (compare_splits), not laps."""


def compare_names(shown: Replay, other: Replay) -> CompareNames:
    """Names of the comparison tab, from the compared race's tag (race_status.compare_label,
    "Kipyegon 2023"). Her own run in another race: what tells it apart, on the tab and the
    column ("vs 2023", "vs 12 May", "vs heat"); another runner: her name on the tab ("vs
    Hassan"; with the year it crowded the card's title row out of a narrow panel) and the
    race's year, else her name, on the column. A runner whose name the shown race has too
    (race_status.namesake: "Ortiz" of another race beside its own Sam Ortiz) is told apart
    as her own run is ("vs 9 June"): "vs Ortiz" had read as the race's own Ortiz (coach's
    review). ``short_tab``: the tab without "vs "."""
    label = compare_label(other, shown)
    runner = other.athletes[other.focus].name
    name = short_name(runner)  # the tag's first word(s), as compare_label writes it
    told_apart = namesake(other, shown)  # her tag names her race: so does the tab
    rest = label[len(name) :].lstrip(", ").strip() if label.startswith(name) else ""
    when = f", {other.race.date}" if other.race.date else ""
    me = shown.athletes[shown.focus].name
    tip = f"Laps of {me} against {runner} in {other.race.title}{when}, line by line"
    by_splits = bool(shared_splits_m(shown, compared(shown, other)))
    if by_splits:
        tip = f"Published splits of {me} against {runner} in {other.race.title}{when}"
    found = stand_in(shown, other)
    if found is not None:
        tip += f" ({me} did not {'finish' if found.stopped else 'run in'} it)"
    tab = (rest if told_apart else name) or label
    column = rest or name
    tab = clip_text(tab, TAB_CHARS)
    return CompareNames(f"vs {tab}", clip_text(column, HEADER_CHARS), tip, tab, by_splits)


def stand_in_texts(shown: Replay, other: Replay) -> tuple[str, ...]:
    """What the tab says where her runner has no finished run in the race compared, and it
    compares the runner that race follows (follow.stand_in), longest first: "Compared with
    Faith Kipyegon: Gudaf Tsegay did not run in Kipyegon's mile world record", then by
    surnames ("Compared with Kipyegon: no Tsegay in that race"); () where it is her own run.
    Where the race shown has an Ortiz too (namesake), every form names her as her tag does
    ("Compared with Sam Ortiz, 9 June: Tom Reyes did not run in ...", "Compared with Ortiz,
    9 June: ...", "vs Ortiz, 9 June: ..."): a wide panel's "Compared with Sam Ortiz: ..."
    had read as the race's own Sam Ortiz (review R11)."""
    found = stand_in(shown, other)
    if found is None:
        return ()
    me, runner = shown.athletes[shown.focus].name, found.name
    mine, theirs = short_name(me), short_name(runner)
    if namesake(other, shown):
        return _namesake_texts(shown, other, found.stopped)
    tags = (theirs,)
    if found.stopped:
        return (
            f"Compared with {runner}: {me} did not finish {other.race.title}",
            *(f"Compared with {tag}: {mine} did not finish that race" for tag in tags),
            f"vs {theirs}: {mine} did not finish",
        )
    return (
        f"Compared with {runner}: {me} did not run in {other.race.title}",
        *(f"Compared with {tag}: no {mine} in that race" for tag in tags),
        f"vs {theirs}: no {mine} there",
    )


def _namesake_texts(shown: Replay, other: Replay, stopped: bool) -> tuple[str, ...]:
    """stand_in_texts for a runner the race shown has a namesake of: her whole name, then
    her surname, each with what tells her race apart (compare_label), longest first."""
    me, runner = shown.athletes[shown.focus].name, other.athletes[other.focus].name
    mine, tag = short_name(me), compare_label(other, shown)
    whole = runner + tag[len(short_name(runner)) :]  # "Sam Ortiz, 9 June", "Sam Ortiz 2023"
    if stopped:
        return (
            f"Compared with {whole}: {me} did not finish {other.race.title}",
            f"Compared with {tag}: {mine} did not finish that race",
            f"vs {tag}: {mine} did not finish",
        )
    return (
        f"Compared with {whole}: {me} did not run in {other.race.title}",
        f"Compared with {tag}: no {mine} in that race",
        f"vs {tag}: no {mine} there",
    )


def compare_rows(shown: Replay, other: Replay, whole_race: bool = False) -> list[CompareRow]:
    """Rows of the comparison tab: per published split both runners share (and the finish:
    model.compare_splits), else per lap line, her time, the other's, the gap (+ behind) and
    split against split, or lap against lap (+ slower); ``whole_race`` as compare_splits."""
    splits = compare_splits(shown, other, whole_race)[1]
    mark = shown.athletes[shown.focus].end_mark or "DNF"  # where she stopped: "DNF", "DQ"
    if splits:
        return [_split_row(c, mark) for c in splits]
    return [_row(c, mark) for c in compare_laps(shown, other, whole_race)[1]]


def by_splits(rows: list[CompareRow]) -> bool:
    """Whether compare_rows compared published splits (else laps)."""
    return any(row.by_split for row in rows)


def _split_row(c: ComparedSplit, mark: str = "DNF") -> CompareRow:
    """A row of published splits: "1200", "Finish" or "DNF 2000" (her mark: "DQ 2000" if
    disqualified there), a dot where both times are published, in italics those read from
    the model (a stop, a finish not published)."""
    label = "Finish" if c.finish else f"{c.distance_m:.0f}"
    if c.at_stop:
        label = f"{mark} {c.distance_m:.0f}"
    tip = f"At {c.distance_m:.1f} m: "
    tip += "both times published" if c.published and c.other_published else _which(c)
    tip += "; the followed runner's time minus the other's is the gap (+ behind)"
    if not math.isfinite(c.other_time_s):
        tip = f"At {c.distance_m:.1f} m: the other runner did not get there"
    if c.at_stop:
        tip += f"; where the runner stopped, {stop_words(mark)}"
    estimated = set()
    if not c.published:
        estimated |= {1, GAP_COLUMN}
    if not c.other_published:
        estimated |= {2, GAP_COLUMN}
    if not c.segment_published:
        estimated.add(LAP_COLUMN)
    return CompareRow(
        label,
        format_published(c.time_s, c.decimals),
        _time(c.other_time_s, c.other_decimals),
        _delta(c.gap_s),
        _delta(c.segment_delta_s),
        kind_of(c.segment_delta_s),
        c.time_s,
        published=c.published and c.other_published,
        tip=tip,
        estimated=frozenset(estimated),
        gap_kind=kind_of(c.gap_s),
        by_split=True,
    )


def _which(c: ComparedSplit) -> str:
    """Which of a row's times are read from the model (in italics)."""
    if not c.published and not c.other_published:
        return "both times read from the model, in italics"
    who = "the followed runner's" if not c.published else "the other runner's"
    return f"{who} time read from the model, in italics"


def _row(c: ComparedLap, mark: str = "DNF") -> CompareRow:
    lap = c.lap
    label, short = lap_labels(lap, mark)
    other = _time(c.other_time_s, c.other_decimals)
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
        format_published(lap.time_s, lap.decimals),
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


def _time(s: float, decimals: int) -> str:
    return format_published(s, decimals) if math.isfinite(s) else ""


def _delta(s: float) -> str:
    return format_delta(s) if math.isfinite(s) else ""


class CompareModel(SplitsModel):
    """SplitsModel for CompareRows: a row not reached shows only its label (the gap would
    give the lap away), and both the gap and lap against lap are coloured and bold."""

    def set_headers(self, headers: tuple[str, ...], tips: tuple[str, ...] = ()) -> None:
        """Rename the columns (the other's time column is named after the race compared),
        with their tooltips (laps or published splits: see compare_rows)."""
        self._headers = headers
        self._tips = tips or self._tips
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
