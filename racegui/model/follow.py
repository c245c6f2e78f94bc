"""Which runner a replay follows, from what a person types: an athlete's id or name."""

from __future__ import annotations

from racegui.model.replay import FollowError, Replay, not_a_runner, runners_text


def runner_named(replay: Replay, text: str) -> str:
    """Id of the runner ``text`` names: her id exactly, else her name in any letter case.

    FollowError (one sentence listing the runners) for a text that names nobody, names a
    pacer, a ghost or a runner who did not finish, or is the name of two runners (then
    their ids tell them apart).
    """
    athletes = replay.athletes
    choices = tuple(athletes[i].id for i in replay.runners)
    listed = runners_text(athletes)
    if text in replay.ids:
        found = [replay.index(text)]
    else:
        key = text.strip().casefold()
        found = [i for i, a in enumerate(athletes) if a.name.casefold() == key]
    runners = [i for i in found if i in replay.runners]
    if len(runners) == 1:
        return athletes[runners[0]].id
    if len(runners) > 1:
        ids = " or ".join(athletes[i].id for i in runners)
        raise FollowError(
            f"{text!r} is the name of {len(runners)} runners: give the id ({ids})", choices
        )
    if found:
        raise not_a_runner(athletes, found[0])
    raise FollowError(f"no athlete has the id or name {text!r} (runners: {listed})", choices)


def following_named(replay: Replay, text: str | None) -> Replay:
    """replay following the runner ``text`` names (see runner_named; None: as it is)."""
    return replay if text is None else replay.following(runner_named(replay, text))
