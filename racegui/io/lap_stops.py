"""Stop marks in a lap CSV of several runners (racegui.io.lap_csv): a "DNF" (or "DNS",
"DQ", "DSQ") typed in a lap's time cell where the runner stopped. Her laps before it stand
and she did not finish there (a DNS after laps is shown so too, noted as the contradiction
it is; a DQ noted as disqualified); one with no lap before it is left out of the race (a
DNS as one who did not start). A DQ after as many laps as the finishers run is a runner
disqualified after finishing: her run is shown as timed (noted), and she finishes even
where every other runner is marked (finish_laps). A lap of hers after the
mark, a mark in a file of one runner's laps, or another mark after as many laps as the
finishers run is refused."""

from __future__ import annotations

from racegui.io.csv_rows import DISQUALIFIED, plain_mark
from racegui.io.errors import Problem
from racegui.io.lap_header import LapHeader
from racegui.io.lap_rows import LapRow, StopRow
from racegui.io.laps import distance_name, lap_counts, lap_word, laps_text

LEAVE_OUT = "leave out the laps not run"
"""The hint where a stop mark cannot be read."""
LEFT_OUT = {"DNS": "did not start", "DQ": "was disqualified with no lap"}
"""How a runner marked with no lap before her mark is said to be left out (else "has no
lap")."""


def kind(mark: str) -> str:
    """A stop mark as STOP_MARKS has it ("dq." is "DQ"; "DSQ" is "DQ")."""
    plain = plain_mark(mark)
    return "DQ" if plain in DISQUALIFIED else plain


def finish_laps(
    runners: dict[str, list[LapRow]], marked: dict[str, StopRow], distance_m: float | None
) -> int:
    """How many laps the runners who finish run: the most of a runner not marked, or of
    one disqualified after finishing where she has more and they are the race's
    (distance_m, m; any without it); 0 where no runner finishes (a lone finisher
    disqualified after it had been refused as no finisher: reviewer). A runner not marked
    with fewer laps stops short, as one marked DNF does: Tom disqualified after 4 laps
    beside Ann's 2 unmarked had been refused as "Tom is marked 'DQ' after 4 laps, and a
    runner who finishes runs 2"."""
    most = max((len(laps) for r, laps in runners.items() if r not in marked), default=0)
    dq = [len(runners.get(r, [])) for r, stop in marked.items() if kind(stop.mark) == "DQ"]
    most_dq = max(dq, default=0)
    if most_dq > most and (distance_m is None or most_dq in lap_counts(distance_m)):
        return most_dq
    return most


def _no_finisher(
    marked: dict[str, StopRow], runners: dict[str, list[LapRow]], distance_m: float | None
) -> str:
    """Why a lap CSV whose every runner is marked has no one who finishes, naming each mark
    as it is (it had said every runner had the first runner's mark)."""
    marks = f"{_every(marked)} marked: {_marks_listed(marked, runners)}"
    hint = ""
    if distance_m is not None and any(kind(s.mark) == "DQ" for s in marked.values()):
        counts = " or ".join(str(n) for n in lap_counts(distance_m))
        hint = f" (one disqualified after finishing has {counts} laps before the mark)"
    return f"no runner finishes, as {marks}; a race needs one who finishes{hint}"


def _marks_listed(marked: dict[str, StopRow], runners: dict[str, list[LapRow]]) -> str:
    """ "Tom 'DQ' after 2 laps (line 4) and Ann 'DNF' after 1 lap (line 6)": each runner's
    mark as it is (four at most, then how many more)."""
    said = []
    for runner, stop in marked.items():
        laps = len(runners.get(runner, []))
        after = f"after {lap_word(laps)}" if laps else "with no lap"
        said.append(f"{runner} {stop.mark!r} {after} (line {stop.line})")
    return _and(said if len(said) <= 4 else [*said[:3], f"{len(said) - 3} more"])


def _every(marked: dict[str, StopRow]) -> str:
    """ "the only runner is", "every runner is": who is marked, of a lap CSV whose every
    runner is."""
    return "the only runner is" if len(marked) == 1 else "every runner is"


def dq_finish_words(
    runners: dict[str, list[LapRow]], marked: dict[str, StopRow], count: int
) -> str:
    """What a lap CSV asked for its race distance is told where its most laps (count, as
    finish_laps gives them without it) are a disqualified runner's before her mark, and no
    runner not marked has as many: she finishes, disqualified after it, only in a race of
    that many laps; in a longer one no runner finishes (each mark named where every runner
    is marked). "" otherwise. The file had been told only the distances its laps fit, as
    if a runner had finished them (reviewer)."""
    if not count or any(len(laps) >= count for r, laps in runners.items() if r not in marked):
        return ""
    dq = next(
        (r for r, s in marked.items() if kind(s.mark) == "DQ" and len(runners[r]) == count), None
    )
    if dq is None:
        return ""
    stop = marked[dq]
    if any(r not in marked for r in runners):
        whose = f"the {lap_word(count)} are {dq}'s, before the {stop.mark!r} (line {stop.line}):"
    else:
        whose = f"as {_every(marked)} marked, {_marks_listed(marked, runners)},"
    return (
        f"; {whose} only in a race of {lap_word(count)} does {dq} finish, disqualified after "
        "finishing; in a longer race no runner finishes, and a race needs one"
    )


def apply_stops(
    stops: list[StopRow],
    runners: dict[str, list[LapRow]],
    header: LapHeader,
    problems: list[Problem],
    notes: list[str],
    distance_m: float | None = None,
) -> dict[str, StopRow]:
    """The mark of each runner marked as stopping (or disqualified) who has laps, which stay
    in runners (in order); a runner with no lap before her mark is taken out of runners,
    noted in notes. distance_m: the race's (m), if known (finish_laps). Problems added to
    problems (then {})."""
    if not stops:
        return {}
    before = len(problems)
    if header.runner is None:
        first = stops[0]
        problems.append(
            Problem(
                first.place,
                f"{first.mark!r} is not a time: a lap CSV of one runner's laps needs the runner "
                f"to finish; {LEAVE_OUT}",
            )
        )
        return {}
    marked: dict[str, StopRow] = {}
    for stop in stops:
        if stop.runner in marked:
            again = marked[stop.runner]
            problems.append(
                Problem(
                    stop.place,
                    f"{stop.mark!r} again for {stop.runner} (line {again.line}): one mark "
                    "where the runner stopped",
                )
            )
            continue
        marked[stop.runner] = stop
        for row in runners.get(stop.runner, []):
            if row.lap >= stop.lap:
                problems.append(Problem(f"line {row.line}", _lap_after(row, stop)))
    most = finish_laps(runners, marked, distance_m)
    if not problems[before:] and most == 0:
        problems.append(Problem(stops[0].place, _no_finisher(marked, runners, distance_m)))
    for runner, stop in marked.items():
        laps = len(runners.get(runner, []))
        finished = kind(stop.mark) == "DQ" and laps == most  # disqualified after it
        if (
            not problems[before:]
            and laps >= most
            and not finished
            and not _mid_race(stop, laps, distance_m)
        ):
            said = _past_race(runner, stop, runners, marked, most, distance_m) or (
                f"{runner} is marked {stop.mark!r} after {lap_word(laps)}, and a runner "
                f"who finishes runs {most}: {LEAVE_OUT}"
            )
            problems.append(Problem(stop.place, said))
    if problems[before:]:
        return {}
    stopped = {}
    for runner, stop in marked.items():
        if runners.get(runner):
            stopped[runner] = stop
            continue
        runners.pop(runner, None)
        how = LEFT_OUT.get(kind(stop.mark), "has no lap")
        notes.append(f"{runner} {how} ({stop.mark!r} at {stop.place}) and is left out of the race.")
    return stopped


def _mid_race(stop: StopRow, laps: int, distance_m: float | None) -> bool:
    """Whether a runner's mark after laps is a DQ before the race's (distance_m, m) laps
    are run: no lap too many, whatever the others not marked have (Tom disqualified after 3
    laps of a 1500 m beside Ann's 2 unmarked had been "Tom is marked 'DQ' after 3 laps, and
    a runner who finishes runs 2"; now Ann's 2 laps are told they are no 1500 m's)."""
    return kind(stop.mark) == "DQ" and distance_m is not None and laps < min(lap_counts(distance_m))


def _past_race(
    runner: str,
    stop: StopRow,
    runners: dict[str, list[LapRow]],
    marked: dict[str, StopRow],
    most: int,
    distance_m: float | None,
) -> str | None:
    """What a runner marked after more laps than the race (distance_m, m) has is told where
    the runners not marked have fewer than it (most): her laps are too many, and they did
    not finish (Tom 'DQ' after 5 laps of a 1500 m beside Ann's 2 unmarked had been told "a
    runner who finishes runs 2", as if Ann finished); None otherwise."""
    laps = len(runners.get(runner, []))
    if distance_m is None:
        return None
    counts = lap_counts(distance_m)
    if laps <= max(counts) or most >= min(counts):
        return None
    race = laps_text(distance_m) if counts[0] > 1 else "1 lap"
    if len(counts) > 1:
        race += f", or {counts[1]} with the part lap in the first"
    short = [(r, len(rows)) for r, rows in runners.items() if r not in marked and rows]
    names = _and([r for r, _ in short])
    have = _and([str(n) for _, n in short])
    needs = "needs a mark" if len(short) == 1 else "need marks"
    return (
        f"{runner} is marked {stop.mark!r} after {lap_word(laps)}, but "
        f"{distance_name(distance_m)} is {race}: {LEAVE_OUT}; {names}, with {have} of its "
        f"laps and no mark, did not finish, or {needs}"
    )


def _and(words: list[str]) -> str:
    """ "Ann", "Ann and Bob", "Ann, Bob and Cy"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _lap_after(row: LapRow, stop: StopRow) -> str:
    """What a lap of a runner at or after her stop mark is told."""
    where = f"the {stop.mark!r} at lap {stop.lap} (line {stop.line})"
    if row.lap == stop.lap:
        return f"{stop.runner} has a time for lap {row.lap}, the lap of {where}: {LEAVE_OUT}"
    return f"{stop.runner} has lap {row.lap} after {where}: {LEAVE_OUT}"
