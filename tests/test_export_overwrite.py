"""An export never writes over a race file it shows: File > Export refuses, as racegui export
does, with a warning naming the file, and nothing is written."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from racegui.export.dialog import ExportDialog, install_export, open_export_dialog
from racegui.resources_path import demo_race_path

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
