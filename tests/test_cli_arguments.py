"""Bad arguments are named in words: no "invalid _size_arg value", no "." for an empty name."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from racegui.cli import _size_arg, main
from racegui.cli_args import output_path_arg
from racegui.export.options import ExportOptions, ExportOptionsError, parse_size
from racegui.resources_path import demo_race_path

DEMO = str(demo_race_path())
NO_FILE = "it is empty: type a file name"
HUGE = "1" + "0" * 5000  # more digits than int() reads


@pytest.mark.parametrize(
    ("size", "message"),
    [
        ("99999x10", "the width 99999 is more than 7680 and the height 10 is less than 16"),
        ("2000x4400", "'2000x4400': the height 4400 is more than 4320 (a screenshot is 16x16 to"),
        ("10x600", "'10x600': the width 10 is less than 16 (a screenshot is 16x16 to 7680x4320)"),
    ],
)
def test_a_screenshot_size_names_each_side_at_fault(capsys, tmp_path, monkeypatch, size, message):
    """The window's --screenshot --size had said "size must be between 16x16 and 7680x4320"
    whichever side was wrong, where export names the side (K51)."""
    monkeypatch.chdir(tmp_path)
    assert main([DEMO, "--screenshot", "o.png", "--size", size]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and message in err, err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--screenshot", "o.png", "--size", "²x1080"], "'²x1080' is not a size (use WIDTHxHEIGHT"),
        (["--screenshot", "o.png", "--size", f"{HUGE}x1080"], "the width is more than 7680"),
        (["export", DEMO, "-o", "x.mp4", "--size", "²x1080"], "Size '²x1080' is not WIDTHxHEIGHT"),
        (["export", DEMO, "-o", "x.mp4", "--size", f"{HUGE}x1080"], "larger than the 7680x4320"),
        (["validate", ""], f"racegui validate: argument FILE: {NO_FILE}"),
        (["validate", DEMO, ""], f"racegui validate: argument FILE: {NO_FILE}"),
        (["info", ""], f"racegui info: argument FILE: {NO_FILE}"),
        (["state", "", "-t", "1"], f"racegui state: argument FILE: {NO_FILE}"),
        (["import", "", "-o", "x.json"], f"racegui import: argument CSV: {NO_FILE}"),
        (["import", "x.csv", "-o", ""], f"argument -o: {NO_FILE}"),
        (["", "--screenshot", "o.png"], f"racegui: argument FILE: {NO_FILE}"),
        ([DEMO, "--screenshot", ""], f"argument --screenshot: {NO_FILE}, or leave the option out"),
        (["export", "", "-o", "x.mp4"], f"racegui export: argument FILE: {NO_FILE}"),
        (["export", DEMO, "-o", ""], f"argument -o: {NO_FILE}"),
        (["export", DEMO, "-o", "x.png", "--compare", ""], f"--compare: {NO_FILE}, or leave the"),
        (["info", DEMO, "--compare", ""], f"--compare: {NO_FILE}, or leave the option out"),
        ([DEMO, "--screenshot", "o.png", "--compare", ""], f"--compare: {NO_FILE}, or leave the"),
    ],
)
def test_a_bad_argument_is_named_in_one_line(capsys, tmp_path, monkeypatch, argv, message):
    """'--size ²x1080' said "invalid _size_arg value" ('²'.isdigit() is True, int('²') fails);
    'validate ""' said ".: is a directory" (tester)."""
    monkeypatch.chdir(tmp_path)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1 and len(err) < 300, err
    assert message in err
    assert "invalid" not in err and list(tmp_path.iterdir()) == []


BLANK_FILE = "it is only spaces: type a file name"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", DEMO, "-o", "x.png", "--compare", " "], f"--compare: {BLANK_FILE}, or leave"),
        (["info", DEMO, "--compare", "  "], f"racegui info: argument --compare: {BLANK_FILE}, or"),
        ([DEMO, "--screenshot", "o.png", "--compare", " "], f"--compare: {BLANK_FILE}, or leave"),
        (["--compare", " "], f"racegui: argument --compare: {BLANK_FILE}, or leave the option"),
        ([DEMO, "--screenshot", " "], f"argument --screenshot: {BLANK_FILE}, or leave the option"),
        (["validate", " "], f"racegui validate: argument FILE: {BLANK_FILE}"),
        (["info", " "], f"racegui info: argument FILE: {BLANK_FILE}"),
        (["state", "\t", "-t", "1"], f"racegui state: argument FILE: {BLANK_FILE}"),
        (["import", " ", "-o", "x.json"], f"racegui import: argument CSV: {BLANK_FILE}"),
        (["import", "x.csv", "-o", " "], f"argument -o: {BLANK_FILE}"),
        (["export", " ", "-o", "x.png"], f"racegui export: argument FILE: {BLANK_FILE}"),
        (["export", DEMO, "-o", " "], f"argument -o: {BLANK_FILE}"),
        ([" ", "--screenshot", "o.png"], f"racegui: argument FILE: {BLANK_FILE}"),
    ],
)
def test_a_blank_file_name_is_said_to_be_blank(capsys, tmp_path, monkeypatch, argv, message):
    """--compare ' ' said " : no such file", and FILE ' ' the same; -o ' ' that its name has
    no suffix (reviewer): a name of only spaces is refused as an empty one is."""
    monkeypatch.chdir(tmp_path)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1, err
    assert message in err
    assert list(tmp_path.iterdir()) == []


SPLITS = "athlete,distance_m,time\nA,400,60.0\nA,800,2:00.0\n"


def _refused_line(capsys, tmp_path, monkeypatch, argv: list[str]) -> str:
    """Run argv in tmp_path (with x.csv and a folder out/); check it was refused with one
    stderr line, exit 2, and nothing written; return that line."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "x.csv").write_text(SPLITS, encoding="utf-8")
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1, err
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out", "x.csv"]
    return err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "x.csv", "-o", " .json"], "argument -o: the file name ' .json' is only spaces"),
        (["import", "x.csv", "-o", "out/  .json"], "the file name '  .json' is only spaces before"),
        (["import", "x.csv", "-o", "out/ "], "argument -o: the file name ' ' is only spaces: type"),
        (["export", "x.csv", "-o", " .png", "--time", "30"], "argument -o: the file name ' .png'"),
        (["export", "x.csv", "-o", "\t.png", "--time", "30"], "the file name '\\t.png' is only"),
        (["x.csv", "--screenshot", " .png"], "argument --screenshot: the file name ' .png' is"),
    ],
)
def test_a_file_name_of_only_spaces_before_its_suffix_is_refused(
    capsys, tmp_path, monkeypatch, argv, message
):
    """import -o ' .json' wrote a file named " .json" (R11), export -o ' .png' and
    --screenshot ' .png' an image so named: a name of only spaces is refused with its
    suffix as without, one line, nothing written."""
    err = _refused_line(capsys, tmp_path, monkeypatch, argv)
    assert message in err and "type a file name" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "x.csv", "-o", ". .json"], "'. .json' is only dots and spaces before .json"),
        (["import", "x.csv", "-o", "...json"], "'...json' is only dots before .json: type a"),
        (["import", "x.csv", "-o", "out/.json"], "'.json' is only the suffix: type a file name"),
        (["export", "x.csv", "-o", ".mp4"], "before .mp4, such as 'race.mp4'"),
        (["export", "x.csv", "-o", "...gif", "--time", "30"], "only dots before .gif"),
        (["export", "x.csv", "-o", ". .png", "--time", "30"], "such as 'race.png'"),
        (["x.csv", "--screenshot", ".png"], "--screenshot: the file name '.png' is only the suf"),
        (["x.csv", "--screenshot", "...png"], "such as 'race.png', or leave the option out"),
    ],
)
def test_a_file_name_of_only_dots_or_its_suffix_is_refused(
    capsys, tmp_path, monkeypatch, argv, message
):
    """import -o '. .json' and '...json' wrote hidden files, as export -o '...mp4' and
    --screenshot '...png' did, and import -o .json was told to type .json.json (reviewer):
    a name with nothing, dots or spaces before its suffix is refused, one line saying to
    type a file name before the suffix, nothing written."""
    err = _refused_line(capsys, tmp_path, monkeypatch, argv)
    assert message in err and ".json.json" not in err and "type a file name before ." in err


@pytest.mark.parametrize(
    ("typed", "told"),
    [(".%04d.png", "race_%04d.png"), ("..%d.png", "race_%d.png"), (" %04d.png", "race_%04d.png")],
)
def test_a_png_sequence_with_no_name_before_its_frame_number_is_refused(
    capsys, tmp_path, monkeypatch, typed, told
):
    """export -o '.%04d.png' had written hidden files .0001.png ... (reviewer): a frame
    number is no name, so a sequence of only dots or spaces besides it is refused."""
    argv = ["export", "x.csv", "-o", typed, "--from", "30", "--to", "30.1"]
    err = _refused_line(capsys, tmp_path, monkeypatch, argv)
    assert f"the file name {typed!r} has no name before its frame number" in err
    assert f"such as {told!r}" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["import", "x.csv", "-o", " race.json"], "' race.json' starts with a space: type it as"),
        (["import", "x.csv", "-o", "race .json"], "'race .json' has a space before .json: type"),
        (["import", "x.csv", "-o", "race.json "], "'race.json ' ends with a space: type it as "),
        (["import", "x.csv", "-o", "out/\u00a0race.json"], "starts with U+00A0 (no-break space)"),
        (["import", "x.csv", "-o", "ra\u200bce.json"], "'ra\\u200bce.json' has U+200B (zero"),
        (["import", "x.csv", "-o", "race\u200c.json"], "U+200C (zero width non-joiner) in it"),
        (["import", "x.csv", "-o", "\ufeffrace.json"], "has U+FEFF (zero width no-break space"),
        (["import", "x.csv", "-o", "race\u2060.json"], "has U+2060 (word joiner) in it: type"),
        (["import", "x.csv", "-o", "r\u202egnp.json"], "has U+202E (right-to-left override)"),
        (["import", "x.csv", "-o", "\u2066race.json"], "has U+2066 (left-to-right isolate)"),
        (["export", "x.csv", "-o", " clip.mp4"], "argument -o: the file name ' clip.mp4' starts"),
        (["export", "x.csv", "-o", "a .png", "--time", "30"], "'a .png' has a space before .png"),
        (["export", "x.csv", "-o", "out/ a_%04d.png", "--to", "1"], "' a_%04d.png' starts wit"),
        (["export", "x.csv", "-o", "a\u200d.gif"], "U+200D (zero width joiner) in it: type it"),
        (["x.csv", "--screenshot", "shot .png"], "has a space before .png: type it as 'shot.png'"),
        (["import", "x.csv", "-o", "x\tr.json"], "'x\\tr.json' has a tab in it: type it as"),
        (
            ["export", "x.csv", "-o", "clip\n.mp4"],
            "has a line break before .mp4: type it as 'clip.mp4'",
        ),
        (["import", "x.csv", "-o", "a\x7fb.json"], "'a\\x7fb.json' has U+007F in it: type it"),
    ],
)
def test_a_file_name_with_a_blank_at_an_end_or_an_invisible_character_is_refused(
    capsys, tmp_path, monkeypatch, argv, message
):
    """import -o ' race.json', 'race .json' and a name holding a zero width space or a bidi
    control wrote a file so named, as export -o and --screenshot did: one line naming the
    name and what is wrong in it, and the name to type; nothing written."""
    err = _refused_line(capsys, tmp_path, monkeypatch, argv)
    assert message in err, err


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        (". race.json", "starts with a dot and a space, so the file would be hidden: type it as "),
        ("..race.json", "starts with more than one dot, so the file would be hidden: type it as"),
        ("out/.. race.json", "starts with more than one dot, so the file would be hidden"),
    ],
)
def test_a_name_hidden_by_a_slip_is_refused(capsys, tmp_path, monkeypatch, typed, told):
    """import -o '. race.json' wrote the hidden file ". race.json" (and '..race.json', the
    slash of '../race.json' left out, another): refused as a name of only dots is."""
    err = _refused_line(capsys, tmp_path, monkeypatch, ["import", "x.csv", "-o", typed])
    fixed = str(Path(typed).with_name("race.json"))
    assert (
        f"the file name {Path(typed).name!r} {told}" in err and f"type it as {fixed!r} (see" in err
    )


@pytest.mark.parametrize(
    "text",
    [
        *("x..json", ".race.json", "out/race.mp4", "_%04d.png", "a%04d.png", ".r_%d.png"),
        *(
            "mile final.json",
            " out/race.json",
            "\u0645\u06cc\u200c\u0647.json",
            "\U0001f3c3\u200d\u2640.png",
        ),
    ],
)
def test_a_file_name_with_a_name_before_its_suffix_is_taken(text):
    """Names with something besides dots and spaces before the suffix are left as typed."""
    assert output_path_arg(text) == Path(text)


EMPTY = "it is empty: type a value, or leave the option out"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["info", DEMO, "--follow", ""], f"racegui info: argument --follow: {EMPTY}"),
        (["state", DEMO, "-t", "1", "--follow", ""], f"argument --follow: {EMPTY}"),
        (["export", DEMO, "-o", "x.png", "--follow", ""], f"argument --follow: {EMPTY}"),
        ([DEMO, "--screenshot", "o.png", "--follow", ""], f"racegui: argument --follow: {EMPTY}"),
        (["info", DEMO, "--follow", "  "], "argument --follow: it is only spaces: type a value"),
        (["import", "x.csv", "-o", "x.json", "--title", ""], f"argument --title: {EMPTY}"),
        (["import", "x.csv", "-o", "x.json", "--name", ""], f"argument --name: {EMPTY}"),
        (["import", "x.csv", "-o", "x.json", "--target", ""], f"argument --target: {EMPTY}"),
        (["import", "x.csv", "-o", "x.json", "--distance", ""], f"argument --distance: {EMPTY}"),
        (["export", DEMO, "-o", "x.png", "--time", ""], f"argument --time: {EMPTY}"),
        ([DEMO, "--screenshot", "o.png", "--size", ""], f"argument --size: {EMPTY}"),
        (["export", DEMO, "-o", "x.png", "--size", ""], f"argument --size: {EMPTY}"),
        (["export", DEMO, "-o", "x.png", "--theme", ""], f"argument --theme: {EMPTY}"),
        ([DEMO, "--screenshot", "o.png", "--theme", ""], f"argument --theme: {EMPTY}"),
        (["export", DEMO, "-o", "x.png", "--splits", ""], f"argument --splits: {EMPTY}"),
        (["export", DEMO, "-o", "x.mp4", "--fps", ""], f"argument --fps: {EMPTY}"),
        (["export", DEMO, "-o", "x.mp4", "--speed", ""], f"argument --speed: {EMPTY}"),
        (["export", DEMO, "-o", "x.mp4", "--title-card", ""], f"argument --title-card: {EMPTY}"),
        (["export", DEMO, "-o", "x.mp4", "--end-card", ""], f"argument --end-card: {EMPTY}"),
        (
            ["export", DEMO, "-o", "x.mp4", "--end-card", "abc"],
            "argument --end-card: 'abc' is not a number of seconds (such as 3 or 2.5)",
        ),
    ],
)
def test_an_empty_option_is_said_to_be_empty(capsys, tmp_path, monkeypatch, argv, message):
    """--follow '' said "no athlete has the id or name ''", --title '' and --name '' were
    taken as not given (the CSV's name instead), --target '' was "'' is not a time"
    (tester)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.csv").write_text("athlete,distance_m,time\nA,400,60.0\n", encoding="utf-8")
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1, err
    assert message in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.csv"]


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["export", DEMO, "-o", "x.png", "--time", ""], "--time"),
        (["export", DEMO, "-o", "x.png", "--from", ""], "--from"),
        (["export", DEMO, "-o", "x.png", "--time=abc"], "--time"),
        (["export", DEMO, "-o", "x.png", "--tim", ""], "--time"),  # an abbreviation, in full
        (["export", DEMO, "-o", "x.png", "--from", "1", "--time", ""], "--time"),
        (["export", DEMO, "-o", "x.png", "--time"], "--time"),  # no value
        (["state", DEMO, "-t", ""], "-t"),
        (["state", DEMO, "--time", "abc"], "--time"),
        (["state", DEMO, "-tabc"], "-t"),
        (["--screenshot", "o.png", "-t", ""], "-t"),
        (["--screenshot", "o.png", "--time", "abc"], "--time"),
        (["import", "x.csv", "--output", ""], "--output"),
        (["export", DEMO, "-o", "x.png", "--quiet=1"], "--quiet"),
    ],
)
def test_an_option_is_named_as_it_was_typed(capsys, tmp_path, monkeypatch, argv, named):
    """export --time '' said "argument --from/--time: it is empty" and state -t '' "argument
    --time/-t": both names of an option, of which the user typed one (reviewer)."""
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and f": argument {named}: " in err, err
    assert "/" not in err.split(": argument ", 1)[1].split(":", 1)[0], err


@pytest.mark.parametrize("text", ["01920x1080", "0000001920x1080", "0000000001920x00001080"])
def test_a_size_with_leading_zeros_is_that_size(text):
    """'--size 0000001920x1080' was "larger than the 7680x4320 maximum" (its 10 characters
    were counted as digits of the number), in export and --screenshot alike (tester)."""
    assert parse_size(text) == _size_arg(text) == (1920, 1080)


@pytest.mark.parametrize("text", ["\uff11920x1080", "1920x\u0661080", "0x0"])
def test_sizes_leading_zeros_do_not_let_in_other_digits_or_nothing(text):
    """Only ASCII digits are read; zeros alone are a size of 0, refused as too small."""
    with pytest.raises(argparse.ArgumentTypeError):
        _size_arg(text)
    with pytest.raises(ExportOptionsError):
        ExportOptions(output="x.mp4", size=parse_size(text)).validate()


@pytest.mark.parametrize(
    ("text", "size"),
    [("square", (1080, 1080)), ("720p", (1280, 720)), ("1366 x 768", (1366, 768))],
)
def test_screenshot_and_export_read_a_size_alike(text, size):
    """--screenshot refused 'square' and '1366 x 768', which export's --size took (review)."""
    assert _size_arg(text) == parse_size(text) == size


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", DEMO, "-o", "x.png", "--time", "-0:01"], "--time: '-0:01' is negative"),
        (["export", DEMO, "-o", "x.mp4", "--to", "-1:00"], "--to: '-1:00' is negative"),
        (["state", DEMO, "--time", "-5"], "argument --time: '-5' is negative"),
        (["--screenshot", "o.png", "-t", "-1:00.5"], "argument -t: '-1:00.5' is negative"),
        (["export", DEMO, "-o", "x.mp4", "--size", "-1x100"], "Size '-1x100' is not WIDTHxHEIGHT"),
    ],
)
def test_a_value_with_a_minus_is_read_as_the_value_and_named(
    capsys, tmp_path, monkeypatch, argv, message
):
    """'--time -0:01' said "expected one argument" (argparse took it for an option), and
    '--time -5' said "'-5' is not a time (use seconds, ...)" of a number of seconds (tester)."""
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "expected one argument" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("argv", "shown"),
    [
        (["import", "x.csv", "-o", "x.json", "--title", "bad\udcff"], "--title: 'bad\\xff'"),
        (
            ["import", "x.csv", "-o", "x.json", "--name", "J\udce9r\udcf4me"],
            "--name: 'J\\xe9r\\xf4me'",
        ),
        (["info", DEMO, "--follow", "Kip\udce9"], "--follow: 'Kip\\xe9'"),
        (["export", DEMO, "-o", "x.png", "--follow", "Kip\udce9"], "--follow: 'Kip\\xe9'"),
    ],
)
def test_an_argument_that_is_not_utf8_says_so(capsys, tmp_path, monkeypatch, argv, shown):
    """A Latin-1 byte typed in --title (Python keeps it as a lone surrogate) was called "text
    with an unpaired surrogate (\\ud800-\\udfff escape)" (tester R6)."""
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"{shown} is not UTF-8 text (the byte 0x" in err and len(err.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_import_to_standard_output_says_to_name_a_file(capsys, tmp_path, monkeypatch):
    """'-o -' was told to write '-.json' (tester R6)."""
    monkeypatch.chdir(tmp_path)
    csv = tmp_path / "s.csv"
    csv.write_text("athlete,distance_m,time\nAnn,400,62.1\nAnn,800,2:05.0\n", encoding="utf-8")
    assert main(["import", str(csv), "-o", "-"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "racegui import: -o -: a race file is written to a file, not to standard output: "
        "name one (-o race.json)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.csv"]


def test_a_still_with_a_speed_is_refused_as_one_with_an_end_is(capsys, tmp_path, monkeypatch):
    """'-o a.png --speed 4' was taken and the speed ignored, where --to and the cards are
    refused for a still (tester R6)."""
    monkeypatch.chdir(tmp_path)
    assert main(["export", DEMO, "-o", "a.png", "--speed", "4"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "racegui export: A PNG still shows one race time (--from), at no speed; for frames "
        "played at --speed, number the files: a_%04d.png.\n"
    )
    assert list(tmp_path.iterdir()) == []
    assert main(["export", DEMO, "-o", "b.png", "--speed", "1", "--size", "320x180", "-q"]) == 0
