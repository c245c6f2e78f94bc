"""The race file's "follow": the id of a runner of the race."""

from __future__ import annotations

from racegui.io.errors import Problem
from racegui.io.schema import RaceFileModel

MAX_LISTED = 8
"""Runners a problem with "follow" lists by id, at most (then "…")."""


def check_follow(model: RaceFileModel, problems: list[Problem]) -> None:
    """A problem if "follow" names no runner of the race (a pacer, the target, or no one)."""
    if model.follow is None:
        return
    runners = [a for a in model.athletes if a.role == "runner"]
    if any(a.id == model.follow for a in runners):
        return
    other = next((a for a in model.athletes if a.id == model.follow), None)
    what = f"is a {other.role}, not a runner" if other is not None else "is no athlete's id"
    ids = [a.id for a in runners[:MAX_LISTED]] + (["…"] if len(runners) > MAX_LISTED else [])
    problems.append(
        Problem("$.follow", f"{model.follow!r} {what}: name a runner ({', '.join(ids)})")
    )
