"""A CSV cell longer than csv.reader takes (131,072 characters) is refused at its line and
column in the house wording, not with Python's own "field larger than field limit (131072)"
(tester: a 10 MB cell)."""

from __future__ import annotations

import pytest

from racegui.cli import main

BIG = "x" * 200_000
TOO_LONG = "a cell is too long: at most 131,072 characters"


def _validate(tmp_path, capsys, text: str) -> tuple[int, list[str]]:
    path = tmp_path / "splits.csv"
    path.write_text(text, encoding="utf-8")
    code = main(["validate", str(path)])
    return code, capsys.readouterr().err.splitlines()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (f'athlete,distance_m,time\nA,400,60.0\nA,800,"{BIG}"\n', "line 3, column 3"),
        (f"athlete,distance_m,time\nA,400,60.0\nA,800,{BIG}\n", "line 3, column 3"),
        (f'athlete;distance_m;time\nA;400;60,0\n"{BIG}";800;2:00,0\n', "line 3, column 1"),
        (f'athlete,400,800\nA,60.0,"{BIG}"\n', "line 2, column 3"),
        (f'lap,time\n1,60.0\n2,"{BIG}"\n', "line 3, column 2"),
        (f'athlete,distance_m,"{BIG}"\nA,400,60.0\n', "line 1, column 3"),
        (f'sep=;\nathlete;distance_m;"{BIG}"\nA;400;60\n', "line 2, column 3"),
    ],
    ids=["quoted", "unquoted", "semicolons", "wide", "laps", "header", "sep-line"],
)
def test_a_cell_too_long_is_named_at_its_line_and_column(tmp_path, capsys, text, place):
    code, err = _validate(tmp_path, capsys, text)
    assert code == 2
    assert err == [f"{tmp_path / 'splits.csv'}: {place}: {TOO_LONG}"]


def test_a_quote_never_closed_that_runs_past_the_limit_is_named_at_its_line(tmp_path, capsys):
    rows = "".join(f"B{k},400,61.0\n" for k in range(20_000))
    code, err = _validate(tmp_path, capsys, f'athlete,distance_m,time\nA,400,"60.0\n{rows}')
    assert code == 2
    assert len(err) == 1
    assert ": line 2: a quoted cell runs on to line " in err[0]
    assert 'past 131,072 characters (a quote (") never closed?)' in err[0]
