"""The command line's standard output, checked: a write that fails (a full disk, /dev/full)
ends the command with one line on stderr and exit code 2 instead of a traceback, or of exit
code 0 with the output lost. Error lines go to stderr only (to_stderr), never to stdout."""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Callable
from typing import TextIO

EXIT_OUTPUT_FAILED = 2
"""Exit code of a command whose output could not be written."""


class OutputError(Exception):
    """Writing to standard output failed; the message says why ("No space left on device")."""


class CheckedStdout:
    """A text stream that passes everything to `stream`, raising OutputError for a write or
    flush that fails with an OSError (a closed pipe stays a BrokenPipeError)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write text (OutputError if it cannot be); characters the stream's encoding has
        no code for are written as escapes ("Ng\\u0169g\\u0129"): a name in an output
        to a cp1252 file had ended the command in a UnicodeEncodeError traceback."""
        try:
            try:
                return self._stream.write(text)
            except UnicodeEncodeError:
                encoding = getattr(self._stream, "encoding", None) or "ascii"
                return self._stream.write(
                    text.encode(encoding, "backslashreplace").decode(encoding)
                )
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        """Flush the stream (OutputError if it cannot be)."""
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def stdout_takes_any_text() -> bool:
    """Whether standard output's encoding can write every character (UTF-8, or none known:
    a test's capture); JSON for any other is written all ASCII, with \\u escapes."""
    encoding = getattr(sys.stdout, "encoding", None)
    if not encoding:
        return True
    return codecs.lookup(encoding).name in ("utf-8", "utf-16", "utf-32", "utf-8-sig")


def to_stderr(text: str) -> bool:
    """Write text and a line break to stderr; whether it was written. With stderr closed
    (None: print() would have written to stdout, which may be a JSON pipe) or failing
    (2>&-, a full disk) the line is dropped, never written anywhere else."""
    stream = sys.stderr
    if stream is None:
        return False
    try:
        stream.write(f"{text}\n")
        stream.flush()
    except (OSError, ValueError):  # ValueError: a closed file
        return False
    return True


def _drop_unwritten(stream: TextIO) -> None:
    """Point the stream's file descriptor at the null device, so the text it could not write
    is not tried again (and reported as "Exception ignored") as Python exits."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # pytest's capture, a StringIO
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


class ClosedStdout:
    """Standard output of a process started with it closed (`racegui info F >&-`, where
    Python sets sys.stdout to None and print() writes nothing): a write raises OutputError,
    so a verb's output is not lost with exit code 0."""

    def write(self, text: str) -> int:
        """Raise OutputError (text that writes nothing passes)."""
        if not text:
            return 0
        raise OutputError("standard output is closed")

    def flush(self) -> None:
        """Nothing to flush."""


def run_with_checked_stdout(run: Callable[[], int], *, closed_is_error: bool = True) -> int:
    """run() with sys.stdout checked and flushed at the end; its exit code, or
    EXIT_OUTPUT_FAILED with one line on stderr if its output could not be written. With
    stdout closed at start, what run() prints is an error if closed_is_error (a verb), else
    dropped (the window, started from a launcher with no console)."""
    stream = sys.stdout
    if stream is None:
        if not closed_is_error:
            return run()
        sys.stdout = ClosedStdout()
        try:
            return run()
        except OutputError as exc:
            to_stderr(f"racegui: cannot write the output: {exc}")
            return EXIT_OUTPUT_FAILED
        finally:
            sys.stdout = None
    sys.stdout = CheckedStdout(stream)
    try:
        code = run()
        sys.stdout.flush()
        return code
    except OutputError as exc:
        _drop_unwritten(stream)
        to_stderr(f"racegui: cannot write the output: {exc}")
        return EXIT_OUTPUT_FAILED
    finally:
        sys.stdout = stream
