"""Live gap to the target (seconds and metres) and the projected finish, big and coloured."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QWidget

from racegui.model.timefmt import format_delta, format_gap, format_published, format_time
from racegui.ui.board_text import capitals
from racegui.ui.panel.card import Card
from racegui.ui.panel.data import Frame, PanelData
from racegui.ui.panel.live_text import LiveText
from racegui.ui.panel.style import AHEAD, BEHIND, LEVEL, PanelStyle, kind_of
from racegui.ui.text_fit import NAME_CHARS, clip_text

_RIGHT = Qt.AlignmentFlag.AlignRight
NO_TARGET_TITLE = "FINISH TIME"
"""The card's title in a race without a target (it shows her projected, then final, time)."""
NO_TARGET_NOTE = "no target"
"""Said, muted, where a race with a target has "+5.9 vs 4:00.00"."""


def gap_texts(gap_s: float | None, gap_m: float | None) -> tuple[str, str, str, str]:
    """(seconds text, word, metres text, kind) for a gap; positive = behind the target.

    e.g. (+1.45, 9.7) -> ("+1.45 s", "BEHIND", "9.7 m", BEHIND).
    """
    if gap_s is None:
        return "—", "NO TARGET", "", LEVEL
    kind = kind_of(gap_s)
    seconds = "0.00 s" if kind == LEVEL else format_gap(gap_s)
    word = {AHEAD: "AHEAD", BEHIND: "BEHIND"}.get(kind, "LEVEL")
    metres = "" if gap_m is None else f"{abs(gap_m):.1f} m"
    return seconds, word, metres, kind


class GapReadout(Card):
    """ "+1.45 s BEHIND   9.7 m" over "PROJECTED 4:05.9  +5.9 vs 4:00.00"; for a runner who
    did not finish, once she has stopped, her gap then over "STOPPED  DNF · 2200 m"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Gap to target", parent)
        self.bar = QFrame()
        self.bar.setFixedWidth(5)
        self.seconds = LiveText("+88.88 s")
        self.word = LiveText("BEHIND")
        self.metres = LiveText("888.8 m", _RIGHT)
        self.metres_caption = LiveText("to the light", _RIGHT)
        self.projected_caption = LiveText("PROJECTED")
        self.projected = LiveText("8:88.88")
        self.versus = LiveText("+88.8 vs 8:88.88", _RIGHT)
        self._set_tips()
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.seconds, 0, 0)
        grid.addWidget(self.metres, 0, 1)
        grid.addWidget(self.word, 1, 0)
        grid.addWidget(self.metres_caption, 1, 1)
        grid.setColumnStretch(0, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        self.rule = line
        proj = QHBoxLayout()
        proj.setContentsMargins(0, 0, 0, 0)
        proj.addWidget(self.projected_caption)
        proj.addWidget(self.projected)
        proj.addStretch(1)
        proj.addWidget(self.versus)
        main = QHBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(self.bar)
        inner = QGridLayout()
        inner.addLayout(grid, 0, 0)
        inner.addWidget(line, 1, 0)
        inner.addLayout(proj, 2, 0)
        main.addLayout(inner, 1)
        self.body.addLayout(main)
        self._grid, self._inner, self._proj, self._main = grid, inner, proj, main
        self._style: PanelStyle | None = None
        self._data: PanelData | None = None
        self._kind = ""
        self._versus_forms: tuple[str, ...] = ()
        """The versus texts to choose from, longest first (see _fit_versus); () when its
        text does not change with the room."""

    def _set_tips(self) -> None:
        """Say on hover what each figure is (a new user saw "-0.33 s AHEAD" in green over a
        red "PROJECTED 4:20.3 +0.3" with nothing to say the projection's basis)."""
        gap = (
            "Time (s) between the runner and the target at the distance the runner has run: "
            "BEHIND (+) when the target got there first, AHEAD (-) when the runner did"
        )
        for widget in (self.seconds, self.word):
            widget.setToolTip(gap)
        for widget in (self.metres, self.metres_caption):
            widget.setToolTip("Distance (m) between the runner and the target on the track now")
        projected = (
            "Projected finish: the runner's time so far plus the rest of the race at the "
            "pace over the last 200 m (— until 200 m have been run); then that finish minus "
            "the target's time (+ is slower). Once the runner finishes, the final time."
        )
        for widget in (self.projected_caption, self.projected, self.versus):
            widget.setToolTip(projected)

    def set_data(self, data: PanelData) -> None:
        """A replay: the title names its target. A race without one shows only the projected
        (then the final) time, under "FINISH TIME", with a muted "no target" where the time
        against the target would be: a club race imported without --target had a box of
        "—" and "NO TARGET" as big as the gap's, then "FINISH · NO TARGET" over "PROJECTED —"
        at the gun, which read as a status, and "FINISH" before she had run a step (coach's
        review)."""
        self._data = data
        race = data.replay.race
        if race.target is not None:
            self.title_label.setText(capitals(f"Gap to {clip_text(race.target.label, NAME_CHARS)}"))
        else:
            self.title_label.setText(NO_TARGET_TITLE)
        for widget in (self.seconds, self.word, self.metres, self.metres_caption, self.rule):
            widget.setVisible(race.target is not None)
        self._kind = ""

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts and colours."""
        super().apply_style(style)
        self._style = style
        t = style.theme
        self.seconds.setFont(style.font(3.2, bold=True))
        self.word.setFont(style.font(1.05, bold=True, spacing=10))
        self.metres.setFont(style.font(2.0, bold=True))
        self.metres_caption.setFont(style.font(0.8))
        self.projected_caption.setFont(style.font(0.8, bold=True, spacing=10))
        self.projected.setFont(style.font(1.6, bold=True))
        self.versus.setFont(style.font(1.0, bold=True))
        for w in self.findChildren(LiveText):
            w.set_background(style.card)
        self.metres_caption.set_colour(t.text_muted)
        self.projected_caption.set_colour(t.text_muted)
        self.projected.set_colour(t.text)
        self.rule.setStyleSheet(f"color: {style.border}; background: {style.border};")
        self.rule.setFixedHeight(1)
        self.bar.setFixedWidth(style.px(5))
        self._main.setSpacing(style.px(10))
        # A compact panel: the lines closer together (the big type has room above its caps).
        self._grid.setHorizontalSpacing(style.px(10))
        self._grid.setVerticalSpacing(style.gap(10, 2))
        self._inner.setSpacing(style.gap(10, 5))
        self._proj.setSpacing(style.px(8))
        self._kind = ""

    def _metres_caption(self, t: float) -> str:
        replay = self._data.replay if self._data is not None else None
        if replay is None or replay.target is None:
            return ""
        held = replay.gap_metres_measured_at(t)
        return "distance" if held is None else f"at {format_time(held)}"

    def update_frame(self, frame: Frame) -> None:
        """Texts for this frame; colours change only when ahead/behind flips."""
        style, data = self._style, self._data
        if style is None or data is None:
            return
        seconds, word, metres, kind = gap_texts(frame.gap_s, frame.gap_m)
        self.seconds.set_text(seconds)
        self.word.set_text(word)
        # After her finish the metres are hidden; after the target's, they are the metres she
        # was behind as it crossed the line (it then waits there), so the caption says when.
        self.metres.set_text("" if frame.finished else metres)
        self.metres_caption.set_text("" if frame.finished else self._metres_caption(frame.t))
        if kind != self._kind:
            self._kind = kind
            colour = style.colour_of(kind)
            self.seconds.set_colour(colour)
            self.word.set_colour(colour)
            self.metres.set_colour(colour if kind != LEVEL else style.theme.text)
            bar = colour if kind != LEVEL else style.border
            self.bar.setStyleSheet(f"background: {bar}; border-radius: 2px;")
            self.dirty = True
        if frame.stopped:
            self._show_stopped(frame, data, style)
            return
        self.versus.setHidden(False)  # back from her stop (a seek)
        self.projected_caption.set_text("FINISHED" if frame.finished else "PROJECTED")
        proj = frame.projected_s
        digits = 2 if frame.finished else 1
        if proj is None:
            self.projected.set_text("—")
        elif frame.finished:  # her finish as published; "DQ · 9:14.55" if disqualified
            finish = format_published(proj, data.finish_decimals)
            dq = data.replay.athletes[data.replay.focus].dq
            self.projected.set_text(f"DQ · {finish}" if dq else finish)
        else:
            self.projected.set_text(format_time(proj, digits))
        target = data.replay.race.target_time_s
        if target is None:
            self.versus.set_text(NO_TARGET_NOTE)
            self.versus.set_colour(style.theme.text_muted)
        elif proj is None:
            self.versus.set_text("")
        else:
            diff = proj - target
            delta = format_delta(diff, digits)
            self._versus_forms = (f"{delta} vs {format_time(target)}", delta)
            self._fit_versus()
            self.versus.set_colour(style.colour_of(kind_of(diff, digits)))
            return
        self._versus_forms = ()

    def _fit_versus(self) -> None:
        """The versus text: "+6.42 vs 4:00.00" where the row has room for it beside the
        caption and the time with a spacing to spare, else the short "+6.42" (the target's
        time is in the card's title and the header). "FINISHED  DQ · 4:06.42  +6.42 vs
        4:00.00" had run to the card's right edge in presentation mode at 1280x720, the
        widgets squeezed below their texts' widths. Where the versus's room (its template's,
        "+88.8 vs 8:88.88") would squeeze the row, the room is its text's: "STOPPED  DNF ·
        2000 m  at 6:30.40" had cut the time's "m" at 1280x720."""
        if not self._versus_forms:
            return
        room = self._proj.geometry().width()
        text = self._versus_forms[0]
        if room > 0 and self._row_px(text) > room:
            text = self._versus_forms[-1]
            self.versus.set_template(text)  # its room goes to the time
        self.versus.set_text(text)
        if room > 0 and self._asked_px() > room:
            self.versus.set_template(text)

    def _asked_px(self) -> int:
        """Width (px) the projection's row asks for: its shown readouts' rooms (their
        templates') and the spacings between them."""
        shown = [
            w for w in (self.projected_caption, self.projected, self.versus) if not w.isHidden()
        ]
        spacing = self._proj.spacing() * (len(shown) - 1)
        return sum(w.sizeHint().width() for w in shown) + spacing

    def _row_px(self, versus: str) -> int:
        """Width (px) the projection's row needs with the versus text `versus`: its caption's
        room, the time's and the versus text's, their spacings and one more."""
        spacing = self._proj.spacing()
        caption = self.projected_caption.sizeHint().width()
        time_px = self.projected.fontMetrics().horizontalAdvance(self.projected.text()) + 2
        versus_px = self.versus.fontMetrics().horizontalAdvance(versus) + 2
        return caption + time_px + versus_px + 3 * spacing

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._fit_versus()  # the room changed: the whole form may fit again, or no longer

    def _show_stopped(self, frame: Frame, data: PanelData, style: PanelStyle) -> None:
        """Her projection's line once she has stopped short: "STOPPED  DNF · 2200 m" (the
        gap above is held where she stopped, its metres "at 6:42.75"; without a target, the
        line says when), no projected finish."""
        self.projected_caption.set_text("STOPPED")
        mark = data.replay.athletes[data.replay.focus].end_mark  # "DNF", or "DQ"
        self.projected.set_text(f"{mark} · {data.replay.focus_stop_m:g} m")
        # When: the metres' caption says it already where there is a target.
        target = data.replay.target is not None
        stop = format_published(data.stop_s, data.finish_decimals)
        self._versus_forms = () if target else (f"at {stop}",)
        if target:
            self.versus.set_text("")
        self._fit_versus()
        self.versus.set_colour(style.theme.text_muted)
        # Empty, it still kept its template's room ("+88.8 vs 8:88.88"), which cut the last
        # letter of "DNF · 2200 m" in presentation mode's bigger type.
        self.versus.setHidden(target)

    def gap_text(self) -> str:
        """The seconds readout as shown, e.g. "+1.45 s"."""
        return self.seconds.text()

    def gap_colour(self) -> str:
        """The seconds readout's colour ("#rrggbb")."""
        return self.seconds.colour()
