"""Open a race file (JSON) or splits (CSV) as a Replay, each read for what it holds
(file_kind): every error names the file and place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from racegui.io.csv_title import file_title, title_above
from racegui.io.errors import DistanceNeeded, Problem, RaceFileError, json_path
from racegui.io.file_kind import file_kind
from racegui.io.lap_csv import best_distance, find_lap_header, laps_in, runners_in
from racegui.io.race_file import decode_text, read_bytes_limited, read_race
from racegui.io.splits_csv import read_splits_csv
from racegui.model.plausibility import fast_stretches
from racegui.model.race import Race
from racegui.model.replay import (
    COMPARE_DISTANCE_TOLERANCE_M,
    RaceModelError,
    Replay,
    compile_race,
)


@dataclass(frozen=True)
class CsvOptions:
    """What reading a splits CSV may be given (None: not given): the race distance (m; a
    lap CSV needs it), title, even-pace target time (s) and a lap CSV's runner's name, as
    racegui import's --distance, --title, --target and --name and the window's CSV dialog
    set them. A race file (JSON) has its own."""

    distance_m: float | None = None
    title: str | None = None
    target_time_s: float | None = None
    name: str | None = None
    lap_distance_m: float | None = None
    """A lap CSV's distance (m) where distance_m is not given: see compare_options."""


def compare_options(shown: Replay) -> CsvOptions:
    """How a race compared with `shown` is read: a lap CSV (which says no distance of its
    own) over shown's distance. '--compare laps.csv' had been told 'give it with --distance',
    which applies to FILE only."""
    return CsvOptions(lap_distance_m=shown.race.distance_m)


def read_replay(path: str | Path, options: CsvOptions | None = None) -> Replay:
    """Read and compile a race file or splits (read with options), as file_kind tells them
    apart (by what the file holds, whatever its name); raises
    RaceFileError (never anything else) for a file that cannot be read, or that describes
    motion that cannot be built."""
    path = Path(path)
    is_csv = is_splits_csv(path)
    if is_csv:
        race = read_splits_csv(path, **vars(options or CsvOptions()))
    else:
        race = read_race(path)
    try:
        return compile_race(race)
    except RaceModelError as exc:
        where = ""
        if exc.athlete is not None and not is_csv:
            where = json_path(("athletes", exc.athlete) + ((exc.field,) if exc.field else ()))
        raise RaceFileError(path, [Problem(where, str(exc))]) from None


def is_splits_csv(path: str | Path) -> bool:
    """Whether read_replay reads the file as splits (a CSV), not as a race file (JSON): by
    what it holds (file_kind; its first bytes only are read)."""
    return file_kind(path) == "csv"


def reading_notes(race: Race, csv: bool) -> list[str]:
    """What a reader of the file should check, as racegui import and validate say it: for a
    splits CSV, how it was read one way of two (a short athlete read as a pacer, a runner
    who did not finish, rows left out), and for any file each stretch faster than world
    record pace (a slip such as 3:20 typed for 4:20). ``csv``: the race was read from one."""
    notes = list(race.notes) if csv else []
    return notes + [f"note: {stretch.text()}" for stretch in fast_stretches(race)]


@dataclass(frozen=True)
class CsvPrefill:
    """What is known of a splits CSV before asking for what it lacks (the window's dialog)."""

    laps: int | None
    """A lap CSV's laps (None: a CSV that names its athletes and distances)."""
    distance_m: float | None
    """The race distance (m): the largest in the file, or the standard race a lap CSV's
    laps fit best (lap_csv.best_distance: 4 laps with a first lap at the others' pace are a
    mile timed at the finish line, with a first lap much slower 1500 m; None: none), or the
    distance preferred where the file can be read at it too (csv_prefill)."""
    title: str
    """The title the race gets if none is given (a title line above the header, else the
    file's name: csv_title)."""
    runners: int = 1
    """Runners a lap CSV names in its runner column (1: one runner's laps, whom the dialog
    asks the name of; 0: not a lap CSV)."""
    fixed: bool = False
    """The file's own lines fix distance_m: a CSV naming its athletes that cannot be read at
    the distance preferred (its splits run to another finish, as a wide sheet's header
    "...,2800,3000" says 3000 m), or with none preferred, not tried at another. False for
    a lap CSV, and for a sheet whose finish the reader inferred (a "Result" column after
    300, 700, 1100 m) read at the distance preferred."""
    split_columns_m: tuple[float, ...] = ()
    """A wide sheet's split columns' distances (m) where its header does not say its
    Result column's, which is asked (400, 800, 1200 m: a mile, a 1600 m...): the race's
    is beyond the last. Empty for any other CSV."""
    names: tuple[str, ...] = ()
    """The athletes a CSV naming them names, in its order (empty for a lap CSV and for a
    sheet read only once its distance is given)."""


def csv_prefill(path: str | Path, lap_distance_m: float | None = None) -> CsvPrefill:
    """What a splits CSV gives of its race as it is; RaceFileError for a file that cannot
    be read, except a lap CSV for want of its distance or runner's name. lap_distance_m
    (m): a distance the CSV is preferred at (a race compared with it): a lap CSV's where
    its laps fit it (best_distance), another CSV's where it can be read at it (then
    distance_m is it, not fixed), else the CSV's own, fixed (a comparison is refused
    before asking anything: a 3000 m sheet's dialog had offered "3000 m" on a mile, and
    only its OK said it could not be compared, coach's review)."""
    path = Path(path)
    try:
        race = read_splits_csv(path)
    except DistanceNeeded as exc:  # asked for in the dialog (proposed: the one compared with)
        text = decode_text(path, read_bytes_limited(path), csv=True)
        title = title_above(text, exc.header_line) or file_title(path)
        columns = exc.split_columns_m
        return CsvPrefill(None, lap_distance_m, title, runners=0, split_columns_m=columns)
    except RaceFileError:
        text = decode_text(path, read_bytes_limited(path), csv=True)
        header = find_lap_header(text)
        if header is None:
            raise
        title = title_above(text, header.line) or file_title(path)
        best = best_distance(text, header, lap_distance_m)
        return CsvPrefill(laps_in(text, header), best, title, runners_in(text, header))
    names = tuple(a.name for a in race.athletes)
    if (
        lap_distance_m is None
        or abs(race.distance_m - lap_distance_m) <= COMPARE_DISTANCE_TOLERANCE_M
    ):
        return CsvPrefill(None, race.distance_m, race.title, runners=0, fixed=True, names=names)
    try:  # a sheet whose finish was inferred reads at another distance too
        read_splits_csv(path, distance_m=lap_distance_m)
    except RaceFileError:
        return CsvPrefill(None, race.distance_m, race.title, runners=0, fixed=True, names=names)
    return CsvPrefill(None, lap_distance_m, race.title, runners=0, names=names)
