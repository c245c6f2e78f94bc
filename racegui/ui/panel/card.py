"""A section card: small upper-case title, optional widgets on the right, then content."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from racegui.ui.board_text import capitals
from racegui.ui.panel.style import PanelStyle


class Card(QFrame):
    """A rounded section with a title row; put content in `body` (a QVBoxLayout)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title_label = QLabel(capitals(title))
        self.title_label.setProperty("role", "title")
        self.title_row = QHBoxLayout()
        self.title_row.setContentsMargins(0, 0, 0, 0)
        self.title_row.addWidget(self.title_label)
        self.title_row.addStretch(1)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        outer = QVBoxLayout(self)
        outer.addLayout(self.title_row)
        outer.addLayout(self.body)
        self._outer = outer
        self.dirty = True
        """Set when something drawn in the card changed other than its opaque live widgets
        (read and cleared by the panel's render cache)."""

    def add_title_widget(self, widget: QWidget) -> None:
        """Put a widget at the right end of the title row."""
        self.title_row.addWidget(widget)

    def apply_style(self, style: PanelStyle) -> None:
        """Fonts and paddings for this scale (tighter above and below in a compact panel)."""
        self.title_label.setFont(style.font(0.8, bold=True, spacing=12))
        m, v = style.px(12), style.gap(8, 5)
        self._outer.setContentsMargins(m, v, m, v)
        self._outer.setSpacing(style.gap(4, 2))
        self.body.setSpacing(style.gap(3, 2))
