"""Name tags on the final straight, as an export draws them (1080p, 30 fps, each clip started
afresh), after a presenter's review: stepped-off pacers' faded tags stayed on the home
straight at the finish (and one popped in 2 s after its dropout)."""

import numpy as np
import pytest

from tests.helpers_tags import record_clip

SHOWN_AFTER_DROPOUT_S = 3.0
"""Longest a stepped-off pacer's tag may show after its dropout (s)."""
APPEARS_AFTER_DROPOUT_S = 1.5
"""Latest a stepped-off pacer's tag may first appear after its dropout (s)."""


@pytest.fixture(scope="module")
def final_straight(qapp):
    """3:50 to 4:08: every pacer still running at 3:50 steps off (3:53.1 to 4:03.1)."""
    return record_clip(230.0, 248.0)


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
