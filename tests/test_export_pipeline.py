"""The export pipeline (frame sources -> writers), cancelling, and the text progress output."""

from __future__ import annotations

import io
import re
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from racegui.export.frames import FrameSource, frame_times
from racegui.export.options import ExportOptions, ExportOptionsError
from racegui.export.pipeline import ExportCancelled, ExportResult, export
from racegui.export.progress_text import (
    ProgressLine,
    format_clock,
    format_summary,
    render_bar,
)

W, H = 64, 48


class SolidFrameSource:
    """Test double: a solid colour, with a grey square whose level follows race time and a
    white marker that moves 20 px per race second (so consecutive frames always differ)."""

    def __init__(
        self, size: tuple[int, int] = (W, H), colour=(200, 40, 40), duration_s: float = 10.0
    ) -> None:
        self.size = size
        self.colour = colour
        self.duration_s = duration_s
        self.times: list[float] = []
        self._buffer = np.empty((size[1], size[0], 3), np.uint8)

    def frame_at(self, t: float) -> np.ndarray:
        self.times.append(t)
        self._buffer[:] = self.colour  # one reused buffer, like a real scene
        self._buffer[:16, :16] = int(10 + 20 * t) % 256
        x = round(20 * t) % (self.size[0] - 4)
        self._buffer[-6:-2, x : x + 4] = 255
        return self._buffer


class CardSource(SolidFrameSource):
    """Adds still title/end cards."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.card_calls: list[str] = []

    def card_frame(self, kind: str) -> np.ndarray:
        self.card_calls.append(kind)
        return np.full((H, W, 3), 255 if kind == "title" else 0, np.uint8)


class AnimatedCardSource(SolidFrameSource):
    """Adds animated cards drawn frame by frame."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.card_calls: list[tuple[str, int]] = []

    def card_at(self, kind: str, index: int) -> np.ndarray:
        self.card_calls.append((kind, index))
        return np.full((H, W, 3), 5 * index, np.uint8)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def decoded_frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]


def test_solid_source_satisfies_the_protocol():
    assert isinstance(SolidFrameSource(), FrameSource)


def test_mp4_export_draws_every_exact_time_and_reports(tmp_path):
    source = SolidFrameSource()
    out = tmp_path / "race.mp4"
    seen: list[tuple[int, int]] = []
    options = ExportOptions(output=out, size=(W, H), fps=10)
    result = export(source, options, progress=lambda d, t: seen.append((d, t)))

    assert isinstance(result, ExportResult)
    assert source.times == frame_times(0.0, 10.0, 10).tolist()
    assert result.frames == 101 and result.files == (out,)
    assert result.duration_s == pytest.approx(10.1)
    assert result.bytes_written == out.stat().st_size > 0
    assert result.wall_s >= result.draw_s > 0 and result.encode_wait_s > 0
    assert seen == [(k, 101) for k in range(1, 102)]
    frames = decoded_frames(out)
    assert len(frames) == 101
    for k in (0, 40, 100):
        expected = int(10 + 20 * (k / 10)) % 256
        assert abs(int(frames[k][8, 8, 1]) - expected) <= 4
        assert np.all(np.abs(frames[k][30, 50].astype(int) - (200, 40, 40)) <= 8)
    assert files_in(tmp_path) == ["race.mp4"]


def test_span_and_speed_choose_the_race_times(tmp_path):
    source = SolidFrameSource(duration_s=100.0)
    options = ExportOptions(
        output=tmp_path / "part.mp4", size=(W, H), fps=10, speed=2.0, from_s=20.0, to_s=30.0
    )
    result = export(source, options)
    assert result.frames == 51
    assert source.times[0] == 20.0 and source.times[-1] == pytest.approx(30.0)
    assert np.allclose(np.diff(source.times), 0.2)


def test_race_length_can_be_passed_when_the_source_has_none(tmp_path):
    source = SolidFrameSource()
    del source.duration_s
    options = ExportOptions(output=tmp_path / "a.mp4", size=(W, H), fps=10)
    with pytest.raises(ExportOptionsError, match="race length is unknown"):
        export(source, options)
    assert export(source, options, race_duration_s=2.0).frames == 21


def test_still_card_frames_are_repeated(tmp_path):
    source = CardSource()
    options = ExportOptions(
        output=tmp_path / "c.mp4", size=(W, H), fps=10, to_s=1.0, title_card_s=0.5, end_card_s=0.3
    )
    result = export(source, options)
    assert result.frames == 5 + 11 + 3
    assert source.card_calls == ["title", "end"]
    frames = decoded_frames(tmp_path / "c.mp4")
    assert len(frames) == 19
    assert frames[4].mean() > 240 and frames[-1].mean() < 15
    assert abs(int(frames[5][30, 50, 0]) - 200) <= 8


def test_animated_cards_are_drawn_frame_by_frame(tmp_path):
    source = AnimatedCardSource()
    options = ExportOptions(
        output=tmp_path / "c.mp4", size=(W, H), fps=10, to_s=0.5, title_card_s=0.3, end_card_s=0.2
    )
    assert export(source, options).frames == 3 + 6 + 2
    assert source.card_calls == [("title", 0), ("title", 1), ("title", 2), ("end", 0), ("end", 1)]


def test_cards_without_card_drawing_freeze_the_first_and_last_frame(tmp_path):
    source = SolidFrameSource()
    options = ExportOptions(
        output=tmp_path / "c.mp4", size=(W, H), fps=10, to_s=1.0, title_card_s=0.2, end_card_s=0.2
    )
    assert export(source, options).frames == 2 + 11 + 2
    assert source.times == [0.0, *frame_times(0.0, 1.0, 10).tolist(), 1.0]


def test_gif_export(tmp_path):
    out = tmp_path / "clip.gif"
    source = SolidFrameSource()
    options = ExportOptions(output=out, size=(W, H), fps=10, to_s=2.0)
    result = export(source, options)
    assert result.frames == 21 and result.duration_s == pytest.approx(2.1)
    with Image.open(out) as gif:
        assert gif.n_frames == 21 and gif.info["loop"] == 0
        total = 0
        for k in range(gif.n_frames):
            gif.seek(k)
            total += gif.info["duration"]
    assert total == 2100
    assert files_in(tmp_path) == ["clip.gif"]


def test_gif_budget_is_checked_before_drawing(tmp_path):
    source = SolidFrameSource(size=(640, 360), duration_s=200.0)
    options = ExportOptions(output=tmp_path / "long.gif", size=(640, 360), fps=25)
    with pytest.raises(ExportOptionsError, match="GIF of 5001 frames"):
        export(source, options)
    assert source.times == [] and files_in(tmp_path) == []


def test_png_still_is_drawn_once_at_the_start_time(tmp_path):
    source = SolidFrameSource()
    options = ExportOptions(output=tmp_path / "still.png", size=(W, H), from_s=3.0)
    result = export(source, options)
    assert source.times == [3.0] and result.frames == 1 and result.duration_s == 0.0
    assert files_in(tmp_path) == ["still.png"]
    del source.duration_s  # a still needs no race length
    export(source, options)
    assert source.times == [3.0, 3.0]


def test_png_sequence_export(tmp_path):
    source = SolidFrameSource()
    options = ExportOptions(output=tmp_path / "f_%03d.png", size=(W, H), fps=5, to_s=1.0)
    result = export(source, options)
    assert [p.name for p in result.files] == [f"f_{k:03d}.png" for k in range(1, 7)]
    assert files_in(tmp_path) == [f"f_{k:03d}.png" for k in range(1, 7)]


@pytest.mark.parametrize("name", ["race.mp4", "race.gif", "race_%04d.png"])
def test_cancel_removes_the_temporary_and_keeps_the_old_file(tmp_path, name):
    out = tmp_path / name
    existing = tmp_path / name.replace("%04d", "0001")
    existing.write_bytes(b"the export from yesterday")
    before = existing.stat().st_mtime_ns
    source = SolidFrameSource()
    done: list[int] = []
    options = ExportOptions(output=out, size=(W, H), fps=10)
    with pytest.raises(ExportCancelled):
        export(
            source, options, progress=lambda d, t: done.append(d), cancelled=lambda: len(done) >= 30
        )
    assert len(source.times) < 101
    assert existing.read_bytes() == b"the export from yesterday"
    assert existing.stat().st_mtime_ns == before
    assert files_in(tmp_path) == [existing.name]


def test_a_drawing_error_aborts_the_export(tmp_path):
    class Failing(SolidFrameSource):
        def frame_at(self, t: float) -> np.ndarray:
            if t > 1.0:
                raise RuntimeError("scene broke")
            return super().frame_at(t)

    options = ExportOptions(output=tmp_path / "x.mp4", size=(W, H), fps=10)
    with pytest.raises(RuntimeError, match="scene broke"):
        export(Failing(), options)
    assert files_in(tmp_path) == []


def test_a_start_after_the_race_is_refused(tmp_path):
    options = ExportOptions(output=tmp_path / "x.mp4", size=(W, H), fps=10, from_s=11.0)
    with pytest.raises(ExportOptionsError, match="after the race ends at 10.00"):
        export(SolidFrameSource(), options)


def test_source_size_must_match_the_options(tmp_path):
    options = ExportOptions(output=tmp_path / "x.mp4", size=(W * 2, H * 2), fps=10)
    with pytest.raises(ExportOptionsError, match="64x48 frames but the export asks for 128x96"):
        export(SolidFrameSource(), options)


def test_bad_options_are_refused_before_drawing(tmp_path):
    source = SolidFrameSource()
    with pytest.raises(ExportOptionsError, match="speed|Speed"):
        export(source, ExportOptions(output=tmp_path / "x.mp4", size=(W, H), speed=-1))
    assert source.times == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x_%s.png", "'%s' in 'x_%s.png' is not a frame number"),
        ("x_%03i.png", "'%03i' in 'x_%03i.png' is not a frame number"),
        ("x_%s_%04d.png", "'%s' in 'x_%s_%04d.png' is not a frame number"),
        ("50%_%04d.png", "'50%_%04d.png' is not a frame number pattern"),
    ],
)
def test_png_names_that_are_no_frame_pattern_are_refused(tmp_path, name, message):
    """A %s-style name was written literally as one still; a broken pattern failed only
    after drawing the first frame."""
    source = SolidFrameSource()
    with pytest.raises(ExportOptionsError, match=re.escape(message)):
        export(source, ExportOptions(output=tmp_path / name, size=(W, H), fps=10))
    assert source.times == [] and files_in(tmp_path) == []


def test_png_names_with_a_literal_percent_sign(tmp_path):
    source = SolidFrameSource()
    export(source, ExportOptions(output=tmp_path / "100%.png", size=(W, H)))
    for still in ("lap-100%-split.png", "100%sure.png", "win 100% sure.png"):
        export(source, ExportOptions(output=tmp_path / still, size=(W, H)))
        (tmp_path / still).unlink()
    export(source, ExportOptions(output=tmp_path / "50%%_%02d.png", size=(W, H), fps=1, to_s=1))
    assert files_in(tmp_path) == ["100%.png", "50%_01.png", "50%_02.png"]


def test_a_cancel_after_the_last_frame_still_writes_nothing(tmp_path):
    """A stop asked for while the last frame was drawn was only seen before the next frame:
    there is none, so the file was finished and moved into place all the same."""
    source = SolidFrameSource()
    options = ExportOptions(output=tmp_path / "a.mp4", size=(W, H), fps=10, to_s=1.0)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 11  # after the 11th (last) frame

    with pytest.raises(ExportCancelled):
        export(source, options, cancelled=cancelled)
    assert files_in(tmp_path) == []


# --- text progress ------------------------------------------------------------------------


def test_render_bar():
    text = render_bar(3321, 7393, 60.0, width=20)
    assert text == "[########............]  44%  3321/7393 frames  ETA 1:14"
    assert render_bar(0, 10, 0.0).endswith("0/10 frames  ETA --:--")
    assert render_bar(10, 10, 5.0).startswith("[" + "#" * 30 + "] 100%")


def test_format_clock():
    assert format_clock(72.4) == "1:12"
    assert format_clock(246.433, 2) == "4:06.43"
    assert format_clock(3725) == "1:02:05"
    assert format_clock(5) == "0:05"


def test_progress_line_redraws_at_most_ten_times_a_second():
    now = [0.0]
    stream = io.StringIO()
    line = ProgressLine(stream, clock=lambda: now[0], tty=True)
    for done in range(1, 1001):
        now[0] = done * 0.001  # 1000 frames in one second
        line.update(done, 1000)
    line.finish()
    assert 10 <= line.redraws <= 12
    text = stream.getvalue()
    assert text.count("\r") == line.redraws and text.endswith("1000/1000 frames  ETA 0:00\n")


def test_progress_to_a_log_is_whole_lines_every_ten_seconds():
    """Redirected to a file, the bar's redraws had made one huge line (user review)."""
    now = [0.0]
    stream = io.StringIO()  # not a terminal
    line = ProgressLine(stream, clock=lambda: now[0])
    for done in range(1, 3001):
        now[0] = done * 0.01  # 3000 frames in 30 s
        line.update(done, 3000)
    line.finish()
    lines = stream.getvalue().split("\n")
    assert "\r" not in stream.getvalue() and lines[-1] == ""
    assert 3 <= len(lines) - 1 <= 5 and lines[-2].endswith("3000/3000 frames  ETA 0:00")


def test_summary_line():
    result = ExportResult(
        path=Path("OUT.mp4"),
        files=(Path("OUT.mp4"),),
        frames=7393,
        fps=30,
        size=(1920, 1080),
        duration_s=7393 / 30,
        wall_s=161.0,
        draw_s=30.0,
        encode_wait_s=100.0,
        bytes_written=38_200_000,
    )
    assert format_summary(result) == (
        "Wrote OUT.mp4: 7393 frames, 4:06.43 at 30 fps, 1920x1080, 38.2 MB in 2:41 "
        "(1.53x real time)"
    )


def test_a_gif_source_is_reset_after_its_palette_samples(tmp_path):
    """The palette is sampled from frames all over the race before the export starts; the
    source is told to forget them (reset) before the first frame, so a GIF's frames are the
    ones an MP4 of the same range draws."""

    class Remembering(SolidFrameSource):
        def reset(self) -> None:
            self.times.append("reset")

    source = Remembering()
    export(source, ExportOptions(output=tmp_path / "clip.gif", size=(W, H), fps=10, to_s=2.0))
    k = source.times.index("reset")
    assert k >= 2 and source.times[k + 1] == 0.0 and "reset" not in source.times[k + 1 :]
    assert len(source.times) - k - 1 == 21  # every frame of the GIF after it
