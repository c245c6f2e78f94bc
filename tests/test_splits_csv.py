import pytest

from racegui.cli import main
from racegui.io.errors import MAX_PROBLEMS, RaceFileError
from racegui.io.splits_csv import read_splits_csv

CSV = """athlete,distance_m,time
fk,400,60.20
fk,800,2:00.75
fk,1200,3:01.84
fk,1609.344,4:06.42
p1,400,60.10
p1,800,2:00.60
"""


def test_reads_comma_csv(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(CSV, encoding="utf-8")
    race = read_splits_csv(path, target_time_s=240)
    assert race.distance_m == pytest.approx(1609.344)
    assert race.focus.id == "fk"
    assert [s.time_s for s in race.focus.splits] == [60.2, 120.75, 181.84, 246.42]
    assert race.athlete("p1").role == "pacer"
    assert race.target_time_s == 240


def test_semicolon_decimal_comma_and_bom(tmp_path):
    path = tmp_path / "s.csv"
    text = CSV.replace(",", ";").replace("60.20", "60,20").replace("2:00.75", "2:00,75")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    race = read_splits_csv(path)
    assert [s.time_s for s in race.focus.splits][:2] == [60.2, 120.75]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_text_with_a_bom_is_read(tmp_path, encoding):
    """A CSV saved by a spreadsheet as "Unicode text" (UTF-16 with a BOM) was refused as
    "binary data, not a text file"."""
    path = tmp_path / "s.csv"
    bom = "" if encoding in ("utf-16", "utf-32") else "\ufeff"  # the codec writes its own
    path.write_bytes((bom + CSV.replace("fk,", "Ciarà,")).encode(encoding))
    race = read_splits_csv(path)
    assert race.focus.name == "Ciarà" and race.focus.splits[-1].time_s == 246.42


def test_utf16_without_a_bom_is_named_not_called_binary(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(CSV.encode("utf-16-le"))
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [
        f"{path}: UTF-16 text without a byte-order mark: save it as UTF-8"
    ]


def test_utf16_cut_mid_character_names_line_and_column(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(("athlete,distance_m,time\nfk,400,60.2").encode("utf-16")[:-1])
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [
        f"{path}: line 2, column 11: not valid UTF-16 text (a broken or cut-off character); "
        "save it as UTF-8"
    ]


def test_binary_data_is_still_binary(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [f"{path}: binary data, not a text file"]


def test_bad_time_names_line_and_column(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(CSV.replace("2:00.75", "2:0x.75"), encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert "line 3, column 3" in str(info.value)


def test_a_file_cut_off_inside_its_last_time_is_refused_at_that_cell(tmp_path):
    """A file ending "1609.344,4:0" imported her 4:06.42 mile as 4:00.00."""
    path = tmp_path / "s.csv"
    path.write_text(CSV.split("\np1")[0].removesuffix("6.42"), encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [
        f"""{path}: line 5, column 3: '4:0': seconds after ":" need two digits (m:ss.xx)"""
    ]


def test_a_time_with_thousands_of_digits_names_its_cell(tmp_path):
    # int() refused the 5,000-digit minutes with a ValueError traceback.
    path = tmp_path / "s.csv"
    path.write_text(CSV.replace("2:00.75", "1" * 5000 + ":00.75"), encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert "line 3, column 3" in str(info.value) and "too long" in str(info.value)


def test_a_row_with_an_extra_field_is_refused_not_cut(tmp_path):
    """A decimal comma in a comma-separated file splits a time in two: 2:00,75 must not be
    read as 2:00 with the 75 dropped. Empty trailing cells (spreadsheet exports) are fine."""
    path = tmp_path / "s.csv"
    path.write_text(CSV.replace("2:00.75", "2:00,75"), encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    lines = str(info.value).splitlines()
    assert len(lines) == 1 and "line 3: 4 fields, the header has 3" in lines[0]
    path.write_text(CSV.replace("2:00.75", "2:00.75,,"), encoding="utf-8")
    assert [s.time_s for s in read_splits_csv(path).focus.splits][1] == 120.75
    # A header with an empty last cell does not make room for the split-off digits.
    trailing = "\n".join(line + "," for line in CSV.splitlines()) + "\n"
    path.write_text(trailing.replace("2:00.75,", "2:00,75"), encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert "line 3: 4 fields, the header has 3" in str(info.value)
    path.write_text(trailing, encoding="utf-8")
    assert [s.time_s for s in read_splits_csv(path).focus.splits][1] == 120.75


def test_missing_column(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("athlete,where,time\nfk,400,60\n", encoding="utf-8")
    with pytest.raises(RaceFileError, match="missing column"):
        read_splits_csv(path)


def test_non_increasing_in_csv(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(CSV.replace("fk,1200,3:01.84", "fk,1200,1:01.84"), encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert "line 4" in str(info.value) and "increase" in str(info.value)


def test_superhuman_split_points_at_its_line(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(CSV.replace("fk,800,2:00.75", "fk,800,1:05.00"), encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert "line 3" in str(info.value) and "faster than any human" in str(info.value)


def test_header_only(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("athlete,distance_m,time\n", encoding="utf-8")
    with pytest.raises(RaceFileError, match="no splits"):
        read_splits_csv(path)


def test_more_athletes_than_a_race_file_allows_is_one_message(tmp_path):
    path = tmp_path / "s.csv"
    rows = "".join(f"a{k},400,{60 + k / 1000:.3f}\n" for k in range(1001))
    path.write_text("athlete,distance_m,time\n" + rows, encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert [p.where for p in info.value.problems] == ["line 1002"]
    assert "more than 1000 athletes" in str(info.value)


def test_more_splits_than_a_race_file_allows_is_one_message_per_athlete(tmp_path):
    path = tmp_path / "s.csv"
    rows = "".join(f"{a},{k + 1},{(k + 1) / 5:.2f}\n" for k in range(1003) for a in "xy")
    path.write_text("athlete,distance_m,time\n" + rows, encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert [p.where for p in info.value.problems] == ["line 2002", "line 2003"]
    assert "more than 1000 splits for x" in str(info.value)


def test_a_file_of_a_million_bad_rows_stops_after_100_problems(tmp_path):
    # Listing 6 million problems took 80 s and 2.8 GB.
    path = tmp_path / "s.csv"
    path.write_bytes(b"athlete,distance_m,time\n" + b"fk,400,60\n" * 1_000_000)
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    problems = info.value.problems
    assert len(problems) == MAX_PROBLEMS + 1
    # Line 2 is a good first split; lines 3 to 102 are the 100 problems listed.
    stop = f"{path}: line {MAX_PROBLEMS + 3}, column 2: stopped reading here"
    assert problems[-1].format(path) == stop + ": more than 100 problems"
    lines = info.value.lines()  # the 100, all alike, are one line
    assert len(lines) == 2 and lines[0].endswith(
        " (and 99 more like it, the last at line 102, column 2)"
    )
    assert lines[-1] == stop + ": more than 100 problems"


@pytest.mark.parametrize(
    ("header", "rows", "where", "words"),
    [
        ("athlete,distance_m,time", "target,400,60\n", "line 2, column 1", "reserved"),
        # A name too long for a race file, from the athlete column, is placed there too.
        ("athlete,distance_m,time", "F " + "k" * 200 + ",400,60\n", "line 2, column 1", "200"),
        ("athlete,distance_m,time,role", "a,400,60,boss\n", "line 2, column 4", "'runner'"),
        ("time,athlete,distance_m,colour", "60,a,400,reddish\n", "line 2, column 4", "#rrggbb"),
    ],
)
def test_a_bad_athlete_field_is_placed_at_its_line_and_column(tmp_path, header, rows, where, words):
    # These used to be reported at a JSON path ($.athletes[0].id) the CSV does not have.
    path = tmp_path / "s.csv"
    path.write_text(header + "\n" + rows, encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    (line,) = info.value.lines()
    assert line.startswith(f"{path}: {where}: ") and words in line


@pytest.mark.parametrize("rows", [101, 102])
def test_a_file_with_just_over_100_problems_says_where_reading_stopped(tmp_path, rows):
    path = tmp_path / "s.csv"
    path.write_text("athlete,distance_m,time\n" + "a,1,xx\n" * rows, encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    problems = info.value.problems
    assert len(problems) == MAX_PROBLEMS + 1 and "stopped reading here" in problems[-1].message


def _read(tmp_path, text: str, **options):
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    return path, read_splits_csv(path, **options)


def _refused(tmp_path, text: str) -> tuple[str, list[str]]:
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    return str(path), info.value.lines()


def test_rows_in_any_order_are_sorted_by_distance(tmp_path):
    # They were refused: "line 3, column 2: distances of kip must increase".
    rows = CSV.splitlines()
    shuffled = "\n".join([rows[0], rows[4], rows[6], rows[2], rows[1], rows[5], rows[3]]) + "\n"
    _, race = _read(tmp_path, shuffled)
    assert [s.distance_m for s in race.focus.splits] == [400, 800, 1200, 1609.344]
    assert [s.time_s for s in race.focus.splits] == [60.2, 120.75, 181.84, 246.42]
    assert [s.time_s for s in race.athlete("p1").splits] == [60.1, 120.6]
    assert race.athlete("fk").role == "runner"  # the first athlete in the file still


def test_two_rows_at_one_distance_are_refused_naming_both_lines(tmp_path):
    path, lines = _refused(tmp_path, CSV + "fk,800,2:00.80\n")
    assert lines == [
        f"{path}: line 8, column 2: a second split of fk at 800 m (the first is on line 3)"
    ]


def test_two_start_rows_of_one_athlete_are_refused_at_the_second(tmp_path):
    """Two 0 m rows for one athlete were read quietly as one start (tester); another
    athlete's start row is no second one."""
    text = "athlete,distance_m,time\nfk,0,0.00\np1,0,0\n" + CSV.partition("\n")[2]
    path, lines = _refused(tmp_path, text + "fk,0,0.00\n")
    assert lines == [
        f"{path}: line 10, column 2: a second start row (0 m) of fk (the first is on line 2)"
    ]
    race = _read_text(tmp_path, text)
    assert [s.distance_m for s in race.athlete("fk").splits][0] == 400


def test_two_start_rows_are_one_line_and_exit_2_in_validate_and_import(tmp_path, capsys):
    csv = tmp_path / "s.csv"
    csv.write_text("athlete,distance_m,time\nA,0,0.00\nA,0,0.00\nA,400,60.0\nA,800,2:00.0\n")
    out = tmp_path / "s.json"
    for argv in (["validate", str(csv)], ["import", str(csv), "-o", str(out)]):
        assert main(argv) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (
            f"{csv}: line 3, column 2: a second start row (0 m) of A (the first is on line 2)\n"
        )
    assert not out.exists()


def test_times_going_backwards_once_sorted_name_both_lines(tmp_path):
    text = "athlete,distance_m,time\nkip,800,2:00.75\nkip,1200,1:01.84\nkip,400,60.2\n"
    path, lines = _refused(tmp_path, text)
    assert lines == [
        f"{path}: line 3, column 3: times of kip must increase with distance: "
        "1:01.84 at 1200 m is not after 2:00.75 at 800 m (line 2)"
    ]


def test_a_problem_found_after_sorting_names_the_line_of_its_row(tmp_path):
    # 800 m in 65 s after 400 m in 40.2 s is superhuman: the 800 m row is line 2. (With
    # 60.2 s at 400 m the times read as laps of 1:00.20 and 1:05.00, which is said instead.)
    text = "athlete,distance_m,time\nkip,800,65\nkip,400,40.2\n"
    path, lines = _refused(tmp_path, text)
    assert len(lines) == 1 and lines[0].startswith(f"{path}: line 2: ")
    assert "faster than any human" in lines[0]


def test_a_name_in_the_athlete_column_names_the_athlete_and_makes_its_id(tmp_path):
    # It was refused: "line 2, column 1: an id is 1 to 64 letters, digits, ... (no spaces)".
    text = "athlete;distance_m;time\nFaith Kipyegon;400;60,20\nFaith  Kipyegon;800;2:00,75\n"
    text += "Ciarà Mageean;400;60,10\nØyvind Kjærstad;400;60,30\n李娜;400;60,40\n"
    _, race = _read(tmp_path, text)
    assert [(a.id, a.name) for a in race.athletes] == [
        ("faith-kipyegon", "Faith Kipyegon"),  # the two spaces on line 3 are one name
        ("ciara-mageean", "Ciarà Mageean"),
        ("oyvind-kjaerstad", "Øyvind Kjærstad"),
        ("athlete-4", "李娜"),  # no Latin letters to make an id of
    ]
    assert [s.time_s for s in race.focus.splits] == [60.2, 120.75]


def test_a_name_column_still_gives_the_name(tmp_path):
    text = "athlete,distance_m,time,name\nFaith K,400,60.2,Faith Kipyegon\nfk,400,61,Pacer\n"
    _, race = _read(tmp_path, text)
    assert [(a.id, a.name) for a in race.athletes] == [
        ("faith-k", "Faith Kipyegon"),
        ("fk", "Pacer"),
    ]


def test_different_names_never_share_an_id(tmp_path):
    text = (
        "athlete,distance_m,time\n"
        "Faith Kipyegon,400,60.2\n"
        "Faith Kipyégon,400,60.3\n"  # another spelling is another athlete, told apart
        "faith-kipyegon,400,60.4\n"  # an id given as such keeps it
        "Target!,400,60.5\n"  # the target's id is reserved
    )
    text += "x" * 70 + " y,400,60.6\n" + "x" * 70 + " z,400,60.7\n"  # cut to 64 characters
    _, race = _read(tmp_path, text)
    ids = [a.id for a in race.athletes]
    assert ids == [
        "faith-kipyegon-2",
        "faith-kipyegon-3",
        "faith-kipyegon",
        "target-2",
        "x" * 64,
        "x" * 62 + "-2",
    ]
    assert [a.name for a in race.athletes][:2] == ["Faith Kipyegon", "Faith Kipyégon"]


def test_a_name_typed_in_another_case_is_refused_not_a_second_athlete(tmp_path):
    """ "faith kipyegon" on a later row made a second athlete, faith-kipyegon-2, with that
    row's split alone: a pacer who never was."""
    text = "athlete,distance_m,time\nFaith Kipyegon,400,60.2\nfaith kipyegon,800,2:00.75\n"
    path, lines = _refused(tmp_path, text)
    assert lines == [
        f"{path}: line 3, column 1: 'faith kipyegon' differs from 'Faith Kipyegon' (line 2) "
        "only in letter case: write one athlete the same way on every row"
    ]


RUNNER = "athlete,distance_m,time,role\nkip,400,60.2,runner\nkip,800,2:00.75,runner\n"


@pytest.mark.parametrize(
    ("text", "options", "line"),
    [
        # The review's case: reported at "$.athletes[0].splits".
        (
            RUNNER,
            {"distance_m": 1000.0},
            "line 3, column 2: the last split (800 m) must be at the race distance (1000 m), "
            "which --distance set",
        ),
        (
            RUNNER,
            {"distance_m": 600.0},
            "line 3, column 2: 800 m is past the race distance 600 m (set by --distance 600)",
        ),
        (RUNNER, {"distance_m": 5.0}, "--distance 5: must be at least 10 m and at most 100 km"),
        (RUNNER, {"distance_m": 0.0}, "--distance 0: must be at least 10 m and at most 100 km"),
        (RUNNER, {"target_time_s": 10.0}, "--target 10.00: is faster than any human runs"),
        (RUNNER, {"title": "x" * 301}, "--title: is too long: at most 300 characters"),
        (  # no runner reaches the finish: not a DNF (a runner stopping short is, below)
            "athlete,distance_m,time,role\nkip,400,60.2,runner\nhare,400,59,pacer\n"
            "hare,800,2:00,pacer\n",
            {},
            "line 2, column 2: the last split (400 m) must be at the race distance (800 m), "
            "the largest distance in the file",
        ),
        (
            "athlete,distance_m,time\nkip,5,2\n",
            {},
            "line 2, column 2: the race distance (the largest distance in the file) must be at "
            "least 10 m and at most 100 km",
        ),
        (
            RUNNER.replace("runner", "pacer"),
            {},
            'line 2, column 4: no athlete has the role "runner" (a race needs one)',
        ),
    ],
)
def test_a_problem_with_the_race_names_csv_lines_or_options_not_json_paths(
    tmp_path, text, options, line
):
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path, **options)
    assert info.value.lines() == [f"{path}: {line}"]


def test_an_athletes_rows_must_not_disagree_on_name_role_or_colour(tmp_path):
    """Only the first row's name, role and colour were read: a different one later was
    silently dropped."""
    path = tmp_path / "s.csv"
    path.write_text(
        "athlete,distance_m,time,name,colour\n"
        "fk,400,60.20,Faith Kipyegon,#ff3366\n"
        "fk,800,2:00.75,,\n"
        "fk,1200,3:01.84,Faith K,#ff3366\n"
        "fk,1609.344,4:06.42,,#00aaff\n",
        encoding="utf-8",
    )
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [
        f"{path}: line 4, column 4: name 'Faith K' for fk, but line 2 says 'Faith Kipyegon' "
        "(leave it empty after the first row)",
        f"{path}: line 5, column 5: colour '#00aaff' for fk, but line 2 says '#ff3366' "
        "(leave it empty after the first row)",
    ]


def test_a_name_or_colour_may_be_given_on_a_later_row(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "athlete,distance_m,time,name,colour\n"
        "fk,400,60.20,,\n"
        "fk,800,2:00.75,Faith Kipyegon,\n"
        "fk,1609.344,4:06.42,,nocolour\n",
        encoding="utf-8",
    )
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert len(info.value.lines()) == 1
    assert info.value.lines()[0].startswith(f"{path}: line 4, column 5: ")  # where it was read
    path.write_text(path.read_text(encoding="utf-8").replace("nocolour", "#00aaff"), "utf-8")
    athlete = read_splits_csv(path).focus
    assert (athlete.name, athlete.colour) == ("Faith Kipyegon", "#00aaff")


def test_a_colour_or_role_in_another_case_is_the_same(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "athlete,distance_m,time,role,colour\n"
        "fk,400,60.20,Runner,#E4002B\n"
        "fk,800,2:00.75,runner,#e4002b\n",
        encoding="utf-8",
    )
    athlete = read_splits_csv(path).focus
    assert (athlete.role, athlete.colour.lower()) == ("runner", "#e4002b")


def test_a_field_problem_placed_at_a_cell_keeps_its_subject(tmp_path):
    """ "line 2, column 1: is too long" lost the word the JSON path gave it."""
    path = tmp_path / "s.csv"
    path.write_text(f"athlete,distance_m,time\n{'N' * 201} x,400,60.20\n", encoding="utf-8")
    with pytest.raises(RaceFileError) as info:
        read_splits_csv(path)
    assert info.value.lines() == [
        f"{path}: line 2, column 1: name is too long: at most 200 characters"
    ]


def test_without_a_role_column_only_athletes_who_stop_short_are_pacers(tmp_path):
    """Every athlete after the first was made a pacer: a second runner who finished the
    race was counted among "pacers running 0 / 1" beside "no pacer dropouts"."""
    text = (
        "athlete,distance_m,time\n"
        "Faith Kipyegon,800,2:00.75\nFaith Kipyegon,1609.344,4:06.42\n"
        "Bea,800,2:00.00\nBea,1609.344,4:01.00\n"
        "Pacer One,800,1:59.90\n"
    )
    _, race = _read(tmp_path, text)
    assert [a.role for a in race.athletes] == ["runner", "runner", "pacer"]


@pytest.mark.parametrize(
    ("rows", "where", "message"),
    [
        # Was "line 3: 1 fields, the header has 3": the reader ran to the end of the file.
        ('"fk,400,60.20\nfk,800,2:00.75\n', "line 2", 'a quote (") is never closed'),
        ('fk,400,60.20\n"fk,800,2:00.75', "line 3", 'a quote (") is never closed'),
        (
            'fk,400,60.20\n"f\nk",800,2:00.75\n',
            "line 3",
            "a quoted cell runs on to line 4 (a line break inside quotes)",
        ),
        ("fk,400\n", "line 2", "2 fields, the header has 3"),
        ("fk\n", "line 2", "1 field, the header has 3"),
    ],
)
def test_a_quote_left_open_is_named_at_the_line_it_opens(tmp_path, rows, where, message):
    path, lines = _refused(tmp_path, "athlete,distance_m,time\n" + rows)
    assert lines == [f"{path}: {where}: {message}"]


@pytest.mark.parametrize(
    "last", ['fk,1609.344,4:06.42,"Faith K" ', 'fk,1609.344,4:06.42,"Faith" K']
)
def test_a_last_row_with_text_after_its_closing_quote_reads_as_any_other_row(tmp_path, last):
    """The check for a quote left open read the last row strictly, so text after a closing
    quote, which every other row may have, was refused there as 'a quote is never closed'
    (diff review)."""
    for rows in (f"fk,400,60.20,\n{last}", f"{last}\nfk,400,60.20,\n"):
        path = tmp_path / "r.csv"
        path.write_text("athlete,distance_m,time,name\n" + rows, encoding="utf-8")
        race = read_splits_csv(path)
        assert race.athletes[0].name.startswith("Faith")


def test_a_tab_padding_a_name_cell_is_not_part_of_the_name(tmp_path):
    """A stray tab at a cell's end (pasted from a spreadsheet) was refused as U+0009; a
    tab inside a name still is (see below)."""
    path = tmp_path / "tab.csv"
    path.write_text(
        "athlete,distance_m,time,name\nfk\t,400,60.20,\tFaith Kipyegon\t\n", encoding="utf-8"
    )
    race = read_splits_csv(path)
    assert [a.name for a in race.athletes] == ["Faith Kipyegon"]
    path.write_text("athlete,distance_m,time\nFaith\tKipyegon,400,60.20\n", encoding="utf-8")
    with pytest.raises(RaceFileError, match="U\\+0009"):
        read_splits_csv(path)


@pytest.mark.parametrize(
    ("rows", "where", "point"),
    [
        (
            "Faith \u202eKipyegon,400,60.20,\n",
            "line 2, column 1",
            "U+202E (RIGHT-TO-LEFT OVERRIDE)",
        ),
        ("fk,400,60.20,Faith\x85\n", "line 2, column 4", "U+0085"),  # read as a space
        ("Faith\x1fKipyegon,400,60.20,\n", "line 2, column 1", "U+001F"),
        ("fk,400,60.20,\nfk,800,2:00.75,\x1b[31mFaith\n", "line 3, column 4", "U+001B"),
    ],
)
def test_a_name_with_a_control_character_is_refused_at_its_cell(tmp_path, rows, where, point):
    path, lines = _refused(tmp_path, "athlete,distance_m,time,name\n" + rows)
    field = "athlete" if where.endswith("column 1") else "name"
    assert lines == [
        f"{path}: {where}: {field} has {point}, a control character, which names, labels and "
        "titles cannot hold"
    ]


def _read_text(tmp_path, text: str, name: str = "s.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_splits_csv(path)


def test_excel_s_sep_line_and_tab_separated_files_are_read(tmp_path):
    """A coach's spreadsheet exports: Excel's "sep=;" first line, and tab-separated text
    (with decimal commas), were refused as "missing column(s) athlete, distance_m, time"."""
    semi = _read_text(tmp_path, "sep=;\n" + CSV.replace(",", ";").replace("60.20", "60,20"))
    tab = _read_text(tmp_path, "sep=\t\n" + CSV.replace(",", "\t"), "st.csv")
    assert [s.time_s for s in tab.focus.splits][:2] == [60.2, 120.75]
    tabs = _read_text(tmp_path, CSV.replace(",", "\t").replace("2:00.75", "2:00,75"), "t.csv")
    for race in (semi, tabs):
        assert [s.time_s for s in race.focus.splits][:2] == [60.2, 120.75]
    with pytest.raises(RaceFileError) as err:
        _read_text(tmp_path, "sep=;\nathlete;distance_m;time\nfk;400;60,2\nfk;800;x\n", "b.csv")
    assert str(err.value).endswith(
        "b.csv: line 4, column 3: 'x' is not a time (use seconds, m:ss.xx or h:mm:ss.xx)"
    )


def test_a_start_row_at_0_m_is_read_as_the_start(tmp_path):
    """Many split sheets begin each athlete with "0,0": refused as "distance must be greater
    than 0". It says nothing new and is skipped; a time other than 0 at 0 m is refused."""
    race = _read_text(
        tmp_path, CSV.replace("fk,400,", "fk,0,0\nfk,400,").replace("p1,400,", "p1,0,0.00\np1,400,")
    )
    assert [s.distance_m for s in race.focus.splits][0] == 400
    assert race.athlete("p1").role == "pacer"
    with pytest.raises(
        RaceFileError,
        match=r"line 2, column 3: a split at 0 m must be at 0.00 \(the start\), not 1.5$",
    ):
        _read_text(tmp_path, CSV.replace("fk,400,", "fk,0,1.5\nfk,400,"), "z.csv")
    with pytest.raises(RaceFileError, match="line 2, column 2: distance must not be negative"):
        _read_text(tmp_path, CSV.replace("fk,400,", "fk,-5,0\nfk,400,"), "n.csv")


def test_a_file_with_no_header_on_its_first_lines_is_refused_at_line_1(tmp_path):
    """A title line, then rows but no header: nothing names the columns (a title above a
    header is left out: test_splits_csv_preamble)."""
    with pytest.raises(RaceFileError) as err:
        _read_text(tmp_path, "Club 800 m race 12/05\n\n" + CSV.partition("\n")[2])
    assert "line 1: missing column(s) athlete, distance_m, time" in str(err.value)
    with pytest.raises(RaceFileError, match="separated by commas, semicolons or tabs"):
        _read_text(tmp_path, "who|where|when\nfk|400|60.2\n", "p.csv")


def test_a_file_in_no_encoding_read_names_the_letter_and_says_how_to_save_it(tmp_path):
    """ "line 2, column 4" was a byte's place, read by a coach as the CSV's 4th column of 3.
    (0x9d is no letter in UTF-8 or Windows-1252, which a Latin-1 'é' now reads as.)"""
    path = tmp_path / "l.csv"
    path.write_bytes(b"athlete,distance_m,time\nJos\x9d,400,57.1\n")
    with pytest.raises(RaceFileError) as err:
        read_splits_csv(path)
    assert str(err.value) == (
        f"{path}: line 2, character 4: not UTF-8 text (binary, or another encoding: save it as "
        'UTF-8, "CSV UTF-8" in Excel)'
    )


def test_an_athlete_with_only_a_start_row_is_one_problem(tmp_path):
    """ "B,0,0" alone left B with no splits: an IndexError traceback in import, validate and
    the window (diff review)."""
    for header, role in (("", ""), (",role", ",pacer")):
        text = f"athlete,distance_m,time{header}\nA,400,61.5{role and ',runner'}\n"
        text += f"A,800,2:03.1{role and ',runner'}\nB,0,0{role}\n"
        with pytest.raises(RaceFileError) as err:
            _read_text(tmp_path, text)
        assert str(err.value).endswith("line 4: B has only a start row (0 m), no split")


CLUB = (
    "athlete,distance_m,time{role}\n"
    "Mia Cole,1000,3:05.2{runner}\nMia Cole,2000,6:12.9{blank}\nMia Cole,3000,9:14.55{blank}\n"
    "Zoe Hart,1000,3:04.8{runner}\nZoe Hart,2000,6:15.0{blank}\nZoe Hart,3000,9:31.02{blank}\n"
    "Ava Reid,1000,3:06.0{runner}\nAva Reid,2000,6:30.4{blank}\n"
)
"""The coach's club 3000 m: Ava Reid stops at 2000 m."""


def _club(role: bool) -> str:
    if role:
        return CLUB.format(role=",role", runner=",runner", blank=",")
    return CLUB.format(role="", runner="", blank="")


def test_a_role_column_saying_runner_for_one_who_stops_short_makes_a_dnf(tmp_path):
    """It was refused: "line 9, column 2: the last split (2000 m) must be at the race
    distance (3000 m)" (coach's review)."""
    _, race = _read(tmp_path, _club(role=True))
    ava = race.athlete("ava-reid")
    assert (ava.role, ava.dnf, ava.splits[-1].distance_m) == ("runner", True, 2000.0)
    assert [a.dnf for a in race.athletes] == [False, False, True]
    assert race.notes == (
        "Ava Reid stops at 2000 m, before the 3000 m finish: a runner who did not finish "
        "(the role column says runner).",
    )


def test_without_a_role_column_one_who_stops_short_stays_a_pacer_with_a_note(tmp_path):
    _, race = _read(tmp_path, _club(role=False))
    ava = race.athlete("ava-reid")
    assert (ava.role, ava.dnf) == ("pacer", False)
    assert race.notes[0].endswith(
        "For a runner who did not finish, write runner in a role column on that row."
    )


def test_a_role_column_with_runner_on_her_row_alone_is_enough(tmp_path):
    """The others' empty role cells read as without a role column (they were refused:
    "line 2, column 4: should be 'runner', 'pacer' or 'ghost'")."""
    text = CLUB.format(role=",role", runner=",", blank=",")
    text = text.replace("Ava Reid,1000,3:06.0,\n", "Ava Reid,1000,3:06.0,runner\n")
    _, race = _read(tmp_path, text)
    assert [(a.role, a.dnf) for a in race.athletes] == [
        ("runner", False),
        ("runner", False),
        ("runner", True),
    ]
    hare = text + "Hare,1000,3:04.0,\n"
    _, race = _read(tmp_path, hare)
    assert race.athlete("Hare").role == "pacer"
    assert "(the role cell is empty, and a runner reaches the finish)" in race.notes[1]


def test_a_first_athlete_who_stops_short_is_a_dnf_and_the_next_is_followed(tmp_path):
    """Without a role column the first athlete is the runner: stopping short while another
    runner finishes, she did not finish (it was refused at her last split)."""
    text = (
        "athlete,distance_m,time\nAva,1000,3:06.0\nAva,2000,6:30.4\nMia,1000,3:05\nMia,3000,9:14\n"
    )
    _, race = _read(tmp_path, text)
    assert [(a.id, a.role, a.dnf) for a in race.athletes] == [
        ("Ava", "runner", True),
        ("Mia", "runner", False),
    ]
    assert race.focus.id == "Mia"
    assert race.notes == (
        "Ava stops at 2000 m, before the 3000 m finish: a runner who did not finish (the athlete "
        "is listed first).",
    )


def test_a_runner_stopping_short_is_refused_at_her_line_when_no_runner_finishes(tmp_path):
    """No runner reaches the largest distance (only a pacer does): a file cut short, not a
    DNF; the problem names the CSV's line and column, without the race file's "dnf"."""
    text = (
        "athlete,distance_m,time,role\nkip,400,60.2,runner\nhare,400,59,pacer\n"
        "hare,800,2:00,pacer\n"
    )
    path, lines = _refused(tmp_path, text)
    assert lines == [
        f"{path}: line 2, column 2: the last split (400 m) must be at the race distance "
        "(800 m), the largest distance in the file"
    ]
