"""racegui info --compare: her laps beside another race's runner over the same lines (an
analyst comparing two races of one athlete had only the ghost and one scoreboard line)."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.io.replay_file import read_replay
from racegui.model.compare_laps import compare_laps
from racegui.resources_path import demo_race_path
from tests.helpers_race import club_dnf_data, demo_data, write_json

DEMO = str(demo_race_path())
WR_2023 = str(demo_race_path("kipyegon-wr-2023.json"))


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_her_published_splits_stand_beside_her_world_record_run(capsys):
    """Both miles publish 400, 800 and 1200 m: those are compared, not the finish-line
    crossings 409, 809 and 1209 m read from the model (coach's review)."""
    code, out, err = _run(capsys, "info", DEMO, "--compare", WR_2023)
    assert code == 0 and err == ""
    table = out.split("\nPublished splits of Faith Kipyegon against Faith Kipyegon in ", 1)[1]
    lines = table.splitlines()
    assert lines[0] == "Kipyegon's mile world record, 2023-07-21"
    assert lines[2].split() == ["to", "time", "other", "gap", "split", "other", "delta"]
    assert [line.split()[0] for line in lines[3:6]] == ["400.00", "800.00", "1200.00"]
    # 2023's 400 and 800 m splits are published to the tenth (62.6, 2:04.6): printed so. The
    # split from 800 m to 1200 m is to the more decimals of its ends, their difference as
    # printed (3:06.66 - 2:04.6 = 1:02.06): to the fewer, 1:02.1 had not added up.
    assert lines[3] == (
        "             400.00 m   1:00.20    1:02.6    -2.40  1:00.20   1:02.6   -2.40"
    )
    # At 1200 m 3:01.84 against 3:06.66; at the finish 4:06.42 against 4:07.64.
    assert lines[5] == (
        "            1200.00 m   3:01.84   3:06.66    -4.82  1:01.09  1:02.06   -0.97"
    )
    assert lines[6] == (
        "  finish    1609.34 m   4:06.42   4:07.64    -1.22  1:04.58  1:00.98   +3.60"
    )


def _wr_by_eye(tmp_path) -> str:
    """2023 with its 400 and 800 m splits marked estimated: one split short of the finish
    both publish, too few to compare splits by."""
    data = demo_data("kipyegon-wr-2023.json")
    for split in data["athletes"][0]["splits"][:2]:
        split["estimated"] = True
    return str(write_json(tmp_path / "wr-by-eye.json", data))


def test_without_two_shared_published_splits_her_laps_are_compared(capsys, tmp_path):
    code, out, err = _run(capsys, "info", DEMO, "--compare", _wr_by_eye(tmp_path))
    assert code == 0 and err == ""
    table = out.split("\nLaps of Faith Kipyegon against Faith Kipyegon in ", 1)[1]
    lines = table.splitlines()
    assert lines[2].split() == ["to", "time", "other", "gap", "lap", "other", "delta"]
    # At the bell 3:03.30 against 3:08.09; at the finish 4:06.42 against 4:07.64.
    assert lines[6] == (
        "  lap 3     1209.34 m   3:03.30   3:08.09    -4.79  1:01.12  1:02.04   -0.92"
    )
    assert lines[7] == (
        "  lap 4     1609.34 m   4:06.42   4:07.64    -1.22  1:03.12    59.55   +3.57"
    )


def test_info_json_carries_the_comparison(capsys, tmp_path):
    """Split rows are under "splits", with no lap number, and lap rows under "laps": split
    rows had been under "laps" with "lap": null (reviewer)."""
    code, out, _ = _run(capsys, "info", DEMO, "--compare", WR_2023, "--json")
    assert code == 0
    compare = json.loads(out)["compare"]
    assert compare["runner"] == "Faith Kipyegon" and compare["date"] == "2023-07-21"
    assert compare["rows"] == "splits" and "laps" not in compare
    assert [row["distance_m"] for row in compare["splits"]] == [400, 800, 1200, 1609.344]
    assert all(row["published"] and "lap" not in row for row in compare["splits"])
    last = compare["splits"][-1]
    assert (last["time_s"], last["other_time_s"], last["gap_s"]) == (246.42, 247.64, -1.22)
    assert (last["split_s"], last["other_split_s"]) == (64.58, 60.98)
    assert last["split_delta_s"] == pytest.approx(3.60)
    assert "compare" not in json.loads(_run(capsys, "info", DEMO, "--json")[1])
    code, out, _ = _run(capsys, "info", DEMO, "--compare", _wr_by_eye(tmp_path), "--json")
    compare = json.loads(out)["compare"]
    assert compare["rows"] == "laps" and "splits" not in compare
    assert [row["lap"] for row in compare["laps"]] == [0, 1, 2, 3, 4]
    assert [row["published"] for row in compare["laps"]] == [False] * 4 + [True]
    assert compare["laps"][-1]["lap_delta_s"] == pytest.approx(3.57)


def test_gaps_are_her_times_minus_the_others_lap_by_lap():
    shown, other = read_replay(DEMO), read_replay(WR_2023)
    _, rows = compare_laps(shown, other)
    for row in rows:
        assert row.gap_s == pytest.approx(row.lap.time_s - row.other_time_s)
    assert sum(row.lap_delta_s for row in rows) == pytest.approx(rows[-1].gap_s)


def test_a_runner_who_stopped_in_the_other_race_is_set_against_its_winner(capsys, tmp_path):
    """As the ghost is (follow.compared): the table's heading says whom she is set against."""
    final = write_json(tmp_path / "final.json", club_dnf_data())
    heat_data = club_dnf_data(title="Club 3000 heat")
    mia = heat_data["athletes"][0]
    mia["splits"] = mia["splits"][:2]  # she stopped at 2000 m in the heat
    mia["dnf"] = True
    heat = write_json(tmp_path / "heat.json", heat_data)
    code, out, err = _run(capsys, "info", str(final), "--compare", str(heat))
    note = "Mia Cole did not finish the race in heat.json: compared with Zoe Hart"
    assert code == 0 and err == f"racegui info: note: {note}\n"
    heading = "\nPublished splits of Mia Cole against Zoe Hart in Club 3000 heat\n"
    assert table_lines(out, heading)[-1] == (
        "  finish    3000.00 m   9:14.55   9:31.02   -16.47  3:01.65  3:16.02  -14.37"
    )


def test_a_runner_who_stopped_is_compared_to_where_she_stopped(capsys, tmp_path):
    final = write_json(tmp_path / "final.json", club_dnf_data())
    heat = write_json(tmp_path / "heat.json", club_dnf_data(title="Club 3000 heat"))
    code, out, err = _run(
        capsys, "info", str(final), "--follow", "ava-reid", "--compare", str(heat)
    )
    note = "Ava Reid did not finish the race in heat.json: compared with Mia Cole"
    assert code == 0 and err == f"racegui info: note: {note}\n"
    heading = "\nPublished splits of Ava Reid against Mia Cole in Club 3000 heat\n"
    assert table_lines(out, heading)[-1].startswith("  DNF       2000.00 m   6:30.40   6:12.90")
    assert "nan" not in out.lower()


def table_lines(out: str, heading: str) -> list[str]:
    """The lines of info's table under a heading."""
    return out.split(heading, 1)[1].splitlines()


def test_a_race_of_another_distance_is_refused_in_one_line(capsys):
    example = str(demo_race_path("example-1500m.json"))
    code, out, err = _run(capsys, "info", DEMO, "--compare", example)
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"racegui info: --compare {example}: ")
    assert "only races of the same distance can be compared" in err
