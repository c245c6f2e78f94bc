"""Frame times, export options and the MP4 / GIF / PNG writers (no scene drawing needed)."""

from __future__ import annotations

import os
import stat
import struct
import threading
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from racegui.export import mp4_writer
from racegui.export.frames import frame_count, frame_times, plan_frames
from racegui.export.gif_writer import GifWriter, gif_durations_ms
from racegui.export.mp4_writer import MP4_QUEUE_BYTES, MP4_QUEUE_FRAMES, Mp4Writer
from racegui.export.options import (
    ExportOptions,
    ExportOptionsError,
    check_gif_budget,
    parse_size,
)
from racegui.export.png_writer import PngWriter, sequence_name
from racegui.export.writer_base import ExportWriteError

W, H = 160, 120


def grey_frame(level: int, size: tuple[int, int] = (W, H)) -> np.ndarray:
    """A frame whose left half is grey ``level`` and right half a fixed orange."""
    width, height = size
    frame = np.empty((height, width, 3), np.uint8)
    frame[:, : width // 2] = level
    frame[:, width // 2 :] = (240, 120, 20)
    return frame


def top_level_atoms(path: Path) -> list[str]:
    """Names of the top-level MP4 boxes, in file order."""
    names = []
    with open(path, "rb") as fh:
        while header := fh.read(8):
            size, kind = struct.unpack(">I4s", header)
            if size == 1:
                size = struct.unpack(">Q", fh.read(8))[0]
                fh.seek(size - 16, os.SEEK_CUR)
            elif size == 0:
                names.append(kind.decode("latin-1"))
                break
            else:
                fh.seek(size - 8, os.SEEK_CUR)
            names.append(kind.decode("latin-1"))
    return names


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


# --- frame times --------------------------------------------------------------------------


def test_frame_count_of_a_whole_race_includes_both_ends():
    assert frame_count(0.0, 246.42, 30) == 7394
    times = frame_times(0.0, 246.42, 30)
    assert len(times) == 7394
    # Exact steps of 1/30 s, then the finish itself (246.40 would stop short of it).
    assert np.array_equal(times[:-1], np.arange(7393) * (1 / 30))
    assert times[-1] == 246.42


def test_ten_seconds_at_ten_fps_is_101_frames_from_0_to_10():
    times = frame_times(0.0, 10.0, 10)
    assert len(times) == 101
    assert times[0] == 0.0 and times[-1] == pytest.approx(10.0)
    assert np.allclose(np.diff(times), 0.1)


def test_double_speed_halves_the_frame_steps():
    assert frame_count(0.0, 10.0, 10, speed=2.0) == 51
    assert frame_count(0.0, 246.42, 30, speed=2.0) == 3697  # round(7392.6 / 2) + 1
    times = frame_times(5.0, 15.0, 10, speed=2.0)
    assert times[1] - times[0] == pytest.approx(0.2)


def test_frame_times_are_exact_multiples_and_end_on_the_end():
    times = frame_times(12.5, 246.42, 30, speed=1.5)
    k = np.arange(len(times) - 1)
    assert np.array_equal(times[:-1], 12.5 + k * (1.5 / 30))
    step = 1.5 / 30
    assert times[-1] == 246.42 and 0.5 * step <= times[-1] - times[-2] <= 1.5 * step


@pytest.mark.parametrize(
    ("start", "end", "fps", "speed"),
    [
        (3677.74, 3677.96, 60, 0.01),  # float error once made a last step of 4.5e-13 s
        (0.0, 246.42, 24, 2.0),  # 2957.04 steps: the last is 1.04 steps, not 0.04
        (100.0, 106.0, 30, 1.5),
        (0.0, 246.42, 60, 1.0),
    ],
)
def test_the_last_step_is_never_a_near_duplicate_frame(start, end, fps, speed):
    times = frame_times(start, end, fps, speed)
    steps = np.diff(times) / (speed / fps)
    assert times[0] == start and times[-1] == end
    assert np.allclose(steps[:-1], 1.0)
    assert 0.5 <= steps[-1] <= 1.5


@pytest.mark.parametrize(
    ("start", "end", "fps", "speed"),
    [(10.0, 5.0, 30, 1.0), (0.0, 5.0, 0, 1.0), (0.0, 5.0, 30, 0.0), (0.0, float("nan"), 30, 1)],
)
def test_frame_times_refuse_bad_arguments(start, end, fps, speed):
    with pytest.raises(ValueError):
        frame_times(start, end, fps, speed)


def test_plan_counts_card_frames_in_video_seconds():
    plan = plan_frames(0.0, 10.0, 10, speed=4.0, title_card_s=1.5, end_card_s=0.25)
    assert (plan.title_frames, len(plan.race_times), plan.end_frames) == (15, 26, 2)
    assert plan.total == 43
    assert plan.video_duration_s == pytest.approx(4.3)


# --- options ------------------------------------------------------------------------------


def test_parse_size_accepts_presets_and_width_x_height():
    assert parse_size("1080p") == (1920, 1080)
    assert parse_size("720p") == (1280, 720)
    assert parse_size("360p") == (640, 360)  # the GIF size the export dialog proposes
    assert parse_size("Square") == (1080, 1080)
    assert parse_size(" 640x360 ") == (640, 360)
    with pytest.raises(ExportOptionsError, match="WIDTHxHEIGHT"):
        parse_size("big")


def test_default_options_are_valid_and_infer_the_format(tmp_path):
    options = ExportOptions(output=tmp_path / "race.MP4")
    options.validate()
    assert options.format == "mp4"
    assert options.size == (1920, 1080) and options.fps == 30 and options.speed == 1.0
    assert ExportOptions(output=tmp_path / "a.png").is_still
    assert ExportOptions(output=tmp_path / "a_%04d.png").is_sequence
    assert ExportOptions(output=tmp_path / "a.png", png_sequence=True).is_sequence


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"output": "race.avi"}, r"\.avi.*\.mp4"),
        ({"size": (1921, 1080)}, r"even.*1922x1080"),
        ({"size": (0, 1080)}, "smaller than 16 pixels"),
        ({"size": (2, 2)}, "smaller than 16 pixels"),
        ({"size": (8000, 4000)}, "7680x4320"),
        ({"size": (4400, 7680)}, "4320x7680 upright"),
        ({"size": (7680, 16)}, "wider than 4:1"),  # laid out 518,400 px wide: 4.5 GB
        ({"size": (16, 4320)}, "taller than 9:16"),
        ({"size": (1080, 1922)}, "taller than 9:16"),
        ({"fps": 0}, "from 1 to 120"),
        ({"fps": 121}, "from 1 to 120"),
        ({"fps": 29.97}, "whole number"),
        ({"speed": 0}, "from 0.0625"),
        ({"speed": 65}, "to 64 times"),
        ({"from_s": 30.0, "to_s": 30.0}, "not before its end"),
        ({"from_s": -1.0}, "0 s or more"),
        ({"title_card_s": -0.5}, "title card"),
        ({"end_card_s": float("inf")}, "end card"),
        ({"title_card_s": 1e9}, "title card.*from 0 to 30 seconds"),
        ({"end_card_s": 30.5}, "end card.*from 0 to 30 seconds"),
        ({"theme": "pink"}, "dark"),
        ({"output": "race.gif", "fps": 60}, "GIF"),
        ({"output": "race_%04d.mp4"}, "PNG sequences"),
    ],
)
def test_bad_options_say_what_is_wrong(tmp_path, changes, message):
    fields = {"output": tmp_path / "race.mp4"} | changes
    if isinstance(fields["output"], str):
        fields["output"] = tmp_path / fields["output"]
    with pytest.raises(ExportOptionsError, match=message) as info:
        ExportOptions(**fields).validate()
    assert str(info.value).endswith(".")


@pytest.mark.parametrize(
    "size", [(3840, 1080), (4320, 1080), (1080, 1350), (1080, 1920), (4320, 7680)]
)
def test_sizes_from_9_to_16_up_to_4_to_1_are_accepted(tmp_path, size):
    ExportOptions(output=tmp_path / "a.png", size=size).validate()


def test_odd_sizes_are_fine_for_gif_and_png(tmp_path):
    ExportOptions(output=tmp_path / "a.gif", size=(481, 271), fps=15).validate()
    ExportOptions(output=tmp_path / "a.png", size=(481, 271)).validate()


def test_missing_output_folder_is_reported(tmp_path):
    with pytest.raises(ExportOptionsError, match="does not exist"):
        ExportOptions(output=tmp_path / "nope" / "a.mp4").validate()


def test_a_folder_given_as_the_output_is_told_to_name_a_file_in_it(tmp_path):
    """'-o out/' was told 'Cannot tell the export format from 'out' (no suffix)'."""
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ExportOptionsError) as caught:
        ExportOptions(output=folder).validate()
    assert str(caught.value) == (
        f"The output {str(folder)!r} is a folder: name a file in it, such as "
        f"{str(folder / 'replay.mp4')!r}."
    )
    with pytest.raises(ExportOptionsError, match="no suffix"):  # a name that is no folder
        ExportOptions(output=tmp_path / "clip").validate()


def test_a_gif_at_the_least_size_is_not_told_to_use_a_smaller_one():
    """A 640x360 GIF too big was told 'use a smaller size' (diff review)."""
    with pytest.raises(ExportOptionsError) as caught:
        check_gif_budget(1897, (640, 360))
    assert "at most 1085 frames" in str(caught.value)
    assert "smaller size" not in str(caught.value)
    with pytest.raises(ExportOptionsError, match="or use a smaller size"):
        check_gif_budget(1897, (1280, 720))


def test_gif_budget_refuses_long_or_huge_gifs():
    check_gif_budget(300, (640, 360))
    with pytest.raises(ExportOptionsError, match="at most 3000"):
        check_gif_budget(3001, (64, 64))
    with pytest.raises(ExportOptionsError, match="too big"):
        check_gif_budget(2000, (1920, 1080))


# --- MP4 ----------------------------------------------------------------------------------


def test_mp4_has_exact_rate_frames_order_and_faststart(tmp_path):
    out = tmp_path / "clip.mp4"
    levels = [20 + 2 * k for k in range(101)]
    with Mp4Writer(out, (W, H), 10) as writer:
        for level in levels:
            writer.write(grey_frame(level))
    assert writer.duration_s == pytest.approx(10.1)
    assert writer.files == (out,)
    assert leftovers(tmp_path, {"clip.mp4"}) == []

    atoms = top_level_atoms(out)
    assert atoms.index("moov") < atoms.index("mdat")

    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
        assert (stream.codec_context.width, stream.codec_context.height) == (W, H)
        assert stream.average_rate == 10
        assert float(stream.duration * stream.time_base) == pytest.approx(10.1, abs=0.1)
        decoded = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    assert len(decoded) == 101
    for k in (0, 1, 50, 100):
        left = decoded[k][H // 2, W // 4].astype(int)
        right = decoded[k][H // 2, 3 * W // 4].astype(int)
        assert np.all(np.abs(left - levels[k]) <= 4), (k, left)
        assert np.all(np.abs(right - (240, 120, 20)) <= 8), (k, right)


def test_mp4_refuses_odd_sizes(tmp_path):
    with pytest.raises(ExportWriteError, match="even"):
        Mp4Writer(tmp_path / "a.mp4", (161, 120), 10)


def test_mp4_abort_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    out = tmp_path / "clip.mp4"
    out.write_bytes(b"previous export")
    writer = Mp4Writer(out, (W, H), 10)
    writer.open()
    for k in range(20):
        writer.write(grey_frame(k))
    writer.abort()
    assert out.read_bytes() == b"previous export"
    assert leftovers(tmp_path, {"clip.mp4"}) == []


def test_an_exception_inside_with_aborts(tmp_path):
    out = tmp_path / "clip.mp4"
    with pytest.raises(KeyError), Mp4Writer(out, (W, H), 10) as writer:
        writer.write(grey_frame(1))
        raise KeyError("drawing failed")
    assert not out.exists()
    assert leftovers(tmp_path, set()) == []


def test_wrong_frame_shape_is_an_error_and_cleans_up(tmp_path):
    out = tmp_path / "clip.mp4"
    writer = Mp4Writer(out, (W, H), 10)
    writer.open()
    with pytest.raises(ExportWriteError, match=r"\(120, 160, 3\) uint8"):
        writer.write(np.zeros((H, W, 2), np.uint8))
    assert leftovers(tmp_path, set()) == []


@pytest.mark.parametrize("suffix", [".mp4", ".png", ".gif"])
def test_bgra_frames_keep_their_colours(tmp_path, suffix):
    """A (h, w, 4) frame in B, G, R, A byte order (Qt's RGB32) is written as RGB."""
    out = tmp_path / f"clip{suffix}"
    bgra = np.zeros((H, W, 4), np.uint8)
    bgra[..., 0], bgra[..., 1], bgra[..., 2], bgra[..., 3] = 40, 90, 220, 255  # R=220 G=90 B=40
    writer = {".mp4": Mp4Writer, ".png": PngWriter, ".gif": GifWriter}[suffix](out, (W, H), 10)
    writer.open()
    for _ in range(3):
        writer.write(bgra)
    writer.close()
    if suffix == ".mp4":
        with av.open(str(out)) as container:
            rgb = next(container.decode(video=0)).to_ndarray(format="rgb24")
    else:
        with Image.open(out) as img:
            rgb = np.asarray(img.convert("RGB"))
    assert np.all(np.abs(rgb[H // 2, W // 2].astype(int) - [220, 90, 40]) <= 8)


class _BrokenReformatter:
    """Stands in for PyAV's reformatter and fails on the third frame."""

    def __init__(self) -> None:
        self.calls = 0

    def reformat(self, frame, **kwargs):
        self.calls += 1
        if self.calls == 3:
            raise RuntimeError("encoder exploded")
        return frame.reformat(**kwargs)


def _write_until_it_fails(out) -> BaseException | None:
    """Write 200 frames to an MP4 at out and close it, in a thread of its own; what that
    raised (None: nothing). Fails the test if the writer hangs."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        writer = Mp4Writer(out, (W, H), 10, queue_frames=2)
        writer.open()
        try:
            for k in range(200):
                writer.write(grey_frame(k % 200))
            writer.close()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=20)
    assert not thread.is_alive(), "the writer hung after an encoder error"
    return outcome[0]


def test_an_encoder_thread_error_is_raised_not_a_hang(tmp_path, monkeypatch):
    monkeypatch.setattr(mp4_writer, "VideoReformatter", _BrokenReformatter)
    out = tmp_path / "clip.mp4"
    out.write_bytes(b"keep me")
    outcome = _write_until_it_fails(out)
    assert isinstance(outcome, ExportWriteError)
    assert "encoder exploded" in str(outcome)
    assert out.read_bytes() == b"keep me"
    assert leftovers(tmp_path, {"clip.mp4"}) == []


def test_an_error_in_the_encoder_thread_is_raised_not_a_hang(tmp_path, monkeypatch):
    """Frames are converted in write(); what fails after, in the encoder's thread (here a
    third "frame" it cannot encode), is raised by a later write() or close()."""
    convert = Mp4Writer._convert
    calls = []

    def broken(self, frame):
        calls.append(1)
        return "not a frame" if len(calls) == 3 else convert(self, frame)

    monkeypatch.setattr(Mp4Writer, "_convert", broken)
    out = tmp_path / "clip.mp4"
    out.write_bytes(b"keep me")
    outcome = _write_until_it_fails(out)
    assert isinstance(outcome, ExportWriteError)
    assert "MP4 encoding failed" in str(outcome)
    assert out.read_bytes() == b"keep me"
    assert leftovers(tmp_path, {"clip.mp4"}) == []


def test_finished_files_get_ordinary_permissions(tmp_path):
    out = tmp_path / "clip.mp4"
    with Mp4Writer(out, (W, H), 10) as writer:
        writer.write(grey_frame(9))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


# --- GIF ----------------------------------------------------------------------------------


def test_gif_delays_track_the_frame_rate_in_centiseconds():
    assert gif_durations_ms(6, 30) == [30, 40, 30, 30, 40, 30]
    assert sum(gif_durations_ms(7393, 30)) == 246430
    assert gif_durations_ms(4, 25) == [40, 40, 40, 40]
    durations = gif_durations_ms(100, 15)
    assert all(d % 10 == 0 for d in durations)
    assert all(abs(sum(durations[: k + 1]) - (k + 1) * 1000 / 15) <= 5 for k in range(100))


@pytest.mark.parametrize("with_sample", [False, True])
def test_gif_frames_loop_durations_and_colours(tmp_path, with_sample):
    out = tmp_path / "clip.gif"
    frames = []
    for k in range(45):
        frame = grey_frame(30, (96, 64))
        frame[10:20, k : k + 10] = (20, 200, 60)  # a green block moving right
        frames.append(frame)
    sample = frames[::10] if with_sample else None
    with GifWriter(out, (96, 64), 30, palette_sample=sample) as writer:
        for frame in frames:
            writer.write(frame)
    assert writer.duration_s == pytest.approx(1.5)
    assert leftovers(tmp_path, {"clip.gif"}) == []
    with Image.open(out) as gif:
        assert gif.n_frames == 45
        assert gif.info["loop"] == 0
        durations = []
        for k in range(gif.n_frames):
            gif.seek(k)
            durations.append(gif.info["duration"])
            rgb = np.asarray(gif.convert("RGB"))
            assert tuple(rgb[15, k + 5]) == (20, 200, 60)
            assert tuple(rgb[40, 10]) == (30, 30, 30)
    assert sum(durations) == 1500
    assert all(abs(d - 1000 / 30) <= 10 for d in durations)


def test_gif_pixels_take_their_nearest_palette_colour(tmp_path):
    """200 colours a level or two apart fit the palette exactly; each comes back exactly
    (Pillow's own look-up gave 85% of the pixels a neighbouring entry, up to 5 levels off)."""
    rng = np.random.default_rng(3)
    codes = rng.choice(16**3, size=200, replace=False)
    colours = np.stack([codes // 256, (codes // 16) % 16, codes % 16], axis=1) + 100
    frame = np.repeat(np.repeat(colours.reshape(10, 20, 3), 4, axis=0), 4, axis=1)
    frame = frame.astype(np.uint8)
    out = tmp_path / "close.gif"
    with GifWriter(out, (80, 40), 10, palette_sample=[frame]) as writer:
        writer.write(frame)
    with Image.open(out) as gif:
        assert np.array_equal(np.asarray(gif.convert("RGB")), frame)


def test_gif_abort_leaves_old_file(tmp_path):
    out = tmp_path / "clip.gif"
    out.write_bytes(b"old gif")
    writer = GifWriter(out, (32, 32), 10)
    writer.open()
    writer.write(grey_frame(5, (32, 32)))
    writer.abort()
    assert out.read_bytes() == b"old gif"
    assert leftovers(tmp_path, {"clip.gif"}) == []


# --- PNG ----------------------------------------------------------------------------------


def test_png_still_keeps_the_first_frame(tmp_path):
    out = tmp_path / "still.png"
    with PngWriter(out, (W, H), 30) as writer:
        writer.write(grey_frame(77))
        writer.write(grey_frame(200))
    assert writer.frames_written == 1 and writer.duration_s == 0.0
    assert np.array_equal(np.asarray(Image.open(out).convert("RGB")), grey_frame(77))
    assert leftovers(tmp_path, {"still.png"}) == []


def test_sequence_names():
    assert sequence_name(Path("out/race_%04d.png"), 7) == Path("out/race_0007.png")
    assert sequence_name(Path("race%d.png"), 12) == Path("race12.png")
    assert sequence_name(Path("out/race.png"), 3) == Path("out/race_0003.png")


def test_png_sequence_moves_numbered_files_into_place(tmp_path):
    out = tmp_path / "seq_%04d.png"
    with PngWriter(out, (W, H), 10, sequence=True) as writer:
        for k in range(3):
            writer.write(grey_frame(10 * k))
    names = [f"seq_{k:04d}.png" for k in (1, 2, 3)]
    assert [p.name for p in writer.files] == names
    assert leftovers(tmp_path, set(names)) == []
    assert np.array_equal(np.asarray(Image.open(tmp_path / names[2])), grey_frame(20))
    assert writer.duration_s == pytest.approx(0.3)


def test_png_sequence_abort_touches_nothing(tmp_path):
    existing = tmp_path / "race_0001.png"
    existing.write_bytes(b"old frame")
    writer = PngWriter(tmp_path / "race.png", (W, H), 10, sequence=True)
    writer.open()
    writer.write(grey_frame(1))
    writer.write(grey_frame(2))
    writer.abort()
    assert existing.read_bytes() == b"old frame"
    assert leftovers(tmp_path, {"race_0001.png"}) == []


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160), (7680, 4320)])
def test_frames_waiting_for_the_encoder_fit_a_memory_budget(tmp_path, size):
    # 8 waiting 8K frames took 0.9 GB more than 2; 1080p keeps its 8 frames of slack.
    writer = Mp4Writer(tmp_path / "a.mp4", size, 30)
    frame_bytes = 4 * size[0] * size[1]
    assert writer.queue_frames >= 2
    assert writer.queue_frames * frame_bytes <= max(MP4_QUEUE_BYTES, 2 * frame_bytes)
    if 8 * frame_bytes <= MP4_QUEUE_BYTES:
        assert writer.queue_frames == MP4_QUEUE_FRAMES


def test_gif_frames_after_the_first_store_only_what_changed(tmp_path):
    """Unchanged pixels are written as transparent over the frame before (one palette index
    kept free for it): a 54 s 360p clip had taken 15.7 MB. The frames decode exactly."""
    rng = np.random.default_rng(7)
    levels = np.array([0, 40, 80, 120, 160, 200], dtype=np.uint8)  # 216 colours: exact
    background = levels[rng.integers(0, 6, size=(90, 160, 3))]
    frames = []
    for k in range(20):  # a clock top left and a runner bottom right: the changes span it all
        frame = background.copy()
        frame[2:8, 2 : 2 + k] = (200, 0, 40)
        frame[80:86, 150 - k : 158] = (200, 0, 40)
        frames.append(frame)
    out = tmp_path / "clip.gif"
    with GifWriter(out, (160, 90), 10, palette_sample=frames[::5]) as writer:
        for frame in frames:
            writer.write(frame)
    first = tmp_path / "first.gif"
    with GifWriter(first, (160, 90), 10, palette_sample=frames[::5]) as writer:
        writer.write(frames[0])
    # Twenty frames of noise take little more than one: the later ones hold their changes.
    assert out.stat().st_size < 1.5 * first.stat().st_size
    with Image.open(out) as gif:
        assert gif.n_frames == 20
        for k in range(20):
            gif.seek(k)
            assert np.array_equal(np.asarray(gif.convert("RGB")), frames[k])
