"""Race distances as people type them: "1 mile", "1500 m", "5 km" (in metres)."""

from __future__ import annotations

import math
import re

_UNITS = {
    "m": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "km": 1000.0,
    "mile": 1609.344,
    "miles": 1609.344,
    "mi": 1609.344,
}
_DISTANCE_RE = re.compile(r"^\s*([0-9]*\.?[0-9]+)?\s*([A-Za-z]+)\s*$")


_STEEPLECHASE = re.compile(r"steeple|\d\s*m?\s*s/?c\b", re.IGNORECASE)
"""A steeplechase: "3000m steeplechase", "2000 m steeple", "3000mSC", "3000m s/c"."""
_NUMBER_UNIT = re.compile(r"([0-9]*\.?[0-9]+)\s*(km|k\b)?", re.IGNORECASE)
STEEPLECHASE_M = 3000.0
"""The steeplechase run where no distance is given with it (the Olympic one)."""


def steeplechase_problem(text: str, flat: str = "{:g} m") -> str | None:
    """Why a steeplechase ("3000m steeplechase") cannot be replayed, and the flat distance to
    give instead, written as flat formats its metres ("{:g} m"; "--distance {:g}"); None
    for any other text. "3000m steeplechase" had been told only "is not a distance"."""
    if _STEEPLECHASE.search(text) is None:
        return None
    number = _NUMBER_UNIT.search(text)
    metres = STEEPLECHASE_M
    if number is not None:
        metres = float(number.group(1)) * (1000.0 if number.group(2) else 1.0)
    return (
        f"{text.strip()!r}: the steeplechase is not modelled (its barriers and water jump are "
        f"not drawn); for a flat replay of the distance, give {flat.format(metres)}"
    )


_INDOOR = re.compile(r"\bindoors?\b|\bshort[\s-]*track\b", re.IGNORECASE)
"""An indoor race: "3000m indoor", "1500 m Indoors", "mile short track"."""


def indoor_problem(text: str, flat: str = "{:g} m") -> str | None:
    """Why an indoor race ("3000m indoor") cannot be replayed on its track, and the distance
    to give for a replay of its splits on the 400 m outdoor track, written as flat formats its
    metres; None for any other text. "3000m indoor" had been told only "is not a distance"
    (analyst's review)."""
    if _INDOOR.search(text) is None:
        return None
    rest = _INDOOR.sub(" ", text).strip(" ,;()-")
    metres = typed_distance_m(rest) if rest else math.nan
    give = (
        f"give {flat.format(metres)}"
        if math.isfinite(metres) and metres > 0
        else "give its distance without the word"
    )
    return (
        f"{text.strip()!r}: indoor (200 m) tracks are not modelled (racegui draws the 400 m "
        f"outdoor track); for a replay of the splits on it, {give}"
    )


def unmodelled_problem(text: str, flat: str = "{:g} m") -> str | None:
    """Why a distance names a race racegui does not model (a steeplechase, an indoor race),
    and what to give instead; None for any other text."""
    return steeplechase_problem(text, flat) or indoor_problem(text, flat)


def typed_distance_m(text: str) -> float:
    """Metres from a distance as typed: plain metres ("1500") or with a unit, as
    parse_distance reads; NaN when it is neither."""
    try:
        return float(text)
    except ValueError:
        try:
            return parse_distance(text)
        except ValueError:
            return math.nan


def parse_distance(text: str) -> float:
    """Metres from "1 mile", "1500 m", "1500m", "5 km", "mile" (ValueError otherwise; for
    a steeplechase or an indoor race, saying it is not modelled)."""
    unmodelled = unmodelled_problem(text, '"{:g} m"')
    if unmodelled is not None:
        raise ValueError(unmodelled)
    match = _DISTANCE_RE.match(text)
    if not match:
        raise ValueError(f'{text!r} is not a distance (use e.g. "1500 m", "1 mile", "5 km")')
    number, unit = match.groups()
    factor = _UNITS.get(unit.lower())
    if factor is None:
        raise ValueError(f"unknown unit {unit!r} in {text!r} (use m, km or mile)")
    return (float(number) if number else 1.0) * factor
