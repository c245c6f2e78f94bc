"""Broadcast graphics painted over the track: the infield scoreboard and athlete name tags.

Everything is drawn with QPainter in pixel space, sized from the infield's size on screen and
a presentation scale factor. Fonts and colours are made once per theme/size, not per frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from racegui.model.timefmt import format_gap
from racegui.ui.board_text import first_fitting, title_lines
from racegui.ui.fonts import scene_font
from racegui.ui.legible import legible_on, mix
from racegui.ui.race_status import Gap, RaceStatus
from racegui.ui.runner_accent import ink_on, runner_accent
from racegui.ui.sprite_cache import SpriteCache
from racegui.ui.tag_fades import TagFades
from racegui.ui.tag_placement import TagPlacer
from racegui.ui.text_floor import floored
from racegui.ui.theme import Theme

MAX_CACHED_WIDTHS = 4096
"""Text widths a font remembers at most (the race clock adds one string a frame)."""
FIGURE_RATIO = 4.6
"""Least contrast of the gap figures with their plates: WCAG's 4.5 for text, with room for
the plate's colour being rounded to 8 bits when drawn."""
FIGURE_PAD_EMS = 0.35
"""Room (scoreboard units) left and right of a gap figure inside its plate."""
FADED_LINE_ALPHA = 110
"""Opacity (0..255) of a stepped-off pacer's leader line (235 for the others)."""
FADED_DOT_ALPHA = 120
"""Opacity (0..255) of a stepped-off pacer's dot in its tag."""
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
TIGHT_CLOCK_SHARE = 0.8
"""A board fitted to its area whose clock would be drawn under this share of the size its
width allows gives up lines, least needed first (see paint_scoreboard): in a 540x960
video the lines at the 10 px least type size took the height and left the clock 16 px."""
TAG_MAX_EMS = 16.0
"""Widest tag text, in line heights (about 300 px at 1080p): a longer name is elided."""


@dataclass(frozen=True)
class Label:
    """A name tag wanted at anchor (px), pushed along the unit normal (px) away from it."""

    x: float
    y: float
    nx: float
    ny: float
    text: str
    colour: QColor
    radius: float
    """Marker radius (px): the tag starts beyond it."""
    inward_first: bool = False
    forced: bool = False
    """Always drawn (at its first candidate if no place is free)."""
    background: QColor | None = None
    """Fill of the tag (None: the theme's overlay background)."""
    key: str = ""
    """Which tag this is from frame to frame when its text changes ("": the text)."""
    faded: bool = False
    """An athlete who has stepped off (a pacer, or a runner who dropped out): dot, name and
    leader drawn fainter, as in the pocket cam, so those still in the race stand out."""
    tier: int = 0
    """Importance (0 first): a tag never loses its place to one of a later tier; in a tier,
    one already shown goes first."""
    slide_heights: float = 0.0
    """How far (tag heights) a tag that is not forced may slide sideways along the track
    when no spot beside its marker is free (0: it is dropped instead)."""
    leads: bool = False
    """While this tag (not forced) finds no place, no tag of a later tier that yields is
    drawn: the pacing light's, so that no pacer is tagged when the light is not."""
    yields: bool = False
    """Hidden while a leading tag of an earlier tier finds no place (pacers' tags; a
    compared runner's or another runner's do not yield)."""
    short_text: str = ""
    """A shorter text the tag takes, from the frame it finds no place with its own on, rather
    than vanish ("": none)."""
    appears: bool = True
    """May be shown when it was not shown last frame (False: a stepped-off pacer's tag
    some time after its dropout goes on showing if it was, but never pops in late)."""


class _Metrics(QFontMetricsF):
    """QFontMetricsF that remembers text widths: the same strings are measured every frame
    (a measurement costs ~4 us, a look-up ~0.1 us)."""

    def __init__(self, font: QFont) -> None:
        super().__init__(font)
        self._widths: dict[str, float] = {}
        self._elided: dict[str, str] = {}

    def horizontalAdvance(self, text: str, *args) -> float:  # noqa: N802 (Qt name)
        if args:
            return super().horizontalAdvance(text, *args)
        w = self._widths.get(text)
        if w is None:
            if len(self._widths) >= MAX_CACHED_WIDTHS:
                self._widths.clear()
            w = self._widths[text] = super().horizontalAdvance(text)
        return w

    def elided(self, text: str, width: float) -> str:
        """text cut to fit width (px) with an ellipsis (remembered, like the widths)."""
        if self.horizontalAdvance(text) <= width:
            return text
        key = f"\x00{width:.1f}\x00{text}"
        hit = self._elided.get(key)
        if hit is None:
            if len(self._elided) >= MAX_CACHED_WIDTHS:
                self._elided.clear()
            hit = self._elided[key] = self.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return hit


class _Fonts:
    def __init__(self, family: str) -> None:
        self._family = family
        self._cache: dict[tuple[int, QFont.Weight], tuple[QFont, QFontMetricsF]] = {}

    def get(self, px: float, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
        return self.pair(px, weight)[0]

    def pair(self, px: float, weight: QFont.Weight = QFont.Weight.Normal):
        key = (max(int(round(px)), 6), weight)  # the enum member itself: no .value look-up
        hit = self._cache.get(key)
        if hit is None:
            font = scene_font(self._family, key[0], weight)
            hit = (font, _Metrics(font))
            self._cache[key] = hit
        return hit


class BroadcastOverlay:
    """Paints the scoreboard in the infield and the name tags, with collision avoidance."""

    def __init__(self, theme: Theme) -> None:
        self.scale = 1.0
        self._min_text_px = 0.0
        self._board_boost = 1.0
        self.board_type_px: dict[str, float] = {}
        """Type size (px) of each line of the last scoreboard drawn: title, subtitle, clock,
        lap, detail (beside the lap pill), distance and gaps."""
        self.board_extent: QRectF | None = None
        """Everything the last scoreboard drew (px): the board plus wider text lines."""
        self.board_lines: dict[str, str] = {}
        """The texts of the last scoreboard's lines by role (title, subtitle, lap, detail,
        distance; gaps: the gap labels), "" for a line left out (see paint_scoreboard)."""
        self.tag_rects: list[tuple[str, QRectF]] = []
        """The last frame's tags (px) by key (most tags' key is their text): what a hover
        tip looks under."""
        self._placer = TagPlacer()
        """Where the tags went last frame: kept through a change of theme."""
        self._fades = TagFades()
        """Tags fading in, and copies fading out where tags were (see tag_fades)."""
        self._leader_pens: dict[tuple[int, bool], QPen] = {}
        """Leader line pens by (tag colour as RGBA, faded): made once, not per frame."""
        self._runner = theme.accent
        """The followed runner's colour (set_runner): the clock's bar and the bell-lap pill."""
        self.gap_shown_elsewhere = False
        """Whether the side panel shows the gap to the target: on a tight board its line
        gives way to the clock (see paint_scoreboard)."""
        self.set_theme(theme)

    @property
    def min_text_px(self) -> float:
        """Least type size (px) of the scoreboard's lines and the name tags (text_floor)."""
        return self._min_text_px

    @min_text_px.setter
    def min_text_px(self, px: float) -> None:
        self._min_text_px = float(px)
        self._rows_cache.clear()  # rows measured with the old least size

    @property
    def board_boost(self) -> float:
        """The scoreboard's lines (all but its clock) x this next to the clock: presentation
        mode's scale over its screen's fit (1.4), 1.0 otherwise. Sized from the infield alone,
        the board did not grow in presentation mode, its 14 px distance line unreadable from
        the back of a room; the board covers no more than at 1.0 (its clock gives way)."""
        return self._board_boost

    @board_boost.setter
    def board_boost(self, k: float) -> None:
        self._board_boost = max(float(k), 1.0)
        self._rows_cache.clear()

    def _line_px(self, role: str, ul: float) -> float:
        """Type size (px) of a scoreboard line (BOARD_LINE_EMS) at line unit ul (px)."""
        return self._type(BOARD_LINE_EMS[role] * ul)

    def _type(self, px: float) -> float:
        """A type size (px) no smaller than min_text_px."""
        return floored(px, self._min_text_px)

    def reset_tags(self) -> None:
        """Forget where the tags were (see TagPlacer.reset), with nothing fading."""
        self._placer.reset()
        self._fades.reset()

    def settle_tags(self) -> None:
        """The next frame's tags drawn whole, nothing fading (see TagFades.settle)."""
        self._fades.settle()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._fonts = _Fonts(theme.font_family)
        self._box = QColor(theme.overlay_background)
        self._box.setAlpha(205)
        self._text = QColor(theme.overlay_text)
        self._faded_text = QColor(theme.text_muted)
        """A stepped-off pacer's name, on the same box as the others (the pocket cam's too)."""
        # Text written straight on the infield (not in a box): readable on its grass and its
        # mowing stripes in either theme.
        field = [QColor(theme.infield), QColor(theme.infield_lines)]
        self._muted = legible_on(QColor(theme.text_muted), field)
        self._set_accent()
        # Ahead/behind figures sit on a plate of the box colour, as the lap pill: on the light
        # theme's grass no red or green reached 4.5:1 and kept its hue (a projector washed
        # the 3:1 figures out), on a plate the theme's own colours nearly do.
        self._ahead = legible_on(QColor(theme.ahead), self._plates(), FIGURE_RATIO)
        self._behind = legible_on(QColor(theme.behind), self._plates(), FIGURE_RATIO)
        self._compare = QColor(theme.compare_colour)
        self._tag = QColor(theme.overlay_background)
        self._tag.setAlpha(200)
        self._sprites = SpriteCache()
        self._rows_cache: dict[tuple, tuple[tuple[float, float], list[float]]] = {}

    def set_runner(self, colour: str) -> None:
        """The followed runner's colour ("#rrggbb"), for the scoreboard's bar, finished clock
        and bell-lap pill (they stand for her, not the theme)."""
        self._runner = colour
        self._set_accent()

    def _plates(self) -> list[QColor]:
        """The colours of the scoreboard's boxes (the box colour's alpha over the infield's
        grass and its stripes)."""
        t = self.theme
        share = self._box.alphaF()
        return [mix(c, t.overlay_background, share) for c in (t.infield, t.infield_lines)]

    def _set_accent(self) -> None:
        """The runner's colour as readable on the clock's box (its alpha over the infield),
        and the pill's text on it."""
        self._accent = runner_accent(self._runner, self._plates())
        self._on_accent = ink_on(self._accent)

    # --- scoreboard -----------------------------------------------------------------------
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
        for i, line in enumerate(lines):
            text = m_title.elided(line, room)
            self._line(p, cx, y + i * m_title.height(), m_title, text, self._text)
            title_w = max(title_w, m_title.horizontalAdvance(text))
        y += rows[0]
        p.setFont(f_sub)
        subtitle = first_fitting(forms, m_sub.horizontalAdvance, room) if keep[0] else ""
        subtitle = m_sub.elided(subtitle, room)
        if subtitle:
            self._line(p, cx, y, m_sub, subtitle, self._muted)
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
        y += rows[3] + rows[4]
        # Lap status pill.
        lap = status.lap_text.upper()
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
        bell = status.lap_text.startswith("Bell") or status.finished
        strip = QRectF(left, y, lap_w + detail_w, pill.height())
        key = ("pill", lap, detail, bell, u, lap_w, f_detail.key(), self._box.rgba())
        key += (self._accent.rgba(), self._on_accent.rgba(), self._text.rgba())
        self._sprites.draw(
            p, strip, key, partial(self._paint_pill, lap, detail, lap_w, bell, u, f_detail)
        )
        y += rows[5] + rows[6]
        distance = ""
        f_dist, m_dist = f_info, m_info
        if keep[1]:
            ways = (status.distance_text, *status.distance_forms)
            distance = first_fitting(ways, partial(self._shrunk_width, m_info, room, u / ul), room)
            k = _shrink(m_info.horizontalAdvance(distance), 0.0, room, u / ul)
            f_dist, m_dist = self._fonts.pair(self._line_px("info", ul * k))
            distance = m_dist.elided(distance, room)
            p.setFont(f_dist)
            p.setPen(self._text)
            self._text_centred(p, cx, y + m_info.ascent() - m_dist.ascent(), m_dist, distance)
        y += rows[7]
        widest = max(m_sub.horizontalAdvance(subtitle), m_dist.horizontalAdvance(distance))
        p.setFont(f_info)
        for gap in gaps:
            y += 0.2 * m_info.height()
            chip = self._gap_chip(p, cx, y, (f_info, m_info), gap, u, room)
            widest = max(widest, chip)
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

    @staticmethod
    def _shrunk_width(m: QFontMetricsF, room: float, least: float, text: str) -> float:
        """Width (px) of a boosted line's text as drawn in room px (see _shrink)."""
        w = m.horizontalAdvance(text)
        return w * _shrink(w, 0.0, room, least)

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
        text = title.upper()
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
            if len(self._rows_cache) >= MAX_CACHED_WIDTHS:
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
    ) -> None:
        """A line of text that rarely changes, centred at cx below y (px), from the cache."""
        w = m.horizontalAdvance(text)
        ascent = m.ascent()

        def paint(q: QPainter, r: QRectF) -> None:
            q.setPen(colour)
            q.drawText(QPointF(r.left(), r.top() + ascent), text)

        self._sprites.draw(
            p, QRectF(cx - w / 2, y, w, m.height()), ("line", text, colour.rgba()), paint
        )

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

    # --- name tags --------------------------------------------------------------------------
    def paint_labels(
        self,
        p: QPainter,
        labels: list[Label],
        obstacles: list[QRectF],
        label_px: float,
        bounds: QRectF,
        t: float,
    ) -> list[QRectF]:
        """Place tags greedily in list order (first = most important), skipping any that
        would overlap an earlier tag or an obstacle; draws a leader line to each, then the
        tags over all the lines. t is the frame's race time (s): tags move with it, and stay
        put when the same frame is painted again.

        Returns what each drawn tag covers, its leader line included (px)."""
        font, m = self._fonts.pair(self._type(label_px * self.scale), QFont.Weight.DemiBold)
        h = m.height() + 0.35 * m.height()
        pad = 0.45 * m.height()
        # A long name gives way to the others: at most TAG_MAX_EMS line heights of text.
        most = TAG_MAX_EMS * m.height()
        labels = [_with_text(lab, m.elided(lab.text, most)) for lab in labels]
        extra = 2 * pad + 0.35 * h
        widths = [m.horizontalAdvance(lab.text) + extra for lab in labels]
        shorts = [m.elided(lab.short_text, most) if lab.short_text else "" for lab in labels]
        short_widths = [m.horizontalAdvance(s) + extra if s else None for s in shorts]
        drawn: list[QRectF] = []
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(font)
        if any(short_widths):
            rects = self._placer.place(
                labels, widths, h, obstacles, bounds, t=t, short_widths=short_widths
            )
            shortened = self._placer.shortened
            labels = [
                _with_text(lab, s) if s and (lab.key or lab.text) in shortened else lab
                for lab, s in zip(labels, shorts, strict=True)
            ]
        else:
            rects = self._placer.place(labels, widths, h, obstacles, bounds, t=t)
        placed = [
            (lab.key or lab.text, rect, lab)
            for lab, rect in zip(labels, rects, strict=True)
            if rect is not None
        ]
        self.tag_rects = [(key, rect) for key, rect, _ in placed]
        alphas, echoes = self._fades.update(t, placed)
        now = {lab.key or lab.text: lab for lab in labels}
        # Echoes (tags fading out where they were) first, then this frame's tags.
        tags = [(e.drawn_from, e.rect, a, now.get(e.key, e.drawn_from)) for e, a in echoes]
        tags += [(lab, rect, a, lab) for (_, rect, lab), a in zip(placed, alphas, strict=True)]
        pens = self._leader_pens
        for lab, rect, alpha, at in tags:
            anchor = _anchor(at)
            edge = self._edge_point(rect, anchor)
            pen_key = (lab.colour.rgba(), lab.faded)
            pen = pens.get(pen_key)
            if pen is None:
                if len(pens) >= MAX_CACHED_WIDTHS:
                    pens.clear()
                line = QColor(lab.colour)
                line.setAlpha(FADED_LINE_ALPHA if lab.faded else 235)
                pen = pens[pen_key] = self._leader_pen(line)
            p.setOpacity(alpha)
            p.setPen(pen)
            p.drawLine(anchor, edge)
            drawn.append(rect.united(QRectF(anchor, edge).normalized()))
        for lab, rect, alpha, _ in tags:  # over every leader line: no line crosses a tag's text
            fill = lab.background or self._tag
            text = self._faded_text if lab.faded else self._text
            key = ("tag", lab.text, lab.colour.rgba(), fill.rgba(), text.rgba(), pad, lab.faded)
            p.setOpacity(alpha)
            self._sprites.draw(p, rect, key, partial(self._paint_tag, lab, fill, pad))
        p.restore()
        return drawn

    def _paint_tag(self, lab: Label, fill: QColor, pad: float, p: QPainter, rect: QRectF) -> None:
        """Box, dot and name of a tag in rect (px)."""
        h = rect.height()
        p.setPen(Qt.PenStyle.NoPen)
        colour = QColor(lab.colour)
        if lab.faded:
            colour.setAlpha(FADED_DOT_ALPHA)
        p.setBrush(fill)
        p.drawRoundedRect(rect, h / 2, h / 2)
        p.setBrush(colour)
        dot = 0.42 * h
        p.drawEllipse(QRectF(rect.left() + pad * 0.6, rect.center().y() - dot / 2, dot, dot))
        p.setPen(self._faded_text if lab.faded else self._text)
        text_rect = rect.adjusted(pad * 0.6 + dot, 0, 0, 0)
        p.drawText(text_rect, int(Qt.AlignmentFlag.AlignCenter), lab.text)

    @staticmethod
    def _leader_pen(colour: QColor) -> QPen:
        """A 1 px cosmetic line: Qt's fast path for antialiased lines (a 1.3 px one is not)."""
        pen = QPen(colour, 1.0)
        pen.setCosmetic(True)
        return pen

    @staticmethod
    def _edge_point(rect: QRectF, anchor: QPointF) -> QPointF:
        c = rect.center()
        dx, dy = anchor.x() - c.x(), anchor.y() - c.y()
        if dx == 0 and dy == 0:
            return c
        sx = (rect.width() / 2) / abs(dx) if dx else float("inf")
        sy = (rect.height() / 2) / abs(dy) if dy else float("inf")
        s = min(sx, sy, 1.0)
        return QPointF(c.x() + dx * s, c.y() + dy * s)


def _shrink(text_w: float, pad: float, room: float, least: float) -> float:
    """How much (<= 1, >= least) boosted type whose text is text_w px wide, beside pad px
    that do not scale, is made smaller to fit room px (1.0 when it fits)."""
    if least >= 1.0 or text_w <= 0 or text_w + pad <= room:
        return 1.0
    return max((room - pad) / text_w, least)


def _anchor(lab: Label) -> QPointF:
    """Where a tag's leader line starts (px): the edge of its marker."""
    return QPointF(lab.x + lab.nx * lab.radius, lab.y + lab.ny * lab.radius)


def _with_text(lab: Label, text: str) -> Label:
    """lab itself if its text is text, else a copy with that text (keyed by its full text,
    so the tag keeps its place however much of the text fits)."""
    return lab if text is lab.text else replace(lab, text=text, key=lab.key or lab.text)
