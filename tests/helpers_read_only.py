"""A file its user may not write, as a test running as root can have one."""

from __future__ import annotations

import os
from pathlib import Path

from racegui.io import atomic


def read_only_file(monkeypatch, path: Path, data: bytes = b"hello") -> Path:
    """Write data to path, mode 444, and make os.access (as atomic sees it) deny writing it:
    root may write any file, so this stands in for a user without the right."""
    path.write_bytes(data)
    path.chmod(0o444)
    real_access = os.access

    def access(p, mode):
        return False if os.fspath(p) == os.fspath(path) else real_access(p, mode)

    monkeypatch.setattr(atomic.os, "access", access)
    return path
