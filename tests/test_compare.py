"""Comparing with another race: only a different race of the same distance."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from racegui.cli import main
from racegui.io.race_file import race_from_data, read_race
from racegui.io.replay_file import read_replay
from racegui.model.follow import compared
from racegui.model.replay import comparison_problem, compile_race
from racegui.ui.app import main_gui
from racegui.ui.ui_paths import demo_path
from tests.helpers_race import following_sara, two_runner_data, write_json

MILE = demo_path()
WR = demo_path("kipyegon-wr-2023.json")
METRIC = demo_path("example-1500m.json")


def test_comparison_problem():
    mile, wr, metric = read_replay(MILE), read_replay(WR), read_replay(METRIC)
    assert comparison_problem(mile, wr) is None
    assert comparison_problem(wr, mile) is None
    problem = comparison_problem(metric, wr)
    assert problem is not None
    assert "(1609.34 m) is not the distance of" in problem and "(1500 m)" in problem
    assert comparison_problem(wr, read_replay(WR)) == (
        '"Kipyegon\'s mile world record" is the race already shown'
    )


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    """The texts of the error dialogs the window shows (none pops up)."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: texts.append(a[2]))
    return texts


def test_window_refuses_a_comparison_of_another_distance(window, shown):
    window.open_path(METRIC)
    assert window.open_compare(WR) is False
    assert window.compare is None and window.scene.track.compare is None
    assert len(shown) == 1 and "only races of the same distance" in shown[0]
    assert not window.actions["clear_compare"].isEnabled()


def test_opening_a_race_drops_a_comparison_that_no_longer_fits(window, shown, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    assert window.open_compare(WR)
    assert window.scene.track.compare is window.compare is not None
    window.open_path(demo_path())  # another mile: the comparison still means something
    assert window.scene.track.compare is window.compare is not None
    assert told == []
    window.open_path(METRIC)  # was: the mile ghost on the 1500 m race, its gap meaningless
    assert window.compare is None and window.scene.track.compare is None
    assert len(told) == 1 and "is no longer compared" in told[0]  # it went without a word
    assert "(1500 m)" in told[0]
    assert window.scene.track.status.compare_gap is None
    assert not window.actions["clear_compare"].isEnabled()
    window.open_path(MILE)
    assert window.open_compare(WR)
    window.open_path(WR)  # the compared race itself: "+0.00 s" against herself
    assert window.compare is None
    assert len(told) == 2 and "the race already shown" in told[1]
    assert shown == []


def test_screenshot_with_a_comparison_of_another_distance_fails_with_one_line(
    qapp, tmp_path, capsys
):
    out = tmp_path / "x.png"
    assert main_gui(METRIC, compare=WR, screenshot=out) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"racegui: --compare {WR}: ")
    assert not out.exists()


def test_export_with_a_comparison_of_another_distance_fails_with_one_line(tmp_path, capsys):
    out = tmp_path / "x.mp4"
    assert main(["export", str(METRIC), "--compare", str(WR), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "only races of the same distance" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("t", "then"),
    [(60.20, 62.60), (120.75, 124.60), (181.84, 186.66), (246.42, 247.64), (250.0, 247.64)],
)
def test_the_gap_to_2023_is_the_published_split_difference(t, then):
    """At each published split of 2025 the ghost of 2023 reaches that distance at her
    published 2023 split: the gap is the difference (she is ahead: negative). It read
    -4.89 s at 1200 m (not -4.82) and -1.34 s at the finish (not -1.22), measured at
    the ghost's distance instead of hers; after her finish it holds the final margin."""
    from racegui.ui.race_status import race_status

    mile, wr = read_replay(MILE), read_replay(WR)
    status = race_status(mile, mile.state_at(t), wr)
    assert status.compare_gap.seconds == pytest.approx(min(t, 246.42) - then, abs=1e-6)


def _race(tmp_path, name: str, title: str, date: str | None, runner: str = "Tom Hale"):
    from racegui.io.race_file import read_race
    from racegui.model.replay import compile_race
    from tests.helpers_race import minimal_data, write_json

    data = minimal_data(title=title)
    data["athletes"][0]["name"] = runner
    if date:
        data["date"] = date
    return compile_race(read_race(write_json(tmp_path / f"{name}.json", data)))


def test_a_ghost_of_the_same_runner_is_told_apart_by_its_race(tmp_path):
    """Two races of one athlete: the ghost's tag was "Hale", the same word the pocket cam
    uses for her; it now names the other race's year, else its day, else its title."""
    from racegui.ui.race_status import compare_label

    base = _race(tmp_path, "a", "Club champs", "2025-06-01")
    assert compare_label(_race(tmp_path, "b", "Open", "2024-05-12"), base) == "Hale 2024"
    assert compare_label(_race(tmp_path, "c", "Open", "2025-05-12"), base) == "Hale 12 May"
    assert compare_label(_race(tmp_path, "d", "Open meet", None), base) == "Hale, Open meet"
    same_day = _race(tmp_path, "e", "Open meet, heat 2 of the evening", "2025-06-01")
    assert compare_label(same_day, base) == "Hale, Open meet"  # its first words (R11)
    other = _race(tmp_path, "f", "Open", "2025-05-12", runner="Sara Ruiz")
    assert compare_label(other, base) == "Ruiz 2025"  # another runner: name and year


def test_a_ghost_s_title_drops_her_name_and_what_both_titles_say(tmp_path):
    """Titles that name her ("Emma Carter 1500 m heat" beside her final) gave the ghost's
    tag "Carter, Emma Carter 1500 m h…" (coach's review): it keeps what tells it apart."""
    from racegui.ui.race_status import compare_label

    def race(name, title):
        return _race(tmp_path, name, title, None, runner="Emma Carter")

    final = race("final", "Emma Carter 1500 m final")
    assert compare_label(race("heat", "Emma Carter 1500 m heat"), final) == "Carter, heat"
    assert compare_label(race("b", "Carter: 1500 m heat"), race("c", "x")) == "Carter, 1500 m heat"
    assert compare_label(race("d", "Emma Carter"), final) == "Carter, Emma Carter"


def _final_and_heat(tmp_path):
    """A final and its heat, each with Runner (id "r") and Sara Lane (id "s"): the heat's
    file following Sara, its own Runner under another id but the same name."""
    final = compile_race(read_race(write_json(tmp_path / "final.json", two_runner_data())))
    heat_data = following_sara(two_runner_data(title="Heat 2"))
    heat_data["athletes"][0]["id"] = "runner-7"  # the same "Runner" under another id
    heat_data["athletes"][2]["formation"]["follows"] = "runner-7"
    heat = compile_race(read_race(write_json(tmp_path / "heat.json", heat_data)))
    return final, heat


def test_the_ghost_is_the_followed_runner_s_own_run_where_she_ran_too(tmp_path):
    """--compare took the other race's first runner whoever was followed: following one
    athlete set her against the heat's winner (analyst's review). The ghost is her own run
    (by id, else by name), else the runner the other race follows unasked."""
    final, heat = _final_and_heat(tmp_path)
    assert heat.athletes[heat.focus].id == "s"  # the heat on its own follows Sara
    assert heat.athletes[compared(final, heat).focus].id == "runner-7"  # by name
    sara = final.following("s")
    assert heat.athletes[compared(sara, heat).focus].id == "s"  # by id
    wr = read_replay(WR)  # Kipyegon's own 2023 run: the demo's runner
    assert wr.athletes[compared(read_replay(MILE), wr).focus].name == "Faith Kipyegon"
    data = following_sara(two_runner_data())
    data["athletes"][0]["name"] = "Someone Else"  # Runner "r" is now someone else ...
    other = compile_race(race_from_data(data))
    assert other.athletes[compared(final, other).focus].id == "r"  # ... found by her id
    data["athletes"][0]["id"] = "x"
    data["athletes"][2]["formation"]["follows"] = "x"
    other = compile_race(race_from_data(data))  # not in it: whom it follows unasked
    assert other.athletes[compared(final, other).focus].id == "s"


def test_following_another_runner_in_the_window_changes_the_ghost_too(window, tmp_path):
    _final_and_heat(tmp_path)
    window.open_path(tmp_path / "final.json")
    window.open_compare(tmp_path / "heat.json")
    assert window.compare.athletes[window.compare.focus].id == "runner-7"
    window.follow("s")
    assert window.compare.athletes[window.compare.focus].id == "s"
    assert window.compare_path == tmp_path / "heat.json"
