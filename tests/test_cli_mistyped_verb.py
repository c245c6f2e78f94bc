"""A mistyped verb is told so ('racegui exprt race.json -o x.mp4' had been told that its
other arguments were not recognised: tester)."""

from __future__ import annotations

import pytest

from racegui.cli import main
from racegui.resources_path import demo_race_path


@pytest.mark.parametrize(
    "argv, says",
    [
        (
            ["exprt", "x.json", "-o", "x.mp4"],
            "'exprt' is neither a verb (validate, info, "
            "state, import, export) nor a file; did you mean racegui export?",
        ),
        (["valdate", "x.json"], "did you mean racegui validate?"),
        (["INFO", "x.json"], "did you mean racegui info?"),
        (
            ["banana"],
            "'banana' is neither a verb (validate, info, state, import, export) nor a file",
        ),
    ],
)
def test_a_word_that_is_no_verb_nor_file_is_told_so(capsys, argv, says):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert says in err and "unrecognized" not in err
    if argv[0] == "banana":
        assert "did you mean" not in err


def test_a_missing_file_with_a_suffix_is_still_a_missing_file(capsys, tmp_path):
    missing = tmp_path / "race.json"
    assert main([str(missing)]) == 2
    assert capsys.readouterr().err == f"{missing}: no such file\n"


def test_a_file_without_a_suffix_that_exists_is_not_taken_for_a_verb(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exprt").write_bytes(demo_race_path().read_bytes())
    assert main(["info", "exprt"]) == 0
    # Read as FILE: refused for --time without --screenshot, before any window opens.
    assert main(["exprt", "--time", "1"]) == 2
    assert "--time needs --screenshot" in capsys.readouterr().err
