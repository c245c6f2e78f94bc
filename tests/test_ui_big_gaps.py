"""A runner far behind her target (a club back-marker against a group target): the gap reads
as a time, the panel shows it whole, the track's gap arc keeps to the kerb, and the pacers'
strip labels its minutes without running them together."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from racegui.io.race_file import read_race  # noqa: E402
from racegui.model.replay import Replay, compile_race  # noqa: E402
from racegui.model.timefmt import format_gap  # noqa: E402
from racegui.ui.panel import SidePanel  # noqa: E402
from racegui.ui.panel.live_text import LiveText  # noqa: E402
from racegui.ui.panel.timeline_strip import minute_step  # noqa: E402
from racegui.ui.race_status import Gap  # noqa: E402
from racegui.ui.scene import ReplayScene  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.track_view import GAP_STEP_M, gap_arc_m  # noqa: E402
from tests.helpers_race import minimal_data, write_json  # noqa: E402

FAR_S = 235.0
"""Race time (s) when a 7:03 miler is over a lap and a minute behind a 4:00.00 target."""
LATE_S = FAR_S


@pytest.fixture(scope="module")
def far_behind(tmp_path_factory) -> Replay:
    """A mile run in 7:03.00 against a 4:00.00 target."""
    data = minimal_data()
    times = ("1:45.00", "3:30.00", "5:15.00", "7:03.00")
    for split, time in zip(data["athletes"][0]["splits"], times, strict=True):
        split["time"] = time
    path = tmp_path_factory.mktemp("far") / "far.json"
    return compile_race(read_race(write_json(path, data)))


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (1.454, "+1.45 s"),
        (-0.35, "-0.35 s"),
        (0.004, "0.00 s"),
        (59.994, "+59.99 s"),
        (59.996, "+1:00.00"),
        (125.81, "+2:05.81"),
        (-754.0, "-12:34.00"),
    ],
)
def test_a_gap_of_a_minute_or_more_reads_as_a_time(seconds, text):
    assert format_gap(seconds) == text
    assert Gap("Target", seconds, 676.4).text() == f"{text} / 676.4 m"


def test_the_far_gap_is_over_a_lap_then_over_a_minute(far_behind):
    st = far_behind.state_at(FAR_S)
    r, target = far_behind.focus, far_behind.target
    assert st.distance_m[target] - st.distance_m[r] > 400.0
    assert far_behind.state_at(LATE_S).gap_to_target_s > 60.0


def test_gap_arc_points_are_close_and_under_a_lap():
    for start, end in ((0.0, 5.0), (100.0, 400.0), (900.0, 1609.34), (1609.0, 20.0)):
        arc = gap_arc_m(start, end, 400.0)
        assert arc[0] == start
        assert len(arc) >= 24
        assert np.all(np.abs(np.diff(arc)) <= GAP_STEP_M + 1e-9)
        assert abs(arc[-1] - start) < 400.0
        assert np.sign(arc[-1] - start) == np.sign(end - start)


def test_drawn_gap_arc_keeps_to_the_kerb_over_a_lap(qtbot, far_behind):
    scene = ReplayScene(far_behind, DARK)
    qtbot.addWidget(scene)
    scene.resize(1600, 900)
    scene.update_frame(FAR_S)
    arc = scene.track.gap_arc
    assert arc.isVisible()
    path = arc.path()
    xy = np.array([(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())])
    chords = np.hypot(*np.diff(xy, axis=0).T)
    # Chords no longer than the step: none cuts across the infield (old: 27 m and more).
    assert chords.max() <= GAP_STEP_M + 0.01
    # One lap at most (the kerb's lap inside lane 1 is shorter than 400 m), not wound round.
    assert chords.sum() < 400.0


def test_panel_shows_a_far_gap_and_its_projection_whole(qtbot, far_behind):
    panel = SidePanel(far_behind, DARK)
    qtbot.addWidget(panel)
    panel.resize(420, 1000)
    panel.show()
    panel.update_frame(LATE_S)
    QApplication.processEvents()
    gap = far_behind.state_at(LATE_S).gap_to_target_s
    assert panel.gap.gap_text() == format_gap(gap)
    assert ":" in panel.gap.gap_text() and not panel.gap.gap_text().endswith(" s")
    versus = panel.gap.versus
    assert versus.text().endswith("vs 4:00.00")
    assert versus.text().startswith("+3:")  # about three minutes slower than 4:00.00
    for text in (panel.gap.seconds, versus):
        assert text.width() >= text.fontMetrics().horizontalAdvance(text.text())


def test_live_text_grows_to_a_longer_text(qtbot):
    text = LiveText("+88.8")
    qtbot.addWidget(text)
    before = text.sizeHint().width()
    assert text.set_text("+1.2")  # shorter: shown, no growth
    assert text.sizeHint().width() == before
    text.set_text("+12:34.5 vs 15:30.00")
    assert text.sizeHint().width() >= text.fontMetrics().horizontalAdvance(text.text())


@pytest.mark.parametrize(
    ("label_px", "minute_px", "step"),
    [(30.0, 90.0, 1), (30.0, 20.0, 2), (30.0, 11.0, 5), (30.0, 4.0, 10), (30.0, 0.4, 120)],
)
def test_minute_marks_are_labelled_where_labels_fit(label_px, minute_px, step):
    assert minute_step(label_px, minute_px) == step
    assert step * minute_px >= label_px or step == 240
