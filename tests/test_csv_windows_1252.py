"""A CSV saved by Excel on Windows ("CSV", Windows-1252: 'é' as the one byte 0xe9) is read,
with a note saying how it was read; bytes that are neither UTF-8 nor Windows-1252, and race
files (JSON, UTF-8 alone), are refused as before (analyst's review: every verb had refused
Excel's default CSV as not UTF-8)."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.io.errors import RaceFileError
from racegui.io.replay_file import csv_prefill, reading_notes
from racegui.io.splits_csv import read_splits_csv
from racegui.io.text_file import CP1252_NOTE
from tests.helpers_race import minimal_data

EXCEL = (
    "Athlete;300;700;1100;1500\r\n"
    "Jürgen Müßig;46,00;1:49,00;2:51,00;3:49,50\r\n"
    "Zoë Ñúñez;46,50;1:50,00;2:52,00;3:51,00\r\n"
)
"""The analyst's sheet as Excel on Windows saves it: semicolons, decimal commas, CRLF."""
NOT_UTF8 = 'not UTF-8 text (binary, or another encoding: save it as UTF-8, "CSV UTF-8" in Excel)'


def _cp1252(tmp_path, text: str = EXCEL, name: str = "excel.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("cp1252"))
    return path


def test_an_excel_windows_csv_is_read_with_its_letters_and_a_note(tmp_path):
    race = read_splits_csv(_cp1252(tmp_path))
    assert [a.name for a in race.athletes] == ["Jürgen Müßig", "Zoë Ñúñez"]
    assert race.notes[0] == CP1252_NOTE
    assert CP1252_NOTE.startswith("Read as Windows-1252 (not UTF-8)")
    assert reading_notes(race, csv=True)[0] == CP1252_NOTE  # the window's notes show it


def test_a_utf8_csv_has_no_such_note(tmp_path):
    path = tmp_path / "utf8.csv"
    path.write_text(EXCEL, encoding="utf-8")
    assert CP1252_NOTE not in read_splits_csv(path).notes


@pytest.mark.parametrize("verb", ["validate", "info"])
def test_validate_and_info_read_it_and_say_so(tmp_path, capsys, verb):
    path = _cp1252(tmp_path)
    assert main([verb, str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.count(CP1252_NOTE) == 1
    if verb == "info":
        assert "Jürgen Müßig" in out


def test_import_writes_the_names_right_and_notes_it(tmp_path, capsys):
    path, out_path = _cp1252(tmp_path), tmp_path / "race.json"
    assert main(["import", str(path), "-o", str(out_path)]) == 0
    out = capsys.readouterr().out
    assert f"  {CP1252_NOTE}" in out.splitlines()
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert [a["name"] for a in data["athletes"]] == ["Jürgen Müßig", "Zoë Ñúñez"]


def test_a_lap_csv_in_windows_1252_is_read_too(tmp_path):
    text = "Séance piste, 1500 m\r\nLap,Time\r\n1,61.0\r\n2,62.0\r\n3,61.5\r\n4,60.0\r\n"
    path = _cp1252(tmp_path, text, "laps.csv")
    assert csv_prefill(path).title == "Séance piste, 1500 m"
    race = read_splits_csv(path, distance_m=1609.344)
    assert race.title == "Séance piste, 1500 m" and race.notes[0] == CP1252_NOTE


@pytest.mark.parametrize(
    ("data", "place"),
    [  # 0x81: no character; control characters: the first byte that is not UTF-8
        (
            b"athlete,distance_m,time\r\nJ\xfcrgen,400,60.2\r\nRen\x81e,400,61.0\r\n",
            "3, character 4",
        ),
        (b"athlete,distance_m,time\r\nJ\xfcrgen\x01\x02,400,60.2\r\n", "2, character 2"),
    ],
)
def test_bytes_that_fit_neither_are_refused_as_before(tmp_path, capsys, data, place):
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(RaceFileError) as err:
        read_splits_csv(path)
    assert str(err.value) == f"{path}: line {place}: {NOT_UTF8}"
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == str(err.value) + "\n"


@pytest.mark.parametrize("name", ["race.json", "race.txt"])
def test_a_race_file_in_windows_1252_is_still_refused(tmp_path, capsys, name):
    text = json.dumps(minimal_data(), indent=2, ensure_ascii=False).replace("Runner", "Renée", 1)
    path = _cp1252(tmp_path, text, name)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "not UTF-8 text, which a race file (JSON) must be" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("data", "place"),
    [
        (b"Athlete,distance_m,time\nJ\xfcrgen,400,60.1\nZo\x9d,400,61\n", "line 3, character 3"),
        (
            b"Athlete,distance_m,time\n\xc3\x81nn,400,60.1\nZ\xfc\x9d,800,2:01\n",
            "line 3, character 3",
        ),
        (b"Athlete,distance_m,time\nJ\xfcrgen\x01,400,60.1\n", "line 2, character 2"),
    ],
)
def test_a_file_that_fits_neither_is_refused_at_the_byte_that_fits_neither(
    tmp_path, capsys, data, place
):
    """R9: a file whose u-umlaut was Windows-1252 and a later byte fit neither encoding was
    refused at the u-umlaut ("line 2, character 2"), which Windows-1252 reads; a valid UTF-8
    character holding 0x81 (C3 81) is no such byte; a control character (Windows-1252 refused
    for it, no byte that fits neither) keeps the first byte that is not UTF-8."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == f"{path}: {place}: {NOT_UTF8}\n"
