"""racegui state and info as text: status words, speeds and name columns that read well."""

import json
import re

import pytest

from racegui.cli import main
from racegui.cli_text import NAME_COLUMN_MAX
from racegui.resources_path import demo_race_path
from tests.helpers_race import mile_runners_data, minimal_data, write_json

DEMO = str(demo_race_path())
WR_2023 = str(demo_race_path("kipyegon-wr-2023.json"))


def run(capsys, *argv) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    return out


def rows(out: str) -> dict[str, str]:
    """The table rows of racegui state's text, by the name that starts them."""
    found = {}
    for line in out.splitlines():
        match = re.match(r"  (\S.*?)\s+-?\d+\.\d\d m  ", line)
        if match:
            found[match.group(1)] = line
    return found


def test_state_says_finished_or_dropped_out_not_stopped(capsys):
    # "Faith Kipyegon 1609.34 m 6.23 m/s ... stopped" and, at 4:00, "Sub-4 pacing light
    # 1609.34 m 6.71 m/s stopped" beside "Modelled 3:59.37 ... 0.00 m/s stopped".
    out = run(capsys, "state", DEMO, "--time", "4:06.42")
    assert "stopped" not in out
    table = rows(out)
    assert table["Faith Kipyegon"].endswith("  finished 4:06.42")
    assert " — " in table["Faith Kipyegon"]  # no pace once out of the race
    assert table["Grant Fisher"].endswith("dropped out at 1590 m (est.)")
    assert "m/s" not in table["Faith Kipyegon"] + table["Grant Fisher"]
    table = rows(run(capsys, "state", DEMO, "--time", "4:00"))
    assert table["Sub-4 pacing light"].endswith("  finished 4:00.00")
    assert " — " in table["Sub-4 pacing light"]
    assert table["Modelled 3:59.37"].endswith("finished 3:59.37")
    assert " 6.25 m/s " in table["Faith Kipyegon"] and table["Faith Kipyegon"].endswith("running")
    assert table["Stewart McSweyn"].endswith("  dropped out at 1570 m (est.)")
    assert " — " in table["Stewart McSweyn"]


def test_state_json_gains_a_status_and_keeps_the_model_numbers(capsys):
    data = json.loads(run(capsys, "state", DEMO, "--time", "4:06.42", "--json"))
    by_id = {a["id"]: a for a in data["athletes"]}
    fk = by_id["kipyegon"]
    assert fk["status"] == "finished" and fk["running"] is False
    assert fk["speed_mps"] == pytest.approx(6.23, abs=0.01)  # the model's, unchanged
    assert set(fk) == {
        *("id", "name", "role", "distance_m", "speed_mps", "x_m", "y_m", "lap", "running"),
        *("status", "dq", "dropout_estimated", "place", "gap_to_leader_s", "laps_down"),
    }
    assert fk["place"] == 1 and by_id["reekie"]["place"] is None  # a pacer has none
    assert by_id["reekie"]["status"] == "dropped out"
    data = json.loads(run(capsys, "state", DEMO, "--time", "1:00", "--json"))
    assert {a["status"] for a in data["athletes"]} == {"running"}


def test_state_says_she_finished_ahead_once_she_has(capsys):
    out = run(capsys, "state", WR_2023, "--time", "4:10")
    assert "Faith Kipyegon finished 4.69 s (29.9 m) ahead of the target\n" in out
    out = run(capsys, "state", WR_2023, "--time", "4:00")
    assert "Faith Kipyegon is 4.15 s (26.5 m) ahead of the target\n" in out


@pytest.mark.parametrize("time", ["0", "1:00", "3:01.84", "4:00", "4:06.42"])
def test_state_columns_line_up_with_a_long_name(capsys, time):
    # "Previous world record 4:12.33" pushed the rest of its line out by five characters.
    out = run(capsys, "state", WR_2023, "--time", time)
    table = rows(out)
    assert len(table) == 4 and "Previous world record 4:12.33" in table
    assert len({line.index(" m  ") for line in table.values()}) == 1
    assert len({line.index("(") for line in table.values()}) == 1
    header = next(line for line in out.splitlines() if "distance" in line)
    assert header.index("distance") + len("distance") == table["Faith Kipyegon"].index(" m  ") + 2


def test_a_very_long_name_is_cut_with_an_ellipsis(capsys, tmp_path):
    data = minimal_data()
    data["athletes"][1]["name"] = "A pacer with a name far too long for any table column"
    path = str(write_json(tmp_path / "long.json", data))
    out = run(capsys, "state", path, "--time", "1:00")
    cut = "A pacer with a name far too long for any table column"[: NAME_COLUMN_MAX - 1] + "…"
    assert f"  {cut} " in out and "table column" not in out


def test_info_columns_line_up_with_a_long_name(capsys):
    # "Previous world record 4:12.33 ghost" pushed its role and outcome out of line.
    out = run(capsys, "info", WR_2023)
    athletes = out.split("\nAthletes\n")[1].split("\n\n")[0].splitlines()
    assert len(athletes) == 4
    assert athletes[3] == "     Previous world record 4:12.33  ghost   finished 4:12.33"
    roles = [re.search(r"  (runner|pacer|ghost) ", line) for line in athletes]
    assert len({match.start() for match in roles}) == 1


def test_info_laps_header_stands_over_its_columns(capsys):
    # "time" stood five characters right of the times, "lap" over the target times.
    out = run(capsys, "info", WR_2023)
    lines = out.splitlines()
    k = lines.index("Laps of Faith Kipyegon, to each finish-line crossing")
    header, lap1 = lines[k + 3], lines[k + 5]  # after the lines saying what the marks mean
    assert lap1 == "  lap 1      409.34 m   1:04.06  1:02.59  1:02.71   -0.12   -0.12  est."
    cells = (("to", "409.34 m"), ("time", "1:04.06"), ("lap", "1:02.59"), ("delta", "-0.12"))
    for word, cell in cells:
        assert header.index(f" {word} ") + len(word) + 1 == lap1.index(cell) + len(cell)
    assert header.endswith("target   delta     gap") and len(header) == len(lap1) - len("  est.")


def test_info_laps_carry_her_running_gap_to_the_target(capsys):
    """The laps table gave each lap's delta only, so where she stood against the target at
    each line had to be added up by hand (coach's review): "gap" is her time there minus the
    target's, the sum of the deltas so far, the final margin at the finish."""
    out = run(capsys, "info", str(demo_race_path()))
    lines = out.splitlines()
    k = lines.index("Laps of Faith Kipyegon, to each finish-line crossing")
    assert (
        lines[k + 2] == "(delta: the lap against the target's lap; gap: to the target at the line)"
    )
    # the figures, without the mark ("est.", "lap est.") after them
    rows = [
        line.removesuffix("lap est.").removesuffix("est.").split() for line in lines[k + 4 : k + 9]
    ]
    assert [r[-1] for r in rows] == ["+0.02", "+0.57", "+1.48", "+2.95", "+6.42"]  # 4:06.42 - 4:00
    running = 0.0
    for r in rows:
        running += float(r[-2])
        assert float(r[-1]) == pytest.approx(running, abs=0.015)  # each delta is rounded


def test_info_cuts_a_very_long_name(capsys, tmp_path):
    data = minimal_data()
    data["athletes"][1]["name"] = "A pacer with a name far too long for any table column"
    path = str(write_json(tmp_path / "long.json", data))
    cut = "A pacer with a name far too long for any table column"[: NAME_COLUMN_MAX - 1] + "…"
    assert f"  {cut}  pacer   dropped out at 780 m" in run(capsys, "info", path)


def test_state_places_a_field_of_runners_leader_first(capsys, tmp_path):
    """A field's runners were listed in file order with no place (analyst's review): they
    are placed, finishers by time, those running by distance run, and a dead heat shares
    its place; a runner who did not finish has none, "DNF" in its stead, and comes after
    them."""
    data = mile_runners_data(
        ("61.00", "2:02.00", "3:03.00", "4:10.00"),
        ("60.00", "2:01.00", "3:02.00", "4:05.00"),
        ("62.00", "2:04.00", "3:06.00", "4:05.00"),  # level with Runner 1 at the line
    )
    data["athletes"].append(
        {
            "id": "d",
            "name": "Dee Stop",
            "role": "runner",
            "dnf": True,
            "splits": [{"distance_m": 400, "time": "63.00"}],
        }
    )
    path = str(write_json(tmp_path / "field.json", data))
    lines = run(capsys, "state", path, "--time", "3:30").splitlines()
    table = [line for line in lines if " m  " in line]
    assert [line[:17] for line in table[:3]] == [
        "    1  Runner 1  ",
        "    2  Runner 0  ",
        "    3  Runner 2  ",
    ]
    assert [line[:15] for line in table[3:]] == ["  DNF  Dee Stop", "       Target  "]
    after = json.loads(run(capsys, "state", path, "--time", "4:07", "--json"))
    assert [a["place"] for a in after["athletes"]] == [3, 1, 1, None, None]  # and the target


def test_state_gives_each_runners_gap_to_the_leader_as_the_field_card_does(capsys, tmp_path):
    """The window's field card gave the gap to the leader and laps down; state had no such
    column (analyst's review). The same model figures, in text and JSON."""
    from racegui.model.standings import Standings
    from racegui.ui.loading import load_replay

    data = mile_runners_data(
        ("61.00", "2:02.00", "3:03.00", "4:10.00"),
        ("60.00", "2:01.00", "3:02.00", "4:05.00"),
        ("90.00", "3:00.00", "4:30.00", "6:00.00"),  # lapped
    )
    path = str(write_json(tmp_path / "field.json", data))
    replay = load_replay(path)
    s = Standings.build(replay).at(210.0, replay.state_at(210.0).distance_m)
    assert s.rows == (1, 0, 2) and s.laps_down == (0, 0, 1)

    def line(out: str, name: str) -> str:
        return next(x for x in out.splitlines() if f"  {name}  " in x)

    out = run(capsys, "state", path, "--time", "3:30")
    assert line(out, "Runner 0").split()[1:5] == ["Runner", "0", "1368.59", "m"]
    assert "behind" in out.splitlines()[3]  # the header names the column
    assert line(out, "Runner 1").split()[5] == "—"  # the leader: no gap
    assert line(out, "Runner 0").split()[5] == f"+{s.gap_s[1]:.1f}"
    assert line(out, "Runner 2").split()[5:7] == ["+1", "lap"]
    assert line(out, "Target").split()[3] == "—"  # not in the field
    # After the winner's finish (4:05) Runner 2 stays a lap down, as in the card.
    later = run(capsys, "state", path, "--time", "5:00")
    assert line(later, "Runner 2").split()[5:7] == ["+1", "lap"]
    assert line(later, "Runner 1").split()[5] == "—"  # finished: her time under status

    out = json.loads(run(capsys, "state", path, "--time", "3:30", "--json"))
    by_name = {a["name"]: a for a in out["athletes"]}
    assert by_name["Runner 1"]["gap_to_leader_s"] is None
    assert by_name["Runner 1"]["laps_down"] is None
    assert by_name["Runner 0"]["gap_to_leader_s"] == pytest.approx(s.gap_s[1], abs=1e-3)
    assert by_name["Runner 0"]["laps_down"] == 0
    assert by_name["Runner 2"]["gap_to_leader_s"] == pytest.approx(s.gap_s[2], abs=1e-3)
    assert by_name["Runner 2"]["laps_down"] == 1
    assert by_name["Target"]["gap_to_leader_s"] is None and by_name["Target"]["laps_down"] is None
