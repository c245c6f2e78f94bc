"""A file that cannot be written is said in one wording by every verb: "OUT: cannot write:
WHY", for export, import and the window's --screenshot alike (tester: a read-only or missing
destination was worded three ways)."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.resources_path import demo_race_path
from racegui.ui.app import main_gui
from tests.helpers_read_only import read_only_file

DEMO = str(demo_race_path())


def _splits_csv(tmp_path):
    csv = tmp_path / "splits.csv"
    csv.write_text("athlete,distance_m,time\nA,400,61.5\nA,800,2:03.25\n", encoding="utf-8")
    return csv


def _write(verb: str, tmp_path, out) -> int:
    """Run the verb writing to out (the window's --screenshot for "screenshot")."""
    if verb == "screenshot":
        return main_gui(None, screenshot=out, time_s=60.0)
    if verb == "import":
        return main(["import", str(_splits_csv(tmp_path)), "-o", str(out), "--distance", "800"])
    return main(["export", DEMO, "-o", str(out), "--time", "1:00", "--size", "360p", "-q"])


VERBS = [("export", "x.mp4"), ("export", "x.png"), ("import", "x.json"), ("screenshot", "x.png")]


@pytest.mark.parametrize(("verb", "name"), VERBS)
def test_a_missing_folder_is_said_alike(qapp, tmp_path, capsys, verb, name):
    out = tmp_path / "nodir" / name
    assert _write(verb, tmp_path, out) == 2
    err = capsys.readouterr().err
    assert err == f"{out}: cannot write: the folder {str(out.parent)!r} does not exist\n"


@pytest.mark.parametrize(("verb", "name"), VERBS)
def test_a_read_only_file_is_said_alike_and_left_as_it_was(
    qapp, tmp_path, capsys, monkeypatch, verb, name
):
    """Root may write any file, so os.access stands in for a user without the right (as in
    test_export_limits). Import had said "Permission denied" only (as a user; root wrote
    over the file)."""
    out = read_only_file(monkeypatch, tmp_path / name)
    assert _write(verb, tmp_path, out) == 2
    err = capsys.readouterr().err
    assert err == f"{out}: cannot write: Permission denied (the file is read-only)\n"
    assert out.read_bytes() == b"hello"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file
