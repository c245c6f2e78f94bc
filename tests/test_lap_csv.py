"""A stopwatch's lap CSV (one runner's laps) read with the race distance: a coach's four
exports of one 1500 m (4:18.50; laps 51.80, 1:09.20, 1:10.10, 1:07.40) had each been refused
with "line 1: missing column(s) athlete, distance_m, time"."""

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.laps import lap_ends, laps_text, looks_like_lap_times
from racegui.io.splits_csv import read_splits_csv

STOPWATCH = (
    "Lap,Lap Time,Total Time\r\n"
    "1,00:51.80,00:51.80\r\n2,01:09.20,02:01.00\r\n3,01:10.10,03:11.10\r\n4,01:07.40,04:18.50\r\n"
)
GERMAN = (
    "Runde;Rundenzeit (s);Gesamtzeit (s)\n"
    "1;51,80;51,80\n2;69,20;121,00\n3;70,10;191,10\n4;67,40;258,50\n"
)
PREAMBLE = (
    "Stopwatch export\nDate,2025-05-10 17:32\n"
    "Lap,Split (mm:ss.hh),Cumulative (mm:ss.hh)\n"
    "1,00:51.80,00:51.80\n2,01:09.20,02:01.00\n3,01:10.10,03:11.10\n4,01:07.40,04:18.50\n"
)
QUOTED = (
    '"#","Lap","Total"\n'
    '"1","00:00:51.80","00:00:51.80"\n"2","00:01:09.20","00:02:01.00"\n'
    '"3","00:01:10.10","00:03:11.10"\n"4","00:01:07.40","00:04:18.50"\n'
)
VARIANTS = {"stopwatch": STOPWATCH, "german": GERMAN, "preamble": PREAMBLE, "quoted": QUOTED}
SPLITS_1500 = [(300.0, 51.8), (700.0, 121.0), (1100.0, 191.1), (1500.0, 258.5)]


def _write(tmp_path, text: str, name: str = "tue-1500.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))  # as written: CRLF stays CRLF
    return path


def _splits(race):
    return [(s.distance_m, round(s.time_s, 6)) for s in race.focus.splits]


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_stopwatch_export_reads_with_the_distance(tmp_path, variant):
    path = _write(tmp_path, VARIANTS[variant])
    race = read_splits_csv(path, distance_m=1500)
    assert race.distance_m == 1500
    [runner] = race.athletes
    assert (runner.name, runner.role) == ("tue-1500", "runner")  # named after the file
    assert _splits(race) == SPLITS_1500
    assert race.notes == ()  # lap times and totals agree


def test_the_runner_is_named_by_the_name_option(tmp_path):
    race = read_splits_csv(_write(tmp_path, STOPWATCH), distance_m=1500, name="Mia Berg")
    assert (race.focus.id, race.focus.name) == ("mia-berg", "Mia Berg")


@pytest.mark.parametrize("variant", VARIANTS)
def test_without_a_distance_a_lap_csv_is_told_to_give_it(tmp_path, variant):
    path = _write(tmp_path, VARIANTS[variant])
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    [line] = info.value.lines()
    assert "missing column" not in line
    assert "needs the race distance to place its laps: give it with --distance" in line
    assert line.endswith(
        "give it with --distance; its 4 laps fit a race of more than 1200 m and at most "
        "1600 m, such as 1500 m, or 1 mile timed at the finish line each time round (its "
        "9.34 m part lap in the first lap)"
    )


def test_a_lap_count_that_does_not_fit_the_distance_says_what_fits(tmp_path):
    six = STOPWATCH + "5,01:05.00,05:23.50\r\n6,01:04.00,06:27.50\r\n"
    path = _write(tmp_path, six)
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path, distance_m=1500)
    assert info.value.lines() == [
        f"{path}: the CSV has 6 laps, but 1500 m is 4 laps (a 300 m part lap, then 3 × 400 m); "
        "6 laps fit a race of more than 2000 m and at most 2400 m"
    ]


@pytest.mark.parametrize(
    ("laps", "distance", "message"),
    [
        (
            4,
            "800",
            "the CSV has 4 laps, but 800 m is 2 laps of 400 m; 4 laps fit a race of more than "
            "1200 m and at most 1600 m, such as 1500 m, or 1 mile timed at the finish line each "
            "time round (its 9.34 m part lap in the first lap)"
            " (laps of a 200 m indoor track? racegui draws only the 400 m outdoor track: give "
            "the time from the start at each lap's end, with its distance, as a splits CSV)",
        ),
        (
            3,
            "1 mile",
            "the CSV has 3 laps, but 1 mile is 5 laps (a 9.34 m part lap, then 4 × 400 m), or 4 "
            "timed at the finish line each time round (the part lap in the first); 3 laps fit a "
            "race of more than 800 m and at most 1200 m, such as 1000 m",
        ),
        (
            1,
            "1500",
            "the CSV has 1 lap, but 1500 m is 4 laps (a 300 m part lap, then 3 × 400 m); 1 lap "
            "fits a race of at most 400 m",
        ),
        (
            5,
            "800",
            "the CSV has 5 laps, but 800 m is 2 laps of 400 m; 5 laps fit a race of more than "
            "1600 m and at most 2000 m, such as 1 mile or 2000 m",
        ),
        (
            2,
            "300",
            "the CSV has 2 laps, but 300 m is 1 lap; 2 laps fit a race of more than 400 m and "
            "at most 800 m, such as 800 m"
            " (laps of a 200 m indoor track? racegui draws only the 400 m outdoor track: give "
            "the time from the start at each lap's end, with its distance, as a splits CSV)",
        ),
    ],
)
def test_a_lap_count_that_does_not_fit_reads_as_one_plain_line(
    tmp_path, capsys, laps, distance, message
):
    """It had read "4 laps do not fit a 800 m race, which is 2 laps of 400 m; 4 laps fit a
    race over 1200 m, up to 1600 m" ("a 800 m", "1 laps do not fit")."""
    rows = "".join(f"{k},01:00.00\n" for k in range(1, laps + 1))
    path = _write(tmp_path, "Lap,Lap Time\n" + rows)
    assert main(["validate", str(path), "--distance", distance]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"{path}: {message}\n")


def test_lap_ends_of_a_mile_and_an_800():
    assert lap_ends(800) == [400, 800]
    assert [round(e, 3) for e in lap_ends(1609.344)] == [
        9.344,
        409.344,
        809.344,
        1209.344,
        1609.344,
    ]
    assert laps_text(1609.344) == "5 laps (a 9.34 m part lap, then 4 × 400 m)"
    assert laps_text(800) == "2 laps of 400 m"


def test_a_lap_time_that_does_not_match_the_totals_is_noted_and_the_totals_used(tmp_path):
    text = STOPWATCH.replace("3,01:10.10", "3,01:11.10").replace("4,01:07.40", "4,01:07.41")
    race = read_splits_csv(_write(tmp_path, text), distance_m=1500)
    assert _splits(race) == SPLITS_1500
    assert race.notes == (  # 0.01 s off is rounding, 1 s is not
        "Line 4: lap 3's time 1:11.10 is not the 1:10.10 between its times from the start "
        "(2:01.00 to 3:11.10): the times from the start are used.",
    )


def test_lap_times_alone_are_added_up(tmp_path):
    text = "Lap,Lap Time\n1,51.80\n2,1:09.20\n3,1:10.10\n4,1:07.40\n"
    assert _splits(read_splits_csv(_write(tmp_path, text), distance_m=1500)) == SPLITS_1500


def test_a_lone_time_column_is_read_as_totals_or_as_laps_by_what_a_runner_can_do(tmp_path):
    totals = "Lap,Time\n1,51.80\n2,2:01.00\n3,3:11.10\n4,4:18.50\n"
    race = read_splits_csv(_write(tmp_path, totals), distance_m=1500)
    assert _splits(race) == SPLITS_1500 and race.notes == ()
    laps = "Lap,Time\n1,51.80\n2,1:09.20\n3,1:10.10\n4,1:07.40\n"
    race = read_splits_csv(_write(tmp_path, laps), distance_m=1500)
    assert _splits(race) == SPLITS_1500
    assert race.notes == (
        "The Time column was read as lap times: as times from the start they would not "
        "increase as a runner's do.",
    )


def test_laps_listed_last_first_are_put_in_order_and_a_missing_lap_is_named(tmp_path):
    rows = STOPWATCH.splitlines(keepends=True)
    text = rows[0] + "".join(reversed(rows[1:]))
    assert _splits(read_splits_csv(_write(tmp_path, text), distance_m=1500)) == SPLITS_1500
    path = _write(tmp_path, STOPWATCH.replace("3,01:10.10,03:11.10\r\n", ""))
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path, distance_m=1500)
    assert info.value.lines() == [f"{path}: no row for lap 3: laps are numbered 1, 2, 3 ..."]


def test_a_bad_time_in_a_lap_csv_names_its_line_and_column(tmp_path):
    path = _write(tmp_path, GERMAN.replace("3;70,10", "3;7o,10"))
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path, distance_m=1500)
    assert info.value.lines()[0].startswith(f"{path}: line 4, column 2: ")


def test_a_header_of_neither_form_hints_at_both(tmp_path):
    path = _write(tmp_path, "who,where,when\nMia,400,60.2\n")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    [line] = info.value.lines()
    assert "the header needs athlete, distance_m, time" in line
    assert "or, for laps from a stopwatch, Lap with Lap Time and/or Total Time" in line


def test_lap_times_in_a_split_column_say_it_holds_times_from_the_start(tmp_path):
    """It said "times of Anna must increase with distance: 1:07.40 at 1500 m is not after
    1:10.10 at 1100 m", which did not say the column held lap times."""
    text = "Athlete,Distance (m),Split\nAnna,300,51.80\nAnna,700,1:09.20\n"
    text += "Anna,1100,1:10.10\nAnna,1500,1:07.40\n"
    path = _write(tmp_path, text)
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [
        f"{path}: line 5, column 3: the time column holds times from the start, but those of "
        "Anna (51.80, 1:09.20, 1:10.10, 1:07.40) look like lap times, each its own stretch's: "
        "from the start they would be 51.80, 2:01.00, 3:11.10, 4:18.50"
    ]


def test_a_typing_slip_among_times_from_the_start_is_no_lap_times():
    # 1:01.84 typed for 3:01.84: read as stretch times the laps run at 6.6, 3.3, 6.5 m/s.
    assert not looks_like_lap_times([400, 800, 1200, 1500], [60.2, 120.75, 61.84, 246.42])
    assert looks_like_lap_times([300, 700, 1100, 1500], [51.8, 69.2, 70.1, 67.4])


def test_name_is_refused_for_a_csv_that_names_its_athletes(tmp_path):
    path = _write(tmp_path, "athlete,distance_m,time\nMia,400,60.2\nMia,800,2:01.5\n")
    with pytest.raises(RaceFileError, match="--name: names the runner of a lap CSV"):
        read_splits_csv(path, name="Mia Berg")


def test_import_writes_a_lap_csv_with_distance_name_and_target(tmp_path, capsys):
    path = _write(tmp_path, PREAMBLE)
    out = tmp_path / "race.json"
    args = ["import", str(path), "-o", str(out), "--distance", "1500", "--name", "Mia Berg"]
    assert main([*args, "--target", "4:20", "--title", "Tuesday 1500"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["title"] == "Tuesday 1500" and data["target"]["time"] == 260
    assert [a["name"] for a in data["athletes"]] == ["Mia Berg"]
    assert [(s["distance_m"], s["time"]) for s in data["athletes"][0]["splits"]] == SPLITS_1500
    assert capsys.readouterr().out.startswith(f'{out}: wrote "Tuesday 1500" (1 runner, 1500 m')


def test_validate_takes_the_options_a_lap_csv_needs(tmp_path, capsys):
    path = _write(tmp_path, QUOTED)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "needs the race distance to place its laps: give it with --distance" in err
    assert main(["validate", str(path), "--distance", "1500", "--name", "Mia Berg"]) == 0
    assert capsys.readouterr().out == f'{path}: ok ("tue-1500", 1 athlete)\n'


def test_validate_refuses_csv_options_for_race_files_alone(tmp_path, capsys):
    race = tmp_path / "r.json"
    assert (
        main(["import", str(_write(tmp_path, STOPWATCH)), "-o", str(race), "--distance", "1500"])
        == 0
    )
    capsys.readouterr()
    assert main(["validate", str(race), "--distance", "1500"]) == 2
    assert capsys.readouterr().err == (
        f"racegui validate: --distance is for a splits CSV; {race} is a race file (JSON), "
        "which gives its own\n"
    )
