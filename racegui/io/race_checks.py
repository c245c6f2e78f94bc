"""Checks of a race file's sense, once it fits the schema: the race distance, each athlete
(one way to move, roles, dropout, DNF, splits), the target, and the formations across
athletes (leaders that exist, no loops, a runner who finishes). Each problem goes to a list
with its JSON path; the athletes and target are built where they are sound."""

from __future__ import annotations

from racegui.io.distances import parse_distance
from racegui.io.errors import Problem, json_path
from racegui.io.race_splits import (
    MAX_SPEED_MPS,
    MIN_SPEED_MPS,
    SplitColumns,
    checked_splits,
    hours_reading,
    json_time,
)
from racegui.io.schema import AthleteModel, RaceFileModel
from racegui.model.race import TARGET_ID, Athlete, Dropout, Formation, Split, Target
from racegui.model.timefmt import TimeFormatError

MIN_RACE_M = 10.0
"""Shortest race (m): below it there is nothing to replay (a 1 micrometre race left the pace
panel without a single segment)."""
MAX_RACE_M = 100_000.0
"""Longest race (m)."""


def race_distance(model: RaceFileModel, problems: list[Problem]) -> float | None:
    """The race distance (m) the file gives, as distance_m or as distance with a unit, or
    None and its problem."""
    if (model.distance_m is None) == (model.distance is None):
        problems.append(
            Problem(
                "$",
                'give exactly one of distance_m (metres) or distance (with a unit, e.g. "1 mile")',
            )
        )
        return None
    if model.distance is not None:
        try:
            race_m = parse_distance(model.distance)
        except ValueError as exc:
            problems.append(Problem("$.distance", str(exc)))
            return None
        where = "$.distance"
    else:
        race_m = model.distance_m
        where = "$.distance_m"
    if not MIN_RACE_M <= race_m <= MAX_RACE_M:
        span = f"at least {MIN_RACE_M:g} m and at most {MAX_RACE_M / 1000:g} km"
        problems.append(Problem(where, f"must be {span}"))
        return None
    return race_m


def race_target(model: RaceFileModel, race_m: float, problems: list[Problem]) -> Target | None:
    """The race's target over race_m (m), if the file has one (None, and its problems, if
    it is not sound)."""
    t = model.target
    if t is None:
        return None
    if (t.time is None) == (t.splits is None):
        problems.append(Problem("$.target", "give exactly one of time or splits"))
        return None
    if t.time is not None:
        time_s = _even_pace_time(t.time, ("target", "time"), race_m, problems)
        return Target(time_s=time_s, label=t.label, colour=t.colour)
    columns = SplitColumns.of_models(t.splits)
    splits = checked_splits(columns, ("target", "splits"), race_m, problems, must_finish=True)
    return Target(splits=splits, label=t.label, colour=t.colour)


def _time(value: float | str, loc: tuple, problems: list[Problem]) -> float | None:
    try:
        return json_time(value)
    except TimeFormatError as exc:
        problems.append(Problem(json_path(loc), str(exc)))
        return None


DNF_HINT = '; a runner who did not finish is marked "dnf": true'
"""Ends the problem of a runner whose last split is short of the finish: a file cut short
stays an error, and the message says how to mark a runner who stopped there."""


def _dnf_problem(a: AthleteModel, splits: tuple[Split, ...], race_m: float) -> str | None:
    """What is wrong with an athlete marked "dnf": true (None if nothing): only a runner
    with splits, the last of them short of the race distance race_m (m), did not finish."""
    if a.role != "runner":
        return f'only a runner can be marked "dnf" (a {a.role} cannot)'
    if a.splits is None:
        return 'a runner who did not finish ("dnf": true) needs splits up to the stop'
    if splits and abs(splits[-1].distance_m - race_m) <= 1e-6:
        return (
            f"the last split is at the finish ({race_m:g} m): a runner who did not finish "
            'stops before it (delete "dnf")'
        )
    return None


def _even_pace_time(
    raw_time: float | str, loc: tuple, race_m: float, problems: list[Problem]
) -> float | None:
    t = _time(raw_time, loc, problems)
    if t is not None and (t <= 0 or race_m / t > MAX_SPEED_MPS):
        problems.append(Problem(json_path(loc), "is faster than any human runs"))
        return None
    if t is not None and race_m / t < MIN_SPEED_MPS:
        reading = hours_reading(raw_time)
        problems.append(
            Problem(
                json_path(loc),
                f"is slower than walking (at least {MIN_SPEED_MPS:g} m/s)"
                + (f"; {reading}" if reading else ""),
            )
        )
        return None
    return t


def checked_athlete(
    a: AthleteModel,
    i: int,
    race_m: float,
    problems: list[Problem],
    columns: SplitColumns | None = None,
) -> Athlete | None:
    """Athlete i of the file, or None and its problems; columns: its splits, when read as
    columns instead of in a.splits (see race_file._validated)."""
    loc = ("athletes", i)
    kinds = [k for k in ("splits", "even_pace", "formation") if getattr(a, k) is not None]
    if len(kinds) != 1:
        what = "none" if not kinds else " and ".join(kinds)
        problems.append(
            Problem(
                json_path(loc), f"give exactly one of splits, even_pace or formation (found {what})"
            )
        )
        return None
    if a.id == TARGET_ID:
        problems.append(
            Problem(
                json_path(loc + ("id",)), f"the id {TARGET_ID!r} is reserved for the race target"
            )
        )
    if a.formation is not None and a.role != "pacer":
        problems.append(
            Problem(json_path(loc + ("formation",)), "only pacers run in a formation slot")
        )
    if a.dropout is not None:
        if a.role != "pacer":
            problems.append(Problem(json_path(loc + ("dropout",)), "only pacers drop out"))
        elif not 0 < a.dropout.distance_m <= race_m:
            problems.append(
                Problem(
                    json_path(loc + ("dropout", "distance_m")),
                    f"must be more than 0 m and at most the race distance ({race_m:g} m)",
                )
            )
        elif a.formation is not None and a.dropout.distance_m <= a.formation.offset_m:
            problems.append(
                Problem(
                    json_path(loc + ("dropout", "distance_m")),
                    "must be beyond the slot's start (formation offset_m)",
                )
            )
    splits: tuple[Split, ...] = ()
    even = None
    if a.splits is not None:
        splits = checked_splits(
            columns or SplitColumns.of_models(a.splits),
            loc + ("splits",),
            race_m,
            problems,
            must_finish=a.role != "pacer" and not a.dnf,
            hint=DNF_HINT if a.role == "runner" else "",
        )
        if a.dropout is not None and splits and a.dropout.distance_m != splits[-1].distance_m:
            problems.append(
                Problem(
                    json_path(loc + ("dropout", "distance_m")),
                    "a pacer with splits drops out at its last split",
                )
            )
    elif a.even_pace is not None:
        even = _even_pace_time(a.even_pace.time, loc + ("even_pace", "time"), race_m, problems)
    if a.dnf:
        why = _dnf_problem(a, splits, race_m)
        if why is not None:
            problems.append(Problem(json_path(loc + ("dnf",)), why))
    if a.dq and a.role != "runner":
        why = f'only a runner can be marked "dq" (a {a.role} cannot)'
        problems.append(Problem(json_path(loc + ("dq",)), why))
    formation = None
    if a.formation is not None:
        f = a.formation
        formation = Formation(f.follows, f.offset_m, f.lane, f.estimated)
    dropout = None
    if a.dropout is not None:
        d = a.dropout
        dropout = Dropout(d.distance_m, d.exit_lane, d.estimated, d.source)
    return Athlete(
        id=a.id,
        name=a.name,
        role=a.role,
        colour=a.colour or "",
        bib=a.bib,
        country=a.country,
        splits=splits,
        even_pace_time_s=even,
        formation=formation,
        dropout=dropout,
        estimated=a.estimated,
        note=a.note,
        dnf=a.dnf,
        dq=a.dq,
        lane=a.lane,
    )


def check_formations(model: RaceFileModel, problems: list[Problem]) -> None:
    """Ids are unique, a runner is there, and every formation follows an athlete of the file
    without a loop."""
    _check_leaders_and_runner(model, problems)
    seen: dict[str, int] = {}
    for i, a in enumerate(model.athletes):
        if a.id in seen:
            problems.append(
                Problem(
                    json_path(("athletes", i, "id")),
                    f"duplicate id {a.id!r} (also athletes[{seen[a.id]}])",
                )
            )
        seen.setdefault(a.id, i)
    _check_loops(model, problems)


def _missing_leaders(model: RaceFileModel) -> dict[str, list[int]]:
    """Ids that formations follow but no athlete has, each with the indices of the athletes
    that follow it, in file order."""
    ids = {a.id for a in model.athletes}
    missing: dict[str, list[int]] = {}
    for i, a in enumerate(model.athletes):
        f = a.formation
        if f is not None and f.follows != a.id and f.follows not in ids:
            missing.setdefault(f.follows, []).append(i)
    return missing


def _followers(model: RaceFileModel, indices: list[int]) -> str:
    """ "13 pacers follow", "1 pacer follows", "2 athletes follow" (of mixed roles)."""
    roles = {model.athletes[i].role for i in indices}
    noun = roles.pop() if len(roles) == 1 else "athlete"
    n = len(indices)
    return f"1 {noun} follows" if n == 1 else f"{n} {noun}s follow"


def _check_leaders_and_runner(model: RaceFileModel, problems: list[Problem]) -> None:
    """One problem per id that formations follow but no athlete has (not one per follower:
    a deleted runner made 13 lines), and one if no athlete is a runner; without a runner the
    first missing id is likely the runner's, and the two are said in one line."""
    missing = _missing_leaders(model)
    no_runner = not any(a.role == "runner" for a in model.athletes)
    for k, (leader, indices) in enumerate(missing.items()):
        first = json_path(("athletes", indices[0], "formation", "follows"))
        followers = _followers(model, indices)
        if k == 0 and no_runner:
            problems.append(
                Problem(
                    "$.athletes",
                    f"no runner: {followers} {leader!r}, but no athlete has that id, and none "
                    f'has role "runner" (first follower at {first})',
                )
            )
        elif len(indices) == 1:
            problems.append(Problem(first, f"no athlete with id {leader!r}"))
        else:
            problems.append(
                Problem(first, f"no athlete with id {leader!r} ({followers} it; this is the first)")
            )
    if no_runner and not missing:
        problems.append(Problem("$.athletes", 'needs at least one athlete with role "runner"'))


def check_a_finisher(model: RaceFileModel, problems: list[Problem]) -> None:
    """A problem if every runner is marked "dnf" (a replay follows a runner who finishes),
    unless a "dnf" already has one of its own (a runner who did finish, marked by mistake)."""
    runners = [a for a in model.athletes if a.role == "runner"]
    if not runners or not all(a.dnf for a in runners):
        return
    if any(p.where.endswith(".dnf") for p in problems):
        return
    problems.append(
        Problem(
            "$.athletes",
            'every runner is marked "dnf": at least one runner must finish (the one a replay '
            "follows)",
        )
    )


def _check_loops(model: RaceFileModel, problems: list[Problem]) -> None:
    """A formation that follows itself, or a chain of leaders that comes back to it: each
    loop once, at its first athlete in the file (fisher -> teare -> fisher had been said
    again at teare as teare -> fisher -> teare: reviewer R15)."""
    ids = {a.id for a in model.athletes}
    follows = {a.id: a.formation.follows for a in model.athletes if a.formation is not None}
    told: set[str] = set()  # the athletes on a loop already reported
    for i, a in enumerate(model.athletes):
        if a.formation is None or a.id in told:
            continue
        loc = json_path(("athletes", i, "formation", "follows"))
        if a.formation.follows == a.id:
            problems.append(Problem(loc, f"{a.id!r} cannot follow itself"))
        elif a.formation.follows in ids:
            chain, on_chain = [a.id], {a.id}
            cur = a.formation.follows
            while cur in follows and cur not in on_chain:
                chain.append(cur)
                on_chain.add(cur)
                cur = follows[cur]
            if cur == a.id:
                problems.append(Problem(loc, "formation loop: " + " -> ".join(chain + [cur])))
                told |= on_chain
