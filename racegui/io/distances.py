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
    """Metres from "1 mile", "1500 m", "1500m", "5 km", "mile" (ValueError otherwise)."""
    match = _DISTANCE_RE.match(text)
    if not match:
        raise ValueError(f'{text!r} is not a distance (use e.g. "1500 m", "1 mile", "5 km")')
    number, unit = match.groups()
    factor = _UNITS.get(unit.lower())
    if factor is None:
        raise ValueError(f"unknown unit {unit!r} in {text!r} (use m, km or mile)")
    return (float(number) if number else 1.0) * factor
