"""Square and portrait cards use the frame as a phone's screen: big type, a block that fills
a good share of the height, nothing cut off. A portrait card had been a 1080p card's 16:9 box
shrunk to the frame's width: 28 px lines and a 64 px "4:06.42" in a band across the middle,
two thirds of the frame empty (presenter's review)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from racegui.export.cards import card_accent, card_layout, draw_card, end_text, title_text
from racegui.export.scene_source import image_to_rgb
from racegui.ui.loading import load_replay
from racegui.ui.theme import DARK, LIGHT
from racegui.ui.ui_paths import demo_path

LONG = (
    "A very long and descriptive title: heat two, second attempt at the Ethiopian record, "
    "with 13 pacers and a pacing light round the lanes of a stadium far away from home"
)


@pytest.fixture(scope="module")
def mile():
    return load_replay(demo_path())


@pytest.fixture(scope="module")
def wr_2023():
    return load_replay(demo_path("kipyegon-wr-2023.json"))


def _ink(image: np.ndarray) -> np.ndarray:
    """(h, w) bool: pixels that differ from the card's background (a gradient from top to
    bottom, as the left edge has it) by more than 40 levels: text and the accent bar."""
    return np.abs(image.astype(int) - image[:, :1].astype(int)).max(axis=2) > 40


def _spans(mask: np.ndarray) -> tuple[int, int]:
    """First and last index where mask is true."""
    where = np.nonzero(mask)[0]
    return int(where[0]), int(where[-1])


@pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])
@pytest.mark.parametrize(
    ("size", "least_headline", "least_block"),
    [((1080, 1920), 0.12, 0.25), ((720, 1280), 0.12, 0.25), ((1080, 1080), 0.10, 0.33)],
    ids=["1080x1920", "720x1280", "1080x1080"],
)
def test_a_phone_s_end_card_has_a_big_result_and_fills_the_frame(
    qapp, mile, theme, size, least_headline, least_block
):
    """The end card of a portrait export: "4:06.42" 154 px high in a 1080x1920 frame (14% of
    its width; it was 49 px, 4.5%), the block of text 27% of the height (it was 12%),
    centred a little above the middle, everything inside the frame's margins."""
    w = size[0]
    text = end_text(mile)
    rows = card_layout(text, size, theme)
    image = image_to_rgb(draw_card(text, size, theme, card_accent(mile, theme)))
    ink = _ink(image)
    headline = rows[1]
    assert headline.text == "4:06.42"
    top, bottom = int(headline.rect.top()), int(headline.rect.bottom())
    ink_top, ink_bottom = _spans(ink[top:bottom].any(axis=1))
    assert ink_bottom - ink_top >= least_headline * w
    _assert_fills_the_frame(image, rows, least_block)


@pytest.mark.parametrize("size", [(1080, 1920), (1080, 1080)], ids=["1080x1920", "1080x1080"])
def test_a_phone_s_title_card_has_big_type_and_fills_the_frame(qapp, mile, size):
    """The title card's headline type is 8% of the frame's width or more (95 px in a 1080
    px wide frame; it was 64 px, 6%) and its lines 3.3% or more (50 px in a portrait frame,
    37 px in a square one; they were 28 px, 2.6%), the block 30% of a portrait frame's
    height (it was 18%)."""
    w = size[0]
    text = title_text(mile)
    rows = card_layout(text, size, DARK)
    assert rows[1].font.pixelSize() >= 0.08 * w
    assert all(row.font.pixelSize() >= 0.033 * w for row in rows[2:-1])
    image = image_to_rgb(draw_card(text, size, DARK, card_accent(mile, DARK)))
    _assert_fills_the_frame(image, rows, 0.28)


def _assert_fills_the_frame(image: np.ndarray, rows: list, least_block: float) -> None:
    """The block of text above the footer covers least_block of the card's height or more,
    centred between 35% and 55% of it; all ink is inside the side margins and clear of the
    top and bottom; the footer below the block, clear of a phone app's bottom bar."""
    h, w = image.shape[:2]
    ink = _ink(image)
    footer_top = int(rows[-1].rect.top())
    block_top, block_bottom = _spans(ink[:footer_top].any(axis=1))
    assert block_bottom - block_top >= least_block * h
    assert 0.35 * h <= (block_top + block_bottom) / 2 <= 0.55 * h
    left, right = _spans(ink.any(axis=0))
    assert left >= 0.05 * w and right <= 0.95 * w
    first, last = _spans(ink.any(axis=1))
    assert first >= 0.05 * h and last <= 0.95 * h
    assert footer_top > block_bottom


@pytest.mark.parametrize("size", [(1080, 1920), (720, 1280), (1080, 1350), (1080, 1080)])
@pytest.mark.parametrize("kind", ["title", "end"])
def test_long_text_on_a_phone_s_card_wraps_and_stays_in_the_frame(qapp, mile, wr_2023, size, kind):
    """A long title and six long lines in a square or portrait card: each block wraps into
    its box, none overlaps the next, all inside the frame; the headline stays the biggest
    text, and the ink stays inside the margins (the big type cut off at the right edge
    would not show in the layout's boxes)."""
    w, h = size
    text = (title_text if kind == "title" else end_text)(mile, wr_2023)
    lines = (*text.lines[:2], LONG, LONG, "Sara Lane  4:15.30 (+8.88)", LONG)
    text = dataclasses.replace(text, headline=LONG, lines=lines, footer=LONG)
    rows = card_layout(text, size, DARK)
    wrap = Qt.TextFlag.TextWordWrap
    for row in rows:
        need = QFontMetricsF(row.font).boundingRect(
            QRectF(0, 0, row.rect.width(), 10_000), wrap, row.text
        )
        assert need.width() <= row.rect.width() + 0.5, row.text
        assert need.height() <= row.rect.height() + 0.5, row.text
        assert row.rect.left() >= 0 and row.rect.right() <= w
    for above, below in zip(rows, rows[1:], strict=False):
        assert above.rect.bottom() <= below.rect.top() + 0.5
    assert rows[0].rect.top() >= 0 and rows[-1].rect.bottom() <= h
    assert rows[1].font.pixelSize() > max(row.font.pixelSize() for row in rows[2:-1])
    ink = _ink(image_to_rgb(draw_card(text, size, DARK)))
    left, right = _spans(ink.any(axis=0))
    assert left >= 0.05 * w and right <= 0.95 * w


@pytest.mark.parametrize("end_s", [None, 125.0], ids=["result", "clip"])
def test_a_portrait_card_s_lines_are_big_and_each_on_one_line(qapp, mile, wr_2023, end_s):
    """With --compare, "1.22 s ahead of Kipyegon 2023 (4:07.64)" and a clip's "Lap 3 of 4 ·
    828 m run, 781 m to go" wrapped at 50 px, "go" alone on its line: the card's lines are
    made a little smaller, all alike (44 px), so each is on one line, and still 4% of the
    frame's width or more (they were 28 px, 2.6%)."""
    text = end_text(mile, wr_2023, end_s=end_s)
    rows = card_layout(text, (1080, 1920), DARK)[2:-1]
    assert [row.text for row in rows] == list(text.lines)
    assert len({row.font.pixelSize() for row in rows}) == 1
    assert rows[0].font.pixelSize() >= 0.04 * 1080
    for row in rows:
        metrics = QFontMetricsF(row.font)
        box = metrics.boundingRect(row.rect, Qt.TextFlag.TextWordWrap, row.text)
        assert box.height() <= metrics.lineSpacing() + 1, row.text


def test_a_line_too_long_for_one_line_breaks_into_two_even_lines(qapp):
    """A line that wraps on a phone's card is broken where its two lines are most even,
    not with a last word alone on the second ("With Runner 1, Runner 2, Runner 3 and 1 /
    other") nor a runner's number apart from her name."""
    from racegui.io.race_file import race_from_data
    from racegui.model.replay import compile_race
    from tests.helpers_race import mile_runners_data

    laps = [("61.00", "2:02.00", "3:03.00", f"4:{10 + k}.00") for k in range(5)]
    text = title_text(compile_race(race_from_data(mile_runners_data(*laps))))
    line = "With Runner 1, Runner 2, Runner 3 and 1 other"
    row = card_layout(text, (1080, 1920), DARK)[2 + text.lines.index(line)]
    metrics = QFontMetricsF(row.font)
    assert metrics.horizontalAdvance(line) > row.rect.width()  # it does not fit on one line
    first, second = row.text.split("\n")
    assert f"{first} {second}" == line
    widths = sorted(metrics.horizontalAdvance(part) for part in (first, second))
    assert widths[0] >= 0.6 * widths[1] and widths[1] <= row.rect.width()
    assert not second[0].isdigit()  # not "Runner / 2"
