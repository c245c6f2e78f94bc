"""Reading a verb's FILE as its arguments say: a race file (JSON) or a splits CSV read with
--distance, --title, --target and --name, the runner --follow names, and the --compare race.
A bad one raises UsageError (an argument) or RaceFileError (a file)."""

from __future__ import annotations

import argparse
from pathlib import Path

from racegui.cli_args import UsageError


def follow_text(prog: str, value: str, path: Path, problem: Exception) -> str:
    """The one line for a --follow that names no runner of the race in path."""
    return f"{prog}: --follow {value}: {path}: {problem}"


def followed(replay, path: Path, value: str | None, prog: str):
    """replay following the runner `value` names (see model.follow.runner_named; None: as
    it is); UsageError naming the file and its runners if she is none of them."""
    from racegui.model.follow import following_named
    from racegui.model.replay import FollowError

    try:
        return following_named(replay, value)
    except FollowError as exc:
        raise UsageError(follow_text(prog, value, path, exc)) from None


CSV_FLAGS = {
    "distance_m": "--distance",
    "title": "--title",
    "target_time_s": "--target",
    "name": "--name",
}
"""The option that sets each field of CsvOptions."""


def csv_options(args: argparse.Namespace):
    """The CsvOptions a verb's --distance, --title, --target and --name give."""
    from racegui.io.replay_file import CsvOptions

    return CsvOptions(args.distance, args.title, args.target, args.name)


def refuse_csv_options(prog: str, options, paths: list[Path]) -> None:
    """UsageError if options (CsvOptions) sets anything but none of paths is read as a
    splits CSV (by what it holds: file_kind)."""
    from racegui.io.replay_file import is_splits_csv

    given = [flag for flag, value in vars(options).items() if value is not None]
    if given and not any(is_splits_csv(path) for path in paths):
        flags = " and ".join(CSV_FLAGS[flag] for flag in given)
        files = f"{paths[0]} is a race file" if len(paths) == 1 else "each file is a race file"
        raise UsageError(
            f"{prog}: {flags} {'is' if len(given) == 1 else 'are'} for a splits CSV; "
            f"{files} (JSON), which gives its own"
        )


def read_file_arg(args: argparse.Namespace, prog: str):
    """The Replay of a verb's FILE, a race file (JSON) or a splits CSV read with the verb's
    --distance, --title, --target and --name (UsageError if they are given for a race file,
    RaceFileError for a file that cannot be read). The file is only read."""
    from racegui.io.replay_file import read_replay

    options = csv_options(args)
    refuse_csv_options(prog, options, [args.file])
    return read_replay(args.file, options)


def compare_arg(args: argparse.Namespace, shown, prog: str):
    """The race given as --compare (None: none), read as a ghost on ``shown`` (a lap CSV over
    its distance); RaceFileError for a file that cannot be read, UsageError for a race that
    cannot be compared with it."""
    if args.compare is None:
        return None
    from racegui.io.replay_file import compare_options, read_replay
    from racegui.model.replay import comparison_problem

    other = read_replay(args.compare, compare_options(shown))
    problem = comparison_problem(shown, other)
    if problem is not None:
        raise UsageError(f"{prog}: --compare {args.compare}: {problem}")
    return other
