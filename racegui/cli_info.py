"""racegui info: a race's title, distance, target, athletes, the followed runner's laps
against the target, her splits as the file gives them, and the events, as text or as one
JSON object (times s, distances m)."""

from __future__ import annotations

import argparse
import functools
import json
import math

from racegui.cli_args import EXIT_OK
from racegui.cli_output import stdout_takes_any_text, to_stderr
from racegui.cli_read import compare_arg, followed, read_file_arg
from racegui.cli_text import cell, estimated_mark, lap_cell, name_width, outcome, stand_in_note


def rounded(value: float | None, digits: int | None = 3) -> float | None:
    """value rounded to `digits` (None: not rounded), or None for no value or NaN."""
    if value is None or not math.isfinite(value):
        return None
    return float(value) if digits is None else round(float(value), digits)


def dropout_is_estimated(replay, i: int) -> bool | None:
    """Whether athlete i's dropout is estimated, as the window marks it "est."; None for an
    athlete that does not drop out."""
    from racegui.model.analysis import dropout_estimated

    if not math.isfinite(replay.dropout_time_s[i]):
        return None
    return dropout_estimated(replay, i)


def final_places(replay) -> dict[int, int]:
    """Place (1: the winner) of each runner who finished, by row, from the finish times (to
    the hundredth, level runners sharing a place), as state's at the end of the race; none
    for a runner who did not finish, a pacer or the target."""
    import numpy as np

    from racegui.model.standings import places

    return places(replay, math.inf, np.zeros(len(replay.ids)))


def finishing_order(athletes: list[dict]) -> list[dict]:
    """info --json's athletes in finishing order: the runners who finished by place, then
    those who did not finish, the furthest first, then those disqualified (those who
    finished first, then the furthest), then everyone else (pacers, the target) as the file
    lists them (a coach had read a results list in file order)."""
    placed = sorted((a for a in athletes if a["place"] is not None), key=lambda a: a["place"])
    out = sorted(
        (a for a in athletes if a["place"] is None and _place_cell(a)),
        key=lambda a: (a["dq"], a["dnf"], -(a["dropout_distance_m"] or 0.0)),
    )
    shown = {id(a) for a in (*placed, *out)}
    return [*placed, *out, *(a for a in athletes if id(a) not in shown)]


def _place_cell(a: dict) -> str:
    """An athlete's place in info's list: "1", "DNF" for a runner who did not finish, "DQ"
    for one disqualified, "" for a pacer or the target."""
    if a["place"] is not None:
        return str(a["place"])
    if a["role"] != "runner":
        return ""
    return "DQ" if a["dq"] else "DNF" if a["dnf"] else ""


def _info_data(replay, digits: int | None = 3) -> dict:
    """What info reports, times (s) and distances (m) rounded to `digits` as --json prints
    them; None keeps them whole, for text that rounds event times up. An athlete's finish,
    and where a runner who did not finish stopped, are as published (published_time: a
    photo finish's 232.001 is 232.01, as printed and as the file splits and events have
    it) with their decimals ("time_decimals"); a pacer's dropout, read from the model, is
    rounded up to the hundredth as every moment is ("dropout_decimals": 2)."""
    from racegui.model import analysis
    from racegui.model.timefmt import PUBLISHED_DECIMALS, published_time

    race = replay.race
    num = functools.partial(rounded, digits=digits)
    places = final_places(replay)
    athletes = []
    for i, a in enumerate(replay.athletes):
        dropout_s = float(replay.dropout_time_s[i])
        dropout_decimals = a.finish_decimals if a.dnf else PUBLISHED_DECIMALS
        athletes.append(
            {
                "id": a.id,
                "name": a.name,
                "role": a.role,
                "colour": a.colour,
                "finish_time_s": num(published_time(replay.finish_time_s[i], a.finish_decimals)),
                "dropout_distance_m": num(replay.dropout_distance_m[i]),
                "dropout_time_s": num(published_time(dropout_s, dropout_decimals)),
                "dropout_estimated": dropout_is_estimated(replay, i),
                "dnf": a.dnf,
                "dq": a.dq,
                "estimated": a.estimated,
                "place": places.get(i),
                "time_decimals": a.finish_decimals,
                "dropout_decimals": dropout_decimals if math.isfinite(dropout_s) else None,
            }
        )
    laps = [
        {
            "lap": lap.number,
            "distance_m": num(lap.end_m),
            "time_s": num(lap.time_s),
            "lap_time_s": num(lap.lap_time_s),
            "target_lap_time_s": num(lap.target_lap_time_s),
            "delta_s": num(lap.delta_s),
            "target_time_s": num(lap.target_time_s),
            "gap_s": num(None if lap.target_time_s is None else lap.time_s - lap.target_time_s),
            "published": lap.published,
            "lap_time_published": lap.lap_time_published,
            "stopped": lap.stopped,
            "at_stop": lap.at_stop,
            "decimals": lap.decimals,
            "lap_decimals": lap.lap_decimals,
        }
        for lap in analysis.lap_table(replay)
    ]
    splits = [
        {
            "distance_m": num(s.distance_m),
            "time_s": num(s.time_s),
            "target_time_s": num(s.target_time_s),
            "published": s.published,
        }
        for s in analysis.split_table(replay, every_m=200.0)
    ]
    given = []
    start_m = 0.0
    for row in analysis.given_splits(replay):
        given.append(
            {
                "distance_m": num(row.distance_m),
                "time_s": num(row.time_s),
                "split_s": num(row.segment_time_s),
                "over_m": num(row.distance_m - start_m),
                "target_split_s": num(row.target_segment_time_s),
                "delta_s": num(row.segment_delta_s),
                "gap_s": num(row.delta_s),
                "estimated": not row.published,
                "decimals": row.decimals,
                "split_decimals": row.segment_decimals,
                "at_stop": bool(
                    replay.focus_dnf and abs(row.distance_m - replay.focus_stop_m) < 1e-6
                ),
            }
        )
        start_m = row.distance_m
    events = [
        {
            "time_s": num(e.time_s),
            "kind": e.kind,
            "athlete": e.athlete,
            "distance_m": num(e.distance_m),
            "label": e.label,
            "estimated": e.estimated,
        }
        for e in analysis.events(replay)
    ]
    return {
        "title": race.title,
        "date": race.date,
        "venue": race.venue,
        "distance_m": race.distance_m,
        "target_time_s": num(race.target_time_s),
        "focus": replay.ids[replay.focus],
        "athletes": athletes,
        "laps": laps,
        "splits_200m": splits,
        "file_splits": given,
        "events": events,
        "notes": list(race.notes),
        "sources": [
            {k: v for k, v in (("id", s.id), ("title", s.title), ("url", s.url)) if v is not None}
            for s in race.sources
        ],
    }


def _event_time(e: dict, decimals: dict[str, int]) -> str:
    """An event's race time: rounded up to the hundredth (typed back, it lands at or after the
    event); a finish, and where a runner who did not finish stopped (her last split), as
    published, at the decimals of her finish (decimals: by id, as info --json's
    time_decimals), as the athletes list has them."""
    from racegui.model.timefmt import format_published, format_time_up

    if e["kind"] in ("finish", "dnf"):
        return format_published(e["time_s"], decimals.get(e["athlete"], 2))
    return format_time_up(e["time_s"])


def _print_info(data: dict) -> None:
    """info's text for data (_info_data with times not rounded)."""
    from racegui.model.timefmt import format_delta, format_published, format_time

    print(data["title"])
    where = ", ".join(x for x in (data["venue"], data["date"]) if x)
    if where:
        print(where)
    target = data["target_time_s"]
    print(f"Distance {data['distance_m']:g} m   Target {format_time(target) if target else 'none'}")
    print("\nAthletes")
    width = name_width(a["name"] for a in data["athletes"])
    places = [_place_cell(a) for a in data["athletes"]]
    place_width = max(len(p) for p in places)
    for a in finishing_order(data["athletes"]):
        place = _place_cell(a).rjust(place_width)
        name = cell(a["name"], width)
        print(f"  {place}  {name}  {a['role']:<6}  {_info_outcome(a)}".rstrip())
    followed = next(a for a in data["athletes"] if a["id"] == data["focus"])
    focus = followed["name"]
    laps = data["laps"]
    until = ""
    mark = _place_cell({**followed, "place": None})  # "DNF" or "DQ" where she stopped
    if followed["dnf"]:  # her laps end where she stopped, not at the finish
        until = f" until the stop at {_metres(followed['dropout_distance_m'])} m ({mark})"
    print(f"\nLaps of {focus}, to each finish-line crossing{until}")
    if not all(lap["lap_time_published"] for lap in laps):
        print(f"(est.: read from the model between published splits{_lap_est_legend(laps)})")
    if data["target_time_s"]:
        print("(delta: the lap against the target's lap; gap: to the target at the line)")
    row = "  {:<6}  {:>11}  {:>8}  {:>7}  {:>7}  {:>6}  {:>6}  {}"
    print(row.format("", "to", "time", "lap", "target", "delta", "gap", "").rstrip())
    for lap in laps:
        tgt, delta, gap = lap["target_lap_time_s"], lap["delta_s"], lap["gap_s"]
        cells = (
            lap_cell(lap, mark),
            f"{lap['distance_m']:.2f} m",
            # timed by analysis: up to the hundredth, as everywhere, or as published
            format_published(lap["time_s"], lap["decimals"]),
            format_published(lap["lap_time_s"], lap["lap_decimals"]),
            format_time(tgt) if tgt else "-",
            format_delta(delta) if delta is not None else "-",
            format_delta(gap) if gap is not None else "-",
            _lap_mark(lap),
        )
        print(row.format(*cells).rstrip())
    lap_ends = {round(lap["distance_m"], 2) for lap in laps}
    if not {round(split["distance_m"], 2) for split in data["file_splits"]} <= lap_ends:
        # not all in the laps table already
        _print_file_splits(focus, data["file_splits"], data["distance_m"], mark)
    print("\nEvents (rounded up to the hundredth, as athletics timing does; finishes as published)")
    decimals = {a["id"]: a["time_decimals"] for a in data["athletes"]}
    for e in data["events"]:
        label = e["label"] + estimated_mark(e["estimated"])
        print(f"  {_event_time(e, decimals):>8}  {e['distance_m']:8.2f} m  {label}")
    if data["notes"]:
        print("\nNotes")
        for note in data["notes"]:
            print(f"  - {note}")
    if data["sources"]:
        print("\nSources")
        for source in data["sources"]:
            url = source.get("url")
            print(f"  - {source['title']}" + (f" <{url}>" if url else ""))


def _lap_est_legend(laps: list[dict]) -> str:
    """What "lap est." means, after what "est." does, if some lap has it, else "". (Such a
    lap follows one read from the model: the two marks are explained together.)"""
    if any(_lap_mark(lap) == "lap est." for lap in laps):
        return "; lap est.: only the lap time and delta are"
    return ""


def _lap_mark(lap: dict) -> str:
    """The laps table's last cell: "" for a lap from published split to published split,
    "lap est." for one whose time is published but whose lap time is read from the model
    (its start is not a split: a coach's review had read "est." on a published 6:32.00),
    "est." for one whose time is read from the model too."""
    if lap["lap_time_published"]:
        return ""
    return "lap est." if lap["published"] else "est."


def _split_cell(split: dict, k: int, race_m: float, mark: str) -> str:
    """The file splits table's first cell: "finish" for a split at the race distance (m),
    her mark ("DNF", "DQ") where a runner who did not finish stopped (her last split had
    read "finish"), else "split 3"."""
    if split["at_stop"]:
        return mark
    if abs(split["distance_m"] - race_m) < 1e-6:
        return "finish"
    return f"split {k + 1}"


def _print_file_splits(focus: str, splits: list[dict], race_m: float, mark: str) -> None:
    """info's table of the followed runner's splits as the race file gives them (none for a
    runner it gives an even pace): a coach's typed 400 m splits of a 1500 m were nowhere in
    info, whose laps end at the finish line (300, 700, 1100 m) and are read from the model.
    race_m: the race distance (m); mark: hers where she stopped short ("DNF", "DQ")."""
    from racegui.model.timefmt import format_delta, format_published, format_time

    if not splits:
        return
    print(f"\nSplits of {focus}, as in the race file")
    print("(delta: the split against the target's; gap: to the target at that distance)")
    row = "  {:<7}  {:>10}  {:>8}  {:>8}  {:>9}  {:>7}  {:>6}  {:>6}  {}"
    print(row.format("", "at", "time", "split", "over", "target", "delta", "gap", "").rstrip())
    for k, split in enumerate(splits):
        target, delta, gap = split["target_split_s"], split["delta_s"], split["gap_s"]
        cells = (
            _split_cell(split, k, race_m, mark),
            f"{_metres(split['distance_m'])} m",
            format_published(split["time_s"], split["decimals"]),
            format_published(split["split_s"], split["split_decimals"]),
            f"{_metres(split['over_m'])} m",
            format_time(target) if target is not None else "-",
            format_delta(delta) if delta is not None else "-",
            format_delta(gap) if gap is not None else "-",
            "est." if split["estimated"] else "",
        )
        print(row.format(*cells).rstrip())


def _metres(m: float) -> str:
    """Metres to the centimetre, without trailing zeros: "400", "409.34"."""
    return f"{m:.2f}".rstrip("0").rstrip(".")


def _info_outcome(a: dict) -> str:
    """ "finished 4:06.42", "dropped out at 780 m, 1:57.91 (est.)", "did not finish at
    2000 m, 6:30.40" ("disqualified at", "finished 4:06.42, disqualified") or "" for one
    athlete of info."""
    return outcome(
        a["finish_time_s"],
        a["dropout_distance_m"],
        a["dropout_time_s"],
        estimated=bool(a["dropout_estimated"]),
        dnf=a["dnf"],
        decimals=a["time_decimals"],
        dq=a["dq"],
    )


def run_info(args: argparse.Namespace) -> int:
    """racegui info for its parsed arguments; returns the exit code."""
    from racegui.cli_compare import compare_data, print_compare

    replay = followed(read_file_arg(args, "racegui info"), args.file, args.follow, "racegui info")
    other = compare_arg(args, replay, "racegui info")
    note = stand_in_note(replay, other, args.compare) if other is not None else ""
    if note:
        to_stderr(f"racegui info: note: {note}")
    digits = 3 if args.json else None
    data = _info_data(replay, digits)
    if other is not None:
        data["compare"] = compare_data(replay, other, digits)
    if args.json:
        print(json.dumps(data, ensure_ascii=not stdout_takes_any_text()))
        return EXIT_OK
    _print_info(data)
    if other is not None:
        focus = replay.athletes[replay.focus]
        print_compare(focus.name, data["compare"], focus.end_mark or "DNF")
    return EXIT_OK
