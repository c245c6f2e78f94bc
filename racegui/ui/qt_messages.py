"""Keeping Qt's harmless offscreen chatter off the command line's stderr."""

from __future__ import annotations

import sys

from PySide6.QtCore import qInstallMessageHandler

HARMLESS = ("propagateSizeHints",)
"""Parts of Qt messages that say nothing to a user (the offscreen platform's complaint that
it cannot pass a window's size hints to a window manager it does not have)."""
ONCE = ("OpenType support missing",)
"""Parts of Qt messages said once only: Qt repeats that no installed font shapes a script
each time text in it is laid out (an athlete named in Tamil gave 207 lines for one still)."""


def quiet_harmless_messages() -> None:
    """Drop Qt messages containing one of HARMLESS, say those containing one of ONCE the
    first time only; pass every other on as before."""
    previous = None
    said: set[str] = set()

    def handler(mode, context, message: str) -> None:
        if any(part in message for part in HARMLESS):
            return
        once = next((part for part in ONCE if part in message), None)
        if once is not None:
            if once in said:
                return
            said.add(once)
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
