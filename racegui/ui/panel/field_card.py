"""Field section: the runners in running order at the replay time, with the gap to the leader.

Shown for a race of two or more runners (role "runner"; pacers and ghosts are not in it):
place, name and the time behind the leader ("+1.4", "+1 lap" for a lapped runner); the
leader's row says her lap, a finisher's her finish time, and a runner who did not finish
sits at the bottom with where she stopped once she has ("DNF · 2200 m"), then one
disqualified, once she has stopped ("DQ · 2200 m") or finished ("DQ · 4:06.42").
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import QLabel, QWidget

from racegui.model.replay import RaceState, Replay
from racegui.model.standings import Standing, behind_text
from racegui.model.timefmt import format_published, metres_text
from racegui.ui.panel.card import Card
from racegui.ui.panel.data import PanelData
from racegui.ui.panel.field_list import FieldList, FieldRow
from racegui.ui.panel.style import PanelStyle
from racegui.ui.text_fit import NAME_CHARS, clip_text

FIELD_ROWS = 12
"""Runners' rows kept in view whole (a 5000 m final's field, nearly) before the splits give
up rows below SPLITS_KEPT_ROWS in a short window; more where the panel has room, and
the rest are counted in "+ N more" (with how many of them are lapped or out)."""
FIELD_LEAST_ROWS = 3
"""Fewest rows kept when the panel fits a short window (the leader, the followed runner
and one more)."""


class FieldCard(Card):
    """The field in running order; the followed runner's row highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Field", parent)
        self.gap_label = QLabel("gap to leader")
        self.gap_label.setProperty("role", "muted")
        self.add_title_widget(self.gap_label)
        self.list = FieldList()
        self.body.addWidget(self.list, 1)
        self.list.resized = self._on_list_resized
        self._data: PanelData | None = None
        self._who: dict[int, tuple[str, str, bool]] = {}
        """(name as shown, colour, followed) of each runner, by row."""
        self._ends: dict[int, str] = {}
        """What each runner's row says once her race is over, by row: her finish time
        ("8:52.31") or where she stopped ("DNF · 2200 m")."""
        self._laps: dict[int, str] = {}
        """The leader's text by lap ("Lap 6 of 7"), made when first shown."""
        self._t = math.nan
        self._distances: np.ndarray | None = None
        self._fit_rows = FIELD_ROWS

    def set_data(self, data: PanelData) -> None:
        """The field of a replay (hidden for a race of one runner)."""
        self._data = data
        standings = data.standings
        self.setVisible(standings is not None)
        self._t = math.nan
        self._distances = None
        if standings is None:
            self.list.set_count(0)
            self.list.set_rows((), 0)
            return
        replay = data.replay
        athletes, focus = replay.athletes, replay.focus
        self._who = {
            i: (clip_text(athletes[i].name, NAME_CHARS), athletes[i].colour, i == focus)
            for i in standings.rows
        }
        self._ends = {i: _end_text(replay, i) for i in standings.rows}
        self._laps = {}
        self.list.set_count(standings.size)
        self.list.set_kept_rows(self._fit_rows)
        self._cap_height()

    @property
    def fit_rows(self) -> int:
        """Rows kept in view whole at least (FIELD_ROWS unless a short window took some)."""
        return self._fit_rows

    def set_fit_rows(self, rows: int) -> None:
        """Keep at least `rows` (at least 1) whole rows in view; the panel's way of giving
        room to the other cards in a short window."""
        rows = max(1, rows)
        if rows != self._fit_rows:
            self._fit_rows = rows
            self.list.set_kept_rows(rows)

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts and row heights."""
        super().apply_style(style)
        self.gap_label.setFont(style.font(0.78, bold=True))
        self.list.apply_style(style)
        self._cap_height()
        self.dirty = True

    def _cap_height(self) -> None:
        """No taller than every row needs: the room left goes to the other cards (the card
        had grown with its title afloat above the rows)."""
        m, frame = self._outer.contentsMargins(), self.contentsMargins()  # and the border
        labels = (self.title_label, self.gap_label)
        title = max(w.sizeHint().height() for w in labels) + self._outer.spacing()
        edges = m.top() + m.bottom() + frame.top() + frame.bottom()
        self.setMaximumHeight(edges + title + self.list.maximumHeight())

    def update_frame(self, t: float, state: RaceState | None = None) -> None:
        """The field at race time t (s); `state` (replay.state_at(t)) saves evaluating
        everyone's distance. Repaints only when a row's text changes."""
        data = self._data
        if data is None or data.standings is None or self.isHidden():
            return
        if state is not None and state.t == t:
            distances = state.distance_m
        else:  # everyone's distance, without the speeds (rows past n: lateral offsets)
            distances = data.replay.motion.values_at(t)
        self._t, self._distances = t, distances
        self._show(data.standings.at(t, distances))

    def _show(self, standing: Standing) -> None:
        """List the rows that fit, always with the followed runner's."""
        data = self._data
        assert data is not None
        focus = data.replay.focus
        n = len(standing.rows)
        fits = self.list.capacity()
        picked = list(range(min(n, fits)))
        if n > fits:
            at = standing.rows.index(focus) if focus in standing.rows else -1
            if at >= fits:  # her row instead of the last one that fits
                picked[-1] = at
        started = self._t > 0
        rows = []
        for k in picked:  # per frame: plain lookups and one format per row
            i, place = standing.rows[k], standing.places[k]
            name, colour, followed = self._who[i]
            if place == 0 or (started and standing.finished[k]):
                value = self._ends[i]
            elif not started:  # the start list: no places or gaps yet
                value = ""
            else:  # None: the leader
                behind = behind_text(standing.gap_s[k], standing.laps_down[k])
                value = self._leader_text(standing.leader_m) if behind is None else behind
            shown = str(place) if place and started else ""
            rows.append(FieldRow(shown, name, colour, value, followed, place == 0))
        dq = data.replay.dq
        note = _left_out_note(standing, picked, dq) if started and n > len(picked) else ""
        if self.list.set_rows(tuple(rows), n - len(picked), note):
            self.dirty = True

    def _leader_text(self, distance_m: float) -> str:
        """ "Lap 6 of 7" (or "Start" in a first part lap) for the leader at distance_m (m);
        in a race of one lap or less her distance as the scoreboard gives it ("44 m")."""
        replay = self._data.replay
        lap_m = replay.track.lap_m
        if replay.race.distance_m <= lap_m + 1e-6:
            return metres_text(distance_m)
        total = replay.total_laps
        lap = int(replay.lap_of(distance_m))
        text = self._laps.get(lap)
        if text is None:  # a first part lap (0) is the start, as the panel and table name it
            text = self._laps[lap] = "Start" if lap == 0 else f"Lap {lap} of {total}"
        return text

    def shown_texts(self) -> list[tuple[str, str, str]]:
        """(place, name, figure) of each row shown, top to bottom."""
        return [(r.place, r.name, r.value) for r in self.list.rows()]

    def _on_list_resized(self) -> None:
        """Another height holds another number of rows: list them again."""
        data = self._data
        if data is None or data.standings is None or self._distances is None:
            return
        self._show(data.standings.at(self._t, self._distances))


def _end_text(replay: Replay, i: int) -> str:
    """What runner i's row says once her race is over: her finish time ("8:52.31"), where
    she stopped ("DNF · 2200 m"), or, disqualified, "DQ" with either."""
    a = replay.athletes[i]
    if a.dnf:
        return f"{a.end_mark} · {float(replay.dropout_distance_m[i]):g} m"
    finish = format_published(float(replay.finish_time_s[i]), a.finish_decimals)
    return f"DQ · {finish}" if a.dq else finish


def _left_out_note(standing: Standing, picked: list[int], dq: np.ndarray) -> str:
    """What the rows not listed (all but the positions `picked`) hold that a reader would
    look for: "2 lapped, 1 DNF, 1 DQ", or "" (a 5000 m's card had hidden its lapped runners
    under a bare "+ 6 more"). dq: whether each replay row is disqualified."""
    shown = set(picked)
    left = [k for k in range(len(standing.rows)) if k not in shown]
    lapped = sum(1 for k in left if standing.laps_down[k] > 0 and not standing.finished[k])
    out = [bool(dq[standing.rows[k]]) for k in left if standing.places[k] == 0]
    parts = [f"{lapped} lapped"] if lapped else []
    for mark, n in (("DNF", out.count(False)), ("DQ", out.count(True))):
        if n:
            parts.append(f"{n} {mark}")
    return ", ".join(parts)
