"""The race's own words, however long the file makes them, keep to their places on screen.

A race file may hold names and labels of 200 characters and a 300-character title. They used
to stretch the side panel past the window and run tags and scoreboard lines across the track.
"""

import os
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from racegui.io.race_file import race_from_data  # noqa: E402
from racegui.model.replay import compile_race  # noqa: E402
from racegui.ui.overlay import TAG_MAX_EMS, BroadcastOverlay, Label, _with_text  # noqa: E402
from racegui.ui.panel import SidePanel  # noqa: E402
from racegui.ui.pocket_cam import TAG_NAME_CHARS, tag_name  # noqa: E402
from racegui.ui.race_status import Gap, RaceStatus  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from tests.helpers_race import demo_data  # noqa: E402

LONG = "Faith Chepngetich Kipyegon " * 7


def _long_replay():
    data = demo_data()
    data["title"] = "T" * 300
    data["venue"] = "V" * 200
    data["target"]["label"] = "L" * 200
    data["athletes"][0]["name"] = LONG[:200]
    data["athletes"][0]["country"] = "<b>KEN</b>"
    data["athletes"][12]["name"] = "Georgia " * 25
    return compile_race(race_from_data(data))


@pytest.fixture(scope="module")
def long_replay():
    return _long_replay()


def test_long_names_do_not_widen_the_side_panel(qtbot, long_replay):
    panel = SidePanel(long_replay, DARK)
    qtbot.addWidget(panel)
    panel.update_frame(200.0)  # after two dropouts: the feed shows the long pacer name
    # The panel scrolls its content: content wider than the narrowest panel scrolls sideways
    # (it was 2,159 px wide, for a panel of 380 to 560 px).
    content = panel.findChild(QWidget, "panelContent")
    assert content.minimumSizeHint().width() <= panel.minimumWidth()


def test_the_country_is_shown_as_text_not_markup(qtbot, long_replay):
    panel = SidePanel(long_replay, DARK)
    qtbot.addWidget(panel)
    text = panel.header.matchup.text()
    assert "&lt;b&gt;KEN&lt;/b&gt;" in text and "<b>KEN</b>" not in text


def test_a_long_tag_is_cut_to_its_most_width(qapp):
    image = QImage(1600, 400, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    label = Label(800.0, 300.0, 0.0, -1.0, LONG, QColor("#ff2d6f"), 5.0, forced=True)
    drawn = BroadcastOverlay(DARK).paint_labels(
        painter, [label], [], 14.0, QRectF(0.0, 0.0, 1600.0, 400.0), 0.0
    )
    painter.end()
    line_h = 14.0 * 1.5  # generous: the font's line height at 14 px
    assert len(drawn) == 1 and drawn[0].width() < TAG_MAX_EMS * line_h + 3 * line_h


def test_a_cut_tag_is_known_by_its_full_text_wherever_it_is_cut():
    # The tag placer remembers a tag's spot by its key, or else its text: a tag cut at
    # another place (another font size) must stay the same tag.
    label = Label(800.0, 200.0, 0.0, -1.0, LONG, QColor("#ff2d6f"), 5.0)
    cuts = [_with_text(label, LONG[:n] + "…") for n in (30, 40)]
    assert {cut.key for cut in cuts} == {LONG}
    assert _with_text(replace(label, key="runner"), "Faith…").key == "runner"
    assert _with_text(label, label.text) is label


def test_scoreboard_lines_keep_within_the_infield(qapp):
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    overlay = BroadcastOverlay(DARK)
    status = RaceStatus(
        "2:00.00", "Lap 2 of 4", "3 laps to go", "795 m run", False, Gap("L" * 200, 1.4, 9.6), None
    )
    infield = QRectF(300.0, 200.0, 600.0, 400.0)
    overlay.paint_scoreboard(painter, infield, status, "T" * 300, "V" * 200)
    painter.end()
    assert overlay.board_extent.width() <= infield.width() + 1.0


def test_pocket_cam_tags_are_cut_to_a_surname_length():
    assert tag_name("Grant Fisher") == "Fisher"
    assert tag_name("Ana Bell-Montgomery-Smythe-Hughes") == "Bell-Montgomery…"  # at a hyphen
    assert len(tag_name("X" * 200)) == TAG_NAME_CHARS and tag_name("X" * 200).endswith("…")


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        # a two-word surname too long for a tag keeps its last word, whole (R7: "Angeles
        # Villavice…" was cut mid-word, and "Angeles" is of her given names)
        ("Maria-Fernanda de los Angeles Villavicencio", "Villavicencio"),
        ("Maria Fernanda Angeles Villavicencio", "Villavicencio"),
        ("Georgia Hunter Bell", "Hunter Bell"),
        ("Ann Wordsworth-Beaumont", "Wordsworth…"),
        ("Ann Li-Featherstonehaugh", "Li-Featherstoneha…"),  # "Li…" would say too little
        ("Ann Featherstonehaughwood", "Featherstonehaugh…"),
    ],
)
def test_a_long_surname_is_shortened_at_a_word_or_a_hyphen(name, tag):
    assert tag_name(name) == tag and len(tag) <= TAG_NAME_CHARS
