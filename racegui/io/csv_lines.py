"""The lines of a CSV as csv.reader reads them, so that a row read over several lines, or
one whose quote is never closed, is refused at its own line; a cell too long for
csv.reader is refused at its line and column."""

from __future__ import annotations

import csv
import io

from racegui.io.errors import Problem

_FIELD_LIMIT = "field larger than field limit"
"""What csv.Error says of a cell longer than csv.field_size_limit() characters."""


class RowLines:
    """The lines of a text, as csv.reader reads them, keeping those of the row being read."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text))
        self._taken: list[str] = []
        self.count = text.count("\n") + (0 if text.endswith("\n") else 1)
        """Lines in the text, as line_num counts them."""

    def __iter__(self) -> RowLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self._taken.append(line)
        return line

    def taken(self) -> list[str]:
        """The lines read since the last call (those of the row just read, or of the row
        being read where the reader raised)."""
        out, self._taken = self._taken, []
        return out


def quote_problem(row_lines: list[str], first: int, delim: str) -> Problem | None:
    """The problem with a row read over several lines or up to the end of the file
    (row_lines, from line first): a quote never closed (the reader went on to the end of the
    file and called it one cell), or a line break inside quotes, which no cell of a splits
    CSV may hold; None for a last row that is whole."""
    text = "".join(row_lines)
    if not _strictly_whole(text, delim) and _strictly_whole(text + '"', delim):
        return Problem(f"line {first}", 'a quote (") is never closed')
    if len(row_lines) == 1:
        return None
    last = first + len(row_lines) - 1
    return Problem(
        f"line {first}", f"a quoted cell runs on to line {last} (a line break inside quotes)"
    )


def _strictly_whole(text: str, delim: str) -> bool:
    """Whether text reads as CSV with strict quoting. A text that does not, but does with
    one more quote at its end, ends inside a quoted cell; one that does not either way has
    only text after a closing quote ('"Faith K" '), which the usual reading accepts."""
    try:
        list(csv.reader(io.StringIO(text), delimiter=delim, strict=True))
    except csv.Error:
        return False
    return True


def long_cell_problem(
    exc: csv.Error, line: int, row_lines: list[str], delim: str
) -> Problem | None:
    """The problem of a cell too long for csv.reader (exc, raised reading line `line`, the
    last of row_lines, those of the row being read), at its line and column where the line
    shows which: "line 3, column 2: a cell is too long: at most 131,072 characters" where
    csv.reader said only "field larger than field limit (131072)"; a row read over many
    lines is a quote never closed, at the row's first line. None for any other csv.Error."""
    if _FIELD_LIMIT not in str(exc):
        return None
    limit = csv.field_size_limit()
    if len(row_lines) > 1:
        first = line - len(row_lines) + 1
        return Problem(
            f"line {first}",
            f'a quoted cell runs on to line {line}, past {limit:,} characters (a quote (") '
            "never closed?)",
        )
    column = _long_column(row_lines[0] if row_lines else "", delim, limit)
    place = f"line {line}" if column is None else f"line {line}, column {column}"
    return Problem(place, f"a cell is too long: at most {limit:,} characters")


def _long_column(text: str, delim: str, limit: int) -> int | None:
    """The column (1-based) of text's first cell longer than limit characters, counting
    separators outside quotes; None if none is (a cell begun on an earlier line)."""
    column, length, quoted = 1, 0, False
    for char in text:
        if char == '"':
            quoted = not quoted  # a doubled quote inside quotes toggles twice
        elif char == delim and not quoted:
            column, length = column + 1, 0
        elif char in "\r\n" and not quoted:  # a new row
            column, length = 1, 0
        else:
            length += 1
            if length > limit:
                return column
    return None
