"""Read, validate and atomically write racegui/1 race files (JSON). No code is ever executed
from a file: plain json parsing, then pydantic validation, then checks of the race's sense.

This module is the entry point; the parts live beside it: text_file (the file's bytes and
text), json_syntax and json_values (the JSON text and the values no race can use),
schema_messages (the schema's errors in a file's words), race_checks (the race's sense),
race_data (a race as JSON data) and distances ("1 mile" in metres)."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from racegui.io.atomic import write_bytes_atomic
from racegui.io.distances import parse_distance, typed_distance_m
from racegui.io.errors import MAX_PROBLEMS, Problem, RaceFileError, capped
from racegui.io.file_kind import csv_lookalike
from racegui.io.json_lines import with_lines
from racegui.io.json_syntax import deep_nesting_problem, json_problem, long_number_problem
from racegui.io.json_values import MAX_DEPTH, find_unusable, non_finite, object_from_pairs
from racegui.io.lanes import lane_problems
from racegui.io.palette import default_colours
from racegui.io.race_checks import (
    DNF_HINT,
    check_a_finisher,
    check_formations,
    checked_athlete,
    race_distance,
    race_target,
)
from racegui.io.race_data import race_to_data
from racegui.io.race_follow import check_follow
from racegui.io.race_splits import MAX_SPEED_MPS, MIN_SPEED_MPS, SplitColumns, plain_columns
from racegui.io.schema import FORMAT, MAX_ATHLETES, AthleteModel, RaceFileModel
from racegui.io.schema_messages import pydantic_problems
from racegui.io.text_file import MAX_FILE_BYTES, decode_text, file_problem, read_bytes_limited
from racegui.model.race import Race, Source

__all__ = [
    "DNF_HINT",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_SPEED_MPS",
    "MIN_SPEED_MPS",
    "RaceFileError",
    "collector_paused",
    "decode_text",
    "file_problem",
    "parse_distance",
    "parse_race_text",
    "race_from_data",
    "race_to_data",
    "read_bytes_limited",
    "read_race",
    "typed_distance_m",
    "write_race",
]
"""What other modules take from here: this module's own functions, and the parts' names
that callers have always imported from racegui.io.race_file."""


def race_from_data(data: Any, path: str | Path | None = None) -> Race:
    """Build a Race from parsed JSON data, or raise RaceFileError listing every problem."""
    unusable = find_unusable(data)
    if unusable is not None:
        raise RaceFileError(path, [unusable])
    if isinstance(data, dict) and "format" in data and data["format"] != FORMAT:
        raise RaceFileError(
            path, [Problem("$.format", f"unknown format {data['format']!r} (expected {FORMAT!r})")]
        )
    model, columns = _validated(data, path)
    problems: list[Problem] = []
    race_m = race_distance(model, problems)
    if race_m is None:
        raise RaceFileError(path, problems)
    check_formations(model, problems)
    problems.extend(lane_problems(model, race_m))
    athletes = []
    for i, a in enumerate(model.athletes):
        if len(problems) > MAX_PROBLEMS:
            break
        athletes.append(checked_athlete(a, i, race_m, problems, columns.get(i)))
    check_a_finisher(model, problems)
    check_follow(model, problems)
    target = race_target(model, race_m, problems)
    if problems:
        raise RaceFileError(path, capped(problems))
    colours = default_colours([a.colour for a in model.athletes], [a.role for a in model.athletes])
    return Race(
        title=model.title,
        distance_m=race_m,
        athletes=tuple(replace(a, colour=c) for a, c in zip(athletes, colours, strict=True)),
        follow=model.follow,
        date=model.date,
        venue=model.venue,
        target=target,
        sources=tuple(Source(s.id, s.title, s.url) for s in model.sources),
        notes=tuple(model.notes),
    )


def _validated(data: Any, path: str | Path | None) -> tuple[RaceFileModel, dict[int, SplitColumns]]:
    """The file checked against the schema, and the splits of athletes read as columns by
    index (their model's splits are then []): a split list that pydantic would take as it
    is is checked a column at a time (a million splits as pydantic models took 3 s).
    Athletes are checked one by one first, so a file of a million bad splits stops after
    MAX_PROBLEMS instead of listing every one (23 s and 3 GB); when they are all good, they
    are not checked again."""
    columns: dict[int, SplitColumns] = {}
    athletes = data.get("athletes") if isinstance(data, dict) else None
    if isinstance(athletes, list) and len(athletes) <= MAX_ATHLETES:
        models, problems = [], []
        for i, item in enumerate(athletes):
            plain = plain_columns(item.get("splits")) if item.__class__ is dict else None
            if plain is not None:
                columns[i] = plain
                item = {**item, "splits": []}
            try:
                models.append(AthleteModel.model_validate(item))
            except ValidationError as exc:
                problems += pydantic_problems(exc, ("athletes", i))
                if len(problems) > MAX_PROBLEMS:
                    raise RaceFileError(path, capped(problems)) from None
        if not problems:
            data = {**data, "athletes": models}
    try:
        return RaceFileModel.model_validate(data), columns
    except ValidationError as exc:
        raise RaceFileError(path, capped(pydantic_problems(exc))) from None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused (then set back as it was): reading a big race makes
    millions of objects, none of them in a cycle, and the collector looked at them over and
    over (a third of the time reading 1,000 athletes of 1,000 splits)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_race_text(text: str, path: str | Path | None = None) -> Race:
    """Parse race JSON text (errors give line and column, or the JSON path)."""
    with collector_paused():
        return _parse_race_text(text, path)


def _parse_race_text(text: str, path: str | Path | None) -> Race:
    try:
        data = json.loads(
            text,
            parse_constant=non_finite,
            object_pairs_hook=object_from_pairs,
        )
    except json.JSONDecodeError as exc:
        problem = csv_lookalike(text) or json_problem(exc, text)
        raise RaceFileError(path, [problem]) from None
    except RecursionError:
        raise RaceFileError(path, [deep_nesting_problem(text)]) from None
    except ValueError:  # Python refuses to read an integer of over 4300 digits
        raise RaceFileError(path, [long_number_problem(text)]) from None
    try:
        return race_from_data(data, path)
    except RaceFileError as exc:  # "line 42, $.athletes[1].splits[3].time: ..."
        raise RaceFileError(path, with_lines(exc.problems, text)) from None


def read_race(path: str | Path) -> Race:
    """Load and validate a race file; raises RaceFileError (never anything else) on bad input."""
    path = Path(path)
    text = decode_text(path, read_bytes_limited(path))
    return parse_race_text(text, path)


def write_race(race: Race, path: str | Path) -> None:
    """Save a race atomically: a failed save leaves any existing file untouched. The JSON is
    indented, or compact where indented it would be over MAX_FILE_BYTES (1000 athletes of
    1000 splits: 80 MB indented, which read_race refused); RaceFileError, writing nothing, if
    even compact it would be."""
    data = race_to_data(race)
    encoded = (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if len(encoded) > MAX_FILE_BYTES:
        compact = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        encoded = compact.encode("utf-8")
    if len(encoded) > MAX_FILE_BYTES:
        raise RaceFileError(
            path,
            [
                Problem(
                    "",
                    f"cannot write: the race would be {len(encoded) / 1e6:,.0f} MB, over the "
                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB a race file may be",
                )
            ],
        )
    write_bytes_atomic(Path(path), encoded)
