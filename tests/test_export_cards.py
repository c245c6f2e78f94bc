"""Title and end cards: what they say (the compared race too) and that long text fits."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from racegui.export.cards import LINE_WRAP_MAX, card_layout, end_text, title_text
from racegui.io.race_file import race_from_data, read_race
from racegui.model.names import short_name
from racegui.model.replay import compile_race
from racegui.ui.loading import load_replay
from racegui.ui.race_status import compare_label
from racegui.ui.theme import DARK
from racegui.ui.ui_paths import demo_path
from tests.helpers_race import two_runner_data

LONG = (
    "A very long and descriptive title: heat two, second attempt at the Ethiopian record, "
    "with 13 pacers and a pacing light round the lanes of a stadium far away from home, "
    "again and again, as the crowd rose and the light went round once more before the bell"
)


@pytest.fixture(scope="module")
def mile():
    return load_replay(demo_path())


@pytest.fixture(scope="module")
def wr_2023():
    return load_replay(demo_path("kipyegon-wr-2023.json"))


def test_the_cards_name_the_compared_race_and_her_margin_to_it(mile, wr_2023):
    """Exported with --compare, the title card said nothing of the ghost, nor the end card
    of the margin: the published 4:06.42 against the 2023 world record's 4:07.64."""
    assert "Ghost: Kipyegon 2023 (4:07.64)" in title_text(mile, wr_2023).lines
    assert "1.22 s ahead of Kipyegon 2023 (4:07.64)" in end_text(mile, wr_2023).lines
    assert "4:06.42" in end_text(wr_2023, mile).lines[-2]
    assert not any("Kipyegon 2023" in line for line in end_text(mile).lines)


def test_a_runner_named_by_a_letter_keeps_her_whole_name():
    """The 1500 m example's "Runner A" was called "A" as a ghost."""
    metric = load_replay(demo_path("example-1500m.json"))
    assert compare_label(metric) == "Runner A"
    assert [short_name(n) for n in ("Grant Fisher", "Pacer 10", "Runner A", "Kipyegon")] == [
        "Fisher",
        "Pacer 10",
        "Runner A",
        "Kipyegon",
    ]


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1080, 1080), (640, 360)])
@pytest.mark.parametrize("kind", ["title", "end"])
def test_long_card_text_stays_in_its_box_and_off_the_next(qapp, mile, wr_2023, size, kind):
    """A 172-character title on the end card wrapped into three lines in a box of one: drawn
    over the line above it and cut in half (seen in a 720p export)."""
    text = (title_text if kind == "title" else end_text)(mile, wr_2023)
    # six lines, as many as a card has (an end card's target, ghost, three other finishers
    # and title)
    lines = (*text.lines[:2], LONG, LONG, "Sara Lane  4:15.30 (+8.88)", LONG)
    text = dataclasses.replace(text, headline=LONG, lines=lines, footer=LONG)
    rows = card_layout(text, size, DARK)
    wrap = Qt.TextFlag.TextWordWrap
    for row in rows:
        metrics = QFontMetricsF(row.font)
        need = metrics.boundingRect(QRectF(0, 0, row.rect.width(), 10_000), wrap, row.text)
        assert need.height() <= row.rect.height() + 0.5, row.text
        assert need.height() <= metrics.lineSpacing() * max(LINE_WRAP_MAX, 2) + 1
    for above, below in zip(rows, rows[1:], strict=False):
        assert above.rect.bottom() <= below.rect.top() + 0.5
    assert rows[-1].rect.bottom() <= size[1]
    assert any(row.text.endswith("…") for row in rows)  # the long line was shortened
    # A 216-character title became the card's smallest text; the headline stays biggest.
    headline, lines = rows[1], rows[2:-1]
    assert headline.font.pixelSize() > max(row.font.pixelSize() for row in lines)


def test_the_end_card_gives_the_other_runners_finishes(tmp_path):
    """A club race's end card named only the runner followed (coach's review): it gives the
    other runners' finishes too, first home first, against hers."""
    from tests.helpers_race import two_runner_data, write_json

    race = compile_race(read_race(write_json(tmp_path / "two.json", two_runner_data())))
    lines = end_text(race).lines
    assert "Sara Lane  4:15.30 (+8.88)" in lines
    sara = end_text(race.following("s")).lines
    assert "Runner  4:06.42 (-8.88)" in sara and not any("Sara Lane" in x for x in sara)


def test_a_mid_race_clip_s_end_card_says_where_it_left_her_not_the_result(mile, wr_2023):
    """A clip of 1:55 to 2:05 ended on "4:06.42, 6.42 s behind the 4:00.00 target": the
    result, which the clip does not show (presenter's review). Its end card gives the clock
    where it ends, her lap and distance, and her gaps then."""
    card = end_text(mile, wr_2023, end_s=125.0)
    assert card.headline == "2:05.00" and "CLIP ENDS" in card.kicker
    state = mile.state_at(125.0)
    run_m = state.distance_m[mile.focus]
    assert card.lines[0] == f"Lap 3 of 4  ·  {run_m:,.0f} m run, {1609.344 - run_m:,.0f} m to go"
    assert card.lines[1] == f"{state.gap_to_target_s:.2f} s behind the 4:00.00 target"
    assert card.lines[2].endswith("s ahead of Kipyegon 2023")
    assert not any("4:06.42" in line for line in (card.headline, *card.lines))
    whole = end_text(mile, wr_2023, end_s=mile.race_end_s)  # to the finish: the result
    assert whole == end_text(mile, wr_2023) and whole.headline == "4:06.42"


def test_an_export_tells_its_source_where_the_clip_ends(qapp, tmp_path):
    from racegui.export.cards import draw_card
    from racegui.export.options import ExportOptions
    from racegui.export.pipeline import export
    from racegui.export.scene_source import SceneFrameSource, image_to_rgb

    replay = load_replay(demo_path())
    source = SceneFrameSource(replay, DARK, (320, 180))
    options = ExportOptions(
        output=tmp_path / "clip.png", size=(320, 180), fps=5, from_s=118.0, to_s=119.0
    )
    try:
        export(source, dataclasses.replace(options, output=tmp_path / "f_%02d.png"))
        clip_end = draw_card(end_text(replay, None, 119.0), (320, 180), DARK)
        assert np.array_equal(source.card_frame("end"), image_to_rgb(clip_end))
    finally:
        source.close()


def _colour_share(frame: np.ndarray, colour: str) -> float:
    """Share of a (h, w, 3) frame's pixels within 8 levels of colour ("#rrggbb")."""
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return float(np.mean(np.abs(frame.astype(int) - rgb).max(axis=2) <= 8))


@pytest.mark.parametrize("kind", ["title", "end"])
def test_the_cards_take_the_followed_runners_colour(qapp, kind):
    """Following Sara Lane (blue), the cards' kicker and bar had stayed in the first
    runner's pink: they are in her colour, as the track's clock bar is."""
    from racegui.export.scene_source import SceneFrameSource

    data = two_runner_data()
    blue, pink = "#5aa9ff", "#ff2d6f"  # both legible on the dark card as they are
    data["athletes"][0]["colour"], data["athletes"][1]["colour"] = pink, blue
    replay = compile_race(race_from_data(data))
    shares = {}
    for who in ("r", "s"):
        source = SceneFrameSource(replay.following(who), DARK, (640, 360))
        try:
            frame = source.card_frame(kind)
        finally:
            source.close()
        shares[who] = (_colour_share(frame, blue), _colour_share(frame, pink))
    assert shares["r"][0] == 0.0 and shares["r"][1] > 0.0002
    assert shares["s"][1] == 0.0 and shares["s"][0] > 0.0002


def test_an_end_card_level_with_the_target_says_so(mile):
    """A finish on the target's time to the hundredth read "0.00 s ahead of the 4:00.00
    target", where the compared race's line says "Level with"."""
    data = json.loads(demo_path().read_text(encoding="utf-8"))
    data["target"]["time"] = "4:06.42"
    level = end_text(compile_race(race_from_data(data)))
    assert level.lines[0] == "Level with the 4:06.42 target"
    assert end_text(mile).lines[0] == "6.42 s behind the 4:00.00 target"


def test_the_title_card_counts_runners_past_three_and_names_none_for_one():
    from tests.helpers_race import mile_runners_data

    laps = [("61.00", "2:02.00", "3:03.00", f"4:{10 + k}.00") for k in range(5)]
    field = compile_race(race_from_data(mile_runners_data(*laps)))
    line = title_text(field).lines[1]
    assert line == "With Runner 1, Runner 2, Runner 3 and 1 other"
    demo = load_replay(demo_path())
    assert not any(line.startswith("With ") for line in title_text(demo).lines)


def test_a_clip_played_fast_says_so_on_its_title_card(qapp, tmp_path, mile):
    """A 4x clip's title card said nothing of its speed: only the race frames' small badge
    did (presenter's review)."""
    from racegui.export.cards import draw_card
    from racegui.export.options import ExportOptions
    from racegui.export.pipeline import export
    from racegui.export.scene_source import SceneFrameSource, image_to_rgb

    assert "Played at 4× speed" in title_text(mile, None, None, "4× speed").lines
    assert not any("Played" in line for line in title_text(mile).lines)
    source = SceneFrameSource(mile, DARK, (320, 180))
    options = ExportOptions(
        output=tmp_path / "f_%02d.png",
        size=(320, 180),
        fps=2,
        to_s=4.0,
        speed=4.0,
        title_card_s=1.0,
    )
    try:
        real_time = source.card_frame("title")
        export(source, options)
        card = draw_card(title_text(mile, None, (0.0, 4.0), "4× speed"), (320, 180), DARK)
        assert np.array_equal(source.card_frame("title"), image_to_rgb(card))
        assert not np.array_equal(source.card_frame("title"), real_time)
    finally:
        source.close()
