"""racegui info --compare: the followed runner's laps beside another race's runner, as text
and as the "compare" object of info --json (times s, distances m)."""

from __future__ import annotations

from racegui.cli_info import rounded
from racegui.cli_text import lap_cell
from racegui.model.compare_laps import compare_laps
from racegui.model.replay import Replay
from racegui.model.timefmt import format_delta, format_time


def compare_data(shown: Replay, other: Replay, digits: int | None = 3) -> dict:
    """Her laps beside the other race's runner: who that is, the race, and per lap the line
    (m), both times there, the gap (her time minus the other's: + is behind) and both lap
    times with their difference."""
    other, rows = compare_laps(shown, other)
    race = other.race
    return {
        "runner": other.athletes[other.focus].name,
        "title": race.title,
        "date": race.date,
        "laps": [
            {
                "lap": row.lap.number,
                "stopped": row.lap.stopped,
                "at_stop": row.lap.at_stop,
                "distance_m": rounded(row.lap.end_m, digits),
                "time_s": rounded(row.lap.time_s, digits),
                "other_time_s": rounded(row.other_time_s, digits),
                "gap_s": rounded(row.gap_s, digits),
                "lap_time_s": rounded(row.lap.lap_time_s, digits),
                "other_lap_time_s": rounded(row.other_lap_time_s, digits),
                "lap_delta_s": rounded(row.lap_delta_s, digits),
            }
            for row in rows
        ],
    }


def print_compare(focus: str, data: dict) -> None:
    """info's table of compare_data (not rounded), after its laps against the target."""
    when = f", {data['date']}" if data["date"] else ""
    print(f"\nLaps of {focus} against {data['runner']} in {data['title']}{when}")
    print("(gap: the time at the line minus the other's, + behind; delta: lap against lap)")
    row = "  {:<6}  {:>11}  {:>8}  {:>8}  {:>7}  {:>7}  {:>7}  {:>6}"
    print(row.format("", "to", "time", "other", "gap", "lap", "other", "delta"))
    for lap in data["laps"]:
        cells = (
            lap_cell(lap),
            f"{lap['distance_m']:.2f} m",
            format_time(lap["time_s"]),
            _time(lap["other_time_s"]),
            _delta(lap["gap_s"]),
            format_time(lap["lap_time_s"]),
            _time(lap["other_lap_time_s"]),
            _delta(lap["lap_delta_s"]),
        )
        print(row.format(*cells).rstrip())


def _time(seconds: float | None) -> str:
    return "-" if seconds is None else format_time(seconds)


def _delta(seconds: float | None) -> str:
    return "-" if seconds is None else format_delta(seconds)
