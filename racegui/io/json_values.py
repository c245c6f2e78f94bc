"""Values of a parsed race file (JSON) that no race can use, found with their JSON path:
NaN and Infinity, numbers too big, a field given twice, text that is not valid Unicode,
nesting too deep, lists and objects far too long. The JSON reader's hooks (object_from_pairs,
non_finite) mark what it would otherwise lose."""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import chain
from typing import Any

import numpy as np

from racegui.io.errors import Problem, json_path
from racegui.io.schema import MAX_ATHLETES, MAX_ENTRIES, MAX_SPLITS

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
MAX_NUMBER = 1e308
"""Largest number, in magnitude, that a race file may hold: a bigger one written as a
decimal (1e400) is read as infinite, and an integer (400 digits) cannot be made a float;
either was called NaN or Infinity, which the file does not say."""
_TOO_BIG = "is too big a number for a race file (a race figure is far below 1e308)"


class _NonFinite(float):
    """Marks a NaN/Infinity literal so it can be reported with its JSON path."""


class _Duplicated(dict):
    """A JSON object that gave a field more than once (json keeps only the last)."""

    duplicates: tuple[str, ...] = ()


def object_from_pairs(pairs: list[tuple[str, Any]]) -> dict:
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


def non_finite(name: str) -> float:
    """A NaN, Infinity or -Infinity literal (name) as a NaN marked to be reported with its
    JSON path (json.loads's parse_constant)."""
    return _NonFinite("nan")


def find_unusable(data: Any) -> Problem | None:
    """The first NaN/Infinity number, number too big for a float, field given twice in one
    object, text that is not valid Unicode (an unpaired surrogate such as "\\ud800", which
    cannot be printed or saved), nesting deeper than MAX_DEPTH, or list or object far longer
    than any a race file has, with its JSON path. A file that is not an object is refused
    before anything else. Walks the data without recursion, in document order, building a
    path only for each list and object (31 million numbers in a list took 90 s and 5 GB when
    every item had its own), passing over plain values at once (a file of a million splits
    took 4 s to walk)."""
    if not isinstance(data, dict):
        return Problem(json_path(()), f"should be an object ({{...}}), not {json_kind(data)}")
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
    (with plain field names), which would all pass the walk of find_unusable: looked at a
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


def json_kind(value: object) -> str:
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
