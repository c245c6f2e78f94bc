"""racegui validate: read race files (.json) and splits CSVs as the window would, saying of
each that it is ok (with what reading it noted) or what is wrong with it, and where."""

from __future__ import annotations

import argparse

from racegui.cli_args import EXIT_BAD_INPUT, EXIT_OK
from racegui.cli_output import to_stderr
from racegui.cli_read import csv_options, refuse_csv_options
from racegui.cli_text import count, quoted


def run_validate(args: argparse.Namespace) -> int:
    """racegui validate for its parsed arguments; returns the exit code (2: a file is bad)."""
    from racegui.io.errors import RaceFileError
    from racegui.io.file_kind import misnamed_note
    from racegui.io.replay_file import is_splits_csv, read_replay, reading_notes

    bad = 0
    options = csv_options(args)
    refuse_csv_options("racegui validate", options, args.files)
    for path in args.files:
        try:
            race = read_replay(path, options).race
        except RaceFileError as exc:
            bad += 1
            for line in exc.lines():
                to_stderr(line)
            continue
        print(f"{path}: ok ({quoted(race.title)}, {count(len(race.athletes), 'athlete')})")
        csv = is_splits_csv(path)
        misnamed = misnamed_note(path, "csv" if csv else "json")  # the name may mislead others
        if misnamed is not None:
            print(f"  {misnamed}")
        for note in reading_notes(race, csv):  # read as it is: the user checks
            print(f"  {note}")
    return EXIT_BAD_INPUT if bad else EXIT_OK
