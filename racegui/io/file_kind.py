"""Whether a file is read as a race file (JSON) or as splits (a splits CSV, a stopwatch's lap
CSV or a wide sheet), by what it holds: the one place every verb and the window ask.

A race file starts, after an optional byte-order mark and white space, with '{' (or '[');
splits are any other text. A .json or .csv file is read as its suffix says unless its first
bytes clearly say otherwise: splits whose header row is there to see in a .json file (CSV
text saved under that name), JSON in a .csv file. Any other name (Excel's "Text (Tab
delimited)" .txt, .tsv, no suffix) is read by what it holds. Only the first HEAD_BYTES are
read to tell, so a big file is not read twice. A .json file that holds CSV text whose header
no form fits is read as JSON, and its problem says it looks like CSV (csv_lookalike)."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Literal

from racegui.io.csv_header import header_below
from racegui.io.csv_wide import HEADER_FORMS, find_wide_header
from racegui.io.errors import Problem
from racegui.io.lap_csv import HEADER_LINES, find_lap_header
from racegui.io.text_file import bom_encoding, file_problem

Kind = Literal["json", "csv"]
HEAD_BYTES = 8192
"""Bytes read from the start of a file to tell its kind (the header of a CSV is near the
top: a title and a few lines may stand above it)."""
_LEADING = "\ufeff \t\r\n\x0b\x0c"
"""What may stand before a race file's '{': byte-order marks and white space."""


def file_kind(path: str | Path) -> Kind:
    """ "json" (read as a race file) or "csv" (read as splits) for the file at path, by its
    suffix where its first bytes agree, else by them (module docstring). A file that cannot
    be read, is empty or is binary goes by its suffix (splits for any suffix but .json): its
    reader then says what is wrong, as either reader would."""
    path = Path(path)
    suffix = path.suffix.lower()
    head = _head_text(path)
    if head is None:
        return "json" if suffix == ".json" else "csv"
    starts_json = head[0] in "{["
    if suffix == ".json":
        return "csv" if not starts_json and _has_csv_header(head) else "json"
    if suffix == ".csv":
        return "json" if starts_json and not _has_csv_header(head) else "csv"
    return "json" if starts_json else "csv"


def _head_text(path: Path) -> str | None:
    """The text of the file's first HEAD_BYTES from its first character that is not white
    space or a byte-order mark (UTF-8, or UTF-16/32 by its mark; bytes that are not UTF-8
    read as U+FFFD), to its last whole line; None for a file that cannot be read (missing,
    a folder, a pipe: never opened), is empty or white space, or holds zero bytes without a
    mark (binary)."""
    problem, _ = file_problem(path)
    if problem:
        return None
    try:
        with path.open("rb") as fh:
            data = fh.read(HEAD_BYTES)
    except OSError:
        return None
    wide = bom_encoding(data)
    if wide is not None:
        text = data.decode(wide, errors="ignore")  # a character cut at the end is left out
    elif b"\x00" in data:
        return None
    else:
        text = data.decode("utf-8", errors="replace")
    if len(data) == HEAD_BYTES and "\n" in text:  # more follows: the last line may be cut
        text = text[: text.rindex("\n") + 1]
    text = text.lstrip(_LEADING)
    if "\r" in text and "\n" not in text:  # an old Mac's line ends, as decode_text reads them
        text = text.replace("\r", "\n")
    return text or None


def _has_csv_header(head: str) -> bool:
    """Whether the head holds the header row of splits (athlete, distance_m
    and time), of a lap CSV or of a wide sheet, where the splits reader looks for one."""
    return (
        header_below(head, 0) is not None
        or find_lap_header(head) is not None
        or find_wide_header(head, 1) is not None
    )


_LOOKALIKE_ROWS = 5
"""Rows from the first with a separator that must agree for a text to look like CSV."""
_JSON_FIELD = re.compile(r'"\s*:')
"""A JSON field name's end ('"title":'): a race file's text cut at its start is not CSV."""


def csv_lookalike(text: str) -> Problem | None:
    """The problem of a race file's text (JSON expected) that looks like CSV whose header is
    no form the splits reader knows (a .json file read by its name: file_kind): not
    starting with '{' or '[', and its first lines with a separator (after any title lines,
    among the first HEADER_LINES) each split by it into the same number of cells, two or
    more, none a JSON field. At the header's line, saying which headers a CSV may have;
    None for any other text (its JSON error says what is wrong)."""
    lines = text.lstrip(_LEADING).splitlines()
    if not lines or lines[0][:1] in "{[":
        return None
    skipped = len(text.splitlines()) - len(lines)  # blank lines before the first text
    first = next(
        (k for k, line in enumerate(lines[:HEADER_LINES]) if line.count(_separator(line))),
        None,
    )
    if first is None:
        return None
    rows = [line for line in lines[first:] if line.strip()][:_LOOKALIKE_ROWS]
    if any(_JSON_FIELD.search(row) for row in rows):
        return None
    try:
        widths = {len(cells) for cells in csv.reader(rows, delimiter=_separator(rows[0]))}
    except csv.Error:
        return None
    if len(widths) != 1 or widths.pop() < 2:
        return None
    return Problem(
        f"line {skipped + first + 1}",
        f"not JSON: CSV text, it seems, but its header is not one racegui reads: {HEADER_FORMS}",
    )


def _separator(line: str) -> str:
    """The most common of comma, semicolon and tab in line."""
    return max(",;\t", key=line.count)


def misnamed_note(path: str | Path, kind: Kind) -> str | None:
    """What validate notes of a .json file read as splits or a .csv file read as a race file
    (kind: as file_kind tells it), so the name is put right; None where the name agrees or
    says nothing."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json" and kind == "csv":
        return (
            f"note: read as splits (CSV text), though named {path.suffix}; to make a race "
            f"file of it: racegui import {path} -o {path.with_name(path.stem + '-race.json')}"
        )
    if suffix == ".csv" and kind == "json":
        return f"note: read as a race file (JSON), though named {path.suffix}"
    return None
