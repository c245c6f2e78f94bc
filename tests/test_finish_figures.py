"""The figures near the Breaking4 finish agree with each other and with the line (reviewer:
a frame at 4:06.40 read "0 m to go" 0.12 m short of the line)."""

from __future__ import annotations

import pytest

from racegui.ui.loading import load_replay
from racegui.ui.race_status import race_status
from racegui.ui.ui_paths import demo_path

FPS = 30


@pytest.fixture(scope="module")
def mile():
    return load_replay(demo_path())


def test_metres_to_go_are_never_0_short_of_the_line():
    from racegui.model.timefmt import metres_to_go_text

    assert metres_to_go_text(0.12) == "1 m"
    assert metres_to_go_text(0.5) == "1 m"
    assert metres_to_go_text(1.4) == "1 m"  # to the nearest metre otherwise, as metres run
    assert metres_to_go_text(813.6) == "814 m"
    assert metres_to_go_text(1609.344) == "1,609 m"
    assert metres_to_go_text(0.0) == "0 m"


def test_the_scoreboard_counts_to_1_m_until_she_is_over_the_line(mile):
    status = race_status(mile, mile.state_at(246.40))  # 1609.22 m of 1609.344 m
    assert status.distance_text == "1,609 m run  ·  1 m to go"
    assert status.distance_forms == ("1 m to go",)
    f = mile.focus
    finish = float(mile.finish_time_s[f])
    for k in range(600):  # the last 20 s before her finish, frame by frame
        t = finish - k / FPS
        state = mile.state_at(t)
        status = race_status(mile, state)
        if status.finished:
            continue
        assert state.distance_m[f] < mile.race.distance_m
        assert "· 0 m to go" not in status.distance_text, t
        assert status.distance_forms[0] != "0 m to go", t
