"""The window's --distance (`racegui FILE --distance D`), as racegui import's, and the line a
--screenshot of a lap CSV says of the distance its laps were read at when none is given
(analyst's review: the window read a lap CSV at a guessed distance and said nothing, where
import, info and validate refuse one without --distance)."""

from __future__ import annotations

import shutil

from PySide6.QtWidgets import QDialog

from racegui.cli import main
from racegui.resources_path import demo_race_path
from racegui.ui import csv_dialog
from racegui.ui.csv_dialog import CsvOpenDialog, open_csv

LAPS = "Lap,Lap Time\n1,61.0\n2,62.0\n3,61.5\n4,60.0\n"
"""A stopwatch's 4 laps: a mile by default (the race they fit best), or 1500 m."""


def _laps(tmp_path):
    path = tmp_path / "laps.csv"
    path.write_text(LAPS, encoding="utf-8")
    return path


def _shot(capsys, tmp_path, *argv: str) -> tuple[int, str, bool]:
    out = tmp_path / "shot.png"
    code = main([*argv, "--screenshot", str(out), "--time", "30", "--size", "960x540"])
    printed, err = capsys.readouterr()
    assert printed == ""
    return code, err, out.exists()


def test_a_lap_csv_s_guessed_distance_is_said(tmp_path, capsys):
    path = _laps(tmp_path)
    code, err, written = _shot(capsys, tmp_path, str(path))
    assert (code, written) == (0, True)
    assert err == (
        f"racegui: {path}: 4 laps, read as 1 mile, the race they fit best "
        "(--distance gives another)\n"
    )


def test_distance_sets_it_and_nothing_is_said(tmp_path, capsys):
    path = _laps(tmp_path)
    assert _shot(capsys, tmp_path, str(path), "--distance", "1500") == (0, "", True)
    assert open_csv(path, ask=False, distance_m=1500.0).race.distance_m == 1500.0


def test_a_splits_csv_is_said_nothing_of_and_takes_distance_as_import_does(tmp_path, capsys):
    path = tmp_path / "s.csv"
    path.write_text("athlete,distance_m,time\nA,400,60\nA,800,2:01\n", encoding="utf-8")
    assert _shot(capsys, tmp_path, str(path)) == (0, "", True)
    (tmp_path / "shot.png").unlink()
    code, err, written = _shot(capsys, tmp_path, str(path), "--distance", "1000")
    assert (code, written) == (2, False)
    assert err == (
        f"racegui: {path}: line 3, column 2: the last split (800 m) must be at the race "
        "distance (1000 m), which --distance set\n"
    )


def test_distance_the_laps_do_not_fit_is_refused_as_import_refuses_it(tmp_path, capsys):
    path = _laps(tmp_path)
    code, err, written = _shot(capsys, tmp_path, str(path), "--distance", "3000")
    assert (code, written) == (2, False)
    assert main(["import", str(path), "--distance", "3000", "-o", str(tmp_path / "r.json")]) == 2
    assert err == "racegui: " + capsys.readouterr().err
    assert err.startswith(f"racegui: {path}: the CSV has 4 laps, but 3000 m is 8 laps")


def test_distance_for_a_race_file_or_no_file_is_refused(tmp_path, capsys):
    race = tmp_path / "race.json"
    shutil.copy(demo_race_path(), race)
    code, err, written = _shot(capsys, tmp_path, str(race), "--distance", "1500")
    assert (code, written) == (2, False)
    assert err == (
        f"racegui: --distance is for a splits CSV; {race} is a race file (JSON), which gives "
        "its own\n"
    )
    code, err, written = _shot(capsys, tmp_path, "--distance", "1500")
    assert (code, err, written) == (
        2,
        "racegui: --distance is for a splits CSV given as FILE\n",
        False,
    )


def test_a_distance_that_is_none_is_refused_as_import_refuses_it(tmp_path, capsys):
    code, err, written = _shot(capsys, tmp_path, str(_laps(tmp_path)), "--distance", "far")
    assert (code, written) == (2, False)
    assert err.startswith("racegui: argument --distance: 'far' is not a distance")
    assert err.count("\n") == 1


def test_the_dialog_starts_at_the_distance_given(tmp_path, qtbot, monkeypatch):
    seen: list[str] = []

    def exec_(dialog: CsvOpenDialog) -> QDialog.DialogCode:
        seen.append(dialog.distance.text())
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(csv_dialog, "dialogs_seen", lambda: True)
    monkeypatch.setattr(CsvOpenDialog, "exec", exec_)
    said: list[str] = []
    replay = open_csv(_laps(tmp_path), distance_m=1500.0, on_guess=said.append)
    assert seen == ["1500 m"] and replay.race.distance_m == 1500.0 and said == []
    replay = open_csv(_laps(tmp_path), on_guess=said.append)  # the dialog shows the guess
    assert seen[-1] == "1 mile" and replay.race.distance_m == 1609.344 and said == []
