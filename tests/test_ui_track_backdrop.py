"""The static track's labels: 100 m marks, START and FINISH never print over each other."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QImage, QPainter, QTransform

from racegui.model.track import Track
from racegui.ui.app import ensure_app
from racegui.ui.theme import DARK
from racegui.ui.track_backdrop import TrackBackdrop


def _labels(distance_m: float) -> list:
    ensure_app()
    backdrop = TrackBackdrop(Track(), distance_m)
    image = QImage(1400, 900, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    to_px = QTransform(7.0, 0.0, 0.0, -7.0, 700.0, 450.0)  # 7 px per metre, y up
    backdrop.paint(painter, to_px, DARK)
    painter.end()
    return backdrop.label_rects


@pytest.mark.parametrize("distance_m", [800.0, 1000.0, 1500.0, 1609.344, 3000.0, 5000.0])
def test_track_labels_do_not_overlap(distance_m):
    rects = _labels(distance_m)
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), (distance_m, a, b)


def test_a_start_on_a_mark_takes_the_marks_place():
    """A 1500 m starts at the 100 m mark: START was printed over '100 m'."""
    assert len(_labels(1500.0)) == 4  # 200 m, 300 m, FINISH and START
    assert len(_labels(800.0)) == 4  # 100, 200, 300 m and FINISH (it starts at the finish)
    assert len(_labels(1609.344)) == 5  # all three marks, FINISH and START
