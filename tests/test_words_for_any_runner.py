"""The words the command line, the export's cards and the panel show about a runner fit any
runner (coach's review: info said "until she stopped" of Kai Lamb; the app's words had all
been written for the first story's Faith Kipyegon)."""

from __future__ import annotations

import argparse
import re

import pytest

from racegui.cli import main
from racegui.export.cards import end_text
from racegui.export.cli_export import splits_from_args
from racegui.export.options import ExportOptionsError
from racegui.io.race_file import race_from_data
from racegui.model import analysis
from racegui.model.replay import compile_race
from racegui.ui.panel.compare_tab import compare_names, compare_rows
from racegui.ui.panel.gap_readout import GapReadout
from racegui.ui.panel.splits_model import lap_rows, split_rows
from racegui.ui.panel.splits_table import (
    COMPARE_SPLIT_TIPS,
    COMPARE_TIPS,
    LAP_TIPS,
    SPLIT_TIPS,
    TIMED_TIPS,
)
from tests.helpers_race import club_dnf_data, write_json

PRONOUN = re.compile(r"\b(she|her|hers|herself|he|him|his|himself)\b", re.IGNORECASE)


def lamb_data() -> dict:
    """The club 3000 with its runner who did not finish renamed Kai Lamb."""
    data = club_dnf_data(target={"time": "9:20.00"})
    data["athletes"][2].update(id="kai-lamb", name="Kai Lamb")
    return data


def gendered(texts) -> list[str]:
    return [text for text in texts if PRONOUN.search(text)]


def test_info_and_help_texts(capsys, tmp_path):
    path = str(write_json(tmp_path / "club.json", lamb_data()))
    heat = str(write_json(tmp_path / "heat.json", {**lamb_data(), "title": "Club 3000, heat"}))
    for argv in (
        ["info", path, "--follow", "Kai Lamb"],
        ["info", path, "--follow", "Kai Lamb", "--compare", heat],
        ["state", path, "--follow", "Kai Lamb", "--time", "9:00"],
    ):
        assert main(argv) == 0
    out = capsys.readouterr().out
    assert "until the stop at 2000 m (DNF)" in out
    assert gendered(out.splitlines()) == []
    for verb in ("info", "state", "export"):
        with pytest.raises(SystemExit):
            main([verb, "--help"])
        assert gendered([" ".join(capsys.readouterr().out.split())]) == []


def test_export_texts():
    replay = compile_race(race_from_data(lamb_data()), "kai-lamb")
    assert "17.07 s behind the 9:20.00 target at the stop" in end_text(replay).lines
    assert gendered(end_text(replay).lines) == []
    args = argparse.Namespace(splits="compare", compare=None)
    with pytest.raises(ExportOptionsError) as problem:
        splits_from_args(args)
    assert gendered([str(problem.value)]) == []


def test_panel_texts(qtbot):
    replay = compile_race(race_from_data(lamb_data()), "kai-lamb")
    other = compile_race(race_from_data(lamb_data()), "mia-cole")
    race_m = float(replay.race.distance_m)
    rows = lap_rows(tuple(analysis.lap_table(replay)))
    rows += split_rows(tuple(analysis.split_table(replay)), race_m, replay.focus_stop_m)
    rows += split_rows(tuple(analysis.given_splits(replay)), race_m, replay.focus_stop_m)
    assert "where the runner stopped, did not finish" in rows[-1].tip
    texts = [row.tip for row in rows]
    texts += [compare_names(replay, other).tip, *(row.tip for row in compare_rows(replay, other))]
    texts += [*LAP_TIPS, *SPLIT_TIPS, *TIMED_TIPS, *COMPARE_TIPS, *COMPARE_SPLIT_TIPS]
    card = GapReadout()
    qtbot.addWidget(card)
    for widget in (card.seconds, card.word, card.metres, card.projected, card.versus):
        texts.append(widget.toolTip())
    assert all(texts) and gendered(texts) == []
    assert compare_names(replay, other).tip.startswith(
        "Published splits of Kai Lamb against Mia Cole"
    )
