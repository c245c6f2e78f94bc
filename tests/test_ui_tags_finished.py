"""Finished target and ghost tags at the finish (presenter's review at 4:06.42): the light's
tag "Sub-4 pacing light 4:00.00" was dimmed (muted text, faint dot) while the modelled
ghost's "Modelled 3:59.37", which had also finished, stayed at full strength: the target read
as less than the ghost. Now both are drawn alike, at full strength, each with its time."""

import pytest

from tests.helpers_tags import record_clip


@pytest.fixture(scope="module")
def at_finish(qapp):
    """The demo's tags as an export draws 4:06.0 to 4:06.42 (her finish)."""
    return record_clip(246.0, 246.42)


def test_the_finished_lights_tag_is_as_strong_as_the_finished_ghosts(at_finish):
    r = at_finish.replay
    light = r.athletes[r.target].name
    t, rows = at_finish.frames[-1]
    drawn = {lab.key or lab.text: (lab, rect) for lab, rect in rows if rect is not None}
    (ghost,) = [k for k in drawn if k.startswith("Modelled")]
    light_lab, ghost_lab = drawn[light][0], drawn[ghost][0]
    assert light_lab.text == f"{light} 4:00.00"
    assert t > float(r.finish_time_s[r.target])
    assert not light_lab.faded and not ghost_lab.faded
