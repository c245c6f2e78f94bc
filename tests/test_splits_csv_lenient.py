"""A coach's spreadsheet as it is: distances with their unit ("400m"), colour names ("red"),
and an empty time for a split not taken (the row is left out, with a note), where each had
been refused."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.palette import NEUTRAL
from racegui.io.splits_csv import COLOUR_NAMES, read_splits_csv

SHEET = (
    "athlete,colour,distance_m,time\n"
    "Mia Cole,Red,400m,62.1\n"
    "Mia Cole,Red,800 m,\n"
    "Mia Cole,Red,1200 M,3:08.0\n"
    "Mia Cole,Red,1600m,4:12.4\n"
    "Zoe Hart,blue,400,63.0\n"
    "Zoe Hart,blue,800,2:07.5\n"
    "Zoe Hart,blue,1200,3:12.0\n"
    "Zoe Hart,blue,1600,4:18.0\n"
)
NOTE = "Line 3 has no time for Mia Cole at 800 m: the row is left out."


def test_units_colour_names_and_an_untaken_split_are_read(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET, encoding="utf-8")
    race = read_splits_csv(path)
    mia, zoe = race.athletes
    assert [(s.distance_m, s.time_s) for s in mia.splits] == [
        (400.0, 62.1),
        (1200.0, 188.0),
        (1600.0, 252.4),
    ]
    assert (mia.colour, zoe.colour) == (COLOUR_NAMES["red"], COLOUR_NAMES["blue"])
    assert race.notes == (NOTE,)


def test_import_and_validate_say_which_row_was_left_out(tmp_path, capsys):
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET, encoding="utf-8")
    out_path = tmp_path / "sheet.json"
    assert main(["import", str(path), "-o", str(out_path)]) == 0
    assert f"  {NOTE}" in capsys.readouterr().out.splitlines()
    assert json.loads(out_path.read_text(encoding="utf-8"))["notes"] == [NOTE]
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [f"  {NOTE}"]


@pytest.mark.parametrize(
    ("cell", "words"),
    [("400 km", "'400 km' is not a distance in metres"), ("m", "'m' is not a distance")],
)
def test_other_units_are_still_refused(tmp_path, cell, words):
    path = tmp_path / "sheet.csv"
    path.write_text(f"athlete,distance_m,time\nMia,{cell},62.1\n", encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert words in info.value.lines()[0]


def test_every_colour_name_is_a_race_file_colour():
    assert all(len(v) == 7 and v.startswith("#") for v in COLOUR_NAMES.values())
    assert all(int(v[1:], 16) >= 0 for v in COLOUR_NAMES.values())


def test_sixteen_athletes_get_sixteen_colours(tmp_path):
    rows = "".join(f"A{k},400,{60 + k}.0\n" for k in range(16))
    path = tmp_path / "field.csv"
    path.write_text("athlete,distance_m,time\n" + rows, encoding="utf-8")
    race = read_splits_csv(path)
    assert len({a.colour for a in race.athletes}) == 16


@pytest.mark.parametrize(
    ("header", "row", "words"),
    [
        (
            "time",
            '"61,5"',
            "'61,5' is not a time (use seconds, m:ss.xx or h:mm:ss.xx) "
            "(a decimal comma? write 61.5)",
        ),
        ("time,role", "61.5,pacemaker", "column 4: 'pacemaker' should be 'runner', 'pacer'"),
        (
            "time,colour",
            "61.5,reddish",
            '\'reddish\': a colour is "#rrggbb" (six hexadecimal digits), or a name such as "red"',
        ),
    ],
)
def test_a_bad_cell_is_quoted_with_what_would_do(tmp_path, header, row, words):
    """An analyst's slips: a quoted decimal comma had no hint (an unquoted one had), and
    "pacemaker" or "reddish" were refused without being named, the colour without saying
    names will do (analyst's review)."""
    path = tmp_path / "sheet.csv"
    path.write_text(f"athlete,distance_m,{header}\nMia,400,{row}\n", encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert words in info.value.lines()[0]


@pytest.mark.parametrize(
    "header",
    [
        "Athlete;Distance;Time",
        "ATHLETE;Distance (m);Split time",
        "athlete_id;dist;split",
        "Athlete;Metres;Time (s)",
    ],
)
def test_a_header_as_people_type_it_is_read(tmp_path, header):
    """A coach's "Athlete;Distance;Time" was refused: "missing column(s) distance_m"."""
    path = tmp_path / "sheet.csv"
    path.write_text(f"{header}\nAnna Lind;400;68,5\nAnna Lind;1500;4:20,5\n", encoding="utf-8")
    [anna] = read_splits_csv(path).athletes
    assert [(s.distance_m, s.time_s) for s in anna.splits] == [(400.0, 68.5), (1500.0, 260.5)]


def test_a_color_column_is_the_colour(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("athlete,distance_m,time,Color\nMia,400,62.1,blue\n", encoding="utf-8")
    assert read_splits_csv(path).athletes[0].colour == COLOUR_NAMES["blue"]


def test_a_header_with_no_distance_column_is_still_refused(tmp_path):
    """ "athlete,lap,time" is several runners' laps (racegui.io.lap_csv), which need the race
    distance; a header with no distance column nor lap numbers is no form."""
    path = tmp_path / "sheet.csv"
    path.write_text("athlete,lap,time\nMia,1,62.1\n", encoding="utf-8")
    with pytest.raises(RaceFileError, match="its runners' laps\\) needs the race distance"):
        read_splits_csv(path)
    path.write_text("athlete,where,time\nMia,1,62.1\n", encoding="utf-8")
    with pytest.raises(RaceFileError, match="missing column"):
        read_splits_csv(path)


def test_an_athlete_with_no_time_at_all_is_said_to_be_left_out(tmp_path, capsys):
    """Nora Aho's rows all had empty times: import gave four "row is left out" notes and
    no word that she was not in the race."""
    rows = "".join(f"Nora Aho,{d},\n" for d in (400, 800, 1200, 1500))
    path = tmp_path / "sheet.csv"
    path.write_text(
        "athlete,distance_m,time\nAnna Lind,400,68.5\nAnna Lind,1500,4:20.5\n" + rows,
        encoding="utf-8",
    )
    race = read_splits_csv(path)
    assert [a.name for a in race.athletes] == ["Anna Lind"]
    assert race.notes == (
        "Nora Aho is left out of the race: none of the rows (lines 4, 5, 6 and 7) has a time.",
    )
    assert main(["import", str(path), "-o", str(tmp_path / "out.json")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [f"  {race.notes[0]}"]


@pytest.mark.parametrize("ends", ["\r", "\r\n", "\n"])
def test_lines_ending_in_cr_alone_are_read_as_lines(tmp_path, ends):
    """An old Mac's CSV (lines ending in CR alone) was 'line 1: no header row' (tester)."""
    path = tmp_path / "cr.csv"
    rows = ["athlete,distance_m,time", "A,400,62.3", "A,1500,232.0", ""]
    path.write_bytes(ends.join(rows).encode())
    race = read_splits_csv(path)
    assert [s.time_s for s in race.athletes[0].splits] == [62.3, 232.0]


def test_a_bad_cell_in_a_cr_file_is_placed_on_its_line(tmp_path):
    path = tmp_path / "cr.csv"
    path.write_bytes(b"athlete,distance_m,time\rA,400,62.3\rA,1500,soon\r")
    with pytest.raises(RaceFileError) as caught:
        read_splits_csv(path)
    assert "line 3" in str(caught.value)


def test_a_time_column_beside_a_split_column_is_the_one_read(tmp_path):
    """'Athlete,Distance,Split,Time' was read by its Split column (lap times) and refused
    for holding lap times; the Time column beside it was passed over (tester)."""
    path = tmp_path / "both.csv"
    path.write_text(
        "Athlete,Distance,Split,Time\nA,400,62.3,62.3\nA,800,61.8,2:04.1\n"
        "A,1200,61.8,3:05.9\nA,1500,46.1,3:52.0\n"
    )
    race = read_splits_csv(path)
    assert [s.time_s for s in race.athletes[0].splits] == [62.3, 124.1, 185.9, 232.0]


@pytest.mark.parametrize(
    "header, says",
    [
        ("athlete,distance_m,time,time", "2 columns are read as time (time, time): keep one"),
        (
            "athlete,Distance (m),Distance,time",
            "2 columns are read as distance_m (Distance (m), Distance): keep one",
        ),
    ],
)
def test_two_columns_for_one_field_are_refused_naming_both(tmp_path, header, says):
    path = tmp_path / "two.csv"
    path.write_text(f"{header}\nA,400,400,62.3\nA,1500,1500,232\n")
    with pytest.raises(RaceFileError) as caught:
        read_splits_csv(path)
    assert str(caught.value) == f"{path}: line 1: {says}"


def test_imported_colours_follow_the_race_file_rule(tmp_path):
    """A CSV import gave every athlete the next palette colour by its place in the file:
    pacers took runners' colours, and a runner without one could repeat a colour another
    had been given by name. Now as a race file without colours: runners distinct, pacers
    grey."""
    path = tmp_path / "field.csv"
    path.write_text(
        "athlete,role,colour,distance_m,time\n"
        "a,runner,#ff7f0e,400,60.0\n"  # PALETTE's second colour, given by hand
        "b,pacer,,200,30.0\n"
        "c,runner,,400,61.0\n"
        "d,runner,,400,62.0\n",
        encoding="utf-8",
    )
    race = read_splits_csv(path)
    colours = {a.id: a.colour.lower() for a in race.athletes}
    assert colours["b"] == NEUTRAL
    assert len({colours["a"], colours["c"], colours["d"]}) == 3


@pytest.mark.parametrize("cell", ["DNF", "dns", "—", "-", "DQ"])
def test_a_results_sheet_s_no_time_mark_says_what_to_write(tmp_path, capsys, cell):
    """A coach's 'DNF' in a time cell was told only "'DNF' is not a time" (tester R6)."""
    csv = tmp_path / "dnf.csv"
    csv.write_text(
        f"athlete,distance_m,time\nAnn,400,62.1\nAnn,800,{cell}\nBea,400,63.0\nBea,800,2:06.0\n",
        encoding="utf-8",
    )
    assert main(["validate", str(csv), "--distance", "800"]) == 2
    err = capsys.readouterr().err
    assert f"line 3, column 3: {cell!r} is not a time" in err
    assert "leave the cell empty for a split not taken" in err and len(err.splitlines()) == 1


def test_a_time_that_is_not_one_gets_no_such_hint(tmp_path, capsys):
    csv = tmp_path / "typo.csv"
    csv.write_text("athlete,distance_m,time\nAnn,400,62.1\nAnn,800,2:o6.0\n", encoding="utf-8")
    assert main(["validate", str(csv), "--distance", "800"]) == 2
    err = capsys.readouterr().err
    assert "'2:o6.0' is not a time" in err and "leave the cell empty" not in err
