"""Which runner a replay follows, from what a person types: an athlete's id or name."""

from __future__ import annotations

from dataclasses import dataclass

from racegui.model.race import Athlete
from racegui.model.replay import FollowError, Replay, not_a_runner, runners_text


def runner_named(replay: Replay, text: str) -> str:
    """Id of the runner ``text`` names: her id exactly, else her full name or her id in any
    letter case, else one word of her name ("Kipyegon", "faith") that no other runner has.

    FollowError (one sentence listing the runners) for a text that names nobody, names a
    pacer or a ghost, or is the name of two runners (then their ids tell them apart). A
    runner who did not finish is named as any other.
    """
    athletes = replay.athletes
    choices = tuple(athletes[i].id for i in replay.followable)
    listed = runners_text(athletes)
    key = text.strip().casefold()
    if text in replay.ids:
        found = [replay.index(text)]
    else:
        found = [i for i, a in enumerate(athletes) if a.name.casefold() == key]
        found = found or [i for i, a in enumerate(athletes) if a.id.casefold() == key]
        found = found or [i for i, a in enumerate(athletes) if key in _name_words(a.name)]
    runners = [i for i in found if i in replay.followable]
    if len(runners) == 1:
        return athletes[runners[0]].id
    if len(runners) > 1:
        ids = " or ".join(athletes[i].id for i in runners)
        raise FollowError(f"{text!r} names {len(runners)} runners: give the id ({ids})", choices)
    if len(found) == 1:
        raise not_a_runner(athletes, found[0])
    if found:
        raise FollowError(f"{text!r} names {_none_runners(athletes, found)}", choices)
    raise FollowError(f"no athlete has the id or name {text!r} (runners: {listed})", choices)


def _none_runners(athletes: tuple[Athlete, ...], found: list[int]) -> str:
    """'4 pacers (pacer10, pacer11, pacer12, pacer13), not a runner: only runners can be
    followed (runners: ...)' for the athletes at rows ``found``, none of them a runner."""
    roles = sorted({athletes[i].role for i in found})
    kinds = " and ".join(f"{r}s" for r in roles)
    ids = ", ".join(athletes[i].id for i in found[:6]) + (", …" if len(found) > 6 else "")
    return (
        f"{len(found)} {kinds} ({ids}), not a runner: only runners can be followed "
        f"(runners: {runners_text(athletes)})"
    )


def _name_words(name: str) -> set[str]:
    """The words of a name in lower case, split at spaces and hyphens ("jean-marie")."""
    return set(name.casefold().replace("-", " ").split())


def following_named(replay: Replay, text: str | None) -> Replay:
    """replay following the runner ``text`` names (see runner_named; None: as it is)."""
    return replay if text is None else replay.following(runner_named(replay, text))


def compared(shown: Replay, other: Replay) -> Replay:
    """``other`` as a ghost on ``shown``: following the runner ``shown`` follows where she ran
    in it too and finished (the same id, else the same name in any letter case), else the
    runner it follows unasked (its file's "follow", else its winner). Comparing a final
    with its heat while following one athlete had set her against the heat's winner
    (analyst's review)."""
    own = _own_run(shown, other, other.runners)
    return other.following(own.id if own is not None else other.race.focus.id)


@dataclass(frozen=True)
class StandIn:
    """The runner a compared race sets the followed runner against where she has no finished
    run of her own in it (compared), and why."""

    name: str
    """The compared race's runner (the one it follows unasked)."""
    stopped: bool
    """She ran in it but did not finish; else she did not run in it."""


def stand_in(shown: Replay, other: Replay) -> StandIn | None:
    """Whom ``other``'s race sets ``shown``'s followed runner against where she did not run
    in it or did not finish it (compared), None where it is her own run. Following an
    athlete absent from the compared race had quietly set her against its winner
    (analyst's review): the views say so. None too where her race's own runner (no one
    followed instead) is absent from the other race: then its runner against the other's
    is the comparison asked for (a club runner's laps against Breaking4 had been noted as
    Kipyegon absent from them); one who stopped in it is still said."""
    if _own_run(shown, other, other.runners) is not None:
        return None
    stopped = _own_run(shown, other, other.followable) is not None
    if not stopped and shown.athletes[shown.focus].id == shown.race.focus.id:
        return None
    return StandIn(other.race.focus.name, stopped)


def _own_run(shown: Replay, other: Replay, rows: tuple[int, ...]) -> Athlete | None:
    """The followed runner of ``shown`` among ``other``'s athletes at ``rows`` (by id, else by
    name in any letter case; None: not there, or two of that name)."""
    me = shown.athletes[shown.focus]
    runners = [other.athletes[i] for i in rows]
    same = [a for a in runners if a.id == me.id]
    same = same or [a for a in runners if a.name.casefold() == me.name.casefold()]
    return same[0] if len(same) == 1 else None
