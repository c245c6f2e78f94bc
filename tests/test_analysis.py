import numpy as np
import pytest

from racegui.io.race_file import read_race
from racegui.model import analysis
from racegui.model.replay import compile_race
from racegui.resources_path import demo_race_path
from tests.helpers_race import MILE


@pytest.fixture(scope="module")
def replay():
    return compile_race(read_race(demo_race_path()))


def test_mile_lap_table_ends_at_finish_line_crossings(replay):
    laps = analysis.lap_table(replay)
    assert [lap.number for lap in laps] == [0, 1, 2, 3, 4]
    np.testing.assert_allclose(
        [lap.end_m for lap in laps], [9.344, 409.344, 809.344, 1209.344, MILE]
    )
    assert sum(lap.lap_time_s for lap in laps) == pytest.approx(246.42, abs=1e-6)
    assert laps[-1].time_s == pytest.approx(246.42, abs=1e-6)
    # The target's laps are the differences of its times as shown (to the nearest
    # hundredth): 1.39 + 59.66 + 3 x 59.65 adds up to 4:00.00 and the deltas to +6.42, where
    # 1.39 + 4 x 59.65 had read 3:59.99 and the deltas +6.43 (coach's review).
    assert [lap.target_lap_time_s for lap in laps] == pytest.approx(
        [1.39, 59.66, 59.65, 59.65, 59.65], abs=1e-9
    )
    assert sum(lap.target_lap_time_s for lap in laps) == pytest.approx(240.0, abs=1e-9)
    assert sum(lap.delta_s for lap in laps) == pytest.approx(246.42 - 240.0, abs=1e-9)
    assert laps[-1].delta_s > 0  # the last lap was slower than the light


def test_1500_has_a_300m_first_lap():
    replay = compile_race(read_race(demo_race_path("example-1500m.json")))
    laps = analysis.lap_table(replay)
    assert [round(lap.end_m, 6) for lap in laps] == [300, 700, 1100, 1500]


def test_200m_splits_include_published_ones_exactly(replay):
    rows = analysis.split_table(replay, every_m=200)
    by_d = {round(r.distance_m, 3): r for r in rows}
    assert by_d[400].time_s == pytest.approx(60.20, abs=1e-6) and by_d[400].published
    assert by_d[1200].time_s == pytest.approx(181.84, abs=1e-6)
    assert not by_d[200].published
    assert by_d[round(MILE, 3)].time_s == pytest.approx(246.42, abs=1e-6)
    assert [r.distance_m for r in rows] == sorted(r.distance_m for r in rows)
    assert 0 < by_d[200].time_s < 60.2


def test_events_in_time_order_with_every_dropout(replay):
    events = analysis.events(replay)
    times = [e.time_s for e in events]
    assert times == sorted(times)
    kinds = [e.kind for e in events]
    assert kinds[0] == "start"
    assert kinds.count("dropout") == 13
    assert kinds.count("bell") == 1
    assert kinds.count("lap") == 3  # 9.34, 409.34, 809.34 m; 1209.34 m is the bell
    finish = [e for e in events if e.kind == "finish" and e.athlete == "kipyegon"]
    assert finish[0].time_s == pytest.approx(246.42)


def test_pacers_running_counts_down(replay):
    counts = [analysis.pacers_running(replay, t) for t in np.arange(0, 260, 1.0)]
    assert counts[0] == 13
    assert all(a >= b for a, b in zip(counts, counts[1:], strict=False))
    assert counts[-1] == 0


def test_pace_profile(replay):
    prof = analysis.pace_profile(replay)
    assert len(prof.segment_pace_s400) == 17  # 16 x 100 m + 9.344 m
    # Segment paces average back to the finish time.
    seg_t = prof.segment_pace_s400 * (prof.segment_end_m - prof.segment_start_m) / 400
    assert seg_t.sum() == pytest.approx(246.42, abs=1e-6)
    assert np.nanmedian(prof.target_pace_s400) == pytest.approx(240 * 400 / MILE, abs=1e-3)


def test_a_lap_is_marked_published_only_where_the_file_has_her_split(replay):
    """A mile's laps end at 409, 809 and 1209 m, between her published 400 m splits: only the
    finish is published. A 1500 m's laps end at 300, 700, 1100 and 1500 m, all published."""
    assert [lap.published for lap in analysis.lap_table(replay)] == [False] * 4 + [True]
    metric = compile_race(read_race(demo_race_path("example-1500m.json")))
    assert all(lap.published for lap in analysis.lap_table(metric))


def test_a_lap_time_is_exact_only_between_two_splits_of_the_file(replay):
    """A coach quoted "1.15 s up" from a lap the model had worked out between his watch's
    splits: a lap (or a 200 m segment) says whether both its ends are the file's own times.
    The mile's finish is published but the lap before it starts at 1209 m, between splits."""
    assert [lap.lap_time_published for lap in analysis.lap_table(replay)] == [False] * 5
    metric = compile_race(read_race(demo_race_path("example-1500m.json")))
    assert all(lap.lap_time_published for lap in analysis.lap_table(metric))
    rows = {round(s.distance_m): s for s in analysis.split_table(metric)}
    assert rows[300].published and not rows[300].segment_published  # from 100 m, read
    assert rows[1500].published and not rows[1500].segment_published  # from 1300 m, read
    assert not rows[100].published and not rows[100].segment_published


def test_crossing_times_are_timed_up_to_the_hundredth_and_published_ones_kept(replay):
    """A lap's end, a split, a dropout and an event are shown as one figure everywhere: the
    model's moment rounded up to the hundredth (info's events had 1:01.62 where its laps
    and the window's table had 1:01.61 for one crossing)."""
    laps = analysis.lap_table(replay)
    exact = replay.time_at_distance(replay.focus, np.array([lap.end_m for lap in laps]))
    for lap, t in zip(laps, exact, strict=True):
        assert t - 1e-9 <= lap.time_s < t + 0.01
        assert lap.time_s * 100 == pytest.approx(round(lap.time_s * 100), abs=1e-6)
    assert [lap.time_s for lap in laps][1:] == pytest.approx([61.62, 122.18, 183.30, 246.42])
    rows = {round(r.distance_m): r for r in analysis.split_table(replay)}
    assert [rows[d].time_s for d in (400, 800, 1200)] == pytest.approx([60.20, 120.75, 181.84])
    # The target's times are rounded to the nearest, not up: the deltas are those of the gap
    # readout at that moment, rounded (+2.89 s at 1200 m).
    gap = replay.state_at(181.84).gap_to_target_s
    assert rows[1200].delta_s == pytest.approx(round(gap, 2), abs=1e-9) == pytest.approx(2.89)
    for d in analysis.dropouts(replay):
        t = float(replay.dropout_time_s[replay.index(d.athlete)])
        assert t - 1e-9 <= d.time_s < t + 0.01


def _sheet(tmp_path, rows: str):
    from racegui.io.splits_csv import read_splits_csv

    csv = tmp_path / "sheet.csv"
    csv.write_text("athlete,distance_m,time\n" + rows, encoding="utf-8")
    return compile_race(read_splits_csv(csv, distance_m=1500.0, target_time_s=236.0))


def test_a_1500m_sheet_s_200_m_splits_are_the_200_m_rows(tmp_path):
    """A coach's 1500 m sheet times 300, 500, ... 1500 m (where a 1500 m's 200 m splits are
    taken); the 200 m rows counted from the start (200, 400, ... 1400) left each of his
    splits blank and the closing 200 m nowhere (analyst's review). The marks now run from
    the finish back when more of his splits lie on them."""
    times = ("47.40", "1:18.90", "1:50.20", "2:21.80", "2:53.55", "3:24.60", "3:54.37")
    race = _sheet(tmp_path, "".join(f"Ann,{300 + 200 * k},{t}\n" for k, t in enumerate(times)))
    rows = analysis.split_table(race)
    assert [round(r.distance_m) for r in rows] == [100, 300, 500, 700, 900, 1100, 1300, 1500]
    # The 100 m from the start is a split of its own, as the lap table's part lap is a lap.
    assert rows[0].segment_time_s == rows[0].time_s
    splits = [round(r.segment_time_s, 2) for r in rows[2:]]
    assert splits == [31.5, 31.3, 31.6, 31.75, 31.05, 29.77]  # his, to the hundredth
    assert all(r.segment_published for r in rows[2:])


def test_splits_from_the_start_keep_their_marks_from_the_start(tmp_path):
    """400 m splits of a 1500 m lie on the marks from the start: they stay there."""
    race = _sheet(tmp_path, "Ann,400,62.10\nAnn,800,2:05.00\nAnn,1200,3:08.40\nAnn,1500,3:55.00\n")
    marks = [round(r.distance_m) for r in analysis.split_table(race)]
    assert marks == [200, 400, 600, 800, 1000, 1200, 1400, 1500]
