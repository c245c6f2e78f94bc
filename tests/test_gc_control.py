"""Garbage is collected on the GUI thread between frames, never automatically: collecting a
cycle of Qt objects mid-paint crashed a test run in QPainter::restore, and the export's
encoder thread allocates too (racegui.gc_control, as pyqtgraph's GarbageCollector)."""

from __future__ import annotations

import gc
import threading

import pytest

from racegui.gc_control import CollectBetweenFrames, collect_due


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collections():
    """The threads in which a collection started while the test ran (gc.callbacks)."""
    seen: list[str] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)

    gc.callbacks.append(note)
    was = gc.isenabled()
    gc.enable()  # as a plain command-line run has it
    yield seen
    gc.callbacks.remove(note)
    if not was:
        gc.disable()


def test_collect_due_collects_what_automatic_collection_would(collections):
    gc.disable()
    gc.collect()
    for _ in range(gc.get_threshold()[0] + 10):
        Cycle()
    assert collect_due() >= gc.get_threshold()[0]
    assert collect_due() == 0  # nothing due now
    assert collections and set(collections) == {"MainThread"}


def test_no_automatic_collection_between_enter_and_exit(collections):
    with CollectBetweenFrames() as frames:
        assert not gc.isenabled()
        for _ in range(5 * gc.get_threshold()[0]):
            Cycle()
        assert collections == []  # nothing collected unasked
        frames.frame_done()
        assert collections
    assert gc.isenabled()  # given back
    gc.disable()
    with CollectBetweenFrames():
        pass
    assert not gc.isenabled()  # off before: left off


def test_an_export_collects_only_on_its_own_thread_and_gives_automatic_back(
    collections, tmp_path, monkeypatch
):
    from racegui.cli import main
    from racegui.export.scene_source import SceneFrameSource
    from racegui.resources_path import demo_race_path

    automatic: list[bool] = []
    frame_at = SceneFrameSource.frame_at

    def spy(self, t):
        automatic.append(gc.isenabled())
        return frame_at(self, t)

    monkeypatch.setattr(SceneFrameSource, "frame_at", spy)
    out = tmp_path / "clip.mp4"
    argv = ["export", str(demo_race_path()), "-o", str(out), "--to", "0:03", "--fps", "10"]
    assert main([*argv, "--size", "320x180", "-q"]) == 0
    assert out.exists()
    assert len(automatic) == 31 and not any(automatic)  # off while it drew
    assert collections and set(collections) == {"MainThread"}  # not the encoder's thread
    assert gc.isenabled()


def test_the_window_collects_on_a_timer_while_it_runs(qtbot, collections):
    from racegui.ui.gc_timer import GuiThreadCollection

    collection = GuiThreadCollection()
    try:
        assert not gc.isenabled()
        garbage = [Cycle() for _ in range(2 * gc.get_threshold()[0])]
        del garbage
        qtbot.waitUntil(lambda: bool(collections), timeout=3000)
        assert set(collections) == {"MainThread"}
    finally:
        collection.stop()
    assert gc.isenabled()
