"""The default name of an export (the race title's words, joined by hyphens), and the frame
number of a PNG sequence's name."""

from __future__ import annotations

import re

FRAME_NUMBER_RE = re.compile(r"%0?(\d*)d")
"""A PNG sequence's frame number in a file name ("%d", "%04d"): a name with one is a
numbered sequence (export options), and it is no name of its own (the command line's -o)."""
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_WORDS = re.compile(r"[^\W_]+")


FILE_STEM_CHARS = 60
"""Longest default file name stem (characters): whole words of the title up to this."""


def file_stem(title: str) -> str:
    """A file name stem from a race title: "Faith Kipyegon's mile" -> "faith-kipyegons-mile"."""
    words = _WORDS.findall(_APOSTROPHES.sub("", title.lower()))
    stem = ""
    for word in words:  # whole words up to FILE_STEM_CHARS (a title may run to 300)
        longer = f"{stem}-{word}" if stem else word[:FILE_STEM_CHARS]
        if len(longer) > FILE_STEM_CHARS:
            break
        stem = longer
    return stem or "replay"
