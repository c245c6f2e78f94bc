"""Pacer dropout feed: the most recent dropouts passed, newest on top; click a row to jump there.

A fixed pool of at most MAX_ROWS row widgets shows the newest dropouts; older ones are summed
up in a "+ 987 more" line, so the cost of a change does not grow with the number of pacers.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from racegui.model.analysis import Dropout
from racegui.model.timefmt import format_time
from racegui.ui.panel.data import PanelData
from racegui.ui.panel.style import PanelStyle
from racegui.ui.qt_guard import guarded_paint
from racegui.ui.text_fit import NAME_CHARS, clip_text

MAX_ROWS = 16
"""Most dropout rows listed at once; older dropouts are counted in the "+ N more" line."""


class _Dot(QWidget):
    """A small filled circle in the athlete's colour (painted: no per-row style sheet)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor("#888888")
        self._size = 8.0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_colour(self, colour: QColor) -> None:
        if colour != self._colour:
            self._colour = colour
            self.update()

    def set_size(self, px: float) -> None:
        """Diameter of the dot (px)."""
        self._size = px
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # Qt override
        side = round(self._size) + 2
        return QSize(side, side)

    @guarded_paint
    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._colour)
        r = self._size / 2
        # A little below the middle, where the "●" glyph it replaces sat on the text line.
        p.drawEllipse(QPointF(self.width() / 2, self.height() / 2 + 0.15 * self._size), r, r)
        p.end()


class DropoutRow(QFrame):
    """ "● Name  est.   1:57.91   780 m" for one dropout (race time s, to the hundredth as timed;
    distance m): published splits are to the hundredth, and a tenth had read as another time."""

    clicked = Signal(float)
    """The dropout's race time (s)."""

    def __init__(self, dropout: Dropout, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.dot = _Dot()
        self.name = QLabel()
        # Made with text, as DropoutFeed.more: else a published (not estimated) dropout's
        # row kept the height of the first font it was measured in (restyled smaller, taller).
        self.est = QLabel("est.")
        self.est.setProperty("role", "muted")
        self.time = QLabel()
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.dist = QLabel()
        self.dist.setProperty("role", "muted")
        self.dist.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        for w in (self.dot, self.name, self.est):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.time)
        row.addWidget(self.dist)
        self._row = row
        self.dropout = dropout
        self.set_dropout(dropout, colour, force=True)

    def set_dropout(self, dropout: Dropout, colour: str, force: bool = False) -> None:
        """Show another dropout in this row (texts change only if the dropout does)."""
        if dropout is self.dropout and not force:
            return
        self.dropout = dropout
        est = " (estimated)" if dropout.estimated else ""
        self.setToolTip(
            f"{dropout.name} stepped off at {format_time(dropout.time_s)}, "
            f"{dropout.distance_m:.0f} m{est}. Click to jump there."
        )
        self.dot.set_colour(QColor(colour))
        self.name.setText(clip_text(dropout.name, NAME_CHARS))
        self.est.setText("est." if dropout.estimated else "")
        self.time.setText(format_time(dropout.time_s, 2))
        self.dist.setText(f"{dropout.distance_m:.0f} m")

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts and paddings."""
        body = style.font(0.95)
        self.name.setFont(body)
        self.time.setFont(style.font(0.95, bold=True))
        self.dist.setFont(body)
        self.dot.set_size(8.4 * style.scale)
        self.est.setFont(style.font(0.72))
        self.dist.setMinimumWidth(style.px(58))
        self._row.setContentsMargins(style.px(6), style.px(3), style.px(6), style.px(3))
        self._row.setSpacing(style.px(6))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit(self.dropout.time_s)
            event.accept()
            return
        super().mouseReleaseEvent(event)


class DropoutFeed(QScrollArea):
    """The newest dropouts at or before the current time; rewinding hides them again."""

    seek_requested = Signal(float)
    """Race time (s) of a clicked dropout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # an invisible Tab stop otherwise
        self._box = QWidget()
        self._list = QVBoxLayout(self._box)
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(0)
        self.empty = QLabel("No pacer has stepped off yet")
        self.empty.setProperty("role", "muted")
        # Made with text: Qt re-measures a QLabel for a new font only once it has had text,
        # and fitted_height and _capacity read this one's height before it shows any (an
        # export's feed kept a pixel too few for "+ N more", then listed no row once shown).
        self.more = QLabel("+ 0 more")
        """ "+ 987 more": dropouts passed but older than the listed rows."""
        self.more.setProperty("role", "muted")
        self.more.setHidden(True)
        self._list.addWidget(self.empty)
        self._list.addWidget(self.more)
        self._list.addStretch(1)
        self.setWidget(self._box)
        self.rows: list[DropoutRow] = []
        """The row pool, top to bottom: row i shows the i-th newest dropout passed."""
        self._drops: tuple[Dropout, ...] = ()
        self._colours: list[str] = []
        self._shown = 0
        self._style: PanelStyle | None = None
        self._fit = False
        """List only the rows that fit whole (a video or picture cannot be scrolled)."""
        self._more_room = True
        """A fitted list keeps room for the "+ N more" line under its rows (see
        set_more_room)."""

    def minimumSizeHint(self) -> QSize:  # Qt override
        """The least height set for the rows kept in view (see PacersCard), not the scroll
        bar's: a layout counts this as the feed's preferred height too, so a one-row feed
        had been given 50 px, and a short window's panel found no room for it."""
        hint = super().minimumSizeHint()
        least = self.minimumHeight()
        return QSize(hint.width(), least) if least > 0 else hint

    def set_fit(self, on: bool) -> None:
        """Fit the list to the feed's height: whole rows only, older dropouts counted in the
        "+ N more" line, no scroll bar (exports: a half row or a scroll bar was drawn)."""
        self._fit = bool(on)
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self._whole_rows()
        self._list_rows(self._shown)

    def set_more_room(self, on: bool) -> None:
        """Whether a fitted list keeps room for its "+ N more" line under the rows (on: the
        rows give way to it). Off (presentation mode), the newest row comes first and the
        line is drawn only where it fits under the rows listed: the count and the strip
        above say how many stepped off, and a line kept for it under a one-row feed had
        been blank until the second dropout, its height taken from the pace chart."""
        if bool(on) != self._more_room:
            self._more_room = bool(on)
            self._list_rows(self._shown)

    def resizeEvent(self, event) -> None:  # Qt override
        super().resizeEvent(event)
        self._whole_rows()
        if self._fit:
            self._list_rows(self._shown)

    @property
    def fitted(self) -> bool:
        """Whether the list is fitted to the feed's height (set_fit: exports)."""
        return self._fit

    def _whole_rows(self) -> None:
        """In the window, a viewport of whole rows (the part-row left under it blank) that
        scrolls a row at a time: a slice of the next row had shown, cut across its text."""
        pitch = self.row_pitch()
        height = self.height()
        spare = height % pitch if not self._fit and 0 < pitch <= height else 0
        if spare and pitch - spare <= height // pitch + 1:
            # A row short by a pixel a row or so (presentation sizes the feed by the text's
            # row height, a pixel under a row's own): keep it, 2 rows of 3 had shown.
            spare = 0
        if self.viewportMargins().bottom() != spare:
            self.setViewportMargins(0, 0, 0, spare)
        if pitch > 0:
            self.verticalScrollBar().setSingleStep(pitch)

    def _capacity(self, count: int) -> int:
        """Rows to list for `count` dropouts passed: every pooled row, or when fitting as
        many as fit whole above the "+ N more" line (if one is needed)."""
        pool = min(count, len(self.rows))
        if not self._fit or pool == 0:
            return pool
        row_h = self.row_pitch()
        room = self.viewport().height()
        if room // row_h >= count:
            return pool
        rows = (room - self.more.sizeHint().height()) // row_h
        if not self._more_room:  # the newest row, not the line, where one of them fits
            rows = max(rows, min(1, room // row_h))
        return max(0, min(pool, rows))

    def _more_fits(self, listed: int) -> bool:
        """Whether the "+ N more" line is drawn whole under `listed` rows (always in the
        window, which scrolls, and where room is kept for it: see set_more_room)."""
        if not self._fit or self._more_room:
            return True
        needed = listed * self.row_pitch() + self.more.sizeHint().height()
        return needed <= self.viewport().height()

    def set_data(self, data: PanelData) -> None:
        """A pool of min(MAX_ROWS, dropouts) hidden rows for a replay."""
        for row in self.rows:
            self._list.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        colours = {a.id: a.colour for a in data.replay.athletes}
        self._drops = data.dropouts
        self._colours = [colours.get(d.athlete, "#888888") for d in data.dropouts]
        n = len(self._drops)
        self.rows = []
        for i in range(min(MAX_ROWS, n)):
            row = DropoutRow(self._drops[n - 1 - i], self._colours[n - 1 - i])
            row.clicked.connect(self.seek_requested)
            row.setHidden(True)
            if self._style is not None:
                row.apply_style(self._style)
            self._list.insertWidget(1 + i, row)
            self.rows.append(row)
        self._shown = 0
        self.empty.setHidden(False)
        self.empty.setText("No pacer has stepped off yet" if n else "No pacer dropouts")
        self.more.setHidden(True)

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts for every row."""
        self._style = style
        self.empty.setFont(style.font(0.9))
        self.more.setFont(style.font(0.85))
        self.more.setContentsMargins(style.px(6), style.px(3), style.px(6), style.px(3))
        for row in self.rows:
            row.apply_style(style)
        self._whole_rows()
        if self._fit:  # rows of another height fit another number
            self._list_rows(self._shown)

    def row_height(self) -> int:
        """Height (px) of one dropout row at the current style (0 before a style is set)."""
        style = self._style
        if style is None:
            return 0
        text = QFontMetrics(style.font(0.95, bold=True)).height()
        return text + 2 * style.px(3)

    def row_pitch(self) -> int:
        """Height (px) a listed row takes in the list: row_height(), or a row's own size hint
        where that is taller."""
        hint = self.rows[0].sizeHint().height() if self.rows else 0
        return max(self.row_height(), hint)

    def fitted_height(self, rows: int, count: int) -> int:
        """Least height (px) that lists `rows` whole rows of `count` dropouts, and in a fitted
        list, where they are not all listed, the "+ N more" line under them (a fitted feed
        one row high had listed none, only "+ 13 more"); without room kept for the line
        (set_more_room), the rows alone."""
        height = rows * self.row_pitch()
        if self._fit and self._more_room and count > rows:
            height += self.more.sizeHint().height()
        return height

    def show_passed(self, count: int) -> bool:
        """Show the newest of the first `count` dropouts (time order); False if unchanged.

        Touches at most MAX_ROWS rows, and only when `count` changes.
        """
        if count == self._shown:
            return False
        self._list_rows(count)
        return True

    def _list_rows(self, count: int) -> None:
        """Show the newest of the first `count` dropouts in the rows that are listed."""
        self._shown = count
        listed = self._capacity(count)
        for i, row in enumerate(self.rows):
            if i < listed:
                k = count - 1 - i
                row.set_dropout(self._drops[k], self._colours[k])
            if row.isHidden() != (i >= listed):
                row.setHidden(i >= listed)
        older = count - listed
        if older > 0:
            self.more.setText(f"+ {older} more")
        self.more.setHidden(older <= 0 or not self._more_fits(listed))
        self.empty.setHidden(count > 0)
        self.verticalScrollBar().setValue(0)

    def passed_count(self) -> int:
        """Dropouts at or before the current time (listed or counted in "+ N more")."""
        return self._shown

    def shown_dropouts(self) -> list[Dropout]:
        """Dropouts listed in rows now, in time order (at most MAX_ROWS, the newest)."""
        return [row.dropout for row in reversed(self.rows) if not row.isHidden()]
