"""`racegui export`: render a replay to MP4, GIF or PNG headless, with a progress bar."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from racegui.cli_args import UsageError, filled, optional_path_arg, seconds_arg, text_arg
from racegui.cli_output import to_stderr
from racegui.cli_read import followed, read_file_arg
from racegui.cli_text import FOLLOW_HELP, after_end_text, minutes_typo_note, stand_in_note
from racegui.export.options import (
    COMPARE_SPLITS,
    EXPORT_SPLITS,
    ExportOptions,
    ExportOptionsError,
    OutputFolderMissing,
    parse_size,
    small_panel_text,
)
from racegui.io.atomic import cannot_write, missing_folder
from racegui.model.timefmt import within_end
from racegui.stop_signals import stop_name, stop_requests


def add_export_arguments(
    parser: argparse.ArgumentParser,
    *,
    time_arg: Callable[[str], float],
    size_arg: Callable[[str], tuple[int, int]],
    path_arg: Callable[[str], Path] = Path,
    output_arg: Callable[[str], Path] | None = None,
) -> None:
    """Add the export options to a parser (time_arg/size_arg/path_arg parse "m:ss.xx", "WxH"
    and a file name; output_arg the file name of -o, path_arg's if None)."""

    def size_or_preset(text: str) -> tuple[int, int]:
        filled(text)
        try:
            return parse_size(text)
        except ExportOptionsError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parser.add_argument("file", type=path_arg, metavar="FILE", help="race file (.json or .csv)")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=output_arg or path_arg,
        metavar="OUT",
        help="OUT.mp4, OUT.gif, OUT.png (one still) or OUT_%%04d.png (sequence)",
    )
    parser.add_argument(
        "--size",
        type=size_or_preset,
        default=(1920, 1080),
        metavar="WxH",
        help="pixels, or 1080p, 720p, 360p, square, portrait (1080x1920) (default 1920x1080)",
    )
    parser.add_argument(
        "--fps",
        type=whole_fps,
        default=30,
        action=_StoreTypedAs,  # a still refuses --fps only when typed (fps_option)
        help="frames per second (default 30)",
    )
    parser.add_argument(
        "--speed",
        type=speed_arg,
        default=1.0,
        help="race seconds per video second: 4, 0.5 or 1/16 (default 1, real time)",
    )
    parser.add_argument(
        "--from",
        "--time",  # as the window's --screenshot takes it, for a PNG still
        dest="from_s",
        type=time_arg,
        action=_StoreTypedAs,
        metavar="T",
        help="race time to start at, or of a PNG still (default 0)",
    )
    parser.add_argument(
        "--to",
        dest="to_s",
        type=time_arg,
        metavar="T",
        help="race time to end at (default: the last runner's finish)",
    )
    parser.add_argument("--no-panel", action="store_true", help="track only, no side panel")
    parser.add_argument(
        "--splits",
        type=filled,
        choices=EXPORT_SPLITS,
        default=None,
        help="the panel's splits table: laps to the line, every 200 m with the published "
        "splits, the race file's own splits (timed), or the followed runner's published "
        "splits (where both files give them at the same distances, else laps) against the "
        "--compare race (compare; the default with --compare, else laps)",
    )
    parser.add_argument("--theme", type=filled, choices=("dark", "light"), default="dark")
    parser.add_argument(
        "--presentation",
        action="store_true",
        help="laid out as the window's presentation mode: bigger type for a projector or a "
        "slide (a 720p clip's panel text is 1.4 times as big)",
    )
    parser.add_argument(
        "--title-card",
        type=seconds_arg,
        default=0.0,
        metavar="S",
        help="seconds of title card before the race (at most 30)",
    )
    parser.add_argument(
        "--end-card",
        type=seconds_arg,
        default=0.0,
        metavar="S",
        help="seconds of end card after the race (at most 30)",
    )
    parser.add_argument(
        "--compare",
        type=optional_path_arg,
        metavar="FILE",
        help="second race whose runner is shown as a ghost",
    )
    parser.add_argument("--follow", type=text_arg, metavar="ID_OR_NAME", help=FOLLOW_HELP)
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def small_panel_note(size: tuple[int, int], panel: bool, presentation: bool = False) -> str:
    """What to say of an export whose side panel is too small to read, or ""; a 360p clip's
    panel was 3 px noise unremarked."""
    small = small_panel_text(size, panel, presentation)
    if small is None:
        return ""
    px, helps = small
    bigger = "--presentation makes it legible, " if helps else ""
    return (
        f"at {size[0]}x{size[1]} the side panel's smallest text is {px:.0f} px high, too small "
        f"to read; {bigger}--no-panel gives the track the whole frame"
    )


def _numbered(still: Path) -> str:
    """The numbered PNG sequence to suggest for a still's name: its % signs doubled, so
    that the name suggested is one the export takes ('a_%n.png' had been told to use
    'a_%n_%04d.png', which is refused: tester)."""
    return f"{still.stem.replace('%', '%%')}_%04d.png"


def whole_fps(text: str) -> int:
    """--fps: a whole number of frames per second (a video's 29.97 is not one)."""
    filled(text)
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number of frames per second (such as 25, 30 or 60)"
        ) from None


def speed_arg(text: str) -> float:
    """--speed: a number of times real time, or a fraction such as 1/16 (as the README and
    the window's speed box write the slowest); the range is checked with the other options.
    '1/16' had been refused as 'invalid float value' (tester)."""
    filled(text)
    top, slash, bottom = text.partition("/")
    try:
        value = float(top) / float(bottom) if slash else float(text)
    except (ValueError, ZeroDivisionError):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a speed: a number of times real time, such as 4, 0.5 or 1/16"
        ) from None
    return value


class _StoreTypedAs(argparse.Action):
    """Store the value, and as DEST_option which of the option's names was typed: messages
    about '--time 99:00' had named it '--from 99:00'."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        setattr(namespace, self.dest, values)
        setattr(namespace, f"{self.dest}_option", option_string)


def _typed_as(args: argparse.Namespace, dest: str, default: str) -> str:
    """The name the option stored at dest was typed as ("--time"), else default."""
    return getattr(args, f"{dest}_option", None) or default


def splits_from_args(args: argparse.Namespace) -> str:
    """The --splits table: as given, else the comparison tab with --compare (the window
    shows it while a race is compared), else the laps; ExportOptionsError for --splits
    compare without --compare. The comparison tab had shown whatever --splits said."""
    compare = getattr(args, "compare", None)
    if args.splits is None:
        return COMPARE_SPLITS if compare is not None else "laps"
    if args.splits == COMPARE_SPLITS and compare is None:
        raise ExportOptionsError(
            "--splits compare shows the followed runner's laps against a compared race: give "
            "that race with "
            "--compare FILE, or choose laps, 200m or timed."
        )
    return args.splits


def options_from_args(args: argparse.Namespace) -> ExportOptions:
    """ExportOptions from parsed arguments (validated: ExportOptionsError if bad)."""
    options = ExportOptions(
        output=args.output,
        size=tuple(args.size),
        fps=args.fps,
        speed=args.speed,
        from_s=args.from_s,
        to_s=args.to_s,
        panel=not args.no_panel,
        splits=splits_from_args(args),
        theme=args.theme,
        presentation=args.presentation,
        title_card_s=args.title_card,
        end_card_s=args.end_card,
    )
    options.validate()
    if options.is_still and (options.title_card_s or options.end_card_s):
        raise ExportOptionsError(
            f"A PNG still is one frame of the race, with no title or end card; for the cards, "
            f"export a video or number the files: {_numbered(options.output)}."
        )
    if options.is_still and options.speed != 1:  # had been taken and ignored (tester R6)
        raise ExportOptionsError(
            f"A PNG still shows one race time (--from), at no speed; for frames played at "
            f"--speed, number the files: {_numbered(options.output)}."
        )
    if options.is_still and getattr(args, "fps_option", None):  # had been ignored (R15)
        raise ExportOptionsError(
            f"A PNG still is one frame of the race, at no frame rate; for frames at --fps "
            f"{options.fps}, number the files: {_numbered(options.output)}."
        )
    if options.is_still and options.to_s is not None:
        raise ExportOptionsError(
            f"A PNG still shows one race time (--from); for frames up to --to, number the "
            f"files: {_numbered(options.output)}."
        )
    return options


def _ensure_app():
    """A QApplication for offscreen drawing; the offscreen platform when there is no display."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from racegui.ui.qt_messages import quiet_harmless_messages

    quiet_harmless_messages()
    return QApplication.instance() or QApplication(["racegui-export"])


def _within_replay(
    options: ExportOptions, end_s: float, names: tuple[tuple[str, str], ...]
) -> ExportOptions:
    """The options with --from and --to at or before the replay's end (end_s, s; the end as
    shown, rounded, counts as the end); UsageError for a time after it. names: (field,
    option as typed) of each."""
    times = {}
    for name, option in names:
        value = getattr(options, name)
        if value is None:
            continue
        kept = within_end(value, end_s)
        if kept is None:
            raise UsageError("racegui export: " + after_end_text(option, value, end_s))
        times[name] = kept
    return replace(options, **times)


def _refuse_writing_over(
    args: argparse.Namespace, options: ExportOptions, frames: int | None
) -> None:
    """UsageError if the export would write over FILE or --compare (a PNG sequence's frame
    files only once `frames`, their number, is known)."""
    from racegui.export.overwrite import race_file_problem

    race_files = (
        (args.file, "the race file given as FILE"),
        (args.compare, "the race file given as --compare"),
    )
    problem = race_file_problem(options, race_files, frames)
    if problem is not None:
        raise UsageError(f"racegui export: -o {problem}")


def _planned_frames(options: ExportOptions, end_s: float) -> int:
    """How many frames the export has (the replay ending at end_s, s); UsageError if too
    many."""
    from racegui.export.pipeline import plan_for

    try:
        return plan_for(options, end_s).total
    except ExportOptionsError as exc:
        raise UsageError(f"racegui export: {exc}") from None


def run_export(args: argparse.Namespace, received: list[int] | None = None) -> int:
    """Run an export from parsed arguments; returns the exit code (2: bad argument). Stop
    signals are noted in `received` (the command line sets that up before its imports), or
    from here on."""
    if received is not None:
        return _run_export(args, received)
    with stop_requests() as noted:  # from the start: setting up paints too
        return _run_export(args, noted)


def _run_export(args: argparse.Namespace, received: list[int]) -> int:
    """run_export, with stop signals noted in `received`."""
    try:
        options = options_from_args(args)
    except OutputFolderMissing as exc:
        raise UsageError(
            cannot_write(args.output, missing_folder(args.output) or str(exc))
        ) from None
    except ExportOptionsError as exc:
        raise UsageError(f"racegui export: {exc}") from None
    _refuse_writing_over(args, options, frames=None)  # the output itself, before reading
    from racegui.io.replay_file import compare_options, read_replay
    from racegui.model.replay import comparison_problem

    replay = read_file_arg(args, "racegui export")
    shown = followed(replay, args.file, args.follow, "racegui export")
    options = replace(options, follow=shown.ids[shown.focus])
    compare = None
    if args.compare is not None:
        compare = read_replay(args.compare, compare_options(replay))
    problem = comparison_problem(replay, compare) if compare is not None else None
    if problem is not None:
        raise UsageError(f"racegui export: --compare {args.compare}: {problem}")
    note = stand_in_note(shown, compare, args.compare) if compare is not None else ""
    if note:
        to_stderr(f"racegui export: note: {note}")
    names = (("from_s", _typed_as(args, "from_s", "--from")), ("to_s", "--to"))
    options = _within_replay(options, replay.duration_s, names)
    for name, option in names:
        t = getattr(options, name)
        typo = minutes_typo_note(option, t, replay.duration_s) if t is not None else ""
        if typo:  # said before the export, which Ctrl+C can still stop
            to_stderr(f"racegui export: note: {typo}")
    if options.is_sequence:  # its frame files, now that their number is known
        _refuse_writing_over(args, options, frames=_planned_frames(options, replay.duration_s))

    app = _ensure_app()
    from racegui.export.pipeline import ExportCancelled, export
    from racegui.export.progress_text import ProgressLine, format_summary, left_over_note, say
    from racegui.export.scene_source import SceneFrameSource
    from racegui.export.writer_base import ExportWriteError
    from racegui.ui.theme import theme_named

    source = SceneFrameSource(
        options.followed(replay),
        theme_named(options.theme),
        options.size,
        panel=options.panel,
        compare=compare,
        splits=options.splits,
        presentation=options.presentation,
    )
    bar = None if args.quiet or sys.stderr is None else ProgressLine(sys.stderr)
    try:
        result = export(
            source,
            options,
            progress=None if bar is None else bar.update,
            cancelled=lambda: bool(received),
        )
    except ExportOptionsError as exc:
        raise UsageError(f"racegui export: {exc}") from None
    except ExportCancelled:  # the writer has deleted its temporary file
        if not received:
            return 130
        if bar is not None:
            bar.finish()
            bar = None
        name = stop_name(received[0])
        say(f"racegui export: stopped by {name}; nothing was written")
        return 128 + received[0]
    except OSError as exc:
        raise UsageError(cannot_write(options.output, exc)) from None
    except ExportWriteError as exc:  # the disk filled up, the encoder failed, ...
        raise UsageError(f"racegui export: {exc} (nothing was written)") from None
    finally:
        if bar is not None:
            bar.finish()
        source.close()
        app.processEvents()
    say(format_summary(result))
    for note in (
        small_panel_note(options.size, options.panel, options.presentation),
        left_over_note(result),
    ):
        if note:
            say(f"racegui export: note: {note}")
    if received:  # it came as the file was being finished (GIF encoding, MP4 index)
        name = stop_name(received[0])
        say(f"racegui export: {name} came too late to stop it")
        return 128 + received[0]
    return 0
