"""Command line: `racegui [FILE]` opens the replay window; verbs validate, info, state, import
and export work without a display. Arguments are parsed first and the UI imported lazily, so
the verbs start fast. Every bad argument or file gives one line on stderr and exit code 2."""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import sys
from pathlib import Path
from typing import NoReturn

from racegui import __version__
from racegui.cli_output import run_with_checked_stdout, to_stderr
from racegui.cli_text import (
    FOLLOW_HELP,
    TypedTime,
    after_end_text,
    cell,
    count,
    estimated_mark,
    lap_cell,
    name_width,
    outcome,
)

VERBS = ("validate", "info", "state", "import", "export")
EXIT_OK = 0
EXIT_BAD_INPUT = 2
"""Widest name column of info and state (characters); a longer name is cut with "…"."""


class UsageError(Exception):
    """A bad command-line argument: one line for stderr."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument as one line instead of usage plus exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _time_arg(text: str) -> float:
    from racegui.model.timefmt import TimeFormatError, parse_time

    try:
        return parse_time(text)
    except TimeFormatError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _typed_time_arg(text: str) -> TypedTime:
    """A race time (s) as _time_arg reads it, remembering how it was typed."""
    return TypedTime(_time_arg(text), text)


def _distance_arg(text: str) -> float:
    """Race distance (m) from metres ("1500") or a number and unit as race files have them
    ("1 mile", "1mile", "mile", "1500 m", "5 km")."""
    from racegui.io.race_file import typed_distance_m

    metres = typed_distance_m(text)
    if not math.isfinite(metres) or metres <= 0:  # "-5" had read as a race of 1 lap of -5 m
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a distance (use metres, e.g. 1500, or a number and a unit: "
            '"1500 m", "1 mile", "5 km")'
        )
    return metres


def _size_arg(text: str) -> tuple[int, int]:
    """(width, height) in pixels as export's --size reads them: "WIDTHxHEIGHT" in ASCII
    digits ("1366 x 768" too) or a preset ("1080p", "720p", "square"); "²x1080" and a
    width of 5000 digits had said "invalid _size_arg value"."""
    from racegui.export.options import ExportOptionsError, parse_size

    shown = repr(text) if len(text) <= 40 else repr(text[:40]) + "…"
    try:
        w, h = parse_size(text)
    except ExportOptionsError as exc:
        if "larger than" not in str(exc):
            raise argparse.ArgumentTypeError(
                f"{shown} is not a size (use WIDTHxHEIGHT, e.g. 1920x1080, or 1080p, 720p, square)"
            ) from None
        w = h = 10**9
    if not (16 <= w <= 7680 and 16 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"{shown}: size must be between 16x16 and 7680x4320")
    return w, h


def add_follow_argument(parser: argparse.ArgumentParser) -> None:
    """--follow ID_OR_NAME, for the window and the verbs that report or draw one runner."""
    parser.add_argument("--follow", metavar="ID_OR_NAME", help=FOLLOW_HELP)


def follow_text(prog: str, value: str, path: Path, problem: Exception) -> str:
    """The one line for a --follow that names no runner of the race in path."""
    return f"{prog}: --follow {value}: {path}: {problem}"


def followed(replay, path: Path, value: str | None, prog: str):
    """replay following the runner `value` names (see model.follow.runner_named; None: as
    it is); UsageError naming the file and its runners if she is none of them."""
    from racegui.model.follow import following_named
    from racegui.model.replay import FollowError

    try:
        return following_named(replay, value)
    except FollowError as exc:
        raise UsageError(follow_text(prog, value, path, exc)) from None


def _path_arg(text: str) -> Path:
    """A file name as typed; an empty one is refused (Path("") is ".", which read as "the
    folder '.'" in validate "")."""
    if not text:
        raise argparse.ArgumentTypeError("an empty name is not a file")
    return Path(text)


def _add_csv_arguments(parser: argparse.ArgumentParser, about: str | None) -> None:
    """--distance, --title, --target and --name, in a group of their own: what reading a
    splits CSV may need (a lap CSV needs --distance), for every verb that reads one. about:
    the group's line saying which files they apply to (None: none)."""
    group = parser.add_argument_group("splits CSV options", about)
    group.add_argument(
        "--distance",
        type=_distance_arg,
        metavar="D",
        help='race distance: metres (1500) or with a unit ("1 mile", "5 km"); a lap CSV '
        "(Lap, Lap Time, Total Time) needs it",
    )
    group.add_argument(
        "--title", help="race title (default: a title line above the CSV's header, else its name)"
    )
    group.add_argument(
        "--target",
        type=_time_arg,
        metavar="T",
        help="even-pace target time: seconds or m:ss.xx (default: none)",
    )
    group.add_argument("--name", help="the runner's name in a lap CSV (default: the CSV's name)")


CSV_FILE_ABOUT = "when FILE is a splits CSV (.csv); a race file (.json) has its own"
"""What the splits CSV options of info, state and export apply to, as -h says it."""


def _verb_parser(verb: str) -> argparse.ArgumentParser:
    p = _Parser(prog=f"racegui {verb}")
    if verb == "validate":
        p.description = "Check race files (.json) or split files (.csv); exit 2 if any is bad."
        p.add_argument("files", nargs="+", type=_path_arg, metavar="FILE")
        _add_csv_arguments(
            p, "for each FILE that is a splits CSV (.csv); a race file (.json) has its own"
        )
    elif verb == "info":
        p.description = "Title, distance, target, athletes, laps against target and events."
        p.add_argument("file", type=_path_arg, metavar="FILE")
        add_follow_argument(p)
        p.add_argument(
            "--compare",
            type=_path_arg,
            metavar="FILE",
            help="another race of the same distance: her laps beside its runner's",
        )
        p.add_argument("--json", action="store_true", help="one JSON object on stdout")
        _add_csv_arguments(p, CSV_FILE_ABOUT)
    elif verb == "state":
        p.description = "Where everyone is at race time T."
        p.add_argument("file", type=_path_arg, metavar="FILE")
        add_follow_argument(p)
        p.add_argument(
            "--time",
            "-t",
            required=True,
            type=_typed_time_arg,
            metavar="T",
            help="race time: seconds or m:ss.xx",
        )
        p.add_argument("--json", action="store_true", help="one JSON object on stdout")
        _add_csv_arguments(p, CSV_FILE_ABOUT)
    elif verb == "import":
        p.description = (
            "Turn a splits CSV (athlete, distance_m, time) or a stopwatch's lap CSV (Lap, "
            "Lap Time, Total Time) into a race file."
        )
        p.add_argument("file", type=_path_arg, metavar="CSV")
        p.add_argument("-o", "--output", required=True, type=_path_arg, metavar="OUT.json")
        _add_csv_arguments(p, None)
    elif verb == "export":
        from racegui.export.cli_export import add_export_arguments

        p.description = "Render a replay to MP4, GIF or PNG without a display."
        add_export_arguments(p, time_arg=_typed_time_arg, size_arg=_size_arg, path_arg=_path_arg)
        _add_csv_arguments(p, CSV_FILE_ABOUT.replace("FILE", "FILE (not --compare)", 1))
    return p


def _gui_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="racegui",
        description="Replay a middle-distance race on a to-scale 400 m track. Verbs: "
        + ", ".join(VERBS)
        + " (racegui VERB --help).",
    )
    p.add_argument(
        "file",
        nargs="?",
        type=_path_arg,
        metavar="FILE",
        help="race file to open (default: the Breaking4 demo)",
    )
    p.add_argument("--demo", action="store_true", help="open the Breaking4 demo race")
    p.add_argument("--compare", type=_path_arg, metavar="FILE", help="second race shown as a ghost")
    add_follow_argument(p)
    p.add_argument(
        "--screenshot",
        type=_path_arg,
        metavar="OUT.png",
        help="render the window at --time to an image (.png, .jpg, .webp or .bmp) and exit, "
        "without showing it",
    )
    p.add_argument(
        "--time", "-t", type=_typed_time_arg, metavar="T", help="race time for --screenshot"
    )
    p.add_argument(
        "--size",
        type=_size_arg,
        metavar="WxH",
        help="window size for --screenshot (or 1080p, square...)",
    )
    p.add_argument("--theme", choices=("dark", "light"))
    p.add_argument("--presentation", action="store_true", help="start in presentation mode")
    p.add_argument("--version", action="version", version=f"racegui {__version__}")
    return p


def _num(value: float | None, digits: int | None = 3) -> float | None:
    """value rounded to `digits` (None: not rounded), or None for no value or NaN."""
    if value is None or not math.isfinite(value):
        return None
    return float(value) if digits is None else round(float(value), digits)


def _quoted(title: str) -> str:
    """A title in double quotes, on one line (quotes and line breaks in it escaped)."""
    return json.dumps(title, ensure_ascii=False)


CSV_FLAGS = {
    "distance_m": "--distance",
    "title": "--title",
    "target_time_s": "--target",
    "name": "--name",
}
"""The option that sets each field of CsvOptions."""


def _csv_options(args: argparse.Namespace):
    """The CsvOptions a verb's --distance, --title, --target and --name give."""
    from racegui.io.replay_file import CsvOptions

    return CsvOptions(args.distance, args.title, args.target, args.name)


def _refuse_csv_options(prog: str, options, paths: list[Path]) -> None:
    """UsageError if options (CsvOptions) sets anything but none of paths is a splits CSV."""
    from racegui.io.replay_file import is_splits_csv

    given = [flag for flag, value in vars(options).items() if value is not None]
    if given and not any(is_splits_csv(path) for path in paths):
        flags = " and ".join(CSV_FLAGS[flag] for flag in given)
        raise UsageError(
            f"{prog}: {flags} {'is' if len(given) == 1 else 'are'} for a splits CSV "
            "(.csv); a race file (.json) gives its own"
        )


def read_file_arg(args: argparse.Namespace, prog: str):
    """The Replay of a verb's FILE, a race file (.json) or a splits CSV read with the verb's
    --distance, --title, --target and --name (UsageError if they are given for a race file,
    RaceFileError for a file that cannot be read). The file is only read."""
    from racegui.io.replay_file import read_replay

    options = _csv_options(args)
    _refuse_csv_options(prog, options, [args.file])
    return read_replay(args.file, options)


def _cmd_validate(args: argparse.Namespace) -> int:
    from racegui.io.errors import RaceFileError
    from racegui.io.replay_file import is_splits_csv, read_replay, reading_notes

    bad = 0
    options = _csv_options(args)
    _refuse_csv_options("racegui validate", options, args.files)
    for path in args.files:
        try:
            race = read_replay(path, options).race
        except RaceFileError as exc:
            bad += 1
            for line in exc.lines():
                to_stderr(line)
            continue
        print(f"{path}: ok ({_quoted(race.title)}, {count(len(race.athletes), 'athlete')})")
        for note in reading_notes(race, is_splits_csv(path)):  # read as it is: the user checks
            print(f"  {note}")
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _dropout_estimated(replay, i: int) -> bool | None:
    """Whether athlete i's dropout is estimated, as the window marks it "est."; None for an
    athlete that does not drop out."""
    from racegui.model.analysis import dropout_estimated

    if not math.isfinite(replay.dropout_time_s[i]):
        return None
    return dropout_estimated(replay, i)


def _info_data(replay, digits: int | None = 3) -> dict:
    """What info reports, times (s) and distances (m) rounded to `digits` as --json prints
    them; None keeps them whole, for text that rounds event times up."""
    from racegui.model import analysis

    race = replay.race
    num = functools.partial(_num, digits=digits)
    athletes = []
    for i, a in enumerate(replay.athletes):
        athletes.append(
            {
                "id": a.id,
                "name": a.name,
                "role": a.role,
                "colour": a.colour,
                "finish_time_s": num(replay.finish_time_s[i]),
                "dropout_distance_m": num(replay.dropout_distance_m[i]),
                "dropout_time_s": num(replay.dropout_time_s[i]),
                "dropout_estimated": _dropout_estimated(replay, i),
                "dnf": a.dnf,
                "estimated": a.estimated,
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
                "delta_s": num(row.delta_s),
                "estimated": not row.published,
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


def _event_time(e: dict) -> str:
    """An event's race time: rounded up to the hundredth (typed back, it lands at or after the
    event), a finish as published, to the nearest."""
    from racegui.model.timefmt import format_time, format_time_up

    return format_time(e["time_s"]) if e["kind"] == "finish" else format_time_up(e["time_s"])


def _print_info(data: dict) -> None:
    """info's text for data (_info_data with times not rounded)."""
    from racegui.model.timefmt import format_delta, format_time

    print(data["title"])
    where = ", ".join(x for x in (data["venue"], data["date"]) if x)
    if where:
        print(where)
    target = data["target_time_s"]
    print(f"Distance {data['distance_m']:g} m   Target {format_time(target) if target else 'none'}")
    print("\nAthletes")
    width = name_width(a["name"] for a in data["athletes"])
    for a in data["athletes"]:
        print(f"  {cell(a['name'], width)}  {a['role']:<6}  {_info_outcome(a)}".rstrip())
    followed = next(a for a in data["athletes"] if a["id"] == data["focus"])
    focus = followed["name"]
    laps = data["laps"]
    until = ""
    if followed["dnf"]:  # her laps end where she stopped, not at the finish
        until = f" until she stopped at {_metres(followed['dropout_distance_m'])} m (DNF)"
    print(f"\nLaps of {focus}, to each finish-line crossing{until}")
    if not all(lap["lap_time_published"] for lap in laps):
        print("(est.: read from the model between published splits)")
    if data["target_time_s"]:
        print("(delta: the lap against the target's lap; gap: to the target at the line)")
    row = "  {:<6}  {:>11}  {:>8}  {:>7}  {:>7}  {:>6}  {:>6}  {}"
    print(row.format("", "to", "time", "lap", "target", "delta", "gap", "").rstrip())
    for lap in laps:
        tgt, delta, gap = lap["target_lap_time_s"], lap["delta_s"], lap["gap_s"]
        cells = (
            lap_cell(lap),
            f"{lap['distance_m']:.2f} m",
            format_time(lap["time_s"]),  # timed by analysis: up to the hundredth, as everywhere
            format_time(lap["lap_time_s"]),
            format_time(tgt) if tgt else "-",
            format_delta(delta) if delta is not None else "-",
            format_delta(gap) if gap is not None else "-",
            "" if lap["lap_time_published"] else "est.",
        )
        print(row.format(*cells).rstrip())
    lap_ends = {round(lap["distance_m"], 2) for lap in laps}
    if not {round(split["distance_m"], 2) for split in data["file_splits"]} <= lap_ends:
        _print_file_splits(focus, data["file_splits"])  # not all in the laps table already
    print("\nEvents (rounded up to the hundredth, as athletics timing does; finishes as published)")
    for e in data["events"]:
        label = e["label"] + estimated_mark(e["estimated"])
        print(f"  {_event_time(e):>8}  {e['distance_m']:8.2f} m  {label}")
    if data["notes"]:
        print("\nNotes")
        for note in data["notes"]:
            print(f"  - {note}")
    if data["sources"]:
        print("\nSources")
        for source in data["sources"]:
            url = source.get("url")
            print(f"  - {source['title']}" + (f" <{url}>" if url else ""))


def _print_file_splits(focus: str, splits: list[dict]) -> None:
    """info's table of the followed runner's splits as the race file gives them (none for a
    runner it gives an even pace): a coach's typed 400 m splits of a 1500 m were nowhere in
    info, whose laps end at the finish line (300, 700, 1100 m) and are read from the model."""
    from racegui.model.timefmt import format_delta, format_time

    if not splits:
        return
    print(f"\nSplits of {focus}, as in the race file (delta: to the target at that distance)")
    row = "  {:<7}  {:>10}  {:>8}  {:>8}  {:>9}  {:>7}  {:>6}  {}"
    print(row.format("", "at", "time", "split", "over", "target", "delta", "").rstrip())
    last = len(splits) - 1
    for k, split in enumerate(splits):
        target, delta = split["target_split_s"], split["delta_s"]
        cells = (
            "finish" if k == last else f"split {k + 1}",
            f"{_metres(split['distance_m'])} m",
            format_time(split["time_s"]),
            format_time(split["split_s"]),
            f"{_metres(split['over_m'])} m",
            format_time(target) if target is not None else "-",
            format_delta(delta) if delta is not None else "-",
            "est." if split["estimated"] else "",
        )
        print(row.format(*cells).rstrip())


def _metres(m: float) -> str:
    """Metres to the centimetre, without trailing zeros: "400", "409.34"."""
    return f"{m:.2f}".rstrip("0").rstrip(".")


def _info_outcome(a: dict) -> str:
    """ "finished 4:06.42", "dropped out at 780 m, 1:57.91 (est.)", "did not finish at
    2000 m, 6:30.40" or "" for one athlete of info."""
    return outcome(
        a["finish_time_s"],
        a["dropout_distance_m"],
        a["dropout_time_s"],
        estimated=bool(a["dropout_estimated"]),
        dnf=a["dnf"],
    )


def _cmd_info(args: argparse.Namespace) -> int:
    from racegui.cli_compare import compare_data, print_compare

    replay = followed(read_file_arg(args, "racegui info"), args.file, args.follow, "racegui info")
    other = _compare_arg(args, replay, "racegui info")
    digits = 3 if args.json else None
    data = _info_data(replay, digits)
    if other is not None:
        data["compare"] = compare_data(replay, other, digits)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return EXIT_OK
    _print_info(data)
    if other is not None:
        print_compare(replay.athletes[replay.focus].name, data["compare"])
    return EXIT_OK


def _compare_arg(args: argparse.Namespace, shown, prog: str):
    """The race given as --compare (None: none), read as a ghost on ``shown`` (a lap CSV over
    its distance); RaceFileError for a file that cannot be read, UsageError for a race that
    cannot be compared with it."""
    if args.compare is None:
        return None
    from racegui.io.replay_file import compare_options, read_replay
    from racegui.model.replay import comparison_problem

    other = read_replay(args.compare, compare_options(shown))
    problem = comparison_problem(shown, other)
    if problem is not None:
        raise UsageError(f"{prog}: --compare {args.compare}: {problem}")
    return other


def _status(replay, i: int, running: bool) -> str:
    """ "running", "finished", "dropped out", "did not finish" (a runner who stopped short),
    or "stopped" (an athlete that neither finished nor dropped out but no longer runs)."""
    if running:
        return "running"
    if math.isfinite(replay.finish_time_s[i]):
        return "finished"
    if replay.dnf[i]:
        return "did not finish"
    if math.isfinite(replay.dropout_time_s[i]):
        return "dropped out"
    return "stopped"


def _state_data(replay, s) -> dict:
    """Everyone in state s (replay.state_at(t)), as racegui state --json prints it."""
    from racegui.model import standings

    t = s.t
    places = standings.places(replay, s.t, s.distance_m)
    athletes = [
        {
            "id": a.id,
            "name": a.name,
            "role": a.role,
            "distance_m": _num(s.distance_m[i]),
            "speed_mps": _num(s.speed_mps[i]),
            "x_m": _num(s.x_m[i]),
            "y_m": _num(s.y_m[i]),
            "lap": int(s.lap[i]),
            "running": bool(s.running[i]),
            "status": _status(replay, i, bool(s.running[i])),
            "dropout_estimated": _dropout_estimated(replay, i),
            "place": places.get(i),
        }
        for i, a in enumerate(replay.athletes)
    ]
    return {
        "time_s": t,
        "focus": replay.ids[replay.focus],
        "gap_to_target_s": _num(s.gap_to_target_s),
        "gap_to_target_m": _num(s.gap_to_target_m),
        "projected_finish_s": _num(replay.projected_finish_s(t)),
        "athletes": athletes,
    }


def _gap_line(replay, s) -> str | None:
    """ "Faith Kipyegon is 2.89 s (19.3 m) behind the target" in state s; "... finished
    6.42 s behind the target (40.1 m when it finished, 4:00.00)" once she and the target
    have; "Ava Reid stopped 3.20 s (20.1 m) behind the target, at 2000 m, 6:30.40: did not
    finish" once a runner who did not finish has stopped; None without a target."""
    from racegui.model.analysis import timed
    from racegui.model.timefmt import format_time

    gap_s, gap_m, t = s.gap_to_target_s, s.gap_to_target_m, s.t
    if gap_s is None:
        return None
    name = replay.athletes[replay.focus].name
    verb = "finished" if t >= float(replay.finish_time_s[replay.focus]) else "is"
    stop = ""
    if replay.focus_stopped(t):  # the gap held where she stopped
        verb = "stopped"
        stop = (
            f", at {replay.focus_stop_m:g} m, {format_time(float(timed(replay.focus_stop_s)))}:"
            " did not finish"
        )
    if round(gap_s, 2) == 0:  # "0.00 s ahead of" read oddly at the gun
        return f"{name} {verb} level with the target{stop}"
    side = "behind" if gap_s > 0 else "ahead of"
    gap = f"{name} {verb} {abs(gap_s):.2f} s"
    held = replay.gap_metres_measured_at(t)
    if held is not None and held == float(replay.finish_time_s[replay.target]):
        # the target crossed the line first: its metres are those it led by then
        return (
            f"{gap} {side} the target ({abs(gap_m):.1f} m when it finished, "
            f"{format_time(held)}){stop}"
        )
    return f"{gap} ({abs(gap_m):.1f} m) {side} the target{stop}"


def _outcome(replay, i: int, status: str) -> str:
    """The status with its when and where: "finished 4:06.42", "dropped out at 780 m (est.)"."""
    if status == "finished":
        return outcome(float(replay.finish_time_s[i]), None)
    if status in ("dropped out", "did not finish"):
        estimated = bool(_dropout_estimated(replay, i))
        where = float(replay.dropout_distance_m[i])
        return outcome(None, where, estimated=estimated, dnf=status == "did not finish")
    return status


def _print_state(replay, s, data: dict) -> None:
    """racegui state's text for state s (data: _state_data of it): a title line, the gap to
    the target, a table of everyone."""
    from racegui.model.timefmt import clock_text, format_time

    t = data["time_s"]
    print(f"{replay.race.title} at {clock_text(t)}")  # "at 0:01.00", not "at 1.00"
    gap = _gap_line(replay, s)
    if gap is not None:
        print(gap)
    projected = data["projected_finish_s"]
    if projected is not None and not t >= float(replay.finish_time_s[replay.focus]):
        print(f"Projected finish at the current speed: {format_time(projected, 1)}")
    width = name_width(a["name"] for a in data["athletes"])
    rows = list(enumerate(data["athletes"]))
    ranked = sum(a["place"] is not None for a in data["athletes"]) > 1
    place = "    " if ranked else ""  # a field of runners: placed, leader first
    if ranked:  # then the others (pacers, ghosts, runners who did not finish) as listed
        rows.sort(key=lambda row: (row[1]["place"] is None, row[1]["place"] or 0, row[0]))
    print(f"  {place}{'':<{width}} {'distance':>11}  {'speed':>9}  lap  {'x, y (m)':^18}  status")
    for i, a in rows:
        if ranked:
            place = f"{a['place']:>2}  " if a["place"] is not None else "    "
        running = a["status"] == "running"
        speed = f"{a['speed_mps']:5.2f} m/s" if running else "—"  # out of the race: no pace
        print(
            f"  {place}{cell(a['name'], width)} {a['distance_m']:9.2f} m  {speed:>9}  "
            f"{a['lap']:>3}  ({a['x_m']:7.2f}, {a['y_m']:7.2f})  "
            f"{_outcome(replay, i, a['status'])}"
        )


def _cmd_state(args: argparse.Namespace) -> int:
    from racegui.model.timefmt import within_end

    replay = followed(read_file_arg(args, "racegui state"), args.file, args.follow, "racegui state")
    t = within_end(args.time, replay.duration_s)
    if t is None:  # like --screenshot: nothing happens after the end
        raise UsageError("racegui state: " + after_end_text("--time", args.time, replay.duration_s))
    s = replay.state_at(t)
    data = _state_data(replay, s)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        _print_state(replay, s, data)
    return EXIT_OK


def _check_import_paths(csv_path: Path, output: Path) -> None:
    """Refuse, before reading anything, a race file given as the CSV, an -o that is the CSV
    itself, or an -o that is not a .json file (UsageError)."""
    if csv_path.suffix.lower() == ".json":
        raise UsageError(
            f"racegui import reads a splits CSV; {csv_path} is already a race file: open it "
            f"(racegui {csv_path}) or validate it (racegui validate {csv_path})"
        )
    same = output.resolve() == csv_path.resolve()
    try:
        if not same and output.exists() and csv_path.exists():
            same = os.path.samefile(output, csv_path)  # SPLITS.CSV on macOS, a link
    except OSError:  # a name too long to look up: reading or writing it says so
        pass
    if same:
        raise UsageError(
            f"racegui import: -o {output} is the CSV being imported; give the race file "
            "another name (race.json)"
        )
    if output.suffix.lower() != ".json":
        better = f" (-o {output.with_suffix('.json')})" if output.name else ""
        raise UsageError(
            f"racegui import: -o {output}: a race file is written as JSON, so its name "
            f"ends in .json{better}"
        )


def _cmd_import(args: argparse.Namespace) -> int:
    from racegui.io.csv_title import file_title
    from racegui.io.race_file import write_race
    from racegui.io.replay_file import reading_notes
    from racegui.io.splits_csv import read_splits_csv

    _check_import_paths(args.file, args.output)
    race = read_splits_csv(args.file, **vars(_csv_options(args)))
    try:  # said, so that a title typed before is not lost unseen
        replaced = args.output.exists()
    except OSError:  # a name too long to look up: writing it says why
        replaced = False
    try:
        write_race(race, args.output)
    except OSError as exc:
        raise UsageError(f"{args.output}: cannot write: {exc.strerror}") from None
    roles = [a.role for a in race.athletes]
    dnf = sum(a.dnf for a in race.athletes)
    kinds = ", ".join(
        count(roles.count(r), r) + (f" of whom {dnf} did not finish" if r == "runner" else "")
        if dnf
        else count(roles.count(r), r)
        for r in dict.fromkeys(roles)
    )
    about = f"{kinds}, {race.distance_m:g} m"
    if not args.title:
        named = race.title == file_title(args.file)
        source = "the CSV's name" if named else "a line above the CSV's header"
        about += f"; the title is {source}, --title sets another"
    over = ", replacing the file that was there" if replaced else ""
    print(f"{args.output}: wrote {_quoted(race.title)} ({about}){over}")
    for note in reading_notes(race, csv=True):  # read one way of two, or typing slips
        print(f"  {note}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from racegui.export.cli_export import run_export

    return run_export(args)


COMMANDS = {
    "validate": _cmd_validate,
    "info": _cmd_info,
    "state": _cmd_state,
    "import": _cmd_import,
    "export": _cmd_export,
}


def _has_display() -> bool:
    """Whether a window can be shown: always on Windows and macOS, with X11/Wayland or an
    explicit Qt platform on Linux."""
    if not sys.platform.startswith("linux"):
        return True
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def _can_show_dialog() -> bool:
    """Whether a message box would be seen: a display, and not Qt's offscreen or minimal
    platform (where a modal box waits, unseen, for ever)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    return _has_display() and platform not in ("offscreen", "minimal")


def _not_a_verb(word: str) -> str | None:
    """The message for a first argument that is neither a verb nor a file: a word with no
    suffix that names no file ("racegui exprt race.json -o x.mp4" had been told its other
    arguments were not recognised), with the verb it is closest to; None for anything else."""
    import difflib

    if not word.strip() or word.startswith("-") or Path(word).suffix or os.path.lexists(word):
        return None
    close = difflib.get_close_matches(word.casefold(), VERBS, n=1, cutoff=0.6)
    mean = f"; did you mean racegui {close[0]}?" if close else ""
    return f"racegui: {word!r} is neither a verb ({', '.join(VERBS)}) nor a file{mean}"


def _run_gui(argv: list[str], dialogs: bool = False) -> int:
    problem = _not_a_verb(argv[0]) if argv and not dialogs else None
    if problem is not None:
        raise UsageError(problem)
    args = _gui_parser().parse_args(argv)
    if args.file is not None and args.demo:
        raise UsageError("racegui: give a FILE or --demo, not both")
    if args.time is not None and args.screenshot is None:
        raise UsageError("racegui: --time needs --screenshot (in the window, seek instead)")
    # A window opened with dialogs says so itself, as for a file that cannot be read, and
    # shows the demo instead.
    if not dialogs or args.screenshot is not None:
        from racegui.io.race_file import file_problem

        for path in (args.file, args.compare):
            problem = "" if path is None else file_problem(path)[0]
            if problem:
                raise UsageError(f"{path}: {problem}")
    if args.screenshot is not None:
        from racegui.io.atomic import same_file

        for option, path in (("FILE", args.file), ("--compare", args.compare)):
            if path is not None and same_file(args.screenshot, path):
                raise UsageError(
                    f"racegui: --screenshot {args.screenshot} is the race file given as "
                    f"{option}; give the screenshot another name"
                )
    if not _has_display():
        if args.screenshot is None:
            raise UsageError(
                "racegui: no display to open a window on (set DISPLAY); "
                "--screenshot and racegui export work without one"
            )
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    if args.screenshot is not None:  # offscreen Qt's chatter, however offscreen was chosen
        from racegui.ui.qt_messages import quiet_harmless_messages

        quiet_harmless_messages()
    from racegui.model.replay import FollowError
    from racegui.ui.app import main_gui

    try:
        return main_gui(
            args.file,
            compare=args.compare,
            screenshot=args.screenshot,
            time_s=args.time,
            size=args.size,
            theme=args.theme,
            presentation=args.presentation,
            follow=args.follow,
        )
    except FollowError as exc:  # raised before any window shows or file is written
        from racegui.resources_path import demo_race_path

        path = args.file if args.file is not None else demo_race_path()
        raise UsageError(follow_text("racegui", args.follow, path, exc)) from None


def main(argv: list[str] | None = None, *, dialogs: bool = False) -> int:
    """Run the command line; returns the exit code (0 ok, 2 bad argument or file).

    With `dialogs` (the racegui-app launcher, which may have no console to print to), a bad
    argument for the window is also shown in a message box, and a FILE that does not exist
    opens the window on the demo with a dialog, as a file that cannot be read does.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    verb = bool(argv) and argv[0] in VERBS
    if verb and argv[0] == "export":  # Ctrl+C or kill noted from here, before the imports
        from racegui.stop_signals import stop_requests

        with stop_requests() as received:
            return run_with_checked_stdout(lambda: _main(argv, verb, dialogs, received))
    return run_with_checked_stdout(lambda: _main(argv, verb, dialogs, None))


def _main(argv: list[str], verb: bool, dialogs: bool, received: list[int] | None) -> int:
    """main for argv (`verb`: it starts with one of VERBS), with an export's stop signals
    noted in `received` (None: not an export)."""
    try:
        # Imported in the try: Ctrl+C while numpy and scipy load gave a traceback.
        from racegui.io.errors import RaceFileError
        from racegui.model.replay import RaceModelError

        if verb:
            args = _verb_parser(argv[0]).parse_args(argv[1:])
            if received is not None:
                from racegui.export.cli_export import run_export

                return run_export(args, received)
            return COMMANDS[argv[0]](args)
        return _run_gui(argv, dialogs)
    except KeyboardInterrupt:  # first: the names in the clauses below may not be bound yet
        to_stderr("racegui: interrupted")
        return 130
    except UsageError as exc:
        to_stderr(str(exc))
        if dialogs and not verb and _can_show_dialog():
            from racegui.ui.app import show_start_error

            show_start_error(str(exc))
        return EXIT_BAD_INPUT
    except RaceFileError as exc:
        lines = exc.lines()
        more = f" (and {len(lines) - 1} more: see racegui validate)" if len(lines) > 1 else ""
        to_stderr(lines[0] + more)
        return EXIT_BAD_INPUT
    except RaceModelError as exc:
        to_stderr(f"racegui: {exc}")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


def gui_main() -> int:
    """Entry point of the racegui-app GUI script (no console window on Windows): what is
    wrong with its arguments is shown in a dialog as well as on stderr."""
    return main(sys.argv[1:], dialogs=True)
