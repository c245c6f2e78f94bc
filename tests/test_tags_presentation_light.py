"""The pacing light's tag at the finish in presentation mode (1080p, 30 fps, as an export of
4:01 to 4:10 draws it), after a presenter's review: "Sub-4 pacing light 4:00.00", 396 px wide
in presentation type, found no place at the line from 4:00.00 to 4:06.37, so the climax had no
light label."""

import pytest

from tests.helpers_tags import record_clip


@pytest.fixture(scope="module")
def finish(qapp):
    return record_clip(241.0, 250.0, presentation=True)


def test_the_lights_tag_shows_as_she_runs_in_and_after(finish):
    """Every frame from 4:01 to 4:10 tags the light, with its time: "Sub-4 light 4:00.00"
    where the full text fits nowhere."""
    light = finish.replay.athletes[finish.replay.target].name
    missing, texts = [], set()
    assert len(finish.frames) == 271
    for t, rows in finish.frames:
        rect, lab = next((r, lab) for lab, r in rows if lab.key == light)
        if rect is None:
            missing.append(round(t, 2))
        else:
            texts.add(lab.text)
    assert not missing, (len(missing), missing[:3], missing[-3:])
    assert texts <= {"Sub-4 pacing light 4:00.00", "Sub-4 light 4:00.00"}, texts
