"""An export is the same file whatever the screen or fonts of the machine it runs on.

Each case runs ``racegui export`` twice in fresh processes, once on the plain offscreen screen
and once on a HiDPI one or with no fonts installed, and compares the frames pixel for pixel.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from racegui.resources_path import demo_race_path

HIDPI_SCREEN = {
    "screens": [
        {
            "name": "hidpi",
            "x": 0,
            "y": 0,
            "width": 1024,
            "height": 640,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 2,
        }
    ]
}
"""A small laptop screen at a device pixel ratio of 2 (the offscreen platform's config)."""

MAC_SCREEN = {
    "screens": [
        {
            "name": "mac",
            "x": 0,
            "y": 0,
            "width": 1440,
            "height": 900,
            "logicalDpi": 72,
            "logicalBaseDpi": 72,
            "dpr": 1,
        }
    ]
}
"""A screen at 72 logical dpi, as macOS reports (points there are pixels)."""

NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""
"""A fontconfig setup that finds no fonts at all, like a bare server or container."""


def _export(out_dir, args, env_extra):
    """Run an export of a few PNG frames in a new process; return the frames as arrays."""
    out_dir.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(env_extra)
    run = subprocess.run(
        [sys.executable, "-m", "racegui", "export", str(demo_race_path()), "-q"]
        + ["-o", str(out_dir / "f_%02d.png"), *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    files = sorted(out_dir.glob("f_*.png"))
    return [np.asarray(Image.open(f).convert("RGB")) for f in files]


@pytest.mark.parametrize(
    ("args", "machine"),
    [
        # The default size and theme, with the side panel and a title card, on a screen
        # scaled 2x by QT_SCALE_FACTOR.
        (["--from", "2:00", "--to", "2:01", "--fps", "2", "--title-card", "0.5"], "scale"),
        # A 720p light export on a small DPR-2 screen.
        (
            ["--from", "1:10", "--to", "1:11", "--fps", "2", "--size", "720p", "--theme", "light"],
            "config",
        ),
        # A 72 dpi screen: the panel's text was a quarter smaller.
        (["--from", "2:30", "--to", "2:31", "--fps", "2"], "72dpi"),
        # Title card and race frames on a machine without any fonts.
        (["--from", "3:00", "--to", "3:01", "--fps", "2", "--title-card", "0.5"], "no-fonts"),
    ],
)
def test_frames_do_not_depend_on_the_machine(tmp_path, args, machine):
    if machine == "scale":
        other_env = {"QT_SCALE_FACTOR": "2"}
    elif machine in ("config", "72dpi"):
        config = tmp_path / "screen.json"
        config.write_text(json.dumps(HIDPI_SCREEN if machine == "config" else MAC_SCREEN))
        other_env = {"QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    else:
        config = tmp_path / "fonts.conf"
        config.write_text(NO_FONTS.format(cache=tmp_path / "fc-cache"))
        other_env = {"FONTCONFIG_FILE": str(config)}
    plain = _export(tmp_path / "plain", args, {})
    other = _export(tmp_path / "other", args, other_env)
    assert len(plain) == len(other) >= 3  # three race frames (and a title card frame)
    for k, (a, b) in enumerate(zip(plain, other, strict=True)):
        diff = np.abs(a.astype(int) - b.astype(int)).max(axis=-1)
        assert diff.max() == 0, f"frame {k}: {(diff > 0).sum()} pixels differ (max {diff.max()})"
