"""Where the side panel's sections go: one column, or two under the header, in rows that line
up or in columns of their own."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

FIELD_STRETCH = 4
"""The field card's share of spare height against the pace chart's (and the pacers card's,
or the empty room below the cards without one) 1: its rows first, up to every runner's."""
ROWS, COLUMNS, FIELD_COLUMN = "rows", "columns", "field column"
"""Two-column arrangements: in rows that line up (gap beside splits, pace beside pacers), or
in columns of their own (gap over pace, splits over pacers), which stretch no card to its
neighbour's height; or, with a field card, the field in the left column with the gap card
alone, pace over splits over pacers on the right (the one column's order, split after the
field), where the field's rows would be cut short beside splits shorter than its column."""


class SectionGrid:
    """Places header, gap, field, pace, splits and pacers cards in the panel's grid layout.

    The field card (a race of two or more runners) comes after the gap: in one column above
    the pace card, in two at the top of the left column (then in columns of their own). A
    hidden card takes no place, so a race without it is laid out as before it existed."""

    def __init__(
        self,
        grid: QGridLayout,
        header: QWidget,
        gap: QWidget,
        pace: QWidget,
        splits: QWidget,
        pacers: QWidget,
        field: QWidget,
    ) -> None:
        self._grid = grid
        self._sections = (header, gap, pace, splits, pacers, field)
        self._boxes: list[QVBoxLayout] = []
        """The two column layouts of the COLUMNS arrangement (none in the others)."""
        self._placed: tuple[int, str, bool, bool, bool] | None = None
        """(columns, arrangement, pacers card shown, field card shown, chart first) the
        sections were last placed for."""

    def place(self, columns: int, arrangement: str = ROWS, chart_first: bool = False) -> bool:
        """Lay the sections out in `columns` (1 or 2) and, in two, the `arrangement` (ROWS,
        COLUMNS or FIELD_COLUMN; a race without pacers, or with a field card, has COLUMNS,
        the splits alone in theirs, unless FIELD_COLUMN is asked for with a field card).
        With `chart_first` (presentation) the pace card alone takes the spare height in one
        column, the pacers card none: a projector's chart had been squeezed to a third of
        its height (presenter's review). True if the sections moved."""
        header, gap, pace, splits, pacers_card, field_card = self._sections
        pacers = not pacers_card.isHidden()
        field = not field_card.isHidden()
        if columns != 2:
            arrangement = ROWS
        elif arrangement == FIELD_COLUMN:
            arrangement = FIELD_COLUMN if field else COLUMNS
        elif not pacers or field:  # aligned rows would leave a place empty
            arrangement = COLUMNS
        key = (columns, arrangement, pacers, field, chart_first)
        if key == self._placed:
            return False
        self._placed = key
        self._clear()
        grid = self._grid
        if columns != 2:
            stretch = {pace: 1, pacers_card: 0 if chart_first else 1, field_card: FIELD_STRETCH}
            shown = (header, gap, field_card, pace, splits, pacers_card)
            for row, section in enumerate(w for w in shown if w is not field_card or field):
                grid.addWidget(section, row, 0)
                if stretch.get(section):
                    grid.setRowStretch(row, stretch[section])
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
        if arrangement == FIELD_COLUMN:
            # The chart takes the right column's spare height (with the pacers card, as in
            # COLUMNS, but in presentation); the field's column none past every row.
            pacers_stretch = 0 if chart_first else 1
            stacks = (
                ((gap, 0), (field_card, FIELD_STRETCH)),
                ((pace, 1), (splits, 0), (pacers_card, pacers_stretch)),
            )
        else:
            left = (gap, field_card, pace) if field else (gap, pace)
            stacks = tuple(
                tuple(
                    (section, FIELD_STRETCH if section is field_card else 1 if k else 0)
                    for k, section in enumerate(stack)
                )
                for stack in (left, (splits, pacers_card))
            )
        for column, stack in enumerate(stacks):
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(grid.verticalSpacing())
            for section, stretch in stack:
                box.addWidget(section, stretch)
            if arrangement == FIELD_COLUMN:
                box.addStretch(0)  # the height the field's rows leave, below them
            elif stack[-1][0].isHidden():
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
        for k in range(len(self._sections)):
            grid.setRowStretch(k, 0)
            grid.setColumnStretch(k, 0)
