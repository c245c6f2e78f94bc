"""Export frames patch only what moved, and still equal a frame drawn from scratch."""

from contextlib import contextmanager

import numpy as np
import pytest

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.theme import DARK, LIGHT
from racegui.ui.track_frames import TrackFrames

TIMES = np.concatenate([np.arange(0.0, 250.0, 2.3), [95.0, 95.1, 95.2, 246.4, 247.0]])
"""Across the race: start, laps, dropouts (~117-119 s), bell, finish, after the finish."""


@pytest.fixture(scope="module")
def replay():
    return compile_race(read_race(demo_race_path()))


@contextmanager
def two_sources(replay, size, *, panel=True, theme=DARK, scratch_theme=None):
    """A source whose frames are patched and one whose frames are drawn from scratch."""
    patched = SceneFrameSource(replay, theme, size, panel=panel)
    scratch = SceneFrameSource(replay, scratch_theme or theme, size, panel=panel)
    try:
        yield patched, scratch
    finally:
        patched.close()
        scratch.close()


def drawn_from_scratch(source: SceneFrameSource, t: float) -> np.ndarray:
    """Frame t in a new image (the whole still is copied, nothing is patched)."""
    source.scene._frame_image = None
    return source.frame_at(t).copy()


@pytest.mark.parametrize(
    ("size", "panel", "theme"),
    [
        ((640, 360), True, DARK),
        ((800, 800), False, LIGHT),
        ((1280, 720), True, LIGHT),
        ((1920, 1080), True, DARK),  # unscaled: the panel copies only what it redrew
    ],
)
def test_patched_frames_equal_frames_drawn_from_scratch(qapp, replay, size, panel, theme):
    with two_sources(replay, size, panel=panel, theme=theme) as (patched, scratch):
        for t in TIMES:
            a = patched.frame_at(float(t))
            b = drawn_from_scratch(scratch, float(t))
            assert np.array_equal(a, b), f"t = {t:.2f} s"


def test_without_tags_or_pocket_cam_frames_still_equal(qapp, replay):
    with two_sources(replay, (640, 360)) as (patched, scratch):
        for source in (patched, scratch):
            source.scene.track.set_labels_visible(False)
            source.scene.track.set_pocket_visible(False)
        for t in TIMES[::3]:
            assert np.array_equal(patched.frame_at(float(t)), drawn_from_scratch(scratch, t))


def test_the_comparison_can_fail_without_repair(qapp, replay, monkeypatch):
    """Forgetting what moved leaves trails of old markers: the comparison above sees them."""
    monkeypatch.setattr(TrackFrames, "_moving_rects", lambda self, area, *a: [])
    with two_sources(replay, (640, 360)) as (patched, scratch):
        patched.frame_at(100.0)
        a = patched.frame_at(103.0)
        assert not np.array_equal(a, drawn_from_scratch(scratch, 103.0))


def test_a_new_theme_repaints_the_still(qapp, replay):
    with two_sources(replay, (640, 360), scratch_theme=LIGHT) as (patched, scratch):
        patched.frame_at(60.0)
        scratch.frame_at(60.0)  # the same history: tags keep last frame's spot (TagPlacer)
        patched.scene.set_theme(LIGHT)
        assert np.array_equal(patched.frame_at(61.0), drawn_from_scratch(scratch, 61.0))


def test_export_frame_looks_like_the_window(qapp, replay):
    """The patched export frame and the window's own paint differ by at most a pixel's
    placement of a tag and the backdrop's resampling: almost every pixel agrees."""
    source = SceneFrameSource(replay, DARK, (1920, 1080))
    try:
        for t in (40.0, 150.0, 240.0):
            a = source.frame_at(t).astype(int)
            window = source.scene.render_image(t, (1920, 1080))  # QWidget.render, no patching
            ptr = window.constBits()
            b = np.frombuffer(ptr, np.uint8).reshape(1080, window.bytesPerLine())[:, : 1920 * 4]
            b = b.reshape(1080, 1920, 4).astype(int)
            off = np.abs(a[..., :3] - b[..., :3]).max(axis=2) > 40
            assert off.mean() < 0.005, f"t = {t}: {off.mean():.2%} of pixels differ"
    finally:
        source.close()


def test_export_paints_every_item_of_the_track_scene(qapp, replay):
    """Exports paint the view's moving items directly; nothing else in its scene may draw."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QGraphicsRectItem

    source = SceneFrameSource(replay, DARK, (640, 360))
    try:
        source.frame_at(100.0)
        view = source.scene.track
        moving = {id(item) for item in view.moving_items()}
        for item in view.scene().items():
            if id(item) in moving or item in (view.vb, view.vb.childGroup):
                continue
            assert isinstance(item, QGraphicsRectItem), type(item).__name__
            invisible = item.pen().style() == Qt.PenStyle.NoPen
            invisible &= item.brush().style() == Qt.BrushStyle.NoBrush
            assert invisible or not item.isVisible(), item
    finally:
        source.close()
