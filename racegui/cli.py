"""Command line: `racegui [FILE]` opens the replay window; verbs validate, info, state, import
and export work without a display. Arguments are parsed first and the UI imported lazily, so
the verbs start fast. Every bad argument or file gives one line on stderr and exit code 2.

Here: the entry points and what every command shares (the one line and exit code of a bad
argument or file, Ctrl+C). The parsers are in cli_args, the window's launch in cli_gui and
each verb in a module of its own (cli_validate, cli_info, cli_state, cli_import and
export.cli_export), imported only when it runs."""

from __future__ import annotations

import argparse
import sys

from racegui.cli_args import EXIT_BAD_INPUT, EXIT_OK, VERBS, UsageError
from racegui.cli_args import _size_arg as _size_arg  # tests read sizes through racegui.cli
from racegui.cli_args import verb_parser as _verb_parser
from racegui.cli_gui import can_show_dialog as _can_show_dialog
from racegui.cli_gui import run_gui
from racegui.cli_output import run_with_checked_stdout, to_stderr


def main(argv: list[str] | None = None, *, dialogs: bool = False) -> int:
    """Run the command line; returns the exit code (0 ok, 2 bad argument or file).

    With `dialogs` (the racegui-app launcher, which may have no console to print to), a bad
    argument for the window is also shown in a message box, and a FILE that does not exist
    opens the window on the demo with a dialog, as a file that cannot be read does.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    verb = bool(argv) and argv[0] in VERBS
    if verb and argv[0] == "export":  # Ctrl+C or kill noted from here, before the imports
        from racegui.stop_signals import stop_requests

        with stop_requests() as received:
            return run_with_checked_stdout(lambda: _main(argv, verb, dialogs, received))
    return run_with_checked_stdout(lambda: _main(argv, verb, dialogs, None), closed_is_error=verb)


def _main(argv: list[str], verb: bool, dialogs: bool, received: list[int] | None) -> int:
    """main for argv (`verb`: it starts with one of VERBS), with an export's stop signals
    noted in `received` (None: not an export)."""
    try:
        # Imported in a try of their own: Ctrl+C while numpy and scipy load gave a traceback,
        # and the clauses below name them.
        from racegui.io.errors import RaceFileError
        from racegui.model.replay import RaceModelError
    except (KeyboardInterrupt, ImportError) as exc:
        return _failed_start(exc)
    try:
        if verb:
            args = _verb_parser(argv[0]).parse_args(argv[1:])
            return _run_verb(argv[0], args, received)
        return run_gui(argv, dialogs)
    except KeyboardInterrupt:
        to_stderr("racegui: interrupted")
        return 130
    except ImportError as exc:  # Ctrl+C as a verb imports what it needs (numpy says so)
        if not _interrupted(exc):
            raise
        return _failed_start(exc)
    except UsageError as exc:
        to_stderr(str(exc))
        if dialogs and not verb and _can_show_dialog():
            from racegui.ui.app import show_start_error

            show_start_error(str(exc))
        return EXIT_BAD_INPUT
    except RaceFileError as exc:
        lines = exc.lines()
        more = f" (and {len(lines) - 1} more: see racegui validate)" if len(lines) > 1 else ""
        to_stderr(lines[0] + more)
        return EXIT_BAD_INPUT
    except RaceModelError as exc:
        to_stderr(f"racegui: {exc}")
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK


def _interrupted(exc: BaseException) -> bool:
    """Whether exc is Ctrl+C, or an ImportError it caused (numpy turns a KeyboardInterrupt
    while its C modules load into one)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _failed_start(exc: BaseException) -> int:
    """One line for Ctrl+C (130) or a broken install (1) while racegui loads its modules."""
    if _interrupted(exc):
        to_stderr("racegui: interrupted")
        return 130
    to_stderr(f"racegui: cannot start: {exc} (reinstall racegui and its dependencies)")
    return 1


def _run_verb(verb: str, args: argparse.Namespace, received: list[int] | None) -> int:
    """Run one of VERBS on its parsed arguments, importing that verb's module only (an
    export's stop signals noted in `received`); returns the exit code."""
    if verb == "validate":
        from racegui.cli_validate import run_validate

        return run_validate(args)
    if verb == "info":
        from racegui.cli_info import run_info

        return run_info(args)
    if verb == "state":
        from racegui.cli_state import run_state

        return run_state(args)
    if verb == "import":
        from racegui.cli_import import run_import

        return run_import(args)
    from racegui.export.cli_export import run_export

    return run_export(args, received)


def gui_main() -> int:
    """Entry point of the racegui-app GUI script (no console window on Windows): what is
    wrong with its arguments is shown in a dialog as well as on stderr."""
    return main(sys.argv[1:], dialogs=True)


if __name__ == "__main__":  # `python -m racegui.cli` as `python -m racegui`
    sys.exit(main())
