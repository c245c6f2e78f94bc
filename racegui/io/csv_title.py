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
    if set(re.findall(r"\w+", title.lower())) <= APP_WORDS:
        return None
    return title


def _clean(text: str) -> str:
    """text with each control character a space and runs of spaces one."""
    return " ".join(CONTROLS.sub(" ", text).split())
