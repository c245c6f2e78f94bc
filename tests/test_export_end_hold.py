"""An end card starts on the last race frame held (about 1 s, the card fading in over its
end): a clip that ends at the finish had cut to the card one frame after the finish was
shown. The hold is the card's own time: the race part keeps its exact frames and the file
its frame count."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from racegui.cli import main  # noqa: E402
from racegui.export.frames import frame_times, plan_frames  # noqa: E402
from racegui.export.options import ExportOptions  # noqa: E402
from racegui.export.pipeline import export  # noqa: E402
from racegui.resources_path import demo_race_path  # noqa: E402
from tests.helpers_export import FrameList  # noqa: E402

W, H = 64, 48
RACE, CARD = (200, 40, 40), (10, 10, 90)


class Source:
    """A race frame whose grey square follows the race time, on one reused buffer, and a
    still end card of another colour."""

    def __init__(self) -> None:
        self.size = (W, H)
        self.duration_s = 10.0
        self.times: list[float] = []
        self._buffer = np.empty((H, W, 3), np.uint8)

    def frame_at(self, t: float) -> np.ndarray:
        self.times.append(t)
        self._buffer[:] = RACE
        self._buffer[:16, :16] = int(10 + 20 * t) % 256
        return self._buffer

    def card_frame(self, kind: str) -> np.ndarray:
        return np.full((H, W, 3), CARD, np.uint8)


@pytest.mark.parametrize(
    ("fps", "to_s", "end_s", "plain", "fading"),
    [(30, 2.0, 3.0, 18, 12), (10, 1.0, 0.3, 1, 0), (25, 1.0, 1.0, 6, 6)],
)
def test_the_end_card_starts_on_the_last_race_frame_held(tmp_path, fps, to_s, end_s, plain, fading):
    source, writer = Source(), FrameList()
    options = ExportOptions(
        output=tmp_path / "c.mp4", size=(W, H), fps=fps, to_s=to_s, end_card_s=end_s
    )
    result = export(source, options, writer=writer)
    times = frame_times(0.0, to_s, fps)
    assert source.times == times.tolist()  # the race frames, at exactly 1/fps steps
    end_frames = round(end_s * fps)
    assert result.frames == len(writer.frames) == len(times) + end_frames  # as before
    frames = writer.frames
    last, card = frames[len(times) - 1], np.full((H, W, 3), CARD, np.uint8)
    assert last[0, 0, 0] == int(10 + 20 * to_s) % 256  # the finish, as drawn
    end = frames[len(times) :]
    for frame in end[:plain]:
        assert np.array_equal(frame, last)
    distances = [np.abs(f.astype(int) - card).sum() for f in end[plain : plain + fading]]
    assert all(d > 0 for d in distances)  # neither the race frame nor the card
    assert distances == sorted(set(distances), reverse=True)  # nearer the card each frame
    for frame in end[plain + fading :]:
        assert np.array_equal(frame, card)
    assert len(end[plain + fading :]) >= end_frames / 2  # the card keeps most of its time


def test_the_hold_is_about_a_second_and_never_more_than_half_the_card():
    plan = plan_frames(180.0, 246.42, 30, 1.0, 3.0, 3.0)
    assert (plan.end_hold_frames, plan.end_fade_frames) == (30, 12)
    assert (plan.title_frames, len(plan.race_times), plan.end_frames) == (90, 1994, 90)
    assert plan.total == 2174
    assert plan_frames(0.0, 1.0, 30, end_card_s=1.0).end_hold_frames == 15
    assert plan_frames(0.0, 1.0, 30).end_hold_frames == 0  # no end card, nothing held


def test_a_gif_rests_on_the_finish_before_its_end_card(tmp_path):
    out = tmp_path / "c.gif"
    options = ExportOptions(output=out, size=(W, H), fps=10, to_s=1.0, end_card_s=2.0)
    result = export(Source(), options)
    assert result.frames == 11 + 20 and result.duration_s == pytest.approx(3.1)
    with Image.open(out) as gif:
        shown = []
        for k in range(gif.n_frames):
            gif.seek(k)
            shown.append((np.array(gif.convert("RGB"))[30, 50].tolist(), gif.info["duration"]))
    assert sum(d for _, d in shown) == 3100
    race = 0  # ms until the card's colour is first seen (the GIF palette merges near colours)
    for rgb, ms in shown:
        if rgb != list(RACE):
            break
        race += ms
    assert 1100 + 600 <= race <= 1100 + 1000  # the race, then the finish held 0.6 s or more
    assert shown[-1][0] == list(CARD) and shown[-1][1] >= 1000


def test_a_png_sequence_of_a_clip_to_the_finish_holds_the_finish(tmp_path):
    """--from 4:05 to the finish at 10 fps with a 2 s end card: 15 race frames, then 6 of
    the finish held, 4 fading, 10 of the card; 35 files as before."""
    out = tmp_path / "f_%03d.png"
    code = main(
        [
            "export",
            str(demo_race_path()),
            "-o",
            str(out),
            "--from",
            "4:05",
            "--fps",
            "10",
            "--size",
            "360p",
            "--no-panel",
            "--end-card",
            "2",
            "-q",
        ]
    )
    assert code == 0
    files = sorted(tmp_path.glob("f_*.png"))
    assert len(files) == 15 + 20
    frames = [np.array(Image.open(f).convert("RGB")) for f in files]
    finish = frames[14]
    assert not np.array_equal(finish, frames[13])
    assert all(np.array_equal(finish, f) for f in frames[15:21])
    assert not any(
        np.array_equal(finish, f) or np.array_equal(frames[-1], f) for f in frames[21:25]
    )
    assert all(np.array_equal(frames[-1], f) for f in frames[25:])
