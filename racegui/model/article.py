"""The indefinite article of a phrase as it is said aloud: "an 800 m race", "a 1500 m race",
"an 11 m part lap", "an 800x600 GIF"."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d[\d,]*")
"""The whole-number part of a figure that starts a phrase ("1,500" as 1500)."""


def _sounds_vowel(phrase: str) -> bool:
    """Whether a phrase starts with a vowel's sound: a figure said starting "eight", "eleven"
    or "eighteen" (8, 80, 800, 11, 18, 11000, 18000...), else a word starting a, e, i, o."""
    number = _NUMBER.match(phrase)
    if number is not None:
        digits = number.group().replace(",", "")
        if digits.startswith("8"):
            return True
        return digits[:2] in ("11", "18") and len(digits) % 3 == 2  # eleven, eleven thousand
    return phrase[:1].lower() in ("a", "e", "i", "o")


def with_article(phrase: str) -> str:
    """The phrase after "a" or "an", as said aloud ("an 800 m race", "a 1500 m race")."""
    return f"{'an' if _sounds_vowel(phrase) else 'a'} {phrase}"
