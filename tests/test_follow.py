"""Following another runner: a replay of the same race whose laps, gaps and end are hers."""

from __future__ import annotations

from pathlib import Path

import pytest

from racegui.io.race_file import race_from_data
from racegui.model import analysis
from racegui.model.follow import runner_named
from racegui.model.replay import FollowError, compile_race
from tests.helpers_race import following_sara, two_runner_data


@pytest.fixture(scope="module")
def race():
    return race_from_data(two_runner_data())


@pytest.fixture(scope="module")
def named_in_file():
    """The replay of the same race naming Sara in "follow": what following her must equal."""
    return compile_race(race_from_data(following_sara(two_runner_data())))


def test_the_winner_is_followed_unasked(race):
    replay = compile_race(race)
    assert replay.ids[replay.focus] == "r"
    assert replay.runners == (0, 1)


def test_the_winner_is_followed_unasked_wherever_the_file_lists_her():
    """A results file listed by name or bib had the replay follow whoever came first in it:
    12th of 13 in a coach's 1500 m (coach's review)."""
    data = two_runner_data()
    data["athletes"].reverse()  # Sara Lane (4:15.30) first, then the winner (4:06.42)
    replay = compile_race(race_from_data(data))
    assert replay.athletes[replay.focus].name == "Runner"
    assert race_from_data(data).focus.name == "Runner"


def test_a_dead_heat_follows_the_first_in_the_file():
    data = two_runner_data()
    sara = next(a for a in data["athletes"] if a["id"] == "s")
    runner = next(a for a in data["athletes"] if a["id"] == "r")
    sara["splits"] = [dict(s) for s in runner["splits"]]  # the same time to the hundredth
    assert compile_race(race_from_data(data)).ids[0] == "r"
    assert _followed(race_from_data(data)) == "Runner"
    data["athletes"].reverse()  # Sara listed first
    assert _followed(race_from_data(data)) == "Sara Lane"


def test_the_file_names_whom_to_follow_and_a_name_asked_wins():
    data = two_runner_data()
    data["follow"] = "s"
    race = race_from_data(data)
    assert race.follow == "s" and race.focus.name == "Sara Lane"
    assert _followed(race) == "Sara Lane"
    replay = compile_race(race, focus="r")
    assert replay.athletes[replay.focus].name == "Runner"


def _followed(race) -> str:
    replay = compile_race(race)
    return replay.athletes[replay.focus].name


@pytest.mark.parametrize("how", ["compile", "following_id", "following_row"])
def test_following_sara_is_the_race_with_her_named_in_file(race, named_in_file, how):
    if how == "compile":
        replay = compile_race(race, focus="s")
    elif how == "following_id":
        replay = compile_race(race).following("s")
    else:
        replay = compile_race(race).following(1)
    assert replay.athletes[replay.focus].name == "Sara Lane"
    assert analysis.lap_table(replay) == analysis.lap_table(named_in_file)
    assert analysis.split_table(replay) == analysis.split_table(named_in_file)
    assert replay.race_end_s == pytest.approx(255.30) == named_in_file.race_end_s
    laps = [(e.kind, e.athlete, e.time_s) for e in analysis.events(replay) if e.kind != "finish"]
    first = [(e.kind, e.athlete, e.time_s) for e in analysis.events(named_in_file)]
    assert laps == [e for e in first if e[0] != "finish"]
    for t in (30.0, 150.0, 250.0, 258.0):
        assert replay.state_at(t).gap_to_target_s == named_in_file.state_at(t).gap_to_target_s
        assert replay.state_at(t).gap_to_target_m == named_in_file.state_at(t).gap_to_target_m
        assert replay.projected_finish_s(t) == named_in_file.projected_finish_s(t)
    profile = analysis.pace_profile(replay)
    assert profile.segment_pace_s400.tolist() == (
        analysis.pace_profile(named_in_file).segment_pace_s400.tolist()
    )


def test_following_changes_her_figures_not_the_race(race):
    replay = compile_race(race)
    sara = replay.following("s")
    assert analysis.lap_table(sara) != analysis.lap_table(replay)
    # The race ends (an export's default end) at the last runner's finish, whoever is followed.
    assert sara.race_end_s == pytest.approx(255.30) == replay.race_end_s
    assert sara.duration_s == replay.duration_s and sara.motion is replay.motion
    assert sara.following("r").focus == replay.focus
    assert replay.following("r") is replay


@pytest.mark.parametrize(
    "who, says",
    [
        ("nobody", "no athlete has the id 'nobody' (runners: r (Runner), s (Sara Lane))"),
        ("p", "'p' (Pacer) is a pacer, not a runner"),
        ("target", "'target' (Target) is a ghost, not a runner"),
        (7, "no athlete has row 7"),
    ],
)
def test_only_runners_can_be_followed(race, who, says):
    with pytest.raises(FollowError, match=None) as caught:
        compile_race(race).following(who)
    assert says in str(caught.value) and caught.value.choices == ("r", "s")
    if isinstance(who, str):
        with pytest.raises(FollowError):
            compile_race(race, focus=who)


@pytest.mark.parametrize("text", ["s", "S", "Sara Lane", "sara lane", "SARA LANE ", "Lane", "sara"])
def test_a_runner_is_named_by_id_or_by_name_in_any_case(race, text):
    """Her id or name in any case, or one word of her name (a presenter's --follow
    Kipyegon had been refused: only 'kipyegon', her id, or 'Faith Kipyegon' worked)."""
    assert runner_named(compile_race(race), text) == "s"


@pytest.mark.parametrize(
    "text, says",
    [
        ("sar", "no athlete has the id or name 'sar' (runners: r (Runner), s (Sara Lane))"),
        ("lane sara", "no athlete has the id or name 'lane sara'"),
        ("pacer", "'p' (Pacer) is a pacer, not a runner"),
    ],
)
def test_a_name_that_is_no_runner_says_who_the_runners_are(race, text, says):
    with pytest.raises(FollowError) as caught:
        runner_named(compile_race(race), text)
    assert says in str(caught.value)


def test_two_runners_of_one_name_are_told_apart_by_id():
    data = two_runner_data()
    data["athletes"][1]["name"] = "runner"
    with pytest.raises(FollowError, match=r"give the id \(r or s\)"):
        runner_named(compile_race(race_from_data(data)), "Runner")


def test_a_word_two_runners_share_is_told_apart_by_id():
    data = two_runner_data()
    data["athletes"][0]["name"] = "Ann Lane"
    with pytest.raises(FollowError, match=r"'lane' names 2 runners: give the id \(r or s\)"):
        runner_named(compile_race(race_from_data(data)), "lane")


def test_a_word_several_pacers_share_names_them_all():
    """--follow pacer on the demo named only 'pacer10' of its four "Pacer N" pacers."""
    data = two_runner_data()
    data["athletes"][2]["name"] = "Pacer One"
    data["athletes"].append(dict(data["athletes"][2], id="p2", name="Pacer Two"))
    with pytest.raises(FollowError) as caught:
        runner_named(compile_race(race_from_data(data)), "pacer")
    assert str(caught.value).startswith(
        "'pacer' names 2 pacers (p, p2), not a runner: only runners can be followed "
        "(runners: r (Runner), s (Sara Lane))"
    )
    assert caught.value.choices == ("r", "s")


def test_an_export_runs_to_the_last_runner_s_finish(race):
    """A club race's export stopped at the first runner's finish (1:58.90) and cut off the
    runners behind her (coach's review): by default it runs until the last one finishes."""
    from racegui.export.options import ExportOptions
    from racegui.export.pipeline import plan_for

    replay = compile_race(race)
    plan = plan_for(ExportOptions(output=Path("x.mp4"), fps=10), replay.race_end_s)
    assert plan.race_times[-1] == pytest.approx(255.30)  # Sara Lane's 4:15.30
    assert float(replay.finish_time_s[replay.focus]) == pytest.approx(246.42)
