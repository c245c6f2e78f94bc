"""The text of a file to read: refused when missing, not a regular file or too large, and
decoded (UTF-8, or UTF-16/UTF-32 with a byte-order mark; a CSV that is not UTF-8 as
Windows-1252, as Excel on Windows saves one) with a located error when it cannot be. Used for
race files (JSON) and splits CSVs alike."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from racegui.io.errors import Problem, RaceFileError

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest race file read (bytes); bigger files are refused before reading."""


def file_problem(path: Path) -> tuple[str, os.stat_result | None]:
    """What keeps a race file at path from being read ("no such file", "is a directory, not
    a race file", "cannot read: File name too long", ...; "" if nothing), and its stat."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return "no such file", None
    except OSError as exc:  # a name too long, a symlink loop, no permission
        return f"cannot read: {exc.strerror or exc}", None
    except ValueError:  # a NUL in the name
        return "cannot read: the name has a NUL character", None
    if stat.S_ISDIR(info.st_mode):
        return "is a directory, not a race file", info
    if not stat.S_ISREG(info.st_mode):  # a pipe or a device would be read for ever
        return "is not a regular file (a pipe or a device)", info
    return "", info


def read_bytes_limited(path: Path) -> bytes:
    """The file's bytes, refusing missing, non-regular and oversized files with one message."""
    problem, info = file_problem(path)
    if problem or info is None:
        raise RaceFileError(path, [Problem("", problem)])
    size = info.st_size
    if size > MAX_FILE_BYTES:
        raise RaceFileError(
            path,
            [
                Problem(
                    "",
                    f"file is too large ({size / 1e6:,.0f} MB; the limit is "
                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB)",
                )
            ],
        )
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise RaceFileError(path, [Problem("", f"cannot read: {exc.strerror}")]) from None


def decode_text(path: str | Path | None, data: bytes, *, csv: bool = False) -> str:
    """The file's text, as decode_text_as reads it."""
    return decode_text_as(path, data, csv=csv)[0]


def decode_text_as(path: str | Path | None, data: bytes, *, csv: bool = False) -> tuple[str, str]:
    """The file's text and the encoding it was read as ("utf-8", "utf-16", "utf-32" or
    "cp1252"): UTF-8 (BOM allowed), or UTF-16/UTF-32 with a BOM (what Windows programs save
    as "Unicode"), or for a CSV (csv: read as splits) that is not UTF-8, Windows-1252 when
    every byte of the file is a letter there (what Excel on Windows saves as "CSV"),
    decided once for the whole file; binary data or bad encoding give a located error,
    which says how to save it as a CSV or as a race file (JSON, which is UTF-8 alone: RFC
    8259). Lines that end in CR alone (old Mac files) end in LF: a CSV of them had 'no
    header row'."""
    wide = bom_encoding(data)
    encoding = wide or "utf-8"
    if wide is not None:
        text = _decode_wide(path, data, wide)
    elif not data.strip():
        raise RaceFileError(path, [Problem("", "file is empty")])
    elif b"\x00" in data[:4096]:
        raise RaceFileError(path, [Problem("", _nul_problem(data[:4096]))])
    else:
        text, encoding = _decode_plain(path, data, csv)
    if not text.strip():
        raise RaceFileError(path, [Problem("", "file is empty")])
    if "\x00" in text[:4096]:
        raise RaceFileError(path, [Problem("", "binary data, not a text file")])
    if "\r" in text and "\n" not in text:  # an old Mac's line ends (CR only): read as lines
        text = text.replace("\r", "\n")
    return text, encoding


CP1252_NOTE = (
    "Read as Windows-1252 (not UTF-8), as Excel on Windows saves a CSV: check that the "
    'names read right (é, ü); "CSV UTF-8" in Excel saves one as UTF-8.'
)
"""What reading a CSV as Windows-1252 notes (validate, import, info, the window's notes)."""


def bom_encoding(data: bytes) -> str | None:
    """The encoding whose byte-order mark data starts with ("utf-32", "utf-16"), or None."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"  # before UTF-16: FF FE 00 00 starts with UTF-16's FF FE too
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _decode_wide(path: str | Path | None, data: bytes, encoding: str) -> str:
    """data decoded as UTF-16 or UTF-32 (by its BOM), or an error at the bad character."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode(encoding, errors="replace")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        name = encoding.upper()
        raise RaceFileError(
            path,
            [
                Problem(
                    f"line {line}, column {col}",
                    f"not valid {name} text (a broken or cut-off character); save it as UTF-8",
                )
            ],
        ) from None


def _decode_plain(path: str | Path | None, data: bytes, csv: bool) -> tuple[str, str]:
    """data decoded as UTF-8 (BOM allowed), or for a CSV as Windows-1252 where every byte is
    a letter or a line's white space there, with the encoding read; else an error at the
    first byte that is not UTF-8, saying how to save a CSV as UTF-8 from Excel, or a race
    file (JSON) from a text editor."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        text = _cp1252_text(data) if csv else None
        if text is not None:
            return text, "cp1252"
        at = _neither_at(data, exc.start) if csv else exc.start
        line = data[:at].count(b"\n") + 1
        before = data[data.rfind(b"\n", 0, at) + 1 : at]
        char = len(before.decode("utf-8", errors="replace")) + 1  # a letter, not a CSV column
        raise RaceFileError(
            path,
            [
                Problem(
                    f"line {line}, character {char}",
                    _NOT_UTF8_CSV if csv else _NOT_UTF8_JSON,
                )
            ],
        ) from None


_NOT_CP1252 = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
"""Bytes that are no character in Windows-1252."""


def _neither_at(data: bytes, first: int) -> int:
    """Where (byte offset) a CSV that is neither UTF-8 nor Windows-1252 first has a byte
    that is neither: no Windows-1252 character and not inside a UTF-8 character; first (the
    first byte that is not UTF-8) where there is none (another reason Windows-1252 was
    refused: a control character). A file whose ü was Windows-1252 had been refused at the
    ü, not at the byte that fits neither (R9)."""
    for match in _NOT_CP1252.finditer(data, first):
        if not _in_utf8_character(data, match.start()):
            return match.start()
    return first


def _in_utf8_character(data: bytes, at: int) -> bool:
    """Whether the byte at offset `at` is part of a well-formed UTF-8 character."""
    for start in range(at, max(at - 4, -1), -1):
        lead = data[start]
        if 0x80 <= lead < 0xC0:  # a continuation byte: its lead is further back
            continue
        size = 2 if 0xC0 <= lead < 0xE0 else 3 if 0xE0 <= lead < 0xF0 else 4
        if lead < 0x80 or start + size <= at:
            return False
        try:
            data[start : start + size].decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    return False


def _cp1252_text(data: bytes) -> str | None:
    """data read as Windows-1252, or None where a byte is none of its letters (0x81, 0x8d,
    0x8f, 0x90, 0x9d) or a control character other than tab, line ends and form feeds: binary
    data, or another encoding."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any(ord(ch) < 0x20 and ch not in "\t\r\n\x0b\x0c" or ch == "\x7f" for ch in text):
        return None
    return text


_NOT_UTF8_CSV = (
    'not UTF-8 text (binary, or another encoding: save it as UTF-8, "CSV UTF-8" in Excel)'
)
_NOT_UTF8_JSON = (
    "not UTF-8 text, which a race file (JSON) must be: another encoding (such as Latin-1 "
    "or Windows-1252) or binary data; save the file as UTF-8 in a text editor"
)


def _nul_problem(head: bytes) -> str:
    """What a file with zero bytes in its head is: UTF-16 saved without a BOM (every other
    byte zero, as plain letters are), or binary data."""
    for zeros, rest in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if len(head) >= 4 and zeros.count(0) == len(zeros) and 0 not in rest:
            return "UTF-16 text without a byte-order mark: save it as UTF-8"
    return "binary data, not a text file"
