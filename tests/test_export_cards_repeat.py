"""A card comes out the same whatever the process drew before it (an export is reproducible
in the GUI's process, which has drawn much, as in a fresh one)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from racegui.export.cards import card_accent, draw_card, end_text, title_text
from racegui.export.scene_source import image_to_rgb
from racegui.ui.fonts import scene_font
from racegui.ui.loading import load_replay
from racegui.ui.theme import DARK, LIGHT
from racegui.ui.ui_paths import demo_path


@pytest.fixture(scope="module")
def mile():
    return load_replay(demo_path())


@pytest.mark.parametrize(
    ("theme", "size", "k"),
    [
        (LIGHT, (1920, 1080), 0),
        (DARK, (1920, 1080), 1),
        (LIGHT, (1280, 720), 2),
        (DARK, (1280, 720), 3),
        (LIGHT, (1080, 1920), 4),
        (DARK, (1080, 1920), 5),
    ],
    ids=["1080p-light", "1080p-dark", "720p-light", "720p-dark", "portrait-light", "portrait-dark"],
)
def test_a_card_drawn_again_after_other_cards_has_the_same_pixels(qapp, mile, theme, size, k):
    # Its big headline (over 64 px, drawn from the glyphs' outlines) had come out up to 19
    # levels off along its edges, depending on what text of its typeface the process had
    # drawn last (see fonts.forget_glyph_offset): 55 of 140 light landscape cards differed
    # after portrait cards had been drawn.
    text, accent = title_text(mile), card_accent(mile, theme)

    def card() -> np.ndarray:
        return image_to_rgb(draw_card(text, size, theme, accent))

    # What comes between is new to the process (k: each case's own sizes), as it had to be
    # for the card to come out otherwise.
    first = card()
    phone = (700 + 20 * k, 1250 + 20 * k)
    draw_card(end_text(mile), phone, DARK, card_accent(mile, DARK))
    after_phone = card()
    draw_card(title_text(mile), (1000 + 40 * k, 560 + 20 * k), LIGHT, accent)  # landscape
    after_other = card()
    QFontMetricsF(scene_font(theme.font_family, 41 + 2 * k, QFont.Weight.Black)).height()
    after_font = card()
    for again in (after_phone, after_other, after_font):
        assert np.array_equal(again, first)
