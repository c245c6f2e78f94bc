"""A results service's wide sheet ("Pos,Bib,Athlete,Country,300m,700m,1100m,Result") is
read as a coach's is: the columns a race file can hold are read, a result is the finish
time, DNF marks are no time, and each problem is named at its cell (federation analyst's
review, R7)."""

import json

import pytest

from racegui.cli import main
from racegui.io.splits_csv import read_splits_csv

WIDE = """Athlete,300,700,1100,1500
Ann Lee,47.40,1:50.20,2:53.55,3:54.37
Bea Moss,47.90,1:51.00,2:55.35,3:58.08
"""


def _write(tmp_path, text: str, name: str = "wide1500.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(tmp_path, text: str, capsys, name: str = "wide1500.csv") -> str:
    """The one line racegui validate says of a bad sheet (exit 2)."""
    path = _write(tmp_path, text, name)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    return err[0].replace(f"{path}: ", f"{path.name}: ", 1)


def test_an_impossible_speed_names_its_cell_and_distance(tmp_path, capsys):
    line = _refused(tmp_path, WIDE.replace("2:53.55", "1:52.20"), capsys)
    assert line == (
        "wide1500.csv: line 2, column 4 (1100 m): 200.0 m/s from the previous split is "
        "faster than any human runs"
    )


SERVICE = """Pos,Bib,Athlete,Country,300m,700m,1100m,Result
1,123,Faith Kipyegon,KEN,46.00,1:49.00,2:51.00,3:49.50
2,456,Gudaf Tsegay,ETH,46.20,1:49.50,2:51.90,3:50.90
DNF,321,Laura Muir,GBR,46.80,1:51.00,DNF,DNF
"""


def _splits(race, athlete_id: str) -> list[tuple[float, float]]:
    return [(s.distance_m, round(s.time_s, 2)) for s in race.athlete(athlete_id).splits]


def test_a_results_service_sheet_reads_bib_country_and_result_as_the_finish(tmp_path):
    race = read_splits_csv(_write(tmp_path, SERVICE))
    assert race.distance_m == 1500
    faith = race.athlete("faith-kipyegon")
    assert (faith.bib, faith.country) == ("123", "KEN")
    assert _splits(race, "faith-kipyegon") == [
        (300, 46.0),
        (700, 109.0),
        (1100, 171.0),
        (1500, 229.5),
    ]
    muir = race.athlete("laura-muir")
    assert muir.role == "runner" and muir.dnf and _splits(race, "laura-muir")[-1] == (700, 111.0)
    assert race.notes == (
        "Column 8 (Result) is read as the finish times of a 1500 m race, a step of 400 m on "
        "from the last split column's 1100 m (--distance gives another).",
        "Laura Muir stops at 700 m, before the 1500 m finish: a runner who did not finish "
        "('DNF' at line 4, column 7 (1100 m)).",
    )


def test_a_result_beside_a_column_at_the_race_distance_must_agree(tmp_path, capsys):
    text = WIDE.replace("1500\n", "1500,Time\n").replace("3:54.37", "3:54.37,3:54.37")
    text = text.replace("3:58.08", "3:58.08,3:58.80")
    line = _refused(tmp_path, text, capsys)
    assert line == (
        "wide1500.csv: line 3, column 6 (1500 m): '3:58.80' is not column 5's '3:58.08', at "
        "the same 1500 m: a result is the finish time (a longer race? give its distance: "
        "--distance)"
    )
    race = read_splits_csv(_write(tmp_path, text.replace("3:58.80", "3:58.08")))
    assert race.notes == () and race.athlete("bea-moss").splits[-1].time_s == pytest.approx(238.08)


def test_a_result_column_whose_distance_the_splits_do_not_say_needs_distance(tmp_path, capsys):
    text = "Athlete,400,800,1200,Final\nAnn Lee,60.00,2:00.00,3:00.00,3:45.00\n"
    line = _refused(tmp_path, text, capsys)
    assert line == (
        "wide1500.csv: line 1, column 5: the Final column holds finish times, but the split "
        "columns (400, 800, 1200 m) do not say the race distance: give it (--distance)"
    )
    race = read_splits_csv(_write(tmp_path, text), distance_m=1500)
    assert _splits(race, "ann-lee")[-1] == (1500, 225.0) and race.notes == ()


def test_a_column_neither_read_nor_left_out_is_still_refused_saying_what_is(tmp_path, capsys):
    line = _refused(tmp_path, SERVICE.replace("Country", "Coach"), capsys)
    assert line.startswith("wide1500.csv: line 1, column 4: 'Coach' is not a distance in metres")
    assert "bib, country (Nat, NOC, Team) and lane columns may come too" in line
    assert "a Result (Time, Final, Mark) column of finish times" in line


def test_the_long_form_reads_bib_and_country_and_notes_a_column_it_does_not_read(tmp_path):
    text = "Pos,athlete,distance_m,time,bib,Nat,Coach\n1,A B,400,50.00,12,KEN,Jo\n"
    race = read_splits_csv(_write(tmp_path, text, "long.csv"))
    assert (race.athletes[0].bib, race.athletes[0].country) == ("12", "KEN")
    assert race.notes == (
        "Column 7 (Coach) is not read: the columns read are athlete, distance_m, time, name, "
        "role, colour, bib, country and lane (of Pos, Place and Rank only a DQ, DNF or DNS).",
    )


M800 = """athlete,lane,distance_m,time
Ann Lee,3,400,58.00
Ann Lee,3,800,1:58.00
Bea Moss,1,400,58.50
Bea Moss,1,800,1:59.00
"""


def test_an_800_m_s_lane_column_gives_each_runner_her_lane(tmp_path, capsys):
    from racegui.model.lane_start import lanes_of

    path = _write(tmp_path, M800, "m800.csv")
    assert lanes_of(read_splits_csv(path)) == {0: 3, 1: 1}
    out = tmp_path / "m800.json"
    assert main(["import", str(path), "-o", str(out)]) == 0
    assert [a.get("lane") for a in json.loads(out.read_text())["athletes"]] == [3, 1]
    wide = "Athlete,Lane,400,800\nAnn Lee,3,58.00,1:58.00\nBea Moss,1,58.50,1:59.00\n"
    assert lanes_of(read_splits_csv(_write(tmp_path, wide, "w800.csv"))) == {0: 3, 1: 1}


def test_a_lane_given_twice_is_refused_at_its_cell(tmp_path, capsys):
    line = _refused(tmp_path, M800.replace("Bea Moss,1", "Bea Moss,3"), capsys, "m800.csv")
    assert line == "m800.csv: line 4, column 2: lane 3 is also given on line 2: one athlete a lane"


def test_a_lane_written_l7_or_lane_7_is_that_lane(tmp_path):
    text = M800.replace("Lee,3,", "Lee,L3,").replace("Moss,1,", "Moss,Lane 1,")
    from racegui.model.lane_start import lanes_of

    assert lanes_of(read_splits_csv(_write(tmp_path, text, "m800.csv"))) == {0: 3, 1: 1}


@pytest.mark.parametrize("cell", ["L9", "seven", "Lane A"])
def test_a_lane_cell_that_is_no_lane_is_quoted_at_its_cell(tmp_path, capsys, cell):
    text = M800.replace("Moss,1,", f"Moss,{cell},")
    line = _refused(tmp_path, text, capsys, "m800.csv")
    assert line == (
        f"m800.csv: line 4, column 2: {cell!r} is not a lane: give a whole number from 1 to 8"
    )


def test_a_lane_column_in_a_race_that_starts_on_one_line_is_left_out_with_a_note(tmp_path):
    text = M800.replace(",800,1:5", ",1500,3:5").replace(",400,", ",700,")
    race = read_splits_csv(_write(tmp_path, text, "m1500.csv"))
    assert all(a.lane is None for a in race.athletes)
    assert race.notes == (
        "The lane column is left out: lanes are drawn only for an 800 m's start (this race is "
        "1500 m).",
    )


def test_a_dnf_in_a_cell_is_no_time_there_and_makes_a_runner_who_did_not_finish(tmp_path):
    text = WIDE + "Cara Doe,48.00,1:52.00,dnf,\nDee Ode,DNS,,,\nEve Ash,48.10,-,2:56.00,4:00.00\n"
    race = read_splits_csv(_write(tmp_path, text))
    cara = race.athlete("cara-doe")
    assert (
        cara.role == "runner" and cara.dnf and _splits(race, "cara-doe") == [(300, 48), (700, 112)]
    )
    assert _splits(race, "eve-ash") == [(300, 48.1), (1100, 176.0), (1500, 240.0)]
    assert [a.name for a in race.athletes] == ["Ann Lee", "Bea Moss", "Cara Doe", "Eve Ash"]
    assert race.notes == (
        "Dee Ode did not start ('DNS' at line 5, column 2 (300 m)) and is left out of the race.",
        "Cara Doe stops at 700 m, before the 1500 m finish: a runner who did not finish "
        "('dnf' at line 4, column 4 (1100 m)).",
    )


def test_a_results_service_row_marked_dns_is_noted_as_not_started_at_its_cell(tmp_path):
    """A DNS row has no time at all: the note names the mark and its cell, not the rows
    without a time (reviewer, R7)."""
    dns = SERVICE.replace(
        "DNF,321,Laura Muir,GBR,46.80,1:51.00,DNF,DNF", "DNS,321,Laura Muir,GBR,,,,DNS"
    )
    race = read_splits_csv(_write(tmp_path, dns))
    assert [a.name for a in race.athletes] == ["Faith Kipyegon", "Gudaf Tsegay"]
    assert race.notes[1:] == (
        "Laura Muir did not start ('DNS' at line 4, column 8 (1500 m)) and is left out of the "
        "race.",
    )
    every = SERVICE.replace(  # Pos DNS too: a DNF there is not the result's DNS (refused)
        "DNF,321,Laura Muir,GBR,46.80,1:51.00,DNF,DNF", "DNS,321,Laura Muir,GBR,dns,DNS,DNS,DNS"
    )
    assert read_splits_csv(_write(tmp_path, every)).notes[1:] == (
        "Laura Muir did not start ('dns' at line 4, column 5 (300 m)) and is left out of the race.",
    )


def test_a_row_whose_only_mark_is_a_dnf_is_left_out_naming_the_mark(tmp_path):
    race = read_splits_csv(_write(tmp_path, WIDE + "Dee Ode,,DNF,,\n"))
    assert race.notes == (
        "Dee Ode has no time ('DNF' at line 4, column 3 (700 m)) and is left out of the race.",
    )


def test_a_time_after_a_dnf_is_refused_with_the_hint(tmp_path, capsys):
    line = _refused(tmp_path, WIDE.replace("2:55.35", "DNF"), capsys)
    assert line == (
        "wide1500.csv: line 3, column 4 (1100 m): 'DNF' at 1100 m, but column 5 has a time at "
        "1500 m: leave the cell empty for a split not taken; a runner who stopped is one whose "
        "last split is short of the finish, and one who did not start is left out"
    )


def test_the_long_form_still_needs_a_time_in_its_time_column(tmp_path, capsys):
    text = "athlete,distance_m,time\nAnn,400,60.00\nAnn,800,DNF\n"
    line = _refused(tmp_path, text, capsys, "long.csv")
    assert line.startswith("long.csv: line 3, column 3: 'DNF' is not a time")
    assert line.endswith("and one who did not start is left out")


def test_the_athlete_column_is_the_first_that_is_none_of_the_others(tmp_path):
    text = "Rank,Bib,Runner,NOC,300,700,1100,1500\n1,7,Ann Lee,KEN,47.40,1:50.20,2:53.55,3:54.37\n"
    race = read_splits_csv(_write(tmp_path, text))
    assert race.athletes[0].name == "Ann Lee" and race.athletes[0].bib == "7"
    bibs = "Bib,300,700,1100,1500\n7,47.40,1:50.20,2:53.55,3:54.37\n"
    assert read_splits_csv(_write(tmp_path, bibs)).athletes[0].name == "7"


@pytest.mark.parametrize(
    ("header", "said"),
    [
        (
            "Athlete,700,300,1500,1100",
            "line 1, column 3: 300 m comes after 700 m (column 2): a split sheet with one row "
            "per athlete has its distance columns from the shortest to the longest, left to right",
        ),
        (
            "Athlete,Lap 1,Lap 2,Lap 3,Lap 4",
            "line 1, column 2: 'Lap 1' numbers a lap, not a distance: a split sheet with one row "
            "per athlete heads each column with the distance (m) its times from the start are "
            "at (Athlete,300,700,1100,1500)",
        ),
    ],
)
def test_a_wide_header_it_cannot_read_is_told_what_is_wrong(tmp_path, capsys, header, said):
    line = _refused(tmp_path, header + "\nA One,46.00,1:49.00,2:51.00,3:49.50\n", capsys)
    assert line == f"wide1500.csv: {said}"
