"""Text written on the infield is readable in both themes."""

from collections import Counter

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from racegui.ui.legible import contrast_ratio, legible_on
from racegui.ui.overlay import BroadcastOverlay
from racegui.ui.race_status import Gap, RaceStatus
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
    """The venue line and the gap line's label against the infield and its mowing stripes
    (the coloured figures sit on plates: test_gap_figure_is_readable_on_what_it_sits_on)."""
    overlay = BroadcastOverlay(theme)
    for background in (QColor(theme.infield), QColor(theme.infield_lines)):
        assert contrast_ratio(overlay._muted, background) >= 4.5
        assert contrast_ratio(overlay._text, background) >= 4.5


def _board(theme, field: str, seconds: float) -> QImage:
    """The scoreboard at 2:00 with a target gap of `seconds`, on a 960x540 px infield of
    one colour (painted twice, the second kept: the first time Qt draws a glyph it can come
    out a shade apart)."""
    gap = Gap("Sub-4 pacing light", seconds, 9.6, theme.target_glow)
    status = RaceStatus("2:00.00", "Lap 2 of 4", "3 laps to go", "795 m run", False, gap, None)
    for _ in range(2):
        image = QImage(960, 540, QImage.Format.Format_RGB32)
        image.fill(QColor(field))
        p = QPainter(image)
        BroadcastOverlay(theme).paint_scoreboard(p, QRectF(0, 0, 960, 540), status, "Mile", "")
        p.end()
    return image


def _figure_colours(image: QImage, other: QImage) -> tuple[QColor, QColor]:
    """(text, ground) of the gap figure in `image`: where it differs from `other` (the same
    board with the figure's last digit another) is that digit; the commonest colour round it
    is what the text sits on, and the text the pixel there that contrasts with that most."""
    w, h = image.width(), image.height()
    changed = [(x, y) for y in range(h) for x in range(w) if image.pixel(x, y) != other.pixel(x, y)]
    xs, ys = [x for x, _ in changed], [y for _, y in changed]
    box = [
        QColor(image.pixel(x, y))
        for y in range(min(ys) - 2, max(ys) + 3)
        for x in range(min(xs) - 2, max(xs) + 3)
    ]
    ground = QColor(Counter(c.rgb() for c in box).most_common(1)[0][0])
    text = max(box, key=lambda c: contrast_ratio(c, ground))
    return text, ground


@pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])
def test_gap_figure_is_readable_on_what_it_sits_on(qapp, theme):
    """The red "+3.22 s" and the green "-3.22 s" drawn straight on the light theme's grass
    reached 3:1, weak on a projector; on their plates they reach 4.5:1 on the grass and on
    its stripes in either theme, and stay red and green."""
    for field in (theme.infield, theme.infield_lines):
        for seconds, red in ((3.22, True), (-3.22, False)):
            image = _board(theme, field, seconds)
            text, ground = _figure_colours(image, _board(theme, field, 1.005 * seconds))
            assert contrast_ratio(text, ground) >= 4.5, (field, text.name(), ground.name())
            assert (text.red() > 2 * text.green()) if red else (text.green() > 2 * text.red())
