"""`racegui [FILE]`: open the replay window, or render it to an image with --screenshot.
Arguments and files are checked before Qt is imported, so a bad one gives its one line fast,
and with no display to open a window on only a screenshot goes ahead."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from racegui.cli_args import VERBS, UsageError, gui_parser
from racegui.cli_read import follow_text, refuse_csv_options


def _has_display() -> bool:
    """Whether a window can be shown: always on Windows and macOS, with X11/Wayland or an
    explicit Qt platform on Linux."""
    if not sys.platform.startswith("linux"):
        return True
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def can_show_dialog() -> bool:
    """Whether a message box would be seen: a display, and not Qt's offscreen or minimal
    platform (where a modal box waits, unseen, for ever)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    return _has_display() and platform not in ("offscreen", "minimal")


def _not_a_verb(word: str) -> str | None:
    """The message for a first argument that is neither a verb nor a file: a word with no
    suffix that names no file ("racegui exprt race.json -o x.mp4" had been told its other
    arguments were not recognised), with the verb it is closest to; None for anything else."""
    import difflib

    if not word.strip() or word.startswith("-") or Path(word).suffix or os.path.lexists(word):
        return None
    close = difflib.get_close_matches(word.casefold(), VERBS, n=1, cutoff=0.6)
    mean = f"; did you mean racegui {close[0]}?" if close else ""
    return f"racegui: {word!r} is neither a verb ({', '.join(VERBS)}) nor a file{mean}"


def _check_distance(args) -> None:
    """UsageError for a --distance without a FILE, or with a race file (JSON, which gives
    its own), as racegui import refuses it."""
    if args.distance is None:
        return
    if args.file is None:
        raise UsageError("racegui: --distance is for a splits CSV given as FILE")
    from racegui.io.replay_file import CsvOptions

    refuse_csv_options("racegui", CsvOptions(distance_m=args.distance), [args.file])


def run_gui(argv: list[str], dialogs: bool = False) -> int:
    """Open the window, or write its --screenshot, for argv (what follows `racegui`); with
    `dialogs` (racegui-app: see cli.main) a FILE that cannot be read is said in the window.
    Returns the exit code; UsageError for a bad argument or file."""
    problem = _not_a_verb(argv[0]) if argv and not dialogs else None
    if problem is not None:
        raise UsageError(problem)
    args = gui_parser().parse_args(argv)
    if args.file is not None and args.demo:
        raise UsageError("racegui: give a FILE or --demo, not both")
    if args.time is not None and args.screenshot is None:
        raise UsageError("racegui: --time needs --screenshot (in the window, seek instead)")
    # A window opened with dialogs says so itself, as for a file that cannot be read, and
    # shows the demo instead.
    if not dialogs or args.screenshot is not None:
        from racegui.io.race_file import file_problem

        for path in (args.file, args.compare):
            problem = "" if path is None else file_problem(path)[0]
            if problem:
                raise UsageError(f"{path}: {problem}")
    _check_distance(args)
    if args.screenshot is not None:
        from racegui.io.atomic import same_file

        for option, path in (("FILE", args.file), ("--compare", args.compare)):
            if path is not None and same_file(args.screenshot, path):
                raise UsageError(
                    f"racegui: --screenshot {args.screenshot} is the race file given as "
                    f"{option}; give the screenshot another name"
                )
    if not _has_display():
        if args.screenshot is None:
            raise UsageError(
                "racegui: no display to open a window on (set DISPLAY); "
                "--screenshot and racegui export work without one"
            )
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    if args.screenshot is not None:  # offscreen Qt's chatter, however offscreen was chosen
        from racegui.ui.qt_messages import quiet_harmless_messages

        quiet_harmless_messages()
    from racegui.model.replay import FollowError
    from racegui.ui.app import main_gui

    try:
        return main_gui(
            args.file,
            compare=args.compare,
            screenshot=args.screenshot,
            time_s=args.time,
            size=args.size,
            theme=args.theme,
            presentation=args.presentation,
            follow=args.follow,
            distance_m=args.distance,
            # Bare `racegui` opens the race of last time (a --follow names a demo runner).
            reopen_last=args.file is None and not args.demo and args.follow is None,
        )
    except FollowError as exc:  # raised before any window shows or file is written
        from racegui.resources_path import demo_race_path

        path = args.file if args.file is not None else demo_race_path()
        raise UsageError(follow_text("racegui", args.follow, path, exc)) from None
