"""racegui import: turn a splits CSV or a stopwatch's lap CSV into a race file (.json),
saying what was written and what reading the CSV noted."""

from __future__ import annotations

import argparse
from pathlib import Path

from racegui.cli_args import EXIT_OK, UsageError
from racegui.cli_read import csv_options
from racegui.cli_text import count, quoted
from racegui.io.atomic import cannot_write, same_file
from racegui.io.errors import one_line


def _check_import_paths(csv_path: Path, output: Path) -> None:
    """Refuse, before reading more than its head, a race file given as the CSV (one that
    holds JSON, whatever its name: file_kind), an -o that is the CSV itself, or an -o that is
    not a .json file (UsageError)."""
    from racegui.io.file_kind import file_kind

    if file_kind(csv_path) == "json":
        raise UsageError(
            f"racegui import reads a splits CSV; {csv_path} is already a race file: open it "
            f"(racegui {csv_path}) or validate it (racegui validate {csv_path})"
        )
    # SPLITS.CSV on macOS, a link; a name too long or a loop of links: reading or writing
    # it says so
    if same_file(output, csv_path):
        raise UsageError(
            f"racegui import: -o {output} is the CSV being imported; give the race file "
            "another name (race.json)"
        )
    if str(output) == "-":  # had been told to write "-.json"
        raise UsageError(
            "racegui import: -o -: a race file is written to a file, not to standard output: "
            "name one (-o race.json)"
        )
    if output.suffix.lower() != ".json":
        # no name but dots (-o ..) had been told "-o ...json", a hidden file _named refuses
        # a name ending in dots (-o race.) had been told "-o race..json" (reviewer)
        stem = output.name.rstrip(". ")
        better = f" (-o {output.with_name(stem).with_suffix('.json')})" if stem.strip(".") else ""
        raise UsageError(
            f"racegui import: -o {output}: a race file is written as JSON, so its name "
            f"ends in .json{better}"
        )


def run_import(args: argparse.Namespace) -> int:
    """racegui import for its parsed arguments; returns the exit code."""
    from racegui.io.csv_title import file_title
    from racegui.io.race_file import write_race
    from racegui.io.replay_file import reading_notes
    from racegui.io.splits_csv import read_splits_csv

    _check_import_paths(args.file, args.output)
    race = read_splits_csv(args.file, **vars(csv_options(args)))
    try:  # said, so that a title typed before is not lost unseen
        replaced = args.output.exists()
    except OSError:  # a name too long to look up: writing it says why
        replaced = False
    try:
        write_race(race, args.output)
    except OSError as exc:
        raise UsageError(cannot_write(args.output, exc)) from None
    roles = [a.role for a in race.athletes]
    dnf = sum(a.dnf and not a.dq for a in race.athletes)
    dq = sum(a.dq for a in race.athletes)
    out = [f"{n} {what}" for n, what in ((dnf, "did not finish"), (dq, "disqualified")) if n]
    whom = f" of whom {' and '.join(out)}" if out else ""
    kinds = ", ".join(
        count(roles.count(r), r) + (whom if r == "runner" else "") for r in dict.fromkeys(roles)
    )
    about = f"{kinds}, {race.distance_m:g} m"
    if not args.title:
        named = race.title == file_title(args.file)
        source = "the CSV's name" if named else "a line above the CSV's header"
        about += f"; the title is {source}, --title sets another"
    over = ", replacing the file that was there" if replaced else ""
    print(f"{one_line(str(args.output))}: wrote {quoted(race.title)} ({about}){over}")
    for note in reading_notes(race, csv=True):  # read one way of two, or typing slips
        print(f"  {note}")
    return EXIT_OK
