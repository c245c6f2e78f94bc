"""Qt paint overrides that never take the app down: an exception is reported, not raised.

With PySide6 6.9-6.11 an exception raised by a Python override that Qt calls while painting
ends the process with a segmentation fault. A bug in drawing code must cost a frame's
graphics, not the user's session, so paint overrides are wrapped with :func:`guarded_paint`.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QPainter

F = TypeVar("F", bound=Callable[..., None])


def guarded_paint(method: F) -> F:
    """Wrap a paint override: a painter passed first is saved and restored around it, and an
    exception is printed to stderr (once per method) instead of reaching Qt."""
    reported = False

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        nonlocal reported
        painter = args[0] if args and isinstance(args[0], QPainter) else None
        if painter is not None:
            painter.save()
        try:
            method(self, *args, **kwargs)
        except Exception:
            if not reported:
                reported = True
                print(f"racegui: drawing failed in {method.__qualname__}:", file=sys.stderr)
                traceback.print_exc()
        finally:
            if painter is not None:
                painter.restore()

    return wrapper  # type: ignore[return-value]
