"""The title card of a part clip says what part of the race it shows ("From 3:00 (lap 3 of
4) to the finish"): a clip from 3:00 had a card reading as the whole race's."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

import racegui.export.scene_source as scene_source  # noqa: E402
from racegui.export.cards import span_text, title_text  # noqa: E402
from racegui.export.options import ExportOptions  # noqa: E402
from racegui.export.pipeline import export  # noqa: E402
from racegui.export.scene_source import SceneFrameSource  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402


@pytest.fixture(scope="module")
def replay():
    return load_replay(demo_path())


@pytest.fixture(scope="module")
def metric():
    return load_replay(demo_path().parent / "example-1500m.json")


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (180.0, 246.42, "From 3:00 (lap 3 of 4) to the finish"),
        (183.29, 246.42, "Last lap, from 3:03.29 to the finish"),  # her bell: 3:03.29
        (183.0, 246.42, "Last lap, from 3:03 to the finish"),  # 0.29 s before it
        (190.0, 246.42, "From 3:10 (lap 4 of 4) to the finish"),
        (235.0, 246.42, "From 3:55 (lap 4 of 4) to the finish"),  # the last 70 m
        (190.0, 200.5, "From 3:10 (lap 4 of 4) to 3:20.50 (lap 4 of 4)"),
        (183.3, 200.5, "From 3:03.30 (lap 4 of 4) to 3:20.50 (lap 4 of 4)"),  # not to the finish
        (0.0, 165.0, "From the start to 2:45 (lap 3 of 4)"),
        (90.0, 165.0, "From 1:30 (lap 2 of 4) to 2:45 (lap 3 of 4)"),
        (0.0, 246.42, ""),  # the whole race: nothing to say
    ],
)
def test_the_span_is_said_in_laps_and_times(replay, start, end, text):
    assert span_text(replay, start, end) == text


def test_last_lap_is_said_only_of_a_clip_of_the_whole_last_lap(replay):
    """A clip from 3:55, the last 70 m, had a card reading "Last lap, from 3:55 to the
    finish", read as the whole lap (reviewer R12): "Last lap" only for a clip from the bell
    (within BELL_TOLERANCE_S) to the finish."""
    bell = float(replay.time_at_distance(replay.focus, replay.race.distance_m - 400.0))
    assert round(bell, 2) == 183.29
    finish = float(replay.finish_time_s[replay.focus])
    inside = bell + 0.49  # BELL_TOLERANCE_S is 0.5 s
    assert span_text(replay, inside, finish).startswith("Last lap, from ")
    late = bell + 0.51
    assert span_text(replay, late, finish) == "From 3:03.80 (lap 4 of 4) to the finish"
    assert "Last lap" not in span_text(replay, 235.0, finish)


def test_a_metric_race_names_its_part_lap(metric):
    assert span_text(metric, 20.0, 60.0) == "From 0:20 (the first 300 m) to 1:00 (lap 1 of 3)"
    assert span_text(metric, 0.0, metric.race_end_s) == ""


def test_the_title_card_adds_the_line_only_for_a_part_clip(replay):
    whole = title_text(replay)
    assert title_text(replay, span=(0.0, replay.race_end_s)) == whole
    part = title_text(replay, span=(180.0, 246.42))
    assert part.lines == (whole.lines[0], "From 3:00 (lap 3 of 4) to the finish", *whole.lines[1:])
    assert (part.kicker, part.headline, part.footer) == (whole.kicker, whole.headline, whole.footer)


@pytest.mark.parametrize(
    ("from_s", "to_s", "line"),
    [(180.0, None, "From 3:00 (lap 3 of 4) to the finish"), (None, 10.0, None)],
)
def test_an_export_s_title_card_says_its_span(
    qapp, replay, tmp_path, monkeypatch, from_s, to_s, line
):
    drawn = []
    real = scene_source.draw_card

    def spy(text, *args, **kwargs):
        drawn.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(scene_source, "draw_card", spy)
    source = SceneFrameSource(replay, DARK, (320, 180), panel=False)
    options = ExportOptions(
        output=tmp_path / "f_%03d.png",
        size=(320, 180),
        fps=1,
        speed=64.0 if to_s is None else 1.0,
        from_s=from_s,
        to_s=to_s,
        panel=False,
        title_card_s=1.0,
    )
    try:
        export(source, options)
    finally:
        source.close()
    title = drawn[0]
    assert title.kicker == "RACE REPLAY"
    expected = line or "From the start to 0:10 (lap 1 of 4)"
    assert title.lines[1] == expected
