"""A file is read for what it holds, whatever its name, by every verb alike (tester R6:
Excel's "Text (Tab delimited)" .txt was imported as a CSV but validate, info, state and
export read it as JSON, "line 1, column 1: not valid JSON"; data.json holding CSV text was
refused by import as "already a race file", and validate then failed on it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from racegui.cli import main
from racegui.ui.ui_paths import demo_path

TABS = "athlete\tdistance_m\ttime\nAnna\t400\t61.2\nAnna\t800\t2:03.0\nAnna\t1609.34\t4:20.0\n"
COMMAS = TABS.replace("\t", ",")
LAPS = (
    "Lap,Lap Time,Total Time\n1,1:02.3,1:02.3\n2,1:04.1,2:06.4\n3,1:03.0,3:09.4\n4,1:01.0,4:10.4\n"
)
WIDE = "Athlete,400,800,1200,1500\nMia,62.0,2:05.0,3:08.0,3:55.0\n"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["tabs.txt", "TABS.TXT", "tabs.tsv", "tabs"])
@pytest.mark.parametrize("verb", ["validate", "info", "state", "export"])
def test_every_verb_reads_tab_separated_text_as_splits(tmp_path, capsys, name, verb):
    path = _write(tmp_path / name, TABS)
    more = {"validate": [], "info": [], "state": ["-t", "1:00"], "export": []}[verb]
    if verb == "export":
        more = ["-o", str(tmp_path / "x.png"), "--time", "1:00", "--size", "640x360"]
    code, out, err = _run(capsys, [verb, str(path), *more])
    assert code == 0 and "JSON" not in err, err
    if verb == "export":
        assert (tmp_path / "x.png").stat().st_size > 0
    else:
        assert err == ""
    if verb == "validate":
        assert out == f'{path}: ok ("{path.stem}", 1 athlete)\n'


def test_the_csv_options_follow_what_the_file_holds(tmp_path, capsys):
    """'validate splits.txt --distance 1mile' was told a race file (.json) gives its own."""
    laps = _write(tmp_path / "laps.txt", LAPS)
    code, out, err = _run(capsys, ["validate", str(laps), "--distance", "1mile"])
    assert (code, err) == (0, ""), err
    assert out.startswith(f'{laps}: ok ("laps", 1 athlete)\n')


def test_csv_options_for_a_race_file_named_txt_say_what_it_holds(tmp_path, capsys):
    race = tmp_path / "race.txt"
    shutil.copy(demo_path(), race)
    code, out, err = _run(capsys, ["validate", str(race), "--distance", "1mile"])
    assert (code, out) == (2, "")
    assert err == (
        f"racegui validate: --distance is for a splits CSV; {race} is a race file (JSON), "
        "which gives its own\n"
    )


def test_a_race_file_named_txt_or_csv_is_read_as_one(tmp_path, capsys):
    for name in ("race.txt", "race.csv", "race"):
        shutil.copy(demo_path(), tmp_path / name)
        code, out, err = _run(capsys, ["validate", str(tmp_path / name)])
        assert (code, err) == (0, "")
        assert out.startswith(f"{tmp_path / name}: ok (")
        misnamed = "  note: read as a race file (JSON), though named .csv\n"
        assert (misnamed in out) == (name == "race.csv")


def test_import_reads_csv_text_named_json(tmp_path, capsys):
    data = _write(tmp_path / "data.json", COMMAS)
    out_path = tmp_path / "x.json"
    code, out, err = _run(capsys, ["import", str(data), "-o", str(out_path)])
    assert (code, err) == (0, ""), err
    assert out.startswith(f'{out_path}: wrote "data" (1 runner, 1609.34 m')
    assert json.loads(out_path.read_text(encoding="utf-8"))["athletes"][0]["id"] == "Anna"
    code, out, err = _run(capsys, ["validate", str(data)])
    assert (code, err) == (0, "")
    assert out == (
        f'{data}: ok ("data", 1 athlete)\n'
        "  note: read as splits (CSV text), though named .json; to make a race file of it: "
        f"racegui import {data} -o {tmp_path / 'data-race.json'}\n"
    )


def test_import_refuses_a_race_file_whatever_its_name(tmp_path, capsys):
    race = tmp_path / "race.txt"
    shutil.copy(demo_path(), race)
    code, out, err = _run(capsys, ["import", str(race), "-o", str(tmp_path / "x.json")])
    assert (code, out) == (2, "")
    assert err == (
        f"racegui import reads a splits CSV; {race} is already a race file: open it "
        f"(racegui {race}) or validate it (racegui validate {race})\n"
    )
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    ("junk", "why"),
    [
        (bytes(range(256)) * 8, "binary data, not a text file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "binary data, not a text file"),
        # 0x80 is Windows-1252's euro sign: 0x81, which neither encoding has, is the place
        (bytes(range(128, 256)) * 8, "line 1, character 2: not UTF-8 text"),
    ],
)
@pytest.mark.parametrize("name", ["junk.csv", "junk.txt"])
def test_binary_junk_is_one_clear_line(tmp_path, capsys, junk, why, name):
    path = tmp_path / name
    path.write_bytes(junk)
    code, out, err = _run(capsys, ["validate", str(path)])
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"{path}: {why}")


def test_a_json_file_with_no_splits_header_keeps_its_json_message(tmp_path, capsys):
    path = _write(tmp_path / "top.json", '"hello"')
    code, out, err = _run(capsys, ["validate", str(path)])
    assert (code, out) == (2, "")
    assert err == f"{path}: line 1, column 1, $: should be an object ({{...}}), not text\n"


def test_csv_options_for_race_files_alone_say_so(tmp_path, capsys):
    race = tmp_path / "race.txt"
    shutil.copy(demo_path(), race)
    argv = ["validate", str(race), str(demo_path()), "--title", "T", "--name", "N"]
    code, out, err = _run(capsys, argv)
    assert (code, out) == (2, "")
    assert err == (
        "racegui validate: --title and --name are for a splits CSV; each file is a race file "
        "(JSON), which gives its own\n"
    )


LOOKALIKE = (
    "not JSON: CSV text, it seems, but its header is not one racegui reads: the header needs "
    "athlete, distance_m, time, separated by commas, semicolons or tabs; or, one row per "
    "athlete,"
)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Runner,Dist,Split\nAnna,400,61.2\nAnna,800,2:03.0\n", 1),
        ('"Runner","Dist"\n"Anna",400\n', 1),
        ("\n\nClub 1500m\nRunner;Dist;Split\nAnna;400;61,2\n", 4),
    ],
    ids=["commas", "quoted", "title-above"],
)
@pytest.mark.parametrize("verb", ["validate", "info"])
def test_csv_text_named_json_with_an_unknown_header_is_said_to_look_like_csv(
    tmp_path, capsys, text, line, verb
):
    """A .json file holding CSV text whose header is no form racegui reads had the JSON
    reader's "line 1, column 1: not valid JSON: expected a value here" (tester)."""
    path = _write(tmp_path / "data.json", text)
    code, out, err = _run(capsys, [verb, str(path)])
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"{path}: line {line}: {LOOKALIKE}")


@pytest.mark.parametrize(
    "text",
    ['"format": "racegui/1",\n"title": "x"\n}\n', "hello world\n", "a,b\n1,2,3\n"],
    ids=["json-cut-at-start", "one-word", "ragged"],
)
def test_text_that_is_not_csv_like_keeps_its_json_message(tmp_path, capsys, text):
    path = _write(tmp_path / "data.json", text)
    code, out, err = _run(capsys, ["validate", str(path)])
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and ": not valid JSON: " in err
