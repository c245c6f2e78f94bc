"""Read, validate and atomically write racegui/1 race files (JSON). No code is ever executed
from a file: plain json parsing, then pydantic validation, then checks of the race's sense."""

from __future__ import annotations

import codecs
import gc
import json
import math
import os
import re
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import ValidationError

from racegui.io.atomic import write_bytes_atomic
from racegui.io.errors import MAX_PROBLEMS, Problem, RaceFileError, capped, json_path
from racegui.io.json_lines import nesting_deeper_than, with_lines
from racegui.io.lanes import lane_problems
from racegui.io.race_splits import (
    MAX_SPEED_MPS,
    MIN_SPEED_MPS,
    SplitColumns,
    checked_splits,
    plain_columns,
)
from racegui.io.schema import (
    COLOUR_PATTERN,
    DATE_PATTERN,
    FORMAT,
    ID_PATTERN,
    MAX_ATHLETES,
    MAX_ENTRIES,
    MAX_SPLITS,
    AthleteModel,
    RaceFileModel,
)
from racegui.model.race import (
    TARGET_ID,
    Athlete,
    Dropout,
    Formation,
    Race,
    Source,
    Split,
    Target,
)
from racegui.model.timefmt import TimeFormatError, parse_time

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest race file read (bytes); bigger files are refused before reading."""
MAX_DEPTH = 32
"""Deepest nesting of lists and objects accepted (a race file uses 5 levels)."""
MAX_LIST_ENTRIES = max(MAX_ATHLETES, MAX_SPLITS, MAX_ENTRIES)
"""Longest list in a race file (athletes, splits, sources, notes)."""
MAX_LIST_WALKED = 10 * MAX_LIST_ENTRIES
"""Longest list whose items are looked at: a longer one is refused at once, alone (one a
little too long is refused with the file's other problems)."""
MAX_OBJECT_FIELDS = 1000
"""Most fields of one object looked at (a race file's have at most a dozen): more are refused
before their values are looked at."""
MIN_RACE_M = 10.0
"""Shortest race (m): below it there is nothing to replay (a 1 micrometre race left the pace
panel without a single segment)."""
MAX_RACE_M = 100_000.0
"""Longest race (m)."""

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


class _NonFinite(float):
    """Marks a NaN/Infinity literal so it can be reported with its JSON path."""


MAX_NUMBER = 1e308
"""Largest number, in magnitude, that a race file may hold: a bigger one written as a
decimal (1e400) is read as infinite, and an integer (400 digits) cannot be made a float;
either was called NaN or Infinity, which the file does not say."""
_TOO_BIG = "is too big a number for a race file (a race figure is far below 1e308)"


class _Duplicated(dict):
    """A JSON object that gave a field more than once (json keeps only the last)."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> dict:
    """A JSON object from its fields in order, marked _Duplicated if a field comes twice (so
    it can be reported with its JSON path instead of the last one silently winning)."""
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    seen: set[str] = set()
    twice: list[str] = []
    for key, _ in pairs:
        if key in seen:
            twice.append(key)
        seen.add(key)
    marked = _Duplicated(out)
    marked.duplicates = tuple(twice)
    return marked


def _reject_constant(name: str) -> float:
    return _NonFinite("nan")


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


def file_problem(path: Path) -> tuple[str, os.stat_result | None]:
    """What keeps a race file at path from being read ("no such file", "is a directory, not
    a race file", "cannot read: File name too long", ...; "" if nothing), and its stat."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "no such file", None
    except OSError as exc:  # a name too long, a symlink loop, no permission
        return f"cannot read: {exc.strerror or exc}", None
    except ValueError:  # a NUL in the name
        return "cannot read: the name has a NUL character", None
    if stat.S_ISDIR(info.st_mode):
        return "is a directory, not a race file", info
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device would be read for ever
        return "is not a regular file (a pipe or a device)", info
    return "", info


def read_bytes_limited(path: Path) -> bytes:
    """The file's bytes, refusing missing, non-regular and oversized files with one message."""
    problem, info = file_problem(path)
    if problem or info is None:
        raise RaceFileError(path, [Problem("", problem)])
    size = info.st_size
    if size > MAX_FILE_BYTES:
        raise RaceFileError(
            path,
            [
                Problem(
                    "",
                    f"file is too large ({size / 1e6:,.0f} MB; the limit is "
                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB)",
                )
            ],
        )
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise RaceFileError(path, [Problem("", f"cannot read: {exc.strerror}")]) from None


def decode_text(path: str | Path | None, data: bytes) -> str:
    """The file's text: UTF-8 (BOM allowed), or UTF-16/UTF-32 with a BOM (what Windows
    programs save as "Unicode"); binary data or bad encoding give a located error. Lines
    that end in CR alone (old Mac files) end in LF: a CSV of them had 'no header row'."""
    wide = _bom_encoding(data)
    if wide is not None:
        text = _decode_wide(path, data, wide)
    elif not data.strip():
        raise RaceFileError(path, [Problem("", "file is empty")])
    elif b"\x00" in data[:4096]:
        raise RaceFileError(path, [Problem("", _nul_problem(data[:4096]))])
    else:
        text = _decode_utf8(path, data)
    if not text.strip():
        raise RaceFileError(path, [Problem("", "file is empty")])
    if "\x00" in text[:4096]:
        raise RaceFileError(path, [Problem("", "binary data, not a text file")])
    if "\r" in text and "\n" not in text:  # an old Mac's line ends (CR only): read as lines
        text = text.replace("\r", "\n")
    return text


def _bom_encoding(data: bytes) -> str | None:
    """The encoding whose byte-order mark data starts with ("utf-32", "utf-16"), or None."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # before UTF-16: FF FE 00 00 starts with UTF-16's FF FE too
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _decode_wide(path: str | Path | None, data: bytes, encoding: str) -> str:
    """data decoded as UTF-16 or UTF-32 (by its BOM), or an error at the bad character."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        name = encoding.upper()
        raise RaceFileError(
            path,
            [
                Problem(
                    f"line {line}, column {col}",
                    f"not valid {name} text (a broken or cut-off character); save it as UTF-8",
                )
            ],
        ) from None


def _decode_utf8(path: str | Path | None, data: bytes) -> str:
    """data decoded as UTF-8 (BOM allowed), or an error at the first bad byte, saying how
    to save a CSV as UTF-8 from Excel, or a race file (JSON) from a text editor."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        before = data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start]
        char = len(before.decode("utf-8", errors="replace")) + 1  # a letter, not a CSV column
        raise RaceFileError(
            path,
            [
                Problem(
                    f"line {line}, character {char}",
                    _NOT_UTF8_CSV if path is not None and _is_csv(path) else _NOT_UTF8_JSON,
                )
            ],
        ) from None


_NOT_UTF8_CSV = (
    'not UTF-8 text (binary, or another encoding: save it as UTF-8, "CSV UTF-8" in Excel)'
)
_NOT_UTF8_JSON = (
    "not UTF-8 text, which a race file (JSON) must be: another encoding (such as Latin-1 "
    "or Windows-1252) or binary data; save the file as UTF-8 in a text editor"
)


def _is_csv(path: str | Path) -> bool:
    """Whether the file is read as a splits CSV (replay_file.is_splits_csv: by its suffix)."""
    return Path(path).suffix.lower() == ".csv"


def _nul_problem(head: bytes) -> str:
    """What a file with zero bytes in its head is: UTF-16 saved without a BOM (every other
    byte zero, as plain letters are), or binary data."""
    for zeros, rest in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if len(head) >= 4 and zeros.count(0) == len(zeros) and 0 not in rest:
            return "UTF-16 text without a byte-order mark: save it as UTF-8"
    return "binary data, not a text file"


def _find_unusable(data: Any) -> Problem | None:
    """The first NaN/Infinity number, number too big for a float, field given twice in one
    object, text that is not valid Unicode (an unpaired surrogate such as "\\ud800", which
    cannot be printed or saved), nesting deeper than MAX_DEPTH, or list or object far longer
    than any a race file has, with its JSON path. A file that is not an object is refused
    before anything else. Walks the data without recursion, in document order, building a
    path only for each list and object (31 million numbers in a list took 90 s and 5 GB when
    every item had its own), passing over plain values at once (a file of a million splits
    took 4 s to walk)."""
    if not isinstance(data, dict):
        return Problem(json_path(()), f"should be an object ({{...}}), not {_json_kind(data)}")
    problem = _container_problem(data, ())
    if problem is not None:
        return problem
    stack: list[tuple[Iterator[tuple[Any, Any]], tuple]] = [(iter(data.items()), ())]
    while stack:
        items, loc = stack[-1]
        for key, value in items:
            kind = value.__class__
            if kind in _NOTHING_TO_SEE or (kind is str and value.isascii()):
                continue
            if (kind is float or kind is int) and -MAX_NUMBER <= value <= MAX_NUMBER:
                continue
            if isinstance(value, dict | list):
                inner = loc + (key,)
                problem = _container_problem(value, inner)
                if problem is not None:
                    return problem
                if isinstance(value, list) and _all_plain(value, len(inner)):
                    continue
                children = value.items() if isinstance(value, dict) else enumerate(value)
                stack.append((iter(children), inner))
                break
            problem = _value_problem(value)
            if problem is not None:
                return Problem(json_path(loc + (key,)), problem)
        else:
            stack.pop()
    return None


_NOTHING_TO_SEE = frozenset({bool, type(None)})
"""Kinds of JSON value that are always usable."""
_LEAF_KINDS = frozenset({float, int, str, bool, type(None)})
"""Kinds of JSON value that hold no other."""


def _all_plain(items: list, depth: int) -> bool:
    """Whether a list at depth (levels) holds only plain values and objects of plain values
    (with plain field names), which would all pass the walk of _find_unusable: looked at a
    kind at a time (walking a million splits one by one took 4 s). False sends the list
    to the walk, which finds what is wrong and where."""
    kinds = set(map(type, items))
    leaves = items
    if dict in kinds:
        objects = items if kinds == {dict} else [x for x in items if x.__class__ is dict]
        if depth + 1 >= MAX_DEPTH or max(map(len, objects)) > MAX_OBJECT_FIELDS:
            return False
        if not all(map(str.isascii, chain.from_iterable(objects))):  # the field names
            return False
        leaves = list(chain.from_iterable(map(dict.values, objects)))
        if objects is not items:
            leaves += [x for x in items if x.__class__ is not dict]
        kinds = set(map(type, leaves))
    if not kinds <= _LEAF_KINDS:
        return False
    floats = leaves if kinds == {float} else [x for x in leaves if x.__class__ is float]
    if not np.all(np.abs(np.array(floats, dtype=float)) <= MAX_NUMBER):  # NaN fails too
        return False
    if int in kinds and not all(
        -MAX_NUMBER <= x <= MAX_NUMBER for x in leaves if x.__class__ is int
    ):
        return False
    return str not in kinds or all(x.isascii() for x in leaves if x.__class__ is str)


def _value_problem(value: Any) -> str | None:
    """What makes a number or text unusable in a race file (None: nothing)."""
    if isinstance(value, _NonFinite) or (isinstance(value, float) and math.isnan(value)):
        return "NaN and Infinity are not numbers a race can use"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _TOO_BIG if abs(value) > MAX_NUMBER else None
    if isinstance(value, str) and not _is_unicode(value):
        return "text with an unpaired surrogate (\\ud800-\\udfff escape)"
    return None


def _container_problem(value: dict | list, loc: tuple) -> Problem | None:
    """What is wrong with a list or object at loc itself (not its items): nested too deep,
    far too long, a field given twice or a field name that is not valid Unicode."""
    if len(loc) >= MAX_DEPTH:
        return Problem(json_path(loc), f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, list):
        if len(value) > MAX_LIST_WALKED:
            return Problem(
                json_path(loc),
                f"has {len(value)} entries; at most {MAX_LIST_ENTRIES} are allowed",
            )
        return None
    if len(value) > MAX_OBJECT_FIELDS:
        return Problem(
            json_path(loc),
            f"has {len(value)} fields; no object of a race file has more than a few dozen",
        )
    if isinstance(value, _Duplicated):
        return Problem(
            json_path(loc + (value.duplicates[0],)),
            "this field is given twice in one object (JSON readers would keep only the "
            "last): delete one",
        )
    for key in value:
        if not key.isascii() and not _is_unicode(key):
            return Problem(json_path(loc), "a field name with an unpaired surrogate")
    return None


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_PATTERN_MESSAGES = {
    ID_PATTERN: "an id is 1 to 64 letters, digits, '_', '.' or '-' (no spaces)",
    COLOUR_PATTERN: 'a colour is "#rrggbb" (six hexadecimal digits)',
    DATE_PATTERN: 'a date is written YYYY-MM-DD, e.g. "2025-06-26"',
}
"""Plain words for the schema's text patterns (pydantic quotes the regular expression)."""


_TYPE_HINTS = {
    ("distance", "string_type"): (
        '"distance" is text such as "1 mile" or "1500 m"; use "distance_m" for a number of metres'
    ),
    ("distance_m", "float_type"): (
        '"distance_m" is a number of metres such as 1500; use "distance" for text with a unit, '
        'like "1 mile"'
    ),
}
"""What to write instead of a race distance of the wrong kind (field, pydantic error type)."""


_OBJECT_EXAMPLES = {
    "target": '{"time": "4:00.00", "label": "4:00 pace"}',
    "dropout": '{"distance_m": 1600}',
    "formation": '{"follows": "kipyegon", "offset_m": 1.5, "lane": 1}',
    "even_pace": '{"time": "4:00.00"}',
    "splits": '{"distance_m": 400, "time": "60.20"}',
    "athletes": '{"id": "kipyegon", "name": "Faith Kipyegon", "role": "runner", "splits": [...]}',
    "sources": '{"id": "s1", "title": "Where the figures come from"}',
}
"""An object of each kind, by the field that holds it (an item of a list: the list's field),
for a message about a value that should have been one: a hand-written file had
"dropout": 1600 and "target": "9:30.00" and was told only that each should be an object."""


_UNION_BRANCHES = ("float", "str", "constrained-str")
"""Names pydantic puts in an error's location for each branch of a union (a time is a number
or text of at most 40 characters)."""


def _json_kind(value: object) -> str:
    """What a JSON value is, in words ("a list", "text", ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _plain(err: dict, loc: tuple = ()) -> str:
    """pydantic's message for one error at ``loc`` in the words of a JSON file, without the
    schema's class names ("Input should be a valid dictionary or instance of SplitModel")."""
    kind = err["type"]
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        field = next((k for k in reversed(loc) if isinstance(k, str)), None)
        example = _OBJECT_EXAMPLES.get(field, "({...})")
        such = "" if example.startswith("(") else "such as "
        return f"should be an object {such}{example}, not {_json_kind(err.get('input'))}"
    if kind in ("list_type", "tuple_type"):
        return f"should be a list ([...]), not {_json_kind(err.get('input'))}"
    if kind == "missing":
        return "missing (this field is required)"
    ctx = err.get("ctx") if isinstance(err.get("ctx"), dict) else {}
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {least} {'entry' if least == 1 else 'entries'}"
    if kind == "too_long":
        got = ctx.get("actual_length")
        has = f"has {got} entries; " if got is not None else ""
        return f"{has}at most {ctx.get('max_length')} are allowed"
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {least} {'character' if least == 1 else 'characters'}"
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters"
    if kind == "string_type":
        return f'should be text in double quotes ("..."), not {_json_kind(err.get("input"))}'
    if kind in ("float_type", "int_type"):
        return f"should be a number, not {_json_kind(err.get('input'))}"
    message = err["msg"].removeprefix("Value error, ")
    given = err.get("input")
    if kind in ("literal_error", "enum") and isinstance(given, str):  # say what was written
        return f"{given!r} " + message.removeprefix("Input ")
    return (
        "should be" + message.removeprefix("Input should be")
        if message.startswith("Input should be")
        else message
    )


def _pydantic_problems(exc: ValidationError, prefix: tuple = ()) -> list[Problem]:
    problems = []
    seen = set()
    for err in exc.errors(include_url=False):
        raw_loc = prefix + tuple(err["loc"])
        # Drop the union branch names pydantic adds to a time's location.
        loc = tuple(p for p in raw_loc if p not in _UNION_BRANCHES)
        where = json_path(loc)
        message = _plain(err, loc)
        if loc != raw_loc:
            message = 'should be a time: seconds as a number, or text like "4:06.42"'
        hint = _TYPE_HINTS.get((loc[-1] if len(loc) == 1 else None, err["type"]))
        if hint is not None:
            message = hint
        if err["type"] == "extra_forbidden":
            message = "unknown field (check its spelling against the schema)"
        elif err["type"] == "string_pattern_mismatch":
            message = _PATTERN_MESSAGES.get(err["ctx"]["pattern"], message)
            if isinstance(err.get("input"), str):  # say what was written
                message = f"{err['input']!r}: {message}"
        if where in seen:
            continue
        seen.add(where)
        problems.append(Problem(where, message))
    return problems


def _time(value: float | str, loc: tuple, problems: list[Problem]) -> float | None:
    try:
        return parse_time(value)
    except TimeFormatError as exc:
        problems.append(Problem(json_path(loc), str(exc)))
        return None


DNF_HINT = '; a runner who did not finish is marked "dnf": true'
"""Ends the problem of a runner whose last split is short of the finish: a file cut short
stays an error, and the message says how to mark a runner who stopped there."""


def _dnf_problem(a: AthleteModel, splits: tuple[Split, ...], race_m: float) -> str | None:
    """What is wrong with an athlete marked "dnf": true (None if nothing): only a runner
    with splits, the last of them short of the race distance race_m (m), did not finish."""
    if a.role != "runner":
        return f'only a runner can be marked "dnf" (a {a.role} cannot)'
    if a.splits is None:
        return 'a runner who did not finish ("dnf": true) needs splits up to where she stopped'
    if splits and abs(splits[-1].distance_m - race_m) <= 1e-6:
        return (
            f"her last split is at the finish ({race_m:g} m): a runner who did not finish "
            'stops before it (delete "dnf")'
        )
    return None


def _even_pace_time(
    raw_time: float | str, loc: tuple, race_m: float, problems: list[Problem]
) -> float | None:
    t = _time(raw_time, loc, problems)
    if t is not None and (t <= 0 or race_m / t > MAX_SPEED_MPS):
        problems.append(Problem(json_path(loc), "is faster than any human runs"))
        return None
    if t is not None and race_m / t < MIN_SPEED_MPS:
        problems.append(
            Problem(json_path(loc), f"is slower than walking (at least {MIN_SPEED_MPS:g} m/s)")
        )
        return None
    return t


def _athlete(
    a: AthleteModel,
    i: int,
    race_m: float,
    problems: list[Problem],
    columns: SplitColumns | None = None,
) -> Athlete | None:
    """Athlete i of the file, or None and its problems; columns: its splits, when read as
    columns instead of in a.splits (see _validated)."""
    loc = ("athletes", i)
    kinds = [k for k in ("splits", "even_pace", "formation") if getattr(a, k) is not None]
    if len(kinds) != 1:
        what = "none" if not kinds else " and ".join(kinds)
        problems.append(
            Problem(
                json_path(loc), f"give exactly one of splits, even_pace or formation (found {what})"
            )
        )
        return None
    if a.id == TARGET_ID:
        problems.append(
            Problem(
                json_path(loc + ("id",)), f"the id {TARGET_ID!r} is reserved for the race target"
            )
        )
    if a.formation is not None and a.role != "pacer":
        problems.append(
            Problem(json_path(loc + ("formation",)), "only pacers run in a formation slot")
        )
    if a.dropout is not None:
        if a.role != "pacer":
            problems.append(Problem(json_path(loc + ("dropout",)), "only pacers drop out"))
        elif not 0 < a.dropout.distance_m <= race_m:
            problems.append(
                Problem(
                    json_path(loc + ("dropout", "distance_m")),
                    f"must be more than 0 m and at most the race distance ({race_m:g} m)",
                )
            )
        elif a.formation is not None and a.dropout.distance_m <= a.formation.offset_m:
            problems.append(
                Problem(
                    json_path(loc + ("dropout", "distance_m")),
                    "must be beyond the slot's start (formation offset_m)",
                )
            )
    splits: tuple[Split, ...] = ()
    even = None
    if a.splits is not None:
        splits = checked_splits(
            columns or SplitColumns.of_models(a.splits),
            loc + ("splits",),
            race_m,
            problems,
            must_finish=a.role != "pacer" and not a.dnf,
            hint=DNF_HINT if a.role == "runner" else "",
        )
        if a.dropout is not None and splits and a.dropout.distance_m != splits[-1].distance_m:
            problems.append(
                Problem(
                    json_path(loc + ("dropout", "distance_m")),
                    "a pacer with splits drops out at its last split",
                )
            )
    elif a.even_pace is not None:
        even = _even_pace_time(a.even_pace.time, loc + ("even_pace", "time"), race_m, problems)
    if a.dnf:
        why = _dnf_problem(a, splits, race_m)
        if why is not None:
            problems.append(Problem(json_path(loc + ("dnf",)), why))
    formation = None
    if a.formation is not None:
        f = a.formation
        formation = Formation(f.follows, f.offset_m, f.lane, f.estimated)
    dropout = None
    if a.dropout is not None:
        d = a.dropout
        dropout = Dropout(d.distance_m, d.exit_lane, d.estimated, d.source)
    return Athlete(
        id=a.id,
        name=a.name,
        role=a.role,
        colour=a.colour,
        bib=a.bib,
        country=a.country,
        splits=splits,
        even_pace_time_s=even,
        formation=formation,
        dropout=dropout,
        estimated=a.estimated,
        note=a.note,
        dnf=a.dnf,
        lane=a.lane,
    )


def _check_formations(model: RaceFileModel, problems: list[Problem]) -> None:
    """Ids are unique, a runner is there, and every formation follows an athlete of the file
    without a loop."""
    _check_leaders_and_runner(model, problems)
    seen: dict[str, int] = {}
    for i, a in enumerate(model.athletes):
        if a.id in seen:
            problems.append(
                Problem(
                    json_path(("athletes", i, "id")),
                    f"duplicate id {a.id!r} (also athletes[{seen[a.id]}])",
                )
            )
        seen.setdefault(a.id, i)
    _check_loops(model, problems)


def _missing_leaders(model: RaceFileModel) -> dict[str, list[int]]:
    """Ids that formations follow but no athlete has, each with the indices of the athletes
    that follow it, in file order."""
    ids = {a.id for a in model.athletes}
    missing: dict[str, list[int]] = {}
    for i, a in enumerate(model.athletes):
        f = a.formation
        if f is not None and f.follows != a.id and f.follows not in ids:
            missing.setdefault(f.follows, []).append(i)
    return missing


def _followers(model: RaceFileModel, indices: list[int]) -> str:
    """ "13 pacers follow", "1 pacer follows", "2 athletes follow" (of mixed roles)."""
    roles = {model.athletes[i].role for i in indices}
    noun = roles.pop() if len(roles) == 1 else "athlete"
    n = len(indices)
    return f"1 {noun} follows" if n == 1 else f"{n} {noun}s follow"


def _check_leaders_and_runner(model: RaceFileModel, problems: list[Problem]) -> None:
    """One problem per id that formations follow but no athlete has (not one per follower:
    a deleted runner made 13 lines), and one if no athlete is a runner; without a runner the
    first missing id is likely the runner's, and the two are said in one line."""
    missing = _missing_leaders(model)
    no_runner = not any(a.role == "runner" for a in model.athletes)
    for k, (leader, indices) in enumerate(missing.items()):
        first = json_path(("athletes", indices[0], "formation", "follows"))
        followers = _followers(model, indices)
        if k == 0 and no_runner:
            problems.append(
                Problem(
                    "$.athletes",
                    f"no runner: {followers} {leader!r}, but no athlete has that id, and none "
                    f'has role "runner" (first follower at {first})',
                )
            )
        elif len(indices) == 1:
            problems.append(Problem(first, f"no athlete with id {leader!r}"))
        else:
            problems.append(
                Problem(first, f"no athlete with id {leader!r} ({followers} it; this is the first)")
            )
    if no_runner and not missing:
        problems.append(Problem("$.athletes", 'needs at least one athlete with role "runner"'))


def _check_a_finisher(model: RaceFileModel, problems: list[Problem]) -> None:
    """A problem if every runner is marked "dnf" (a replay follows a runner who finishes),
    unless a "dnf" already has one of its own (a runner who did finish, marked by mistake)."""
    runners = [a for a in model.athletes if a.role == "runner"]
    if not runners or not all(a.dnf for a in runners):
        return
    if any(p.where.endswith(".dnf") for p in problems):
        return
    problems.append(
        Problem(
            "$.athletes",
            'every runner is marked "dnf": at least one runner must finish (the one a replay '
            "follows)",
        )
    )


def _check_loops(model: RaceFileModel, problems: list[Problem]) -> None:
    """A formation that follows itself, or a chain of leaders that comes back to it."""
    ids = {a.id for a in model.athletes}
    follows = {a.id: a.formation.follows for a in model.athletes if a.formation is not None}
    for i, a in enumerate(model.athletes):
        if a.formation is None:
            continue
        loc = json_path(("athletes", i, "formation", "follows"))
        if a.formation.follows == a.id:
            problems.append(Problem(loc, f"{a.id!r} cannot follow itself"))
        elif a.formation.follows in ids:
            chain, on_chain = [a.id], {a.id}
            cur = a.formation.follows
            while cur in follows and cur not in on_chain:
                chain.append(cur)
                on_chain.add(cur)
                cur = follows[cur]
            if cur == a.id:
                problems.append(Problem(loc, "formation loop: " + " -> ".join(chain + [cur])))


def race_from_data(data: Any, path: str | Path | None = None) -> Race:
    """Build a Race from parsed JSON data, or raise RaceFileError listing every problem."""
    unusable = _find_unusable(data)
    if unusable is not None:
        raise RaceFileError(path, [unusable])
    if isinstance(data, dict) and "format" in data and data["format"] != FORMAT:
        raise RaceFileError(
            path, [Problem("$.format", f"unknown format {data['format']!r} (expected {FORMAT!r})")]
        )
    model, columns = _validated(data, path)
    problems: list[Problem] = []
    race_m = _race_distance(model, problems)
    if race_m is None:
        raise RaceFileError(path, problems)
    _check_formations(model, problems)
    problems.extend(lane_problems(model, race_m))
    athletes = []
    for i, a in enumerate(model.athletes):
        if len(problems) > MAX_PROBLEMS:
            break
        athletes.append(_athlete(a, i, race_m, problems, columns.get(i)))
    _check_a_finisher(model, problems)
    target = _target(model, race_m, problems)
    if problems:
        raise RaceFileError(path, capped(problems))
    return Race(
        title=model.title,
        distance_m=race_m,
        athletes=tuple(a for a in athletes if a is not None),
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
                problems += _pydantic_problems(exc, ("athletes", i))
                if len(problems) > MAX_PROBLEMS:
                    raise RaceFileError(path, capped(problems)) from None
        if not problems:
            data = {**data, "athletes": models}
    try:
        return RaceFileModel.model_validate(data), columns
    except ValidationError as exc:
        raise RaceFileError(path, capped(_pydantic_problems(exc))) from None


def _race_distance(model: RaceFileModel, problems: list[Problem]) -> float | None:
    if (model.distance_m is None) == (model.distance is None):
        problems.append(
            Problem(
                "$",
                'give exactly one of distance_m (metres) or distance (with a unit, e.g. "1 mile")',
            )
        )
        return None
    if model.distance is not None:
        try:
            race_m = parse_distance(model.distance)
        except ValueError as exc:
            problems.append(Problem("$.distance", str(exc)))
            return None
        where = "$.distance"
    else:
        race_m = model.distance_m
        where = "$.distance_m"
    if not MIN_RACE_M <= race_m <= MAX_RACE_M:
        span = f"at least {MIN_RACE_M:g} m and at most {MAX_RACE_M / 1000:g} km"
        problems.append(Problem(where, f"must be {span}"))
        return None
    return race_m


def _target(model: RaceFileModel, race_m: float, problems: list[Problem]) -> Target | None:
    t = model.target
    if t is None:
        return None
    if (t.time is None) == (t.splits is None):
        problems.append(Problem("$.target", "give exactly one of time or splits"))
        return None
    if t.time is not None:
        time_s = _even_pace_time(t.time, ("target", "time"), race_m, problems)
        return Target(time_s=time_s, label=t.label, colour=t.colour)
    columns = SplitColumns.of_models(t.splits)
    splits = checked_splits(columns, ("target", "splits"), race_m, problems, must_finish=True)
    return Target(splits=splits, label=t.label, colour=t.colour)


def _deep_nesting_problem(text: str) -> Problem:
    """Where a text too deeply nested for Python's JSON reader first goes more than
    MAX_DEPTH levels deep (line and column), as _find_unusable says it of a file read."""
    at = nesting_deeper_than(text, MAX_DEPTH)
    where = f"line {at[0]}, column {at[1]}" if at is not None else ""
    return Problem(where, f"nested more than {MAX_DEPTH} levels deep")


def _long_number_problem(text: str) -> Problem:
    """Where the first number with thousands of digits starts (line and column)."""
    found = re.search(f"[0-9]{{{sys.get_int_max_str_digits() + 1},}}", text)
    where = ""
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        where = f"line {line}, column {col}"
    return Problem(where, "a number with thousands of digits cannot be a race figure")


_JSON_MESSAGES = {
    "Unterminated string starting at": "text in quotes that starts here is never closed",
    "Expecting value": (
        'expected a value here (a number, "text", true, false, null, [...] or {...})'
    ),
    "Expecting property name enclosed in double quotes": (
        "expected a field name in double quotes (a comma before '}'?)"
    ),
    "Expecting ':' delimiter": "expected ':' after the field name",
    "Expecting ',' delimiter": "expected ',' between two items, or a closing bracket",
    "Invalid control character at": (
        "a line break or other control character inside text in quotes (write \\n or \\t)"
    ),
    "Invalid \\uXXXX escape": "\\u must be followed by four hexadecimal digits",
    "Extra data": "more after the end of the JSON (a file holds one race)",
}
"""Python's JSON error messages (some end in "at", awaiting a position) as whole sentences."""
_CUT_INSIDE = ": the file ends inside it (was it cut short?)"


def _json_problem(exc: json.JSONDecodeError, text: str) -> Problem:
    """A JSON syntax error as a sentence at its line and column, saying so when the file
    ends before the JSON does (a file cut short)."""
    where = f"line {exc.lineno}, column {exc.colno}"
    at_end = exc.pos >= len(text.rstrip())
    if exc.msg.startswith("Invalid control character") and at_end:  # a last "\n" in quotes
        return Problem(where, "not valid JSON: text in quotes is never closed" + _CUT_INSIDE)
    message = _JSON_MESSAGES.get(exc.msg)
    if message is None and exc.msg.startswith("Invalid \\escape"):
        message = "a backslash that starts no escape (write \\\\ for a backslash)"
    if message is None:
        message = exc.msg.removesuffix(" at")
    if exc.msg.startswith("Unterminated"):
        message += _CUT_INSIDE
    elif at_end and exc.msg != "Extra data":
        message += ": the file ends there (was it cut short?)"
    return Problem(where, f"not valid JSON: {message}")


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
            parse_constant=_reject_constant,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as exc:
        raise RaceFileError(path, [_json_problem(exc, text)]) from None
    except RecursionError:
        raise RaceFileError(path, [_deep_nesting_problem(text)]) from None
    except ValueError:  # Python refuses to read an integer of over 4300 digits
        raise RaceFileError(path, [_long_number_problem(text)]) from None
    try:
        return race_from_data(data, path)
    except RaceFileError as exc:  # "line 42, $.athletes[1].splits[3].time: ..."
        raise RaceFileError(path, with_lines(exc.problems, text)) from None


def read_race(path: str | Path) -> Race:
    """Load and validate a race file; raises RaceFileError (never anything else) on bad input."""
    path = Path(path)
    text = decode_text(path, read_bytes_limited(path))
    return parse_race_text(text, path)


def _split_dict(s: Split) -> dict:
    out: dict[str, Any] = {"distance_m": s.distance_m, "time": s.time_s}
    if s.estimated:
        out["estimated"] = True
    if s.source:
        out["source"] = s.source
    return out


def race_to_data(race: Race) -> dict:
    """The race as racegui/1 JSON data (times as seconds)."""
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
    data["athletes"] = athletes
    if race.sources:
        data["sources"] = [
            {k: v for k, v in vars(s).items() if v is not None} for s in race.sources
        ]
    if race.notes:
        data["notes"] = list(race.notes)
    return data


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
