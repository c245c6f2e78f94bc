"""A speed out of range is echoed as typed numbers are written (tester R3: --speed 1e9 was
"Speed 1000000000.0")."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.resources_path import demo_race_path


@pytest.mark.parametrize(("typed", "said"), [("1e9", "1e+09"), ("100", "100"), ("0.01", "0.01")])
def test_a_speed_out_of_range_is_echoed_plainly(capsys, tmp_path, typed, said):
    out = tmp_path / "x.mp4"
    assert main(["export", str(demo_race_path()), "-o", str(out), "--speed", typed]) == 2
    assert capsys.readouterr().err == (
        f"racegui export: Speed {said} must be from 0.0625 (1/16) to 64 times real time.\n"
    )
    assert not out.exists()
