"""Name tags on the final straight, as an export draws them (1080p, 30 fps, each clip started
afresh), after a presenter's review: stepped-off pacers' faded tags stayed on the home
straight at the finish (and one popped in 2 s after its dropout), and the light's faded tag
covered the finish line as she crossed."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF

from racegui.model.track import LANE1_LINE_M
from tests.helpers_tags import record_clip

SHOWN_AFTER_DROPOUT_S = 3.0
"""Longest a stepped-off pacer's tag may show after its dropout (s)."""
APPEARS_AFTER_DROPOUT_S = 1.5
"""Latest a stepped-off pacer's tag may first appear after its dropout (s)."""


@pytest.fixture(scope="module")
def final_straight(qapp):
    """3:50 to 4:08: every pacer still running at 3:50 steps off (3:53.1 to 4:03.1)."""
    return record_clip(230.0, 248.0)


@pytest.fixture(scope="module")
def finish(qapp):
    """The review's --from 4:00 --to 4:10."""
    return record_clip(240.0, 250.0)


def test_a_stepped_off_pacers_tag_goes_soon_after_its_dropout(final_straight):
    """Faded tags showed 8 s after a dropout (Engels's until 4:01.1, Laros's from 4:02.1 to
    4:06.1, 4 s after his): now none shows more than SHOWN_AFTER_DROPOUT_S after its pacer
    stepped off, and none first appears later than APPEARS_AFTER_DROPOUT_S."""
    r = final_straight.replay
    drop = {}
    for i, a in enumerate(r.athletes):
        if r.roles[i] == "pacer" and np.isfinite(r.dropout_time_s[i]):
            drop[a.name] = float(r.dropout_time_s[i])
    late, popped, was = [], [], set()
    for t, rows in final_straight.frames:
        now = set()
        for lab, rect in rows:
            if rect is None or not lab.faded:
                continue
            name = next((n for n in drop if n.endswith(lab.text) or n == lab.text), None)
            if name is None:
                continue
            now.add(name)
            since = t - drop[name]
            if since > SHOWN_AFTER_DROPOUT_S:
                late.append((lab.text, round(t, 2)))
            if name not in was and since > APPEARS_AFTER_DROPOUT_S:
                popped.append((lab.text, round(t, 2)))
        was = now
    assert not late, late[:10]
    assert not popped, popped


def _line_boxes(clip) -> list[QRectF]:
    """Pixel boxes of the finish line across the track (the line's own width)."""
    track = clip.replay.track
    to_px = clip.to_px
    kerb = -LANE1_LINE_M
    outer = kerb + track.lanes * track.lane_width_m
    out = []
    for s in (0.0,):
        x, y, _ = track.xy(np.array([s, s]), np.array([kerb, outer]))
        a = to_px.map(QPointF(float(x[0]), float(y[0])))
        b = to_px.map(QPointF(float(x[1]), float(y[1])))
        out.append(QRectF(a, b).normalized().adjusted(-1.5, 0, 1.5, 0))
    return out


def test_no_tag_covers_the_finish_line_at_the_finish(finish):
    """From 4:00 the faded "Sub-4 pacing light 4:00.00" tag, parked at the line, covered the
    finish line as she crossed (frame ~193 of --from 4:00): no tag box now overlaps the
    finish line across the track. (The mile's start line, 9.3 m before it, was kept clear
    too at first; the tags parked between the two lines then hopped up to 314 px.)"""
    lines = _line_boxes(finish)
    over = [
        (lab.text, round(t, 2))
        for t, rows in finish.frames
        for lab, rect in rows
        if rect is not None and any(rect.intersects(b) for b in lines)
    ]
    assert not over, over[:10]


@pytest.fixture(scope="module")
def portrait_approach(qapp):
    """3:45 to 3:58 in a portrait export (the review's 1080x1920): the ghosts' last 40 m."""
    return record_clip(225.0, 238.0, size=(1080, 1920))


@pytest.mark.parametrize("clip", ["final_straight", "portrait_approach"])
def test_no_tag_covers_the_finish_line_as_the_light_crosses_it(request, clip):
    """Before 4:00 the light's tag lay across the finish line's outer lanes as the light ran
    its last metres (she was 40 m behind, so the line was not yet kept clear), and before
    that the modelled ghost's: now no tag box overlaps the line once either has 40 m to go."""
    recorded = request.getfixturevalue(clip)
    r = recorded.replay
    lines = _line_boxes(recorded)
    near = r.race.distance_m - 40.0
    ghosts = r.roles == "ghost"  # the light and the modelled ghost
    over = [
        (lab.text, round(t, 2))
        for t, rows in recorded.frames
        if float(r.state_at(t).distance_m[ghosts].max()) >= near
        for lab, rect in rows
        if rect is not None and any(rect.intersects(b) for b in lines)
    ]
    assert not over, over[:10]
