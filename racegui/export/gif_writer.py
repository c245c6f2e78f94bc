"""Animated GIF with one shared palette and exact frame delays (Pillow; see writer_base
for the interface every writer has)."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from racegui.export.palette_map import PaletteMap, code_rgb, rgb_codes
from racegui.export.writer_base import (
    ExportWriteError,
    WriterBase,
    commit_file,
    discard,
    failure_reason,
    rgb_frame,
)
from racegui.io.atomic import reserve_temp_path

GIF_PALETTE_SAMPLES = 16
"""Frames sampled (evenly) to build a GIF's shared palette when no sample is given."""
GIF_PALETTE_PIXELS = 1_000_000
"""Pixels the palette is built from at most (sample frames are subsampled to fit)."""
GIF_COLOURS = 255
"""Colours of a GIF's shared palette: one index of the 256 is left free, so that each frame
after the first can mark the pixels unchanged since the frame before as transparent (Pillow's
optimize). Those runs compress to almost nothing: a 10 s 640x360 clip of the demo took
0.71 MB instead of 3.86 MB, its frames decoding to the same pixels."""
GIF_KEY_COLOURS = 96
"""Palette entries kept at most for the key colours a GIF is given (the rest are quantised)."""
GIF_KEY_RADIUS = 4
"""Levels (0..255, on each channel) within which a sampled pixel counts as a key colour's and
is left out of the quantising of the rest."""

RGB = tuple[int, int, int]


def gif_durations_ms(frames: int, fps: float) -> list[int]:
    """Per-frame GIF delays (ms, multiples of 10) whose running total tracks ``k * 1000 / fps``.

    GIF stores delays in whole centiseconds, so 30 fps (33.3 ms) becomes 30, 40, 30, 30, 40,
    30, ... ms: frame k ends at round((k + 1) * 100 / fps) cs, so the total is the exact
    length rounded to 10 ms and no frame is off by more than 5 ms.
    """

    def end_cs(k: int) -> int:
        return math.floor(k * 100 / fps + 0.5)

    return [10 * (end_cs(k + 1) - end_cs(k)) for k in range(frames)]


def build_palette(
    frames: Sequence[np.ndarray], colors: int = GIF_COLOURS, keep: Sequence[RGB] = ()
) -> Image.Image:
    """A "P" image holding one palette of at most ``colors`` colours for all ``frames`` (RGB
    arrays).

    The ``keep`` colours (RGB, 0..255; the first GIF_KEY_COLOURS of them, repeats dropped)
    are in the palette exactly, however little of the frames they cover: median cut over the
    frames alone shared its entries out by area, so a small dot's colour (the modelled
    ghost's yellow, a pacer's blue) went into a box averaged with its neighbours and came
    out another colour. The frames are subsampled to at most GIF_PALETTE_PIXELS pixels in
    all; their colours not within GIF_KEY_RADIUS of a kept one take the entries left, each
    exactly if there is room, else as quantized with an octree: on the demo's frames it left
    far fewer pixels more than 16 levels off than median cut (700 against 3200 of 0.9
    million), in a smaller file.
    """
    if not frames:
        raise ValueError("build_palette needs at least one frame")
    keys = list(dict.fromkeys((int(r), int(g), int(b)) for r, g, b in keep))
    keys = keys[: min(GIF_KEY_COLOURS, colors)]
    pixels = sum(f.shape[0] * f.shape[1] for f in frames)
    step = max(1, math.ceil(math.sqrt(pixels / GIF_PALETTE_PIXELS)))
    width = min(f.shape[1] for f in frames)
    mosaic = np.concatenate([np.asarray(f)[::step, :width:step, :3] for f in frames], axis=0)
    distinct, inverse = np.unique(rgb_codes(mosaic).reshape(-1), return_inverse=True)
    away = ~_near_keys(distinct, keys)
    entries: list[int] = [v for c in keys for v in c]
    room = colors - len(keys)
    if 0 < np.count_nonzero(away) <= room:  # few enough to keep every one exactly
        entries += [int(v) for v in code_rgb(distinct[away]).reshape(-1)]
    elif room > 0 and away.any():
        rest = mosaic.reshape(-1, 3)[away[inverse.reshape(-1)]]
        image = Image.fromarray(np.ascontiguousarray(rest.reshape(1, -1, 3)), "RGB")
        quantized = image.quantize(
            colors=room, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
        entries += quantized.getpalette() or []
    palette = Image.new("P", (1, 1))
    palette.putpalette(entries)
    return palette


def _near_keys(codes: np.ndarray, keys: Sequence[RGB]) -> np.ndarray:
    """Which colours (codes 0xRRGGBB) are within GIF_KEY_RADIUS levels of one of ``keys``."""
    near = np.zeros(len(codes), dtype=bool)
    rgb = code_rgb(codes).astype(int)
    for key in np.array(keys, dtype=int).reshape(-1, 3):
        near |= np.abs(rgb - key).max(axis=1) <= GIF_KEY_RADIUS
    return near


class GifWriter(WriterBase):
    """An animated GIF (Pillow) with one shared palette, looping for ever.

    ``size`` is (width, height) in pixels; scaling down is the caller's business. Give
    ``palette_sample`` (a few representative RGB frames) and each frame is reduced to the
    palette as it arrives and kept at one byte per pixel; without it frames are kept as RGB
    (three bytes per pixel) and the palette is built at close() from GIF_PALETTE_SAMPLES of
    them. ``key_colours`` (RGB, 0..255) are the colours that tell the scene's things apart
    (its athletes', the target's, the theme's): the palette holds each exactly (see
    :func:`build_palette`). Delays follow :func:`gif_durations_ms`. Pillow merges identical
    consecutive frames into one longer frame, so the file may hold fewer frames than were
    written, with the same total duration.
    """

    def __init__(
        self,
        path: Path | str,
        size: tuple[int, int],
        fps: float,
        *,
        palette_sample: Sequence[np.ndarray] | None = None,
        key_colours: Sequence[RGB] = (),
        dither: bool = False,
    ) -> None:
        self.path = Path(path)
        self.size = size
        self.fps = fps
        self.frames_written = 0
        self._dither = Image.Dither.FLOYDSTEINBERG if dither else Image.Dither.NONE
        self._keep = tuple(key_colours)
        self._palette: Image.Image | None = None
        self._map: PaletteMap | None = None
        """Each colour's nearest palette entry (without dithering), made at the first frame."""
        if palette_sample:
            sample = [rgb_frame(f, size) for f in palette_sample]
            self._palette = build_palette(sample, keep=self._keep)
        self._frames: list[Image.Image | np.ndarray | None] = []
        self._tmp: Path | None = None
        self._files: tuple[Path, ...] = ()

    @property
    def duration_s(self) -> float:
        """Playing time (s): the sum of the frame delays."""
        return sum(gif_durations_ms(self.frames_written, self.fps)) / 1000

    @property
    def files(self) -> tuple[Path, ...]:
        """The destination, once close() has succeeded."""
        return self._files

    def open(self) -> None:
        """Create the temporary file."""
        self._tmp = reserve_temp_path(self.path)

    def write(self, frame: np.ndarray) -> None:
        """Keep one RGB frame (reduced to the palette now if there is one)."""
        if self._tmp is None:
            raise ExportWriteError("GifWriter.write() before open() or after close().")
        try:
            rgb = rgb_frame(frame, self.size)
        except ExportWriteError:
            self.abort()
            raise
        if self._palette is not None:
            self._frames.append(self._quantize(rgb))
        else:
            self._frames.append(rgb.copy())
        self.frames_written += 1

    def close(self) -> None:
        """Write the GIF to the temporary file and move it into place."""
        if self._tmp is None:
            raise ExportWriteError("GifWriter.close() before open() or after close().")
        if not self._frames:
            self.abort()
            raise ExportWriteError("No frames were written, so there is no GIF to save.")
        try:
            if self._palette is None:
                stored = self._frames
                picks = np.linspace(0, len(stored) - 1, min(GIF_PALETTE_SAMPLES, len(stored)))
                sample = [stored[round(i)] for i in picks]
                self._palette = build_palette(sample, keep=self._keep)
            durations = gif_durations_ms(len(self._frames), self.fps)
            first = self._as_image(self._frames[0])
            with open(self._tmp, "wb") as fh:
                first.save(
                    fh,
                    format="GIF",
                    save_all=True,
                    append_images=self._drain_images(),
                    duration=durations,
                    loop=0,
                    optimize=True,  # unchanged pixels transparent: see GIF_COLOURS
                    disposal=1,
                    palette=self._palette.getpalette(),
                )
            commit_file(self._tmp, self.path)
        except Exception as exc:
            self.abort()
            raise ExportWriteError(f"Could not write {self.path}: {failure_reason(exc)}") from exc
        self._tmp = None
        self._frames = []
        self._map = None
        self._files = (self.path,)

    def abort(self) -> None:
        """Drop the frames and delete the temporary file."""
        self._frames = []
        self._map = None
        discard(self._tmp)
        self._tmp = None

    def _quantize(self, rgb: np.ndarray) -> Image.Image:
        assert self._palette is not None
        if self._dither != Image.Dither.NONE:
            return Image.fromarray(rgb, "RGB").quantize(palette=self._palette, dither=self._dither)
        entries = self._palette.getpalette() or []
        if self._map is None:  # each pixel its nearest entry: see palette_map
            self._map = PaletteMap(np.array(entries).reshape(-1, 3))
        height, width = rgb.shape[:2]
        image = Image.frombytes("P", (width, height), self._map.indices(rgb).tobytes())
        image.putpalette(entries)
        return image

    def _as_image(self, item: Image.Image | np.ndarray) -> Image.Image:
        return item if isinstance(item, Image.Image) else self._quantize(item)

    def _drain_images(self) -> Iterator[Image.Image]:
        # Hand frames 1.. to Pillow one at a time, releasing our copy of each as it goes.
        for index in range(1, len(self._frames)):
            item = self._frames[index]
            self._frames[index] = None
            assert item is not None
            yield self._as_image(item)
