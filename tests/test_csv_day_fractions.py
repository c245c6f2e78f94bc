"""Times Excel saved as day fractions (0.000532407 for 46 s, a cell not formatted as a time)
are refused in one line that says so and how to save them (analyst's review: four lines had
said the splits were 0.00053 s apart, and nothing of Excel)."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.io.day_fractions import day_fraction_hint

WIDE = "Athlete,300,700,1100,1500\nA One,0.000532407,0.001261574,0.001979167,0.002656250\n"
"""R7's excel_serial.csv: 46.00, 1:49.00, 2:51.00, 3:49.50 as fractions of a day."""
TOO_CLOSE = (
    "0.00053 s after the previous split (or the start): splits are timed to the hundredth, "
    "so at least 0.01 s apart"
)


def _validate(tmp_path, capsys, text: str, name: str = "s.csv", *options: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code = main(["validate", str(path), *options])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    return path, err


def test_a_wide_sheet_of_day_fractions_is_one_line_saying_so(tmp_path, capsys):
    path, err = _validate(tmp_path, capsys, WIDE)
    assert err == (
        f"{path}: line 2, column 2 (300 m): {TOO_CLOSE}; these look like Excel day fractions "
        "(0.000532407 = 46.00 s): format the columns as time (mm:ss.00) before saving\n"
    )


def test_info_says_it_too(tmp_path, capsys):
    path = tmp_path / "s.csv"
    path.write_text(WIDE, encoding="utf-8")
    assert main(["info", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "(0.000532407 = 46.00 s): format the columns" in err
    assert "more" not in err


def test_one_row_per_split_names_the_column_and_the_cell_as_typed(tmp_path, capsys):
    text = "athlete;distance_m;time\nA;400;0,000694444\nA;800;0,001400463\nB;400;0,0007\n"
    path, err = _validate(tmp_path, capsys, text + "B;800;0,00141\n")
    assert err.count("\n") == 1 and err.startswith(f"{path}: line 2, column 3: 0.00069 s after")
    assert err.endswith(
        "these look like Excel day fractions (0,000694444 = 1:00.00): format the column as "
        "time (mm:ss.00) before saving\n"
    )


def test_a_lap_csv_of_day_fractions_says_so(tmp_path, capsys):
    text = "Lap,Time\n1,0.000706019\n2,0.000717593\n3,0.000711806\n4,0.000694444\n"
    _path, err = _validate(tmp_path, capsys, text, "laps.csv", "--distance", "1600")
    assert err.count("\n") == 1 and "these look like Excel day fractions (0.000706" in err


@pytest.mark.parametrize(
    "text",
    [
        "athlete,distance_m,time\nA,400,0.000694444\nA,800,0.5\n",  # one time not under 1
        "athlete,distance_m,time\nA,400,0.00001\nA,800,0.00002\n",  # 0.86 s per 400 m
        "athlete,distance_m,time\nA,400,0.2\nA,800,0.4\n",  # 4.8 hours per 400 m
    ],
)
def test_other_small_times_get_no_such_hint(tmp_path, capsys, text):
    _path, err = _validate(tmp_path, capsys, text)
    assert "Excel" not in err


def test_the_hint_needs_every_athlete_to_fit():
    fits = [{"distance_m": 400.0, "time": 60 / 86400}, {"distance_m": 800.0, "time": 125 / 86400}]
    assert day_fraction_hint([fits], wide=False) is not None
    slow = [{"distance_m": 400.0, "time": 1000 / 86400}]  # 0.4 m/s: slower than walking
    assert day_fraction_hint([fits, slow], wide=False) is None
    assert day_fraction_hint([], wide=False) is None
