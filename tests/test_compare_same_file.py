"""File > Compare with the race already shown is refused at once: a splits CSV's dialog had
asked its distance first and only after OK said it was the race shown (review R11)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from racegui.ui.ui_paths import demo_path
from tests.helpers_csv_dialog import answered_dialogs

SHEET = (
    "Spring mile, 12 May\n"
    "Athlete,400,800,1200,Result\n"
    "Ann Lee,61.0,2:03.0,3:05.0,4:10.2\n"
    "Bea Kim,62.0,2:04.0,3:06.0,4:12.9\n"
)


@pytest.fixture
def refused(monkeypatch) -> list[str]:
    """The texts of the error boxes the window shows (none pops up)."""
    texts: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: texts.append(a[2]))
    return texts


def test_the_csv_shown_is_refused_before_its_dialog(window, refused, monkeypatch, tmp_path):
    sheet = tmp_path / "spring.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    dialogs = answered_dialogs(monkeypatch, distance="1 mile")
    assert window.open_path(sheet)
    assert len(dialogs) == 1 and refused == []
    assert window.open_compare(tmp_path / "." / "spring.csv") is False  # the same file
    assert len(dialogs) == 1  # no second dialog asking its distance
    assert refused == [
        f"{tmp_path / '.' / 'spring.csv'}:\n'Spring mile, 12 May' is the race already shown."
    ]
    assert window.compare is None and not window.actions["clear_compare"].isEnabled()


def test_the_race_file_shown_is_refused_too(window, refused):
    assert window.open_path(demo_path())
    assert window.open_compare(demo_path()) is False
    assert len(refused) == 1 and refused[0].endswith("is the race already shown.")
    assert window.compare is None
