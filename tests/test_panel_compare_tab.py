"""The splits card's comparison tab: her laps against another race's runner, line by line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from racegui.cli_compare import compare_data
from racegui.io.race_file import race_from_data
from racegui.io.replay_file import compare_options, read_replay
from racegui.model.replay import Replay, compile_race
from racegui.model.timefmt import format_delta, format_published
from racegui.ui.panel.compare_tab import compare_names
from racegui.ui.panel.splits_model import NOT_YET
from racegui.ui.panel.splits_table import COMPARE, LAPS, SPLITS
from racegui.ui.panel.style import AHEAD, BEHIND
from racegui.ui.theme import LIGHT
from racegui.ui.ui_paths import demo_path
from tests.helpers_panel import shown_panel
from tests.helpers_race import club_dnf_data, demo_data, minimal_data

WR = demo_path("kipyegon-wr-2023.json")


@pytest.fixture
def demo_and_wr():
    shown = read_replay(demo_path())
    return shown, read_replay(WR, compare_options(shown))


def _texts(panel, row: int) -> list[str]:
    model = panel.splits.view.model()
    return [model.index(row, c).data() for c in range(model.columnCount())]


def _colour(panel, row: int, column: int) -> str:
    model = panel.splits.view.model()
    return model.index(row, column).data(Qt.ItemDataRole.ForegroundRole).name()


def test_the_tab_shows_her_published_splits_against_2023_as_she_reaches_each(qtbot, demo_and_wr):
    """Both miles publish 400, 800 and 1200 m splits: the tab compares those (a dot each, as
    the split tabs mark theirs), not the finish-line crossings 409, 809 and 1209 m read from
    the model (coach's review)."""
    shown, wr = demo_and_wr
    panel = shown_panel(qtbot, shown)
    splits = panel.splits
    assert not splits.buttons.button(COMPARE).isVisible()  # no comparison: no tab
    panel.set_compare(wr)
    assert splits.mode == COMPARE and splits.mode_name == "compare"
    button = splits.buttons.button(COMPARE)
    assert button.isVisible() and button.isChecked() and button.text() == "vs 2023"
    assert button.toolTip().startswith("Published splits of Faith Kipyegon against Faith")
    model = splits.view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Dist", "Elapsed", "2023", "Gap", "Δ split"]
    assert [model.index(r, 0).data() for r in range(4)] == ["400", "800", "1200", "Finish"]
    dot = model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert all(
        model.index(r, 0).data(Qt.ItemDataRole.DecorationRole).cacheKey() == dot.cacheKey()
        for r in range(4)
    )
    assert dot.cacheKey() == model._dot.cacheKey() and not model.has_estimates
    panel.update_frame(181.8)  # just before her 3:01.84 at 1200 m
    assert _texts(panel, 2) == ["1200", NOT_YET, NOT_YET, NOT_YET, NOT_YET]
    panel.update_frame(182.0)  # just after it (the bell, 1209 m, is at 3:03.30)
    assert _texts(panel, 2) == ["1200", "3:01.84", "3:06.66", "-4.82", "-0.97"]
    assert _texts(panel, 3) == ["Finish", NOT_YET, NOT_YET, NOT_YET, NOT_YET]  # no spoiler
    style = panel._style
    assert _colour(panel, 2, 3) == style.colour_of(AHEAD).lower()
    panel.update_frame(250.0)  # after her finish
    assert _texts(panel, 3) == ["Finish", "4:06.42", "4:07.64", "-1.22", "+3.60"]
    assert _colour(panel, 3, 3) == style.colour_of(AHEAD).lower()  # ahead at the line
    assert _colour(panel, 3, 4) == style.colour_of(BEHIND).lower()  # but the stretch slower
    panel.update_frame(0.0)  # back to the gun: nothing run yet
    assert all(_texts(panel, r)[1:] == [NOT_YET] * 4 for r in range(model.rowCount()))


def wr_by_eye() -> Replay:
    """2023 with its 400 and 800 m splits marked estimated (read off a video): one split
    short of the finish both publish, too few to compare splits by."""
    data = demo_data("kipyegon-wr-2023.json")
    for split in data["athletes"][0]["splits"][:2]:
        split["estimated"] = True
    return compile_race(race_from_data(data))


def test_without_two_shared_published_splits_the_tab_compares_laps(qtbot, demo_and_wr):
    shown, _ = demo_and_wr
    panel = shown_panel(qtbot, shown)
    panel.set_compare(wr_by_eye())
    model = panel.splits.view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Lap", "Elapsed", "2023", "Gap", "Δ lap"]
    assert panel.splits.buttons.button(COMPARE).toolTip().startswith("Laps of Faith Kipyegon")
    panel.update_frame(185.0)  # 3:05: past the bell (3:03.30), before the finish
    assert _texts(panel, 3) == ["3 · 1209 m", "3:03.30", "3:08.09", "-4.79", "-0.92"]
    assert _texts(panel, 4) == ["4 · 1609 m", NOT_YET, NOT_YET, NOT_YET, NOT_YET]  # no spoiler
    style = panel._style
    assert _colour(panel, 3, 3) == style.colour_of(AHEAD).lower()
    panel.update_frame(250.0)  # after her finish
    assert _texts(panel, 4) == ["4 · 1609 m", "4:06.42", "4:07.64", "-1.22", "+3.57"]
    assert _colour(panel, 4, 3) == style.colour_of(AHEAD).lower()  # ahead at the line
    assert _colour(panel, 4, 4) == style.colour_of(BEHIND).lower()  # but the lap slower


def test_the_tab_reads_as_info_compare_prints(qtbot, demo_and_wr):
    shown, wr = demo_and_wr
    panel = shown_panel(qtbot, shown, theme=LIGHT)
    panel.set_compare(wr)
    panel.update_frame(300.0)
    data = compare_data(shown, wr, digits=None)
    assert data["rows"] == "splits"
    rows = data["splits"]
    assert panel.splits.view.model().rowCount() == len(rows) == 4
    for row, split in enumerate(rows):
        want = [
            format_published(split["time_s"], split["decimals"]),
            format_published(split["other_time_s"], split["other_decimals"]),
            format_delta(split["gap_s"]),
            format_delta(split["split_delta_s"]),
        ]
        assert _texts(panel, row)[1:] == want
    assert _texts(panel, 0)[2] == "1:02.6"  # 2023's 400 m split, published to the tenth


def test_clearing_the_comparison_takes_the_tab_away(qtbot, demo_and_wr):
    shown, wr = demo_and_wr
    panel = shown_panel(qtbot, shown)
    splits = panel.splits
    splits.set_mode(SPLITS)  # the coach's tab before comparing
    panel.set_compare(wr)
    panel.update_frame(185.0)
    assert splits.mode == COMPARE
    panel.set_compare(None)
    assert splits.mode == SPLITS  # the tab chosen before
    assert not splits.buttons.button(COMPARE).isVisible() and not splits.compare_available
    splits.set_mode(COMPARE)  # View > Splits table > 4 without a comparison: no such tab
    assert splits.mode == SPLITS
    panel.set_compare(wr)  # and back again
    assert splits.mode == COMPARE and splits.compare_available


def test_following_another_runner_rebuilds_the_tab_for_her(qtbot, demo_and_wr):
    shown, wr = demo_and_wr
    panel = shown_panel(qtbot, shown)
    panel.set_compare(wr)
    panel.set_replay(compile_race(race_from_data(minimal_data())))  # "Runner" over a mile
    splits = panel.splits
    assert (
        splits.compare_available and splits.buttons.button(COMPARE).text() == "Kipyegon"
    )  # "vs Kipyegon" is wider than the room
    panel.update_frame(300.0)  # her splits are the demo's: compared split by split
    assert _texts(panel, 3)[:3] == ["Finish", "4:06.42", "4:07.64"]


def test_names_tell_the_race_apart():
    shown = read_replay(demo_path())
    wr = read_replay(WR, compare_options(shown))
    names = compare_names(shown, wr)
    assert (names.tab, names.column) == ("vs 2023", "2023")
    assert "Faith Kipyegon" in names.tip and "2023-07-21" in names.tip
    heat = demo_data()
    heat["title"] = "Breaking4 heat"  # the same runner, the same day: the title tells
    names = compare_names(shown, compile_race(race_from_data(heat)))
    assert (names.tab, names.column) == ("vs heat", "heat")
    other = compile_race(race_from_data(minimal_data()))  # another runner: her name
    names = compare_names(shown, other)
    assert (names.tab, names.column) == ("vs Runner", "Runner")
    names = compare_names(other, wr)  # another runner's race of a year: her name, the year
    assert (names.tab, names.column) == ("vs Kipyegon", "2023")


@pytest.mark.parametrize(
    ("by_eye", "before", "after"),
    [
        (False, ["1000", "Finish"], ["1000", "DNF 2000"]),
        (True, ["Start · 200 m", "7 · 3000 m"], ["Start · 200 m", "DNF · 2000 m"]),
    ],
)
def test_a_runner_who_stops_keeps_her_stop_to_herself(qtbot, by_eye, before, after):
    """Her published splits at 1000 and 2000 m against the other's (by_eye: the other's
    marked estimated, so her laps): a finisher's table until she stops, then her own."""
    data = club_dnf_data()
    ava = compile_race(race_from_data(data)).following("ava-reid")
    data["title"] = "Club 3000 rerun"
    if by_eye:
        for athlete in data["athletes"]:
            for split in athlete["splits"]:
                split["estimated"] = True
    other = compile_race(race_from_data(data))  # Ava's own run in another race
    panel = shown_panel(qtbot, ava)
    panel.set_compare(other)
    model = panel.splits.view.model()
    panel.update_frame(60.0)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert not any("DNF" in label for label in labels)  # a finisher's table until she stops
    assert [labels[0], labels[-1]] == before
    if not by_eye:  # her finish marked as her splits are: no missing dot, no italics
        dots = [model.index(r, 0).data(Qt.ItemDataRole.DecorationRole) for r in range(3)]
        assert all(dot.cacheKey() == model._dot.cacheKey() for dot in dots)
        assert not model.has_estimates
    panel.update_frame(ava.focus_stop_s - 0.5)
    assert model.rowCount() == len(labels)
    panel.update_frame(ava.focus_stop_s + 5.0)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert [labels[0], labels[-1]] == after
    assert _texts(panel, model.rowCount() - 1)[1] == "6:30.40"


def test_frames_make_no_widgets(qtbot, demo_and_wr):
    shown, wr = demo_and_wr
    panel = shown_panel(qtbot, shown)
    panel.set_compare(wr)
    panel.update_frame(1.0)
    before = len(panel.findChildren(QWidget))
    for k in range(200):
        panel.update_frame(1.0 + 1.3 * k)
    assert len(panel.findChildren(QWidget)) == before


def test_the_export_draws_the_tab(qtbot, demo_and_wr):
    from racegui.export.scene_source import SceneFrameSource
    from racegui.ui.theme import DARK

    shown, wr = demo_and_wr
    # Closed as every export closes its scene (deleteLater): one left to the garbage
    # collector was painted while half gone, a crash in 1 of 2 runs.
    source = SceneFrameSource(shown, DARK, (1920, 1080), compare=wr)
    try:
        source.frame_at(185.0)
        panel = source.scene.panel
        assert panel.splits.mode == COMPARE and panel.splits.buttons.button(COMPARE).isVisible()
        assert _texts(panel, 2)[3] == "-4.82" and _texts(panel, 3)[3] == NOT_YET
    finally:
        source.close()
    without = SceneFrameSource(shown, DARK, (1920, 1080))
    try:
        without.frame_at(185.0)
        assert without.scene.panel.splits.mode == LAPS
        assert not without.scene.panel.splits.buttons.button(COMPARE).isVisible()
    finally:
        without.close()


def test_the_window_offers_the_tab_while_comparing(window):
    actions = window.actions
    assert not actions["splits_compare"].isEnabled()
    assert window.open_compare(WR)
    splits = window.scene.panel.splits
    assert splits.mode == COMPARE and actions["splits_compare"].isChecked()
    actions["splits_laps"].trigger()
    assert splits.mode == LAPS and actions["splits_laps"].isChecked()
    actions["splits_compare"].trigger()
    assert splits.mode == COMPARE and actions["splits_compare"].isChecked()
    assert window.settings.splits_for(window.path) == "laps"  # a file never opens on it
    window.clear_compare()
    assert splits.mode == LAPS and actions["splits_laps"].isChecked()
    assert not actions["splits_compare"].isEnabled()


def test_a_long_name_leaves_the_narrowest_panel_whole(qtbot):
    """The tab "vs Tsegay-Gebrhiwet" had pushed the splits card past a 380 px panel."""
    shown = compile_race(race_from_data(minimal_data()))
    data = demo_data()
    data["athletes"][0]["name"] = "Gudaf Tsegay-Gebrhiwet"
    other = compile_race(race_from_data(data))
    panel = shown_panel(qtbot, shown, size=(380, 1000))
    panel.set_compare(other)
    qtbot.wait(10)
    assert panel.splits.buttons.button(COMPARE).text().endswith("…")
    assert (
        panel.splits.buttons.button(COMPARE)
        .toolTip()
        .startswith("Published splits of Runner against Gudaf")
    )
    viewport = panel._scroll.viewport()
    assert panel._content.width() <= viewport.width()
    assert panel.splits.geometry().right() < viewport.width()
