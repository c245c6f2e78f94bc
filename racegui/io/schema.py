"""The racegui/1 race file format, as pydantic models (the published JSON schema is made from them).

Distances are metres, times are seconds given as a number or as text "ss.xx", "m:ss.xx" or
"h:mm:ss.xx". Any figure that was not published carries "estimated": true.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from racegui.io.errors import CONTROLS, CONTROLS_BUT_BREAKS, control_problem, quoted

FORMAT = "racegui/1"


def _one_line_text(text: str) -> str:
    """text, if it holds no control character (a right-to-left override turned the rest of
    the window's header around; a NUL was printed raw); ValueError naming it otherwise."""
    problem = control_problem(text, CONTROLS, "names, labels and titles")
    if problem is not None:
        raise ValueError(problem)
    return text


def _visible_text(text: str) -> str:
    """text, if it has something to show (ValueError for spaces only: a name of three
    spaces gave 'state' a line with no one in it, tester)."""
    if not text.strip():
        raise ValueError("has only spaces: give it some text")
    return text


def _long_text(text: str) -> str:
    """text, if it holds no control character but tabs and line breaks (ValueError)."""
    problem = control_problem(
        text, CONTROLS_BUT_BREAKS, "notes and sources (tabs and line breaks are fine)"
    )
    if problem is not None:
        raise ValueError(problem)
    return text


def _calendar_date(text: str) -> str:
    """text, if it is a day of the calendar (not "2025-13-45", "2025-02-30"); ValueError
    saying what is wrong otherwise."""
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f"{text} is not a date in the calendar ({exc})") from None
    return text


def _lane_number(value: object) -> object:
    """value as a lane number, if it is a whole number from 1 to LANES (3.0 is lane 3);
    ValueError saying what a lane is otherwise."""
    if isinstance(value, str) and not _is_number(value):  # a CSV's "L9", "seven"
        raise ValueError(f"{quoted(value)} is not a lane: give a whole number from 1 to {LANES}")
    if isinstance(value, bool) or not isinstance(value, int | float):
        given = "text" if isinstance(value, str) else _KINDS.get(type(value), "true or false")
        raise ValueError(f"should be a lane, a whole number from 1 to {LANES}, not {given}")
    if not 1 <= value <= LANES or value != int(value):
        raise ValueError(f"{value:g} is not a lane: give a whole number from 1 to {LANES}")
    return int(value)


_KINDS = {list: "a list", dict: "an object"}


def _is_number(text: str) -> bool:
    """Whether text reads as a number ("3", "3.0"): a JSON lane written in quotes."""
    try:
        float(text)
    except ValueError:
        return False
    return True


LANES = 8
"""Lanes of the standard track, numbered from 1 at the inside."""
_LANE_SCHEMA = WithJsonSchema({"type": "integer", "minimum": 1, "maximum": LANES})
"""A lane in the published schema (_lane_number checks it when a file is read)."""
OneLine = AfterValidator(_one_line_text)
"""No control characters, line breaks or bidi controls (errors.CONTROLS)."""
Shown = AfterValidator(_visible_text)
"""Not spaces only: what names a runner, a race or a target."""
ShortText = Annotated[str, Field(max_length=200), OneLine]
"""A name, label, place or reference (at most 200 characters, one line)."""
LongText = Annotated[str, Field(max_length=2000), AfterValidator(_long_text)]
"""A note, a source's title or address (at most 2,000 characters; tabs and line breaks
allowed, no other control characters)."""
MAX_ATHLETES = 1000
"""Most athletes a race file may have."""
MAX_SPLITS = 1000
"""Most splits one athlete or target may have."""
MAX_ENTRIES = 1000
"""Most sources, and most notes, a race file may have."""

TimeValue = Annotated[
    float | Annotated[str, Field(max_length=40)],
    Field(
        description='Elapsed time: seconds as a number, or "ss.xx", "m:ss.xx", "h:mm:ss.xx"',
        examples=[60.2, "4:06.42"],
    ),
]
ID_PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
IsoDate = Annotated[
    str,
    Field(max_length=200, pattern=DATE_PATTERN),
    AfterValidator(_calendar_date),
]
"""A day as ISO YYYY-MM-DD ("2025-06-26"), one that the calendar has."""
COLOUR_PATTERN = r"^#[0-9a-fA-F]{6}$"
Colour = Annotated[str, Field(pattern=COLOUR_PATTERN, description='"#rrggbb"')]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class SplitModel(_Strict):
    """Elapsed time at a distance from the start."""

    distance_m: float = Field(description="Metres run from the start line")
    time: TimeValue
    estimated: bool = False
    source: ShortText | None = Field(default=None, description="Id of an entry in sources")


class EvenPaceModel(_Strict):
    """Run the whole race distance at one speed, finishing in this time."""

    time: TimeValue
    estimated: bool = False
    source: ShortText | None = None


class FormationModel(_Strict):
    """A slot relative to another athlete (a pacer's place in a pocket formation)."""

    follows: ShortText = Field(description="Id of the athlete this slot moves with")
    offset_m: float = Field(
        ge=-1000.0, le=1000.0, description="Metres along the track, positive ahead"
    )
    lane: float = Field(default=1.0, ge=1.0, le=8.0, description="Lane (fractions allowed)")
    estimated: bool = False
    source: ShortText | None = None


class DropoutModel(_Strict):
    """Where a pacer leaves the race."""

    distance_m: float = Field(description="Metres run by the pacer when it steps off")
    exit_lane: float = Field(default=3.5, ge=2.0, le=8.0, description="Lane it eases out to")
    estimated: bool = False
    source: ShortText | None = None


class AthleteModel(_Strict):
    """A runner, pacer or ghost, moved by exactly one of splits, even_pace or formation."""

    id: str = Field(pattern=ID_PATTERN)
    name: Annotated[str, OneLine, Shown] = Field(min_length=1, max_length=200)
    role: Literal["runner", "pacer", "ghost"]
    colour: Colour | None = Field(
        default=None,
        description="#rrggbb; without one a runner takes the next of 16 distinct colours, a "
        "pacer or ghost grey",
    )
    bib: ShortText | None = None
    country: ShortText | None = None
    splits: Annotated[list[SplitModel], Field(max_length=MAX_SPLITS)] | None = None
    even_pace: EvenPaceModel | None = None
    formation: FormationModel | None = None
    dropout: DropoutModel | None = None
    estimated: bool = Field(default=False, description="The athlete's identity is estimated")
    note: LongText | None = None
    dnf: bool = Field(
        default=False,
        description="A runner who did not finish: the splits end at the stop, before "
        "the race distance",
    )
    dq: bool = Field(
        default=False,
        description="A runner disqualified: with dnf, where the runner stopped; without, "
        'after finishing. Shown as "DQ", with no place',
    )
    lane: Annotated[int, BeforeValidator(_lane_number), _LANE_SCHEMA] | None = Field(
        default=None,
        description="The runner's lane at an 800 m's lane start (1 is the inside); without it, the "
        "lowest lane no one is given, in file order. Only an 800 m starts in lanes",
    )


class TargetModel(_Strict):
    """The race target: an even-pace time, or explicit target splits."""

    time: TimeValue | None = None
    splits: Annotated[list[SplitModel], Field(max_length=MAX_SPLITS)] | None = None
    label: Annotated[ShortText, Shown] = "Target"
    colour: Colour = "#39ff6a"
    estimated: bool = False
    source: ShortText | None = None


class SourceModel(_Strict):
    """Where published figures come from."""

    id: ShortText
    title: LongText
    url: LongText | None = None


class RaceFileModel(_Strict):
    """A race file, format racegui/1."""

    format: Literal["racegui/1"]
    title: Annotated[str, OneLine, Shown] = Field(min_length=1, max_length=300)
    date: IsoDate | None = Field(default=None, description="ISO date, e.g. 2025-06-26")
    venue: ShortText | None = None
    distance_m: float | None = Field(default=None, description="Race distance in metres")
    distance: ShortText | None = Field(
        default=None,
        description='Race distance with a unit instead of distance_m: "1 mile", "1500 m", "5 km"',
    )
    target: TargetModel | None = None
    follow: str | None = Field(
        default=None,
        pattern=ID_PATTERN,
        description="Id of the runner a replay follows unless told another (default: the winner)",
    )
    athletes: list[AthleteModel] = Field(min_length=1, max_length=MAX_ATHLETES)
    sources: list[SourceModel] = Field(default=[], max_length=MAX_ENTRIES)
    notes: list[LongText] = Field(default=[], max_length=MAX_ENTRIES)


def json_schema() -> dict:
    """The published JSON schema of the race file format."""
    schema = RaceFileModel.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://racegui.invalid/schema/racegui-1.json"
    return schema


def json_schema_text() -> str:
    """The JSON schema as the text stored in resources/race.schema.json."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
