"""Keeping Qt's harmless offscreen chatter off the command line's stderr."""

from __future__ import annotations

import sys

from PySide6.QtCore import qInstallMessageHandler

HARMLESS = ("propagateSizeHints",)
"""Parts of Qt messages that say nothing to a user (the offscreen platform's complaint that
it cannot pass a window's size hints to a window manager it does not have)."""


def quiet_harmless_messages() -> None:
    """Drop Qt messages containing one of HARMLESS; pass every other on as before."""
    previous = None

    def handler(mode, context, message: str) -> None:
        if any(part in message for part in HARMLESS):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
