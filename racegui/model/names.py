"""Short forms of athletes' names for tags and labels."""

from __future__ import annotations


def short_name(name: str) -> str:
    """Surname for a tag ("Grant Fisher" -> "Fisher", "Georgia Hunter Bell" -> "Hunter
    Bell"); a name whose last word is a number or one letter stays whole ("Pacer 10",
    "Runner A"), as does a one-word name."""
    parts = name.split()
    if len(parts) < 2 or parts[-1][:1].isdigit() or len(parts[-1]) == 1:
        return name
    return " ".join(parts[-2:]) if len(parts) > 2 else parts[-1]
