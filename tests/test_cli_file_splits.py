"""info gives the followed runner's splits as the race file has them, beside the laps."""

from __future__ import annotations

import json

import pytest

from racegui.cli import main
from racegui.model import analysis
from racegui.ui.loading import load_replay
from racegui.ui.ui_paths import demo_path


def _section(out: str) -> list[str]:
    lines = out.splitlines()
    start = next(k for k, line in enumerate(lines) if "as in the race file" in line)
    end = lines.index("", start)
    return lines[start:end]


def test_the_demo_gives_the_published_splits_and_their_gaps_to_the_target(capsys):
    """The published 1:00.20, 2:00.75 and 3:01.84 were nowhere in info: its laps end at the
    finish line (409.34 m...) and are read from the model."""
    assert main(["info", str(demo_path())]) == 0
    section = _section(capsys.readouterr().out)
    assert (
        section[1] == "(delta: the split against the target's; gap: to the target at that distance)"
    )
    assert section[2].split() == ["at", "time", "split", "over", "target", "delta", "gap"]
    rows = [line.split() for line in section[3:]]
    assert rows == [
        ["split", "1", "400", "m", "1:00.20", "1:00.20", "400", "m", "59.65", "+0.55", "+0.55"],
        ["split", "2", "800", "m", "2:00.75", "1:00.55", "400", "m", "59.65", "+0.90", "+1.45"],
        ["split", "3", "1200", "m", "3:01.84", "1:01.09", "400", "m", "59.65", "+1.44", "+2.89"],
        [
            "finish",
            "1609.34",
            "m",
            "4:06.42",
            "1:04.58",
            "409.34",
            "m",
            "1:01.05",
            "+3.53",
            "+6.42",
        ],
    ]


def test_a_coachs_400m_splits_of_a_1500m(tmp_path, capsys):
    csv = tmp_path / "tue.csv"
    csv.write_text(
        "athlete,distance_m,time\n"
        + "".join(
            f"Maja Holm,{d},{t}\n"
            for d, t in ((400, 68.5), (800, "2:17.6"), (1200, "3:27.8"), (1500, "4:20.5"))
        ),
        encoding="utf-8",
    )
    assert main(["info", str(csv)]) == 0
    rows = [line.split()[-6] for line in _section(capsys.readouterr().out)[3:]]
    # her own laps, and the last 300, to the tenth as she typed them (not 1:08.50)
    assert rows == ["1:08.5", "1:09.1", "1:10.2", "52.7"]


def test_json_gives_them_too(capsys):
    assert main(["info", str(demo_path()), "--json"]) == 0
    given = json.loads(capsys.readouterr().out)["file_splits"]
    assert [(s["distance_m"], s["split_s"]) for s in given] == [
        (400.0, 60.2),
        (800.0, 60.55),
        (1200.0, 61.09),
        (1609.344, 64.58),
    ]
    gaps = [s["gap_s"] for s in given]  # the target's times to the hundredth
    assert gaps == pytest.approx([0.55, 1.45, 2.89, 6.42], abs=1e-9)
    deltas = [s["delta_s"] for s in given]  # each split against the target's, as laps have it
    assert deltas == pytest.approx([0.55, 0.90, 1.44, 3.53], abs=1e-9)
    assert not any(s["estimated"] for s in given)


def test_splits_all_on_the_finish_line_are_not_listed_twice(tmp_path, capsys):
    csv = tmp_path / "laps.csv"
    csv.write_text(
        "athlete,distance_m,time\nMia,400,62.0\nMia,800,2:05.0\nMia,1200,3:08.0\nMia,1600,4:12.0\n",
        encoding="utf-8",
    )
    assert main(["info", str(csv)]) == 0
    assert "as in the race file" not in capsys.readouterr().out


def test_given_splits_are_the_files_with_the_targets_stretches():
    replay = load_replay(demo_path())
    rows = analysis.given_splits(replay)
    assert [r.distance_m for r in rows] == [s.distance_m for s in replay.athletes[0].splits]
    assert abs(sum(r.target_segment_time_s for r in rows) - 240.0) < 1e-9
    assert all(r.published and r.segment_published for r in rows)
