"""A GIF keeps the colours that tell things apart: its one shared palette holds the scene's
athlete, target and theme colours exactly, and every pixel takes its nearest palette entry
(the Breaking4 demo's modelled ghost had come out salmon, the women pacers' ticks grey)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from racegui.export.frames import to_rgb
from racegui.export.gif_writer import GifWriter
from racegui.export.key_colours import hex_rgb, key_colours
from racegui.export.options import ExportOptions
from racegui.export.pipeline import export
from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.runner_accent import mark_colours
from racegui.ui.theme import DARK, LIGHT, theme_named

SIZE = (240, 160)
DOTS = {
    (40, 30): (255, 210, 63),  # the modelled ghost's yellow
    (40, 90): (192, 139, 255),  # the women pacers' purple
    (120, 60): (90, 169, 255),  # the pacers' blue
    (200, 120): (57, 255, 106),  # the target's green
    (160, 20): (255, 45, 111),  # the runner's pink
}
"""Centres (x, y) of 3x3-pixel dots on a busy background, and their colours."""


def busy_background() -> np.ndarray:
    """Smooth colour ramps over the whole frame: thousands of colours, all but the dots."""
    y, x = np.mgrid[0 : SIZE[1], 0 : SIZE[0]]
    frame = np.stack([60 + x // 2, 90 + y // 2, 40 + (x + y) // 4], axis=2)
    return frame.astype(np.uint8)


def dotted(shift: int = 0) -> np.ndarray:
    frame = busy_background()
    for (x, y), colour in DOTS.items():
        frame[y - 1 : y + 2, x - 1 + shift : x + 2 + shift] = colour
    return frame


def haloed(shift: int = 0) -> np.ndarray:
    """The dots, each in a glow of colours up to 16 levels off its own (as a marker's soft
    edge and halo are), on the busy background."""
    frame = busy_background()
    rng = np.random.default_rng(5)
    for (x, y), colour in DOTS.items():
        glow = np.clip(np.array(colour) + rng.integers(-16, 17, size=(13, 13, 3)), 0, 255)
        frame[y - 6 : y + 7, x - 6 + shift : x + 7 + shift] = glow
        frame[y - 1 : y + 2, x - 1 + shift : x + 2 + shift] = colour
    return frame


class HaloSource:
    """Frames of small glowing dots moving over a busy background; says its key colours."""

    size = SIZE
    key_colours = tuple(DOTS.values())

    def frame_at(self, t: float) -> np.ndarray:
        return haloed(int(t * 10) % 5)


def gif_frames(path) -> list[np.ndarray]:
    with Image.open(path) as gif:
        frames = []
        for k in range(gif.n_frames):
            gif.seek(k)
            frames.append(np.asarray(gif.convert("RGB")).astype(int))
    return frames


def dot_errors(frame: np.ndarray, shift: int = 0) -> dict[tuple[int, int, int], int]:
    """Worst channel error (levels) over each dot's 3x3 pixels."""
    out = {}
    for (x, y), colour in DOTS.items():
        patch = frame[y - 1 : y + 2, x - 1 + shift : x + 2 + shift]
        out[colour] = int(np.abs(patch - np.array(colour)).max())
    return out


def test_a_gif_writer_keeps_its_key_colours_with_or_without_a_palette_sample(tmp_path):
    for sample in (None, [dotted()]):
        out = tmp_path / "dots.gif"
        with GifWriter(out, SIZE, 10, palette_sample=sample, key_colours=DOTS.values()) as w:
            w.write(dotted())
        (frame,) = gif_frames(out)
        assert dot_errors(frame) == dict.fromkeys(DOTS.values(), 0)


def test_without_key_colours_no_pixel_is_far_off(tmp_path):
    """More colours than the palette holds: the entries are shared out over the colours, not
    by area, so the small dots come out close (median cut had put them 143 levels off)."""
    out = tmp_path / "dots.gif"
    with GifWriter(out, SIZE, 10, palette_sample=[dotted()]) as writer:
        writer.write(dotted())
    (frame,) = gif_frames(out)
    assert max(dot_errors(frame).values()) <= 12
    assert np.abs(frame - dotted()).max() <= 12


def test_an_exported_gif_keeps_the_source_s_key_colours_exactly(tmp_path):
    """The export hands the source's key colours to the GIF (without them the octree took
    each dot in with its glow: 3 to 8 levels off)."""
    out = tmp_path / "dots.gif"
    export(HaloSource(), ExportOptions(output=out, size=SIZE, fps=10, to_s=0.4))
    frames = gif_frames(out)
    assert len(frames) == 5
    for k, frame in enumerate(frames):
        assert dot_errors(frame, k) == dict.fromkeys(DOTS.values(), 0)
        # The rest, which no key colour names, stays close too.
        assert np.abs(frame - haloed(k)).max(axis=2).mean() < 5


def test_the_key_colours_are_the_race_s_athletes_target_and_theme():
    replay = compile_race(read_race(demo_race_path()))
    keys = key_colours(replay, DARK)
    assert keys[:2] == ((255, 45, 111), (57, 255, 106))  # Kipyegon, then the pacing light
    for colour in ((255, 210, 63), (192, 139, 255), (90, 169, 255)):  # ghost, women, men
        assert colour in keys
    assert (63, 185, 80) in keys and (248, 81, 73) in keys  # the theme's ahead and behind
    assert (210, 153, 34) in keys  # the dropout ticks'
    assert len(set(keys)) == len(keys)
    assert (0, 200, 83) in key_colours(replay, LIGHT)  # the light theme's target glow


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_demo_s_gif_shows_every_athlete_in_the_colour_its_still_has(qapp, tmp_path, theme):
    """The GIF's first frame against a still of the same moment: wherever the still shows an
    athlete's or the target's own colour, the GIF shows it within a few levels. (On the light
    theme the light's and the ghost's tag dots are in their deeper shades, test_ui_ghost_marks:
    the ghost's own yellow had been only in its dot.)"""
    replay = compile_race(read_race(demo_race_path()))
    t = 181.0  # 3:01: the modelled ghost and the dropout ticks in view
    source = SceneFrameSource(replay, theme_named(theme), (640, 360))
    try:
        still = to_rgb(source.frame_at(t)).astype(int)
        source.reset()
        out = tmp_path / "demo.gif"
        export(source, ExportOptions(output=out, size=(640, 360), fps=10, from_s=t, to_s=t + 0.1))
    finally:
        source.close()
    frame = gif_frames(out)[0]
    athletes = {hex_rgb(a.colour) for a in replay.athletes}
    athletes |= {hex_rgb(c.name()) for c in mark_colours(replay, theme_named(theme))}
    seen = 0
    for colour in athletes:
        where = np.all(still == np.array(colour), axis=2)
        if where.any():
            seen += 1
            worst = np.abs(frame[where] - np.array(colour)).max()
            assert worst <= 3, (colour, worst)
    assert seen >= 4  # the runner, the light, the ghost, the pacers
