"""File > Export: the dialog's rows stay put as the progress bar appears (presenter's review:
the buttons moved down a bar's height when an export started)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from racegui.export.dialog import ExportDialog
from racegui.io.race_file import read_race
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path


@pytest.fixture(scope="module")
def replay():
    return compile_race(read_race(demo_race_path()))


def _one_second_clip_dialog(replay, tmp_path, qtbot) -> ExportDialog:
    """The dialog shown, set for a 1 s 720p clip at 10 fps into tmp_path/clip.mp4."""
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.size_combo.setCurrentIndex(1)  # 1280 x 720
    dlg.fps_spin.setValue(10)
    dlg.from_edit.setText("1:00")
    dlg.to_edit.setText("1:01")
    dlg.path_edit.setText(str(tmp_path / "clip.mp4"))
    dlg.show()
    qtbot.waitExposed(dlg)
    QApplication.processEvents()
    return dlg


def test_the_rows_and_buttons_do_not_move_when_the_progress_bar_appears(replay, tmp_path, qtbot):
    dlg = _one_second_clip_dialog(replay, tmp_path, qtbot)

    def where() -> tuple:
        return (
            dlg.height(),
            dlg.options_box.geometry().getRect(),
            dlg.buttons.geometry().getRect(),
        )

    before = where()
    assert dlg.progress.isHidden()  # no bar before an export
    during = []
    shown = dlg._show_progress

    def progress(done: int, total: int, elapsed_s: float) -> None:
        shown(done, total, elapsed_s)
        QApplication.processEvents()  # the layout as the window shows it
        during.append((dlg.progress.isVisible(), where()))

    dlg._show_progress = progress
    with qtbot.waitSignal(dlg.export_finished, timeout=60_000):
        dlg.export_button.click()
    assert during and all(visible for visible, _ in during)
    assert {at for _, at in during} == {before}


def test_the_progress_line_groups_thousands_as_the_check_line_does(replay, tmp_path, qtbot):
    """The progress read "24 of 7394 frames" beside the check line's "7,394 frames" (R8)."""
    dlg = ExportDialog(replay, start_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg._show_progress(1500, 7394, 3.0)
    assert dlg.status.text().startswith("1,500 of 7,394 frames  ·  ")


def _fields_y(dlg: ExportDialog) -> list[int]:
    """The y (px, in the dialog) of each field of the options form."""
    fields = (dlg.path_edit, dlg.size_combo, dlg.fps_spin, dlg.from_edit, dlg.to_edit)
    return [w.mapTo(dlg, w.rect().topLeft()).y() for w in fields]


def test_the_rows_do_not_move_when_the_result_appears(replay, tmp_path, qtbot):
    """The result ("Wrote …/clip.mp4: 11 frames, …" on two lines) had taken its second line
    from the form, whose rows moved up 2 px."""
    dlg = _one_second_clip_dialog(replay, tmp_path, qtbot)
    before = _fields_y(dlg)
    with qtbot.waitSignal(dlg.export_finished, timeout=60_000):
        dlg.export_button.click()
    for _ in range(5):  # the relayout the longer text asks for
        QApplication.processEvents()
    assert dlg.status.text().startswith("Wrote ")
    assert dlg.status.heightForWidth(dlg.status.width()) > dlg.status.fontMetrics().height()
    assert dlg.status.height() >= dlg.status.heightForWidth(dlg.status.width())  # not cut
    assert _fields_y(dlg) == before
