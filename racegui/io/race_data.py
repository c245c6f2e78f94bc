"""A race as racegui/1 JSON data (times as seconds, or text where published to fewer
decimals), as write_race saves it."""

from __future__ import annotations

from typing import Any

from racegui.io.schema import FORMAT
from racegui.model.race import Race, Split
from racegui.model.timefmt import PUBLISHED_DECIMALS, format_time


def _split_dict(s: Split) -> dict:
    out: dict[str, Any] = {"distance_m": s.distance_m, "time": _time(s)}
    if s.estimated:
        out["estimated"] = True
    if s.source:
        out["source"] = s.source
    return out


def _time(s: Split) -> float | str:
    """A split's time as race file data: seconds, or text where it was published to fewer
    decimals than hundredths ("3:50.5"), which a number would not say (written_decimals
    reads them back)."""
    if s.decimals < PUBLISHED_DECIMALS:
        return format_time(s.time_s, s.decimals)
    return s.time_s


def race_to_data(race: Race) -> dict:
    """The race as racegui/1 JSON data (times as seconds, or as text to tenths or whole
    seconds where they were published so)."""
    athletes = []
    for a in race.athletes:
        item: dict[str, Any] = {"id": a.id, "name": a.name, "role": a.role, "colour": a.colour}
        for key in ("bib", "country", "note"):
            if getattr(a, key):
                item[key] = getattr(a, key)
        if a.estimated:
            item["estimated"] = True
        if a.dnf:
            item["dnf"] = True
        if a.dq:
            item["dq"] = True
        if a.lane is not None:
            item["lane"] = a.lane
        if a.splits:
            item["splits"] = [_split_dict(s) for s in a.splits]
        elif a.even_pace_time_s is not None:
            item["even_pace"] = {"time": a.even_pace_time_s}
        if a.formation is not None:
            f = a.formation
            item["formation"] = {
                "follows": f.follows,
                "offset_m": f.offset_m,
                "lane": f.lane,
                "estimated": f.estimated,
            }
        if a.dropout is not None:
            d = a.dropout
            item["dropout"] = {
                "distance_m": d.distance_m,
                "exit_lane": d.exit_lane,
                "estimated": d.estimated,
            }
            if d.source:
                item["dropout"]["source"] = d.source
        athletes.append(item)
    data: dict[str, Any] = {"format": FORMAT, "title": race.title}
    if race.date:
        data["date"] = race.date
    if race.venue:
        data["venue"] = race.venue
    data["distance_m"] = race.distance_m
    if race.target is not None:
        t = race.target
        target: dict[str, Any] = {"label": t.label, "colour": t.colour}
        if t.splits:
            target["splits"] = [_split_dict(s) for s in t.splits]
        else:
            target["time"] = t.time_s
        data["target"] = target
    if race.follow is not None:
        data["follow"] = race.follow
    data["athletes"] = athletes
    if race.sources:
        data["sources"] = [
            {k: v for k, v in vars(s).items() if v is not None} for s in race.sources
        ]
    if race.notes:
        data["notes"] = list(race.notes)
    return data
