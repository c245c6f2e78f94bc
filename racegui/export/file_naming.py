"""The default name of an export (the race title's words, joined by hyphens), the frame
number of a PNG sequence's name, and the names a file is not written under (name_problem)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

FRAME_NUMBER_RE = re.compile(r"(?<!%)(?:%%)*%0?(\d*)d")
"""A PNG sequence's frame number in a file name ("%d", "%04d"; not the "%d" of "%%d", a per
cent sign then a d): a name with one is a numbered sequence (export options), and it is no
name of its own (the command line's -o). A name without one is a still's, written as typed,
"%%" and all: only a sequence's name is filled in printf-style ("50%%_%04d.png")."""
_INVISIBLE_RE = re.compile(
    "[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
    "|(?<![^\x00-\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\x00-\x7f])"
)
"""Characters a file name shows nothing of: zero width space, word joiner, byte order mark,
the bidi controls and marks (U+202E shows "race\u202egnp.exe" as "raceexe.png"); and the zero
width (non-)joiner, except between two characters beyond ASCII, where it joins letters of
Persian or Indic words or the emoji of a family."""
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")
"""Control characters (a tab, a line break): no file name a user means holds one (a name
pasted with a tab inside it had been written, K47)."""
_HIDING_RE = re.compile(r"\.+\s|\.\.")
"""The start of a name hidden by mistake: a dot and a space (". race.json") or two dots
("..race.json", the slash of "../race.json" left out). One dot before a name is a dotfile,
named so on purpose (".race.json")."""
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


def _name_of(character: str) -> str:
    """A character of a file name in words: "a space", "a tab", "U+200B (zero width space)"."""
    said = {" ": "a space", "\t": "a tab", "\n": "a line break", "\r": "a line break"}.get(
        character
    )
    if said is not None:
        return said
    name = unicodedata.name(character, "").lower()
    return f"U+{ord(character):04X}" + (f" ({name})" if name else "")


def _suffix_of(name: str) -> tuple[str, str]:
    """(stem, suffix) of a file name: ("race", ".json"); ("race", "") where it has none, as
    "race" or "race." (a suffix of only spaces is none)."""
    before, dot, after = name.rpartition(".")
    if not dot or not after.strip():
        return name, ""
    return before, dot + after


def _no_name(path: Path) -> str | None:
    """Why path's file name is no name (only spaces, or nothing, dots or spaces before its
    suffix or besides its frame number), or None."""
    name = path.name
    before, suffix = _suffix_of(name)
    if not suffix:
        return (
            f"the file name {name!r} is only spaces: type a file name" if name.isspace() else None
        )
    suffix = "." + suffix[1:].strip()
    frame = FRAME_NUMBER_RE.search(before)
    if frame is not None:  # a PNG sequence: its frame number is no name (".%04d.png")
        if FRAME_NUMBER_RE.sub("", before).replace(".", " ").strip():
            return None
        example = str(path.with_name(f"race_{frame.group()}{suffix}"))
        return (
            f"the file name {name!r} has no name before its frame number: type one, such as "
            f"{example!r}"
        )
    if before.replace(".", " ").strip():
        return None
    if not before:
        what = "only the suffix"
    elif not before.strip():
        what = f"only spaces before {suffix}"
    else:
        what = f"only dots{' and spaces' if before.strip('.') else ''} before {suffix}"
    example = str(path.with_name("race" + suffix))
    return (
        f"the file name {name!r} is {what}: type a file name before {suffix}, such as {example!r}"
    )


def _tidied(name: str) -> str:
    """name without what name_problem refuses: invisible characters, blanks at either end
    and before the suffix, and dots and blanks that hide it."""
    name = _CONTROL_RE.sub("", _INVISIBLE_RE.sub("", name)).strip()
    stem, suffix = _suffix_of(name)
    name = stem.rstrip() + suffix
    return name.lstrip(". \t") if _HIDING_RE.match(name) else name


def name_problem(path: Path) -> str | None:
    """Why a file is not written under path's name, or None: one clause naming the name
    and what to type ("the file name ' race.json' starts with a space: type it as
    'race.json'"). Refused: a name that is no name (only spaces, or only dots or spaces
    before its suffix or besides a PNG sequence's frame number: it would be a hidden file);
    a character of it that shows nothing (_INVISIBLE_RE) or a control character (a tab inside
    it: _CONTROL_RE); a blank at its start, its end or just before its suffix; and a start
    that hides it by mistake (_HIDING_RE). Spaces inside a name ("mile final.mp4") and a
    dotfile (".race.json") are kept. The folders the name is in are not looked at."""
    name = path.name
    invisible = _INVISIBLE_RE.search(name)
    if invisible is None:  # first: with it gone the name may still be no name
        no_name = _no_name(path)
        if no_name is not None:
            return no_name
    if invisible is None:
        control = _CONTROL_RE.search(name)  # a tab at either end is a blank there
        problem = _slip(name) or (control and f"has {_name_of(control.group())} in it")
    else:
        problem = f"has {_name_of(invisible.group())} in it"
    if problem is None:
        return None
    tidy = _tidied(name)
    if not tidy or _no_name(path.with_name(tidy)) is not None:
        tidy = "race" + _suffix_of(tidy)[1]
    return f"the file name {name!r} {problem}: type it as {str(path.with_name(tidy))!r}"


def name_problem_sentence(path: Path) -> str | None:
    """name_problem as a sentence, for a dialog ("The file name ... 'race.json'.")."""
    problem = name_problem(path)
    return None if problem is None else problem[0].upper() + problem[1:] + "."


def _slip(name: str) -> str | None:
    """What in a file name of visible characters is a slip (see name_problem), or None."""
    stem, suffix = _suffix_of(name)
    if name[:1].isspace():
        return f"starts with {_name_of(name[0])}"
    if name[-1:].isspace():
        return f"ends with {_name_of(name[-1])}"
    if suffix and stem[-1:].isspace():
        return f"has {_name_of(stem[-1])} before {suffix}"
    if _HIDING_RE.match(name) and name != "..":  # "..", the folder above, is no slip
        how = "a dot and a space" if name[1:2].isspace() else "more than one dot"
        return f"starts with {how}, so the file would be hidden"
    return None
