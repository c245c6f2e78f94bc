"""A runner disqualified in the window (reviewer): the field card and her tag on the track
say "DQ", not "DNF", and she has no place once she has stopped where she was disqualified
or, disqualified after finishing, once she has finished. info: test_dq_results."""

from __future__ import annotations

import pytest

from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.app import ensure_app
from racegui.ui.panel.data import PanelData
from racegui.ui.panel.field_card import FieldCard
from racegui.ui.panel.style import PanelStyle
from racegui.ui.theme import LIGHT
from tests.helpers_panel import shown_panel
from tests.helpers_race import club_dnf_data, club_dq_data
from tests.helpers_tags import spy_pocket_tags
from tests.test_ui_dnf import _tags_at


@pytest.fixture(scope="module")
def replay():
    return compile_race(race_from_data(club_dq_data()))


def test_the_field_card_places_her_while_she_runs_and_says_dq_after(qtbot, replay):
    panel = shown_panel(qtbot, replay)
    panel.update_frame(300.0)  # everyone running: Mia Cole leads
    assert [(p, n) for p, n, _ in panel.field.shown_texts()] == [
        ("1", "Mia Cole"),
        ("2", "Zoe Hart"),
        ("3", "Ava Reid"),
    ]
    panel.update_frame(560.0)  # Mia Cole has finished (9:14.55), Ava Reid stopped long ago
    assert panel.field.shown_texts() == [
        ("1", "Zoe Hart", "Lap 7 of 7"),  # now the leader
        ("", "Mia Cole", "DQ · 9:14.55"),
        ("", "Ava Reid", "DQ · 2000 m"),
    ]
    panel.update_frame(580.0)  # Zoe Hart home: the winner, and no place for Mia Cole
    assert panel.field.shown_texts()[:2] == [
        ("1", "Zoe Hart", "9:31.02"),
        ("", "Mia Cole", "DQ · 9:14.55"),
    ]


def test_the_more_line_counts_a_dq_apart_from_a_dnf(qtbot, replay):
    data = club_dq_data()
    data["athletes"].append({**club_dnf_data()["athletes"][2], "id": "ida", "name": "Ida"})
    ensure_app()
    card = FieldCard()
    qtbot.addWidget(card)
    card.apply_style(PanelStyle(LIGHT))
    card.set_data(PanelData.build(compile_race(race_from_data(data)).following("zoe-hart")))
    card.list.setFixedHeight(2 * card.list.row_pitch())
    card.show()
    qtbot.waitExposed(card)
    card.update_frame(580.0)
    assert card.list.more_text() == "+ 3 more, 1 DNF, 2 DQ"


def test_her_tag_says_dq_once_she_stops_or_finishes(qapp, replay):
    assert {"Ava Reid", "Mia Cole"} <= set(_tags_at(replay, 300.0))
    late = _tags_at(replay, 560.0)
    assert {"Ava Reid · DQ", "Mia Cole · DQ"} <= set(late)
    assert not {"Ava Reid", "Mia Cole", "Ava Reid · DNF"} & set(late)


def test_followed_her_tag_says_dq_too(qapp, replay):
    assert "Ava Reid · DQ" in _tags_at(replay.following("ava-reid"), 540.0)
    assert "Mia Cole · DQ" in _tags_at(replay.following("mia-cole"), 560.0)


def test_the_pocket_cam_tags_her_dq_once_she_stops(qapp, replay, monkeypatch):
    from racegui.ui.scene import ReplayScene
    from racegui.ui.theme import DARK

    named = spy_pocket_tags(monkeypatch)
    scene = ReplayScene(replay.following("ava-reid"), DARK, panel=False)
    try:
        scene.render_image(540.0, (1920, 1080))
        assert named[-1][0] == "Reid · DQ"
    finally:
        scene.close()


def test_the_end_card_says_dq_and_lists_no_dq_among_the_finishers(replay):
    from racegui.export.cards import end_text

    winner = end_text(replay)  # Zoe Hart, the winner followed
    # the furthest first: Mia Cole over the line, then Ava Reid where she stopped
    assert winner.lines == ("Mia Cole  DQ (9:14.55)", "Ava Reid  DQ (2000 m)", "Club 3000")
    stopped = end_text(replay.following("ava-reid"))
    assert (stopped.kicker, stopped.headline) == ("AVA REID", "DQ")
    assert stopped.lines[1:] == ("Zoe Hart  9:31.02", "Mia Cole  DQ (9:14.55)", "Club 3000")
    finished = end_text(replay.following("mia-cole"))
    assert (finished.kicker, finished.headline) == ("MIA COLE  ·  DQ", "9:14.55")


def test_following_her_once_she_stops_the_panel_and_scoreboard_say_dq(qtbot, replay):
    from racegui.ui.race_status import race_status

    ava = replay.following("ava-reid")
    panel = shown_panel(qtbot, ava)
    panel.update_frame(480.0)  # she stopped at 2000 m, 6:30.40
    assert (panel.gap.projected_caption.text(), panel.gap.projected.text()) == (
        "STOPPED",
        "DQ · 2000 m",
    )
    assert panel.lap_split.lap_name.text() == "DQ · 2000 m"
    assert panel.chart.stop_text.textItem.toPlainText() == "DQ 2000 m"
    splits = panel.splits
    assert splits.laps_model.labels()[-1] == "DQ · 2000 m"
    assert splits.splits_model.labels()[-1] == "DQ 2000"
    assert splits.timed_model.labels() == ["1000", "DQ 2000"]
    assert race_status(ava, ava.state_at(480.0)).lap_text == "Disqualified"


def test_view_follow_says_who_was_disqualified():
    from racegui.ui.follow_menu import runner_labels

    assert runner_labels(compile_race(race_from_data(club_dq_data()))) == [
        "Mia Cole (disqualified)",
        "Zoe Hart",
        "Ava Reid (disqualified)",
    ]


@pytest.mark.parametrize("on_the_line", [False, True], ids=["short", "on-the-line"])
def test_her_tables_tooltips_say_she_was_disqualified_where_she_stopped(qtbot, on_the_line):
    from PySide6.QtCore import Qt

    from tests.helpers_race import on_the_line_data

    data = on_the_line_data() if on_the_line else club_dq_data()
    next(a for a in data["athletes"] if a["id"] == "ava-reid")["dq"] = True
    ava = compile_race(race_from_data(data)).following("ava-reid")
    panel = shown_panel(qtbot, ava)
    panel.update_frame(ava.focus_stop_s + 5.0)
    splits = panel.splits
    for model in (splits.laps_model, splits.splits_model, splits.timed_model):
        last = model.index(model.rowCount() - 1, 0)
        assert last.data().startswith("DQ")
        tip = last.data(Qt.ItemDataRole.ToolTipRole)
        assert "was disqualified" in tip and "did not finish" not in tip


def test_following_her_once_she_finishes_disqualified_the_panel_and_scoreboard_say_dq(
    qtbot, replay
):
    from PySide6.QtCore import Qt

    from racegui.ui.race_status import race_status

    mia = replay.following("mia-cole")  # first over the line in 9:14.55, disqualified
    panel = shown_panel(qtbot, mia)
    splits = panel.splits
    models = (splits.laps_model, splits.splits_model, splits.timed_model)
    panel.update_frame(540.0)  # still running: her tables as a finisher's, no spoiler
    assert [m.labels(every=True)[-1] for m in models] == ["7 · 3000 m", "Finish", "Finish"]
    assert race_status(mia, mia.state_at(540.0)).lap_text == "Bell lap"
    panel.update_frame(560.0)  # finished
    assert (panel.gap.projected_caption.text(), panel.gap.projected.text()) == (
        "FINISHED",
        "DQ · 9:14.55",
    )
    assert (panel.lap_split.lap_name.text(), panel.lap_split.lap_time.text()) == (
        "DQ · FINISH",
        "9:14.55",
    )
    assert [m.labels()[-1] for m in models] == ["DQ · 3000 m", "DQ 3000", "DQ 3000"]
    assert splits.laps_model.labels(compact=True)[-1] == "DQ 3000 m"
    for model in models:  # her times kept: she ran them
        last = model.index(model.rowCount() - 1, 1)
        assert last.data() == "9:14.55"
        tip = model.index(model.rowCount() - 1, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert ": the runner finished, was disqualified;" in tip
    status = race_status(mia, mia.state_at(560.0))
    assert (status.lap_text, status.lap_detail, status.finished) == (
        "Finished · DQ",
        "in 9:14.55",
        True,
    )


def test_a_finisher_not_disqualified_reads_as_before(qtbot):
    from racegui.ui.race_status import race_status

    zoe = compile_race(race_from_data(club_dq_data())).following("zoe-hart")
    panel = shown_panel(qtbot, zoe)
    panel.update_frame(580.0)
    assert panel.gap.projected.text() == "9:31.02"
    assert panel.lap_split.lap_name.text() == "FINISH"
    assert panel.splits.laps_model.labels()[-1] == "7 · 3000 m"
    assert race_status(zoe, zoe.state_at(580.0)).lap_text == "Finished"


def test_the_pocket_cam_tags_her_dq_once_she_finishes_disqualified(qapp, replay, monkeypatch):
    from racegui.ui.scene import ReplayScene
    from racegui.ui.theme import DARK

    named = spy_pocket_tags(monkeypatch)
    scene = ReplayScene(replay.following("mia-cole"), DARK, panel=False)
    try:
        scene.render_image(540.0, (1920, 1080))  # still running
        assert named[-1][0] == "Cole"
        scene.render_image(560.0, (1920, 1080))  # finished (9:14.55), disqualified
        assert named[-1][0] == "Cole · DQ"
    finally:
        scene.close()
