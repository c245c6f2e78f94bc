"""Text written on the infield is readable in both themes."""

import pytest
from PySide6.QtGui import QColor

from racegui.ui.legible import contrast_ratio, legible_on
from racegui.ui.overlay import FIGURE_RATIO, BroadcastOverlay
from racegui.ui.theme import DARK, LIGHT


def test_contrast_ratio_spans_1_to_21():
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#5e9c5e"), QColor("#5e9c5e")) == pytest.approx(1.0)


def test_a_readable_colour_is_kept_and_a_faint_one_darkened_or_lightened():
    grass = [QColor("#5e9c5e")]
    assert legible_on(QColor("#000000"), grass) == QColor("#000000")
    faint = legible_on(QColor("#59636e"), grass)
    assert contrast_ratio(faint, grass[0]) >= 4.5
    assert faint.lightness() < QColor("#59636e").lightness()  # light grass: darker text
    night = legible_on(QColor("#8b949e"), [QColor("#1d4d2f")])
    assert night.lightness() > QColor("#8b949e").lightness()  # dark grass: lighter text


@pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])
def test_scoreboard_text_on_the_infield_is_readable(qapp, theme):
    """The venue line, the gap line's label (4.5:1) and its coloured figures (3:1) against
    the infield and its mowing stripes."""
    overlay = BroadcastOverlay(theme)
    for background in (QColor(theme.infield), QColor(theme.infield_lines)):
        assert contrast_ratio(overlay._muted, background) >= 4.5
        assert contrast_ratio(overlay._ahead, background) >= FIGURE_RATIO
        assert contrast_ratio(overlay._behind, background) >= FIGURE_RATIO
        assert contrast_ratio(overlay._text, background) >= 4.5
