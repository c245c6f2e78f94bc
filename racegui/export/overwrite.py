"""Whether an export would write over a race file it reads: its output, or one frame file of
a PNG sequence. The command line (FILE, --compare) and the export dialog (the window's race
and compared race) refuse the same way, with the text of race_file_problem."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from racegui.export.options import ExportOptions
from racegui.export.png_writer import sequence_name
from racegui.io.atomic import same_file

_DIGITS = re.compile(r"\d+")
MAX_FRAME_DIGITS = 7
"""Most digits of a frame number (MAX_FRAMES, a million, has 7)."""


def _numbers_in(name: str, frames: int) -> Iterator[int]:
    """Each number from 1 to frames written in name: any run of digits in it, or part of one
    ("f1%d.png" writes frame 23 as "f123.png")."""
    for run in _DIGITS.finditer(name):
        digits = run.group()
        for start in range(len(digits)):
            for end in range(start + 1, min(len(digits), start + MAX_FRAME_DIGITS) + 1):
                number = int(digits[start:end])
                if 1 <= number <= frames:
                    yield number


def _frame_named(options: ExportOptions, name: str, frames: int) -> Path | None:
    """The frame file of a sequence of `frames` frames that is called name in any letter
    case (a case-insensitive disk), or None. Only numbers written in name are tried."""
    wanted = name.casefold()
    for number in dict.fromkeys(_numbers_in(name, frames)):
        frame = sequence_name(options.output, number)
        if frame.name.casefold() == wanted:
            return frame
    return None


def file_written_over(options: ExportOptions, race_path: Path, frames: int | None) -> Path | None:
    """The file the export writes that is race_path, or None: the output, or for a PNG
    sequence of `frames` frames (None: not known yet, nothing checked) the frame file of
    race_path's name or, for a link, its target's name (a hard link by another name is not
    looked for)."""
    if not options.is_sequence:
        return options.output if same_file(options.output, race_path) else None
    if frames is None:
        return None
    try:
        names = dict.fromkeys((race_path.name, race_path.resolve().name))
    except (OSError, RuntimeError, ValueError):  # cannot be looked up: not a file we write
        return None
    for name in names:
        frame = _frame_named(options, name, frames)
        if frame is not None and same_file(frame, race_path):
            return frame
    return None


def race_file_problem(
    options: ExportOptions, race_files: Iterable[tuple[Path | None, str]], frames: int | None
) -> str | None:
    """Why the export must not be written, or None: it would write over one of race_files
    ((path or None, what it is: "the race file given as FILE")); `frames` as for
    file_written_over. The text starts with the output's name."""
    for race_path, what in race_files:
        if race_path is None:
            continue
        written = file_written_over(options, race_path, frames)
        if written is None:
            continue
        if not options.is_sequence:
            return f"{options.output} is {what}; give the export another name"
        return (
            f"{options.output} names one of its frames {written.name}, which is {what}; give "
            "the export another name"
        )
    return None
