"""A race without a target: the panel's top card gives only the projected, then final, time
under "FINISH TIME", with a muted "no target" where the time against the target would be,
not an empty gap box."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.model.timefmt import format_time
from racegui.ui.panel import SidePanel
from racegui.ui.theme import DARK
from tests.helpers_race import minimal_data


def test_without_a_target_the_card_shows_the_finish_only(qtbot):
    no_target = compile_race(race_from_data(minimal_data(target=None)))
    with_target = compile_race(race_from_data(minimal_data()))
    panel = SidePanel(with_target, DARK)
    qtbot.addWidget(panel)
    panel.resize(420, 1000)
    panel.show()
    panel.update_frame(120.0)
    QApplication.processEvents()
    card = panel.gap
    full_height = card.height()
    assert card.title_label.text() == "GAP TO TARGET"
    panel.set_replay(no_target)
    panel.update_frame(120.0)
    QApplication.processEvents()
    assert card.title_label.text() == "FINISH TIME"
    assert not card.seconds.isVisible() and not card.word.isVisible()
    assert not card.metres.isVisible() and not card.rule.isVisible()
    assert card.projected.isVisible()
    assert card.projected.text() == format_time(no_target.projected_finish_s(120.0), 1)
    assert card.height() < 0.6 * full_height
    panel.update_frame(250.0)  # after her 4:06.42
    assert card.projected_caption.text() == "FINISHED"
    assert card.projected.text() == "4:06.42"
    panel.set_replay(with_target)  # the gap comes back
    panel.update_frame(120.0)
    QApplication.processEvents()
    assert card.seconds.isVisible() and card.seconds.text().endswith(" s")


def test_at_the_gun_without_a_target_the_card_reads_as_a_finish_time_to_come(qtbot):
    """At 0:00 it had read "FINISH · NO TARGET" over "PROJECTED —": a status, and "FINISH"
    before she had run a step (coach's review). It reads "FINISH TIME", "PROJECTED —" and a
    muted "no target", then her final time at the finish, still "no target"."""
    replay = compile_race(race_from_data(minimal_data(target=None)))
    panel = SidePanel(replay, DARK)
    qtbot.addWidget(panel)
    panel.resize(420, 1000)
    panel.show()
    panel.update_frame(0.0)
    QApplication.processEvents()
    card = panel.gap
    assert card.title_label.text() == "FINISH TIME"
    assert "NO TARGET" not in card.title_label.text().upper()
    assert card.projected_caption.text() == "PROJECTED"
    assert card.versus.isVisible() and card.versus.text() == "no target"
    assert card.versus.colour() == DARK.text_muted
    panel.update_frame(250.0)
    assert card.title_label.text() == "FINISH TIME"
    assert card.projected_caption.text() == "FINISHED" and card.projected.text() == "4:06.42"
    assert card.versus.text() == "no target"
