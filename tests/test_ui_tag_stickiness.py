"""Tags stay put: 1:00-1:20 of the demo as an export draws it (1080p, 30 fps). A tag keeps
its place beside its marker while that stays free, and one pushed moves a little rather than
jump to the next free spot; in these 600 frames the runner's, the gap's, the light's and the
modelled ghost's tags had jumped (more than 0.75 tag heights relative to their markers from
one frame to the next) 35 times (gap 10, light 9, ghost 8, runner 8)."""

import math

import pytest

from racegui.ui.tag_search import STICKY_MOVE_HEIGHTS
from tests.helpers_tags import record_clip

KEY_TAGS = ("runner", "gap", "Sub-4 pacing light", "Modelled")


@pytest.fixture(scope="module")
def clip(qapp):
    return record_clip(60.0, 80.0).frames


def test_the_key_tags_rarely_jump(clip):
    last: dict[str, tuple[float, float]] = {}
    jumps = []
    for t, rows in clip:
        now = {}
        for lab, r in rows:
            key = lab.key or lab.text
            if r is None or not key.startswith(KEY_TAGS):
                continue
            now[key] = (r.center().x() - lab.x, r.center().y() - lab.y)
            was = last.get(key)
            if was is not None and math.dist(was, now[key]) > STICKY_MOVE_HEIGHTS * r.height():
                jumps.append((key, round(t, 2)))
        last = now
    assert len(jumps) <= 20, jumps
