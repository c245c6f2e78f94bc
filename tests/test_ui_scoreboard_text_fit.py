"""The scoreboard's title and subtitle are shown whole on a small board: the title on two
lines, the subtitle without the stadium's name, before anything is cut (with the 10 px least
type size a 540x960 export's board said "BREAKING4: FAITH KIPYEG…" over "…, Par…")."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.ui.board_text import (  # noqa: E402
    capitals,
    first_fitting,
    subtitle_forms,
    title_lines,
)
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402


def test_the_subtitle_drops_the_least_telling_part_first():
    forms = subtitle_forms("Stade Sebastien Charlety, Paris", "2025-06-26")
    assert forms == (
        "Stade Sebastien Charlety, Paris  ·  26 June 2025",
        "Stade Sebastien Charlety, Paris  ·  26 Jun 2025",
        "Paris  ·  26 June 2025",
        "Paris  ·  26 Jun 2025",
        "26 Jun 2025",
    )
    assert subtitle_forms(None, "summer 2025") == ("summer 2025",)
    assert subtitle_forms("Eugene", None) == ("Eugene",)
    assert first_fitting(forms, len, 22) == "Paris  ·  26 June 2025"
    assert first_fitting(forms, len, 5) == "26 Jun 2025"  # the shortest, to be elided


def test_a_long_title_breaks_after_its_colon_or_where_the_lines_are_even():
    title = "BREAKING4: FAITH KIPYEGON'S MILE"
    assert title_lines(title, len, 40) == [title]
    assert title_lines(title, len, 22) == ["BREAKING4:", "FAITH KIPYEGON'S MILE"]
    assert title_lines(title, len, 17) == ["BREAKING4: FAITH", "KIPYEGON'S MILE"]
    assert title_lines(title, len, 8) == [title]  # no break fits: one line, elided


@pytest.mark.parametrize(
    "size, shown",
    [((540, 960), False), ((640, 360), False), ((854, 480), False), ((720, 720), True)],
)
def test_a_small_export_s_board_shows_its_title_and_subtitle_whole(qapp, size, shown):
    """Whole, or left out where the board is tight and the panel shows them (see
    test_ui_scoreboard_give_way): never cut."""
    source = SceneFrameSource(load_replay(demo_path()), DARK, size)
    try:
        overlay = source.scene.track.overlay
        source.frame_at(120.0)  # laid out at the export's size
        drawn: list[str] = []
        line = overlay._line

        def record(p, cx, y, m, text, colour):
            drawn.append(text)
            return line(p, cx, y, m, text, colour)

        overlay._line = record
        source.frame_at(121.0)
        assert not any("…" in text for text in drawn)
        assert overlay.board_lines["title"] == ("BREAKING4: FAITH KIPYEGON'S MILE" if shown else "")
        if not shown:
            assert not any("BREAKING4" in text for text in drawn)
            return
        assert "".join(drawn).replace(" ", "").startswith("BREAKING4:FAITHKIPYEGON'SMILE")
        assert drawn[-1].endswith("26 June 2025") or drawn[-1].endswith("26 Jun 2025")
    finally:
        source.close()


@pytest.mark.parametrize(
    "race, lap", [("breaking4-2025.json", "START · 9 m"), ("example-1500m.json", "START · 300 m")]
)
def test_the_start_pill_keeps_its_metres_lower_case(qapp, race, lap):
    # At 0:00 the pill had read "START · 9 M" (its text upper-cased whole), where the splits
    # table writes "Start · 9 m" (reviewer R12).
    src = SceneFrameSource(load_replay(demo_path().parent / race), DARK, (1280, 720))
    try:
        src.frame_at(0.0)
        assert src.scene.track.overlay.board_lines["lap"] == lap
    finally:
        src.close()


def test_capitals_leave_a_unit_after_a_figure_as_written():
    assert capitals("Start · 9 m") == "START · 9 m"
    assert capitals("Lap 3 of 4") == "LAP 3 OF 4"
    assert capitals("400 m 60.20, 800 m 2:00.75") == "400 m 60.20, 800 m 2:00.75"
    assert capitals("sub-4 by 6.42 s, 10km") == "SUB-4 BY 6.42 s, 10km"
    assert capitals("Breaking4: 4 mins") == "BREAKING4: 4 MINS"  # a word, not a unit
