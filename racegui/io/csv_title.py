"""A splits CSV's race title when none is given: the title line above its header ("Club
1500m time trial, 3 Oct" above "Lap,Time"), else the file's name, without the control
characters a title cannot hold (a file's name may have them; the user never typed them)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from racegui.io.errors import CONTROLS

MAX_TITLE_CHARS = 300
"""Longest title a race file takes: a longer line above the header is no title."""
TITLE_LABELS = frozenset({"title", "race", "event", "meeting", "meet", "session"})
"""Labels of a line whose value is the title ("Race: Breaking4, Paris" gives "Breaking4,
Paris")."""
OTHER_LABELS = frozenset(
    {"date", "time", "start", "start time", "started", "created", "exported", "export date"}
    | {"device", "app", "application", "version", "timezone", "time zone", "sport", "type"}
    | {"user", "name", "athlete", "runner", "laps", "total", "total time", "distance"}
    | {"location"}
)
"""Labels of a line that says something else than the title ("Date,2025-05-10 17:32")."""
APP_WORDS = frozenset(
    {"stopwatch", "timer", "lap", "laps", "split", "splits", "time", "times", "export"}
    | {"exported", "data", "csv", "results", "file", "log"}
)
"""Words of an app's heading, which names no race ("Stopwatch export", "Lap times")."""
APP_NAMES = frozenset({"stopwatch", "timer", "chrono", "chronometer", "chronograph"})
"""Words that make a heading an app's name with EDITION_WORDS ("Stopwatch Pro")."""
EDITION_WORDS = frozenset(
    {"pro", "free", "lite", "plus", "premium", "deluxe", "classic", "simple", "app", "hd"}
    | {"ultimate", "digital", "mobile", "android", "ios", "iphone", "watch", "by", "for"}
)
"""Words of an app's name beside APP_NAMES and APP_WORDS ("Lap Timer Free", "Stopwatch+ Lite
v2.3"); a version (v2, 2.3.1) may come too."""
_VERSION = re.compile(r"v?\d+(?:\.\d+)+|v\d+")
_LETTER = re.compile(r"[^\W\d_]")


def file_title(path: str | Path) -> str:
    """The title (or lap CSV runner's name) a CSV gets from its file's name: the name
    without its suffix, control characters read as spaces ("untitled" if nothing is left)."""
    return _clean(Path(path).stem) or "untitled"


def title_above(text: str, header_line: int) -> str | None:
    """The title the lines above a CSV's header (on header_line, 1-based) give: the first
    of them that reads as one (title_of), else None."""
    for line in text.splitlines()[: max(header_line - 1, 0)]:
        title = title_of(line)
        if title is not None:
            return title
    return None


def title_of(line: str) -> str | None:
    """A line above a CSV's header as a race title, or None where it is none: empty, a row
    of numbers or separators, Excel's "sep=;", a label of something else ("Date,2025-05-10"),
    an app's heading ("Stopwatch export") or longer than MAX_TITLE_CHARS. A title label's
    value is the title ("Race: Breaking4" gives "Breaking4"); a title written as one
    spreadsheet cell ('"Club 1500m, 3 Oct",,') loses its quotes and empty cells."""
    line = line.strip()
    if not _LETTER.search(line) or line.lower().startswith("sep="):
        return None
    delimiter = max(",;\t", key=line.count)
    try:
        cells = [c.strip() for c in next(csv.reader([line], delimiter=delimiter), [])]
    except csv.Error:
        cells = [line]
    cells = [c for c in cells if c]
    label, colon, _ = cells[0].partition(":") if cells else ("", "", "")
    joiner = " " if delimiter == "\t" else f"{delimiter} "
    value = line.partition(":")[2] if colon else joiner.join(cells[1:])
    label = " ".join(label.lower().split())
    if label in OTHER_LABELS and (colon or len(cells) > 1):
        return None
    if label in TITLE_LABELS and (colon or len(cells) > 1):
        title = value
    elif len(cells) == 1:
        title = cells[0]
    else:
        title = line
    title = _clean(title.strip().rstrip(delimiter + " "))
    if not _LETTER.search(title) or len(title) > MAX_TITLE_CHARS:
        return None
    if _is_app_heading(title):
        return None
    return title


def _is_app_heading(text: str) -> bool:
    """Whether a line names an app or its export, not a race: words of APP_WORDS only
    ("Stopwatch export", "Lap times"), or an app's name ("Stopwatch Pro", "Lap Timer Free
    v2.3": one of APP_NAMES among EDITION_WORDS, APP_WORDS and a version). "Stopwatch Pro"
    had titled a coach's 5000 m."""
    words = [w for w in re.split(r"[^\w.]+", text.lower()) if w.strip(".")]
    plain = {w.strip(".") for w in words if not _VERSION.fullmatch(w)}
    if plain <= APP_WORDS:
        return True
    return bool(plain & APP_NAMES) and plain <= APP_NAMES | APP_WORDS | EDITION_WORDS


def _clean(text: str) -> str:
    """text with each control character a space and runs of spaces one."""
    return " ".join(CONTROLS.sub(" ", text).split())
