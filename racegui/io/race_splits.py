"""A race file's splits, read as columns and checked with numpy: a file of 1,000 athletes of
1,000 splits took 24 s to validate when each split was a pydantic model checked in Python one
by one. The problems, their words and their order are those of the one-by-one checks, which
run again (on one athlete's splits at a time) only where the columns show a problem."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from operator import itemgetter

import numpy as np

from racegui.io.errors import CONTROLS, MAX_PROBLEMS, Problem, json_path
from racegui.io.schema import MAX_SPLITS, SplitModel
from racegui.io.split_order import SplitOrder, out_of_line_text
from racegui.io.typed_times import typed_times_apart
from racegui.model.race import Split
from racegui.model.timefmt import (
    MAX_TIME_S,
    PUBLISHED_DECIMALS,
    TimeFormatError,
    parse_time,
    written_decimals,
)

MAX_SPEED_MPS = 12.5
"""No human runs faster than this between two splits (m/s): above it a split is a typo."""
MIN_SPLIT_GAP_S = 0.01
"""Shortest time between two splits (s), or from the gun to the first one."""
MIN_SPEED_MPS = 0.5
"""Slower than this between two splits (m/s) is slower than walking: a typo (an hour for a
mile once passed, and its replay asked for hundreds of GB)."""

_HOURS = re.compile(r"\s*(\d+):(\d{2}):(\d{2})([.,]\d+)?\s*")
"""A time typed with two colons, h:mm:ss (parse_time reads it so)."""
_SPLIT_FIELDS = frozenset(SplitModel.model_fields)
_NUMBERS = frozenset({float, int})
_MAX_TIME_CHARS = 40
"""Longest text a split's time may be (schema.TimeValue)."""
_MAX_SOURCE_CHARS = 200
"""Longest source id (schema.ShortText)."""


@dataclass(frozen=True)
class SplitColumns:
    """Splits as columns: distances (m), times as given (seconds or text), estimated flags
    and source ids, one entry per split in file order."""

    distance_m: list[float]
    time: list[float | str]
    estimated: list[bool]
    source: list[str | None]

    @classmethod
    def of_models(cls, splits: list[SplitModel]) -> SplitColumns:
        """The columns of splits checked by pydantic."""
        return cls(
            [s.distance_m for s in splits],
            [s.time for s in splits],
            [s.estimated for s in splits],
            [s.source for s in splits],
        )


def plain_columns(items: object) -> SplitColumns | None:
    """The columns of a JSON list of splits if every split is an object that SplitModel takes
    as it is (numbers, times, flags and source ids of the right kinds, no other field, at
    most MAX_SPLITS of them), checked a column at a time; None otherwise (pydantic then
    checks the list and words its problems)."""
    if items.__class__ is not list or len(items) > MAX_SPLITS:
        return None
    if items and set(map(type, items)) != {dict}:
        return None
    try:
        distance = list(map(itemgetter("distance_m"), items))
        time = list(map(itemgetter("time"), items))
    except KeyError:
        return None
    kinds = set(map(type, time))
    if not set(map(type, distance)) <= _NUMBERS or not kinds <= _NUMBERS | {str}:
        return None
    if str in kinds and any(t.__class__ is str and len(t) > _MAX_TIME_CHARS for t in time):
        return None
    if int in kinds:  # pydantic makes a whole number of seconds a float
        time = [float(t) if t.__class__ is int else t for t in time]
    n = len(items)
    if sum(map(len, items)) == 2 * n:  # each has distance_m and time, and nothing else
        return SplitColumns(distance, time, [False] * n, [None] * n)
    if not all(s.keys() <= _SPLIT_FIELDS for s in items):
        return None
    estimated = [s.get("estimated", False) for s in items]
    source = [s.get("source") for s in items]
    if any(e.__class__ is not bool for e in estimated):
        return None
    if not all(s is None or _plain_source(s) for s in source):
        return None
    return SplitColumns(distance, time, estimated, source)


def _plain_source(source: object) -> bool:
    """Whether a split's source id is one schema.ShortText takes."""
    return (
        source.__class__ is str
        and len(source) <= _MAX_SOURCE_CHARS
        and CONTROLS.search(source) is None
    )


def checked_splits(
    cols: SplitColumns,
    loc: tuple,
    race_m: float,
    problems: list[Problem],
    *,
    must_finish: bool,
    hint: str = "",
) -> tuple[Split, ...]:
    """The splits at loc checked in three passes: each value, then their order, then the
    pace between them (only when they are in order: 1300 m before 1200 m is the mistake,
    not the 14.9 m/s it makes from 400 m to 1300 m). hint ends the problem of a last split
    short of the race distance race_m (m) when must_finish."""
    start = len(problems)
    d, t = _split_values(cols, loc, race_m, problems)
    if len(problems) > MAX_PROBLEMS or not _in_order(cols, d, t, loc, problems):
        return ()
    out = _paced(cols, d, t, loc, problems)
    if len(problems) == start:
        if not out:
            problems.append(Problem(json_path(loc), "needs at least one split"))
        elif must_finish and abs(out[-1].distance_m - race_m) > 1e-6:
            problems.append(
                Problem(
                    json_path(loc),
                    f"the last split ({out[-1].distance_m:g} m) must be at the race "
                    f"distance ({race_m:g} m){hint}",
                )
            )
    return tuple(out)


def _split_values(
    cols: SplitColumns, loc: tuple, race_m: float, problems: list[Problem]
) -> tuple[np.ndarray, np.ndarray]:
    """Distances (m) and times (s) of the splits, NaN for a value that is wrong on its own (a
    bad time, a distance not above 0 or past the race distance race_m), each of which gets
    its problem, a split's time before its distance."""
    d = np.array(cols.distance_m, dtype=float)
    if set(map(type, cols.time)) <= {float}:
        t = np.array(cols.time, dtype=float)
    else:  # text read one by one below, and numbers
        numbers = (v if v.__class__ is float or v.__class__ is int else math.nan for v in cols.time)
        t = np.fromiter(numbers, dtype=float, count=len(cols.time))
    bad_t = ~((t >= 0) & (t <= MAX_TIME_S))  # NaN: text, or a number parse_time refuses
    bad_d = (d <= 0) | (d > race_m + 1e-6)
    for k in np.flatnonzero(bad_t | bad_d).tolist():
        if len(problems) > MAX_PROBLEMS:
            break
        here = loc + (k,)
        if bad_t[k]:
            t[k] = _time(cols.time[k], here + ("time",), problems)
        if d[k] <= 0:
            problems.append(Problem(json_path(here + ("distance_m",)), "must be greater than 0"))
            d[k] = math.nan
        elif bad_d[k]:
            problems.append(
                Problem(
                    json_path(here + ("distance_m",)),
                    f"{d[k]:g} m is past the race distance {race_m:g} m",
                )
            )
            d[k] = math.nan
    return d, t


def json_time(value: float | str) -> float:
    """Seconds (s) of a time as a race file gives it: a number, or text "ss.xx", "m:ss.xx" or
    "h:mm:ss.xx" with a decimal point, as the schema describes. A decimal comma ("4:06,42",
    which a CSV takes) raises TimeFormatError saying what to write ("write 4:06.42")."""
    try:
        return parse_time(value, decimal_comma=False)
    except TimeFormatError:
        if isinstance(value, str) and "," in value:
            pointed = value.strip().replace(",", ".")
            try:
                parse_time(pointed, decimal_comma=False)
            except TimeFormatError:
                pass
            else:
                raise TimeFormatError(
                    f"{value!r} has a decimal comma: write {pointed} (a decimal point)"
                ) from None
        raise


def _time(value: float | str, loc: tuple, problems: list[Problem]) -> float:
    """Seconds of a split's time, or NaN and its problem."""
    try:
        return json_time(value)
    except TimeFormatError as exc:
        problems.append(Problem(json_path(loc), str(exc)))
        return math.nan


def _increasing(values: np.ndarray) -> bool:
    """Whether the values that are not NaN increase strictly."""
    given = values[~np.isnan(values)]
    return bool(np.all(given[1:] > given[:-1]))


def _in_order(
    cols: SplitColumns, d: np.ndarray, t: np.ndarray, loc: tuple, problems: list[Problem]
) -> bool:
    """Whether distances and times increase from split to split; a problem for each split
    that does not: a split out of line with the others (split_order.out_of_line: 4:54.40
    typed at 400 m before 1:23.00 and 1:51.90) is named with the splits it disagrees with,
    and any other that goes back is compared with the last split before it in order (two
    swapped: either could be the one)."""
    if _increasing(d) and _increasing(t):
        return True
    d_order = SplitOrder(d)
    d_out = d_order.out
    t_kept = t.copy()
    t_kept[list(d_out)] = math.nan
    t_order = SplitOrder(t_kept)
    t_out = t_order.out
    ok = True
    last_d: float | None = None
    last_t: float | None = None
    last_k = 0  # the split of last_t
    for k, (dk, tk) in enumerate(zip(d.tolist(), t.tolist(), strict=True)):
        if len(problems) > MAX_PROBLEMS:
            return False
        here = loc + (k,)
        dk = None if math.isnan(dk) else dk
        tk = None if math.isnan(tk) else tk
        if k in d_out:
            problems.append(Problem(json_path(here + ("distance_m",)), _distance_out(d_order, k)))
            ok = False
            continue
        if k in t_out:
            text = _time_out(cols, d, t_order, k)
            problems.append(Problem(json_path(here + ("time",)), text))
            ok = False
            continue
        if dk is not None and last_d is not None and dk <= last_d:
            problems.append(
                Problem(
                    json_path(here + ("distance_m",)),
                    f"{dk:g} m comes after {last_d:g} m: distances must increase",
                )
            )
            ok = False
            continue
        if tk is not None and last_t is not None and tk <= last_t:
            shown, before = typed_times_apart(tk, last_t, cols.time[k], cols.time[last_k])
            readings = [hours_reading(cols.time[j]) for j in (last_k, k)]
            said = "; ".join(r for r in readings if r)
            problems.append(
                Problem(
                    json_path(here + ("time",)),
                    f"{shown} comes after {before}: times must increase"
                    + (f" ({said})" if said else ""),
                )
            )
            ok = False
            continue
        last_d = dk if dk is not None else last_d
        if tk is not None:
            last_t, last_k = tk, k
    return ok


def _distance_out(order: SplitOrder, k: int) -> str:
    """The problem of split k's distance, out of line with the others' (order: of the
    distances)."""
    values = order.values.tolist()
    return out_of_line_text(
        f"{values[k]:g} m", order.disagreement(k), lambda j: f"{values[j]:g} m", "distances"
    )


def _time_out(cols: SplitColumns, d: np.ndarray, order: SplitOrder, k: int) -> str:
    """The problem of split k's time, out of line with the others' (order: of the times),
    saying how a time typed with two colons was read."""
    values = order.values

    def at(j: int) -> str:
        shown = typed_times_apart(values[j], values[k], cols.time[j], cols.time[k])[0]
        return shown if math.isnan(d[j]) else f"{shown} at {d[j]:g} m"

    message = out_of_line_text(at(k), order.disagreement(k), at)
    reading = hours_reading(cols.time[k])
    return f"{message} ({reading})" if reading else message


def hours_reading(typed: object) -> str | None:
    """How a time typed with two colons (h:mm:ss) was read, for a split it makes
    implausible: "1:51:40 reads as 1 h 51 min 40 s: if 1 min 51.40 s is meant, write
    1:51.40" (a coach's 1:51.40 typed with a colon for the point); None for any other."""
    match = _HOURS.fullmatch(typed) if isinstance(typed, str) else None
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    text = typed.strip()
    read = f"{text} reads as {int(hours)} h {int(minutes)} min {seconds}{fraction or ''} s"
    if fraction or int(hours) >= 60:
        return read
    meant = f"{int(hours)}:{minutes}.{seconds}"
    return f"{read}: if {int(hours)} min {minutes}.{seconds} s is meant, write {meant}"


def _paced(cols: SplitColumns, d: np.ndarray, t: np.ndarray, loc: tuple, problems: list[Problem]):
    """The splits whose values are good, each at least MIN_SPLIT_GAP_S after the one before
    (or the gun) and at a human pace from it (MIN_SPEED_MPS to MAX_SPEED_MPS)."""
    good = np.flatnonzero(~(np.isnan(d) | np.isnan(t)))
    gd, gt = d[good], t[good]
    gap = np.diff(gt, prepend=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        speed = np.diff(gd, prepend=0.0) / gap
    fine = (gap >= MIN_SPLIT_GAP_S - 1e-9) & (speed <= MAX_SPEED_MPS) & (speed >= MIN_SPEED_MPS)
    if not np.all(fine):
        return _paced_one_by_one(cols, good.tolist(), gd.tolist(), gt.tolist(), loc, problems)
    estimated, source, decimals = cols.estimated, cols.source, _decimals(cols.time)
    if len(good) < len(estimated):
        estimated = [estimated[k] for k in good.tolist()]
        source = [source[k] for k in good.tolist()]
        decimals = [decimals[k] for k in good.tolist()]
    return list(map(Split, gd.tolist(), gt.tolist(), estimated, source, decimals))


def _decimals(times: list[float | str]) -> list[int]:
    """Decimals each time is published to (Split.decimals): as written for a text time
    ("3:50.5": 1), hundredths for a number (seconds, however written)."""
    return [written_decimals(t) if t.__class__ is str else PUBLISHED_DECIMALS for t in times]


def _paced_one_by_one(
    cols: SplitColumns,
    indices: list[int],
    d: list[float],
    t: list[float],
    loc: tuple,
    problems: list[Problem],
) -> list[Split]:
    """_paced for splits one of which is too soon after, too fast or too slow from the one
    before: each is compared with the last good one before it."""
    out: list[Split] = []
    prev_d, prev_t = 0.0, 0.0
    for k, dk, tk in zip(indices, d, t, strict=True):
        if len(problems) > MAX_PROBLEMS:
            break
        here = loc + (k,)
        if tk - prev_t < MIN_SPLIT_GAP_S - 1e-9:  # 0.29 - 0.28 is 0.009999999999999953
            problems.append(
                Problem(
                    json_path(here + ("time",)),
                    f"{tk - prev_t:.2g} s after the previous split (or the start): splits are "
                    f"timed to the hundredth, so at least {MIN_SPLIT_GAP_S:g} s apart",
                )
            )
            continue
        speed = (dk - prev_d) / (tk - prev_t)
        if speed > MAX_SPEED_MPS:
            problems.append(
                Problem(
                    json_path(here),
                    f"{speed:.1f} m/s from the previous split is faster than any human runs",
                )
            )
            continue
        if speed < MIN_SPEED_MPS:
            reading = hours_reading(cols.time[k])
            problems.append(
                Problem(
                    json_path(here),
                    f"{speed:.2g} m/s from the previous split is slower than walking "
                    f"(at least {MIN_SPEED_MPS:g} m/s)" + (f"; {reading}" if reading else ""),
                )
            )
            continue
        decimals = _decimals([cols.time[k]])[0]
        out.append(Split(dk, tk, cols.estimated[k], cols.source[k], decimals))
        prev_d, prev_t = dk, tk
    return out
