"""The lines of a JSON text's values, so that a problem found at a JSON path says its line.

Errors found after parsing name a JSON path ($.athletes[1].splits[3].time); someone fixing
the file in an editor wants the line too (coach's review). The text is scanned once, token by
token, for the paths asked for and every path enclosing them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from racegui.io.errors import Problem, path_part

MAX_SCAN_CHARS = 8_000_000
"""Longest text scanned for lines (characters): a bigger file's problems keep their paths
alone (scanning 4 MB took about a second on the 2-core test machine)."""

_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+', re.DOTALL)
"""A JSON token: a string, a punctuation mark, or a number or literal (true, NaN...)."""
_PATH_STEP = re.compile(r'\[\d+\]|\["(?:[^"\\]|\\.)*"\]|\.[^.\[]+')
"""One step of a JSON path as json_path writes it."""
_SEPARATORS = frozenset(",:")
_OPENERS = frozenset("{[")
_CLOSERS = frozenset("}]")


@dataclass
class _Level:
    """An object or array being read: its path, the next index or the pending key."""

    path: str
    is_array: bool
    index: int = 0
    key: str | None = None
    key_at: tuple[int, int] = (0, 0)


def enclosing_paths(path: str) -> list[str]:
    """path and the paths enclosing it, innermost first: $.a[1].b, $.a[1], $.a, $."""
    steps = _PATH_STEP.findall(path[1:]) if path.startswith("$") else []
    return ["$" + "".join(steps[:n]) for n in range(len(steps), -1, -1)]


def value_lines(text: str, paths: set[str]) -> dict[str, int]:
    """1-based line of each of `paths` (JSON paths as json_path writes them) found in text,
    valid JSON: a field's line is its name's (the first time, if given twice), an array
    item's its first token's."""
    return {path: line for path, (line, _) in value_places(text, paths).items()}


def value_places(text: str, paths: set[str]) -> dict[str, tuple[int, int]]:
    """(line, column), 1-based, of each of `paths` and the paths enclosing them found in
    text, valid JSON, as value_lines places them (the column counts characters)."""
    wanted = {p for path in paths for p in enclosing_paths(path)}
    found: dict[str, tuple[int, int]] = {}
    stack: list[_Level] = []
    line, pos, line_start = 1, 0, 0
    before = ""  # the last punctuation mark read
    for match in _TOKEN.finditer(text):
        start = match.start()
        newlines = text.count("\n", pos, start)
        if newlines:  # only the gap is searched: a one-line file is not read over and over
            line += newlines
            line_start = text.rfind("\n", pos, start) + 1
        pos = start
        here_at = (line, start - line_start + 1)
        token = match.group()
        if token in _SEPARATORS:
            before = token
            continue
        if token in _CLOSERS:
            stack.pop()
            before = token
            continue
        top = stack[-1] if stack else None
        if top is not None and not top.is_array and before in ("{", ","):  # a field's name
            top.key, top.key_at = json.loads(token), here_at
            before = ""
            continue
        if top is None:
            here, at = "$", here_at
        elif top.is_array:
            here, at = top.path + path_part(top.index), here_at
            top.index += 1
        else:
            here, at = top.path + path_part(top.key or ""), top.key_at
        if here in wanted and here not in found:
            found[here] = at
        if token in _OPENERS:
            stack.append(_Level(here, token == "["))
        before = token if token in _OPENERS else ""
    return found


def nesting_deeper_than(text: str, depth: int) -> tuple[int, int] | None:
    """(line, column), 1-based, of the first '[' or '{' of text nested more than depth
    levels deep (the outermost is level 1); None if there is none. Text in quotes is
    passed over."""
    level = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in _OPENERS:
            level += 1
            if level > depth:
                start = match.start()
                line = text.count("\n", 0, start) + 1
                return line, start - (text.rfind("\n", 0, start) + 1) + 1
        elif token in _CLOSERS:
            level -= 1
    return None


def with_lines(problems: list[Problem], text: str) -> list[Problem]:
    """problems, each at a JSON path given the line it is on in text (for a missing field,
    the line of the nearest enclosing value there is), and for text all on one line (a
    minified file) the column too: it had been left at its path alone (reviewer R15). Text
    over MAX_SCAN_CHARS is not scanned."""
    paths = {p.where for p in problems if p.where.startswith("$") and p.line is None}
    if not paths or len(text) > MAX_SCAN_CHARS:
        return problems  # nothing to place, or too long to scan
    one_line = "\n" not in text.strip()  # "line 1" everywhere: the column says where
    try:
        places = value_places(text, paths)
    except (ValueError, IndexError):  # not JSON as json.loads read it: keep the paths alone
        return problems
    out = []
    for p in problems:
        if p.where in paths:
            at = next((places[q] for q in enclosing_paths(p.where) if q in places), None)
            if at is not None:
                p = Problem(p.where, p.message, at[0], at[1] if one_line else None)
        out.append(p)
    return out
