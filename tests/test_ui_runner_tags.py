"""Every runner in a race gets her name tag, not only the one the replay follows: a coach's
club race had its second runner untagged wherever her tag found no room beside her marker
(by the infield scoreboard on a bend, at the edge of the view)."""

from PySide6.QtCore import QRectF

from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.ui.theme import DARK
from tests.helpers_race import write_json


def _even(total_s: float) -> list[dict]:
    return [{"distance_m": d, "time": total_s * d / 1500} for d in (300, 700, 1100, 1500)]


def _club_1500(tmp_path):
    data = {
        "format": "racegui/1",
        "title": "Club 1500",
        "distance_m": 1500,
        "target": {"time": 230.0},
        "athletes": [
            {"id": "grace", "name": "Grace Mwangi", "role": "runner", "splits": _even(227.6)},
            {"id": "hannah", "name": "Hannah Cole", "role": "runner", "splits": _even(244.0)},
        ],
    }
    return compile_race(read_race(write_json(tmp_path / "club.json", data)))


def test_a_second_runner_on_the_bend_by_the_scoreboard_keeps_her_tag(qapp, tmp_path):
    """At 3:40 Hannah Cole ran alone on the left bend, beside the infield scoreboard, and had
    no tag: a runner's tag (like a ghost's) now slides along the track to find room."""
    replay = _club_1500(tmp_path)
    source = SceneFrameSource(replay, DARK, (1920, 1080))
    placer = source.scene.track.overlay._placer
    place = placer.place
    placed: dict[str, QRectF | None] = {}

    def spy(labels, *args, **kwargs):
        rects = place(labels, *args, **kwargs)
        placed.update({lab.text: rect for lab, rect in zip(labels, rects, strict=True)})
        return rects

    placer.place = spy
    try:
        source.frame_at(220.0)
    finally:
        source.close()
    assert placed.get("Hannah Cole") is not None
