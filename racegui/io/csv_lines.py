"""The lines of a CSV as csv.reader reads them, so that a row read over several lines, or
one whose quote is never closed, is refused at its own line."""

from __future__ import annotations

import csv
import io

from racegui.io.errors import Problem


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
        """The lines read since the last call (those of the row just read)."""
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
