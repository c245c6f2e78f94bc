"""The splits card's table: as tall as its rows (or as many as the panel fits), scrolled
with the wheel, its bar or, reached with Tab, the arrow and Page keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView

from racegui.ui.panel.focus_ring import FocusRing
from racegui.ui.panel.splits_model import SplitsModel


def sized_rows(model: QAbstractItemModel | None) -> int:
    """Rows a table showing `model` is sized for (see SplitsModel.sized_rows)."""
    if isinstance(model, SplitsModel):
        return model.sized_rows
    return model.rowCount() if model is not None else 0


class FitTable(QTableView):
    """A table whose preferred height shows every row, or at most `max_rows` (then it scrolls).

    With `sized_for` set (presentation), it is exactly as tall as that model's rows, whichever
    model it shows: every lap row stays in view and the longer 200 m tab scrolls instead of
    taking height from the other cards.
    """

    max_rows = 99
    sized_for: QAbstractItemModel | None = None
    fit_rows: int | None = None
    """Rows kept in view, set by a panel that fits its height (then the table is exactly that
    many whole rows tall, the rest scrolls); None: as many as there are, shrinking to 2."""
    resized: Callable[[], None] | None = None
    """Called after the table changes size (it then scrolls its current row into view)."""

    def __init__(self) -> None:
        super().__init__()
        self.ring = FocusRing(self)
        """The app's focus ring, round the table while it has keyboard focus."""
        # Reached with Tab only: a click on a row seeks and leaves the window's keys (Page
        # Up/Down: the previous/next event) to the window.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setTabKeyNavigation(False)  # Tab leaves the table, not goes to the next cell

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.resized is not None:
            self.resized()

    def scroll_step(self, event: QKeyEvent) -> int | None:
        """Whole rows a key scrolls the table by (Up/Down one, Page Up/Down a view less a
        row), or None for any other key, which is the window's."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier:
            return None
        page = max(1, self.viewport().height() // self._pitch() - 1)
        steps = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -page,
            Qt.Key.Key_PageDown: page,
        }
        return steps.get(Qt.Key(event.key()))

    def scroll_rows(self, rows: int) -> None:
        """Scroll by `rows` whole rows (+ down), as the user's scroll (the scroll bar's
        actionTriggered, as for the wheel and the bar)."""
        pitch, bar = self._pitch(), self.verticalScrollBar()
        top = round(bar.value() / pitch) + rows
        bar.setSliderPosition(max(bar.minimum(), min(bar.maximum(), top * pitch)))

    def _pitch(self) -> int:
        return max(1, self.verticalHeader().defaultSectionSize())

    def event(self, event: QEvent) -> bool:  # Qt override
        # Page Up/Down are the window's shortcuts: with the table focused they scroll it,
        # as in any list, and the shortcut waits until focus leaves it (Tab).
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and self.scroll_step(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        step = self.scroll_step(event)
        if step is None:
            event.ignore()  # no cell navigation or type-to-search: the window's keys
            return
        self.scroll_rows(step)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 (Qt override)
        """Tab (or Shift+Tab) leaves the table: for the next Tab stop, or with none (the
        window has no other) for the window itself, whose keys are its shortcuts."""
        super().focusNextPrevChild(next)
        if self.hasFocus():
            self.window().setFocus(Qt.FocusReason.TabFocusReason)
        return True  # handled: not passed on to the window, which would Tab back here

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        # The panel hidden (P), not the window minimised: the focus had stayed on the hidden
        # table, which went on taking Page Up/Down from the window.
        if self.hasFocus() and not event.spontaneous():
            self.window().setFocus(Qt.FocusReason.OtherFocusReason)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self._clear_current()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().mousePressEvent(event)
        self._clear_current()

    def _clear_current(self) -> None:
        """No current cell: the table is scrolled, not navigated cell by cell, and the style's
        dotted box round a current cell would read as a second focus mark."""
        model = self.selectionModel()
        if model is not None:
            model.clearCurrentIndex()

    def _rows_height(self, rows: int) -> int:
        """Height (px) of the header and `rows` rows."""
        return self.horizontalHeader().height() + rows * self.verticalHeader().defaultSectionSize()

    def rows_in_view(self) -> int:
        """Whole rows the table is sized to show: those of `sized_for` or else of the shown
        model (for a runner who did not finish, as many as before she stops, after it too),
        at most `max_rows` and `fit_rows`."""
        model = self.sized_for if self.sized_for is not None else self.model()
        rows = min(sized_rows(model), self.max_rows)
        if self.fit_rows is not None:
            rows = min(rows, self.fit_rows)
        return rows

    def _fitted_height(self) -> int:
        """Height (px) that shows rows_in_view()."""
        return self._rows_height(self.rows_in_view()) + 2 * self.frameWidth() + 2

    def sizeHint(self) -> QSize:  # Qt override
        return QSize(super().sizeHint().width(), self._fitted_height())

    def minimumSizeHint(self) -> QSize:  # Qt override
        if self.sized_for is not None or self.fit_rows is not None:
            return QSize(100, self._fitted_height())
        return QSize(100, self._rows_height(2))
