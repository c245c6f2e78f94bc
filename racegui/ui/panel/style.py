"""Panel look: fonts scaled for presentation, derived colours and the panel style sheet."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from PySide6.QtGui import QColor, QFont

from racegui.model.timefmt import reads_as_zero
from racegui.ui.fonts import unhinted
from racegui.ui.runner_accent import runner_accent
from racegui.ui.theme import Theme

AHEAD, BEHIND, LEVEL = "ahead", "behind", "level"
PX_PER_PT = 96.0 / 72.0
"""Pixels per point of the theme's font sizes (points at 96 dpi, whatever the screen's)."""


def mix(a: str, b: str, t: float) -> str:
    """Colour between a (t=0) and b (t=1) as "#rrggbb"."""
    ca, cb = QColor(a), QColor(b)
    r = round(ca.red() + (cb.red() - ca.red()) * t)
    g = round(ca.green() + (cb.green() - ca.green()) * t)
    bl = round(ca.blue() + (cb.blue() - ca.blue()) * t)
    return f"#{r:02x}{g:02x}{bl:02x}"


def rgba(colour: str, alpha: float) -> QColor:
    """A QColor with alpha in 0..1."""
    c = QColor(colour)
    c.setAlphaF(alpha)
    return c


def kind_of(delta: float | None, decimals: int = 2) -> str:
    """AHEAD for a negative delta (faster / in front of target), BEHIND for positive."""
    if delta is None or delta != delta or reads_as_zero(delta, decimals):
        return LEVEL  # as format_delta shows it: "0.00", never "0.00" coloured behind
    return AHEAD if delta < 0 else BEHIND


@dataclass(frozen=True)
class PanelStyle:
    """Theme plus presentation scale; every size in the panel comes from here."""

    theme: Theme
    scale: float = 1.0
    presentation: bool = False
    """Laid out for a big screen (presentation mode): fewer secondary lines, every lap row."""
    compact: bool = False
    """Laid out for a short window (chosen by SidePanel when the usual layout does not fit its
    height): tighter spacing and no secondary lines; text keeps its size."""
    runner: str | None = None
    """The followed runner's colour ("#rrggbb"; None: the theme's accent), for what stands for
    her: the splits' marks and current row, the timeline's progress."""

    @cached_property
    def runner_accent(self) -> QColor:
        """The runner's colour, or the nearest shade of it readable on a card (3:1)."""
        return runner_accent(self.runner or self.theme.accent, [QColor(self.card)])

    @property
    def secondary_lines(self) -> bool:
        """Whether lines repeated elsewhere are shown (the venue line, the last lap): not in
        presentation mode or a compact panel."""
        return not (self.presentation or self.compact)

    @property
    def table_row_px(self) -> int:
        """Height (px) of a table row (the splits', the field's): a little tighter in
        presentation mode (1.8 x the text height, so that every lap of a mile fits a 1080 px
        screen beside the other cards), tighter still in a compact panel (1.7 x)."""
        return self.px(23 if self.presentation else 22 if self.compact else 25)

    def gap(self, normal: float, compact: float) -> int:
        """A spacing or margin (px at this scale): `normal`, or `compact` in a compact panel."""
        return self.px(compact if self.compact else normal)

    def pt(self, factor: float = 1.0) -> float:
        """Font size in points: theme base size x factor x scale."""
        return self.theme.font_size_pt * factor * self.scale

    def font(self, factor: float = 1.0, bold: bool = False, spacing: float = 0.0) -> QFont:
        """Theme font at factor x the base size (bold, letter spacing in % of 100).

        Sized in pixels (points at 96 dpi, rounded): a point size follows the screen's
        logical dpi, so on a 72 dpi screen (macOS) the panel's text came out a quarter
        smaller, in the window and in exports."""
        f = QFont(self.theme.font_family)
        f.setPixelSize(max(1, round(self.pt(factor) * PX_PER_PT)))
        if bold:
            f.setWeight(QFont.Weight.Bold)
        if spacing:
            f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100.0 + spacing)
        return unhinted(f)

    def px(self, value: float) -> int:
        """A length in pixels at this scale."""
        return max(1, round(value * self.scale))

    @property
    def is_light(self) -> bool:
        """True when the panel colour is lighter than the window background."""
        t = self.theme
        return QColor(t.panel_background).lightness() > QColor(t.background).lightness()

    @property
    def outer(self) -> str:
        """Panel background behind the cards."""
        t = self.theme
        return t.background if self.is_light else t.panel_background

    @property
    def card(self) -> str:
        """Card (section) background."""
        t = self.theme
        return t.panel_background if self.is_light else mix(t.panel_background, t.text, 0.035)

    @property
    def border(self) -> str:
        t = self.theme
        return mix(t.panel_background, t.grid, 0.7)

    @property
    def dim(self) -> str:
        """Text of rows not reached yet."""
        t = self.theme
        return mix(t.text_muted, self.card, 0.45)

    def colour_of(self, kind: str) -> str:
        """Text colour for AHEAD / BEHIND / LEVEL."""
        t = self.theme
        return {AHEAD: t.ahead, BEHIND: t.behind}.get(kind, t.text)

    def style_sheet(self) -> str:
        """Colours, borders and paddings for the panel (fonts are set with setFont)."""
        t = self.theme
        r = self.px(8)
        return f"""
#sidePanel, #panelContent {{ background: {self.outer}; }}
#sidePanel QLabel {{ color: {t.text}; background: transparent; }}
#sidePanel QLabel[role="muted"] {{ color: {t.text_muted}; }}
#sidePanel QLabel[role="title"] {{ color: {t.text_muted}; }}
#card {{ background: {self.card}; border: 1px solid {self.border}; border-radius: {r}px; }}
#sidePanel QScrollArea, #sidePanel QScrollArea > QWidget > QWidget {{
    background: transparent; border: none; }}
#sidePanel QTableView {{ background: {self.card}; color: {t.text}; border: none;
    gridline-color: {self.border}; selection-background-color: transparent; }}
#sidePanel QHeaderView::section {{ background: {self.card}; color: {t.text_muted};
    border: none; border-bottom: 1px solid {self.border}; padding: {self.px(3)}px; }}
#segment {{ background: transparent; color: {t.text_muted}; border: 1px solid {self.border};
    padding: {self.px(2)}px {self.px(10)}px; }}
#segment:checked {{ background: {mix(self.card, t.accent, 0.25)}; color: {t.text};
    border-color: {t.accent}; }}
#segment:hover {{ color: {t.text}; }}
#dropRow {{ background: transparent; border-radius: {self.px(5)}px; }}
#dropRow:hover {{ background: {mix(self.card, t.text, 0.08)}; }}
#sidePanel QScrollBar:vertical {{ background: transparent; width: {self.px(8)}px; }}
#sidePanel QScrollBar::handle:vertical {{ background: {self.border};
    border-radius: {self.px(4)}px; min-height: 20px; }}
#sidePanel QScrollBar::add-line, #sidePanel QScrollBar::sub-line {{ height: 0; }}
"""
