"""JSON syntax errors of a race file as sentences at their line and column (Python's JSON
reader's messages in plain words; nesting too deep and numbers too long, which it refuses
without a place, located in the text)."""

from __future__ import annotations

import json
import re
import sys

from racegui.io.errors import Problem
from racegui.io.json_lines import nesting_deeper_than
from racegui.io.json_values import MAX_DEPTH


def deep_nesting_problem(text: str) -> Problem:
    """Where a text too deeply nested for Python's JSON reader first goes more than
    MAX_DEPTH levels deep (line and column), as find_unusable says it of a file read."""
    at = nesting_deeper_than(text, MAX_DEPTH)
    where = f"line {at[0]}, column {at[1]}" if at is not None else ""
    return Problem(where, f"nested more than {MAX_DEPTH} levels deep")


def long_number_problem(text: str) -> Problem:
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
    "Unexpected UTF-8 BOM (decode using utf-8-sig)": (
        "a second byte order mark (BOM, the invisible U+FEFF) at the start: save the file "
        "as UTF-8 again"
    ),
}
"""Python's JSON error messages (some end in "at", awaiting a position) as whole sentences."""
_CUT_INSIDE = ": the file ends inside it (was it cut short?)"


def json_problem(exc: json.JSONDecodeError, text: str) -> Problem:
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
