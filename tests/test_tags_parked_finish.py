"""The tags of the markers parked at the finish line (the pacing light's from 4:00.00, the
modelled ghost's from 3:59.37) as she runs in over them, as an export draws them: at the
finish, 4:06.42, the light's tag lay 1.8 px from her dot at 1080x1080 and 19.6 px at 720p
(under a tag height, its leader from under her dot), and an audience read it as labelling
her; at 4:00.00 the ghost's tag, slid along the straight towards her, lay 14 px from her dot
and 40 px from its own marker."""

import math

import numpy as np
import pytest

from tests.helpers_tags import record_clip

FINISH_S = 246.42
"""Her finish (s): the last frame of the demo."""
LIGHT, GHOST = "Sub-4 pacing light", "Modelled 3:59.37"
"""The keys of the parked markers' tags."""
JUMP_HEIGHTS = 0.75
"""A move (tag heights, relative to its marker) an audience reads as a jump."""


def _gap(rect, x: float, y: float, radius: float) -> float:
    """Space (px) between a marker of that radius at (x, y) px and the box rect."""
    dx = max(rect.left() - x, 0.0, x - rect.right())
    dy = max(rect.top() - y, 0.0, y - rect.bottom())
    return math.hypot(dx, dy) - radius


def _tags(rows) -> dict:
    """Each drawn tag by key: (label, box)."""
    return {lab.key or lab.text: (lab, rect) for lab, rect in rows if rect is not None}


def _parked(replay, key: str) -> float:
    """When (s) the marker of the tag keyed key stopped at the line."""
    i = next(i for i, a in enumerate(replay.athletes) if a.name == key)
    return float(replay.finish_time_s[i])


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1080, 1080)])
def test_at_the_finish_the_parked_tags_stand_off_her_dot(qapp, size):
    """At 4:06.42 the light's and the ghost's markers lie under her dot (within 2 px), so
    their tags are as near her dot as their own wherever they go: each now keeps a tag height
    off her dot, further from it than her own tag (the light's was 19.6 px off at 720p, 0.96
    of a tag height, and 1.8 px at 1080x1080; the ghost's 24.3 px at 1080p)."""
    clip = record_clip(FINISH_S, FINISH_S, size=size)
    _, rows = clip.frames[-1]
    tags = _tags(rows)
    her, her_box = tags["runner"]
    hers = _gap(her_box, her.x, her.y, her.radius)
    for key in (LIGHT, GHOST):
        lab, rect = tags[key]
        assert math.hypot(lab.x - her.x, lab.y - her.y) < her.radius  # under her dot
        gap = _gap(rect, her.x, her.y, her.radius)
        assert gap >= rect.height() - 1e-6, (size, key, round(gap, 1), rect.height())
        assert gap > hers, (size, key, round(gap, 1), round(hers, 1))


@pytest.fixture(scope="module")
def run_in(qapp):
    """An export from the light's finish to hers at 720p."""
    return record_clip(240.0, FINISH_S, size=(1280, 720))


def test_a_parked_tag_is_never_nearer_her_dot_than_its_own(run_in):
    """From each marker's stop at the line to her finish, its tag keeps a tag height off her
    dot and is no nearer her dot than its own marker (while its marker is not under her dot):
    from 4:00.00 to 4:00.30 the ghost's tag, 40 px from its own marker 211 px ahead of her,
    lay 14 px from her dot."""
    near, touching = [], []
    for t, rows in run_in.frames:
        tags = _tags(rows)
        her, _ = tags["runner"]
        for key in (LIGHT, GHOST):
            if t < _parked(run_in.replay, key) or key not in tags:
                continue
            lab, rect = tags[key]
            gap = _gap(rect, her.x, her.y, her.radius)
            own = _gap(rect, lab.x, lab.y, lab.radius)
            if gap < rect.height():
                touching.append((round(t, 2), key, round(gap, 1)))
            if math.hypot(lab.x - her.x, lab.y - her.y) > her.radius and gap < own:
                near.append((round(t, 2), key, round(gap, 1), round(own, 1)))
    assert not touching, touching[:5]
    assert not near, near[:5]


def test_the_parked_tags_stay_shown_and_move_at_most_once(run_in):
    """Kept off her way to the line, a parked tag moves at most once as she runs in (the
    ghost's jumped 16 px and 212 px in the first third of a second) and is never hidden."""
    jumps: dict[str, list] = {LIGHT: [], GHOST: []}
    hidden: list = []
    was: dict[str, tuple[float, float]] = {}
    for t, rows in run_in.frames:
        tags = _tags(rows)
        for key in jumps:
            if key not in tags:
                hidden.append((round(t, 2), key))
                was.pop(key, None)
                continue
            lab, rect = tags[key]
            rel = (rect.center().x() - lab.x, rect.center().y() - lab.y)
            if key in was and math.dist(rel, was[key]) > JUMP_HEIGHTS * rect.height():
                jumps[key].append((round(t, 2), round(math.dist(rel, was[key]))))
            was[key] = rel
    assert not hidden, hidden[:5]
    assert all(len(j) <= 1 for j in jumps.values()), jumps


def test_misread_boxes():
    """A box touching another runner's dot, or nearer it than its own marker, could be read
    as hers; while her dot covers the marker only the first counts."""
    from racegui.ui.tag_boxes import misread  # here: the clip tests run on any version

    own = (100.0, 100.0, 3.0)
    her_far = [(200.0, 100.0, 6.0)]
    boxes = np.array(
        [
            [110.0, 90.0, 150.0, 110.0],  # beside its own marker, far from her: fine
            [160.0, 90.0, 190.0, 110.0],  # nearer her (4 px off her dot): misread
            [40.0, 40.0, 80.0, 60.0],  # further from her than from its own: fine
        ]
    )
    assert misread(boxes, own, her_far, 20.0).tolist() == [False, True, False]
    covering = [(101.0, 100.0, 6.0)]  # her dot over the marker
    boxes = np.array([[110.0, 90.0, 150.0, 110.0], [130.0, 90.0, 170.0, 110.0]])
    assert misread(boxes, own, covering, 20.0).tolist() == [True, False]
