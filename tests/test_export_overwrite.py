"""An export never writes over a race file it shows: File > Export refuses, as racegui export
does, with a warning naming the file, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from racegui.cli import main
from racegui.export.dialog import ExportDialog
from racegui.export.options import ExportOptions
from racegui.export.overwrite import file_written_over
from racegui.export.window_export import install_export, open_export_dialog
from racegui.io.replay_file import read_replay
from racegui.resources_path import demo_race_path

DEMO = str(demo_race_path())
KIPYEGON = demo_race_path().parent / "kipyegon-wr-2023.json"


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    """The warnings shown; "Replace it?" is answered Yes (as a user would, to go on)."""
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return warnings


def _short(dlg: ExportDialog, out) -> None:
    """A quick export to out (so the old code, which wrote it, did not take long)."""
    dlg.size_combo.setCurrentIndex(1)  # 1280 x 720
    dlg.fps_spin.setValue(5)
    dlg.from_edit.setText("1:00")
    dlg.to_edit.setText("1:01")
    dlg.path_edit.setText(str(out))


@pytest.mark.parametrize("which", ["race", "compare"])
def test_the_dialog_refuses_to_export_over_the_window_s_race_files(
    window, qtbot, tmp_path, shown, which
):
    """File > Export asked "race.mp4 exists. Replace it?" and wrote the video over the race
    file open in the window (tester)."""
    folder = tmp_path / "races"  # tmp_path has the window's settings file
    folder.mkdir()
    race = folder / "race.mp4"
    ghost = folder / "ghost.gif"
    race.write_bytes(demo_race_path().read_bytes())
    ghost.write_bytes(KIPYEGON.read_bytes())
    assert window.open_path(race) and window.open_compare(ghost)
    install_export(window)
    dlg = open_export_dialog(window)
    qtbot.addWidget(dlg)
    target = race if which == "race" else ghost
    _short(dlg, target)
    dlg.export_button.click()
    what = "the race file open in the window" if which == "race" else "the compared race's file"
    assert shown == [f"{target} is {what}; give the export another name. Nothing was written."]
    assert race.read_bytes() == demo_race_path().read_bytes()
    assert ghost.read_bytes() == KIPYEGON.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == ["ghost.gif", "race.mp4"]
    assert dlg.last_summary is None
    dlg.close()


def test_a_cleared_comparison_is_no_race_file_of_the_window(window, qtbot, tmp_path, shown):
    """Once the comparison is cleared its file is an ordinary file to export over."""
    ghost = tmp_path / "ghost.mp4"
    ghost.write_bytes(KIPYEGON.read_bytes())
    assert window.open_compare(ghost)
    assert window.compare_path == ghost
    window.clear_compare()
    assert window.compare_path is None


def _race_at(path: Path) -> Path:
    """The demo race written at path (any name: a race file is read as JSON)."""
    path.write_bytes(demo_race_path().read_bytes())
    return path


@pytest.mark.parametrize(
    ("pattern", "race", "given"),
    [
        ("frame_%04d.png", "frame_0003.png", "FILE"),
        ("f1%d.png", "f13.png", "--compare"),  # frame 3 is named f13.png
    ],
)
def test_a_png_sequence_naming_a_frame_as_the_race_file_is_refused(
    capsys, tmp_path, monkeypatch, pattern, race, given
):
    """-o frame_%04d.png wrote its third frame over the race file frame_0003.png (tester)."""
    monkeypatch.chdir(tmp_path)
    if given == "FILE":
        kept = _race_at(tmp_path / race).read_bytes()
        files = [race]
    else:  # a ghost: a race of the same distance that is not the race shown
        kept = KIPYEGON.read_bytes()
        (tmp_path / race).write_bytes(kept)
        files = [DEMO, "--compare", race]
    argv = ["export", *files, "-o", pattern, "--from", "1", "--to", "1.2", "--fps", "10"]
    code = main([*argv, "--size", "360p"])  # 3 frames
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err == (
        f"racegui export: -o {pattern} names one of its frames {race}, which is the race "
        f"file given as {given}; give the export another name\n"
    )
    assert (tmp_path / race).read_bytes() == kept
    assert [p.name for p in tmp_path.iterdir()] == [race]


def test_only_the_planned_frames_and_a_link_s_target_are_looked_at(tmp_path):
    """A frame number past the export's frames is no file of it; a race file given by a
    link is the file it links to."""
    out = tmp_path / "frame_%04d.png"
    options = ExportOptions(output=out)
    far = _race_at(tmp_path / "frame_0009.png")
    assert file_written_over(options, far, frames=8) is None
    assert file_written_over(options, far, frames=9) == far
    assert file_written_over(options, far, frames=None) is None  # not known yet
    link = tmp_path / "race.json"
    link.symlink_to(far)
    assert file_written_over(options, link, frames=9) == far
    other = _race_at(tmp_path / "frame_0001.png.json")
    assert file_written_over(options, other, frames=9) is None
    plain = ExportOptions(output=tmp_path / "race.png", png_sequence=True)
    numbered = _race_at(tmp_path / "race_0002.png")
    assert file_written_over(plain, numbered, frames=2) == numbered


def test_the_dialog_refuses_a_sequence_naming_a_frame_as_the_race_file(qtbot, tmp_path, shown):
    race = _race_at(tmp_path / "clip_0002.png")
    dlg = ExportDialog(read_replay(race), race_path=race, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    _short(dlg, tmp_path / "clip_%04d.png")
    dlg.export_button.click()
    assert shown == [
        f"{tmp_path / 'clip_%04d.png'} names one of its frames clip_0002.png, which is the "
        "race file open in the window; give the export another name. Nothing was written."
    ]
    assert race.read_bytes() == demo_race_path().read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["clip_0002.png"]
