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


def one_line(text: str) -> str:
    """text with line breaks and other control characters escaped (\\n, \\x1b, \\u2028), so
    a message quoting a file stays on one line."""
    return "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Zl", "Zp") else _escape(ch) for ch in text
    )


def _escape(ch: str) -> str:
    simple = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if ch in simple:
        return simple[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (JSON path like $.athletes[2].splits[0].time, or
    "line 3, column 7") and what."""

    where: str
    message: str

    def format(self, path: str | Path | None) -> str:
        name = str(path) if path is not None else "<input>"
        text = f"{name}: {self.where}: {self.message}" if self.where else f"{name}: {self.message}"
        return one_line(text)


class RaceFileError(ValueError):
    """A race or splits file could not be read; holds every problem found."""

    def __init__(self, path: str | Path | None, problems: list[Problem]):
        self.path = path
        self.problems = problems or [Problem("", "invalid file")]
        super().__init__(self.problems[0].format(path))

    def lines(self) -> list[str]:
        """One line per problem, each naming the file and where."""
        return [p.format(self.path) for p in self.problems]


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
    out = "$"
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        key = str(part)
        cut = key[:MAX_KEY_CHARS] + ("…" if len(key) > MAX_KEY_CHARS else "")
        plain = _PLAIN_KEY.match(key) is not None
        out += f".{cut}" if plain else f"[{json.dumps(cut, ensure_ascii=False)}]"
    return out
