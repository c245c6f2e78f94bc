"""One athlete's second splits at two or more distances (two athletes of one name) are one
line per name saying how to tell them apart (analyst's review: two John Smiths on a wide
sheet were four near-identical lines, and nothing named the fix, a bib in the athlete
column with a name column)."""

from __future__ import annotations

from racegui.cli import main
from racegui.io.splits_csv import read_splits_csv

HINT = (
    "if they are two athletes of one name, put an id in the athlete column (a bib: 101) and "
    "the name in a name column (Athlete,Name,...)"
)
WIDE = (
    "Athlete,300,700,1100,1500\n"
    "John Smith,46.00,1:49.00,2:51.00,3:49.50\n"
    "John Smith,47.00,1:51.00,2:54.00,3:53.50\n"
    "Ann Lee,48.00,1:53.00,2:57.00,3:57.50\n"
)


def _write(tmp_path, text: str, name: str = "s.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_rows_of_one_name_on_a_wide_sheet_are_one_line(tmp_path, capsys):
    path = _write(tmp_path, WIDE)
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"{path}: line 3: John Smith again, with second splits at 300, 700, 1100 and 1500 m "
        f"(the first ones on line 2): {HINT}\n"
    )
    assert main(["info", str(path)]) == 2
    assert capsys.readouterr().err == err  # no "(and 3 more: see racegui validate)"


def test_each_name_is_its_own_line(tmp_path, capsys):
    path = _write(tmp_path, WIDE + WIDE.splitlines()[3] + "\n")
    assert main(["validate", str(path)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[2].split(",")[0] for line in lines] == [
        "John Smith again",
        "Ann Lee again",
    ]
    assert lines[1].startswith(f"{path}: line 5: Ann Lee again")


def test_one_row_per_split_says_the_lines(tmp_path, capsys):
    text = (
        "athlete,distance_m,time\nJohn Smith,400,60\nJohn Smith,800,2:00\n"
        "John Smith,400,61\nJohn Smith,800,2:02\n"
    )
    path = _write(tmp_path, text)
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"{path}: line 4: John Smith again, with second splits at 400 and 800 m (lines 4 and 5; "
        f"the first ones on lines 2 and 3): {HINT}\n"
    )


def test_many_distances_are_said_as_a_span(tmp_path, capsys):
    distances = [200 + 400 * k for k in range(8)]
    row = ",".join(f"{60 * (k + 1) + 30}" for k in range(8))
    text = f"Athlete,{','.join(map(str, distances))}\nA,{row}\nA,{row}\n"
    path = _write(tmp_path, text)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "second splits at 200 to 3000 m (8 distances)" in err


def test_the_hint_works_on_both_forms(tmp_path):
    bibs = "Athlete,Name,300,700,1100,1500\n" + "\n".join(
        f"{bib},{row}" for bib, row in zip((101, 102, 103), WIDE.splitlines()[1:], strict=True)
    )
    race = read_splits_csv(_write(tmp_path, bibs + "\n", "bibs.csv"))
    assert [a.name for a in race.athletes] == ["John Smith", "John Smith", "Ann Lee"]
    long = "athlete,name,distance_m,time\n101,John Smith,400,60\n102,John Smith,400,61\n"
    race = read_splits_csv(_write(tmp_path, long, "long.csv"))
    assert [a.name for a in race.athletes] == ["John Smith", "John Smith"]


def test_many_rows_again_are_one_line_however_many(tmp_path, capsys):
    path = _write(tmp_path, "athlete,distance_m,time\n" + "fk,400,60\nfk,800,2:00\n" * 200)
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"{path}: line 4: fk again, with second splits at 400 and 800 m (lines 4 to 401; "
        f"the first ones on lines 2 and 3): {HINT}\n"
    )


def test_a_row_typed_twice_is_still_said_as_it_was(tmp_path, capsys):
    path = _write(tmp_path, "athlete,distance_m,time\nfk,400,60\nfk,800,2:00\nfk,800,2:00\n")
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == (
        f"{path}: line 4, column 2: a second split of fk at 800 m (the first is on line 3)\n"
    )
