"""Broadcast graphics painted over the track: the infield scoreboard (drawn by
scoreboard_paint.ScoreboardPainter) and athlete name tags.

Everything is drawn with QPainter in pixel space, sized from the infield's size on screen and
a presentation scale factor. Fonts and colours are made once per theme/size, not per frame.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from racegui.ui.fonts import scene_font
from racegui.ui.legible import legible_on, mix
from racegui.ui.runner_accent import ink_on, runner_accent
from racegui.ui.scoreboard_paint import ScoreboardPainter
from racegui.ui.sprite_cache import SpriteCache
from racegui.ui.tag_fades import Echo, TagFades
from racegui.ui.tag_placement import TagPlacer
from racegui.ui.text_floor import floored
from racegui.ui.theme import Theme

MAX_CACHED_WIDTHS = 4096
"""Text widths a font remembers at most (the race clock adds one string a frame)."""
FIGURE_RATIO = 4.6
"""Least contrast of the gap figures with their plates: WCAG's 4.5 for text, with room for
the plate's colour being rounded to 8 bits when drawn."""
FADED_LINE_ALPHA = 110
"""Opacity (0..255) of a stepped-off pacer's leader line (235 for the others)."""
FADED_DOT_ALPHA = 120
"""Opacity (0..255) of a stepped-off pacer's dot in its tag."""
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
    clear_of: tuple[tuple[float, float, float], ...] = ()
    """Other runners' markers (x, y, radius px) the tag must not be read as labelling: it
    keeps off them, and no nearer to them than to its own marker (see tag_boxes.misread).
    Given for a marker parked at the finish (the light's, a ghost's)."""


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


class BroadcastOverlay(ScoreboardPainter):
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
        self.board_text_rects: list[QRectF] = []
        """Each line the last scoreboard drew (px: every title line, the subtitle, the clock's
        box, the lap pill, the distance and gap lines), widened by TEXT_MARGIN_EMS: obstacles
        for the name tags (a line wider than the board, as a venue line under a title on two
        lines, lies outside the board's rect)."""
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

    # --- name tags --------------------------------------------------------------------------
    def paint_labels(
        self,
        p: QPainter,
        labels: list[Label],
        obstacles: list[QRectF],
        label_px: float,
        bounds: QRectF,
        t: float,
        live: dict[str, tuple[str, QColor]] | None = None,
    ) -> list[QRectF]:
        """Place tags greedily in list order (first = most important), skipping any that
        would overlap an earlier tag or an obstacle; draws a leader line to each, then the
        tags over all the lines. t is the frame's race time (s): tags move with it, and stay
        put when the same frame is painted again. `live`: per key, the text and colour this
        frame of a tag whose words follow the race (the gap's seconds), drawn or not: a copy
        of it fading out says them, not what it said when it went (see _echo_now).

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
        tags = []
        for echo, alpha in echoes:
            shown = _echo_now(echo, (live or {}).get(echo.key), m, most, extra)
            if shown is not None:
                tags.append((*shown, alpha, now.get(echo.key, echo.drawn_from)))
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


def _anchor(lab: Label) -> QPointF:
    """Where a tag's leader line starts (px): the edge of its marker."""
    return QPointF(lab.x + lab.nx * lab.radius, lab.y + lab.ny * lab.radius)


def _with_text(lab: Label, text: str) -> Label:
    """lab itself if its text is text, else a copy with that text (keyed by its full text,
    so the tag keeps its place however much of the text fits)."""
    return lab if text is lab.text else replace(lab, text=text, key=lab.key or lab.text)


def _echo_now(
    echo: Echo, words: tuple[str, QColor] | None, m: QFontMetricsF, most: float, extra: float
) -> tuple[Label, QRectF] | None:
    """The tag and box (px) a copy fading out is drawn as: as it was drawn, or, for a tag
    whose words follow the race (`words`: this frame's text and colour), saying them. The
    gap's tag, gone 0.33 m before the Breaking4 finish, had faded out reading "+6.41 s" at
    4:06.37 and 4:06.40 while the scoreboard and the panel read "+6.42 s" (reviewer). A text
    wider than the box it went from is not drawn (the box was checked clear of the others);
    a narrower one keeps its centre."""
    lab = echo.drawn_from
    if words is None:
        return lab, echo.rect
    text, colour = m.elided(words[0], most), words[1]
    if text == lab.text and colour == lab.colour:
        return lab, echo.rect
    width = m.horizontalAdvance(text) + extra
    if width > echo.rect.width() + 0.5:
        return None
    rect = QRectF(echo.rect)
    rect.setWidth(width)
    rect.moveCenter(echo.rect.center())
    return replace(lab, text=text, colour=colour), rect
