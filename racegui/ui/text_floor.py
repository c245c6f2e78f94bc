"""The least size of the text drawn on the track, in the pixels an audience sees."""

from __future__ import annotations

MIN_TRACK_TEXT_PX = 10.0
"""Smallest type on the track (px of the picture shown): the 100 m marks, the name tags, the
pocket cam's and the scoreboard's lines. A 1024x768 export, the 1080p layout drawn 0.71 times
as big, had them at 6-8 px; a 1920x1080 one's smallest is 13 px, so it is unchanged."""


def floored(px: float, floor: float) -> float:
    """A type size (px) no smaller than floor (px)."""
    return max(px, floor)
