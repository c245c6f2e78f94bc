"""racegui info --compare: the followed runner's published splits beside another race's
runner's at the same distances where both files give them, else her laps beside that
runner's times over the same lines, as text and as the "compare" object of info --json
(times s, distances m)."""

from __future__ import annotations

from racegui.cli_info import rounded
from racegui.cli_text import lap_cell
from racegui.model.compare_laps import compare_laps
from racegui.model.compare_splits import compare_splits, published_splits
from racegui.model.replay import Replay
from racegui.model.timefmt import format_delta, format_time


def compare_data(shown: Replay, other: Replay, digits: int | None = 3) -> dict:
    """Her rows beside the other race's runner: who that is, the race, which rows ("rows":
    "splits", the published splits both runners have at the same distances and the finish,
    model.compare_splits; else "laps", each finish-line crossing, model.compare_laps) and
    per row ("laps", its name kept for either kind) the distance (m), both times there, the
    gap (her time minus the other's: + is behind), both times since the row before (a lap's
    or a split's: "lap_time_s") with their difference, and whether both times there are
    published ("lap" is the lap's number, None for a split)."""
    other, splits = compare_splits(shown, other)
    if splits:
        rows = [
            {
                "lap": None,
                "stopped": False,
                "at_stop": row.at_stop,
                "distance_m": rounded(row.distance_m, digits),
                "time_s": rounded(row.time_s, digits),
                "other_time_s": rounded(row.other_time_s, digits),
                "gap_s": rounded(row.gap_s, digits),
                "lap_time_s": rounded(row.segment_time_s, digits),
                "other_lap_time_s": rounded(row.other_segment_time_s, digits),
                "lap_delta_s": rounded(row.segment_delta_s, digits),
                "published": row.published and row.other_published,
            }
            for row in splits
        ]
    else:
        other, laps = compare_laps(shown, other)
        theirs = published_splits(other)
        rows = [
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
                "published": row.lap.published and round(row.lap.end_m, 3) in theirs,
            }
            for row in laps
        ]
    race = other.race
    return {
        "runner": other.athletes[other.focus].name,
        "title": race.title,
        "date": race.date,
        "rows": "splits" if splits else "laps",
        "laps": rows,
    }


def print_compare(focus: str, data: dict) -> None:
    """info's table of compare_data (not rounded), after its laps against the target."""
    when = f", {data['date']}" if data["date"] else ""
    splits = data["rows"] == "splits"
    kind = "Published splits" if splits else "Laps"
    print(f"\n{kind} of {focus} against {data['runner']} in {data['title']}{when}")
    if splits:
        print(
            "(splits both race files publish; gap: the time there minus the other's, + behind;"
            " delta: split against split)"
        )
    else:
        print("(gap: the time at the line minus the other's, + behind; delta: lap against lap)")
    row = "  {:<6}  {:>11}  {:>8}  {:>8}  {:>7}  {:>7}  {:>7}  {:>6}"
    print(
        row.format("", "to", "time", "other", "gap", "split" if splits else "lap", "other", "delta")
    )
    for lap in data["laps"]:
        cells = (
            _split_cell(lap, data["laps"]) if splits else lap_cell(lap),
            f"{lap['distance_m']:.2f} m",
            format_time(lap["time_s"]),
            _time(lap["other_time_s"]),
            _delta(lap["gap_s"]),
            format_time(lap["lap_time_s"]),
            _time(lap["other_lap_time_s"]),
            _delta(lap["lap_delta_s"]),
        )
        print(row.format(*cells).rstrip())


def _split_cell(row: dict, rows: list[dict]) -> str:
    """A split row's first cell: "DNF" where a runner who did not finish stopped, "finish"
    at the last row, else none (its distance says which split)."""
    if row["at_stop"]:
        return "DNF"
    return "finish" if row is rows[-1] else ""


def _time(seconds: float | None) -> str:
    return "-" if seconds is None else format_time(seconds)


def _delta(seconds: float | None) -> str:
    return "-" if seconds is None else format_delta(seconds)
