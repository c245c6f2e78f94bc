"""Colours, pens, fonts and the furniture of the pocket cam inset: frame, title, scale bar,
lane numbers and the "light +19.8 m ahead" chip. Everything is in view pixels.
"""

from __future__ import annotations

import numpy as np
from pyqtgraph import functions as fn
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPolygonF,
)

from racegui.ui.device_sprites import scaled_cosmetic_pen
from racegui.ui.fonts import unhinted
from racegui.ui.markers import mk_colour
from racegui.ui.pocket_tags import TagPainter
from racegui.ui.sprite_cache import Paint, SpriteCache
from racegui.ui.text_floor import floored
from racegui.ui.theme import Theme

TITLE = "POCKET CAM"
SCALE_BAR_M = 5.0
"""Length of the scale bar (m)."""
LIGHT_GLOW_M = 0.35
"""Half-width of the pacing light's glow (m) either side of the kerb line."""
LIGHT_CORE_M = 0.09
"""Half-width of its bright core (m)."""
LANE_NUMBER_CLEAR_U = 0.25
"""Least room (units of PocketStyle.unit) between a lane's number and the title's or the scale
bar's pill."""


def _font(family: str, px: float, weight: QFont.Weight, spacing: float = 100.0) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(int(round(px)), 6))
    font.setWeight(weight)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, spacing)
    return unhinted(font)


def _cosmetic(colour: QColor, width: float, cap: Qt.PenCapStyle = Qt.PenCapStyle.FlatCap) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    pen.setCapStyle(cap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class PocketStyle:
    """Theme colours and size-dependent pens and fonts of the inset (made once per size)."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.infield = QColor(theme.infield)
        self.surface = QColor(theme.track_surface)
        self.apron = QColor(theme.track_surface_edge)
        self.outside = QColor(theme.background)
        self.box = mk_colour(theme.overlay_background, 200)
        self.text = QColor(theme.overlay_text)
        self.muted = QColor(theme.text_muted)
        self.frame_colour = QColor(theme.text_muted)  # opaque: a translucent 1 px column ~50 µs
        self.dot = QColor(theme.accent)
        """The title's dot: the followed runner's colour (see PocketCam._styles)."""
        self.size_for(QRectF(0, 0, 460, 200), 15.6, 1.0)

    def size_for(
        self, rect: QRectF, px_per_m: float, scale: float, fit: float = 1.0, floor: float = 0.0
    ) -> None:
        """Pens and fonts for an inset of rect (px) at px_per_m; scale: presentation scale.
        The type is sized as for an inset 1/fit times as high (presentation.screen_fit: the
        same type as on the 1080p screen, in proportion to this one), then x scale, and is at
        least floor px (text_floor; a lane's number at most a metre high)."""
        th = self.theme
        k = px_per_m
        lines = mk_colour(th.track_lines, 225)
        self.lane_pen = _cosmetic(lines, 1.0)
        self.kerb_pen = _cosmetic(QColor(th.kerb), 1.0)
        self.kerb = QColor(th.kerb)
        self._device_pens: dict[tuple[int, float], QPen] = {}
        self._band_buffers: dict[int, tuple[QPolygonF, np.ndarray]] = {}
        self.finish_pen = _cosmetic(QColor(th.track_lines), max(2.5, 0.08 * k))
        self.start_pen = _cosmetic(QColor(th.accent), max(2.0, 0.07 * k))
        glow = QColor(th.target_glow)
        self.light_glow = mk_colour(glow.name(), 110)
        self.light_core = mk_colour(glow.name(), 255)
        unit = min(max(rect.height() / fit / 17.0, 9.0), 18.0) * scale
        self.unit = unit
        tag_px = floored(0.85 * unit, floor)
        self.tags = TagPainter(th.font_family, tag_px, self.box, self.text, self.muted)
        self.lane_px = 0.62 * k
        family = th.font_family
        self.title_font = _font(family, floored(unit, floor), QFont.Weight.Bold, 112.0)
        self.title_metrics = QFontMetricsF(self.title_font)
        self.small_font = _font(family, floored(0.9 * unit, floor), QFont.Weight.DemiBold)
        self.small_metrics = QFontMetricsF(self.small_font)
        lane = floored(min(max(self.lane_px, 9.0), 1.2 * unit), min(floor, k))
        self.lane_font = _font(family, lane, QFont.Weight.Bold)
        self.lane_metrics = QFontMetricsF(self.lane_font)
        self.lane_h = self.lane_metrics.height()
        self._lane_w: dict[str, float] = {}
        self.lane_colour = mk_colour(th.track_lines, 170)
        self.pill_h = self.title_metrics.height() + 0.35 * unit
        self.sprites = SpriteCache()
        """The title and scale pills, drawn once per size at the output's resolution."""
        self.title_size, self.paint_title = _title_drawing(self)
        self.scale_size, self.paint_scale = _scale_drawing(self, k)

    def band_buffer(self, n: int) -> tuple[QPolygonF, np.ndarray]:
        """A polygon of n points and a numpy view of its (x, y) memory, kept per n: the
        light band's strips are drawn from it frame after frame."""
        buf = self._band_buffers.get(n)
        if buf is None:
            poly = fn.create_qpolygonf(n)
            buf = self._band_buffers[n] = (poly, fn.ndarray_from_qpolygonf(poly))
        return buf

    def lane_width(self, text: str) -> float:
        """Width (px) of a lane's number in the lane font (measured once per text)."""
        w = self._lane_w.get(text)
        if w is None:
            w = self._lane_w[text] = self.lane_metrics.horizontalAdvance(text)
        return w

    def device_pen(self, pen: QPen, out_scale: float) -> QPen:
        """A cosmetic pen sized in view px, as wide in output px at out_scale (a hairline
        stays 1 px); remembered per pen and scale."""
        if abs(out_scale - 1.0) < 1e-3 or pen.widthF() <= 1.0:
            return pen
        key = (id(pen), round(out_scale, 4))
        scaled = self._device_pens.get(key)
        if scaled is None:
            scaled = self._device_pens[key] = scaled_cosmetic_pen(pen, out_scale)
        return scaled

    def paint_frame(self, p: QPainter, rect: QRectF) -> None:
        """A 1 px border just inside rect (px), without antialiasing (fast)."""
        r = rect.toAlignedRect()
        c = self.frame_colour
        p.fillRect(r.left(), r.top(), r.width(), 1, c)
        p.fillRect(r.left(), r.bottom(), r.width(), 1, c)
        p.fillRect(r.left(), r.top(), 1, r.height(), c)
        p.fillRect(r.right(), r.top(), 1, r.height(), c)


def _title_drawing(st: PocketStyle) -> tuple[QSizeF, Paint]:
    """The "POCKET CAM" pill with a dot (a recording light) in st.dot, the followed
    runner's colour: the camera is on her."""
    u = st.unit
    pad = 0.5 * u
    dot = 0.5 * u
    m = st.title_metrics

    def draw(p: QPainter, r: QRectF) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(st.box)
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
        p.setBrush(st.dot)
        p.drawEllipse(QRectF(r.left() + pad, r.center().y() - dot / 2, dot, dot))
        p.setFont(st.title_font)
        p.setPen(st.text)
        p.drawText(
            r.adjusted(pad + dot + 0.35 * u, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            TITLE,
        )

    return QSizeF(m.horizontalAdvance(TITLE) + 2.2 * pad + 0.7 * u, st.pill_h), draw


def _scale_drawing(st: PocketStyle, px_per_m: float) -> tuple[QSizeF, Paint]:
    """A SCALE_BAR_M scale bar with its label, on a pill."""
    u = st.unit
    pad = 0.5 * u
    bar = SCALE_BAR_M * px_per_m
    sm = st.small_metrics
    label = f"{SCALE_BAR_M:g} m"
    label_w = sm.horizontalAdvance(label) + 0.4 * u

    def draw(p: QPainter, r: QRectF) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(st.box)
        p.drawRoundedRect(r, r.height() / 2, r.height() / 2)
        y = r.center().y()
        x0 = r.left() + 0.7 * pad
        tick = 0.3 * r.height()
        p.setPen(_cosmetic(st.text, max(1.5, 0.12 * u)))
        p.drawLine(QPointF(x0, y), QPointF(x0 + bar, y))
        p.drawLine(QPointF(x0, y - tick), QPointF(x0, y + tick))
        p.drawLine(QPointF(x0 + bar, y - tick), QPointF(x0 + bar, y + tick))
        p.setFont(st.small_font)
        p.drawText(
            QRectF(x0 + bar + 0.4 * u, r.top(), label_w, r.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            label,
        )

    return QSizeF(bar + 1.4 * pad + label_w + 0.2 * u, st.pill_h), draw


def pill_boxes(rect: QRectF, st: PocketStyle) -> tuple[QRectF, QRectF]:
    """The title's pill (top left) and the scale bar's (top right) in an inset of rect (px)."""
    pad = 0.5 * st.unit
    title = QRectF(QPointF(rect.left() + pad, rect.top() + pad), st.title_size)
    size = st.scale_size
    scale = QRectF(QPointF(rect.right() - pad - size.width(), rect.top() + pad), size)
    return title, scale


def lane_box(st: PocketStyle, text: str, at: QPointF) -> QRectF:
    """The box (px) of a lane's number centred at `at`."""
    w, h = st.lane_width(text), st.lane_h
    return QRectF(at.x() - w / 2, at.y() - h / 2, w, h)


def lane_box_clear(st: PocketStyle, box: QRectF, pills: tuple[QRectF, ...]) -> bool:
    """Whether a lane number's box (px) stands LANE_NUMBER_CLEAR_U units clear of the pills."""
    m = LANE_NUMBER_CLEAR_U * st.unit
    for pill in pills:
        if box.intersects(pill.adjusted(-m, -m, m, m)):
            return False
    return True


def paint_chrome(
    p: QPainter, rect: QRectF, st: PocketStyle, lanes: list[tuple[str, QPointF]]
) -> list[QRectF]:
    """Title (top left), scale bar (top right) and lane numbers; returns their boxes. A lane
    number is drawn where it is wholly inside the inset and clear of the two pills (the caller
    places it so, see PocketCam._lane_numbers): the lane-1 number had been drawn over the
    title, under the kerb at the inset's top (coach's review)."""
    boxes = []
    title, sbox = pill_boxes(rect, st)
    st.sprites.draw(p, title, ("title", st.dot.rgba()), st.paint_title, painter_font=False)
    boxes.append(title)
    st.sprites.draw(p, sbox, "scale", st.paint_scale, painter_font=False)
    boxes.append(sbox)
    # Lane numbers, painted on the track just inside the left edge.
    p.setFont(st.lane_font)
    p.setPen(st.lane_colour)
    for text, pt in lanes:
        box = lane_box(st, text, pt)
        if rect.contains(box) and lane_box_clear(st, box, (title, sbox)):
            p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
            boxes.append(box)
    return boxes


CHIP_MOST = 0.4
"""Widest the off-view target's chip may be with the target's name in it (share of the inset's
width), leaving the middle fifth, where the runner and her tag are, clear; wider, it has the
short word. "Sub-4 pacing light +18.9 m ahead" took half the 1080p inset: the runner's tag
was pushed a row up and two pacers' tags out."""
HELD_CHIP_MOST = 0.9
"""Widest the held chip (a runner who did not finish, stopped: her tag stands still in the
middle) may be with its whole sentence; wider, it says less (see _chip_texts)."""


def target_words(label: str, most: int) -> tuple[str, ...]:
    """What the pocket cam may call the target, longest first: its name as the track's tag
    has it ("3:50 even pace", "Sub-4 pacing light") where that is at most ``most``
    characters, then "light" for a pacing light or else "target" (a "Previous world record
    4:12.33" ghost is no light)."""
    name = label.strip()
    short = "light" if "light" in name.casefold() else "target"
    return (name, short) if name and len(name) <= most and name != short else (short,)


def paint_light_chip(
    p: QPainter,
    rect: QRectF,
    st: PocketStyle,
    gap_m: float,
    cy: float,
    colour: QColor,
    words: tuple[str, ...] = ("light",),
    held: bool = False,
) -> QRectF:
    """The off-view target: "light +19.8 m ahead" (word first) at the right edge (left if
    behind), centred at height cy (px), with an arrow towards it. The word is the first of
    ``words`` whose chip is at most CHIP_MOST of the inset's width (else the last; see
    _chip_texts). Returns its box.

    ``held``: the gap held where a runner who did not finish stopped, "light 3.2 m behind
    when she stopped", at the right edge without an arrow (the target has run on since: an
    arrow would point where it no longer is)."""
    m = st.small_metrics
    u = st.unit
    h = chip_height(st)
    arrow = 0.0 if held else 0.7 * h
    most = (HELD_CHIP_MOST if held else CHIP_MOST) * rect.width()
    for text in _chip_texts(words, gap_m, held):
        w = m.horizontalAdvance(text) + 1.4 * u + arrow
        if w <= most:
            break
    ahead = gap_m >= 0 or held
    y = min(max(cy - h / 2, rect.top() + 4), rect.bottom() - h - 4)
    x = rect.right() - 0.5 * u - w if ahead else rect.left() + 0.5 * u
    box = QRectF(x, y, w, h)
    p.setPen(_cosmetic(colour, 1.5))
    p.setBrush(st.box)
    p.drawRoundedRect(box, h / 2, h / 2)
    cy = box.center().y()
    if ahead:
        tip = box.right() - 0.45 * u
        tri = [
            QPointF(tip, cy),
            QPointF(tip - arrow, cy - arrow / 2),
            QPointF(tip - arrow, cy + arrow / 2),
        ]
        text_box = box.adjusted(0.55 * u, 0, -arrow - 0.6 * u, 0)
    else:
        tip = box.left() + 0.45 * u
        tri = [
            QPointF(tip, cy),
            QPointF(tip + arrow, cy - arrow / 2),
            QPointF(tip + arrow, cy + arrow / 2),
        ]
        text_box = box.adjusted(arrow + 0.6 * u, 0, -0.55 * u, 0)
    if held:
        text_box = box.adjusted(0.55 * u, 0, -0.55 * u, 0)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPolygon(QPolygonF(tri))
    p.setFont(st.small_font)
    p.setPen(st.text)
    p.drawText(text_box, int(Qt.AlignmentFlag.AlignCenter), text)
    return box


def chip_height(st: PocketStyle) -> float:
    """Height (px) of the target's chip (see paint_light_chip)."""
    return st.small_metrics.height() + 0.5 * st.unit


def _chip_texts(words: tuple[str, ...], gap_m: float, held: bool = False) -> list[str]:
    """The chip's texts for a gap (m, + ahead), longest first, one per word: "light +19.8 m
    ahead", "light 3.1 m behind"; held (where she stopped): "light 3.1 m behind when she
    stopped", then without the word and shorter ("3.1 m behind at her stop", "3.1 m
    behind"): in a phone's small inset the one held form had run off its edge over the title
    (diff review)."""
    if held:
        where = "ahead" if gap_m >= 0 else "behind"
        gap = f"{abs(gap_m):.1f} m {where}"
        return [f"{word} {gap} at the stop" for word in words] + [f"{gap} at the stop", gap]
    if gap_m >= 0:
        return [f"{word} {gap_m:+.1f} m ahead" for word in words]
    return [f"{word} {-gap_m:.1f} m behind" for word in words]


def paint_light_band(p: QPainter, light: tuple[np.ndarray, np.ndarray], st: PocketStyle) -> None:
    """The lit band as two filled strips along it (m): a soft glow and a bright core.
    (Filled strips instead of wide strokes: Qt strokes wide antialiased lines slowly.)"""
    x, y = light
    n = len(x)
    tx, ty = _gradient(x), _gradient(y)
    norm = np.hypot(tx, ty)
    norm[norm == 0] = 1.0
    nx, ny = -ty / norm, tx / norm
    poly, view = st.band_buffer(2 * n)
    p.setPen(Qt.PenStyle.NoPen)
    for half_m, brush, aa in (
        (LIGHT_GLOW_M, st.light_glow, False),
        (LIGHT_CORE_M, st.light_core, True),
    ):
        hx, hy = half_m * nx, half_m * ny
        view[:n, 0] = x + hx
        view[:n, 1] = y + hy
        view[n:, 0] = (x - hx)[::-1]
        view[n:, 1] = (y - hy)[::-1]
        p.setRenderHint(QPainter.RenderHint.Antialiasing, aa)
        p.setBrush(brush)
        p.drawPolygon(poly)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)


def _gradient(f: np.ndarray) -> np.ndarray:
    """np.gradient(f) of a 1-D float array of 2 or more samples (unit spacing, first-order
    edges), without its generality: the same numbers, a fraction of the calls."""
    if f.dtype != np.float64:
        return np.gradient(f)
    out = np.empty(len(f))
    np.subtract(f[2:], f[:-2], out=out[1:-1])
    out[1:-1] /= 2.0
    out[0] = f[1] - f[0]
    out[-1] = f[-1] - f[-2]
    return out
