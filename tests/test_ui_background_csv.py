"""A big splits CSV is read off the GUI thread too, its dialog's first look and its reading
on OK alike, and a file opened at launch has its "Reading NAME…" box before any window
(tester R3: a 22 MB CSV showed no window for 95 s, then a dialog that sat unchanged for 76 s
after OK)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from racegui.io.errors import RaceFileError
from racegui.ui import background_load, csv_dialog
from racegui.ui.background_load import call_while_drawing
from racegui.ui.loading import load_replay
from tests.helpers_ticking import ticking

SLOW_S = 0.9
CSV = "athlete,distance_m,time\nfk,400,60.0\nfk,800,2:01.0\n"


def test_a_csv_is_looked_at_and_read_off_the_gui_thread(qapp, monkeypatch, tmp_path):
    path = tmp_path / "club.csv"
    path.write_text(CSV, encoding="utf-8")
    threads: list[str] = []
    prefill, load = csv_dialog.csv_prefill, load_replay

    def slow_prefill(*args):
        threads.append(threading.current_thread().name)
        time.sleep(SLOW_S)
        return prefill(*args)

    def slow_load(*args):
        threads.append(threading.current_thread().name)
        time.sleep(SLOW_S)
        return load(*args)

    monkeypatch.setattr(csv_dialog, "csv_prefill", slow_prefill)
    monkeypatch.setattr(background_load, "load_replay", slow_load)
    replay, ticks, _ = ticking(lambda: csv_dialog.open_csv(path, ask=False))
    assert replay is not None and replay.race.distance_m == 800
    assert len(threads) == 2 and threading.current_thread().name not in threads
    assert len([t for t in ticks if t < 2 * SLOW_S]) >= 2 * 8  # the event loop ran all along


def test_a_file_read_before_any_window_has_its_box_alone(qapp):
    def slow() -> str:
        time.sleep(SLOW_S)
        return "read"

    value, ticks, boxed = ticking(lambda: call_while_drawing(None, Path("big.json"), slow))
    assert value == "read"
    assert len([t for t in ticks if t < SLOW_S]) >= 8
    assert boxed  # "Reading big.json…", with no window behind it


def test_what_the_reading_raises_is_raised_on_the_gui_thread(qapp):
    def bad() -> None:
        time.sleep(0.2)
        raise RaceFileError(Path("x.csv"), [])

    with pytest.raises(RaceFileError):
        call_while_drawing(None, Path("x.csv"), bad)
