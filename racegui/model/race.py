"""The race description: frozen dataclasses read from a race file, in metres and seconds."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from racegui.model.track import STANDARD_TRACK, Track

Role = Literal["runner", "pacer", "ghost"]
ROLES: tuple[str, ...] = ("runner", "pacer", "ghost")
TARGET_ID = "target"
"""Id of the ghost made from the race's target (reserved: no athlete may use it)."""


@dataclass(frozen=True)
class Split:
    """Elapsed time (s) at a distance run from the start (m)."""

    distance_m: float
    time_s: float
    estimated: bool = False
    source: str | None = None
    decimals: int = 2
    """Decimals its time was published to, up to hundredths (timefmt.written_decimals): 1
    for a 3:50.5 from hand timing or a results site, which is printed so, not as 3:50.50."""


@dataclass(frozen=True)
class Formation:
    """A slot relative to another athlete: along the track (m, + ahead) and across (lanes)."""

    follows: str
    offset_m: float
    lane: float = 1.0
    estimated: bool = False


@dataclass(frozen=True)
class Dropout:
    """Where a pacer leaves the race (metres run) and the lane it eases out to."""

    distance_m: float
    exit_lane: float = 3.5
    estimated: bool = False
    source: str | None = None


@dataclass(frozen=True)
class Athlete:
    """One athlete and how it moves: its own splits, an even pace, or a formation slot."""

    id: str
    name: str
    role: Role
    colour: str = "#888888"
    bib: str | None = None
    country: str | None = None
    splits: tuple[Split, ...] = ()
    even_pace_time_s: float | None = None
    formation: Formation | None = None
    dropout: Dropout | None = None
    estimated: bool = False
    note: str | None = None
    dnf: bool = False
    """A runner who did not finish: she stops at her last split, before the race distance."""
    dq: bool = False
    """A runner disqualified: where she stopped (with dnf) or after she finished (without).
    Results give her "DQ" and no place; the replay runs her as timed."""
    lane: int | None = None
    """Her lane at an 800 m's lane start (model.lane_start); None: the next free one."""

    @property
    def finish_time_s(self) -> float:
        """Her finish time (s) as the file gives it: her last split's, or her even pace's
        (infinite for an athlete with neither, a pacer in a formation)."""
        if self.splits:
            return self.splits[-1].time_s
        if self.even_pace_time_s is not None:
            return self.even_pace_time_s
        return float("inf")

    @property
    def finish_decimals(self) -> int:
        """Decimals her finish time is published to: her last split's (hundredths for an
        even pace or a formation, which the model times)."""
        return self.splits[-1].decimals if self.splits else 2

    @property
    def finisher(self) -> bool:
        """A runner who runs to the finish (not a DNF): the winner is the one a replay follows
        unless told another (a DNF can be followed too, when named)."""
        return self.role == "runner" and not self.dnf

    @property
    def end_mark(self) -> str:
        """What results give her instead of a place: "DQ" (disqualified), "DNF" (did not
        finish), or "" (placed, or no runner)."""
        if self.role != "runner":
            return ""
        return "DQ" if self.dq else "DNF" if self.dnf else ""


@dataclass(frozen=True)
class Target:
    """The race target: an even-pace time (s) or explicit target splits."""

    time_s: float | None = None
    splits: tuple[Split, ...] = ()
    label: str = "Target"
    colour: str = "#39ff6a"


@dataclass(frozen=True)
class Source:
    """Where a published figure was reported."""

    id: str
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Race:
    """A race: its distance (m), athletes, optional target, and provenance."""

    title: str
    distance_m: float
    athletes: tuple[Athlete, ...]
    date: str | None = None
    venue: str | None = None
    target: Target | None = None
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()
    track: Track = field(default=STANDARD_TRACK)
    follow: str | None = None
    """Id of the runner a replay follows unless told another (None: the winner)."""

    def athlete(self, athlete_id: str) -> Athlete:
        """The athlete with this id (KeyError if none)."""
        for a in self.athletes:
            if a.id == athlete_id:
                return a
        raise KeyError(athlete_id)

    @property
    def focus(self) -> Athlete:
        """The runner the file names to follow, else the winner (a runner marked DNF is
        passed over, and so is one disqualified after finishing unless all are; of a dead
        heat, the first in the file): the one a replay follows unless told another
        (compile_race's ``focus``)."""
        if self.follow is not None:
            return self.athlete(self.follow)
        finishers = [a for a in self.athletes if a.finisher]
        if not finishers:
            raise ValueError("race has no runner who finishes")
        placed = [a for a in finishers if not a.dq] or finishers
        return min(placed, key=lambda a: a.finish_time_s)

    @property
    def target_time_s(self) -> float | None:
        """Target finish time (s), from the even-pace time or the last target split."""
        if self.target is None:
            return None
        if self.target.time_s is not None:
            return self.target.time_s
        return self.target.splits[-1].time_s if self.target.splits else None
