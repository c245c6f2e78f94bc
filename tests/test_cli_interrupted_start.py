"""Ctrl+C while racegui loads numpy, or a broken install, is one line, never a traceback
(tester R3: numpy turned the interrupt into an ImportError, and the command line then
failed on an error class it had not imported yet, an UnboundLocalError of 67 lines)."""

from __future__ import annotations

import sys
import types

import pytest

from racegui.cli import main
from racegui.resources_path import demo_race_path


class _Unloadable(types.ModuleType):
    """A module whose names cannot be imported: as numpy's C modules while Ctrl+C lands."""

    def __init__(self, interrupted: bool) -> None:
        super().__init__("racegui.model.replay")
        self._interrupted = interrupted

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if self._interrupted:
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt as exc:
                raise ImportError("numpy: C extensions failed to import") from exc
        raise ImportError("libopenblas.so.0: cannot open shared object file")


@pytest.mark.parametrize("argv", [["validate", str(demo_race_path())], ["info", "x.json"]])
def test_ctrl_c_while_loading_is_one_line(capsys, monkeypatch, argv):
    monkeypatch.setitem(sys.modules, "racegui.model.replay", _Unloadable(interrupted=True))
    assert main(argv) == 130
    assert capsys.readouterr().err == "racegui: interrupted\n"


def test_a_broken_install_is_one_line(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "racegui.model.replay", _Unloadable(interrupted=False))
    assert main(["validate", str(demo_race_path())]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("racegui: cannot start: libopenblas.so.0")
