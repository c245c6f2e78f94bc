"""Atomic file writing: temporary file in the same directory, fsync, rename over the target.
The file gets the permissions a plain open() would give it, or keeps those of the file it
replaces (mkstemp alone made every file 0600). Exports reserve their temporary files here too,
named for the process writing them, so that what a killed process left is removed by the
next write to the same file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import time
from pathlib import Path

from racegui.io.errors import one_line


def same_file(a: Path, b: Path) -> bool:
    """Whether a and b name one file: the same path once resolved, or (both existing) the
    same file by another name (a link, RACE.PNG on a case-insensitive disk). False when
    either cannot be looked up (a name too long: writing it fails and says so)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except (OSError, RuntimeError, ValueError):
        return False


def refuse_read_only(dest: Path) -> None:
    """PermissionError for an existing file at dest that its owner may not write (write
    permission off): renaming a finished temporary file over it would replace it all the
    same. An export replaced a read-only GIF that import refused to write over (tester)."""
    try:
        info = os.stat(dest)
    except (OSError, ValueError):
        return
    if stat.S_ISREG(info.st_mode) and not os.access(dest, os.W_OK):
        raise PermissionError(errno.EACCES, "Permission denied (the file is read-only)", str(dest))


def missing_folder(dest: Path) -> str | None:
    """ "the folder 'clips' does not exist" if the folder dest would be written in does not,
    else None (None too for a name that cannot be looked up: writing it says why)."""
    try:
        found = dest.parent.is_dir()
    except (OSError, ValueError):
        return None
    return None if found else f"the folder {str(dest.parent)!r} does not exist"


def cannot_write(dest: Path, why: OSError | str) -> str:
    """The one line every verb says of a file it could not write: "clips/x.mp4: cannot
    write: Permission denied", why being the OSError raised (a missing folder named as
    missing_folder words it) or the reason already worded."""
    if isinstance(why, OSError):
        folder = missing_folder(dest) if why.errno == errno.ENOENT else None
        why = folder or why.strerror or str(why)
    return f"{one_line(str(dest))}: cannot write: {why}"


NOT_A_FILE = "it is not a regular file (a pipe or a device)"
"""Why a write to a pipe, a device or a socket is refused (its strerror)."""


class NotAFileError(OSError):
    """The destination of a write is a pipe, a device or a socket, not a file to replace."""


def refuse_special(dest: Path) -> None:
    """NotAFileError if what dest names (through symbolic links) is a pipe, a device or a
    socket, and OSError for a loop of links: renaming a finished file over it would remove
    it, and as root a symbolic link to /dev/full had been replaced by a race file
    (tester). A missing file, a plain file or a folder (which writing refuses itself) pass.
    """
    try:
        mode = os.stat(dest).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, "a loop of symbolic links", str(dest)) from None
        return
    except ValueError:  # a NUL in the name: writing it says so
        return
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # as the readers say it
        raise NotAFileError(errno.EEXIST, NOT_A_FILE, str(dest))


def write_target(dest: Path) -> Path:
    """The file a write to dest replaces: dest followed through symbolic links, so a link
    is written through and stays (refuse_special's errors for a pipe, a device or a loop)."""
    refuse_special(dest)
    return Path(os.path.realpath(dest))


STALE_AFTER_S = 600.0
"""Age (s, since last written) after which a temporary file of a process that no longer
runs is removed: a live write touches its file far more often than that."""

_TEMP_TAIL = re.compile(r"\.(\d+)-[0-9a-f]{8}\.(?:part|partdir|tmp)")
"""What follows ".NAME" in a temporary file's name: ".PID-XXXXXXXX.part" (or .partdir, .tmp)."""


def _process_gone(pid: int) -> bool:
    """Whether no process pid runs on this machine (never claimed on Windows, where
    os.kill would end the process rather than look for it)."""
    if os.name == "nt" or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # another user's process, or no way to tell
        return False
    return False


def remove_stale_temps(dest: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files (and PNG sequence folders) an earlier write to ``dest``
    left beside it when its process was killed outright (kill -9, a power cut): those named
    for dest whose process no longer runs and that were last written STALE_AFTER_S ago or
    more. Returns what was removed; what cannot be removed is left, silently. A kill -9
    during an export had left a hidden .NAME.mp4.XXXX.part for good (tester)."""
    now = time.time() if now is None else now
    prefix = f".{dest.name}"
    removed: list[Path] = []
    try:
        entries = list(os.scandir(dest.parent))
    except OSError:
        return removed
    for entry in entries:
        tail = _TEMP_TAIL.fullmatch(entry.name[len(prefix) :])
        if not entry.name.startswith(prefix) or tail is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if now - info.st_mtime < STALE_AFTER_S or not _process_gone(int(tail[1])):
                continue
            if stat.S_ISDIR(info.st_mode):
                shutil.rmtree(entry.path)
            elif stat.S_ISREG(info.st_mode):
                os.unlink(entry.path)
            else:
                continue
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def reserve_temp_path(dest: Path, suffix: str = ".part") -> Path:
    """Create an empty, uniquely named hidden file next to ``dest`` and return its path,
    ".NAME.PID-XXXXXXXX.part", after removing what killed writes to dest left
    (remove_stale_temps). A symbolic link is written through: the temporary file is made
    beside its target, which commit_file then replaces (the link stays).

    The file is created with the usual permissions (0666 less the umask, applied by the
    system), so renaming it over ``dest`` gives an ordinary file. Raises FileExistsError if
    no free name is found (after 100 tries) and OSError if the folder refuses the file.
    """
    dest = write_target(dest)
    remove_stale_temps(dest)
    for _ in range(100):
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}-{secrets.token_hex(4)}{suffix}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"Could not create a temporary file next to {dest}.")


def keep_mode(tmp: Path, dest: Path) -> None:
    """Give tmp the mode of the regular file at dest that it is to replace (nothing if there
    is none, or it cannot be read): a replaced file keeps its mode."""
    with contextlib.suppress(OSError):
        info = os.stat(dest)
        if stat.S_ISREG(info.st_mode):
            os.chmod(tmp, stat.S_IMODE(info.st_mode))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write data to path so that readers see the old file or the new one, never a mix.

    On any failure the temporary file is removed and an existing file at path is untouched;
    a file its owner may not write is refused (refuse_read_only), as an export refuses it.
    A new file is 0666 less the umask; a replaced file keeps its mode. A symbolic link is
    written through, as open() would: its target gets the new data and the link stays.
    """
    path = write_target(path)
    refuse_read_only(path)
    tmp = reserve_temp_path(path, ".tmp")
    try:
        keep_mode(tmp, path)
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text atomically (see write_bytes_atomic)."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (best effort: not every platform can open a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
