"""Keeping the race's own words (title, venue, names, labels) within their places on screen.

A race file may hold a 200-character name or label. A label sized to such text widened the
side panel past the window and squeezed its tables; instead, texts are cut to a length there
is room for (the panel's limits below, the pocket cam's own), and the panel's labels that show
them may be narrower than their text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy

NAME_CHARS = 32
"""Longest athlete name or target label shown in the panel (characters)."""
PLACE_CHARS = 40
"""Longest venue shown in the panel header (characters)."""
TITLE_CHARS = 120
"""Longest race title shown in the panel header (characters; it wraps)."""


def clip_text(text: str, most: int) -> str:
    """text cut to at most ``most`` characters, ending in "…" when cut."""
    text = text.strip()
    if len(text) <= most:
        return text
    return text[: most - 1].rstrip() + "…"


def let_narrow(*labels: QLabel) -> None:
    """Let the labels be narrower than their text (the panel's width decides, not theirs)."""
    for label in labels:
        policy = label.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        label.setSizePolicy(policy)
