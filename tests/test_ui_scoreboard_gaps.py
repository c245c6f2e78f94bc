"""The scoreboard's gap lines: each dot in the colour of what she is measured against."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from racegui.io.replay_file import read_replay
from racegui.ui.overlay import BroadcastOverlay
from racegui.ui.race_status import Gap, RaceStatus, race_status
from racegui.ui.theme import DARK
from racegui.ui.ui_paths import demo_path


def _pixels_of(image: QImage, rgb: tuple[int, int, int]) -> int:
    ptr = image.constBits()
    a = np.frombuffer(ptr, np.uint8, image.sizeInBytes()).reshape(image.height(), -1, 4)
    b, g, r = a[..., 0], a[..., 1], a[..., 2]
    return int(np.count_nonzero((r == rgb[0]) & (g == rgb[1]) & (b == rgb[2])))


def test_target_gap_carries_the_targets_colour():
    replay = read_replay(demo_path())
    status = race_status(replay, replay.state_at(60.0))
    assert status.target_gap is not None
    assert status.target_gap.colour == replay.athletes[replay.target].colour  # the light's


def test_gap_dots_show_who_not_ahead_or_behind(qapp):
    """The pacing light's dot was salmon (behind) though the light is green everywhere else,
    and the 2023 ghost's dot green (ahead) though she is drawn white."""
    theme = replace(DARK, compare_colour="#0000ff")
    overlay = BroadcastOverlay(theme)
    status = RaceStatus(
        "1:00.00",
        "Lap 1 of 4",
        "4 laps to go",
        "399 m run",
        False,
        Gap("Sub-4 pacing light", 0.55, 3.7, "#00ff00"),
        Gap("Kipyegon 2023", -2.32, -15.0),
    )
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(0)
    painter = QPainter(image)
    overlay.paint_scoreboard(painter, QRectF(300.0, 200.0, 600.0, 400.0), status, "T", "V")
    painter.end()
    assert _pixels_of(image, (0, 255, 0)) > 20  # the light's green dot
    assert _pixels_of(image, (0, 0, 255)) > 20  # the compare colour's dot
