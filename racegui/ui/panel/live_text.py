"""A text readout that repaints only itself when its value changes (no layout churn)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from racegui.ui.qt_guard import guarded_paint


class LiveText(QWidget):
    """Painted text for values that change every frame.

    Unlike QLabel.setText, set_text does not invalidate the layout: the size hint comes from a
    template (e.g. "+88.88 s"), so a new value costs one small repaint. A text wider than the
    template becomes the template (one relayout), so nothing is ever cut off: a club 5000's
    "+2:30.8 vs 15:30.00" had shown as ":30.8 vs 15:30.00".
    """

    def __init__(
        self,
        template: str,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._template = template
        self._template_px: int | None = None
        """The template's width (px) in the current font (None: not measured yet)."""
        self._text = ""
        self._colour = QColor("#ffffff")
        self._background: QColor | None = None
        self._italic = False
        self._align = align | Qt.AlignmentFlag.AlignVCenter
        self.dirty = True
        """Set when what is painted changed (read and cleared by the panel's render cache)."""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        """The text shown."""
        return self._text

    def colour(self) -> str:
        """The text colour as "#rrggbb"."""
        return self._colour.name()

    def set_text(self, text: str) -> bool:
        """Show text; returns False (and does nothing) if it is already shown."""
        if text == self._text:
            return False
        self._text = text
        fm = self.fontMetrics()
        if self._template_px is None:
            self._template_px = fm.horizontalAdvance(self._template)
        px = fm.horizontalAdvance(text)
        if px > self._template_px:  # grow to fit: one relayout, never a cut-off value
            self._template, self._template_px = text, px
            self.updateGeometry()
        self.dirty = True
        self.update()
        return True

    def set_template(self, template: str) -> None:
        """Size the widget for template from now on (set_text still grows it for a wider
        text): a readout that switched to a shorter form gives the room back to its row."""
        if template != self._template:
            self._template, self._template_px = template, None
            self.updateGeometry()

    def set_colour(self, colour: str) -> None:
        """Text colour ("#rrggbb"); repaints only on a change."""
        c = QColor(colour)
        if c != self._colour:
            self._colour = c
            self.dirty = True
            self.update()

    def set_italic(self, italic: bool) -> None:
        """Draw the text in italics (an estimate, as the splits table marks one); the size
        hint stays the upright font's (DejaVu's oblique has the same advances), so the
        widget's width does not change. Repaints only on a change."""
        if italic != self._italic:
            self._italic = italic
            self.dirty = True
            self.update()

    def is_italic(self) -> bool:
        """Whether the text is drawn in italics (set_italic)."""
        return self._italic

    def set_background(self, colour: str | None) -> None:
        """Paint this solid background (opaque: the parent need not repaint), or None."""
        self._background = None if colour is None else QColor(colour)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, colour is not None)
        self.dirty = True
        self.update()

    def sizeHint(self) -> QSize:  # Qt override
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self._template) + 2, fm.height())

    def minimumSizeHint(self) -> QSize:  # Qt override
        width = self.fontMetrics().horizontalAdvance(self._template) // 2
        return QSize(width, self.sizeHint().height())

    def changeEvent(self, event) -> None:  # Qt override
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._template_px = None
            self.updateGeometry()

    def opaque(self) -> bool:
        """Whether it paints its whole rectangle (it has a background)."""
        return self._background is not None

    def paint_into(self, p: QPainter, at: QPoint, clip: QRect) -> None:
        """Paint the part clip (widget px) of what paintEvent paints with p, the widget's
        top-left at `at` (p's px): what QWidget.render draws for an opaque LiveText,
        without the cost of a paint event (the panel's render cache, per export frame)."""
        p.save()
        p.translate(at)
        p.setClipRect(clip)
        self._paint(p, clip)
        p.restore()

    @guarded_paint
    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        p = QPainter(self)
        self._paint(p, event.rect())
        p.end()

    def _paint(self, p: QPainter, rect: QRect) -> None:
        if self._background is not None:
            p.fillRect(rect, self._background)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        font = self.font()
        if self._italic:
            font.setItalic(True)
        p.setFont(font)
        p.setPen(self._colour)
        p.drawText(self.rect(), int(self._align), self._text)
