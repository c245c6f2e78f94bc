"""Following a runner who is not in the compared race sets her against the runner that race
follows: the comparison tab, its tooltip and the command line say so (analyst's review: it
had done so quietly)."""

from __future__ import annotations

import copy
import json

import pytest
from PySide6.QtWidgets import QApplication

from racegui.cli import main
from racegui.io.race_file import race_from_data
from racegui.io.replay_file import compare_options, read_replay
from racegui.model.replay import compile_race
from racegui.ui.panel.splits_table import COMPARE, LAPS
from racegui.ui.ui_paths import demo_path
from tests.helpers_panel import shown_panel
from tests.helpers_race import demo_data, write_json

WR = demo_path("kipyegon-wr-2023.json")
NOTE = "Gudaf Tsegay did not run in kipyegon-wr-2023.json: compared with Faith Kipyegon"


def _with_tsegay() -> dict:
    """Breaking4 with a second runner, Gudaf Tsegay (Kipyegon's splits), who was not in the
    2023 race."""
    data = demo_data()
    kipyegon = next(a for a in data["athletes"] if a["name"] == "Faith Kipyegon")
    tsegay = copy.deepcopy(kipyegon)
    tsegay.update(id="tsegay", name="Gudaf Tsegay")
    tsegay.pop("colour", None)
    data["athletes"].append(tsegay)
    return data


@pytest.fixture
def races(tmp_path):
    path = write_json(tmp_path / "b4.json", _with_tsegay())
    shown = compile_race(race_from_data(_with_tsegay()))
    return path, shown, read_replay(WR, compare_options(shown))


def test_the_model_names_whom_she_is_compared_with_where_she_did_not_run(races):
    from racegui.model.follow import stand_in  # new: the other tests run on older code too

    _, shown, wr = races
    found = stand_in(shown.following("tsegay"), wr)
    assert found is not None and found.name == "Faith Kipyegon" and not found.stopped
    assert stand_in(shown, wr) is None  # Kipyegon ran in 2023: her own run


def test_the_comparison_tab_says_so(qtbot, races):
    _, shown, wr = races
    panel = shown_panel(qtbot, shown.following("tsegay"), size=(420, 1000))
    panel.set_compare(wr)
    splits = panel.splits
    QApplication.processEvents()
    assert splits.mode == COMPARE
    note = splits.compare_note
    assert note.isVisible()
    # Breaking4 has a Kipyegon of its own: the note names the ghost as her tag does (R10)
    assert note.shown_text() == "Compared with Kipyegon 2023: no Tsegay in that race"
    assert "Gudaf Tsegay did not run in Kipyegon's mile world record" in note.toolTip()
    assert "(Gudaf Tsegay did not run in it)" in splits.buttons.button(COMPARE).toolTip()
    panel.resize(900, 1000)  # room for the whole sentence
    QApplication.processEvents()
    assert note.shown_text() == note.toolTip()
    splits.set_mode(LAPS)  # a note of the comparison tab's only
    assert not note.isVisible()
    splits.set_mode(COMPARE)
    assert note.isVisible()
    panel.set_compare(None)
    assert not note.isVisible()


def test_no_note_where_she_ran_in_both(qtbot, races):
    _, shown, wr = races
    panel = shown_panel(qtbot, shown)  # Kipyegon
    panel.set_compare(wr)
    assert panel.splits.mode == COMPARE and not panel.splits.compare_note.isVisible()
    assert "did not run" not in panel.splits.buttons.button(COMPARE).toolTip()


def test_the_command_line_notes_it_on_stderr(races, tmp_path, capsys):
    path, _, _ = races
    args = [str(path), "--compare", str(WR)]
    assert main(["info", *args, "--follow", "Tsegay"]) == 0
    assert capsys.readouterr().err == f"racegui info: note: {NOTE}\n"
    assert main(["info", *args]) == 0  # Kipyegon: her own 2023 run, nothing to say
    assert "note" not in capsys.readouterr().err
    out = tmp_path / "still.png"
    assert main(["export", *args, "--follow", "Tsegay", "-o", str(out), "-q"]) == 0
    assert f"racegui export: note: {NOTE}" in capsys.readouterr().err.splitlines()
    shot = tmp_path / "shot.png"
    assert main([*args, "--follow", "Tsegay", "--screenshot", str(shot)]) == 0
    assert f"racegui: note: {NOTE}" in capsys.readouterr().err.splitlines()


def test_one_who_stopped_in_the_compared_race_did_not_finish_it(qtbot):
    from tests.helpers_race import club_dnf_data

    final = compile_race(race_from_data(club_dnf_data()))
    heat_data = club_dnf_data(title="Club 3000 heat")
    mia = heat_data["athletes"][0]
    mia["splits"] = mia["splits"][:2]  # she stopped at 2000 m in the heat
    mia["dnf"] = True
    panel = shown_panel(qtbot, final, size=(420, 1000))  # Mia Cole, the final's winner
    panel.set_compare(compile_race(race_from_data(heat_data)))
    note = panel.splits.compare_note
    assert note.isVisible()
    # The final has a Zoe Hart of its own: each form names the heat's (R10, R11)
    assert note.toolTip() == "Compared with Zoe Hart, heat: Mia Cole did not finish Club 3000 heat"
    assert note.shown_text() == note.toolTip()
    assert note.texts[1] == "Compared with Hart, heat: Cole did not finish that race"
    assert note.texts[2] == "vs Hart, heat: Cole did not finish"


def test_her_race_s_own_runner_absent_from_the_other_is_no_stand_in():
    """Two races' runners set against each other is the comparison asked for, unless someone
    else is followed: a club runner's race against Breaking4 had been noted as Kipyegon
    absent from it."""
    from racegui.model.follow import following_named, stand_in

    wr = compile_race(race_from_data(demo_data()))
    club = json.loads(json.dumps(demo_data()).replace('"kipyegon"', '"pat"'))
    next(a for a in club["athletes"] if a["id"] == "pat")["name"] = "Pat Quinn"
    other = compile_race(race_from_data(club))
    assert stand_in(wr, other) is None
    shown = following_named(compile_race(race_from_data(_with_tsegay())), "tsegay")
    assert stand_in(shown, other).name == "Pat Quinn"
