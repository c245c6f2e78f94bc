"""A first-time coach's review of the side panel and splits table: the mile's start stretch
named one way everywhere, units on the running lap time, pacers' dropouts to the hundredth,
and "est." and italic figures on an estimated lap in the pace card (the splits tab per race
file: test_ui_window)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from racegui.io.replay_file import read_replay
from racegui.model import analysis
from racegui.model.timefmt import format_time
from racegui.ui.race_status import lap_words, race_status
from racegui.ui.ui_paths import demo_path
from tests.helpers_panel import shown_panel
from tests.helpers_race import field_race, long_race_data


def test_mile_start_stretch_is_the_start_not_lap_1():
    """The mile's first 9.34 m read "Lap 1 of 4" on the scoreboard while the panel said
    START and the table "Start · 9 m"; lap 1 is the 400 m after."""
    replay = read_replay(demo_path())
    assert race_status(replay, replay.state_at(1.0)).lap_text == "Start · 9 m"
    assert lap_words(replay, 0.0, False) == ("Start · 9 m", "4 laps to go")
    assert lap_words(replay, 5.0, False) == ("Start · 9 m", "4 laps to go")
    assert lap_words(replay, 10.0, False) == ("Lap 1 of 4", "4 laps to go")
    texts = {lap_words(replay, float(d), False)[0] for d in range(0, 1609, 3)}
    assert all(" of 4" in t or t.startswith(("Start", "Bell")) for t in texts), texts


def test_a_start_stretch_before_one_lap_says_1_lap_to_go():
    """A 600 m race's first 200 m read "1 laps to go" (diff review)."""
    from racegui.io.race_file import race_from_data
    from racegui.model.replay import compile_race

    replay = compile_race(race_from_data(long_race_data(600.0, 60.0)))
    assert lap_words(replay, 100.0, False) == ("Start · 200 m", "1 lap to go")


def test_the_running_lap_time_says_it_is_seconds(qtbot):
    """ "LAP 3 SO FAR  3.6" had no unit where the gap beside it reads "+0.56 s"."""
    from racegui.model.timefmt import format_duration

    replay = read_replay(demo_path())
    panel = shown_panel(qtbot, replay)
    panel.update_frame(125.8)  # lap 3 from 2:02.18
    split = panel.lap_split
    assert (split.lap_name.text(), split.lap_time.text()) == ("LAP 3 SO FAR", "3.6 s")
    panel.update_frame(190.0)
    assert split.last_time.text() == "1:01.12"  # a minute or more reads as a time
    assert format_duration(3.62, 1) == "3.6 s" and format_duration(61.12) == "1:01.12"


def test_pacers_step_off_at_times_to_the_hundredth(qtbot):
    """The dropout feed showed "1:57.9" for Reekie's 1:57.91, as info and the seek bar's
    events give it."""
    replay = read_replay(demo_path())
    panel = shown_panel(qtbot, replay)
    panel.update_frame(130.0)
    rows = [row for row in panel.pacers.feed.rows if not row.isHidden()]
    reekie = next(row for row in rows if row.dropout.name.endswith("Reekie"))
    assert reekie.time.text() == "1:57.91"
    assert all(row.time.text() == format_time(row.dropout.time_s, 2) for row in rows)


def test_an_estimated_lap_time_is_marked_in_the_pace_card(qtbot, tmp_path):
    """A split missing from the file: the splits table had the lap in italics as an
    estimate, the pace card's last-lap line showed it as if published; then with "est."
    after its name but its figures upright where the table has them in italics."""
    data = json.loads(Path(demo_path()).read_text())
    for a in data["athletes"]:
        if a["role"] == "runner":  # her own laps: splits where they end, 1200 m left out
            a["splits"] = [
                {"distance_m": float(d), "time": float(replay_time)}
                for d, replay_time in _laps_of_demo()
                if abs(d - 1209.344) > 1e-3
            ]
    path = tmp_path / "missing.json"
    path.write_text(json.dumps(data))
    replay = read_replay(path)
    laps = analysis.lap_table(replay)
    assert [lap.lap_time_published for lap in laps] == [True, True, True, False, False]
    panel = shown_panel(qtbot, replay)
    split = panel.lap_split
    panel.update_frame(150.0)
    assert split.last_name.text() == "LAP 2"  # published at both ends
    figures = (split.last_time, split.last_delta)
    assert not any(w.is_italic() for w in figures)
    upright = [(w.geometry(), w.grab().toImage()) for w in figures]
    panel.update_frame(200.0)
    assert split.last_name.text() == "LAP 3  est."  # ends at the missing 1209 m
    # Its figures in italics, as the table's, in the same places (no row jumps width).
    assert all(w.is_italic() for w in figures)
    assert [w.geometry() for w in figures] == [g for g, _ in upright]
    split.last_time.set_italic(False)  # the same text drawn upright reads apart
    assert split.last_time.grab().toImage() != _italic_drawn(split.last_time)
    panel.update_frame(230.0)  # lap 4: estimated too
    panel.update_frame(150.0)
    assert not any(w.is_italic() for w in figures)
    assert [w.grab().toImage() for w in figures] == [i for _, i in upright]
    table = panel.splits.laps_model  # the lap time column: italic where estimated

    def italic(row: int) -> bool:
        return table.data(table.index(row, 2), Qt.ItemDataRole.FontRole).italic()

    assert italic(3) and not italic(2)


def _italic_drawn(w) -> object:
    """w's picture drawn in italics."""
    w.set_italic(True)
    return w.grab().toImage()


def _laps_of_demo() -> list[tuple[float, float]]:
    """(distance m, time s) of the demo runner's lap ends, as its lap table gives them."""
    return [(lap.end_m, lap.time_s) for lap in analysis.lap_table(read_replay(demo_path()))]


def test_the_field_card_names_the_start_stretch_as_the_panel_does(qtbot):
    """A 3000 m leader in the first 200 m read "Lap 1 of 7", the lap after it too."""
    panel = shown_panel(qtbot, field_race())
    panel.update_frame(20.0)  # Ada at 100 m
    assert panel.field.shown_texts()[0] == ("1", "Ada", "Start")
    panel.update_frame(60.0)  # 300 m: the first full lap
    assert panel.field.shown_texts()[0] == ("1", "Ada", "Lap 1 of 7")
