"""info rounds event and dropout times up to the hundredth, as athletics rounds fully
automatic times: typed back (state --time, --screenshot --time), a time lands at or after its
event, never just before it."""

import re

import pytest

from racegui.cli import main
from racegui.io.replay_file import read_replay
from racegui.model import analysis
from racegui.model.timefmt import format_time_up, parse_time, round_up
from racegui.resources_path import demo_race_path

DEMO = str(demo_race_path())
RACES = ["breaking4-2025.json", "kipyegon-wr-2023.json", "example-1500m.json"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (136.334, "2:16.34"),
        (136.33351487936739, "2:16.34"),
        (246.42, "4:06.42"),
        (246.42000000000002, "4:06.42"),
        (240.0, "4:00.00"),
        (61.61040209452845, "1:01.62"),
        (0.0, "0.00"),
        (239.37, "3:59.37"),
    ],
)
def test_format_time_up(seconds, text):
    assert format_time_up(seconds) == text


def test_round_up_keeps_every_hundredth_whole():
    for k in range(0, 360_000, 7):
        assert round_up(k / 100) == k / 100


def _event_rows(out: str) -> list[tuple[float, str]]:
    rows = out.split("\nEvents (", 1)[1].split("\n\n", 1)[0].splitlines()[1:]  # to the notes
    return [(parse_time(line.split()[0]), line) for line in rows if line.strip()]


@pytest.mark.parametrize("name", RACES)
def test_every_event_time_typed_back_lands_at_or_after_it(capsys, name):
    path = str(demo_race_path(name))
    _, out, _ = run(capsys, "info", path)
    events = analysis.events(read_replay(path))
    rows = _event_rows(out)
    assert len(rows) == len(events)
    replay = read_replay(path)
    for (shown, line), e in zip(rows, events, strict=True):
        assert shown == pytest.approx(e.time_s, abs=1e-9), line  # the analysis's timed figure
        if e.kind in ("dropout", "dnf"):  # at or after the model's own moment
            exact = float(replay.dropout_time_s[replay.index(e.athlete)])
            assert exact <= shown + 1e-9 < exact + 0.01 + 1e-9, line


def test_pacer_13_reads_2_16_34_and_is_out_at_that_time(capsys):
    """Pacer 13 drops out at 136.334 s: info said 2:16.33, and the screenshot at 2:16.33 was
    the moment before."""
    _, out, _ = run(capsys, "info", DEMO)
    assert re.search(r"Pacer 13 +pacer +dropped out at 900 m, 2:16\.34 \(est\.\)", out)
    assert "   2:16.34    900.00 m  Pacer 13 drops out" in out
    _, out, _ = run(capsys, "state", DEMO, "--time", "2:16.34")
    pacer13 = next(line for line in out.splitlines() if "Pacer 13" in line)
    assert "dropped out at 900 m" in pacer13


def test_published_finishes_are_shown_as_published(capsys):
    _, out, _ = run(capsys, "info", DEMO)
    assert "Faith Kipyegon       runner  finished 4:06.42\n" in out
    assert "   4:06.42   1609.34 m  Faith Kipyegon finishes in 4:06.42\n" in out
    assert "   3:59.37   1609.34 m  Modelled 3:59.37 finishes in 3:59.37\n" in out


def test_lap_crossings_read_as_the_events_list_and_the_window_s_lap_table_do(capsys):
    """One crossing, one figure: the laps' "time" column had 1:01.61 (to the nearest) where
    the events list had 1:01.62 (rounded up, so that a time typed back lands at or after the
    event) for the same 61.6104 s (presenter's and analyst's reviews). Both are timed as
    athletics times, rounded up, as the window's table is."""
    _, out, _ = run(capsys, "info", DEMO)
    rows = [re.match(r"  (?:start|lap \d) +[\d.]+ m +(\S+)", line) for line in out.splitlines()]
    times = [row.group(1) for row in rows if row]
    assert times == ["1.41", "1:01.62", "2:02.18", "3:03.30", "4:06.42"]
    events = [
        line.split()[0] for line in out.splitlines() if "lap to go" in line or "laps to go" in line
    ]
    assert events == times[:-1]
    assert "Events (rounded up to the hundredth" in out
    laps = analysis.lap_table(read_replay(DEMO))
    assert [format_time_up(lap.time_s) for lap in laps] == times
