"""The command line's arguments: the window's parser and each verb's, the types that read
their values (times in s, distances in m, sizes in px), and UsageError, the one line a bad
argument gives (exit code EXIT_BAD_INPUT). Parsing imports no Qt."""

from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path
from typing import NoReturn

from racegui import __version__
from racegui.cli_text import FOLLOW_HELP, TypedTime
from racegui.export.file_naming import name_problem

VERBS = ("validate", "info", "state", "import", "export")
EXIT_OK = 0
EXIT_BAD_INPUT = 2
"""Exit code of a bad argument or file."""


class UsageError(Exception):
    """A bad command-line argument: one line for stderr."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument as one line instead of usage plus exit, and reads
    a value that starts with a minus and a digit ("--time -0:01", "--size -1x100") as the
    option's value, as Python 3.13's argparse does, so its own check says what is wrong with
    it: 3.11 took it for an unknown option and said "expected one argument". An option of
    two names is named in a message as it was typed (_name_typed)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = re.compile(r"^-\.?\d")
        self._typed: list[str] = []

    def parse_known_args(self, args=None, namespace=None):
        self._typed = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        match = re.match(r"argument (\S+/\S+): ", message)
        if match:  # "argument --from/--time: ...": the name typed
            message = f"argument {self._name_typed(match.group(1))}: {message[match.end() :]}"
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")

    def _name_typed(self, names: str) -> str:
        """Which of an option's names ("--from/--time", as argparse's message has them) was
        typed: of its uses, the first whose value its type refuses or which has none (the one
        argparse stopped at), else the first; an abbreviation ("--tim") by the name it
        stands for. names itself if none is found. Export's --time '' had been called
        "argument --from/--time" (reviewer)."""
        action = next((a for a in self._actions if "/".join(a.option_strings) == names), None)
        if action is None:
            return names
        uses = []  # (name, value or None)
        for k, arg in enumerate(self._typed):
            if arg == "--":
                break
            name = self._name_of(arg, action)
            if name is None:
                continue
            if len(arg) > len(name):  # "--time=1:00", "-t1:00"
                value: str | None = arg[len(name) :].removeprefix("=")
            else:
                value = self._typed[k + 1] if k + 1 < len(self._typed) else None
            uses.append((name, value))
        for name, value in uses:
            if value is None or action.nargs == 0:
                return name
            try:
                (action.type or str)(value)
            except (argparse.ArgumentTypeError, TypeError, ValueError):
                return name
        return uses[0][0] if uses else names

    def _name_of(self, arg: str, action: argparse.Action) -> str | None:
        """The name of action that arg is typed as ("--time", "--time=1:00", "-t1:00", or an
        abbreviation "--tim"), else None."""
        if not arg.startswith("-") or arg == "-":
            return None
        typed = arg.split("=", 1)[0] if arg.startswith("--") else arg
        for name in action.option_strings:
            if typed == name or (not name.startswith("--") and arg.startswith(name)):
                return name
        if self._option_string_actions.get(typed) is not None or not arg.startswith("--"):
            return None  # another option's own name
        longs = [n for n in action.option_strings if n.startswith(typed)]
        return longs[0] if len(longs) == 1 else None


EMPTY_FIX = "type a value, or leave the option out"
"""What to do about an option's empty value, said after "it is empty: "."""


def _not_empty(text: str, fix: str = EMPTY_FIX) -> None:
    """ArgumentTypeError saying an option's value is empty (or only spaces), then fix: --follow
    '' had said "no athlete has the id or name ''", --title '' and --name '' were taken as not
    given, and --target '' was "'' is not a time" (tester); export --size '' was "Size '' is
    not WIDTHxHEIGHT", --theme '' "invalid choice: ''" and --compare '' "an empty name is
    not a file" (R8): every empty value is said to be empty, one way."""
    if not text.strip():
        what = "it is empty" if not text else "it is only spaces"
        raise argparse.ArgumentTypeError(f"{what}: {fix}")


def filled(text: str) -> str:
    """An option's value as typed, refused if empty (_not_empty): the type of an option with
    choices, which argparse would call "invalid choice: ''"."""
    _not_empty(text)
    return text


def seconds_arg(text: str) -> float:
    """A length of time in plain seconds ("3", "2.5"), as a card's --title-card takes it:
    its range is checked with the other options. An empty or wordy value had been argparse's
    "invalid float value: ''" (R8's list)."""
    _not_empty(text)
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of seconds (such as 3 or 2.5)"
        ) from None


def _time_arg(text: str) -> float:
    from racegui.model.timefmt import TimeFormatError, parse_time

    _not_empty(text)
    try:
        return parse_time(text)
    except TimeFormatError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _typed_time_arg(text: str) -> TypedTime:
    """A race time (s) as _time_arg reads it, remembering how it was typed."""
    return TypedTime(_time_arg(text), text)


def _distance_arg(text: str) -> float:
    """Race distance (m) from metres ("1500") or a number and unit as race files have them
    ("1 mile", "1mile", "mile", "1500 m", "5 km")."""
    from racegui.io.distances import unmodelled_problem
    from racegui.io.race_file import typed_distance_m

    _not_empty(text)
    unmodelled = unmodelled_problem(text, "--distance {:g}")
    if unmodelled is not None:
        raise argparse.ArgumentTypeError(unmodelled)
    metres = typed_distance_m(text)
    if not math.isfinite(metres) or metres <= 0:  # "-5" had read as a race of 1 lap of -5 m
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a distance (use metres, e.g. 1500, or a number and a unit: "
            '"1500 m", "1 mile", "5 km")'
        )
    return metres


def _size_arg(text: str) -> tuple[int, int]:
    """(width, height) in pixels as export's --size reads them: "WIDTHxHEIGHT" in ASCII
    digits ("1366 x 768" too) or a preset ("1080p", "720p", "square"); "²x1080" and a
    width of 5000 digits had said "invalid _size_arg value"."""
    from racegui.export.options import ExportOptionsError, parse_size

    _not_empty(text)
    shown = repr(text) if len(text) <= 40 else repr(text[:40]) + "…"
    try:
        w, h = parse_size(text)
    except ExportOptionsError as exc:
        if "larger than" not in str(exc):
            raise argparse.ArgumentTypeError(
                f"{shown} is not a size (use WIDTHxHEIGHT, e.g. 1920x1080, or 1080p, 720p, square)"
            ) from None
        w = h = 10**9
    problem = _screenshot_size_problem(w, h)
    if problem:
        raise argparse.ArgumentTypeError(f"{shown}: {problem}")
    return w, h


SCREENSHOT_LEAST_PX = 16
SCREENSHOT_MOST_PX = (7680, 4320)
"""The window's --screenshot size (px): at least 16 each way, at most 8K (landscape)."""


def _screenshot_size_problem(width: int, height: int) -> str:
    """What is wrong with a --screenshot size (px), naming each side at fault, or "".
    '99999x10' and '2000x4400' had both been told only "size must be between 16x16 and
    7680x4320" (K51, after reviewer R15)."""
    problems = []
    sides = zip(("width", "height"), (width, height), SCREENSHOT_MOST_PX, strict=True)
    for side, px, most in sides:
        if px < SCREENSHOT_LEAST_PX:
            problems.append(f"the {side} {px} is less than {SCREENSHOT_LEAST_PX}")
        elif px > most:  # a size of more digits than int() reads is not repeated
            shown = f"the {side}" if px >= 10**9 else f"the {side} {px}"
            problems.append(f"{shown} is more than {most}")
    if not problems:
        return ""
    least, (max_w, max_h) = SCREENSHOT_LEAST_PX, SCREENSHOT_MOST_PX
    return " and ".join(problems) + f" (a screenshot is {least}x{least} to {max_w}x{max_h})"


def add_follow_argument(parser: argparse.ArgumentParser) -> None:
    """--follow ID_OR_NAME, for the window and the verbs that report or draw one runner."""
    parser.add_argument("--follow", type=text_arg, metavar="ID_OR_NAME", help=FOLLOW_HELP)


def text_arg(text: str) -> str:
    """A title or name as typed, if it is text: a byte that is not UTF-8 (Latin-1's 0xff,
    which Python keeps as a lone surrogate) is refused by its value; it had been called
    "text with an unpaired surrogate (\\ud800-\\udfff escape)" (tester R6). An empty one is
    refused as empty (_not_empty)."""
    _not_empty(text)
    for ch in text:
        if "\udc80" <= ch <= "\udcff":
            shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise argparse.ArgumentTypeError(
                f"'{shown[:40]}' is not UTF-8 text (the byte 0x{ord(ch) - 0xDC00:02x} is no "
                "character there): type it again, or set the terminal to UTF-8"
            )
    return text


def _path_arg(text: str) -> Path:
    """A file name as typed, which must be given (FILE, -o); an empty one, or one of only
    spaces, is refused as empty (Path("") is ".", which read as "the folder '.'" in validate
    "", and FILE ' ' was "' ': no such file")."""
    _not_empty(text, "type a file name")
    return Path(text)


def optional_path_arg(text: str) -> Path:
    """A file name as typed, of an option that may be left out (--compare, --screenshot); an
    empty one, or one of only spaces, is refused as empty, as any option's empty value is
    (_not_empty): --compare ' ' had said " : no such file"."""
    _not_empty(text, "type a file name, or leave the option out")
    return Path(text)


def _named(path: Path, or_else: str = "") -> Path:
    """path, refused where its file name is no name or has a slip in it (name_problem):
    import -o ' .json' had written a file named " .json" (tester R11), -o '. .json' and
    '...json' hidden files (reviewer), -o ' race.json', 'race .json' and names holding a
    zero width space files so named; so too export's .mp4, .gif, .png and --screenshot's
    images. or_else: said after "type ..." (", or leave the option out")."""
    problem = name_problem(path)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem + or_else)
    return path


def output_path_arg(text: str) -> Path:
    """A file name to write, which must be given (import -o, export -o): _path_arg's, and
    refused where the file's name is only spaces, or has no name before its suffix (_named)."""
    return _named(_path_arg(text))


def optional_output_path_arg(text: str) -> Path:
    """A file name to write, of an option that may be left out (--screenshot):
    optional_path_arg's, and refused as output_path_arg's is (_named)."""
    return _named(optional_path_arg(text), ", or leave the option out")


def _add_csv_arguments(parser: argparse.ArgumentParser, about: str | None) -> None:
    """--distance, --title, --target and --name, in a group of their own: what reading a
    splits CSV may need (a lap CSV needs --distance), for every verb that reads one. about:
    the group's line saying which files they apply to (None: none)."""
    group = parser.add_argument_group("splits CSV options", about)
    group.add_argument(
        "--distance",
        type=_distance_arg,
        metavar="D",
        help='race distance: metres (1500) or with a unit ("1 mile", "5 km"); a lap CSV '
        "(Lap, Lap Time, Total Time) needs it",
    )
    group.add_argument(
        "--title",
        type=text_arg,
        help="race title (default: a title line above the CSV's header, else its name)",
    )
    group.add_argument(
        "--target",
        type=_time_arg,
        metavar="T",
        help="even-pace target time: seconds or m:ss.xx (default: none)",
    )
    group.add_argument(
        "--name", type=text_arg, help="the runner's name in a lap CSV (default: the CSV's name)"
    )


CSV_FILE_ABOUT = "when FILE holds splits (CSV, whatever its name); a race file (JSON) has its own"
"""What the splits CSV options of info, state and export apply to, as -h says it."""


def verb_parser(verb: str) -> argparse.ArgumentParser:
    """The parser of one of VERBS (its arguments, not the verb itself)."""
    p = _Parser(prog=f"racegui {verb}")
    if verb == "validate":
        p.description = (
            "Check race files (JSON) or split files (CSV), each read for what it holds; "
            "exit 2 if any is bad."
        )
        p.add_argument("files", nargs="+", type=_path_arg, metavar="FILE")
        _add_csv_arguments(
            p, "for each FILE that holds splits (CSV); a race file (JSON) has its own"
        )
    elif verb == "info":
        p.description = "Title, distance, target, athletes, laps against target and events."
        p.add_argument("file", type=_path_arg, metavar="FILE")
        add_follow_argument(p)
        p.add_argument(
            "--compare",
            type=optional_path_arg,
            metavar="FILE",
            help="another race of the same distance: the followed runner's laps beside its "
            "runner's",
        )
        p.add_argument("--json", action="store_true", help="one JSON object on stdout")
        _add_csv_arguments(p, CSV_FILE_ABOUT)
    elif verb == "state":
        p.description = "Where everyone is at race time T."
        p.add_argument("file", type=_path_arg, metavar="FILE")
        add_follow_argument(p)
        p.add_argument(
            "--time",
            "-t",
            required=True,
            type=_typed_time_arg,
            metavar="T",
            help="race time: seconds or m:ss.xx",
        )
        p.add_argument("--json", action="store_true", help="one JSON object on stdout")
        _add_csv_arguments(p, CSV_FILE_ABOUT)
    elif verb == "import":
        p.description = (
            "Turn a splits CSV (athlete, distance_m, time; or one row per athlete: Athlete, "
            "400, 800, ...) or a stopwatch's lap CSV (Lap, Lap Time, Total Time) into a race "
            "file."
        )
        p.add_argument("file", type=_path_arg, metavar="CSV")
        p.add_argument("-o", "--output", required=True, type=output_path_arg, metavar="OUT.json")
        _add_csv_arguments(p, None)
    elif verb == "export":
        from racegui.export.cli_export import add_export_arguments

        p.description = "Render a replay to MP4, GIF or PNG without a display."
        add_export_arguments(
            p,
            time_arg=_typed_time_arg,
            size_arg=_size_arg,
            path_arg=_path_arg,
            output_arg=output_path_arg,
        )
        _add_csv_arguments(p, CSV_FILE_ABOUT.replace("FILE", "FILE (not --compare)", 1))
    return p


def gui_parser() -> argparse.ArgumentParser:
    """The parser of `racegui [FILE]`, which opens the window (or renders --screenshot)."""
    p = _Parser(
        prog="racegui",
        description="Replay a middle-distance race on a to-scale 400 m track. Verbs: "
        + ", ".join(VERBS)
        + " (racegui VERB --help).",
    )
    p.add_argument(
        "file",
        nargs="?",
        type=_path_arg,
        metavar="FILE",
        help="race file to open (default: the race file opened last, else the Breaking4 demo)",
    )
    p.add_argument("--demo", action="store_true", help="open the Breaking4 demo race")
    p.add_argument(
        "--compare", type=optional_path_arg, metavar="FILE", help="second race shown as a ghost"
    )
    p.add_argument(
        "--distance",
        type=_distance_arg,
        metavar="D",
        help="race distance of a splits CSV given as FILE, as racegui import takes it: metres "
        '(1500) or with a unit ("1 mile"); a lap CSV\'s default is the race its laps fit best',
    )
    add_follow_argument(p)
    p.add_argument(
        "--screenshot",
        type=optional_output_path_arg,
        metavar="OUT.png",
        help="render the window at --time to an image (.png, .jpg, .webp or .bmp) and exit, "
        "without showing it",
    )
    p.add_argument(
        "--time", "-t", type=_typed_time_arg, metavar="T", help="race time for --screenshot"
    )
    p.add_argument(
        "--size",
        type=_size_arg,
        metavar="WxH",
        help="window size for --screenshot (or 1080p, square...)",
    )
    p.add_argument("--theme", type=filled, choices=("dark", "light"))
    p.add_argument("--presentation", action="store_true", help="start in presentation mode")
    p.add_argument("--version", action="version", version=f"racegui {__version__}")
    return p
