"""A big race file is read off the GUI thread: the largest the limits allow takes about 9 s,
and opened on the GUI thread the window froze that long. The window now draws on (its timers
run), a "Reading NAME…" box says why after 0.4 s, and a bad file's message is as before."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from racegui.ui import background_load
from racegui.ui.loading import LoadError, load_replay
from racegui.ui.ui_paths import demo_path
from tests.helpers_ticking import ticking

SLOW_S = 1.2


@pytest.fixture
def slow_read(monkeypatch):
    """load_replay as if the file were big: SLOW_S seconds, on whichever thread; records
    the threads it ran on."""
    threads: list[str] = []

    def slow(path, options=None):
        threads.append(threading.current_thread().name)
        time.sleep(SLOW_S)
        return load_replay(path, options)

    monkeypatch.setattr(background_load, "load_replay", slow)
    return threads


def test_the_window_draws_on_while_a_big_file_is_read(window, slow_read):
    opened, ticks, boxed = ticking(lambda: window.open_path(demo_path("kipyegon-wr-2023.json")))
    assert opened
    assert slow_read and slow_read[0] != threading.current_thread().name
    assert window.replay.race.date.startswith("2023")
    during = [t for t in ticks if t < SLOW_S]
    assert len(during) >= 8  # the event loop ran all along (it had not run at all)
    assert boxed  # "Reading kipyegon-wr-2023.json…" once it took long
    assert (
        window.findChild(QProgressDialog) is None
        or not window.findChild(QProgressDialog).isVisible()
    )


def test_a_bad_big_file_says_what_is_wrong_as_before(window, monkeypatch, tmp_path):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))

    def slow_bad(path, options=None):
        time.sleep(0.3)
        raise LoadError(f"{path}: line 3, $.athletes: should be a list", ["line 3 problem"])

    monkeypatch.setattr(background_load, "load_replay", slow_bad)
    old = window.replay
    assert not window.open_path(tmp_path / "big.json")
    assert window.replay is old and shown and "line 3 problem" in shown[0]


def test_a_big_comparison_is_read_off_the_gui_thread_too(window, slow_read):
    assert window.open_compare(demo_path("kipyegon-wr-2023.json"))
    assert slow_read and slow_read[0] != threading.current_thread().name
    assert window.scene.track.compare is not None
