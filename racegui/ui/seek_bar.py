"""A seek slider over the whole race with tick marks for each lap and each pacer dropout,
and where a runner who did not finish stopped once the replay has got there."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from racegui.model import analysis
from racegui.model.replay import Replay
from racegui.model.timefmt import format_time
from racegui.ui.qt_guard import guarded_paint
from racegui.ui.runner_accent import runner_accent, runner_colour
from racegui.ui.theme import Theme

HANDLE_RADIUS_PX = 7
"""Radius (px) of the handle drawn at the current time; a press on it does not seek (pressed
6 px off its centre, the replay had jumped 1.4 s)."""
REACHED_SLACK_S = 1e-6
"""A stop mark is reached this close before its time (s): a jump to the mark lands on it."""


@dataclass(frozen=True)
class Tick:
    """A mark on the bar at race time t (s)."""

    t: float
    kind: str
    """"lap", "bell", "dropout", "dnf" (drawn as a dropout) or "finish"."""
    label: str


def ticks_for(replay: Replay) -> list[Tick]:
    """Lap, bell, dropout, did-not-finish and focus-finish ticks of a replay, in time
    order."""
    out = []
    focus = replay.ids[replay.focus]
    for e in analysis.events(replay):
        focus_finish = e.kind == "finish" and e.athlete == focus
        if e.kind in ("lap", "bell", "dropout", "dnf") or focus_finish:
            out.append(Tick(e.time_s, e.kind, f"{format_time(e.time_s)}  {e.label}"))
    return out


class SeekBar(QWidget):
    """Custom-painted race timeline; click or drag to seek."""

    seek_requested = Signal(float)
    """Race time (s) the user clicked or dragged to."""
    drag_started = Signal()
    """The handle was pressed: the replay holds still under it until drag_finished."""
    drag_finished = Signal()
    """The handle was let go."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._duration = 1.0
        self._t = 0.0
        self._ticks: list[Tick] = []
        self._stop_times: list[float] = []
        """Times (s) of the "dnf" ticks, in order: each is drawn only once reached (a
        runner's stop, unlike a pacer's planned dropout, is not told in advance)."""
        self._stops_reached = 0
        """How many of `_stop_times` are at or before the handle's time."""
        self._shown: list[Tick] = []
        """The ticks drawn now (see shown_ticks), rebuilt only when `_stops_reached` flips."""
        self._dragging = False
        self._runner = theme.accent
        """The followed runner's colour: the played part is her race's (her laps are ticked)."""
        self.set_theme(theme)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 34)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, 34)

    def set_theme(self, theme: Theme) -> None:
        self._groove = QColor(theme.slider_groove)
        self._grounds = [QColor(theme.controls_background), self._groove]
        self._played = runner_accent(self._runner, self._grounds)
        self._lap = QColor(theme.lap_tick)
        self._drop = QColor(theme.dropout_tick)
        self._handle = QColor(theme.text)
        self._text = QColor(theme.text_muted)
        self.update()

    def set_replay(self, replay: Replay) -> None:
        self._duration = max(replay.duration_s, 1e-6)
        self._ticks = ticks_for(replay)
        self._stop_times = [tick.t for tick in self._ticks if tick.kind == "dnf"]
        self._stops_reached = -1  # new ticks: rebuilt whatever the count
        self._show_stops(bisect_right(self._stop_times, self._t + REACHED_SLACK_S))
        self._runner = runner_colour(replay)
        self._played = runner_accent(self._runner, self._grounds)
        self.update()

    @property
    def ticks(self) -> list[Tick]:
        """Every tick of the replay, drawn or not yet (see shown_ticks)."""
        return list(self._ticks)

    def shown_ticks(self) -> list[Tick]:
        """The ticks drawn (and named on hover, snapped to on a click) at the handle's time:
        a "dnf" tick only from when she stops on, so that the bar does not tell in advance
        that she will; seeking back before it hides it again."""
        return list(self._shown)

    def set_time(self, t: float) -> None:
        """Move the handle (no signal). Whether she has stopped is a binary search; the
        ticks shown are rebuilt only when that flips (the handle's move repaints anyway)."""
        if abs(t - self._t) > 1e-9:
            self._t = t
            self._show_stops(bisect_right(self._stop_times, t + REACHED_SLACK_S))
            self.update()

    def _show_stops(self, reached: int) -> None:
        """Show the first `reached` stop marks (by time) and every other tick."""
        if reached == self._stops_reached:
            return
        self._stops_reached = reached
        hidden = set(self._stop_times[reached:])
        self._shown = [k for k in self._ticks if k.kind != "dnf" or k.t not in hidden]

    # --- geometry --------------------------------------------------------------------------
    def _track_rect(self) -> QRectF:
        return QRectF(10, self.height() * 0.5 - 3, max(self.width() - 20, 1), 6)

    def x_of(self, t: float) -> float:
        """Pixel x of race time t (s)."""
        r = self._track_rect()
        return r.left() + r.width() * min(max(t / self._duration, 0.0), 1.0)

    def t_of(self, x: float) -> float:
        """Race time (s) at pixel x."""
        r = self._track_rect()
        return min(max((x - r.left()) / r.width(), 0.0), 1.0) * self._duration

    # --- painting and mouse ---------------------------------------------------------------------
    @guarded_paint
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        r = self._track_rect()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._groove)
        p.drawRoundedRect(r, 3, 3)
        x = self.x_of(self._t)
        p.setBrush(self._played)
        p.drawRoundedRect(QRectF(r.left(), r.top(), x - r.left(), r.height()), 3, 3)
        font = QFont(self.font())
        font.setPixelSize(9)
        p.setFont(font)
        lap_no = 0
        for tick in self._shown:
            tx = self.x_of(tick.t)
            if tick.kind in ("lap", "bell", "finish"):
                lap_no += 1
                p.setPen(QPen(self._lap, 2 if tick.kind != "lap" else 1.4))
                p.drawLine(QPointF(tx, r.top() - 7), QPointF(tx, r.bottom() + 7))
            else:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(self._drop)
                y = r.top() - 4
                p.drawPolygon(
                    QPolygonF([QPointF(tx - 4, y - 6), QPointF(tx + 4, y - 6), QPointF(tx, y)])
                )
        p.setPen(QPen(self._groove.darker(150), 1.5))
        p.setBrush(self._handle)
        p.drawEllipse(QPointF(x, r.center().y()), HANDLE_RADIUS_PX, HANDLE_RADIUS_PX)
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging = True
            self.drag_started.emit()
            x = event.position().x()
            if abs(x - self.x_of(self._t)) > HANDLE_RADIUS_PX:  # on the handle: hold, no jump
                self.seek_requested.emit(self._snap(x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x = event.position().x()
        if self._dragging:
            self.seek_requested.emit(self.t_of(x))
        tick = self._near_tick(x)
        text = tick.label if tick is not None else format_time(self.t_of(x))
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Hidden mid-drag, the bar never gets the button's release: the drag ends here (the
        replay had stayed paused, the bar stuck in a drag)."""
        super().hideEvent(event)
        if self._dragging:
            self._dragging = False
            self.drag_finished.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self._dragging:
            self._dragging = False
            self.drag_finished.emit()

    def _near_tick(self, x: float) -> Tick | None:
        best = min(self._shown, key=lambda k: abs(self.x_of(k.t) - x), default=None)
        if best is not None and abs(self.x_of(best.t) - x) <= 4:
            return best
        return None

    def _snap(self, x: float) -> float:
        tick = self._near_tick(x)
        return tick.t if tick is not None else self.t_of(x)
