"""Where the side panel's sections go: one column, or two under the header, in rows that line
up or in columns of their own."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

ROWS, COLUMNS = "rows", "columns"
"""Two-column arrangements: in rows that line up (gap beside splits, pace beside pacers), or
in columns of their own (gap over pace, splits over pacers), which stretch no card to its
neighbour's height."""


class SectionGrid:
    """Places header, gap, pace, splits and pacers cards in the panel's grid layout."""

    def __init__(
        self,
        grid: QGridLayout,
        header: QWidget,
        gap: QWidget,
        pace: QWidget,
        splits: QWidget,
        pacers: QWidget,
    ) -> None:
        self._grid = grid
        self._sections = (header, gap, pace, splits, pacers)
        self._boxes: list[QVBoxLayout] = []
        """The two column layouts of the COLUMNS arrangement (none in the others)."""
        self._placed: tuple[int, str, bool] | None = None
        """(columns, arrangement, pacers card shown) the sections were last placed for."""

    def place(self, columns: int, arrangement: str = ROWS) -> bool:
        """Lay the sections out in `columns` (1 or 2) and, in two, the `arrangement` (ROWS or
        COLUMNS; a race without pacers has COLUMNS, the splits alone in theirs). True if the
        sections moved."""
        pacers = not self._sections[4].isHidden()
        if columns != 2:
            arrangement = ROWS
        elif not pacers:  # aligned rows would leave the pacers' place empty
            arrangement = COLUMNS
        key = (columns, arrangement, pacers)
        if key == self._placed:
            return False
        self._placed = key
        self._clear()
        header, gap, pace, splits, pacers_card = self._sections
        grid = self._grid
        if columns != 2:
            for row, section in enumerate(self._sections):
                grid.addWidget(section, row, 0)
            grid.setRowStretch(2, 1)
            grid.setRowStretch(4, 1)
            return True
        grid.addWidget(header, 0, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        if arrangement == ROWS:
            grid.addWidget(gap, 1, 0)
            grid.addWidget(pace, 2, 0)
            grid.addWidget(splits, 1, 1)
            grid.addWidget(pacers_card, 2, 1)
            grid.setRowStretch(2, 1)
            return True
        for column, (top, rest) in enumerate(((gap, pace), (splits, pacers_card))):
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(grid.verticalSpacing())
            box.addWidget(top)
            box.addWidget(rest, 1)
            if rest.isHidden():
                box.addStretch(1)  # the splits at the top, no taller than their rows
            grid.addLayout(box, 1, column)
            self._boxes.append(box)
        grid.setRowStretch(1, 1)
        return True

    def set_spacing(self, px: int) -> None:
        """Space between two sections (px), in the grid and in its columns."""
        self._grid.setSpacing(px)
        for box in self._boxes:
            box.setSpacing(px)

    def invalidate(self) -> None:
        """Forget the columns' cached sizes: a card's new size hint reaches the grid's own
        cache, not theirs, until the next layout pass (a fit measures before it)."""
        for box in self._boxes:
            box.invalidate()

    def _clear(self) -> None:
        """Take every section out of the grid and its columns, and reset the stretches."""
        grid = self._grid
        for box in self._boxes:
            for section in self._sections:
                box.removeWidget(section)
            grid.removeItem(box)
            box.deleteLater()
        self._boxes = []
        for section in self._sections:
            grid.removeWidget(section)
        for k in range(5):
            grid.setRowStretch(k, 0)
            grid.setColumnStretch(k, 0)
