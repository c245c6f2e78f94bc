"""A target faster than world record pace is noted as splits are (reviewer R15: a 2:30
1500 m target, 10 m/s, passed without a word)."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.io.race_file import race_from_data
from racegui.model.plausibility import fast_stretches
from tests.helpers_race import minimal_data, write_json

SPLITS = "athlete,distance_m,time\nAnn,400,62.1\nAnn,800,2:05.3\nAnn,1200,3:08.0\nAnn,1500,3:55.9\n"
NOTE_2_30 = (
    "  note: Target at even pace: 1500 m in 2:30.00 (10.00 m/s) is faster than world record "
    "pace for 1500 m (7.28 m/s): check the time.\n"
)


@pytest.fixture
def splits_csv(tmp_path):
    path = tmp_path / "ok.csv"
    path.write_text(SPLITS, encoding="utf-8")
    return path


def test_validate_notes_a_target_faster_than_record_pace(capsys, splits_csv):
    assert main(["validate", str(splits_csv), "--distance", "1500", "--target", "2:30"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(NOTE_2_30) and out.count("note:") == 1


def test_import_notes_it_and_writes_the_file(capsys, splits_csv, tmp_path):
    out_json = tmp_path / "r.json"
    argv = [
        "import",
        str(splits_csv),
        "--distance",
        "1500",
        "--target",
        "3:00",
        "-o",
        str(out_json),
    ]
    assert main(argv) == 0
    assert capsys.readouterr().out.endswith(
        "  note: Target at even pace: 1500 m in 3:00.00 (8.33 m/s) is faster than world "
        "record pace for 1500 m (7.28 m/s): check the time.\n"
    )
    assert out_json.is_file()


@pytest.mark.parametrize(("target", "noted"), [("3:19", True), ("3:20", False), ("3:50", False)])
def test_the_margin_is_the_one_splits_get(capsys, splits_csv, target, noted):
    """3% over the 1500 m record's 7.28 m/s is 7.50 m/s: 3:20.00 exactly."""
    assert main(["validate", str(splits_csv), "--distance", "1500", "--target", target]) == 0
    assert ("note: Target at even pace" in capsys.readouterr().out) is noted


def test_a_race_files_even_pace_target_is_noted_under_its_label(capsys, tmp_path):
    data = minimal_data()
    data["target"] = {"time": "3:00.00", "label": "Dream pace"}
    path = write_json(tmp_path / "t.json", data)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  note: Dream pace at even pace: " in out and "check the time." in out


def test_a_race_files_target_splits_are_looked_at_as_a_runners(tmp_path):
    data = minimal_data()
    race_m = data["distance_m"]
    data["target"] = {
        "splits": [{"distance_m": 800, "time": "1:20.00"}, {"distance_m": race_m, "time": "4:00"}]
    }
    (found,) = fast_stretches(race_from_data(data))
    assert (found.athlete, found.from_m, found.to_m) == ("Target", 0.0, 800.0)
