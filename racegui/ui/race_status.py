"""Words and numbers a broadcast graphic shows for one instant: clock, lap, distance, gaps."""

from __future__ import annotations

import math
from dataclasses import dataclass

from racegui.model.analysis import timed
from racegui.model.dates import day_and_month, iso_day
from racegui.model.names import short_name
from racegui.model.replay import RaceState, Replay
from racegui.model.timefmt import (
    clock_text,
    format_gap,
    metres_text,
    metres_to_go_text,
    published_time,
)

BELL_LAP = "Bell lap"
"""The lap text of the last lap (it had been "Bell: last lap", which beside a runner named
Bell, as a Breaking4 pacer is, read as her words)."""


@dataclass(frozen=True)
class Gap:
    """How far the focus runner is behind something: seconds and metres (negative = ahead)."""

    label: str
    seconds: float
    metres: float | None
    """None once the metres no longer span the gap drawn on the track (the target finished)."""
    colour: str | None = None
    """"#rrggbb" of what she is measured against, as drawn on the track (the pacing light's
    green); None for another race's runner, drawn in the theme's compare colour."""

    def text(self) -> str:
        """ "+1.45 s / 9.7 m" style text (sign on the seconds), or "+6.32 s"; a minute or
        more reads as a time, "+2:05.81 / 676.4 m" (format_gap)."""
        if self.metres is None:
            return format_gap(self.seconds)
        return f"{format_gap(self.seconds)} / {abs(self.metres):.1f} m"


@dataclass(frozen=True)
class RaceStatus:
    """The overlay's text for one frame."""

    clock: str
    lap_text: str
    lap_detail: str
    distance_text: str
    finished: bool
    target_gap: Gap | None
    compare_gap: Gap | None
    distance_forms: tuple[str, ...] = ()
    """Shorter forms of distance_text, longest first, for a board too narrow for it ("409 m
    to go" for "1,200 m run  ·  409 m to go"): the first that fits is drawn."""


def start_name(replay: Replay) -> str:
    """The part lap before a race's first full lap, as the splits table names it ("Start ·
    9 m" for a mile's 9.34 m, "Start · 300 m" for a 1500 m's)."""
    return f"Start · {replay.partial_lap_m:.0f} m"


def lap_words(replay: Replay, distance_m: float, finished: bool) -> tuple[str, str]:
    """("Lap 3 of 4", "2 laps to go") / ("Bell lap", "Lap 4 of 4") / ("Finished", ""); a race
    of one lap or less has no laps to count: ("200 m", "") (a 200 m had read "Bell: last
    lap, Lap 1 of 0" from the gun). In a first part lap ("Start · 9 m", "4 laps to go"): the
    mile's first 9.34 m had read "Lap 1 of 4" on the scoreboard while the panel and the
    splits table called them the start and "Lap 1" the 400 m after (coach's review)."""
    total = replay.total_laps
    if finished:
        return "Finished", ""
    if replay.race.distance_m <= replay.track.lap_m + 1e-6:
        return f"{replay.race.distance_m:,.0f} m", ""
    lap = int(replay.lap_of(distance_m))
    if lap == 0:  # the part lap before the first full lap: named as the panel names it
        return start_name(replay), ("1 lap to go" if total == 1 else f"{total} laps to go")
    to_go = total - lap + 1
    if distance_m <= 0.0:
        return f"Lap 1 of {total}", "Start"
    if to_go <= 1:
        return BELL_LAP, f"Lap {lap} of {total}"
    return f"Lap {lap} of {total}", f"{to_go} laps to go"


def compare_gap(replay: Replay, other: Replay, t: float, runner_m: float) -> Gap:
    """Focus runner against another race's focus runner at the same race clock t (s).

    Seconds as for the target (Replay.gap_to_target): t minus when the other runner passed,
    or will pass, the runner's distance; positive is behind. From the runner's finish on,
    the final margin (her time minus the other's). Metres: the other's distance minus hers.
    """
    j = other.focus
    other_m = float(other.distances_at(t)[0][j])
    race_m = replay.race.distance_m
    runner_m = min(runner_m, race_m)
    metres = min(other_m, other.race.distance_m) - runner_m
    finish_r = float(replay.finish_time_s[replay.focus])
    finish_o = float(other.finish_time_s[j])
    if math.isfinite(finish_r) and math.isfinite(finish_o) and t >= finish_r:
        seconds = finish_r - finish_o
    else:
        passes = float(other.time_at_distance(j, runner_m))
        seconds = t - passes if math.isfinite(passes) else 0.0
    return Gap(compare_label(other, replay), seconds, metres)


COMPARE_TITLE_CHARS = 12
"""Longest part of a race title a compared race's tag carries (characters): "Ortiz,
County" for "County Championships 1500 m heat 2 in pouring rain and wind" (24, clipped,
had made "Ortiz, County Championships he…", a tag too long to place beside the pack and
cut on the scoreboard: review R11)."""
_FILLER_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})
"""Words a short title does not end with ("heat 2 in" is "heat 2")."""


def compare_label(other: Replay, replay: Replay | None = None) -> str:
    """A compared race's runner by surname and year ("Kipyegon 2023"; "Runner A" whole).
    Where that name would be taken for a runner of `replay`'s race (namesake: her own other
    run, or a runner of the same surname), it names the other race: its year where that
    differs ("Hale 2024"), else its day ("Hale 12 May"), else what its title says that the
    shown race's does not ("Hale, Open meet"), else "other race". One word, "Hale", had
    named both her and her ghost, and "Ortiz" a June ghost beside the May race's own Sam
    Ortiz (coach's reviews)."""
    runner = other.athletes[other.focus].name
    name = short_name(runner)
    date = other.race.date or ""
    if replay is None or not namesake(other, replay):
        return f"{name} {date[:4]}".strip()
    own = replay.race.date or ""
    if date[:4] and date[:4] != own[:4]:
        return f"{name} {date[:4]}"
    if date and date != own:
        day = iso_day(date)
        return f"{name} {day_and_month(day) if day is not None else date}"
    if other.race.title.casefold().split() == replay.race.title.casefold().split():
        return f"{name}, {OTHER_RACE}"
    title = _short_title(_distinct_title(other.race.title, runner, replay.race.title))
    return f"{name}, {title or OTHER_RACE}"


OTHER_RACE = "other race"
"""What a namesake's tag says of her race where neither its date nor its title tells it
from the race shown."""


def namesake(other: Replay, replay: Replay) -> bool:
    """Whether `other`'s followed runner, as her tag names her (short_name), could be taken
    for a runner of `replay`'s race: her tag's name is the whole name or the surname of any
    athlete there (her own run there too, or another "Ortiz"), in any letter case."""
    tag = short_name(other.athletes[other.focus].name).casefold()
    return any(tag in (a.name.casefold(), short_name(a.name).casefold()) for a in replay.athletes)


def _distinct_title(title: str, runner: str, shown_title: str) -> str:
    """What of a compared race's title tells it apart: without the runner's name and the
    words the shown race's title has too ("Emma Carter 1500 m heat" beside "Emma Carter
    1500 m final": "heat"; the tag had read "Carter, Emma Carter 1500 m h…", coach's
    review); the title without her name if nothing else is left, the title if not even that."""

    def key(word: str) -> str:
        return word.casefold().strip(_TITLE_PUNCTUATION)

    drop = {key(w) for w in runner.split()}
    shown = {key(w) for w in shown_title.split()}
    words = title.split()
    kept = [w for w in words if key(w) not in drop]
    distinct = [w for w in kept if key(w) not in shown]
    return " ".join(distinct or kept).strip(_TITLE_PUNCTUATION + " ") or title


def _short_title(title: str) -> str:
    """At most COMPARE_TITLE_CHARS of what tells a title apart (_distinct_title): its words
    from the first that fits, while they fit, filler words left off the end ("County
    Championships heat 2 in ..." is "County"); "" where not one word fits."""
    words = [w.strip(_TITLE_PUNCTUATION) for w in title.split()]
    words = [w for w in words if w]
    whole = " ".join(words)
    if len(whole) <= COMPARE_TITLE_CHARS:
        return whole
    start = next((k for k, w in enumerate(words) if len(w) <= COMPARE_TITLE_CHARS), None)
    if start is None:
        return ""
    kept: list[str] = []
    for word in words[start:]:
        if len(" ".join([*kept, word])) > COMPARE_TITLE_CHARS:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1].casefold() in _FILLER_WORDS:
        kept.pop()
    return " ".join(kept)


_TITLE_PUNCTUATION = "-–—:·,|()[]'\""
"""Marks around a title's words that do not make them different words."""


def race_status(replay: Replay, state: RaceState, compare: Replay | None = None) -> RaceStatus:
    """Everything the broadcast graphic writes for this state. A runner who did not finish,
    once she has stopped: the clock held at when she stopped, "Did not finish" and where.
    One disqualified after finishing: "Finished · DQ", "in 9:14.55"."""
    f = replay.focus
    t = state.t
    if replay.focus_stopped(t):
        return _stopped_status(replay, state, compare)
    finish = float(replay.finish_time_s[f])
    finished = math.isfinite(finish) and t >= finish
    run_m = float(min(state.distance_m[f], replay.race.distance_m))
    to_go = max(replay.race.distance_m - run_m, 0.0)
    # With minutes: the graphic keeps its width. A finish as published (3:50.5, not 3:50.50).
    decimals = replay.athletes[f].finish_decimals if finished else 2
    clock = clock_text(published_time(finish, decimals) if finished else t, decimals)
    lap_text, lap_detail = lap_words(replay, run_m, finished)
    if finished:
        lap_detail = f"in {clock}"
        if replay.athletes[f].dq:  # disqualified after finishing
            lap_text = f"{lap_text} · DQ"
    distance = (
        f"{metres_text(run_m)} run  ·  {metres_to_go_text(to_go)} to go"
        if not finished
        else metres_text(replay.race.distance_m)
    )
    short = () if finished else (f"{metres_to_go_text(to_go)} to go",)
    target = _target_gap(replay, state)
    other = compare_gap(replay, compare, t, run_m) if compare is not None else None
    return RaceStatus(clock, lap_text, lap_detail, distance, finished, target, other, short)


def _stopped_status(replay: Replay, state: RaceState, compare: Replay | None) -> RaceStatus:
    """The graphic once a runner who did not finish has stopped: the clock at when she
    stopped (timed, as the events give it), "Did not finish", "Stopped at 2,200 m of
    3,000 m", and her gaps as they were then (her distance had run on through her few metres
    of easing out, and the gap to another race's runner had grown with the clock)."""
    stop_s, stop_m = replay.focus_stop_s, replay.focus_stop_m
    decimals = replay.athletes[replay.focus].finish_decimals
    clock = clock_text(published_time(float(timed(stop_s)), decimals), decimals)
    distance = f"Stopped at {stop_m:,.0f} m of {replay.race.distance_m:,.0f} m"
    short = (f"Stopped at {stop_m:,.0f} m",)
    target = _target_gap(replay, state)
    other = compare_gap(replay, compare, stop_s, stop_m) if compare is not None else None
    how = "Disqualified" if replay.athletes[replay.focus].dq else "Did not finish"
    return RaceStatus(clock, how, "", distance, False, target, other, short)


def _target_gap(replay: Replay, state: RaceState) -> Gap | None:
    """The focus runner's gap to the target in state (None without a target)."""
    t = state.t
    target = None
    if replay.target is not None and state.gap_to_target_s is not None:
        name = replay.athletes[replay.target].name
        # Once the target waits at the line the model holds the metres she was behind as it
        # crossed; the gap drawn on the track is then only what she has left to run.
        held = replay.gap_metres_measured_at(t) is not None
        metres = None if held else float(state.gap_to_target_m)
        colour = replay.athletes[replay.target].colour
        target = Gap(name, float(state.gap_to_target_s), metres, colour)
    return target
