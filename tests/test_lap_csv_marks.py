"""Results marks in a lap CSV's time cells (reviewers' leftovers): a "DQ", "DSQ", "NT" or a
dash, in any case, had been "'DQ' is not a time (use seconds, m:ss.xx or h:mm:ss.xx)" and
a second line "no time" for the empty cell beside it, while a "DNF" was read as where the
runner stopped. Now a DQ is read as a DNF is and noted as disqualified, as a wide sheet's is;
a DNS after laps is noted as the contradiction it is; a no-time mark is refused saying what
to write."""

from __future__ import annotations

import pytest

from racegui.io.errors import RaceFileError
from racegui.io.splits_csv import read_splits_csv

HEADER = "Athlete,Lap,Lap Time,Total Time\n"
SAM = "Sam,1,52.1,52.1\nSam,2,1:05.2,1:57.3\nSam,3,1:06.0,3:03.3\nSam,4,1:02.5,4:05.8\n"
TOM = "Tom,1,53.0,53.0\nTom,2,1:05.1,1:58.1\nTom,3,1:06.0,3:04.1\nTom,4,1:03.2,4:07.3\n"


def _read(tmp_path, text: str):
    path = tmp_path / "club.csv"
    path.write_text(text, encoding="utf-8")
    return path, read_splits_csv(path, distance_m=1500)


def _refusal(tmp_path, text: str) -> list[str]:
    path = tmp_path / "club.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RaceFileError) as err:
        read_splits_csv(path, distance_m=1500)
    return [line.removeprefix(f"{path}: ") for line in err.value.lines()]


@pytest.mark.parametrize("mark", ["DQ", "dq", "DSQ", "dsq.", "D.Q.", "DQ TR17.3"])
def test_a_dq_is_where_the_runner_stopped_noted_as_disqualified(tmp_path, mark):
    _, race = _read(tmp_path, HEADER + SAM + f"Tom,1,53.0,53.0\nTom,2,{mark},\n")
    tom = race.athletes[1]
    assert tom.dnf and [s.distance_m for s in tom.splits] == [300.0]
    assert (
        f"Tom stops at 300 m, before the 1500 m finish: disqualified ('{mark}' at line 7, "
        "column 3), shown as DQ there."
    ) in race.notes


def test_a_dq_with_no_lap_before_it_is_left_out(tmp_path):
    _, race = _read(tmp_path, HEADER + SAM + "Tom,1,DQ,\n")
    assert [a.name for a in race.athletes] == ["Sam"]
    assert (
        "Tom was disqualified with no lap ('DQ' at line 6, column 3) and is left out of the race."
    ) in race.notes


def test_a_dq_after_all_the_laps_is_a_runner_disqualified_after_finishing(tmp_path):
    _, race = _read(tmp_path, HEADER + SAM + TOM + "Tom,5,DQ,\n")
    tom = race.athletes[1]
    assert not tom.dnf and tom.splits[-1].time_s == pytest.approx(247.3)
    assert (
        "Tom: disqualified ('DQ' at line 10, column 3); Tom's run is shown as timed, to the "
        "finish, with no place."
    ) in race.notes


def test_a_dns_after_laps_is_noted_as_the_contradiction_it_is(tmp_path):
    _, race = _read(tmp_path, HEADER + SAM + "Tom,1,53.0,53.0\nTom,2,dns,\n")
    assert race.athletes[1].dnf
    assert (
        "Tom is marked 'dns' (did not start) at line 7, column 3, but has splits to 300 m: "
        "shown as a runner who did not finish, stopping there."
    ) in race.notes


@pytest.mark.parametrize("mark", ["NT", "nt", "NM", "-", "\u2013"])
def test_a_no_time_mark_is_refused_in_one_line_saying_what_to_write(tmp_path, mark):
    assert _refusal(tmp_path, HEADER + SAM + f"Tom,1,53.0,53.0\nTom,2,{mark},\n") == [
        f"line 7, column 3: {mark!r} says no time, but a lap needs its time to be placed on "
        "the track: type it, or, if the runner stopped on this lap, write DNF in its place (DQ "
        "if disqualified) and leave out the laps not run"
    ]
    one = "Lap,Lap Time\n1,52.1\n2,NT\n3,1:06.0\n4,1:02.5\n"
    assert _refusal(tmp_path, one) == [
        "line 3, column 2: 'NT' says no time, but a lap needs its time to be placed on the "
        "track: type it (a lap CSV of one runner's laps needs the runner to finish)"
    ]


def test_a_stop_mark_beside_a_time_is_refused_at_the_mark(tmp_path):
    assert _refusal(tmp_path, HEADER + SAM + "Tom,1,53.0,53.0\nTom,2,DNF,1:58.1\n") == [
        "line 7, column 3: 'DNF' marks a lap not run to its end, but column 4 gives it a "
        "time: leave that cell empty, or type this one's time"
    ]


@pytest.mark.parametrize("mark", ["D.Q.", "DQ TR17.3", "d.s.q"])
def test_a_wide_sheet_reads_a_dq_written_with_dots_or_its_rule(tmp_path, mark):
    """R13: "D.Q." and "DQ TR17.3" (a disqualification with its rule, as results print it)
    had been "'D.Q.' is not a time" plus a second line for the cell beside it."""
    path = tmp_path / "wide.csv"
    path.write_text(
        f"Athlete,400,800,1200,1500\nSam,60.1,2:01.0,3:01.5,3:50.2\nTom,61.0,{mark},,\n"
    )
    race = read_splits_csv(path)
    tom = race.athletes[1]
    assert tom.dnf and [s.distance_m for s in tom.splits] == [400.0]


@pytest.mark.parametrize("mark", ["DQ(TR17.3)", "DQ-TR17.3", "Disqualified", "DISQ", "DQ*"])
def test_a_dq_spelled_out_or_with_its_rule_run_on_reads_as_a_dq(tmp_path, mark):
    """K44: these had been "'DQ(TR17.3)' is not a time (use seconds, ...)"."""
    _, race = _read(tmp_path, HEADER + SAM + f"Tom,1,53.0,53.0\nTom,2,{mark},\n")
    tom = race.athletes[1]
    assert tom.dnf and tom.dq and [s.distance_m for s in tom.splits] == [300.0]
    path = tmp_path / "wide.csv"
    path.write_text(
        f"Athlete,400,800,1200,1500\nSam,60.1,2:01.0,3:01.5,3:50.2\nTom,61.0,{mark},,\n"
    )
    tom = read_splits_csv(path).athletes[1]
    assert tom.dnf and tom.dq and [s.distance_m for s in tom.splits] == [400.0]


@pytest.mark.parametrize("mark", ["Did not finish", "did not finish (fell)", "DNF*"])
def test_a_dnf_spelled_out_or_with_a_footnote_reads_as_a_dnf(tmp_path, mark):
    _, race = _read(tmp_path, HEADER + SAM + f"Tom,1,53.0,53.0\nTom,2,{mark},\n")
    tom = race.athletes[1]
    assert tom.dnf and not tom.dq and [s.distance_m for s in tom.splits] == [300.0]


@pytest.mark.parametrize("mark", ["DQX", "DQ1", "Disqualifieds", "Did not finishing"])
def test_a_word_run_on_past_a_mark_is_still_not_a_time(tmp_path, mark):
    lines = _refusal(tmp_path, HEADER + SAM + f"Tom,1,53.0,53.0\nTom,2,{mark},\n")
    assert lines[0].startswith(f"line 7, column 3: {mark!r} is not a time")
