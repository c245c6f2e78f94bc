"""Side panel behaviour: pacers count, dropout feed, gap readout, splits table, seeking, themes."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtWidgets import QLabel  # noqa: E402

from racegui.io.race_file import read_race
from racegui.model import analysis  # noqa: E402
from racegui.model.replay import Replay, compile_race  # noqa: E402
from racegui.model.timefmt import format_delta, format_time  # noqa: E402
from racegui.resources_path import demo_race_path  # noqa: E402
from racegui.ui.panel import SidePanel  # noqa: E402
from racegui.ui.panel.live_text import LiveText  # noqa: E402
from racegui.ui.panel.splits_model import NOT_YET  # noqa: E402
from racegui.ui.panel.splits_table import SPLITS  # noqa: E402
from racegui.ui.theme import DARK, LIGHT  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def race_path(name: str = "breaking4-2025.json") -> Path:
    """A shipped demo race file."""
    return Path(demo_race_path(name))


@pytest.fixture(scope="module")
def replay() -> Replay:
    return compile_race(read_race(race_path()))


@pytest.fixture(scope="module")
def replay_1500() -> Replay:
    return compile_race(read_race(race_path("example-1500m.json")))


@pytest.fixture
def panel(qtbot, replay) -> SidePanel:
    p = SidePanel(replay, DARK)
    qtbot.addWidget(p)
    p.resize(420, 1000)
    return p


@pytest.mark.parametrize("t", [0.0, 60.0, 118.0, 119.5, 150.0, 200.0, 220.0, 240.0, 243.5, 250.0])
def test_pacers_running_label_matches_analysis(panel, replay, t):
    panel.update_frame(t)
    assert panel.pacers.running_text() == f"{analysis.pacers_running(replay, t)} / 13"


def test_breaking4_pacers_go_from_13_to_5(panel):
    panel.update_frame(0.0)
    assert panel.pacers.running_text() == "13 / 13"
    panel.update_frame(225.0)
    assert panel.pacers.running_text() == "5 / 13"


def test_dropout_feed_follows_seeks_forward_and_back(panel, replay):
    drops = analysis.dropouts(replay)
    for t in (200.0, 100.0, 130.0, 0.0, 150.0, 250.0, 119.0):
        panel.update_frame(t)
        expected = [d for d in drops if d.time_s <= t]
        assert panel.pacers.feed.shown_dropouts() == expected, t
    assert [d.name for d in panel.pacers.feed.shown_dropouts()] == ["Jemma Reekie"]


def test_dropout_feed_shows_newest_on_top(panel, replay):
    panel.show()
    panel.update_frame(160.0)
    feed = panel.pacers.feed
    shown = [row for row in feed.rows if not row.isHidden()]
    top_down = sorted(shown, key=lambda row: feed.widget().layout().indexOf(row))
    assert [row.dropout.time_s for row in top_down] == sorted(
        (d.time_s for d in analysis.dropouts(replay) if d.time_s <= 160.0), reverse=True
    )
    assert feed.empty.isHidden()
    panel.update_frame(10.0)
    assert not feed.empty.isHidden()


def test_estimated_dropouts_are_tagged(panel, replay):
    panel.update_frame(130.0)
    rows = [row for row in panel.pacers.feed.rows if not row.isHidden()]
    assert rows and all(row.est.text() == ("est." if row.dropout.estimated else "") for row in rows)
    assert rows[0].time.text() == format_time(rows[0].dropout.time_s, 2)


def test_a_published_dropout_s_row_is_as_tall_after_leaving_presentation_mode(qapp):
    """Its empty "est." label kept the height of presentation mode's font on a 4K screen
    (scale 2.8): back at scale 1 the row was 37 px where its text needs 22."""
    from racegui.ui.panel.dropout_feed import DropoutRow
    from racegui.ui.panel.style import PanelStyle

    published = analysis.Dropout("p1", "Pacer 1", 100.0, 500.0, estimated=False)
    row, plain = DropoutRow(published, "#4aa3ff"), DropoutRow(published, "#4aa3ff")
    plain.apply_style(PanelStyle(DARK, 1.0))
    row.apply_style(PanelStyle(DARK, 2.8, presentation=True))
    assert row.sizeHint().height() > 2 * plain.sizeHint().height()  # laid out in presentation
    row.apply_style(PanelStyle(DARK, 1.0))
    assert row.est.text() == ""
    assert row.sizeHint().height() == plain.sizeHint().height()


def test_clicking_a_dropout_seeks_to_its_time(qtbot, panel, replay):
    panel.show()
    panel.update_frame(200.0)
    row = next(row for row in panel.pacers.feed.rows if row.dropout.name == "Pacer 13")
    with qtbot.waitSignal(panel.seek_requested, timeout=1000) as blocker:
        qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert blocker.args == [pytest.approx(row.dropout.time_s)]


@pytest.mark.parametrize("t", [40.0, 60.0, 120.0, 200.0, 240.0])
def test_gap_readout_matches_model_and_is_behind_coloured(panel, replay, t):
    panel.update_frame(t)
    gap = replay.state_at(t).gap_to_target_s
    assert gap > 0
    assert panel.gap.gap_text() == format_delta(gap) + " s"
    assert panel.gap.word.text() == "BEHIND"
    assert QColor(panel.gap.gap_colour()) == QColor(DARK.behind)
    metres = replay.state_at(t).gap_to_target_m
    assert panel.gap.metres.text() == f"{abs(metres):.1f} m"
    assert panel.gap.projected.text() == format_time(replay.projected_finish_s(t), 1)


def test_after_the_light_finishes_the_metres_say_when_they_were_measured(panel, replay):
    target_finish = float(replay.finish_time_s[replay.target])
    panel.update_frame(target_finish - 1.0)
    assert panel.gap.metres_caption.text() == "distance"
    for t in (target_finish + 1.0, target_finish + 5.0):
        panel.update_frame(t)
        metres = replay.state_at(t).gap_to_target_m
        assert panel.gap.metres.text() == f"{abs(metres):.1f} m"
        assert panel.gap.metres_caption.text() == f"at {format_time(target_finish)}"


def test_gap_readout_level_at_start_and_final_after_finish(panel, replay):
    panel.update_frame(0.0)
    assert panel.gap.gap_text() == "0.00 s"
    assert QColor(panel.gap.gap_colour()) == QColor(DARK.text)
    # Before the gun there is no pace to project (it showed the first split's, 4:01.5).
    assert panel.gap.projected.text() == "—" and panel.gap.versus.text() == ""
    panel.update_frame(0.5)  # her pace over 200 m is the projection's: none yet
    assert panel.gap.projected.text() == "—"
    panel.update_frame(35.0)
    assert panel.gap.projected.text() == format_time(replay.projected_finish_s(35.0), 1) != "—"
    panel.update_frame(248.0)
    assert panel.gap.gap_text() == "+6.42 s"
    assert panel.gap.projected_caption.text() == "FINISHED"
    assert panel.gap.projected.text() == "4:06.42"


def test_gap_readout_ahead_colour(qtbot, replay_1500):
    p = SidePanel(replay_1500, LIGHT)
    qtbot.addWidget(p)
    t = next(
        float(t)
        for t in np.arange(1.0, replay_1500.duration_s, 0.5)
        if replay_1500.state_at(float(t)).gap_to_target_s < -0.05
    )
    p.update_frame(t)
    gap = replay_1500.state_at(t).gap_to_target_s
    assert p.gap.gap_text() == format_delta(gap) + " s"
    assert p.gap.gap_text().startswith("-")
    assert p.gap.word.text() == "AHEAD"
    assert QColor(p.gap.gap_colour()) == QColor(LIGHT.ahead)


def test_update_frame_reuses_a_given_state(panel, replay):
    t = 131.7
    panel.update_frame(t, replay.state_at(t))
    with_state = panel.gap.gap_text(), panel.gap.projected.text()
    panel.update_frame(0.0)
    panel.update_frame(t)
    assert (panel.gap.gap_text(), panel.gap.projected.text()) == with_state


def test_splits_table_highlights_current_lap_and_hides_future(panel, replay):
    laps = analysis.lap_table(replay)
    panel.update_frame(130.0)  # laps Start, 1 and 2 done; lap 3 being run
    model = panel.splits.laps_model
    assert model.current_row() == 3
    for r in range(model.rowCount()):
        elapsed = model.data(model.index(r, 1))
        delta = model.data(model.index(r, 4))
        background = model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole)
        if r < 3:
            assert elapsed == format_time(laps[r].time_s)
            assert delta == format_delta(laps[r].delta_s)
            assert background is None
        else:
            assert elapsed == NOT_YET and delta == NOT_YET
            assert (background is not None) == (r == 3)
    behind = model.data(model.index(2, 4), Qt.ItemDataRole.ForegroundRole)
    assert behind == QColor(DARK.behind)
    future = model.data(model.index(4, 1), Qt.ItemDataRole.ForegroundRole)
    assert future != QColor(DARK.text)
    panel.update_frame(50.0)  # rewind: lap 1 current again
    assert model.current_row() == 1
    assert model.data(model.index(2, 1)) == NOT_YET


def test_split_table_200m_rows(panel, replay):
    splits = analysis.split_table(replay, every_m=200.0)
    panel.splits.set_mode(SPLITS)
    assert panel.splits.view.model() is panel.splits.splits_model
    panel.update_frame(130.0)
    model = panel.splits.splits_model
    done = sum(s.time_s <= 130.0 for s in splits)
    assert model.current_row() == done
    assert model.data(model.index(done - 1, 1)) == format_time(splits[done - 1].time_s)
    assert model.data(model.index(done, 1)) == NOT_YET
    published = [r for r, s in enumerate(splits) if s.published]
    assert published
    for r in published:
        deco = model.data(model.index(r, 0), Qt.ItemDataRole.DecorationRole)
        assert deco is not None


def test_clicking_a_split_row_seeks(qtbot, panel, replay):
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.splits.view
    index = view.model().index(2, 1)
    rect = view.visualRect(index)
    with qtbot.waitSignal(panel.seek_requested, timeout=1000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [pytest.approx(analysis.lap_table(replay)[2].time_s)]


def test_set_replay_1500_and_set_theme(panel, replay_1500):
    panel.update_frame(200.0)
    panel.set_replay(replay_1500)
    assert panel.replay is replay_1500
    for t in (0.0, 100.0, 160.0, replay_1500.duration_s):
        panel.update_frame(t)
        assert panel.pacers.running_text() == f"{analysis.pacers_running(replay_1500, t)} / 1"
    assert panel.pacers.feed.shown_dropouts() == analysis.dropouts(replay_1500)
    assert panel.splits.laps_model.rowCount() == len(analysis.lap_table(replay_1500))
    panel.update_frame(60.0)
    assert replay_1500.state_at(60.0).gap_to_target_s > 0
    assert QColor(panel.gap.gap_colour()) == QColor(DARK.behind)
    panel.set_theme(LIGHT)
    assert panel.theme is LIGHT
    assert QColor(panel.gap.gap_colour()) == QColor(LIGHT.behind)
    assert LIGHT.panel_background in panel.styleSheet()
    assert DARK.panel_background not in panel.styleSheet()
    panel.set_theme(DARK)
    assert QColor(panel.gap.gap_colour()) == QColor(DARK.behind)


def test_set_scale_enlarges_fonts(panel):
    # Panel fonts are sized in whole pixels: 1.5x, to the pixel.
    before = panel.gap.seconds.font().pixelSize()
    assert before > 0
    panel.set_scale(1.5)
    assert panel.gap.seconds.font().pixelSize() == pytest.approx(before * 1.5, abs=1)
    assert panel.minimumWidth() >= 380 * 1.5 - 1
    panel.set_scale(1.0)
    assert panel.gap.seconds.font().pixelSize() == before


def test_minimum_width(panel):
    assert panel.minimumWidth() >= 380


def test_unchanged_time_touches_no_widget(panel, monkeypatch):
    panel.update_frame(100.0)
    calls: list[str] = []
    original_set_text = QLabel.setText
    original_update = LiveText.update

    def spy_set_text(self, text):
        calls.append(f"setText {text}")
        original_set_text(self, text)

    def spy_update(self, *args):
        calls.append("update")
        original_update(self, *args)

    monkeypatch.setattr(QLabel, "setText", spy_set_text)
    monkeypatch.setattr(LiveText, "update", spy_update)
    changed = []
    panel.splits.laps_model.dataChanged.connect(lambda *a: changed.append(a))
    panel.update_frame(100.0)
    assert calls == [] and changed == []
    panel.update_frame(100.0001)  # nothing shown changes in 0.1 ms
    assert [c for c in calls if c.startswith("setText")] == []
    assert changed == []
    panel.update_frame(200.0)  # the spies do see real changes
    assert "setText 5 / 13" in calls and "update" in calls and changed


def test_render_offscreen(tmp_path, panel):
    panel.show()
    for t in (0.0, 120.0, 240.0):
        panel.update_frame(t)
        image = panel.grab()
        assert image.width() == 420 and image.height() == 1000
        path = tmp_path / f"panel-{t:g}.png"
        assert image.save(str(path))
        assert path.stat().st_size > 10_000


def test_a_target_too_slow_for_a_pace_curve_draws_none(qtbot):
    # 1500 m in 50 minutes (0.5 m/s, the slowest a race file allows): the target has no
    # point fast enough for a pace, and the chart indexed an empty curve (IndexError).
    from racegui.model.race import Athlete, Race, Split, Target

    runner = Athlete("r", "Runner", "runner", splits=(Split(1500.0, 240.0),))
    replay = compile_race(Race("slow target", 1500.0, (runner,), target=Target(time_s=3000.0)))
    panel = SidePanel(replay, DARK)
    qtbot.addWidget(panel)
    panel.update_frame(120.0)
    assert panel.chart.target_text.textItem.toPlainText() == ""


def test_the_lap_figures_say_what_they_are_on_hover(panel):
    """ "LAP 3 / 4   57.8   +1.34" had no caption, and its labelled second line is hidden in
    a short window (user reviews): each figure says what it is on hover."""
    split = panel.lap_split
    assert "so far" in split.lap_time.toolTip() and "(s)" in split.lap_time.toolTip()
    assert "Behind (+)" in split.lap_delta.toolTip()
    assert all(w.toolTip() for w in split.findChildren(LiveText))


def test_the_lap_being_run_says_its_figures_are_so_far(panel):
    """Under the pace chart's "SECONDS PER 400 M", "LAP 3 / 4   59.2   +1.39" was read by an
    audience as a pace of 59.2 s per 400 m (presenter's review): the name says "so far"."""
    panel.update_frame(181.33)  # 3:01.33, lap 3 being run
    split = panel.lap_split
    assert split.lap_name.text() == "LAP 3 SO FAR"
    assert split.lap_time.text() == "59.2 s"  # 3:01.33 - 2:02.17 (lap 2 ended at 809 m)
    assert split.last_name.text() == "LAP 2  est."  # 809 m: between the 400 m marks


def test_a_lap_s_running_delta_starts_at_zero_on_its_timed_start(panel, replay):
    """PageDown onto "2 laps to go" (2:02.18, the crossing timed up from 2:02.170) showed
    "LAP 3 SO FAR  0.0  -0.01": the delta ran from the gap at her exact crossing."""
    from racegui.model import analysis

    lap2 = analysis.lap_table(replay)[2]
    assert lap2.time_s == pytest.approx(122.18)
    panel.update_frame(lap2.time_s)
    split = panel.lap_split
    assert (split.lap_name.text(), split.lap_time.text()) == ("LAP 3 SO FAR", "0.0 s")
    assert split.lap_delta.text() == "0.00 s"
