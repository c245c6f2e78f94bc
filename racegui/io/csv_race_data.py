"""A splits CSV's athletes as race file data: ids made from names, colours (named, or as a
race file without them gets them: palette.default_colours), roles where the CSV gives none,
and who did not finish."""

from __future__ import annotations

import re
import unicodedata

from racegui.io.csv_rows import DISQUALIFIED, plain_mark
from racegui.io.palette import default_colours
from racegui.io.race_splits import hours_reading
from racegui.io.schema import FORMAT, ID_PATTERN, LANES
from racegui.model.lane_start import LANE_START_LAPS
from racegui.model.race import TARGET_ID
from racegui.model.timefmt import (
    PUBLISHED_DECIMALS,
    TimeFormatError,
    format_time,
    parse_time,
    written_decimals,
)
from racegui.model.track import STANDARD_TRACK

COLOUR_NAMES = {
    "black": "#000000",
    "white": "#ffffff",
    "red": "#e4002b",
    "orange": "#ff7f0e",
    "yellow": "#ffd700",
    "gold": "#ffd700",
    "green": "#2ca02c",
    "lime": "#32cd32",
    "teal": "#008080",
    "cyan": "#17becf",
    "blue": "#1f77b4",
    "navy": "#1b2a6b",
    "purple": "#9467bd",
    "violet": "#9467bd",
    "magenta": "#e377c2",
    "pink": "#ff69b4",
    "brown": "#8c564b",
    "maroon": "#800000",
    "grey": "#7f7f7f",
    "gray": "#7f7f7f",
    "silver": "#c0c0c0",
}
"""Colour names a colour cell may hold instead of "#rrggbb" (any letter case), as the
palette draws them where it has the colour."""
_LATIN = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th"})
"""Letters without a decomposed Latin form, spelt out for an id made from a name."""
MAX_ID_CHARS = 64
"""Longest id (as ID_PATTERN allows)."""


def _is_id(text: str) -> bool:
    """Whether an athlete cell is an id as a race file has them (else it is a name)."""
    return re.fullmatch(ID_PATTERN, text) is not None


def _slug(name: str) -> str:
    """A name as an id: accents dropped, lower case, any other run of characters one '-'
    ("Faith Kipyegon" -> "faith-kipyegon", "Ciarà Mageean" -> "ciara-mageean"); "" when no
    letter of it has a Latin form."""
    lower = name.lower().translate(_LATIN)
    plain = unicodedata.normalize("NFKD", lower).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:MAX_ID_CHARS].rstrip("-")


def _ids(cells: list[str]) -> list[str]:
    """An id for each athlete cell, in order: the cell itself when it is an id, else one
    made from it as a name (suffixed -2, -3... so no two athletes ever share one, and never
    the target's)."""
    taken = {cell for cell in cells if _is_id(cell)} | {TARGET_ID}
    out = []
    for k, cell in enumerate(cells):
        if _is_id(cell):
            out.append(cell)
            continue
        base = _slug(cell) or f"athlete-{k + 1}"
        candidate, n = base, 2
        while candidate in taken:
            suffix = f"-{n}"
            candidate, n = base[: MAX_ID_CHARS - len(suffix)] + suffix, n + 1
        taken.add(candidate)
        out.append(candidate)
    return out


def race_data(
    athletes: dict,
    col: dict,
    distance_m: float | None,
    title: str,
    target_time_s: float | None,
    untimed: list[str],
) -> dict:
    """The race file data of a CSV's athletes, with ``untimed`` (notes on rows left out)
    among its notes. An athlete with no role given (no role column, or her cells empty)
    gets _default_role's; a runner who stops short while another runner reaches the finish
    (or, where none does, as far as any athlete: _reached) did not finish ("dnf"). Each
    athlete read one way of two (a pacer or a DNF for stopping short) gets a note saying
    so."""
    race_m = (
        distance_m
        if distance_m is not None
        else max(s["distance_m"] for a in athletes.values() for s in a["splits"])
    )
    has_role = "role" in col
    items = []
    notes = list(untimed)
    ids = _ids(list(athletes))
    said_roles = [_said_role(entry).lower() for entry in athletes.values()]
    reached_m = _reached(athletes, race_m)
    roles = [
        said or _default_role(k, entry, reached_m)
        for k, (said, entry) in enumerate(zip(said_roles, athletes.values(), strict=True))
    ]
    colours = default_colours(
        [_colour(entry["said"].get("colour", (None, 0))[0]) for entry in athletes.values()], roles
    )
    someone_finishes = any(
        role == "runner" and _finishes(entry, reached_m)
        for role, entry in zip(roles, athletes.values(), strict=True)
    )
    lanes_why = _no_lanes(athletes, race_m)
    if lanes_why:
        notes.append(f"The lane column is left out: {lanes_why}.")
    for k, (athlete, entry) in enumerate(athletes.items()):
        said = {field: value for field, (value, _line) in entry["said"].items()}
        role = roles[k]
        item = {
            "id": ids[k],
            "name": said.get("name") or athlete,
            "role": role,
            "colour": colours[k],
            "splits": [{"distance_m": x["distance_m"], "time": _time(x)} for x in entry["splits"]],
        }
        item.update({f: said[f] for f in ("bib", "country") if f in said})
        if "lane" in said and not lanes_why:
            item["lane"] = _lane(said["lane"])
        last_m = entry["splits"][-1]["distance_m"]
        if role == "runner" and _disqualified(entry):
            item["dq"] = True
        if role == "runner" and someone_finishes and not _finishes(entry, reached_m):
            item["dnf"] = True
            notes.append(_dnf_note(item["name"], entry, last_m, race_m, bool(said_roles[k])))
        elif "mark" in entry and _finishes(entry, reached_m):  # disqualified after finishing
            mark, place = entry["mark"]
            notes.append(
                f"{item['name']}: disqualified ({mark!r} at {place}); {item['name']}'s run is "
                "shown as timed, to the finish, with no place."
            )
        elif not said_roles[k] and role == "pacer":
            unsaid = "the role cell is empty" if has_role else "the CSV has no role column"
            notes.append(
                f"{item['name']} stops at {last_m:g} m, before the {race_m:g} m finish: read as "
                f"a pacer who dropped out there ({unsaid}, and a runner reaches the finish). "
                "For a runner who did not finish, write runner in a role column on that "
                "row."
            )
        items.append(item)
    data: dict = {
        "format": FORMAT,
        "title": title,
        "distance_m": race_m,
        "athletes": items,
    }
    if target_time_s is not None:
        data["target"] = {"time": target_time_s, "label": "Target"}
    if notes:
        data["notes"] = notes
    return data


def _dnf_note(name: str, entry: dict, last_m: float, race_m: float, said_runner: bool) -> str:
    """The note on a runner who did not finish, stopping at last_m (m) before the race_m (m)
    finish, saying why she is one: her mark (a wide sheet's "DNF"; a "DQ" or "DSQ" as
    disqualified, a "DNS" after splits as the contradiction it is), else her role cell, else
    her place first in the file."""
    stop = f"{name} stops at {last_m:g} m, before the {race_m:g} m finish"
    if "stopped" in entry:  # a lap CSV's runner with fewer laps than the others
        return f"{stop}: a runner who did not finish ({entry['stopped']})."
    if "mark" not in entry:
        why = "the role column says runner" if said_runner else "the athlete is listed first"
        return f"{stop}: a runner who did not finish ({why})."
    mark, place = entry["mark"]
    kind = plain_mark(mark)
    if kind in DISQUALIFIED:
        return f"{stop}: disqualified ({mark!r} at {place}), shown as DQ there."
    if kind == "DNS":
        return (
            f"{name} is marked {mark!r} (did not start) at {place}, but has splits to "
            f"{last_m:g} m: shown as a runner who did not finish, stopping there."
        )
    return f"{stop}: a runner who did not finish ({mark!r} at {place})."


def _disqualified(entry: dict) -> bool:
    """Whether an athlete's mark (a wide sheet's result, a lap CSV's lap cell) is a DQ."""
    return "mark" in entry and plain_mark(entry["mark"][0]) in DISQUALIFIED


def _time(split: dict) -> float | str:
    """A split's time as race file data: seconds, or the text typed where it has two colons
    (h:mm:ss), so that a split it makes implausible says how it was read (1:51:40 typed for
    1:51.40 reads as 1 h 51 min 40 s: race_splits.hours_reading), or as text to the tenth
    or the second where it was typed so ("3:50.5": a results sheet's, printed as published,
    not as 3:50.50)."""
    typed = split.get("typed", "")
    if typed.count(":") == 2 and hours_reading(typed) is not None:
        return typed
    decimals = written_decimals(typed)
    if typed and decimals < PUBLISHED_DECIMALS and _reads_as(typed, split["time"]):
        return format_time(split["time"], decimals)
    return split["time"]


def _reads_as(typed: str, seconds: float) -> bool:
    """Whether a cell's text is the time (s) read from it (not an Excel day fraction's,
    which was turned into seconds)."""
    try:
        return abs(parse_time(typed) - seconds) < 1e-9
    except TimeFormatError:
        return False


def _said_role(entry: dict) -> str:
    """The role an athlete's rows give in the role column ("" if none, or no role column:
    then _default_role gives it)."""
    return entry["said"].get("role", ("", 0))[0]


def _finishes(entry: dict, race_m: float) -> bool:
    """Whether an athlete's last split is at the finish (race_m, m)."""
    return entry["splits"][-1]["distance_m"] >= race_m - 1e-6


def _colour(text: str | None) -> str | None:
    """A colour cell as "#rrggbb": a name of COLOUR_NAMES as its colour, anything else as
    written (checked as a race file's colour is)."""
    if text is None:
        return None
    return COLOUR_NAMES.get(text.strip().lower(), text)


def _reached(athletes: dict, race_m: float) -> float:
    """The finish (race_m, m) if an athlete reaches it, else the farthest any athlete's
    splits reach (m): a 1500 m given --distance 1600, whose 13 finishers stop at 1500 m."""
    if any(_finishes(entry, race_m) for entry in athletes.values()):
        return race_m
    return max(entry["splits"][-1]["distance_m"] for entry in athletes.values())


def _default_role(k: int, entry: dict, reached_m: float) -> str:
    """Role of the k-th athlete of a CSV without a role column: the first is the runner, and
    so is any other who reaches the finish, or where none does, as far as any athlete
    (reached_m, m: _reached); one who stops before it is a pacer (the first then did not
    finish, if another runner does). A 1500 m given --distance 1600 had its 12 finishers
    after the first read as pacers, whom no problem named: as runners, each is one of the
    alike problems of one line, "(and 12 more like it ...)". A lap CSV's runner who stopped
    short ("stopped") is a runner: a stopwatch times no pacers."""
    marked = "mark" in entry or "stopped" in entry
    return "runner" if k == 0 or marked or _finishes(entry, reached_m) else "pacer"


def _no_lanes(athletes: dict, race_m: float) -> str:
    """Why a CSV's lane column is left out of its race ("" if no athlete has a lane, or it
    is an 800 m with no more athletes than lanes, which starts in them: model.lane_start)."""
    if not any("lane" in entry["said"] for entry in athletes.values()):
        return ""
    if abs(race_m - LANE_START_LAPS * STANDARD_TRACK.lap_m) >= 1e-6:
        return f"lanes are drawn only for an 800 m's start (this race is {race_m:g} m)"
    if len(athletes) > LANES:
        return f"{len(athletes)} athletes start, more than the track's {LANES} lanes, on one line"
    return ""


_LANE_NAMED = re.compile(r"(?:lane|l)\s*(\d+)", re.IGNORECASE)
"""A lane cell naming its lane ("L7", "Lane 7"), as start lists write it: the number."""


def _lane(cell: str) -> float | str:
    """A lane cell as a number ("3" is 3; "L3", "Lane 3" too, where that is one of the
    track's lanes), else as written (refused as a race file's lane, quoting it)."""
    try:
        return float(cell)
    except ValueError:
        named = _LANE_NAMED.fullmatch(cell.strip())
        if named is not None and 1 <= int(named.group(1)) <= LANES:
            return float(named.group(1))
        return cell
