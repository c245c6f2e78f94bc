"""The app's keyboard focus ring over a panel widget that draws none of its own (the splits
table, styled by the panel's style sheet, which leaves Qt's own focus marks out)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyleOption, QWidget

from racegui.ui.chrome_palette import draw_focus_ring


class FocusRing(QWidget):
    """A ring round `target` while it has keyboard focus: the one the app's buttons, fields
    and lists wear (chrome_palette.draw_focus_ring, in the text's colour), drawn over the
    target's edge. Hidden otherwise, so a picture of the panel never shows it."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._colour = QColor("#ffffff")
        self.hide()
        target.installEventFilter(self)

    def set_colour(self, colour: str) -> None:
        """The ring's colour (the panel theme's text colour)."""
        self._colour = QColor(colour)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        kind = event.type()
        if kind == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        elif kind == QEvent.Type.FocusIn:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
            self.show()
        elif kind == QEvent.Type.FocusOut:
            self.hide()
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        option = QStyleOption()
        option.rect = self.rect()
        option.palette.setColor(QPalette.ColorRole.Text, self._colour)
        painter = QPainter(self)
        draw_focus_ring(painter, option, 0.0, QPalette.ColorRole.Text)
        painter.end()
