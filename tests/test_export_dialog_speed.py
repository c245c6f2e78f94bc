"""File > Export runs as fast as the command line: the event pumps that keep the dialog
responsive do not paint the export's own offscreen scene."""

from __future__ import annotations

import pytest

from racegui.export import dialog as dialog_module
from racegui.export.dialog import ExportDialog
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.track_view import TrackView


@pytest.fixture(scope="module")
def replay():
    return compile_race(read_race(demo_race_path()))


def test_the_export_scene_is_not_repainted_by_the_event_pumps(replay, tmp_path, qtbot, monkeypatch):
    """Each pump had painted the whole offscreen 1080p track once more (195 times in a 10 s
    clip at 30 fps): the export draws its frames itself, with render_image."""
    painted: list[TrackView] = []
    real_paint = TrackView.paintEvent
    monkeypatch.setattr(
        TrackView, "paintEvent", lambda view, ev: painted.append(view) or real_paint(view, ev)
    )
    monkeypatch.setattr(dialog_module, "PUMP_INTERVAL_MS", 0)  # pump after every frame
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.size_combo.setCurrentIndex(1)  # 1280 x 720
    dlg.fps_spin.setValue(10)
    dlg.from_edit.setText("1:00")
    dlg.to_edit.setText("1:02")
    dlg.path_edit.setText(str(tmp_path / "clip.mp4"))
    assert dlg.run_export(dlg.options()) is not None
    assert painted == []
