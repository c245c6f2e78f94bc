"""Export options that would plan an endless export, or a name that cannot be numbered, are
refused with one sentence (command line and dialog alike), never a traceback."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.export import options as export_options
from racegui.export.dialog import ExportDialog
from racegui.export.options import MIN_SPEED, ExportOptions, ExportOptionsError
from racegui.export.pipeline import plan_for
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path

DEMO = str(demo_race_path())


@pytest.fixture(scope="module")
def replay():
    return compile_race(read_race(demo_race_path()))


def test_a_speed_may_be_written_as_a_fraction(tmp_path):
    """'--speed 1/16', as the README writes the slowest, was 'invalid float value' (tester)."""
    from racegui.export.cli_export import speed_arg

    assert (speed_arg("1/16"), speed_arg("3/2"), speed_arg("4"), speed_arg(" 0.5")) == (
        0.0625,
        1.5,
        4.0,
        0.5,
    )
    out = tmp_path / "x_%02d.png"  # a still has no speed (refused for one since)
    args = ["--from", "1", "--to", "1.1", "--fps", "10", "--size", "320x180", "-q"]
    assert main(["export", DEMO, "-o", str(out), "--speed", "1/16", *args]) == 0
    assert len(list(tmp_path.glob("x_*.png"))) == 17  # 0.1 s of race played over 1.6 s


@pytest.mark.parametrize("speed", ["1/0", "abc", "1/16/2", "/2"])
def test_a_speed_that_is_no_number_is_one_line_and_exit_2(capsys, tmp_path, speed):
    out = tmp_path / "x.mp4"
    assert main(["export", DEMO, "-o", str(out), "--speed", speed, "-q"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and not out.exists()
    assert f"argument --speed: {speed!r} is not a speed: a number of times real time, " in err


@pytest.mark.parametrize("speed", ["5e-324", "1e-300", "1e-10", "1e-5", "0.06"])
def test_a_tiny_speed_is_one_line_and_exit_2(capsys, tmp_path, speed):
    """--speed 5e-324 overflowed in frame_count, 1e-10 asked for terabytes (tester)."""
    out = tmp_path / "x.mp4"
    argv = ["export", DEMO, "-o", str(out), "--from", "1", "--to", "2", "--size", "360p"]
    code = main([*argv, "--speed", speed, "-q"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1
    assert "0.0625 (1/16) to 64 times real time" in err
    assert not out.exists()


def test_the_slowest_speed_is_allowed(tmp_path):
    options = ExportOptions(output=tmp_path / "x.mp4", speed=MIN_SPEED, from_s=0, to_s=1)
    options.validate()
    assert plan_for(options, None).total == 16 * 30 + 1


def test_an_export_of_too_many_frames_is_refused_before_planning(tmp_path):
    """A 100-hour race at 120 fps and 1/16 speed planned 691 million frame times."""
    options = ExportOptions(output=tmp_path / "x.mp4", fps=120, speed=MIN_SPEED, to_s=360000.0)
    with pytest.raises(ExportOptionsError, match="691,200,001 frames is too long"):
        plan_for(options, None)
    endless = ExportOptions(output=tmp_path / "x.mp4", to_s=1e308)
    with pytest.raises(ExportOptionsError, match="endless frames is too long"):
        plan_for(endless, None)


def test_the_dialog_refuses_too_many_frames_the_same_way(replay, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(export_options, "MAX_FRAMES", 1000)
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "clip.mp4"))
    assert "frames is too long (at most 1,000)" in (dlg.problem() or "")
    dlg.to_edit.setText("0:10")
    assert dlg.problem() is None


@pytest.mark.parametrize(
    "name",
    ["seq_%099999999999999999d.png", "seq_%010d.png", "seq_%1.99999999999999d_%04d.png"],
)
def test_a_huge_frame_number_width_is_refused_without_formatting(capsys, tmp_path, name):
    """ "seq_%099999999999999999d.png" was a MemoryError (name % 1), in the dialog on every
    keystroke (tester)."""
    code = main(["export", DEMO, "-o", str(tmp_path / name), "--to", "1", "-q"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1
    assert "wider than 9 digits" in err
    assert list(tmp_path.iterdir()) == []


def test_the_dialog_refuses_a_huge_frame_number_width(replay, qtbot, tmp_path):
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.path_edit.setText(str(tmp_path / "seq_%099999999999999999d.png"))
    assert "wider than 9 digits" in (dlg.problem() or "")
    dlg.path_edit.setText(str(tmp_path / "seq_%09d.png"))
    assert dlg.problem() is None


def test_a_read_only_output_is_refused_and_left_as_it_was(capsys, tmp_path, monkeypatch):
    """An export replaced a write-protected GIF (mode 444) that import refused to write over
    (tester). Root may write any file, so os.access stands in for a user without the right."""
    from tests.helpers_read_only import read_only_file

    out = read_only_file(monkeypatch, tmp_path / "clip.gif")
    argv = ["export", DEMO, "-o", str(out), "--to", "1", "--size", "360p", "-q"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == f"{out}: cannot write: Permission denied (the file is read-only)\n"
    assert out.read_bytes() == b"hello" and (out.stat().st_mode & 0o777) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["clip.gif"]  # no temporary file left


@pytest.mark.parametrize("name", ["a%%b.png", "a%%d.png", "50%%_%%04d.png"])
def test_a_still_s_name_with_per_cent_signs_is_written_as_typed(capsys, tmp_path, name):
    """A still is one frame, so a % in its name is a character: 'a%%b.png' was written as
    'a%%b.png', but 'a%%d.png' (%% then d, no frame number) was taken for a numbered
    sequence and refused: "is not a frame number pattern ... (write %% for a % sign in it)"."""
    argv = ["export", DEMO, "-o", str(tmp_path / name), "--time", "1:00", "--size", "360p"]
    assert main([*argv, "-q"]) == 0, capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert ExportOptions(tmp_path / name).is_still


def test_a_sequence_s_escaped_d_is_no_frame_number(capsys, tmp_path):
    """In a numbered sequence's name %% is a % sign, before a d too: 'a%%d_%04d.png' numbers
    its files at the %04d ('a%d_0001.png'), not at the '%d' of '%%d'."""
    seq = tmp_path / "a%%d_%04d.png"
    argv = ["export", DEMO, "-o", str(seq), "--to", "0.1", "--fps", "10", "--size", "360p"]
    assert main([*argv, "-q"]) == 0, capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a%d_0001.png", "a%d_0002.png"]


def test_the_numbered_name_suggested_for_a_still_is_one_the_export_takes(capsys, tmp_path):
    """'-o a_%n.png --to 1' was told to 'number the files: a_%n_%04d.png', which is refused."""
    still = tmp_path / "a_%n.png"
    assert main(["export", DEMO, "-o", str(still), "--to", "1", "-q"]) == 2
    err = capsys.readouterr().err
    assert err.rstrip().endswith("number the files: a_%%n_%04d.png.")
    seq = tmp_path / "a_%%n_%04d.png"
    argv = ["export", DEMO, "-o", str(seq), "--to", "0.1", "--fps", "10", "--size", "360p", "-q"]
    assert main(argv) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_%n_0001.png", "a_%n_0002.png"]
