"""A GIF keeps the colours that tell things apart: its one shared palette holds the scene's
athlete, target and theme colours exactly, and every pixel takes its nearest palette entry
(the Breaking4 demo's modelled ghost had come out salmon, the women pacers' ticks grey)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from racegui.export.gif_writer import GifWriter

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
