"""The figures near the Breaking4 finish agree with each other and with the line (reviewer:
at 4:06.40 the track's gap tag read "+6.41 s" beside the board's "+6.42 s", the lap card
"+3.48 s" before its lap's "+3.47 s", and the board "0 m to go" 0.12 m short of the line)."""

from __future__ import annotations

import pytest

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.model.timefmt import format_gap
from racegui.resources_path import demo_race_path
from racegui.ui.loading import load_replay
from racegui.ui.race_status import race_status
from racegui.ui.theme import DARK
from racegui.ui.ui_paths import demo_path

FPS = 30


@pytest.fixture(scope="module")
def mile():
    return load_replay(demo_path())


def test_metres_to_go_are_never_0_short_of_the_line():
    from racegui.model.timefmt import metres_to_go_text

    assert metres_to_go_text(0.12) == "1 m"
    assert metres_to_go_text(0.5) == "1 m"
    assert metres_to_go_text(1.4) == "1 m"  # to the nearest metre otherwise, as metres run
    assert metres_to_go_text(813.6) == "814 m"
    assert metres_to_go_text(1609.344) == "1,609 m"
    assert metres_to_go_text(0.0) == "0 m"


def test_the_scoreboard_counts_to_1_m_until_she_is_over_the_line(mile):
    status = race_status(mile, mile.state_at(246.40))  # 1609.22 m of 1609.344 m
    assert status.distance_text == "1,609 m run  ·  1 m to go"
    assert status.distance_forms == ("1 m to go",)
    f = mile.focus
    finish = float(mile.finish_time_s[f])
    for k in range(600):  # the last 20 s before her finish, frame by frame
        t = finish - k / FPS
        state = mile.state_at(t)
        status = race_status(mile, state)
        if status.finished:
            continue
        assert state.distance_m[f] < mile.race.distance_m
        assert "· 0 m to go" not in status.distance_text, t
        assert status.distance_forms[0] != "0 m to go", t


def test_the_gap_s_tag_says_the_scoreboard_s_seconds_as_it_fades_out(qapp):
    """The tag of the gap, gone 0.33 m before the line, faded out over 4:06.37-4:06.63 of
    an export reading "+6.41 s" beside the scoreboard's and the panel's "+6.42 s"
    (reviewer): every gap tag drawn, whole or fading, has the board's seconds."""
    replay = compile_race(read_race(demo_race_path()))
    source = SceneFrameSource(replay, DARK, (1920, 1080))
    sprites = source.scene.track.overlay._sprites
    draw = sprites.draw
    drawn: list[str] = []

    def spy(p, rect, key, paint, **options):
        if key[0] == "tag":
            drawn.append(key[1])
        return draw(p, rect, key, paint, **options)

    sprites.draw = spy
    gap_tags = 0
    try:
        for k in range(31):  # 4:06.00 to 4:07.00, as an export's frames at FPS
            t = 246.0 + k / FPS
            drawn.clear()
            source.frame_at(t)
            board = format_gap(source.scene.track.status.target_gap.seconds)
            tags = [x.split(" / ")[0] for x in drawn if x[:1] in "+-" and x.endswith(" s")]
            assert all(x == board for x in tags), (t, board, tags)
            gap_tags += len(tags)
    finally:
        source.close()
    assert gap_tags >= 15  # drawn whole to 4:06.33, then fading


def test_a_fading_copy_takes_the_live_words_only_where_they_fit_its_box(qapp):
    """A copy of a tag whose words follow the race is drawn saying this frame's, in its box
    or a narrower one about the same centre; a text wider than the box it went from (checked
    clear of the others) is not drawn rather than drawn over them."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QFont

    from racegui.ui.overlay import Label, _echo_now, _Metrics
    from racegui.ui.tag_fades import Echo

    m = _Metrics(QFont("DejaVu Sans", 14))
    red, green = QColor("#ff4d4d"), QColor("#3ddc84")
    lab = Label(0.0, 0.0, 0.0, 1.0, "+6.41 s", red, 2.0, key="gap")
    extra = 10.0
    box = QRectF(100.0, 50.0, m.horizontalAdvance(lab.text) + extra, 20.0)
    echo = Echo("gap", box, 246.33, 1.0, lab)
    assert _echo_now(echo, None, m, 500.0, extra) == (lab, box)
    shown, rect = _echo_now(echo, ("+6.42 s", red), m, 500.0, extra)
    assert (shown.text, shown.colour, rect) == ("+6.42 s", red, box)  # digits: one width
    shown, rect = _echo_now(echo, ("-0.1 s", green), m, 500.0, extra)
    assert shown.text == "-0.1 s" and shown.colour == green
    assert rect.width() < box.width() and rect.center() == box.center()
    assert _echo_now(echo, ("+10.00 s", red), m, 500.0, extra) is None


def test_each_lap_s_running_delta_ends_on_the_delta_the_lap_then_reads(qtbot):
    """ "LAP 4 SO FAR 1:03.1 +3.48 s" at 4:06.40, then "LAP 4 est. 1:03.12 +3.47 s" at the
    finish (reviewer): the running delta came from the model's gap (6.42 - 2.943 = 3.477 s),
    the lap's from its timed ends (63.12 - 59.65). Frame by frame at FPS, each lap's running
    delta starts at 0.00 s and its last frame reads the lap's delta; none reads beyond it."""
    from racegui.model import analysis
    from tests.helpers_panel import shown_panel

    replay = load_replay(demo_path())
    panel = shown_panel(qtbot, replay)
    split = panel.lap_split
    laps = analysis.lap_table(replay)
    start = 0.0
    for lap in laps:
        final = format_gap(lap.delta_s)
        read = []
        t = start + 1 / FPS
        while t < lap.time_s:
            panel.update_frame(t)
            read.append(split.lap_delta.text())
            t += 1 / FPS
        panel.update_frame(lap.time_s)
        assert split.last_delta.text() == final
        assert read[0] == "0.00 s" and read[-1] == final, (lap.number, read[-3:])
        assert max(read, key=lambda x: float(x.split()[0])) == final, lap.number
        start = lap.time_s
