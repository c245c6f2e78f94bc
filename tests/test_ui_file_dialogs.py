"""The file dialogs tell a file's kind by its name, never by reading it: listing /proc as
root read /proc/kmsg, which waits for kernel messages, and froze the window (tester)."""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QFileDialog

from racegui.ui import file_dialogs
from racegui.ui.file_dialogs import NameOnlyIconProvider

PNG_MAGIC = b"\x89PNG\r\n\x1a\n" + bytes(32)


def test_a_file_s_type_comes_from_its_name_not_its_contents(qapp, tmp_path):
    odd = tmp_path / "frame.weird"
    odd.write_bytes(PNG_MAGIC)
    bare = tmp_path / "kmsg"
    bare.write_bytes(PNG_MAGIC)
    # Qt's own provider reads them: a PNG, whatever their names say.
    assert "PNG" in QAbstractFileIconProvider().type(QFileInfo(str(bare)))
    ours = NameOnlyIconProvider()
    assert ours.type(QFileInfo(str(odd))) == "WEIRD file"
    assert ours.type(QFileInfo(str(bare))) == "File"
    assert ours.type(QFileInfo(str(tmp_path))) == "Folder"
    file_icon = ours.icon(QAbstractFileIconProvider.IconType.File)
    assert ours.icon(QFileInfo(str(bare))).cacheKey() == file_icon.cacheKey()


def test_every_dialog_lists_files_with_it(qapp, tmp_path, monkeypatch):
    seen: list[QFileDialog] = []

    def fake_exec(dialog):
        seen.append(dialog)
        assert isinstance(dialog.iconProvider(), NameOnlyIconProvider)
        dialog.selectFile(str(tmp_path / "race.json"))
        return QFileDialog.DialogCode.Rejected

    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    assert file_dialogs.open_file_name(None, "Open race", str(tmp_path), "*.json") == ("", "")
    filters = "MP4 video (*.mp4);;Animated GIF (*.gif)"
    picked = file_dialogs.save_file_name(
        None, "Export", str(tmp_path / "x.gif"), filters, "Animated GIF (*.gif)"
    )
    assert picked == ("", "")
    assert seen[0].fileMode() == QFileDialog.FileMode.ExistingFile
    assert seen[1].acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert seen[1].selectedNameFilter() == "Animated GIF (*.gif)"
