"""The field card's rows: place, colour dot, name and a figure, painted in one widget.

One widget paints every row (no label per row): a new running order costs one repaint and
no relayout. It lists as many whole rows as its height holds, and says "+ N more" for the
rest, with what they hold ("+ 6 more, 1 lapped") (see FieldCard, which chooses the rows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from racegui.ui.panel.style import PanelStyle, rgba
from racegui.ui.qt_guard import guarded_paint


class FieldRow(NamedTuple):
    """One runner's row as shown."""

    place: str
    """ "3", or "" (a runner who stopped, or before the gun)."""
    name: str
    colour: str
    """Her colour ("#rrggbb"), for the dot."""
    value: str
    """ "+1.4", "+1 lap", "Lap 6 of 7" (the leader), "8:52.31" (a finisher), "DNF · 2200 m"."""
    followed: bool
    """The runner the replay follows: highlighted as the splits' current row."""
    out: bool
    """Out of the race (did not finish): greyed."""


class FieldList(QWidget):
    """Rows of the field, top to bottom, then a "+ N more" line when some are left out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._rows: tuple[FieldRow, ...] = ()
        self._more = 0
        self._note = ""
        """What the runners left out hold ("1 lapped, 1 DNF"), or ""."""
        self._count = 0
        """Runners in the field (listed or counted in "+ N more")."""
        self._kept = 1
        """Rows kept in view whole at least (see set_kept_rows)."""
        self._style: PanelStyle | None = None
        self._pitch = 25
        self._fonts: tuple[QFont, QFont, QFont] = (QFont(), QFont(), QFont())
        """Normal, bold (the followed runner's row) and the "+ N more" line's."""
        self._place_px = 20
        self.resized: Callable[[], None] | None = None
        """Called after the list changes size (it may then hold another number of rows)."""

    # --- sizes ---------------------------------------------------------------------------------
    def row_pitch(self) -> int:
        """Height (px) of one row (and of the "+ N more" line)."""
        return self._pitch

    def set_count(self, count: int) -> None:
        """How many runners the field has (sizes the list)."""
        if count != self._count:
            self._count = count
            self._resize_limits()

    def count(self) -> int:
        """How many runners the field has (listed or counted in "+ N more")."""
        return self._count

    def set_kept_rows(self, rows: int) -> None:
        """Keep at least `rows` whole rows in view (fewer if the field has fewer)."""
        rows = max(1, rows)
        if rows != self._kept:
            self._kept = rows
            self._resize_limits()

    def fitted_height(self, rows: int) -> int:
        """Least height (px) listing `rows` whole rows, and the "+ N more" line under them
        where the field has more runners."""
        rows = min(rows, self._count)
        more = self._pitch if self._count > rows else 0
        return rows * self._pitch + more

    def capacity(self) -> int:
        """Rows the list holds whole at its height: all, or as many as fit above the
        "+ N more" line (at least one)."""
        fits = self.height() // self._pitch
        if fits >= self._count:
            return self._count
        return max(1, fits - 1)

    def _resize_limits(self) -> None:
        self.setMaximumHeight(max(self._pitch, self._count * self._pitch))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(self._place_px * 8, self.fitted_height(self._kept))

    def minimumSizeHint(self) -> QSize:  # Qt override
        return QSize(self._place_px * 4, self.fitted_height(self._kept))

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        if self.resized is not None:
            self.resized()

    # --- content -------------------------------------------------------------------------------
    def apply_style(self, style: PanelStyle) -> None:
        """Fonts, row height and colours."""
        self._style = style
        self._pitch = style.table_row_px
        bold = style.font(0.95, bold=True)
        self._fonts = (style.font(0.95), bold, style.font(0.85))
        self._place_px = QFontMetrics(bold).horizontalAdvance("88")
        self._resize_limits()
        self.update()

    def set_rows(self, rows: tuple[FieldRow, ...], more: int, note: str = "") -> bool:
        """Show these rows and "+ `more` more" under them (0: no such line), followed by
        `note` ("1 lapped"; "": none); False (and nothing done) if that is shown already."""
        if rows == self._rows and more == self._more and note == self._note:
            return False
        self._rows, self._more, self._note = rows, more, note
        self.update()
        return True

    def rows(self) -> tuple[FieldRow, ...]:
        """The rows shown, top to bottom."""
        return self._rows

    def more(self) -> int:
        """Runners left out, counted in the "+ N more" line (0: none)."""
        return self._more

    def more_text(self) -> str:
        """The line under the rows: "+ 6 more, 1 lapped", or "" when every row is listed."""
        if self._more <= 0:
            return ""
        return f"+ {self._more} more, {self._note}" if self._note else f"+ {self._more} more"

    # --- painting ------------------------------------------------------------------------------
    @guarded_paint
    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        style = self._style
        if style is None:
            return
        theme = style.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        pitch, width = self._pitch, self.width()
        pad, space = style.px(6), style.px(8)
        dot = 8.4 * style.scale
        normal, bold, small = self._fonts
        centre = Qt.AlignmentFlag.AlignVCenter
        right = Qt.AlignmentFlag.AlignRight | centre
        left = Qt.AlignmentFlag.AlignLeft | centre
        highlight = rgba(style.runner_accent.name(), 0.22)
        for k, row in enumerate(self._rows):
            y = k * pitch
            if row.followed:
                p.fillRect(QRect(0, y, width, pitch), highlight)
            font = bold if row.followed else normal
            p.setFont(font)
            fm = QFontMetrics(font)
            text = QColor(style.dim if row.out else theme.text)
            p.setPen(QColor(theme.text_muted))
            p.drawText(QRect(pad, y, self._place_px, pitch), int(right), row.place)
            x = pad + self._place_px + space
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(row.colour) if not row.out else QColor(style.dim))
            # As the dropout feed's dot: a little below the middle of the text line.
            p.drawEllipse(QPointF(x + dot / 2, y + pitch / 2 + 0.15 * dot), dot / 2, dot / 2)
            x += round(dot) + space
            value_px = fm.horizontalAdvance(row.value)
            p.setPen(text)
            p.drawText(QRect(width - pad - value_px, y, value_px, pitch), int(right), row.value)
            room = max(0, width - pad - value_px - space - x)
            name = fm.elidedText(row.name, Qt.TextElideMode.ElideRight, room)
            p.drawText(QRect(x, y, room, pitch), int(left), name)
        if self._more > 0:
            y = len(self._rows) * pitch
            p.setFont(small)
            p.setPen(QColor(theme.text_muted))
            room = max(0, width - 2 * pad)
            text = QFontMetrics(small).elidedText(
                self.more_text(), Qt.TextElideMode.ElideRight, room
            )
            p.drawText(QRect(pad, y, room, pitch), int(left), text)
        p.end()
