"""Pacer dropout feed: one row per dropout passed, newest on top; click a row to jump there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from racegui.model.analysis import Dropout
from racegui.model.timefmt import format_time
from racegui.ui.panel.data import PanelData
from racegui.ui.panel.style import PanelStyle


class DropoutRow(QFrame):
    """ "● Name  est.   1:57.9   780 m" for one dropout (race time s, distance m)."""

    clicked = Signal(float)
    """The dropout's race time (s)."""

    def __init__(self, dropout: Dropout, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropRow")
        self.dropout = dropout
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        est = " (estimated)" if dropout.estimated else ""
        self.setToolTip(
            f"{dropout.name} stepped off at {format_time(dropout.time_s)}, "
            f"{dropout.distance_m:.0f} m{est}. Click to jump there."
        )
        self.dot = QLabel("●")
        self.dot.setStyleSheet(f"color: {colour};")
        self.name = QLabel(dropout.name)
        self.est = QLabel("est." if dropout.estimated else "")
        self.est.setProperty("role", "muted")
        self.time = QLabel(format_time(dropout.time_s, 1))
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.dist = QLabel(f"{dropout.distance_m:.0f} m")
        self.dist.setProperty("role", "muted")
        self.dist.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        for w in (self.dot, self.name, self.est):
            row.addWidget(w)
        row.addStretch(1)
        row.addWidget(self.time)
        row.addWidget(self.dist)
        self._row = row

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts and paddings."""
        body = style.font(0.95)
        self.name.setFont(body)
        self.time.setFont(style.font(0.95, bold=True))
        self.dist.setFont(body)
        self.dot.setFont(style.font(0.8))
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
    """Rows for the dropouts at or before the current time; rewinding hides them again."""

    seek_requested = Signal(float)
    """Race time (s) of a clicked dropout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._box = QWidget()
        self._list = QVBoxLayout(self._box)
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(0)
        self.empty = QLabel("No pacer has stepped off yet")
        self.empty.setProperty("role", "muted")
        self._list.addWidget(self.empty)
        self._list.addStretch(1)
        self.setWidget(self._box)
        self.rows: list[DropoutRow] = []
        """Rows in time order (shown newest first)."""
        self._shown = 0
        self._style: PanelStyle | None = None

    def set_data(self, data: PanelData) -> None:
        """One hidden row per dropout of a replay."""
        for row in self.rows:
            self._list.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        colours = {a.id: a.colour for a in data.replay.athletes}
        self.rows = [DropoutRow(d, colours.get(d.athlete, "#888888")) for d in data.dropouts]
        for row in self.rows:
            row.clicked.connect(self.seek_requested)
            row.setHidden(True)
            self._list.insertWidget(1, row)
            if self._style is not None:
                row.apply_style(self._style)
        self._shown = 0
        self.empty.setHidden(False)
        self.empty.setText("No pacer has stepped off yet" if self.rows else "No pacer dropouts")

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts for every row."""
        self._style = style
        self.empty.setFont(style.font(0.9))
        for row in self.rows:
            row.apply_style(style)

    def show_passed(self, count: int) -> None:
        """Show the first `count` dropouts (in time order); touches only rows that change."""
        if count == self._shown:
            return
        lo, hi = sorted((count, self._shown))
        for i in range(lo, hi):
            self.rows[i].setHidden(i >= count)
        self._shown = count
        self.empty.setHidden(count > 0)
        self.verticalScrollBar().setValue(0)

    def shown_dropouts(self) -> list[Dropout]:
        """Dropouts listed now, in time order."""
        return [row.dropout for row in self.rows if not row.isHidden()]
