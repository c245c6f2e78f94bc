"""The room a window has on its screen: the screen's available area less the window's frame.

Sizes here are a widget's own (logical) px: at QT_SCALE_FACTOR=1.5 a 1366x768 laptop is
911x512 of them, and a window's title bar and borders come off that too (a window as high as
the available area had its controls bar cut by the screen's bottom edge under its title bar).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

FRAME_GUESS = QMargins(8, 40, 8, 8)
"""A window's frame (px: left, top, right, bottom) before the window manager has drawn it:
a title bar of up to 40 px and thin borders (Qt knows the frame only once the window shows)."""


def frame_margins(window: QWidget | None) -> QMargins:
    """The frame round `window` (px), or FRAME_GUESS while it has none yet (unshown)."""
    if window is None:
        return QMargins(FRAME_GUESS)
    outer, inner = window.frameGeometry(), window.geometry()
    if outer == inner:
        return QMargins(FRAME_GUESS)
    return QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )


def room(screen: QScreen | None, frame: QMargins | None = None) -> QSize | None:
    """The largest size (px) a window framed by `frame` (FRAME_GUESS if None) can have inside
    the screen's available area; None where there is no screen."""
    if screen is None:
        return None
    frame = FRAME_GUESS if frame is None else frame
    area = screen.availableGeometry()
    return QSize(
        max(1, area.width() - frame.left() - frame.right()),
        max(1, area.height() - frame.top() - frame.bottom()),
    )


def fitted(wanted: QSize, space: QSize | None) -> QSize:
    """`wanted` cut to `space` in each direction (unchanged where space is None)."""
    if space is None:
        return QSize(wanted)
    return wanted.boundedTo(space)


def window_room(widget: QWidget) -> QSize | None:
    """The room (px) for `widget`'s top-level window on the screen it is on (see room)."""
    window = widget.window()
    return room(window.screen(), frame_margins(window))
