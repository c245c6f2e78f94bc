"""A wide split sheet, one row per athlete and one column per split ("Athlete,300,700,1100,
1500"), is read as the long form's rows are, each problem named at its cell: a coach's sheet
had been refused with "line 1: missing column(s) distance_m, time"."""

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.race_file import read_race
from racegui.io.splits_csv import read_splits_csv

WIDE = """Athlete,300,700,1100,1500
Ann Lee,47.40,1:50.20,2:53.55,3:54.37
Bea Moss,47.90,1:51.00,2:55.35,3:58.08
"""
ANN = [(300, 47.40), (700, 110.20), (1100, 173.55), (1500, 234.37)]
BEA = [(300, 47.90), (700, 111.00), (1100, 175.35), (1500, 238.08)]


def _write(tmp_path, text: str, name: str = "wide1500.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _splits(race, athlete_id: str) -> list[tuple[float, float]]:
    return [(s.distance_m, round(s.time_s, 2)) for s in race.athlete(athlete_id).splits]


def _refused(tmp_path, text: str, capsys, name: str = "wide1500.csv") -> str:
    """The one line racegui import says of a bad sheet (exit 2)."""
    path = _write(tmp_path, text, name)
    assert main(["import", str(path), "-o", str(tmp_path / "out.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    assert not (tmp_path / "out.json").exists()
    return err[0].replace(f"{path}: ", f"{path.name}: ", 1)


def test_the_coach_s_sheet_imports_with_each_split_to_the_hundredth(tmp_path, capsys):
    out = tmp_path / "w.json"
    assert main(["import", str(_write(tmp_path, WIDE)), "-o", str(out)]) == 0
    assert "2 runners, 1500 m" in capsys.readouterr().out
    race = read_race(out)
    assert [a.name for a in race.athletes] == ["Ann Lee", "Bea Moss"]
    assert _splits(race, "ann-lee") == ANN and _splits(race, "bea-moss") == BEA
    assert race.distance_m == 1500 and race.title == "wide1500"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["time"] for s in data["athletes"][1]["splits"]] == pytest.approx(
        [t for _, t in BEA], abs=1e-9
    )


def test_semicolons_decimal_commas_a_bom_and_a_title_line(tmp_path):
    text = (
        "Club 1500m time trial, 3 Oct\n"
        "Athlete;300 m;700m;1100;1500\n"
        "Ann Lee;47,40;1:50,20;2:53,55;3:54,37\n"
        "Bea Moss;47,90;1:51,00;2:55,35;3:58,08\n"
    )
    race = read_splits_csv(_write(tmp_path, "\ufeff" + text))
    assert race.title == "Club 1500m time trial, 3 Oct"
    assert _splits(race, "ann-lee") == ANN and _splits(race, "bea-moss") == BEA


def test_tabs_and_a_named_athlete_column_after_a_role_column(tmp_path):
    text = "Role\tName\t300\t700\t1100\t1500\npacer\tPace Pal\t47,00\t1:49,90\t\t\n"
    text += "runner\tAnn Lee\t47,40\t1:50,20\t2:53,55\t3:54,37\n"
    race = read_splits_csv(_write(tmp_path, text))
    assert race.focus.name == "Ann Lee" and race.athlete("pace-pal").role == "pacer"
    assert _splits(race, "pace-pal") == [(300, 47.0), (700, 109.9)]


def test_a_blank_cell_is_no_split_at_that_distance(tmp_path):
    text = WIDE.replace("1:51.00", "")
    race = read_splits_csv(_write(tmp_path, text))
    assert _splits(race, "bea-moss") == [BEA[0], *BEA[2:]]
    assert _splits(race, "ann-lee") == ANN and race.notes == ()


def test_an_athlete_with_every_cell_blank_is_left_out_with_a_note(tmp_path):
    race = read_splits_csv(_write(tmp_path, WIDE + "Cara Doe,,,,\n"))
    assert [a.name for a in race.athletes] == ["Ann Lee", "Bea Moss"]
    assert race.notes == ("Cara Doe is left out of the race: the only row (line 4) has no time.",)


def test_the_race_distance_is_the_last_distance_column_unless_given(tmp_path):
    """Nobody's time at 1500 m: the race is still 1500 m (the header says so), and the
    problem names the cells; --distance 1100 reads it as an 1100 m race."""
    text = "Athlete,300,700,1100,1500\nAnn Lee,47.40,1:50.20,2:53.55,\n"
    path = _write(tmp_path, text)
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert "line 2, column 4 (1100 m): " in str(info.value)
    assert str(info.value).endswith("the largest distance in the file")
    assert read_splits_csv(path, distance_m=1100).distance_m == 1100


def test_a_bad_cell_is_named_by_line_column_and_distance(tmp_path, capsys):
    line = _refused(tmp_path, WIDE.replace("2:53.55", "2:5"), capsys)
    assert line == (
        "wide1500.csv: line 2, column 4 (1100 m): '2:5': seconds after \":\" need two digits "
        "(m:ss.xx)"
    )


def test_a_time_not_after_the_one_before_names_both_columns(tmp_path, capsys):
    line = _refused(tmp_path, WIDE.replace("2:55.35", "1:45.35"), capsys)
    assert line == (
        "wide1500.csv: line 3, column 4 (1100 m): times of Bea Moss must increase with "
        "distance: 1:45.35 at 1100 m is not after 1:51.00 at 700 m (column 3)"
    )


def test_a_header_cell_that_is_no_distance_is_named(tmp_path, capsys):
    line = _refused(tmp_path, WIDE.replace(",1100,", ",Notes,"), capsys)
    assert line.startswith(
        "wide1500.csv: line 1, column 4: 'Notes' is not a distance in metres: a split sheet "
        "with one row per athlete has the athlete column, then one distance per column"
    )


def test_a_distance_given_twice_is_named(tmp_path, capsys):
    line = _refused(tmp_path, WIDE.replace(",1100,", ",700,"), capsys)
    why = "700 m is column 3's distance too: one column per distance"
    assert line == f"wide1500.csv: line 1, column 4: {why}"


def test_a_row_with_too_few_cells_is_refused(tmp_path, capsys):
    line = _refused(tmp_path, WIDE.replace(",3:58.08", ""), capsys)
    assert line.startswith("wide1500.csv: line 3: 4 fields, the header has 5 (leave the cell")


def test_info_and_validate_read_the_sheet_as_it_is(tmp_path, capsys):
    path = _write(tmp_path, WIDE)
    assert main(["validate", str(path)]) == 0
    assert main(["info", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    info = json.loads(out[out.index("{") :])
    assert info["distance_m"] == 1500


def test_the_window_s_csv_dialog_opens_the_sheet_at_its_last_distance(qtbot, tmp_path):
    from racegui.io.replay_file import csv_prefill
    from racegui.ui.csv_dialog import CsvOpenDialog

    path = _write(tmp_path, WIDE)
    dialog = CsvOpenDialog(path, csv_prefill(path))
    qtbot.addWidget(dialog)
    assert dialog.distance.text() == "1500 m" and not dialog.name.isVisibleTo(dialog)
    dialog.target.setText("3:56")
    dialog.accept()
    race = dialog.replay.race
    assert _splits(race, "bea-moss") == BEA and race.target_time_s == 236
