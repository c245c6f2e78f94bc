"""A runner disqualified where she stopped, compared with another race (the splits card's
comparison tab and info --compare), has her stop marked "DQ", as her own tables do
(test_ui_dq); a DNF reads as before (test_panel_compare_tab, test_cli_info_compare)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from racegui.cli import main
from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from tests.helpers_panel import shown_panel
from tests.helpers_race import club_dnf_data, club_dq_data, write_json


def _other_data(by_eye: bool) -> dict:
    """Ava Reid's run in another race (by_eye: every split estimated, so laps are compared)."""
    data = club_dnf_data(title="Club 3000 heat")
    if by_eye:
        for athlete in data["athletes"]:
            for split in athlete["splits"]:
                split["estimated"] = True
    return data


@pytest.mark.parametrize(
    ("by_eye", "last"), [(False, "DQ 2000"), (True, "DQ · 2000 m")], ids=["splits", "laps"]
)
def test_the_comparison_tab_marks_a_dq_stop_dq(qtbot, by_eye, last):
    ava = compile_race(race_from_data(club_dq_data())).following("ava-reid")
    panel = shown_panel(qtbot, ava)
    panel.set_compare(compile_race(race_from_data(_other_data(by_eye))))
    model = panel.splits.view.model()
    panel.update_frame(ava.focus_stop_s + 5.0)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels[-1] == last and not any("DNF" in label for label in labels)
    if not by_eye:
        tip = model.index(model.rowCount() - 1, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert "; where the runner stopped, was disqualified;" in tip


@pytest.mark.parametrize("by_eye", [False, True], ids=["splits", "laps"])
def test_info_compare_marks_a_dq_stop_dq(capsys, tmp_path, by_eye):
    final = write_json(tmp_path / "final.json", club_dq_data())
    heat = write_json(tmp_path / "heat.json", _other_data(by_eye))
    assert main(["info", str(final), "--follow", "ava-reid", "--compare", str(heat)]) == 0
    out = capsys.readouterr().out
    table = out.split(" in Club 3000 heat\n", 1)[1].strip().splitlines()
    assert table[-1].split()[:2] == ["DQ", "2000.00"]
    assert not any(line.split()[0] == "DNF" for line in table)
