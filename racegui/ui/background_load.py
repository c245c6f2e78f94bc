"""Reading a race file (or a CSV's first look for its dialog) off the GUI thread, so that
the window draws on while it is read.

The largest race file the limits allow (1,000 athletes of 1,000 splits) takes about 9 s to
read and check on a 2-core machine: opened on the GUI thread, the window froze that long.
Reading and compiling use no Qt (racegui.io, racegui.model), so a worker thread can do it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from racegui.io.replay_file import CsvOptions
from racegui.model.replay import Replay
from racegui.ui.loading import LoadError, load_replay

QUICK_S = 0.05
"""A file read within this (s) is shown without running the event loop at all (most are)."""
SHOW_AFTER_MS = 400
"""Time (ms) after which a "Reading NAME…" box says why the race has not changed yet."""
POLL_MS = 20
"""How often (ms) the GUI thread looks whether the reading is done."""
BOX_WIDTH_PX = 360
"""Least width (px) of the "Reading NAME…" box, so its title bar's "Opening race — racegui"
is not cut short (alone on the screen at launch, it was "Openi…acegui")."""
T = TypeVar("T")


def load_while_drawing(
    parent: QWidget | None, path: str | Path, options: CsvOptions | None = None
) -> Replay:
    """load_replay(path, options) in a worker thread while the GUI thread's event loop runs
    (the window repaints and plays on; a window-modal "Reading NAME…" box keeps other input
    out after SHOW_AFTER_MS). Raises LoadError here, on the GUI thread, as load_replay does."""
    replay = call_while_drawing(parent, Path(path), lambda: load_replay(path, options))
    assert isinstance(replay, Replay)
    return replay


def call_while_drawing(parent: QWidget | None, path: Path, read: Callable[[], T]) -> T:
    """read() (which reads path and uses no Qt) in a worker thread while the GUI thread's
    event loop runs, with the "Reading NAME…" box after SHOW_AFTER_MS (alone on the screen
    when parent is None: a file opened at launch). Returns what read returned, or raises
    here what it raised (MemoryError as a LoadError saying so)."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = read()
        except MemoryError:
            line = f"{path}: not enough memory to read it"
            outcome["error"] = LoadError(line, [line])
        except Exception as exc:  # raised again on the GUI thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="racegui-read", daemon=True)
    worker.start()
    worker.join(QUICK_S)
    if worker.is_alive():
        _wait_drawing(parent, path.name, worker)
    worker.join()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    return outcome["value"]  # type: ignore[return-value]


def _wait_drawing(parent: QWidget | None, name: str, worker: threading.Thread) -> None:
    """Run the event loop until `worker` is done, with the busy box after SHOW_AFTER_MS."""
    box = QProgressDialog(f"Reading {name}…", "", 0, 0, parent)
    box.setWindowTitle("Opening race")  # Qt adds " — racegui"
    box.setCancelButton(None)  # a thread reading cannot be stopped halfway
    box.setMinimumWidth(BOX_WIDTH_PX)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setMinimumDuration(SHOW_AFTER_MS)
    box.setValue(0)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    poll.start()
    try:
        loop.exec()
    finally:
        poll.stop()
        box.close()
        box.deleteLater()
