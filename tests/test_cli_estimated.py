"""info and state mark a dropout the race file says is estimated, as the window's "est." does."""

import json

from racegui.cli import main
from racegui.resources_path import demo_race_path
from tests.helpers_race import demo_data, write_json

DEMO = str(demo_race_path())


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_info_json_gives_the_dropouts_own_estimated_flag(capsys):
    """Fisher's dropout is estimated in the file; info --json said "estimated": false (the
    flag of who he is) and had nothing for his dropout."""
    file = {a["id"]: a for a in demo_data()["athletes"]}
    code, out, _ = run(capsys, "info", DEMO, "--json")
    data = json.loads(out)
    assert code == 0
    for a in data["athletes"]:
        dropout = file[a["id"]].get("dropout") if a["id"] in file else None
        if a["dropout_time_s"] is None:
            assert a["dropout_estimated"] is None
        else:
            assert a["dropout_estimated"] is bool(dropout and dropout.get("estimated"))
    fisher = next(a for a in data["athletes"] if a["id"] == "fisher")
    assert fisher["dropout_estimated"] is True and fisher["estimated"] is False
    drops = [e for e in data["events"] if e["kind"] == "dropout"]
    assert drops and all(e["estimated"] for e in drops)
    assert not any(e["estimated"] for e in data["events"] if e["kind"] != "dropout")


def test_info_text_marks_estimated_dropouts(capsys):
    _, out, _ = run(capsys, "info", DEMO)
    fisher = next(line for line in out.splitlines() if "Grant Fisher" in line and "m," in line)
    assert fisher.endswith("dropped out at 1590 m, 4:03.13 (est.)")
    assert "Pacer 13 drops out (est.)" in out
    assert "Faith Kipyegon finishes in 4:06.42" in out and "4:06.42 (est.)" not in out


def test_a_published_dropout_is_not_marked(capsys, tmp_path):
    data = demo_data()
    fisher = next(a for a in data["athletes"] if a["id"] == "fisher")
    fisher["dropout"]["estimated"] = False
    path = write_json(tmp_path / "race.json", data)
    _, out, _ = run(capsys, "info", str(path))
    line = next(line for line in out.splitlines() if "Grant Fisher" in line and "m," in line)
    assert line.endswith("4:03.13")
    assert "Grant Fisher drops out\n" in out
    _, out, _ = run(capsys, "info", str(path), "--json")
    fisher = next(a for a in json.loads(out)["athletes"] if a["id"] == "fisher")
    assert fisher["dropout_estimated"] is False


def test_state_marks_estimated_dropouts(capsys):
    code, out, _ = run(capsys, "state", DEMO, "--time", "4:05")
    assert code == 0
    fisher = next(line for line in out.splitlines() if "Grant Fisher" in line)
    assert fisher.endswith("dropped out at 1590 m (est.)")
    _, out, _ = run(capsys, "state", DEMO, "--time", "4:05", "--json")
    athletes = {a["id"]: a for a in json.loads(out)["athletes"]}
    assert athletes["fisher"]["dropout_estimated"] is True
    assert athletes["kipyegon"]["dropout_estimated"] is None


def _lap_lines(out: str) -> list[str]:
    block = out.split("\nLaps of ")[1].split("\n\n")[0]
    return [line for line in block.splitlines() if line.startswith(("  start", "  lap "))]


def test_info_marks_lap_times_read_from_the_model(capsys):
    """A coach quoted a lap time info had worked out between his watch's splits as if it were
    one: a lap whose ends are not both splits in the file ends "est.", as the heading explains.
    The first, part lap is "start", as in the window, not "lap 0"."""
    _, out, _ = run(capsys, "info", DEMO)
    lines = _lap_lines(out)
    assert "(est.: read from the model between published splits; lap est.: " in out
    assert [line.split()[0] for line in lines] == ["start", "lap", "lap", "lap", "lap"]
    assert all(line.endswith(" est.") for line in lines)
    _, out, _ = run(capsys, "info", str(demo_race_path("example-1500m.json")))
    assert "est.:" not in out and not any(" est." in line for line in _lap_lines(out))
    data = json.loads(run(capsys, "info", DEMO, "--json")[1])
    assert [lap["lap_time_published"] for lap in data["laps"]] == [False] * 5
