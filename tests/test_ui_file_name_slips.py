"""The window's Save As and Export refuse the names the command line refuses (name_problem):
a blank at an end of the name or before its suffix, a character that shows nothing, a start
that hides the file, a name of only dots; a dialog says so and nothing is written."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from racegui.export.dialog import ExportDialog  # noqa: E402

SLIPS = [
    (" race", "starts with a space: type it as"),
    ("race ", "has a space before"),
    ("ra\u200bce", "has U+200B (zero width space) in it: type it as"),
    ("race\u202e", "has U+202E (right-to-left override) in it"),
    (". race", "starts with a dot and a space, so the file would be hidden"),
    ("..race", "starts with more than one dot, so the file would be hidden"),
    ("..", "is only dots before"),
]
"""(stem typed, what the dialog says of it)."""


@pytest.mark.parametrize(("stem", "said"), SLIPS)
def test_save_as_refuses_a_slip_in_the_name_with_a_dialog(
    window, tmp_path, monkeypatch, stem, said
):
    """Save As " race.json", "race .json", a name holding a zero width space, ". race.json"
    or "...json" had written a file so named (a hidden one for the last two)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    folder = tmp_path / "saved"
    folder.mkdir()
    before = window.path
    assert not window.save_as(str(folder / f"{stem}.json"))
    assert len(shown) == 1 and said in shown[0] and shown[0].startswith("The file name ")
    assert list(folder.iterdir()) == [] and window.path == before


def test_save_as_still_writes_a_dotfile_and_a_name_with_spaces_inside(window, tmp_path):
    """One dot before a name is a hidden file named so on purpose; spaces inside are words."""
    folder = tmp_path / "saved"
    folder.mkdir()
    assert window.save_as(str(folder / ".race.json"))
    assert window.save_as(str(folder / "mile final.json"))
    assert sorted(p.name for p in folder.iterdir()) == [".race.json", "mile final.json"]


@pytest.mark.parametrize("suffix", [".mp4", ".png"])
@pytest.mark.parametrize(("stem", "said"), SLIPS)
def test_the_export_dialog_refuses_a_slip_in_the_name(qtbot, window, tmp_path, stem, said, suffix):
    """The export dialog took " clip.mp4", "clip .mp4", "...mp4" and names with a zero width
    space or a bidi control and wrote them so named; now its check line says what is wrong
    and Export is off."""
    dialog = ExportDialog(window.replay, start_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / f"{stem}{suffix}"))
    problem = dialog.problem()
    assert problem is not None and said in problem, problem
    assert problem.startswith("The file name ") and not dialog.export_button.isEnabled()
    dialog.path_edit.setText(str(tmp_path / f"race{suffix}"))
    assert dialog.problem() is None and dialog.export_button.isEnabled()


def test_the_export_dialog_takes_a_still_named_with_per_cent_signs(qtbot, window, tmp_path):
    """'a%%d.png' (%% then d, no frame number) had been taken for a numbered sequence and
    refused ("is not a frame number pattern"); it is a still, written as typed."""
    dialog = ExportDialog(window.replay, start_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "a%%d.png"))
    assert dialog.problem() is None and not dialog.to_edit.isEnabled()
    assert dialog.options().is_still and dialog.options().output.name == "a%%d.png"
