"""Checks of the lanes a race file gives its athletes: only an 800 m starts in lanes
(model.lane_start), one athlete a lane, and only athletes who start in one have a lane."""

from __future__ import annotations

from racegui.io.errors import Problem, json_path
from racegui.io.schema import LANES, RaceFileModel
from racegui.model.lane_start import LANE_START_LAPS
from racegui.model.track import STANDARD_TRACK


def lane_problems(model: RaceFileModel, race_m: float) -> list[Problem]:
    """One problem (one line, at the athlete's "lane") for each lane the race cannot use: in
    a race other than an 800 m, on a ghost or an athlete in a formation slot, in an 800 m
    that starts on one line (someone runs in a formation, or more start than there are
    lanes), or a lane given twice."""
    given = [(i, a) for i, a in enumerate(model.athletes) if a.lane is not None]
    if not given:
        return []
    problems: list[Problem] = []
    in_lanes = abs(race_m - LANE_START_LAPS * STANDARD_TRACK.lap_m) < 1e-6
    formation = next((i for i, a in enumerate(model.athletes) if a.formation is not None), None)
    starters = sum(a.role != "ghost" for a in model.athletes)
    taken: dict[int, int] = {}
    for i, a in given:
        where = json_path(("athletes", i, "lane"))
        if not in_lanes:
            why = f"only an 800 m starts in lanes (this race is {race_m:g} m)"
        elif a.role == "ghost":
            why = "a ghost starts in no lane (it runs on the kerb)"
        elif a.formation is not None:
            why = "an athlete in a formation slot runs in its slot's lane (formation.lane)"
        elif formation is not None:
            why = (
                f"this 800 m starts on one line, not in lanes: athletes[{formation}] runs in "
                "a formation slot"
            )
        elif starters > LANES:
            why = (
                f"this 800 m starts on one line, not in lanes: {starters} athletes start, "
                f"more than the track's {LANES} lanes"
            )
        elif a.lane in taken:
            why = f"lane {a.lane} is also athletes[{taken[a.lane]}]'s: one athlete a lane"
        else:
            taken[a.lane] = i
            continue
        problems.append(Problem(where, why))
    return problems
