"""Short forms of athletes' names for tags and labels."""

from __future__ import annotations

PARTICLES = frozenset("da das de del della der di do dos du la las le los van von ten ter".split())
"""Lower-case words that join a name's parts ("de los Angeles", "van Beethoven")."""


def surname_words(name: str) -> list[str]:
    """The words of a name's surname: its last two where it has more than two ("Georgia
    Hunter Bell": Hunter Bell), unless the second last follows a particle and so ends the
    given names ("Maria de los Angeles Villavicencio": Villavicencio), else its last."""
    parts = name.split()
    if len(parts) > 2 and parts[-3].casefold() not in PARTICLES:
        return parts[-2:]
    return parts[-1:]


def short_name(name: str) -> str:
    """Surname for a tag ("Grant Fisher" -> "Fisher", "Georgia Hunter Bell" -> "Hunter
    Bell", "Maria de los Angeles Villavicencio" -> "Villavicencio": surname_words); a name
    whose last word is a number or one letter stays whole ("Pacer 10", "Runner A"), as does a
    one-word name."""
    parts = name.split()
    if len(parts) < 2 or parts[-1][:1].isdigit() or len(parts[-1]) == 1:
        return name
    return " ".join(surname_words(name))
