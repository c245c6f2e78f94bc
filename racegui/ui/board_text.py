"""The scoreboard's title and subtitle fitted whole to the board's width: shorter forms, or a
second line, before anything is cut (with the 10 px least type size, a small export's board
showed "BREAKING4: FAITH KIPYEGON'…" over "Stade Sebastien Charlety, Paris · 26 Ju…")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from racegui.model.dates import iso_day, long_date, short_date

SEPARATOR = "  ·  "
"""Between the venue and the date."""
UNIT = re.compile(r"(?<=\d)(\s?)(km|mi|min|ms|m|s|h)\b")
"""A unit of measure right after a figure ("9 m", "6.42 s", "1500m"): kept as written in
capitals (see capitals)."""


def capitals(text: str) -> str:
    """`text` in capitals but for its units after a figure: "Start · 9 m" is "START · 9 m",
    not "START · 9 M" (the metre's symbol is m; an upper-case M reads as mega or a mile)."""
    out, at = [], 0
    for unit in UNIT.finditer(text):
        out += [text[at : unit.start()].upper(), unit.group()]
        at = unit.end()
    return "".join([*out, text[at:].upper()])


def subtitle_forms(venue: str | None, date: str | None) -> tuple[str, ...]:
    """The subtitle from most to least complete: venue and date, then shorter forms that drop
    the least telling part first: the date's month shortened ("26 Jun 2025"), the venue's
    stadium (the part before its last comma: "Paris"), then the date alone. A date that is
    not an ISO day is kept as written."""
    day = iso_day(date)
    dates = [long_date(day), short_date(day)] if day is not None else [date] if date else []
    venue = (venue or "").strip()
    places = [venue] if venue else []
    if "," in venue:
        places.append(venue.rsplit(",", 1)[1].strip())
    forms: list[str] = []
    for place in places or [""]:
        for when in dates or [""]:
            form = SEPARATOR.join(x for x in (place, when) if x)
            if form and form not in forms:
                forms.append(form)
    for when in dates[-1:]:
        if when not in forms:
            forms.append(when)
    return tuple(forms) or ("",)


def whose_forms(names: Sequence[str], distances: Sequence[str]) -> tuple[str, ...]:
    """The distance line of a runner's figures, most to least complete: each of `distances`
    (longest first) after each of her `names` (longest first: "Runner Number 01", then
    the pocket cam's "R01"), then the distances alone. A narrow board draws the first that
    fits (first_fitting): a 640x360 video's "Runner Number 01  ·  376 m run  ·  4,624 m to
    go" had run past the board into the pocket cam."""
    forms = [f"{name}{SEPARATOR}{d}" for d in distances for name in names] + list(distances)
    return tuple(dict.fromkeys(forms))


def first_fitting(forms: Sequence[str], width: Callable[[str], float], room: float) -> str:
    """The first of `forms` at most `room` px wide (width measures a text in px), or the
    last (the shortest) if none is."""
    for form in forms:
        if width(form) <= room:
            return form
    return forms[-1] if forms else ""


def title_lines(title: str, width: Callable[[str], float], room: float) -> list[str]:
    """The title on one line if it is at most `room` px wide, else on two broken between
    words (after a colon if that fits, else where the longer line is shortest); one line
    (to be elided) if no break fits both."""
    if width(title) <= room or " " not in title.strip():
        return [title]
    words = title.split(" ")
    breaks = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    fitting = [b for b in breaks if max(width(b[0]), width(b[1])) <= room]
    if not fitting:
        return [title]
    colon = [b for b in fitting if b[0].endswith(":")]
    if colon:
        return list(colon[0])
    return list(min(fitting, key=lambda b: max(width(b[0]), width(b[1]))))
