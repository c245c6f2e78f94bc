"""info, state and export read a splits CSV with --distance, --title, --target and --name, as
import and validate do: a lap CSV had been refused by all three for want of --distance, an
option they did not have ("unrecognized arguments"), so a user had to import it first."""

import json

import pytest

from racegui.cli import main

LAPS = (
    "Lap,Lap Time,Total Time\n"
    "1,00:51.80,00:51.80\n2,01:09.20,02:01.00\n3,01:10.10,03:11.10\n4,01:07.40,04:18.50\n"
)
DEMO = "resources/races/breaking4-2025.json"
OPTIONS = ["--distance", "1500", "--name", "Mia Berg", "--target", "4:20", "--title", "Tue 1500"]


def _laps(tmp_path):
    path = tmp_path / "tue-1500.csv"
    path.write_text(LAPS, encoding="utf-8")
    return path


def _argv(verb: str, file, tmp_path) -> list[str]:
    """The least each verb needs besides its FILE."""
    more = {"info": [], "state": ["-t", "2:00"], "export": ["-o", str(tmp_path / "x.png")]}
    return [verb, str(file), *more[verb]]


def _run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_info_reads_a_lap_csv_with_the_csv_options(tmp_path, capsys):
    path = _laps(tmp_path)
    before = path.stat()
    code, out, err = _run(capsys, ["info", str(path), "--json", *OPTIONS])
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["title"], data["distance_m"], data["target_time_s"]) == ("Tue 1500", 1500, 260)
    assert [a["name"] for a in data["athletes"]] == ["Mia Berg", "Target"]
    assert [lap["time_s"] for lap in data["laps"]] == [51.8, 121.0, 191.1, 258.5]
    after = path.stat()
    assert path.read_text(encoding="utf-8") == LAPS
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def test_state_reads_a_lap_csv_with_the_csv_options(tmp_path, capsys):
    path = _laps(tmp_path)
    code, out, err = _run(capsys, ["state", str(path), "-t", "2:00", *OPTIONS])
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Tue 1500 at 2:00.00"
    assert lines[1].startswith("Mia Berg is ") and lines[1].endswith("the target")
    assert path.read_text(encoding="utf-8") == LAPS


def test_export_draws_a_lap_csv_with_the_csv_options(tmp_path, capsys):
    path = _laps(tmp_path)
    png = tmp_path / "x.png"
    argv = ["export", str(path), "-o", str(png), "--from", "2:00", "-q", *OPTIONS]
    code, _, err = _run(capsys, argv)
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.read_text(encoding="utf-8") == LAPS


@pytest.mark.parametrize("verb", ["info", "state", "export"])
def test_a_lap_csv_without_a_distance_is_told_to_give_it(tmp_path, capsys, verb):
    code, out, err = _run(capsys, _argv(verb, _laps(tmp_path), tmp_path))
    assert code == 2 and out == ""
    [line] = err.splitlines()
    assert "needs the race distance to place its laps: give it with --distance; its 4 laps" in line
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("verb", ["info", "state", "export"])
@pytest.mark.parametrize(
    ("option", "value", "why"),
    [
        ("--distance", "fifteen", "'fifteen' is not a distance (use metres, e.g. 1500"),
        ("--distance", "-5", "'-5' is not a distance (use metres, e.g. 1500"),
        ("--distance", "0", "'0' is not a distance (use metres, e.g. 1500"),
        ("--target", "4:2x", "'4:2x' is not a time"),
    ],
)
def test_a_bad_csv_option_is_one_line_and_exit_2(tmp_path, capsys, verb, option, value, why):
    path = _laps(tmp_path)
    code, out, err = _run(capsys, [*_argv(verb, path, tmp_path), option, value])
    assert code == 2 and out == ""
    [line] = err.splitlines()
    assert line.startswith(f"racegui {verb}: argument {option}: {why}")
    assert path.read_text(encoding="utf-8") == LAPS


@pytest.mark.parametrize("verb", ["info", "state", "export"])
def test_csv_options_for_a_race_file_are_refused_in_one_line(tmp_path, capsys, verb):
    argv = [*_argv(verb, DEMO, tmp_path), "--distance", "1500", "--name", "Mia"]
    code, out, err = _run(capsys, argv)
    assert (code, out) == (2, "")
    assert err == (
        f"racegui {verb}: --distance and --name are for a splits CSV; {DEMO} is a race file "
        "(JSON), which gives its own\n"
    )
    assert not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("verb", ["info", "state", "export"])
def test_help_lists_the_csv_options_in_their_own_group(capsys, verb):
    with pytest.raises(SystemExit) as exit_:
        main([verb, "-h"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    group = out[out.index("splits CSV options:") :]
    said = " ".join(group.split())  # as argparse wraps it
    assert "when FILE" in said
    assert "holds splits (CSV, whatever its name); a race file (JSON) has its own" in said
    for flag in ("--distance D", "--title TITLE", "--target T", "--name NAME"):
        assert flag in group


MILE_LAPS = "Lap,Lap Time\n1,00:01.45\n2,01:00.30\n3,01:01.00\n4,01:01.50\n5,01:03.00\n"
"""A stopwatch's laps of a mile: the 9.34 m start, then four laps (4:07.25 in all)."""


def test_a_lap_csv_compared_is_read_over_the_race_s_distance(tmp_path, capsys):
    """'export demo --compare laps.csv' was told 'give it with --distance', an option for
    FILE only (diff review): a compared race is over the shown race's distance."""
    laps = tmp_path / "club-mile.csv"
    laps.write_text(MILE_LAPS, encoding="utf-8")
    out = tmp_path / "x.png"
    argv = ["export", DEMO, "--compare", str(laps), "-o", str(out), "--from", "3:00", "-q"]
    code, _, err = _run(capsys, argv)
    assert (code, err.count("\n")) == (0, 1) and err.startswith(f"Wrote {out}")
    from racegui.io.replay_file import compare_options, read_replay

    shown = read_replay(DEMO)
    other = read_replay(laps, compare_options(shown))
    assert other.race.distance_m == shown.race.distance_m
    assert other.athletes[other.focus].splits[-1].time_s == pytest.approx(247.25)
