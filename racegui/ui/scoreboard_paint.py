"""The infield scoreboard of the track view: race title, clock, lap pill, distance and gap
lines, fitted to the infield or to an area beside the pocket cam (a mixin of
overlay.BroadcastOverlay, whose fonts, colours and caches it draws with)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from racegui.model.timefmt import format_gap
from racegui.ui.board_text import capitals, first_fitting, title_lines
from racegui.ui.race_status import BELL_LAP, Gap, RaceStatus

MAX_CACHED_ROWS = 4096
"""Board measurements (rows, units) remembered at most before the cache is emptied."""
FIGURE_PAD_EMS = 0.35
"""Room (scoreboard units) left and right of a gap figure inside its plate."""
BOARD_LINE_EMS = {"title": 0.78, "sub": 0.62, "lap": 0.95, "info": 0.72}
"""Type sizes of the scoreboard's lines (scoreboard units, before board_boost): the title,
the subtitle, the lap pill and the lines below it (distance, gaps, the lap's detail)."""
CLOCK_EMS = 2.7
"""Type size of the scoreboard's clock (scoreboard units; not boosted: it is big already)."""
BOOST_STEPS = 8
"""Boosts tried from board_boost down to 1.0: the first at which the clock keeps
LEAST_CLOCK_SHARE of its size is drawn."""
LEAST_CLOCK_SHARE = 0.75
"""Least share of its unboosted size the clock shrinks to for boosted lines (in presentation
mode, as much room as the board had: the clock gives way to the small lines, not all)."""
TEXT_MARGIN_EMS = 0.3
"""Room (scoreboard units) kept clear left and right of each drawn line of the board for the
name tags (board_text_rects): a gap tag had sat on the first letter of a wrapped title's venue
line. Above and below, a line's box (its font's ascent and descent) is clear room already: a
margin there too made the demo's gap tag, sliding down onto the title at 3:38 (1080p), hop
across the track."""
TIGHT_CLOCK_SHARE = 0.8
"""A board fitted to its area whose clock would be drawn under this share of the size its
width allows gives up lines, least needed first (see paint_scoreboard): in a 540x960
video the lines at the 10 px least type size took the height and left the clock 16 px."""


class ScoreboardPainter:
    """Paints the scoreboard (see paint_scoreboard). Mixed into BroadcastOverlay, which sets
    the attributes it reads: _fonts, _sprites, _rows_cache, _box, _text, _muted, _accent,
    _on_accent, _ahead, _behind, _compare, _board_boost, gap_shown_elsewhere and _type()."""

    def _line_px(self, role: str, ul: float) -> float:
        """Type size (px) of a scoreboard line (BOARD_LINE_EMS) at line unit ul (px)."""
        return self._type(BOARD_LINE_EMS[role] * ul)

    def paint_scoreboard(
        self,
        p: QPainter,
        infield: QRectF,
        status: RaceStatus,
        title: str,
        subtitle: str | Sequence[str],
        area: QRectF | None = None,
    ) -> QRectF:
        """Draw title, clock, lap and gaps centred in the infield rect (px); returns the area.

        With `area` (px), the board is sized to fit that rectangle and centred in it instead.
        `subtitle` is one text or its forms from most to least complete (see
        board_text.subtitle_forms): the first that fits whole is drawn. A title too wide
        for the board goes on two lines (see board_text.title_lines).

        A board in `area` whose clock would be drawn under TIGHT_CLOCK_SHARE of the size
        its width allows gives up lines until it is not, in this order: the title and
        subtitle, the gap to the target if the side panel shows it (gap_shown_elsewhere),
        the distance line. The clock and the lap line are always drawn. Every line fits
        the board's width: the lap's detail is left out, the distance's shorter forms
        (RaceStatus.distance_forms) are taken, and only then is a line cut.
        """
        forms = [subtitle] if isinstance(subtitle, str) else list(subtitle)
        gaps = [g for g in (status.target_gap, status.compare_gap) if g is not None]
        keep = (True, True)
        if area is None:
            u = max(min(infield.height() / 14.0, infield.width() / 24.0), 6.0)
            height = self._board_height(u, u, status.clock, gaps, title, infield.width())
            u, ul = self._boosted_units(u, height, status.clock, gaps, title, infield.width())
        else:
            cap = max(min(infield.width() / 24.0, area.width() / 18.0), 6.0)
            u = self._fitted_unit(cap, area.height(), status.clock, gaps, title, area.width())
            if u < TIGHT_CLOCK_SHARE * cap:
                u, gaps, keep = self._give_way(cap, area, status, gaps, title)
            u, ul = self._boosted_units(
                u, area.height(), status.clock, gaps, title, area.width(), keep
            )
            infield = area
        f_sub, m_sub = self._fonts.pair(self._line_px("sub", ul))
        f_clock, m_clock = self._fonts.pair(CLOCK_EMS * u, QFont.Weight.Bold)
        f_lap, m_lap = self._fonts.pair(self._line_px("lap", ul), QFont.Weight.Bold)
        f_info, m_info = self._fonts.pair(self._line_px("info", ul))
        room = infield.width()
        (box_w, box_h), rows = self._board_rows(u, ul, status.clock, gaps, keep)
        lines, extra, title_px = self._title_rows(title, u, ul, room)
        f_title, m_title = self._fonts.pair(title_px, QFont.Weight.Bold)
        if not keep[0]:
            lines, extra = [], 0.0
        rows[0] += extra
        total = sum(rows)
        cx = infield.center().x()
        top = infield.center().y() - total / 2
        if area is None:
            top -= 0.05 * infield.height()
        y = top
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        # Title and subtitle.
        p.setFont(f_title)
        title_w = 0.0
        drawn: list[QRectF] = []
        for i, line in enumerate(lines):
            text = m_title.elided(line, room)
            drawn.append(self._line(p, cx, y + i * m_title.height(), m_title, text, self._text))
            title_w = max(title_w, m_title.horizontalAdvance(text))
        y += rows[0]
        p.setFont(f_sub)
        subtitle = first_fitting(forms, m_sub.horizontalAdvance, room) if keep[0] else ""
        subtitle = m_sub.elided(subtitle, room)
        if subtitle:
            drawn.append(self._line(p, cx, y, m_sub, subtitle, self._muted))
        y += rows[1] + rows[2]
        # Clock box with an accent bar (drawn once, then copied), and the running clock.
        box = QRectF(cx - box_w / 2, y, box_w, box_h)
        key = ("box", u, self._box.rgba(), self._accent.rgba())
        self._sprites.draw(p, box, key, partial(self._paint_box, u), painter_font=False)
        p.setFont(f_clock)
        p.setPen(self._accent if status.finished else self._text)
        base = box.top() + (box_h + m_clock.capHeight()) / 2
        text_w = m_clock.horizontalAdvance(status.clock)
        p.drawText(QPointF(box.right() - 0.75 * u - text_w, base), status.clock)
        drawn.append(box)
        y += rows[3] + rows[4]
        # Lap status pill.
        lap = capitals(status.lap_text)  # "START · 9 m", not "START · 9 M"
        detail = status.lap_detail
        pads = 1.2 * u + (0.6 * u if detail else 0)
        wide = m_lap.horizontalAdvance(lap) + m_info.horizontalAdvance(detail)
        k = _shrink(wide, pads, room, u / ul)  # boosted, a strip too wide for the board gives way
        if detail and k * wide + pads > room:  # the pill says the lap: its detail goes
            detail, pads = "", 1.2 * u
            wide = m_lap.horizontalAdvance(lap)
            k = _shrink(wide, pads, room, u / ul)
        f_lap, m_lap = self._fonts.pair(self._line_px("lap", ul * k), QFont.Weight.Bold)
        f_detail, m_detail = self._fonts.pair(self._line_px("info", ul * k))
        lap = m_lap.elided(lap, room - 1.2 * u)
        p.setFont(f_lap)
        lap_w = m_lap.horizontalAdvance(lap) + 1.2 * u
        detail_w = m_detail.horizontalAdvance(detail) + (0.6 * u if detail else 0)
        left = cx - (lap_w + detail_w) / 2
        pill = QRectF(left, y, lap_w, m_lap.height() * 1.3)
        bell = status.lap_text == BELL_LAP or status.finished
        strip = QRectF(left, y, lap_w + detail_w, pill.height())
        key = ("pill", lap, detail, bell, u, lap_w, f_detail.key(), self._box.rgba())
        key += (self._accent.rgba(), self._on_accent.rgba(), self._text.rgba())
        self._sprites.draw(
            p, strip, key, partial(self._paint_pill, lap, detail, lap_w, bell, u, f_detail)
        )
        drawn.append(strip)
        y += rows[5] + rows[6]
        distance = ""
        f_dist, m_dist = f_info, m_info
        if keep[1]:
            ways = (status.distance_text, *status.distance_forms)
            width = partial(self._shrunk_width, m_info, room, u / ul, ul)
            distance = first_fitting(ways, width, room)
            k = _shrink(m_info.horizontalAdvance(distance), 0.0, room, u / ul)
            f_dist, m_dist = self._fonts.pair(self._line_px("info", ul * k))
            distance = m_dist.elided(distance, room)
            p.setFont(f_dist)
            p.setPen(self._text)
            at = y + m_info.ascent() - m_dist.ascent()
            self._text_centred(p, cx, at, m_dist, distance)
            w_dist = m_dist.horizontalAdvance(distance)
            drawn.append(QRectF(cx - w_dist / 2, at, w_dist, m_dist.height()))
        y += rows[7]
        widest = max(m_sub.horizontalAdvance(subtitle), m_dist.horizontalAdvance(distance))
        p.setFont(f_info)
        for gap in gaps:
            y += 0.2 * m_info.height()
            chip = self._gap_chip(p, cx, y, (f_info, m_info), gap, u, room)
            widest = max(widest, chip)
            drawn.append(
                QRectF(cx - chip / 2, y - 0.06 * m_info.height(), chip, 1.12 * m_info.height())
            )
            y += m_info.height() * 1.15
        p.restore()
        self.board_type_px = {
            "title": f_title.pixelSize() if lines else 0,
            "subtitle": f_sub.pixelSize() if subtitle else 0,
            "clock": f_clock.pixelSize(),
            "lap": f_lap.pixelSize(),
            "detail": f_detail.pixelSize(),
            "distance": f_dist.pixelSize() if distance else 0,
            "gaps": f_info.pixelSize(),
        }
        self.board_lines = {
            "title": " ".join(lines),
            "subtitle": subtitle,
            "lap": lap,
            "detail": detail,
            "distance": distance,
            "gaps": " | ".join(g.label for g in gaps),
        }
        width = max(box_w, title_w, lap_w + detail_w)
        extent = max(width, widest)
        self.board_extent = QRectF(cx - extent / 2, top, extent, max(total, y - top))
        pad = TEXT_MARGIN_EMS * u
        self.board_text_rects = [r.adjusted(-pad, 0.0, pad, 0.0) for r in drawn if r.width() > 0]
        return QRectF(cx - width / 2, top, width, total)

    def _fitted_unit(
        self,
        cap: float,
        height: float,
        clock: str,
        gaps: list,
        title: str,
        room: float,
        keep: tuple[bool, bool] = (True, True),
    ) -> float:
        """The biggest unit (px, at most cap) at which the unboosted board is at most
        `height` px tall on a board `room` px wide (its rows are nearly proportional to it)."""
        key = ("fitted", cap, height, len(clock) > 7, len(gaps), title, room, keep)
        hit = self._rows_cache.get(key)
        if hit is not None:  # the same board as last frame: measured once
            return hit
        u = cap
        for _ in range(2):
            total = self._board_height(u, u, clock, gaps, title, room, keep)
            u = max(min(u * height / total, cap), 6.0)
        self._rows_cache[key] = u
        return u

    def _give_way(
        self, cap: float, area: QRectF, status: RaceStatus, gaps: list, title: str
    ) -> tuple[float, list, tuple[bool, bool]]:
        """(unit (px), gaps, (title shown, distance shown)) of a tight board in `area` (px):
        lines left out, least needed first, until its clock is at least TIGHT_CLOCK_SHARE
        of the size its width allows (cap, px), or only the clock, the lap and the gaps the
        panel does not show are left (see paint_scoreboard)."""
        keep = (True, True)
        steps = [(False, True)]
        if self.gap_shown_elsewhere and status.target_gap is not None:
            steps.append("gap")
        steps.append((False, False))
        u = cap
        for step in steps:
            if step == "gap":
                gaps = [g for g in gaps if g is not status.target_gap]
            else:
                keep = step
            u = self._fitted_unit(cap, area.height(), status.clock, gaps, title, area.width(), keep)
            if u >= TIGHT_CLOCK_SHARE * cap:
                break
        return u, gaps, keep

    def _shrunk_width(
        self, m: QFontMetricsF, room: float, least: float, ul: float, text: str
    ) -> float:
        """Width (px) of a boosted info line's text (m: its metrics at line unit ul, px) as
        drawn in room px (see _shrink): measured in the type it is drawn in, which the least
        type size may keep wider than shrunk (a 1080x1080 presentation board's distance line
        had been cut, "2,877 m t…", where a shorter form fitted: R9)."""
        w = m.horizontalAdvance(text)
        k = _shrink(w, 0.0, room, least)
        if k == 1.0:
            return w
        return self._fonts.pair(self._line_px("info", ul * k))[1].horizontalAdvance(text)

    def _boosted_units(
        self,
        u: float,
        height: float,
        clock: str,
        gaps: list,
        title: str,
        room: float,
        keep: tuple[bool, bool] = (True, True),
    ) -> tuple[float, float]:
        """(the board's unit, its lines' unit) (px) for a board of unit u (px) with its
        lines x board_boost, at most `height` px tall: the clock and the spaces give way
        (down to LEAST_CLOCK_SHARE), then the boost. (u, u) without a boost."""
        key = ("units", u, height, len(clock) > 7, len(gaps), title, room, self._board_boost)
        key += keep
        hit = self._rows_cache.get(key)
        if hit is not None:
            return hit
        best = (u, u)
        for i in range(BOOST_STEPS):
            boost = self._board_boost - (self._board_boost - 1.0) * i / BOOST_STEPS
            if boost <= 1.0:
                break
            ul = u * boost
            low, high = LEAST_CLOCK_SHARE * u, u
            if self._board_height(low, ul, clock, gaps, title, room, keep) > height:
                continue
            while high - low > 0.05:  # the biggest clock that leaves the lines room
                mid = (low + high) / 2
                if self._board_height(mid, ul, clock, gaps, title, room, keep) <= height:
                    low = mid
                else:
                    high = mid
            best = (low, ul)
            break
        self._rows_cache[key] = best
        return best

    def _board_height(
        self,
        u: float,
        ul: float,
        clock: str,
        gaps: list,
        title: str,
        room: float,
        keep: tuple[bool, bool] = (True, True),
    ) -> float:
        """Height (px) of the board at unit u and line unit ul (px), `room` px wide, with
        its title and its distance line (keep)."""
        rows = self._board_rows(u, ul, clock, gaps, keep)[1]
        return sum(rows) + (self._title_rows(title, u, ul, room)[1] if keep[0] else 0.0)

    def _title_rows(
        self, title: str, u: float, ul: float, room: float
    ) -> tuple[list[str], float, float]:
        """(the title's lines in capitals, the height (px) they add to its row, their type
        size (px)) at unit u and line unit ul (px) on a board `room` px wide. Boosted, a
        title too wide gives way (down to its size at u) before it takes two lines."""
        px = self._line_px("title", ul)
        m_title = self._fonts.pair(px, QFont.Weight.Bold)[1]
        row = m_title.height()
        text = capitals(title)
        k = _shrink(m_title.horizontalAdvance(text), 0.0, room, u / ul)
        if k < 1.0:
            px = self._line_px("title", ul * k)
            m_title = self._fonts.pair(px, QFont.Weight.Bold)[1]
        lines = title_lines(text, m_title.horizontalAdvance, room)
        return lines, len(lines) * m_title.height() - row, px

    def _board_rows(
        self,
        u: float,
        ul: float,
        clock: str,
        gaps: list,
        keep: tuple[bool, bool] = (True, True),
    ) -> tuple[tuple[float, float], list[float]]:
        """((clock box width, height), row heights) of the scoreboard at unit u and line
        unit ul (px: its lines' type, BOARD_LINE_EMS), with its title and its distance line
        (keep: a row left out is 0 px)."""
        key = (u, ul, len(clock) > 7, len(gaps), keep)
        hit = self._rows_cache.get(key)
        if hit is None:
            if len(self._rows_cache) >= MAX_CACHED_ROWS:
                self._rows_cache.clear()
            hit = self._rows_cache[key] = self._measure_rows(u, ul, clock, gaps, keep)
        return hit[0], list(hit[1])

    def _measure_rows(
        self, u: float, ul: float, clock: str, gaps: list, keep: tuple[bool, bool]
    ) -> tuple[tuple[float, float], list[float]]:
        m_title = self._fonts.pair(self._line_px("title", ul), QFont.Weight.Bold)[1]
        m_sub = self._fonts.pair(self._line_px("sub", ul))[1]
        m_clock = self._fonts.pair(CLOCK_EMS * u, QFont.Weight.Bold)[1]
        m_lap = self._fonts.pair(self._line_px("lap", ul), QFont.Weight.Bold)[1]
        m_info = self._fonts.pair(self._line_px("info", ul))[1]
        template = "00:00.00" if len(clock) > 7 else "0:00.00"
        box_w = m_clock.horizontalAdvance(template) + 2.0 * u
        box_h = m_clock.capHeight() + 1.6 * u
        rows = [m_title.height(), m_sub.height(), 0.5 * u, box_h, 0.45 * u, m_lap.height() * 1.3]
        rows += [0.3 * u, m_info.height()]
        rows += [m_info.height() * 1.35] * len(gaps)
        if not keep[0]:
            rows[0:3] = [0.0, 0.0, 0.0]
        if not keep[1]:
            rows[6:8] = [0.0, 0.0]
        return (box_w, box_h), rows

    def _gap_chip(
        self,
        p: QPainter,
        cx: float,
        y: float,
        font: tuple[QFont, QFontMetricsF],
        gap: Gap,
        u: float,
        max_w: float,
    ) -> float:
        """Draw one gap line centred at cx, at most max_w px wide (the label gives way):
        a dot in the colour of what she is measured against, its name, then the seconds in
        the ahead or behind colour, in bold on a plate of the box colour. Returns its width
        (px)."""
        f, m = font
        f_fig, m_fig = self._fonts.pair(f.pixelSize(), QFont.Weight.Bold)
        seconds = gap.seconds
        value = format_gap(seconds)
        colour = (
            self._behind if seconds > 0.005 else self._ahead if seconds < -0.005 else self._text
        )
        label = gap.label
        pad = FIGURE_PAD_EMS * u
        vw = m_fig.horizontalAdvance(value) + 2 * pad
        dot = 0.55 * u
        label = m.elided(label, max_w - (dot + 0.4 * u + 0.6 * u + vw))
        lw = m.horizontalAdvance(label)
        total = dot + 0.4 * u + lw + 0.6 * u + vw
        x = cx - total / 2
        p.setPen(QPen(self._text, max(1.0, 0.07 * u)))  # a ring: the light's green on grass
        p.setBrush(QColor(gap.colour) if gap.colour else self._compare)
        p.drawEllipse(QRectF(x, y + (m.height() - dot) / 2, dot, dot))
        x += dot + 0.4 * u
        p.setFont(f)
        p.setPen(self._muted)
        p.drawText(QPointF(x, y + m.ascent()), label)
        x += lw + 0.6 * u
        plate = QRectF(x, y - 0.06 * m.height(), vw, 1.12 * m.height())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._box)
        p.drawRoundedRect(plate, plate.height() / 2, plate.height() / 2)
        p.setFont(f_fig)
        p.setPen(colour)
        p.drawText(QPointF(x + pad, y + m_fig.ascent()), value)
        return total

    @staticmethod
    def _text_centred(p: QPainter, cx: float, y: float, m: QFontMetricsF, text: str) -> None:
        p.drawText(QPointF(cx - m.horizontalAdvance(text) / 2, y + m.ascent()), text)

    def _line(
        self, p: QPainter, cx: float, y: float, m: QFontMetricsF, text: str, colour: QColor
    ) -> QRectF:
        """A line of text that rarely changes, centred at cx below y (px), from the cache;
        returns where it went (px)."""
        w = m.horizontalAdvance(text)
        ascent = m.ascent()

        def paint(q: QPainter, r: QRectF) -> None:
            q.setPen(colour)
            q.drawText(QPointF(r.left(), r.top() + ascent), text)

        at = QRectF(cx - w / 2, y, w, m.height())
        self._sprites.draw(p, at, ("line", text, colour.rgba()), paint)
        return at

    def _paint_box(self, u: float, p: QPainter, r: QRectF) -> None:
        """The clock's box with its accent bar, filling r (px)."""
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._box)
        p.drawRoundedRect(r, 0.35 * u, 0.35 * u)
        p.setBrush(self._accent)
        p.drawRoundedRect(QRectF(r.left(), r.top(), 0.32 * u, r.height()), 0.16 * u, 0.16 * u)

    def _paint_pill(
        self,
        lap: str,
        detail: str,
        lap_w: float,
        bell: bool,
        u: float,
        f_info: QFont,
        p: QPainter,
        r: QRectF,
    ) -> None:
        """The lap pill (font: the painter's) and its detail text (f_info), filling r (px)."""
        pill = QRectF(r.left(), r.top(), lap_w, r.height())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._accent if bell else self._box)
        p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        p.setPen(self._on_accent if bell else self._text)
        p.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), lap)
        if detail:
            p.setFont(f_info)
            p.setPen(self._text)
            p.drawText(
                QRectF(pill.right() + 0.6 * u, r.top(), r.width() - lap_w - 0.6 * u, r.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                detail,
            )


def _shrink(text_w: float, pad: float, room: float, least: float) -> float:
    """How much (<= 1, >= least) boosted type whose text is text_w px wide, beside pad px
    that do not scale, is made smaller to fit room px (1.0 when it fits)."""
    if least >= 1.0 or text_w <= 0 or text_w + pad <= room:
        return 1.0
    return max((room - pad) / text_w, least)
