"""Shared checks of the command line's refusals."""

from __future__ import annotations

from pathlib import Path

from racegui.cli import main


def import_refused(path: Path, capsys, *options: str) -> str:
    """`racegui import PATH -o PATH.json [options]` refused: exit 2, one stderr line and no
    file written. Returns the line after its "PATH: "."""
    out = path.with_suffix(".json")
    assert main(["import", str(path), "-o", str(out), *options]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    assert not out.exists()
    assert err[0].startswith(f"{path}: ")
    return err[0].removeprefix(f"{path}: ")
