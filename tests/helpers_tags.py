"""Name tags as an export places them: each frame's tags and boxes over a stretch of the demo,
and the length of a tag's leader line."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import Replay, compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.overlay import BroadcastOverlay, Label
from racegui.ui.theme import DARK

FPS = 30.0


@dataclass
class Clip:
    """The demo's tags from start_s to end_s, as an export of that range places them."""

    replay: Replay
    frames: list[tuple[float, list[tuple[Label, QRectF | None]]]]
    """Per frame: race time (s) and each label with its box (None: hidden)."""
    repaint_changed: list[float] = field(default_factory=list)
    """Race times (s) where a second placement at the same time changed a box (a repaint
    while paused); recorded only with ``repaint``."""
    to_px: QTransform = field(default_factory=QTransform)
    """Metres to pixels on the track (the last frame's)."""


def record_clip(
    start_s: float,
    end_s: float,
    *,
    repaint: bool = False,
    size: tuple[int, int] = (1920, 1080),
    presentation: bool = False,
) -> Clip:
    """Export start_s to end_s (s) of the demo at `size` (px, 1920x1080 unless given) and
    FPS (in presentation mode if asked), recording every placement of its name tags; frames
    placed before start_s (the view's first paint, at the start of the race) are left out."""
    replay = compile_race(read_race(demo_race_path()))
    source = SceneFrameSource(replay, DARK, size, presentation=presentation)
    placer = source.scene.track.overlay._placer
    place = placer.place
    clip = Clip(replay, [])

    def spy(labels, widths, h, obstacles, bounds, *, t, **options):
        rects = place(labels, widths, h, obstacles, bounds, t=t, **options)
        if repaint and place(labels, widths, h, obstacles, bounds, t=t, **options) != rects:
            clip.repaint_changed.append(t)
        if t >= start_s - 1e-9:
            short = getattr(placer, "shortened", ())  # drawn with their short text
            drawn = [
                replace(lab, text=lab.short_text) if (lab.key or lab.text) in short else lab
                for lab in labels
            ]
            clip.frames.append((t, list(zip(drawn, rects, strict=True))))
        return rects

    placer.place = spy
    try:
        for k in range(round((end_s - start_s) * FPS) + 1):
            source.frame_at(start_s + k / FPS)
        clip.to_px = source.scene.track.data_to_scene()
    finally:
        source.close()
    return clip


def leader_px(lab: Label, rect: QRectF) -> float:
    """Length (px) of the leader line drawn from lab's marker edge to rect."""
    anchor = QPointF(lab.x + lab.nx * lab.radius, lab.y + lab.ny * lab.radius)
    edge = BroadcastOverlay._edge_point(rect, anchor)
    return float(np.hypot(edge.x() - anchor.x(), edge.y() - anchor.y()))


def spy_pocket_tags(monkeypatch) -> list[list[str]]:
    """The words of the pocket cam's tags, one list per frame drawn from now on (a spy on
    TagPainter.layout, for this test)."""
    from racegui.ui.pocket_tags import TagPainter

    named: list[list[str]] = []
    layout = TagPainter.layout

    def spy(self, rows, tags, *args, **kwargs):
        named.append([t.text for t in tags])
        return layout(self, rows, tags, *args, **kwargs)

    monkeypatch.setattr(TagPainter, "layout", spy)
    return named
