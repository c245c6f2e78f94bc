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
from racegui.model.timefmt import format_delta, format_published


def compare_data(shown: Replay, other: Replay, digits: int | None = 3) -> dict:
    """Her rows beside the other race's runner: who that is, the race, which rows ("rows":
    "splits", the published splits both runners have at the same distances and the finish,
    model.compare_splits; else "laps", each finish-line crossing, model.compare_laps), and
    the rows under that key. Each row has its distance (m), both times there, the gap (her
    time minus the other's: + is behind), both times since the row before with their
    difference (a split's "split_s", "other_split_s", "split_delta_s"; a lap's "lap_time_s",
    "other_lap_time_s", "lap_delta_s") and whether both times there are published; a lap
    row has its number ("lap", 0 for the start's part lap) and whether she stopped in it.
    Each time has the decimals it is printed to ("decimals", "other_decimals", and for the
    times since the row before "split_decimals"/"lap_decimals" and their "other_" twins): as
    published (1 for a 3:50.5), else 2; a time since the row before, the more of its ends'
    (the start's 0 s is exact), so that it is their difference as printed.
    Split rows had been under "laps" with "lap": null (reviewer)."""
    other, splits = compare_splits(shown, other)
    if splits:
        rows = [
            {
                "at_stop": row.at_stop,
                "distance_m": rounded(row.distance_m, digits),
                "time_s": rounded(row.time_s, digits),
                "other_time_s": rounded(row.other_time_s, digits),
                "gap_s": rounded(row.gap_s, digits),
                "split_s": rounded(row.segment_time_s, digits),
                "other_split_s": rounded(row.other_segment_time_s, digits),
                "split_delta_s": rounded(row.segment_delta_s, digits),
                "published": row.published and row.other_published,
                "decimals": row.decimals,
                "other_decimals": row.other_decimals,
                "split_decimals": row.segment_decimals,
                "other_split_decimals": row.other_segment_decimals,
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
                "decimals": row.lap.decimals,
                "other_decimals": row.other_decimals,
                "lap_decimals": row.lap.lap_decimals,
                "other_lap_decimals": row.other_lap_decimals,
            }
            for row in laps
        ]
    race = other.race
    kind = "splits" if splits else "laps"
    return {
        "runner": other.athletes[other.focus].name,
        "title": race.title,
        "date": race.date,
        "rows": kind,
        kind: rows,
    }


def print_compare(focus: str, data: dict, mark: str = "DNF") -> None:
    """info's table of compare_data (not rounded), after its laps against the target; mark:
    the followed runner's where she stopped ("DQ" if disqualified there, else "DNF")."""
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
    rows = data[data["rows"]]
    since = _SINCE[data["rows"]]
    for each in rows:
        cells = (
            _split_cell(each, rows, mark) if splits else lap_cell(each, mark),
            f"{each['distance_m']:.2f} m",
            format_published(each["time_s"], each["decimals"]),
            _time(each["other_time_s"], each["other_decimals"]),
            _delta(each["gap_s"]),
            format_published(each[since[0]], each[since[3]]),
            _time(each[since[1]], each[since[4]]),
            _delta(each[since[2]]),
        )
        print(row.format(*cells).rstrip())


_SINCE = {
    "splits": (
        "split_s",
        "other_split_s",
        "split_delta_s",
        "split_decimals",
        "other_split_decimals",
    ),
    "laps": ("lap_time_s", "other_lap_time_s", "lap_delta_s", "lap_decimals", "other_lap_decimals"),
}
"""A row's time since the row before, the other's, their difference (s), and the decimals
the two times are printed to, by its kind."""


def _split_cell(row: dict, rows: list[dict], mark: str = "DNF") -> str:
    """A split row's first cell: "DNF" (her mark: "DQ" if disqualified there) where a runner
    who did not finish stopped, "finish" at the last row, else none (its distance says which
    split)."""
    if row["at_stop"]:
        return mark
    return "finish" if row is rows[-1] else ""


def _time(seconds: float | None, decimals: int) -> str:
    return "-" if seconds is None else format_published(seconds, decimals)


def _delta(seconds: float | None) -> str:
    return "-" if seconds is None else format_delta(seconds)
