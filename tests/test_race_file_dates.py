"""A race's date is a day of the calendar written YYYY-MM-DD; anything else is one line
naming $.date, and validate exits 2."""

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.race_file import read_race
from tests.helpers_race import minimal_data, write_json


def _read(tmp_path, date):
    return read_race(write_json(tmp_path / "race.json", minimal_data(date=date)))


@pytest.mark.parametrize(
    ("date", "why"),
    [
        ("2025-13-45", "2025-13-45 is not a date in the calendar (month must be in 1..12)"),
        ("2025-02-30", "2025-02-30 is not a date in the calendar (day is out of range"),
        ("2023-02-29", "not a date in the calendar"),
        ("26/06/2025", 'a date is written YYYY-MM-DD, e.g. "2025-06-26"'),
        ("20250626", "a date is written YYYY-MM-DD"),  # date.fromisoformat takes it
        ("2025-W26-4", "a date is written YYYY-MM-DD"),  # and this
        ("June 2025", "a date is written YYYY-MM-DD"),
        ("2025-06-26 ", "a date is written YYYY-MM-DD"),
    ],
)
def test_a_date_that_is_no_calendar_day_is_refused_at_its_place(tmp_path, date, why):
    with pytest.raises(RaceFileError) as info:
        _read(tmp_path, date)
    assert [p.where for p in info.value.problems] == ["$.date"]
    assert why in info.value.problems[0].message


@pytest.mark.parametrize("date", ["2025-06-26", "2024-02-29", "1954-05-06"])
def test_calendar_days_are_read(tmp_path, date):
    assert _read(tmp_path, date).date == date


def test_validate_gives_one_line_and_exit_2(capsys, tmp_path):
    path = write_json(tmp_path / "race.json", minimal_data(date="2025-13-45"))
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    column = path.read_text(encoding="utf-8").index('"date"') + 1  # a file on one line
    assert err == (
        f"{path}: line 1, column {column}, $.date: 2025-13-45 is not a date in the calendar "
        "(month must be in 1..12)\n"
    )
