"""Parsing and formatting race times: seconds, "ss.xx", "m:ss.xx" and "h:mm:ss.xx"; and the
metres run shown beside them."""

from __future__ import annotations

import math
import re

MAX_TIME_CHARS = 40
"""Longest text read as a time (a 5,000-digit minute count made int() raise ValueError)."""
MAX_TIME_S = 100 * 3600.0
"""Longest time read (s): 100 hours, past any race (100 km at walking pace takes 56 hours);
a split at 1e308 s was called "4.1e-306 m/s ... slower than walking"."""
_TIME_RE = re.compile(r"^\s*(?:(?:(\d+):)?(\d+):)?(\d+)((?:[.,]\d+)?)\s*$")


class TimeFormatError(ValueError):
    """A time text could not be read."""


def parse_time(value: str | float | int, *, decimal_comma: bool = True) -> float:
    """Seconds from a number or a text "ss.xx", "m:ss.xx" or "h:mm:ss.xx".

    Seconds after a colon, and minutes after hours, are two digits below 60 ("4:06.42",
    "1:02:03.4"); the time is at most MAX_TIME_S. Raises TimeFormatError with a one-line
    reason for anything else (negative, NaN, infinite, longer than any race, text that is
    not a time or is cut short like "4:0").
    """
    if isinstance(value, bool):
        raise TimeFormatError(f"{value!r} is not a time")
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str):
        if len(value) > MAX_TIME_CHARS:
            raise TimeFormatError(f"{value[:20]!r}... is too long to be a time")
        match = _TIME_RE.match(value)
        if not match and _TIME_RE.match(value.replace("-", "", 1)) and value.strip()[:1] == "-":
            raise TimeFormatError(f"{value!r} is negative: times count from 0, the gun")
        if not match or (not decimal_comma and "," in value):
            raise TimeFormatError(f"{value!r} is not a time (use seconds, m:ss.xx or h:mm:ss.xx)")
        hours, minutes, whole, frac = match.groups()
        _check_two_digits(value, hours, minutes, whole)
        secs_f = float(whole + frac.replace(",", "."))
        if minutes is not None and secs_f >= 60:
            raise TimeFormatError(f"{value!r}: seconds must be below 60 after a colon")
        if hours is not None and int(minutes) >= 60:
            raise TimeFormatError(f"{value!r}: minutes must be below 60 after hours")
        seconds = int(hours or 0) * 3600 + int(minutes or 0) * 60 + secs_f
    else:
        raise TimeFormatError(f"{value!r} is not a time")
    if not math.isfinite(seconds):
        raise TimeFormatError(f"{value!r} is not a finite time")
    if seconds < 0:
        raise TimeFormatError(f"{value!r} is negative")
    if seconds > MAX_TIME_S:
        given = repr(value) if isinstance(value, str) else f"{seconds:.15g} s"
        raise TimeFormatError(
            f"{given} is longer than any race (at most {MAX_TIME_S / 3600:g} hours)"
        )
    return seconds


def _check_two_digits(value: str, hours: str | None, minutes: str | None, secs: str) -> None:
    """Refuse a time whose seconds after a colon (or minutes after hours) are not two digits:
    "4:0" is a time cut short, not 4:00.00; "2:5" is not 2:05."""
    form = "h:mm:ss.xx" if hours is not None else "m:ss.xx"
    if minutes is not None and len(secs) != 2:
        raise TimeFormatError(f'{value!r}: seconds after ":" need two digits ({form})')
    if hours is not None and len(minutes or "") != 2:
        raise TimeFormatError(f"{value!r}: minutes after hours need two digits ({form})")


PUBLISHED_DECIMALS = 2
"""Most decimals a published time is printed to: hundredths (a photo finish's thousandths
are rounded up to the hundredth, as athletics rounds them: published_time)."""


def written_decimals(text: str, most: int = PUBLISHED_DECIMALS) -> int:
    """Decimals a time is written to in text, at most ``most`` (PUBLISHED_DECIMALS unless
    told): 1 for "3:50.5" (or "3:50,5"), 0 for "3:50", 2 for "4:06.42" and "4:06.421"."""
    for point in ".,":
        head, found, frac = text.rpartition(point)
        if found:
            return min(len(frac.strip()), most)
    return 0


HALF_SLACK = 1e-6
"""How far below a half (in units of the last digit shown) a value may be and still round
up: float error, not a smaller time (237.05 s is 2370.4999999999995 tenths)."""


def nearest(value: float, scale: int) -> int:
    """value x scale rounded to the nearest whole number, halves away from zero, as the
    value is written: 237.05 s in tenths is 2371 (3:57.1) and 36.45 s is 365. round() gave
    2370 and 364 (float error, then halves to even), so a projected 3:57.05 read "3:57.0"
    beside "+1.1 vs 3:56.00" (analyst's review)."""
    whole = math.floor(abs(value) * scale + 0.5 + HALF_SLACK)
    return whole if value >= 0 else -whole


def format_time(seconds: float, decimals: int = 2) -> str:
    """Format seconds as "m:ss.xx" (or "ss.xx" under a minute, "h:mm:ss.xx" over an hour)."""
    if seconds is None or not math.isfinite(seconds):
        return "--"
    sign = "-" if seconds < 0 else ""
    scale = 10**decimals
    total = nearest(abs(seconds), scale)
    whole, frac = divmod(total, scale)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    frac_text = f".{frac:0{decimals}d}" if decimals else ""
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}{frac_text}"
    if minutes:
        return f"{sign}{minutes}:{secs:02d}{frac_text}"
    return f"{sign}{secs}{frac_text}"


ROUND_UP_SLACK = 1e-6
"""How far above a whole hundredth (in hundredths) a time may be and still read as it: float
error, not a later moment (246.42 computed as 246.42000000000002 stays 4:06.42)."""


def round_up(seconds: float, decimals: int = 2) -> float:
    """seconds (s) rounded up to `decimals`, as athletics rounds fully automatic times up to
    the next hundredth: 136.334 -> 136.34, so a time typed as read lands at or after the
    moment; a time on a hundredth, give or take float error, stays (246.42)."""
    scale = 10**decimals
    return math.ceil(seconds * scale - ROUND_UP_SLACK) / scale


def format_time_up(seconds: float, decimals: int = 2) -> str:
    """format_time of seconds rounded up (round_up): "2:16.34" for 136.334 s."""
    if seconds is None or not math.isfinite(seconds):
        return "--"
    return format_time(round_up(seconds, decimals), decimals)


def published_time(seconds: float, decimals: int = PUBLISHED_DECIMALS) -> float:
    """A published time (s) as it is printed, at the `decimals` it was published to (at
    most hundredths): rounded up (round_up), so that a photo finish's 3:52.001 is 3:52.01 in
    every view, as athletics rounds fully automatic times up to the hundredth (the timed
    tables' figure); a time with no more digits than `decimals` stays (3:50.5)."""
    return round_up(seconds, decimals) if math.isfinite(seconds) else seconds


def format_published(seconds: float, decimals: int = PUBLISHED_DECIMALS) -> str:
    """A published time (s), or one timed from the model (decimals 2), as every view prints
    it: format_time of published_time, "3:50.5" for 230.5 s at 1, "3:52.01" for 232.001 s.
    The one rule for printing a time to the decimals it was published to."""
    if seconds is None or not math.isfinite(seconds):
        return "--"
    return format_time(published_time(seconds, decimals), decimals)


def clock_text(seconds: float, decimals: int = 2, *, short: bool = False) -> str:
    """Race time (s) as a race clock shows it and as times are typed: m:ss.xx with minutes
    past 59 ("99:00.00"), never hours; a negative time reads 0. ``short`` leaves out the
    minutes under a minute ("59.50")."""
    scale = 10**decimals
    whole, frac = divmod(nearest(max(seconds, 0.0), scale), scale)
    minutes, secs = divmod(whole, 60)
    frac_text = f".{frac:0{decimals}d}" if decimals else ""
    if short and not minutes:
        return f"{secs}{frac_text}"
    return f"{minutes}:{secs:02d}{frac_text}"


def shown(seconds: float, decimals: int = 2) -> float:
    """seconds as format_time shows them (rounded to `decimals` the way it rounds)."""
    scale = 10**decimals
    return nearest(seconds, scale) / scale


def reads_as_zero(seconds: float, decimals: int = 2) -> bool:
    """Whether a time difference (s) shows as 0.00 (at `decimals`): level."""
    return nearest(abs(seconds), 10**decimals) == 0


def format_delta(seconds: float, decimals: int = 2) -> str:
    """Format a time difference with an explicit sign, "+0.35" or "-1.20"; one that rounds
    to zero has none ("0.00": level, where -0.004 read "-0.00")."""
    if seconds is None or not math.isfinite(seconds):
        return "--"
    text = format_time(abs(seconds), decimals)
    if reads_as_zero(seconds, decimals):
        return text
    return ("-" if seconds < 0 else "+") + text


def format_duration(seconds: float, decimals: int = 2) -> str:
    """A time taken (s) as the panel writes one: "3.6 s" under a minute, "1:00.56" from a
    minute on (the colon says it is a time), as format_gap writes a gap, without its sign."""
    text = format_time(seconds, decimals)
    if text == "--" or ":" in text:
        return text
    return f"{text} s"


def format_gap(seconds: float, decimals: int = 2) -> str:
    """A gap or margin (s) as the graphics show it: "+1.45 s" under a minute, "+2:05.81" from
    a minute on (the colon says it is a time; "+2:05.81 s" and "+125.81 s" had both been
    shown for one gap); one that reads 0.00 has no sign ("0.00 s")."""
    text = format_delta(seconds, decimals)
    if text == "--" or ":" in text:
        return text
    return f"{text} s"


def format_times_apart(a: float, b: float) -> tuple[str, str]:
    """Two race times (s) formatted as by format_time, with as many decimals (2 to 6) as it
    takes for different times to read differently ("4:10.575" after "4:10.57" would not)."""
    for decimals in range(2, 7):
        ta, tb = format_time(a, decimals), format_time(b, decimals)
        if ta != tb or a == b:
            break
    return ta, tb


def metres_text(distance_m: float) -> str:
    """A distance (m) as every view shows a runner's metres: to the nearest metre, "1,234 m"
    (the scoreboard's "44 m run" and the field's leader row in a one-lap race, which had
    read "40 m" beside it, to 10 m below)."""
    return f"{distance_m:,.0f} m"


def metres_to_go_text(to_go_m: float) -> str:
    """What a runner has left (m) as the scoreboard counts it down: to the nearest metre as
    metres_text, but never "0 m" short of the line: 0.12 m short at 4:06.40 of the Breaking4
    mile had read "0 m to go" (reviewer); it reads "1 m". At or past the line, "0 m"."""
    shown = metres_text(to_go_m)
    return "1 m" if to_go_m > 0.0 and shown == "0 m" else shown


def within_end(t: float, end_s: float) -> float | None:
    """Race time t (s) if it is at or before end_s; end_s itself for a t past it only by the
    rounding of the end as shown (typing the 3:55.73 shown for an end at 235.7285 s); None
    for a time after the end."""
    if t <= end_s:
        return t
    if t <= shown(end_s) + 1e-9:
        return end_s
    return None


_CLOCK_TIME = re.compile(r"\d+(?::\d{2})+(?:[.,]\d+)?")
"""A clock-style time in a text: "4:12.33", "3:50", "1:02:03.4"."""


def label_names_time(label: str, seconds: float) -> bool:
    """True if `label` already gives the time `seconds` (s), to the precision it is written
    in: "Previous world record 4:12.33" names 252.33, "3:50 even pace" names 230.00."""
    for match in _CLOCK_TIME.finditer(label):
        token = match.group()
        decimals = len(re.split("[.,]", token)[-1]) if re.search("[.,]", token) else 0
        try:
            value = parse_time(token)
        except TimeFormatError:
            continue
        if abs(value - seconds) < 0.5 * 10.0**-decimals + 1e-9:
            return True
    return False
