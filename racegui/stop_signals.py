"""Stop signals (Ctrl+C, kill, a closed terminal) noted in a list rather than raised, so that a
long task (an export, the window) stops cleanly between steps.

An exception raised by a handler can land inside a Qt paint call, where it is swallowed (an
export went on and wrote a frame drawn half), or inside an import. Light on purpose: the
command line sets these handlers before it imports numpy, scipy or Qt.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
"""Signals that stop an export or the window the way Cancel or Quit does."""

Handler = Callable[[int, object], None]


def stop_name(signum: int) -> str:
    """How a stop signal is named to the user: "Ctrl+C" for SIGINT, else its name."""
    return "Ctrl+C" if signum == signal.SIGINT else signal.Signals(signum).name


def install(handler: Handler) -> dict[int, object]:
    """Set `handler` for each of STOP_SIGNALS not already ignored (nohup's SIGHUP, a
    background job's SIGINT stay ignored); returns the handlers there were, for restore().
    Only the main thread can set handlers: elsewhere none are set."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    watched = [sig for sig in STOP_SIGNALS if signal.getsignal(sig) is not signal.SIG_IGN]
    return {sig: signal.signal(sig, handler) for sig in watched}


def restore(previous: dict[int, object]) -> None:
    """Put back the handlers install() replaced."""
    for sig, handler in previous.items():
        signal.signal(sig, handler)


@contextlib.contextmanager
def stop_requests() -> Iterator[list[int]]:
    """Within the block, STOP_SIGNALS are noted in the list yielded (check it between steps)."""
    received: list[int] = []
    previous = install(lambda signum, _frame: received.append(signum))
    try:
        yield received
    finally:
        restore(previous)
