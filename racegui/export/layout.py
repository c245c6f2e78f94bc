"""How an export is laid out: the replay window's scene at a 1080 px short side, or bigger."""

from __future__ import annotations

from racegui.ui.presentation import presentation_scale

REFERENCE_HEIGHT_PX = 1080
"""Exports are laid out like a 1920x1080 window and scaled to other heights."""


def layout_size(size: tuple[int, int]) -> tuple[int, int]:
    """The size (px) an export of `size` (w, h px) is laid out at: its short side at
    REFERENCE_HEIGHT_PX and its aspect ratio, up to that; a bigger export at its own size."""
    w, h = size
    short = min(w, h)  # the height, or a portrait export's width
    if short <= REFERENCE_HEIGHT_PX:
        k = REFERENCE_HEIGHT_PX
        return round(k * w / short), round(k * h / short)
    return w, h


def layout_scale(size: tuple[int, int], presentation: bool = False) -> float:
    """Type and graphics scale of the scene an export of `size` (px) is laid out with: 1.0
    up to a 1080 px short side, in proportion above (a 4K export, 2.0); with
    ``presentation``, presentation mode's on a screen of the layout's size (1.4 at 16:9, 1.05
    square or portrait: see presentation_scale)."""
    w0, h0 = layout_size(size)
    if presentation:
        return presentation_scale(w0, h0)
    return max(1.0, min(w0, h0) / REFERENCE_HEIGHT_PX)
