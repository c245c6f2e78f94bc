"""Whether an export would write over a race file it reads. The command line (FILE,
--compare) and the export dialog (the window's race and compared race) refuse the same way,
with the text of race_file_problem."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from racegui.export.options import ExportOptions
from racegui.io.atomic import same_file


def race_file_problem(
    options: ExportOptions, race_files: Iterable[tuple[Path | None, str]]
) -> str | None:
    """Why the export must not be written, or None: its output is one of race_files
    ((path or None, what it is: "the race file given as FILE")). The text starts with the
    output's name."""
    for race_path, what in race_files:
        if race_path is not None and same_file(options.output, race_path):
            return f"{options.output} is {what}; give the export another name"
    return None
