"""The long form's Place (Pos, Rank) column (one row per athlete per split): its numbers are
left out, its marks (DQ, DSQ, DNF, DNS: result_marks.place_mark) read as the runner's, as a
wide sheet's Place column is (wide_place_marks). Two of a runner's rows saying other marks,
or a DNF or DNS beside her time at the finish, are refused."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from racegui.io.csv_rows import DISQUALIFIED, Untimed, plain_mark
from racegui.io.errors import Problem
from racegui.io.result_marks import disagree, finished_problem, place_cell, place_mark, same_mark

ONE_MARK = "written in the Place column of one of the runner's rows, or of each alike"
"""Where a long form's runner's one mark is written, said where two of her rows disagree."""


@dataclass
class PlaceMarks:
    """The marks of a long form's Place column (column, header as written: name), each
    runner's first as (mark as written, its place), by athlete as csv_rows names her."""

    column: int
    name: str
    marks: dict[str, tuple[str, str]] = field(default_factory=dict)

    def read(self, row: list[str], line: int, athlete_column: int, problems: list[Problem]) -> None:
        """Keep the mark in a data row's (on line) Place cell as its athlete's; a problem
        where an earlier row of hers says another. A row too short to hold the cells is
        left to csv_rows.read_row to refuse."""
        if len(row) <= max(self.column, athlete_column):
            return
        mark = place_mark(row[self.column])
        athlete = " ".join(row[athlete_column].split())
        if mark is None or not athlete:
            return
        place = place_cell(line, self.column, self.name)
        first = self.marks.setdefault(athlete, (mark, place))
        if not same_mark(mark, first[0]):
            problems.append(disagree(mark, place, first[0], first[1], ONE_MARK))

    def apply(
        self,
        athletes: dict[str, dict],
        untimed: list[tuple[int, Untimed]],
        distance_m: float | None,
        problems: list[Problem],
    ) -> None:
        """Give each marked athlete her mark (the "mark" race_data reads), or, for one with
        no timed row, her rows without a time (untimed_notes names it: "did not start");
        a problem for a DNF or DNS of an athlete with a time at the finish (distance_m,
        m, else the farthest split of any athlete's)."""
        splits = [s for entry in athletes.values() for s in entry["splits"]]
        race_m = distance_m
        if race_m is None and splits:
            race_m = max(s["distance_m"] for s in splits)
        for athlete, (mark, place) in self.marks.items():
            entry = athletes.get(athlete)
            if entry is None:
                untimed[:] = [
                    (line, replace(row, mark=(mark, place)) if row.athlete == athlete else row)
                    for line, row in untimed
                ]
                continue
            last = max(entry["splits"], key=lambda s: s["distance_m"], default=None)
            finished = last is not None and race_m is not None
            finished = finished and last["distance_m"] >= race_m - 1e-6
            if finished and plain_mark(mark) not in DISQUALIFIED:
                problems.append(finished_problem(mark, place, f"line {last['line']}", race_m))
                continue
            entry["mark"] = (mark, place)
