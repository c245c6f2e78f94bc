"""The pacers' colour key: what each pacer colour stands for, when the pacers have more than one.

A race file gives each athlete a colour; Breaking4's gives its two women pacers purple and
its eleven men blue, and nothing on screen said what the purple meant (presenter's review).
The key names the pacers of each smaller colour group ("● Reekie, Hunter Bell") and counts
the largest ("● the other 11"), in muted type at the right of the Pacers card's title row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from racegui.model.names import short_name
from racegui.ui.panel.style import PanelStyle
from racegui.ui.qt_guard import guarded_paint

MAX_NAMED = 3
"""Most pacers a colour group names; a bigger one is counted ("● 4 pacers")."""
FONT_FACTOR = 0.72
"""Type size of the key (theme base sizes), as the card's other small muted lines."""


def colour_groups(names: Sequence[str], colours: Sequence[str]) -> list[tuple[str, str]]:
    """(colour, text) per colour of the pacers with these names and colours ("#rrggbb", in
    the same order), in the order their first pacer comes, but the largest (the first of
    equal largest) last as "the other N" if it has more than MAX_NAMED pacers; a group of
    at most MAX_NAMED pacers is named by surname, a bigger one counted. Empty when the
    pacers are all one colour: a key would say nothing."""
    groups: dict[str, list[str]] = {}
    for name, colour in zip(names, colours, strict=True):
        groups.setdefault(colour.lower(), []).append(name)
    if len(groups) < 2:
        return []
    largest = max(groups, key=lambda c: len(groups[c]))
    if len(groups[largest]) <= MAX_NAMED:  # every group small: each named, in turn
        largest = ""
    out = []
    for colour, members in groups.items():
        if colour == largest:
            continue
        if len(members) <= MAX_NAMED:
            out.append((colour, ", ".join(short_name(n) for n in members)))
        else:
            out.append((colour, f"{len(members)} pacers"))
    if largest:
        out.append((largest, f"the other {len(groups[largest])}"))
    return out


class PacerKey(QWidget):
    """The key, painted right-aligned: as many whole groups as fit its width (the largest,
    "the other N", is the first to give way); its tooltip names every pacer by colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, str]] = []
        self._style: PanelStyle | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    @property
    def groups(self) -> list[tuple[str, str]]:
        """(colour, text) of each group (see colour_groups)."""
        return list(self._groups)

    def set_pacers(self, names: Sequence[str], colours: Sequence[str]) -> None:
        """The pacers' names and colours ("#rrggbb"), in the same order."""
        self._groups = colour_groups(names, colours)
        tip = {}
        for name, colour in zip(names, colours, strict=True):
            tip.setdefault(colour.lower(), []).append(name)
        self.setToolTip(
            "Pacers by colour (the race file's colours):\n"
            + "\n".join(f"{c}: {', '.join(ns)}" for c, ns in tip.items())
            if self._groups
            else ""
        )
        self.setVisible(bool(self._groups))
        self.updateGeometry()
        self.update()

    def apply_style(self, style: PanelStyle) -> None:
        """Font and colours."""
        self._style = style
        self.setFont(style.font(FONT_FACTOR))
        self.updateGeometry()
        self.update()

    def _parts(self) -> tuple[float, float, float]:
        """(dot diameter, space after a dot, space between groups) px."""
        h = QFontMetricsF(self.font()).height()
        return 0.5 * h, 0.3 * h, 0.9 * h

    def _widths(self) -> list[float]:
        """Width (px) of each group: its dot, the space after it, its text."""
        m = QFontMetricsF(self.font())
        dot, after, _ = self._parts()
        return [dot + after + m.horizontalAdvance(text) for _, text in self._groups]

    def shown(self) -> int:
        """How many groups fit the widget's width (from the first)."""
        _, _, between = self._parts()
        used, n = 0.0, 0
        for w in self._widths():
            used += w + (between if n else 0.0)
            if used > self.width() + 0.5:
                break
            n += 1
        return n

    def sizeHint(self) -> QSize:  # Qt override
        _, _, between = self._parts()
        widths = self._widths()
        w = sum(widths) + between * max(len(widths) - 1, 0)
        return QSize(int(w) + 2, int(QFontMetricsF(self.font()).height()) + 2)

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(0, self.sizeHint().height())

    @guarded_paint
    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        style = self._style
        n = self.shown()
        if style is None or n == 0:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        m = QFontMetricsF(self.font())
        dot, after, between = self._parts()
        widths = self._widths()[:n]
        x = self.width() - (sum(widths) + between * (n - 1))
        y = (self.height() - m.height()) / 2
        muted = QColor(style.theme.text_muted)
        for (colour, text), w in zip(self._groups[:n], widths, strict=True):
            fill = QColor(colour)
            p.setPen(QPen(fill.lighter(115), 1))
            p.setBrush(fill)
            p.drawEllipse(QRectF(x, y + (m.height() - dot) / 2, dot, dot))
            p.setPen(muted)
            p.drawText(QPointF(x + dot + after, y + m.ascent()), text)
            x += w + between
        p.end()
        del event
