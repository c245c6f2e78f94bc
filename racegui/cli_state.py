"""racegui state: where everyone is at race time T, the gap to the target and the projected
finish, each runner's gap to the leader (as the window's field card), as text or as one
JSON object (times s, distances m, speeds m/s)."""

from __future__ import annotations

import argparse
import json
import math

from racegui.cli_args import EXIT_OK, UsageError
from racegui.cli_info import dropout_is_estimated, rounded
from racegui.cli_output import stdout_takes_any_text
from racegui.cli_read import followed, read_file_arg
from racegui.cli_text import after_end_text, cell, name_width, outcome


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


def _behind(replay, s) -> dict[int, tuple[float, int]]:
    """(seconds behind the leader, laps down) of each runner who has a gap in state s, by
    row: the figures the window's field card shows (Standings.at); none for the leader, a
    finisher, a runner who stopped, an athlete not in the field and at the gun."""
    from racegui.model.standings import Standings, field_rows

    if len(field_rows(replay)) < 2:
        return {}
    standing = Standings.build(replay).at(s.t, s.distance_m)
    return {
        i: (gap, down)
        for i, gap, down in zip(standing.rows, standing.gap_s, standing.laps_down, strict=True)
        if math.isfinite(gap)
    }


def _state_data(replay, s) -> dict:
    """Everyone in state s (replay.state_at(t)), as racegui state --json prints it."""
    from racegui.model import standings

    t = s.t
    places = standings.places(replay, s.t, s.distance_m)
    behind = _behind(replay, s)
    athletes = [
        {
            "id": a.id,
            "name": a.name,
            "role": a.role,
            "distance_m": rounded(s.distance_m[i]),
            "speed_mps": rounded(s.speed_mps[i]),
            "x_m": rounded(s.x_m[i]),
            "y_m": rounded(s.y_m[i]),
            "lap": int(s.lap[i]),
            "running": bool(s.running[i]),
            "status": _status(replay, i, bool(s.running[i])),
            "dq": a.dq,
            "dropout_estimated": dropout_is_estimated(replay, i),
            "place": places.get(i),
            "gap_to_leader_s": rounded(behind[i][0]) if i in behind else None,
            "laps_down": behind[i][1] if i in behind else None,
        }
        for i, a in enumerate(replay.athletes)
    ]
    return {
        "time_s": t,
        "focus": replay.ids[replay.focus],
        "gap_to_target_s": rounded(s.gap_to_target_s),
        "gap_to_target_m": rounded(s.gap_to_target_m),
        "projected_finish_s": rounded(replay.projected_finish_s(t)),
        "athletes": athletes,
    }


def _gap_line(replay, s) -> str | None:
    """ "Faith Kipyegon is 2.89 s (19.3 m) behind the target" in state s; "... finished
    6.42 s behind the target (40.1 m when it finished, 4:00.00)" once she and the target
    have; "Ava Reid stopped 3.20 s (20.1 m) behind the target, at 2000 m, 6:30.40: did not
    finish" (": disqualified" if she was) once a runner who did not finish has stopped; None
    without a target."""
    from racegui.model.analysis import timed
    from racegui.model.timefmt import format_published, format_time

    gap_s, gap_m, t = s.gap_to_target_s, s.gap_to_target_m, s.t
    if gap_s is None:
        return None
    focus = replay.athletes[replay.focus]
    name = focus.name
    verb = "finished" if t >= float(replay.finish_time_s[replay.focus]) else "is"
    stop = ""
    if replay.focus_stopped(t):  # the gap held where she stopped
        verb = "stopped"
        stopped = format_published(float(timed(replay.focus_stop_s)), focus.finish_decimals)
        how = "disqualified" if focus.dq else "did not finish"
        stop = f", at {replay.focus_stop_m:g} m, {stopped}: {how}"
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
    """The status with its when and where: "finished 4:06.42", "dropped out at 780 m (est.)"
    ("disqualified at 2000 m", "finished 4:06.42, disqualified")."""
    a = replay.athletes[i]
    if status == "finished":
        return outcome(float(replay.finish_time_s[i]), None, decimals=a.finish_decimals, dq=a.dq)
    if status in ("dropped out", "did not finish"):
        estimated = bool(dropout_is_estimated(replay, i))
        where = float(replay.dropout_distance_m[i])
        dnf = status == "did not finish"
        return outcome(None, where, estimated=estimated, dnf=dnf, dq=a.dq)
    return status


def _place_cell(replay, i: int, place: int | None) -> str:
    """Athlete i's place cell in state's table: her place ("1"), else the mark results give
    a runner out of the placings ("DQ", "DNF"; Athlete.end_mark), else empty."""
    return str(place) if place is not None else replay.athletes[i].end_mark


def _print_state(replay, s, data: dict) -> None:
    """racegui state's text for state s (data: _state_data of it): a title line, the gap to
    the target, a table of everyone."""
    from racegui.model.standings import behind_text
    from racegui.model.timefmt import clock_text, format_time

    t = data["time_s"]
    print(f"{replay.race.title} at {clock_text(t)}")  # "at 0:01.00", not "at 1.00"
    gap = _gap_line(replay, s)
    if gap is not None:
        print(gap)
    projected = data["projected_finish_s"]
    if projected is not None and not t >= float(replay.finish_time_s[replay.focus]):
        print(f"Projected finish at the pace of the last 200 m: {format_time(projected, 1)}")
    width = name_width(a["name"] for a in data["athletes"])
    rows = list(enumerate(data["athletes"]))
    # places when more than one runner has one, or when any has a mark (DQ, DNF) for none
    placed = sum(a["place"] is not None for a in data["athletes"])
    ranked = placed > 1 or any(a.end_mark for a in replay.athletes)
    # a place, or the mark of a runner out of the placings ("DQ", "DNF"), as info writes it
    cells = [_place_cell(replay, i, a["place"]) for i, a in enumerate(data["athletes"])]
    place_width = max(2, *(len(c) for c in cells))
    place = " " * (place_width + 2) if ranked else ""  # a field of runners: leader first
    if ranked:  # then the others (pacers, ghosts, runners who did not finish) as listed
        rows.sort(key=lambda row: (row[1]["place"] is None, row[1]["place"] or 0, row[0]))
    behind = f"  {'behind':>8}" if ranked else ""  # the field card's gap to the leader
    print(
        f"  {place}{'':<{width}} {'distance':>11}{behind}  {'speed':>9}  lap  "
        f"{'x, y (m)':^18}  status"
    )
    for i, a in rows:
        if ranked:
            place = f"{cells[i]:>{place_width}}  "
            gap = a["gap_to_leader_s"]
            text = "—" if gap is None else behind_text(gap, a["laps_down"])
            behind = f"  {text:>8}"
        running = a["status"] == "running"
        speed = f"{a['speed_mps']:5.2f} m/s" if running else "—"  # out of the race: no pace
        print(
            f"  {place}{cell(a['name'], width)} {a['distance_m']:9.2f} m{behind}  {speed:>9}  "
            f"{a['lap']:>3}  ({a['x_m']:7.2f}, {a['y_m']:7.2f})  "
            f"{_outcome(replay, i, a['status'])}"
        )


def run_state(args: argparse.Namespace) -> int:
    """racegui state for its parsed arguments; returns the exit code."""
    from racegui.model.timefmt import within_end

    replay = followed(read_file_arg(args, "racegui state"), args.file, args.follow, "racegui state")
    t = within_end(args.time, replay.duration_s)
    if t is None:  # like --screenshot: nothing happens after the end
        raise UsageError("racegui state: " + after_end_text("--time", args.time, replay.duration_s))
    s = replay.state_at(t)
    data = _state_data(replay, s)
    if args.json:
        print(json.dumps(data, ensure_ascii=not stdout_takes_any_text()))
    else:
        _print_state(replay, s, data)
    return EXIT_OK
