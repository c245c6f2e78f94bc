"""Errors for race files: every problem names the file and where in it."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MAX_PROBLEMS = 100
"""Problems reported for one file at most: reading stops there (a file of a million bad
splits took 80 s and 2.8 GB to list them all)."""
MAX_KEY_CHARS = 40
"""A field name from the file is cut to this many characters in a JSON path."""
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_BIDI = r"\u202a-\u202e\u2066-\u2069"
"""Embeddings, overrides and isolates: they turn the text after them around ("00.00:4")."""
_BIDI_CHAR = re.compile(f"[{_BIDI}]")
_NONCHARACTERS = r"\ufdd0-\ufdef\ufffe\uffff"
"""Code points Unicode keeps out of text for good (those of the first plane): U+FFFE is a
byte-order mark read backwards; a title holding it was accepted and drawn as a box."""
CONTROLS = re.compile(rf"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_NONCHARACTERS}]")
"""Control characters (Unicode category Cc), line and paragraph separators, bidi controls
and noncharacters: none belongs in a name, label or title."""
CONTROLS_BUT_BREAKS = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_BIDI}{_NONCHARACTERS}]")
"""CONTROLS except tabs and line breaks, which a note may hold."""


def one_line(text: str) -> str:
    """text with line breaks, other control characters and bidi controls escaped (\\n,
    \\x1b, \\u2028, \\u202e), so a message quoting a file stays on one line, left to right."""
    return "".join(
        _escape(ch)
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp") or _BIDI_CHAR.match(ch)
        else ch
        for ch in text
    )


QUOTE_MAX_CHARS = 40
"""Longest value quoted whole in a message; a longer one is cut (a 50,000-character id had
made a 50,097-character line)."""


def quoted(value: str) -> str:
    """value as a message quotes it ('400 m'), cut after 20 characters if it is longer than
    QUOTE_MAX_CHARS ('IIIIIIIIIIIIIIIIIIII'... (50,000 characters))."""
    if len(value) <= QUOTE_MAX_CHARS:
        return repr(value)
    return f"{value[:20]!r}... ({len(value):,} characters)"


def control_problem(text: str, pattern: re.Pattern[str], what: str) -> str | None:
    """Why text cannot be one of `what` ("names, labels and titles") if it holds a character
    pattern matches (CONTROLS or CONTROLS_BUT_BREAKS), naming its code point; else None."""
    found = pattern.search(text)
    if found is None:
        return None
    ch = found.group()
    name = unicodedata.name(ch, "")
    point = f"U+{ord(ch):04X}" + (f" ({name})" if name else "")
    kind = "a noncharacter" if unicodedata.category(ch) == "Cn" else "a control character"
    return f"has {point}, {kind}, which {what} cannot hold"


def _escape(ch: str) -> str:
    simple = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in simple:
        return simple[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (JSON path like $.athletes[2].splits[0].time, or
    "line 3, column 7"), what, and for a JSON path the line of the file it is on (or of the
    nearest enclosing value there is, for a missing field) when known, and its column in a
    file all on one line."""

    where: str
    message: str
    line: int | None = None
    column: int | None = None

    def format(self, path: str | Path | None) -> str:
        name = str(path) if path is not None else "<input>"
        where = f"{self.place()}, {self.where}" if self.line is not None else self.where
        text = f"{name}: {where}: {self.message}" if where else f"{name}: {self.message}"
        return one_line(text)

    def place(self) -> str:
        """ "line 28", or "line 1, column 345" where the column is known ("" without a
        line)."""
        if self.line is None:
            return ""
        column = f", column {self.column}" if self.column is not None else ""
        return f"line {self.line}{column}"


class RaceFileError(ValueError):
    """A race or splits file could not be read; holds every problem found."""

    def __init__(self, path: str | Path | None, problems: list[Problem]):
        self.path = path
        self.problems = problems or [Problem("", "invalid file")]
        super().__init__(self.problems[0].format(path))

    def lines(self) -> list[str]:
        """One line per problem, each naming the file and where; problems that say the same
        at other places are one line, at the first place, saying how many more there are
        and where the last is (a runner's splits all typed in the wrong unit gave the same
        line for every split)."""
        return [alike.format(self.path) for alike in collapsed(self.problems)]


class DistanceNeeded(RaceFileError):
    """A splits CSV that reads once its race distance is given (--distance, or the window's
    dialog): a wide sheet's Result column after split columns that do not say the distance
    (400, 800, 1200 m: a mile or a 1600 m). header_line: the sheet's header's line (1-based),
    below any title lines; split_columns_m: the distances (m) of its split columns, the
    race's beyond the last."""

    def __init__(
        self,
        path: str | Path | None,
        problems: list[Problem],
        header_line: int = 1,
        split_columns_m: tuple[float, ...] = (),
    ):
        super().__init__(path, problems)
        self.header_line = header_line
        self.split_columns_m = split_columns_m


@dataclass(frozen=True)
class _Alike:
    """Problems that say the same thing (message) at places first, ..., last."""

    first: Problem
    more: int = 0
    last: Problem | None = None

    def format(self, path: str | Path | None) -> str:
        line = self.first.format(path)
        if not self.more or self.last is None:
            return line
        at = self.last.where
        if self.last.line is not None:
            at = f"{self.last.place()}, {at}" if at else self.last.place()
        last = f", the last at {at}" if at else ""
        return line + one_line(f" (and {self.more} more like it{last})")


def collapsed(problems: list[Problem]) -> list[_Alike]:
    """problems with one entry per message, in the order each first comes."""
    out: dict[str, _Alike] = {}
    for p in problems:
        seen = out.get(p.message)
        out[p.message] = _Alike(p) if seen is None else _Alike(seen.first, seen.more + 1, p)
    return list(out.values())


def capped(problems: list[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS problems, then, if there were more, a line saying reading
    stopped where the next one is."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    stop = Problem(
        problems[MAX_PROBLEMS].where, f"stopped reading here: more than {MAX_PROBLEMS} problems"
    )
    return problems[:MAX_PROBLEMS] + [stop]


def json_path(loc: tuple) -> str:
    """Format a location tuple ("athletes", 2, "splits") as a JSON path $.athletes[2].splits;
    a field name that is not a plain word is quoted, escaped and cut: $["bad\\nkey"]."""
    return "$" + "".join(path_part(part) for part in loc)


def path_part(part: int | str) -> str:
    """One step of a JSON path: "[2]" for an array index, ".splits" for a field name, or
    '["bad\\nkey"]' (quoted, escaped, cut to MAX_KEY_CHARS) for one that is not a plain word."""
    if isinstance(part, int):
        return f"[{part}]"
    key = str(part)
    cut = key[:MAX_KEY_CHARS] + ("…" if len(key) > MAX_KEY_CHARS else "")
    plain = _PLAIN_KEY.match(key) is not None
    return f".{cut}" if plain else f"[{json.dumps(cut, ensure_ascii=False)}]"
