"""The CSV dialog answered as a user would, for tests of the window that opens it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from racegui.ui import csv_dialog
from racegui.ui.csv_dialog import CsvOpenDialog


def answered_dialogs(monkeypatch, **fields) -> list[CsvOpenDialog]:
    """CSV dialogs shown as on a desktop, exec filling in fields (by attribute name: target,
    name, title, distance...) and pressing OK, or Cancel with cancel=True. Returns the
    dialogs shown, each with the distance it started at as `started_at`."""
    monkeypatch.setattr(csv_dialog, "dialogs_seen", lambda: True)
    seen: list[CsvOpenDialog] = []

    def exec_(dialog: CsvOpenDialog) -> int:
        dialog.started_at = dialog.distance.text()
        seen.append(dialog)
        if fields.get("cancel"):
            return QDialog.DialogCode.Rejected
        for name, text in fields.items():
            getattr(dialog, name).setText(text)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(CsvOpenDialog, "exec", exec_)
    return seen
