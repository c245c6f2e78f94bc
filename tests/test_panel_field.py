"""The side panel's field card: the runners in running order at the replay time."""

from __future__ import annotations

import pytest

from racegui.model.race import Race
from racegui.model.replay import compile_race
from racegui.model.standings import gap_text
from racegui.ui.app import ensure_app
from racegui.ui.loading import load_replay
from racegui.ui.panel.data import PanelData
from racegui.ui.panel.field_card import FieldCard
from racegui.ui.panel.side_panel import SidePanel
from racegui.ui.panel.style import PanelStyle
from racegui.ui.theme import DARK, LIGHT
from racegui.ui.ui_paths import demo_path
from tests.helpers_panel import shown_panel
from tests.helpers_race import field_race


@pytest.fixture
def panel(qtbot):
    return shown_panel(qtbot, field_race())


def test_the_field_in_running_order_with_gaps_to_the_leader(panel):
    panel.update_frame(300.0)
    assert not panel.field.isHidden()
    assert panel.field.shown_texts() == [
        ("1", "Ada", "Lap 4 of 7"),  # 1500 m of a 3000 m (a first lap of 200 m)
        ("2", "Eve", "+8.9"),
        ("3", "Bea", "+14.3"),
        ("4", "Cat", "+27.3"),
        ("5", "Dot", "+1:00.0"),
    ]
    followed = [row.followed for row in panel.field.list.rows()]
    assert followed == [True, False, False, False, False]  # the replay follows Ada


def test_a_lapped_runner_and_one_who_did_not_finish(panel):
    panel.update_frame(500.0)
    texts = panel.field.shown_texts()
    assert texts[3] == ("4", "Dot", "+1 lap")
    assert texts[4] == ("", "Cat", "DNF · 2000 m")
    assert panel.field.list.rows()[4].out


def test_finish_times_in_place_order_and_a_dead_heat(panel):
    panel.update_frame(640.0)
    assert panel.field.shown_texts()[:3] == [
        ("1", "Ada", "10:00.00"),
        ("2", "Bea", "10:30.00"),
        ("2", "Eve", "10:30.00"),
    ]


def test_before_the_gun_a_start_list(panel):
    panel.update_frame(0.0)
    assert panel.field.shown_texts() == [
        ("", name, "") for name in ("Ada", "Bea", "Cat", "Dot", "Eve")
    ]


def test_the_card_changes_only_when_a_row_does(panel):
    panel.update_frame(300.0)
    panel.field.dirty = False
    panel.update_frame(300.001)  # the same texts
    assert not panel.field.dirty
    panel.update_frame(310.0)
    assert panel.field.dirty


def test_a_short_card_keeps_the_followed_runner_and_counts_the_rest(qtbot):
    ensure_app()
    replay = field_race().following("dot")
    card = FieldCard()
    qtbot.addWidget(card)
    card.apply_style(PanelStyle(LIGHT))
    card.set_data(PanelData.build(replay))
    card.list.setFixedHeight(3 * card.list.row_pitch())
    card.show()
    qtbot.waitExposed(card)
    card.update_frame(300.0)
    assert card.shown_texts() == [("1", "Ada", "Lap 4 of 7"), ("5", "Dot", "+1:00.0")]
    assert card.list.more() == 3
    assert [row.followed for row in card.list.rows()] == [False, True]


def test_the_more_line_says_who_it_hides_lapped_and_out(qtbot):
    # A 5000 m's card at 1080p had hidden its lapped runners under a bare "+ 6 more".
    ensure_app()
    card = FieldCard()
    qtbot.addWidget(card)
    card.apply_style(PanelStyle(LIGHT))
    card.set_data(PanelData.build(field_race()))  # following Ada
    card.list.setFixedHeight(3 * card.list.row_pitch())
    card.show()
    qtbot.waitExposed(card)
    card.update_frame(500.0)  # Dot a lap down, Cat out at 2000 m: both left out
    assert [name for _, name, _ in card.shown_texts()] == ["Ada", "Eve"]
    assert card.list.more_text() == "+ 3 more, 1 lapped, 1 DNF"
    card.update_frame(300.0)  # nobody lapped or out yet
    assert card.list.more_text() == "+ 3 more"


def test_a_one_lap_leader_reads_the_metres_the_scoreboard_does(qtbot):
    # A 400 m's leader row had read "40 m" (to 10 m below) while the scoreboard said
    # "44 m run" for her at the same instant.
    from racegui.model.race import Athlete, Split
    from racegui.ui.race_status import race_status

    athletes = tuple(
        Athlete(id=n, name=n.title(), role="runner", colour=c, splits=(Split(400.0, s),))
        for n, c, s in (("ada", "#e4002b", 44.0), ("bea", "#1f77b4", 45.0))
    )
    replay = compile_race(Race(title="400", distance_m=400.0, athletes=athletes))
    panel = shown_panel(qtbot, replay)
    t = 4.8  # Ada at 43.6 m
    panel.update_frame(t)
    assert panel.field.shown_texts()[0] == ("1", "Ada", "44 m")
    scoreboard = race_status(replay, replay.state_at(t)).distance_text
    assert scoreboard.startswith("44 m run")


def test_no_field_card_for_a_race_of_one_runner(qtbot):
    ensure_app()
    panel = SidePanel(load_replay(demo_path()), DARK)  # one runner, 13 pacers
    qtbot.addWidget(panel)
    panel.resize(420, 1000)
    panel.show()
    panel.update_frame(100.0)
    assert panel.field.isHidden()
    assert panel.data.standings is None


def test_a_race_of_two_runners_has_one_and_the_demo_after_it_none(qtbot):
    ensure_app()
    two = field_race()
    race = two.race
    panel = SidePanel(compile_race(Race(race.title, race.distance_m, race.athletes[:2])), DARK)
    qtbot.addWidget(panel)
    panel.resize(420, 1000)
    panel.show()
    panel.update_frame(300.0)
    assert [t[1] for t in panel.field.shown_texts()] == ["Ada", "Bea"]
    panel.set_replay(load_replay(demo_path()))
    assert panel.field.isHidden()


def test_gap_texts():
    assert gap_text(0.04) == "+0.0"
    assert gap_text(12.345) == "+12.3"
    assert gap_text(59.96) == "+1:00.0"
    assert gap_text(83.25) == "+1:23.3"  # a half rounds up, as written
