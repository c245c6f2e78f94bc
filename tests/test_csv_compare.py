"""File > Compare with a lap CSV asks what opening one does (its runner's name, title and
target), starting at the distance of the race shown: it had read the CSV unasked, the
other runner named after the file. Cancel leaves the window as it was."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from racegui.ui import main_window
from racegui.ui.ui_paths import demo_path
from tests.helpers_csv_dialog import answered_dialogs

MILE_LAPS = "Lap,Lap Time\n1,00:01.45\n2,01:00.30\n3,01:01.00\n4,01:01.50\n5,01:03.00\n"
"""A club mile's laps (the 9.34 m start, then four laps: 4:07.25)."""


@pytest.fixture
def laps(tmp_path):
    path = tmp_path / "club-mile.csv"
    path.write_text(MILE_LAPS, encoding="utf-8")
    return path


def _picking(monkeypatch, path) -> list[str]:
    """File > Compare's file dialog picking path; returns the captions it was asked with."""
    asked: list[str] = []

    def pick(parent, caption, folder, filters):
        asked.append(caption)
        return str(path), ""

    monkeypatch.setattr(main_window, "open_file_name", pick)
    return asked


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> list[str]:
    """The texts of the message boxes the window shows (none waits, unseen, offscreen)."""
    texts: list[str] = []
    for kind in ("critical", "information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: texts.append(a[2]))
    return texts


def test_compare_with_a_lap_csv_asks_its_runner_s_name(window, laps, monkeypatch, boxes):
    _picking(monkeypatch, laps)
    seen = answered_dialogs(monkeypatch, name="Mia Berg")
    window.actions["compare"].trigger()
    [dialog] = seen
    assert dialog.parent() is window and dialog.windowTitle() == "Compare with club-mile.csv"
    assert dialog.started_at == "1 mile"  # the demo's distance
    assert window.compare is not None and boxes == []
    assert window.compare.race.focus.name == "Mia Berg"
    assert window.compare_path == laps


def test_cancel_compares_nothing_and_says_nothing(window, laps, monkeypatch, boxes):
    _picking(monkeypatch, laps)
    answered_dialogs(monkeypatch, cancel=True)
    window.actions["compare"].trigger()
    assert window.compare is None and window.scene.track.compare is None
    assert not window.actions["clear_compare"].isEnabled() and boxes == []
    assert window.open_compare(laps) is False


@pytest.mark.parametrize(
    ("laps", "start", "problem"),
    [
        ("1,1:05.2\n2,1:03.9\n3,1:04.1\n4,1:02.8", "1 mile", ""),  # timed at the finish line
        ("1,51.8\n2,69.2\n3,70.1\n4,67.4", "1500 m", ""),  # 300 m, then laps: not a mile
        ("1,60.1\n2,62.3", "1 mile", "The CSV has 2 laps, but 1 mile is 5 laps"),  # 800 m
    ],
)
def test_a_lap_csv_compared_starts_at_the_shown_race_unless_its_laps_say_otherwise(
    window, tmp_path, monkeypatch, laps, start, problem
):
    path = tmp_path / "tue.csv"
    path.write_text(f"Lap,Lap Time\n{laps}\n", encoding="utf-8")
    seen = answered_dialogs(monkeypatch, cancel=True)
    assert window.open_compare(path) is False
    [dialog] = seen
    assert dialog.started_at == start
    assert dialog.problem.text().startswith(problem) and bool(dialog.problem.text()) == bool(
        problem
    )


def test_1500_m_laps_are_not_compared_with_a_mile(window, tmp_path, monkeypatch, boxes):
    path = tmp_path / "tue.csv"
    path.write_text("Lap,Lap Time\n1,51.8\n2,69.2\n3,70.1\n4,67.4\n", encoding="utf-8")
    answered_dialogs(monkeypatch)
    assert window.open_compare(path) is False
    assert window.compare is None and len(boxes) == 1
    assert "(1500 m)" in boxes[0] and "only races of the same distance" in boxes[0]


def test_a_race_file_is_compared_without_a_dialog(window, monkeypatch, boxes):
    seen = answered_dialogs(monkeypatch)
    assert window.open_compare(demo_path("kipyegon-wr-2023.json"))
    assert seen == [] and window.compare is not None and boxes == []


def test_offscreen_a_lap_csv_compares_as_its_dialog_starts(window, laps, boxes):
    assert window.open_compare(laps)  # no dialog is waited on
    assert window.compare.race.focus.name == "club-mile" and boxes == []


WIDE_3000 = (
    "Club 3000m, Thursday session\n"
    "Athlete,400,800,1200,1600,2000,2400,2800,3000\n"
    "Ravi Patel,1:12.3,2:25.1,3:38.4,4:51.9,6:05.0,7:18.2,8:30.1,9:05.4\n"
    "Grace Obi,1:12.8,2:25.9,3:39.6,4:53.8,6:08.2,7:22.9,8:36.0,9:12.2\n"
)
"""A 3000 m sheet whose header states its distance (its last column, 3000 m)."""


def test_a_csv_whose_header_fixes_another_distance_is_refused_before_its_dialog(
    window, tmp_path, monkeypatch, boxes
):
    """Comparing the mile with a 3000 m sheet had opened the dialog at "3000 m", and only
    its OK said the races could not be compared (coach's review): refused at once."""
    path = tmp_path / "club3000_wide.csv"
    path.write_text(WIDE_3000, encoding="utf-8")
    _picking(monkeypatch, path)
    seen = answered_dialogs(monkeypatch)
    window.actions["compare"].trigger()
    assert seen == [] and window.compare is None
    assert len(boxes) == 1 and boxes[0].startswith(f"{path}:\n'Club 3000m, Thursday session'")
    assert "(3000 m) is not the distance of" in boxes[0]
    assert "only races of the same distance" in boxes[0]


def test_a_sheet_whose_finish_is_inferred_is_asked_at_the_shown_race_s_distance(
    window, tmp_path, monkeypatch, boxes
):
    """A Result column after evenly spaced splits is read as the finish one step on (here
    1500 m), a guess: the dialog asks, starting at the mile shown, which reads it."""
    path = tmp_path / "trial.csv"
    path.write_text(
        "Athlete,300,700,1100,Result\nAna Ruiz,51.0,2:01.5,3:02.2,4:29.9\n", encoding="utf-8"
    )
    seen = answered_dialogs(monkeypatch)
    assert window.open_compare(path)
    [dialog] = seen
    assert dialog.started_at == "1 mile" and boxes == []
    assert window.compare.race.distance_m == pytest.approx(1609.344)
