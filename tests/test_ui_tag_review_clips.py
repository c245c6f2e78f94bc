"""The two clips of a user review, as an export draws them (1080p, 30 fps, each started
afresh): 3:00-3:13, where the modelled ghost's tag was missing from 3:04.7 to 3:12.8 while
the pacers kept theirs, and 3:35-3:42, where the gap's tag jumped ~430 px at 3:40.4."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from tests.helpers_tags import leader_px, record_clip


@pytest.fixture(scope="module")
def first_clip(qapp):
    return record_clip(180.0, 193.0).frames


@pytest.fixture(scope="module")
def second_clip(qapp):
    return record_clip(215.0, 222.0).frames


def test_the_ghosts_tag_stays_shown_on_the_bend_by_the_pocket_cam(first_clip):
    """Wide, it finds no place beside its marker there: it slides along the track, as the
    light's does, instead of vanishing for 8 s (hidden in 224 of these frames before)."""
    missing = [
        round(t, 2)
        for t, rows in first_clip
        for lab, r in rows
        if lab.text.startswith("Modelled") and r is None
    ]
    assert not missing, missing


def test_the_forced_tags_do_not_hop_across_the_track(second_clip):
    """No frame moves the runner's or the gap's tag 150 px or more (the gap's ~430 px at
    3:40.4 before), and the runner's leader line stays under 140 px (~160 px before)."""
    last: dict[str, QPointF] = {}
    hops, longest = [], 0.0
    for t, rows in second_clip:
        for lab, r in rows:
            if not lab.forced or r is None:
                continue
            if lab.key in last and np.hypot(*(r.center() - last[lab.key]).toTuple()) >= 150:
                hops.append((lab.key, round(t, 2)))
            last[lab.key] = r.center()
            if lab.key == "runner":
                longest = max(longest, leader_px(lab, r))
    assert not hops, hops
    assert longest < 140.0


def test_no_two_tags_swap_places_back_and_forth(second_clip):
    """At 3:38.83-3:38.97 Fisher's and Teare's tags traded places every frame, ~130 px each
    way (user review): a place the gap's tag, moving a pixel or two, left clear one frame and
    shut the next. No tag now moves 60 px and back to within 20 px of where it was."""
    seen: dict[str, list[QPointF]] = {}
    bounces = []
    for t, rows in second_clip:
        for lab, r in rows:
            key = lab.key or lab.text
            if r is None:
                seen.pop(key, None)
                continue
            trail = seen.setdefault(key, [])
            trail.append(r.center())
            if len(trail) >= 3:
                a, b, c = (np.array(p.toTuple()) for p in trail[-3:])
                if min(np.hypot(*(b - a)), np.hypot(*(c - b))) > 60 and np.hypot(*(c - a)) < 20:
                    bounces.append((key, round(t, 2)))
    assert not bounces, bounces
