"""Open and save file dialogs that never read a file's contents to list it.

Qt's own dialog (where the system offers none) asks the icon provider for each file's icon
and type, which reads a file without a known ending to tell its kind: listing /proc as root
read /proc/kmsg, which waits for kernel messages, and froze the window for good (tester).
Here a file's kind is told by its name alone.
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class NameOnlyIconProvider(QFileIconProvider):
    """Icons (the style's folder and file icons) and type names from a file's name (its
    ending) and whether it is a folder."""

    def icon(self, what):  # noqa: ANN001, ANN201 - Qt's two overloads: IconType or QFileInfo
        if isinstance(what, QFileInfo):
            kind = (
                QAbstractFileIconProvider.IconType.Folder
                if what.isDir()
                else QAbstractFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


def _dialog(parent: QWidget | None, caption: str, start: str, filters: str) -> QFileDialog:
    dialog = QFileDialog(parent, caption, start, filters)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    dialog.icon_provider = provider  # the dialog does not own it: kept alive with it
    return dialog


def _run(dialog: QFileDialog) -> tuple[str, str]:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return "", ""
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


def open_file_name(
    parent: QWidget | None, caption: str, folder: str, filters: str
) -> tuple[str, str]:
    """(path, filter chosen) of an existing file the user picks, ("", "") if cancelled: as
    QFileDialog.getOpenFileName."""
    dialog = _dialog(parent, caption, folder, filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def save_file_name(
    parent: QWidget | None, caption: str, start: str, filters: str, selected: str = ""
) -> tuple[str, str]:
    """(path, filter chosen) to save to, ("", "") if cancelled: as
    QFileDialog.getSaveFileName (asks before replacing a file); `start` is a folder or a
    suggested path, `selected` the filter to start on."""
    dialog = _dialog(parent, caption, start, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if selected:
        dialog.selectNameFilter(selected)
    return _run(dialog)
