"""The schema's (pydantic's) errors in the words of a race file (JSON): what a value should
be, with an example, and no class names or regular expressions."""

from __future__ import annotations

import json

from pydantic import ValidationError

from racegui.io.distances import parse_distance
from racegui.io.errors import Problem, json_path, quoted
from racegui.io.json_values import json_kind
from racegui.io.schema import COLOUR_PATTERN, DATE_PATTERN, ID_PATTERN

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


def _metres_hint(loc: tuple, err: dict) -> str | None:
    """How to write a distance_m given as text with a unit ("400m", "1 mile"): the number
    of metres, or for the race's own distance, "distance", which takes the text as it is
    (CSV cells take "400m"; a race file's distance_m had only been told "should be a
    number, not text"). None for any other error."""
    given = err.get("input")
    if not loc or loc[-1] != "distance_m" or err["type"] != "float_type":
        return None
    if not isinstance(given, str) or len(given) > 40:
        return None
    try:
        metres = parse_distance(given)
    except ValueError:
        return None
    quoted = json.dumps(given, ensure_ascii=False)
    fix = f"{quoted} is text: write {metres:.10g} (metres, a number without quotes)"
    return fix + (f', or replace the field with "distance": {quoted}' if len(loc) == 1 else "")


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


def _plain(err: dict, loc: tuple = ()) -> str:
    """pydantic's message for one error at ``loc`` in the words of a JSON file, without the
    schema's class names ("Input should be a valid dictionary or instance of SplitModel")."""
    kind = err["type"]
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        field = next((k for k in reversed(loc) if isinstance(k, str)), None)
        example = _OBJECT_EXAMPLES.get(field, "({...})")
        such = "" if example.startswith("(") else "such as "
        return f"should be an object {such}{example}, not {json_kind(err.get('input'))}"
    if kind in ("list_type", "tuple_type"):
        return f"should be a list ([...]), not {json_kind(err.get('input'))}"
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
        return f'should be text in double quotes ("..."), not {json_kind(err.get("input"))}'
    if kind in ("float_type", "int_type"):
        return f"should be a number, not {json_kind(err.get('input'))}"
    message = err["msg"].removeprefix("Value error, ")
    given = err.get("input")
    if kind in ("literal_error", "enum") and isinstance(given, str):  # say what was written
        return f"{given!r} " + message.removeprefix("Input ")
    return (
        "should be" + message.removeprefix("Input should be")
        if message.startswith("Input should be")
        else message
    )


def pydantic_problems(exc: ValidationError, prefix: tuple = ()) -> list[Problem]:
    """The schema's errors as problems at their JSON paths (under prefix), in the words of a
    JSON file, one per path."""
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
        metres = _metres_hint(loc, err)
        if metres is not None:
            message = metres
        if err["type"] == "extra_forbidden":
            message = "unknown field (check its spelling against the schema)"
        elif err["type"] == "string_pattern_mismatch":
            message = _PATTERN_MESSAGES.get(err["ctx"]["pattern"], message)
            if isinstance(err.get("input"), str):  # say what was written
                message = f"{quoted(err['input'])}: {message}"
        if where in seen:
            continue
        seen.add(where)
        problems.append(Problem(where, message))
    return problems
