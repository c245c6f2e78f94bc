"""Name tags of the pocket cam, packed in rows: in the grass above the kerb for the runner and
the pacers on the inside, between lanes 4 and 5 for the outer and the stepped-off pacers.

Each row is a 1-D packing (tags keep their order along the track, overlapping ones are pushed
apart round their wanted centres, all kept inside the row's span), so tags never overlap and
leader lines stay short and mostly vertical.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from racegui.ui.device_sprites import draw_device_pixmaps, pixmap_of
from racegui.ui.fonts import scene_font
from racegui.ui.sprite_cache import MAX_SPRITES


class Tag(NamedTuple):
    """A tag wanted for a marker at (x, y) px of radius (px). (A named tuple: a frame makes a
    dozen, and a frozen dataclass costs several times as much to make.)"""

    x: float
    y: float
    radius: float
    text: str
    colour: QColor
    faded: bool = False


def pack_row(
    want: list[float], widths: list[float], lo: float, hi: float, gap: float
) -> list[float] | None:
    """Left edges (px) of boxes whose centres want `want` (ascending) without overlapping,
    each at most as far from its wish as needed, all within [lo, hi]; None if they don't fit.

    Boxes are merged into clusters from the left; a cluster sits where the mean of its
    members' wishes puts it (clamped to the span). Prefix sums give any cluster's width and
    mean in O(1), so a row of n boxes costs O(n)."""
    n = len(want)
    if n == 0:
        return []
    if sum(widths) + gap * (n - 1) > hi - lo:
        return None
    # cum[j]: offset of box j from the left edge of a cluster starting at box 0.
    cum = [0.0] * (n + 1)
    q = [0.0] * (n + 1)  # prefix sums of want[j] - widths[j] / 2 - cum[j]
    for j in range(n):
        cum[j + 1] = cum[j] + widths[j] + gap
        q[j + 1] = q[j] + want[j] - widths[j] / 2 - cum[j]
    # A cluster of boxes a .. b - 1 spans cum[b] - cum[a] - gap and sits best at
    # min(max((q[b] - q[a]) / (b - a) + cum[a], lo), hi - span), written out inline below
    # (a row is packed a dozen times a frame).
    starts: list[int] = []  # cluster k holds boxes starts[k] .. starts[k + 1] - 1
    lefts: list[float] = []
    for i in range(n):
        b = i + 1
        left = q[b] - q[i] + cum[i]
        left = max(left, lo)
        starts.append(i)
        lefts.append(min(left, hi - (cum[b] - cum[i] - gap)))
        while (
            len(starts) > 1
            and lefts[-2] + (cum[starts[-1]] - cum[starts[-2]] - gap) + gap > lefts[-1]
        ):
            a = starts[-2]
            starts.pop()
            lefts.pop()
            left = max((q[b] - q[a]) / (b - a) + cum[a], lo)
            lefts[-1] = min(left, hi - (cum[b] - cum[a] - gap))
    out: list[float] = []
    bounds = starts + [n]
    for k, left in enumerate(lefts):
        first = cum[bounds[k]]
        for j in range(bounds[k], bounds[k + 1]):
            out.append(left + cum[j] - first)
    return out


class TagPainter:
    """Fonts and colours of the tags (made per size), and the row layout and drawing."""

    def __init__(
        self, font_family: str, px: float, box: QColor, text: QColor, faded_text: QColor
    ) -> None:
        self.font = scene_font(font_family, px, QFont.Weight.DemiBold, min_px=7)
        self.metrics = QFontMetricsF(self.font)
        self.h = self.metrics.height() * 1.3
        self.pad = 0.4 * self.metrics.height()
        self.dot = 0.4 * self.h
        self.box = box
        self.text = text
        self.faded_text = faded_text
        """Name of a pacer who has stepped off: the theme's muted text, on the same box (a
        half-clear box let the track through: grey on pink in the light theme)."""
        self._images: dict[tuple, QPixmap] = {}
        """Drawn tags by text, colour, faded, device size and scale (see _paint_boxes)."""
        self._pens: dict[tuple[int, bool], QPen] = {}
        """Leader line pens by colour (rgba) and faded."""
        self._widths: dict[str, float] = {}

    def width(self, text: str) -> float:
        """Width (px) of the tag for text."""
        w = self._widths.get(text)
        if w is None:
            w = self.metrics.horizontalAdvance(text) + 2 * self.pad + self.dot + 0.3 * self.pad
            self._widths[text] = w
        return w

    def layout(
        self,
        rows: list[tuple[float, float, float]],
        tags: list[Tag],
        rows_of: list[list[int]],
        max_shift: float = float("inf"),
    ) -> list[tuple[Tag, QRectF]]:
        """Place tags (in priority order) in rows (centre y, lo x, hi x) px; rows_of gives each
        tag's rows to try in turn (it is left out if they are full or it would end up more
        than max_shift px along from its marker)."""
        gap = 0.35 * self.h
        placed: list[list[int]] = [[] for _ in rows]
        lefts: list[list[float]] = [[] for _ in rows]
        widths = [self.width(t.text) for t in tags]
        xs = [t.x for t in tags]
        for i, choices in enumerate(rows_of):
            for r in choices:
                members = sorted(placed[r] + [i], key=xs.__getitem__)
                _, lo, hi = rows[r]
                got = pack_row([xs[j] for j in members], [widths[j] for j in members], lo, hi, gap)
                if got is not None and _within(members, got, widths, xs, max_shift):
                    placed[r] = members
                    lefts[r] = got
                    break
        out = []
        for r, (cy, _, _) in enumerate(rows):
            for j, left in zip(placed[r], lefts[r], strict=True):
                out.append((tags[j], QRectF(left, cy - self.h / 2, widths[j], self.h)))
        return out

    def paint(self, p: QPainter, placed: list[tuple[Tag, QRectF]]) -> None:
        """Leader lines first, then the tags over them (each tag drawn once, at the device
        resolution, into a cached image)."""
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pens = self._pens
        for tag, rect in placed:
            pen_key = (tag.colour.rgba(), tag.faded)
            pen = pens.get(pen_key)
            if pen is None:
                line = QColor(tag.colour)
                line.setAlpha(110 if tag.faded else 220)
                pen = pens[pen_key] = QPen(line, 1.0)
            p.setPen(pen)
            below = rect.center().y() > tag.y
            sign = 1.0 if below else -1.0
            end_x = min(max(tag.x, rect.left() + 4), rect.right() - 4)
            end_y = rect.top() if below else rect.bottom()
            p.drawLine(QLineF(tag.x, tag.y + sign * tag.radius, end_x, end_y))
        self._paint_boxes(p, placed)
        p.restore()

    def _paint_boxes(self, p: QPainter, placed: list[tuple[Tag, QRectF]]) -> None:
        """The tags themselves, copied from images drawn once per text, colour and device
        scale (as SpriteCache.draw would, but in one batch: a frame's tags share the
        painter's transform)."""
        dev = p.deviceTransform()  # world transform, then device pixel ratio and offset
        if dev.isRotating():
            for tag, rect in placed:
                self._draw_tag(p, rect, tag)
            return
        sx, sy = dev.m11(), dev.m22()
        dx, dy = dev.dx(), dev.dy()
        scale = (round(sx, 6), round(sy, 6))
        images = self._images
        blits = []
        for tag, rect in placed:
            w, h = rect.width(), rect.height()
            key = (
                tag.text,
                tag.colour.rgba(),
                tag.faded,
                round(w * sx, 3),
                round(h * sy, 3),
                scale,
            )
            image = images.get(key)
            if image is None:
                if len(images) >= MAX_SPRITES:
                    images.clear()
                image = images[key] = self._tag_image(tag, w, h, sx, sy)
            # Without rotation the device maps (x, y) to (sx x + dx, sy y + dy).
            blits.append((image, round(rect.left() * sx + dx) - 1, round(rect.top() * sy + dy) - 1))
        draw_device_pixmaps(p, blits)

    def _tag_image(self, tag: Tag, w: float, h: float, sx: float, sy: float) -> QPixmap:
        """The tag (w x h px) drawn at device scale (sx, sy) with a 1 px clear margin."""

        def draw(p: QPainter, _: QRectF) -> None:
            p.translate(1.0, 1.0)
            p.scale(sx, sy)
            self._draw_tag(p, QRectF(0.0, 0.0, w, h), tag)

        return pixmap_of(w * sx + 1.0, h * sy + 1.0, draw)

    def _draw_tag(self, p: QPainter, rect: QRectF, tag: Tag) -> None:
        p.setFont(self.font)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.box)
        p.drawRoundedRect(rect, self.h / 2, self.h / 2)
        dot = QColor(tag.colour)
        if tag.faded:
            dot.setAlpha(120)
        p.setBrush(dot)
        p.drawEllipse(
            QRectF(rect.left() + self.pad, rect.center().y() - self.dot / 2, self.dot, self.dot)
        )
        p.setPen(self.faded_text if tag.faded else self.text)
        p.drawText(
            rect.adjusted(self.pad + self.dot + 0.3 * self.pad, 0, -self.pad, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            tag.text,
        )


def _within(
    members: list[int], lefts: list[float], widths: list[float], xs: list[float], most: float
) -> bool:
    """Whether every member's box (left edge, width) is centred at most `most` px from its
    marker's x."""
    for j, left in zip(members, lefts, strict=True):
        if not abs(left + widths[j] / 2 - xs[j]) <= most:
            return False
    return True
