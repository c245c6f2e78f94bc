"""The lap being run against target: running lap time and delta so far, plus the last lap.

The lap's name says its figures are so far ("LAP 3 SO FAR   59.2   +1.39"): without it an
audience read the lap time under the pace chart's heading as a pace of 59.2 s per 400 m,
faster than the target's 59.65, when she was 1.39 s down on the lap (presenter's review)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from racegui.model.analysis import Lap
from racegui.model.timefmt import format_duration, format_gap, format_published, published_time
from racegui.ui.panel.data import Frame, PanelData
from racegui.ui.panel.live_text import LiveText
from racegui.ui.panel.style import PanelStyle, kind_of

_RIGHT = Qt.AlignmentFlag.AlignRight
ESTIMATED = "est."
"""After the last lap's name when its time is an estimate, whose time and delta are then in
italics as the splits table has them. The word stays: the card has no legend of its own (the
splits card's "italics: estimated" shows only while the table shown has an estimate, never
on the Timed tab), and italics alone are hard to see on this small, muted line."""


TIPS = {
    "lap_name": "The lap being run, of the race's laps to the finish line",
    "lap_time": "Time run in this lap so far (s)",
    "lap_delta": "Behind (+) or ahead (-) of the target's time for this lap so far (s)",
    "last_name": "The lap run before this one (est., its figures in italics: its time is read "
    "from the model between published splits)",
    "last_time": "The last lap's time (s)",
    "last_delta": "Behind (+) or ahead (-) of the target's time for the last lap (s)",
}
"""What each figure is, shown on hover (the figures have no captions of their own)."""


class LapSplit(QWidget):
    """Two lines: "LAP 3 SO FAR   28.4 s   +0.52 s" and "LAP 2   1:00.56   +0.91 s"; once
    she has finished "FINISH   4:06.42   +6.42 s" ("DQ · FINISH" if disqualified), or, a
    runner who did not finish once she has stopped, "DNF · 2000 m   6:30.40   +17.07 s" (her
    time and gap where she stopped). The deltas carry their unit as the lap times and the
    gap card's figures do (a minute or more reads as a time, "+1:02.40", see format_gap)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lap_name = LiveText("LAP 88 SO FAR")
        self.lap_time = LiveText("8:88.88", _RIGHT)
        self.lap_delta = LiveText("+88.88 s", _RIGHT)
        self.last_name = LiveText("LAST LAP")
        self.last_time = LiveText("8:88.88", _RIGHT)
        self.last_delta = LiveText("+88.88 s", _RIGHT)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, items in enumerate(
            [
                (self.lap_name, self.lap_time, self.lap_delta),
                (self.last_name, self.last_time, self.last_delta),
            ]
        ):
            for col, w in enumerate(items):
                grid.addWidget(w, row, col)
        grid.setColumnStretch(0, 1)
        for w, tip in TIPS.items():
            getattr(self, w).setToolTip(tip)
        self._grid = grid
        self._data: PanelData | None = None
        self._style: PanelStyle | None = None
        self._last_index = -1

    def set_data(self, data: PanelData) -> None:
        """Use this replay's laps."""
        self._data = data
        self._last_index = -1

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts and colours."""
        self._style = style
        t = style.theme
        big = style.font(1.45, bold=True)
        small = style.font(0.95)
        for w in (self.lap_name, self.lap_time, self.lap_delta):
            w.setFont(big)
        for w in (self.last_name, self.last_time, self.last_delta):
            w.setFont(small)
        for w in self.findChildren(LiveText):
            w.set_background(style.card)
        self.lap_name.set_colour(t.text)
        self.lap_time.set_colour(t.text)
        self.last_name.set_colour(t.text_muted)
        self.last_time.set_colour(t.text_muted)
        self._grid.setHorizontalSpacing(style.px(14))
        self._grid.setVerticalSpacing(style.px(2))
        self._last_index = -1
        # Presentation scale or a short window: the last lap is in the splits table; keep
        # the height for numbers.
        for w in (self.last_name, self.last_time, self.last_delta):
            w.setVisible(style.secondary_lines)

    def update_frame(self, frame: Frame) -> None:
        """Show the lap being run at frame.t (cheap: searchsorted + compare texts)."""
        data, style = self._data, self._style
        if data is None or style is None or not data.laps:
            return
        laps = data.laps
        i = data.laps_done(frame.t)
        prev = laps[i - 1] if i > 0 else None
        prev_gap = 0.0 if prev is None else float(data.lap_end_gap_s[i - 1])
        if math.isnan(prev_gap):  # no target
            prev_gap = None
        if i >= len(laps) and data.replay.focus_dnf:  # where she stopped, her gap then
            mark = data.replay.athletes[data.replay.focus].end_mark  # "DNF", or "DQ"
            self.lap_name.set_text(f"{mark} · {data.replay.focus_stop_m:g} m")
            self.lap_time.set_text(format_published(data.stop_s, data.finish_decimals))
            delta = _cum_delta(laps[-1])
        elif i >= len(laps):  # disqualified after finishing: "DQ · FINISH"
            dq = data.replay.athletes[data.replay.focus].dq
            self.lap_name.set_text("DQ · FINISH" if dq else "FINISH")
            self.lap_time.set_text(format_published(data.finish_s, data.finish_decimals))
            delta = _cum_delta(laps[-1])
        else:
            lap = laps[i]
            name = f"LAP {lap.number} SO FAR" if lap.number else "START"
            if len(laps) == 1:  # a race of a lap or less: the race is the lap
                name = "RACE SO FAR"
            self.lap_name.set_text(name)
            start = prev.time_s if prev is not None else 0.0
            self.lap_time.set_text(format_duration(max(frame.t - start, 0.0), 1))
            delta = None
            if frame.gap_s is not None and prev_gap is not None:
                delta = lap_delta_so_far(data, i, frame, prev_gap) if frame.t > 0 else 0.0
        self._show_delta(self.lap_delta, delta, style)
        if i == self._last_index:
            return
        self._last_index = i
        if prev is None:
            self.last_name.set_text("")
            self.last_time.set_text("")
            self.last_delta.set_text("")
        else:
            self.last_name.set_text(_lap_name(prev))
            # As the Laps table has it: 1:06.0 for a lap between two tenths, not 1:06.00.
            shown = published_time(prev.lap_time_s, prev.lap_decimals)
            self.last_time.set_text(format_duration(shown, prev.lap_decimals))
            self._show_delta(self.last_delta, prev.delta_s, style)
        estimated = prev is not None and not prev.lap_time_published
        self.last_time.set_italic(estimated)  # as the splits table's lap time and delta
        self.last_delta.set_italic(estimated)

    @staticmethod
    def _show_delta(w: LiveText, delta: float | None, style: PanelStyle) -> None:
        w.set_text("" if delta is None else format_gap(delta))
        w.set_colour(style.colour_of(kind_of(delta)))


def _lap_name(lap: Lap) -> str:
    """ "START", "LAP 3", or "LAST 200 m" for the part of a lap a runner who did not finish
    ran before she stopped (not a whole lap's time); "LAP 3  est." when the lap time is read
    from the model, not published at both ends (the splits table had it in italics as an
    estimate while this line showed it as if published: coach's review); its figures are
    in italics too (LapSplit.update_frame)."""
    if lap.stopped:
        name = f"LAST {lap.end_m - lap.start_m:.0f} m"
    else:
        name = "START" if lap.number == 0 else f"LAP {lap.number}"
    return name if lap.lap_time_published else f"{name}  {ESTIMATED}"


def lap_delta_so_far(data: PanelData, i: int, frame: Frame, start_gap_s: float) -> float:
    """The running delta (s) of lap i (a row of data.laps) at frame: her gap to the target
    now less the gap where the lap began (start_gap_s: 0.00 as the lap begins), plus, in
    proportion to the part of the lap run, the lap's printed delta less the model's gain
    over the whole lap, so that it ends on the delta the lap then reads.

    The lap's delta is the difference of its times as printed (timed, hundredths up: the
    Breaking4 mile's lap 3 ends at 183.30 for her crossing at 183.291, the target's at
    180.35 for 180.348, so lap 4 is 63.12 - 59.65 = +3.47 s), the running one the model's
    gap (2.943 s there, 6.42 s at her finish: +3.477 s). The running figure had read
    +3.48 s at 4:06.37-4:06.40, then the lap +3.47 s at the finish (reviewer); the 0.007 s
    is now taken in over the lap's 400 m (under 0.01 s on every lap of the demo)."""
    lap = data.laps[i]
    gap_s = float(frame.gap_s)
    end_gap = float(data.lap_end_gap_s[i])
    if lap.delta_s is None or not math.isfinite(end_gap):
        return gap_s - start_gap_s
    span = lap.end_m - lap.start_m
    run = min(max((frame.distance_m - lap.start_m) / span, 0.0), 1.0) if span > 0 else 1.0
    return gap_s - start_gap_s + run * (lap.delta_s - (end_gap - start_gap_s))


def _cum_delta(lap: Lap | None) -> float | None:
    """Runner's elapsed time minus the target's at the end of a lap (s); 0 before any lap."""
    if lap is None:
        return 0.0
    if lap.target_time_s is None:
        return None
    return lap.time_s - lap.target_time_s
