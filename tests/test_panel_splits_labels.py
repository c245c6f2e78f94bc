"""The Splits card says what its numbers are: which delta, and where a lap ends."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFontMetrics  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from racegui.model import analysis  # noqa: E402
from racegui.model.replay import Replay  # noqa: E402
from racegui.model.timefmt import format_delta, format_time  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.panel.side_panel import SidePanel  # noqa: E402
from racegui.ui.panel.splits_model import SplitsModel  # noqa: E402
from racegui.ui.panel.splits_table import LAPS, SPLITS  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture(scope="module")
def mile() -> Replay:
    return load_replay(demo_path())


@pytest.fixture(scope="module")
def metric() -> Replay:
    return load_replay(demo_path().with_name("example-1500m.json"))


def make_panel(qtbot, replay: Replay, width: int = 420, t: float | None = None) -> SidePanel:
    """A shown panel `width` px wide at race time t (s; default: after the finish)."""
    panel = SidePanel(replay, DARK)
    qtbot.addWidget(panel)
    panel.resize(width, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    panel.update_frame(replay.duration_s if t is None else t)
    QApplication.processEvents()
    return panel


def headers(model: SplitsModel) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def column(model: SplitsModel, c: int) -> list[str]:
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_each_delta_column_says_which_delta_it_is(qtbot, mile):
    panel = make_panel(qtbot, mile)
    laps, splits = panel.splits.laps_model, panel.splits.splits_model
    assert headers(laps)[4] == "Δ lap" and headers(splits)[4:] == ["Δ split", "Δ total"]
    # The review: lap 3's +1.47 is 61.12 - 59.65 (a lap), 1200 m's +2.89 is
    # 3:01.84 - 2:58.96 (the total so far); the headers must match those meanings.
    lap3 = next(lap for lap in analysis.lap_table(mile) if lap.number == 3)
    assert column(laps, 4)[3] == format_delta(lap3.lap_time_s - lap3.target_lap_time_s)
    row = next(r for r, s in enumerate(analysis.split_table(mile, 200.0)) if s.distance_m == 1200)
    target_1200 = float(mile.time_at_distance(mile.target, 1200.0))
    assert column(splits, 1)[row] == "3:01.84"
    assert column(splits, 5)[row] == format_delta(181.84 - target_1200) == "+2.89"
    for model, c in ((laps, 4), (splits, 4), (splits, 5)):  # each explains itself on hover
        tip = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip and "target" in tip


def test_lap_rows_name_the_distance_they_end_at(qtbot, mile, metric):
    panel = make_panel(qtbot, mile)
    labels = column(panel.splits.laps_model, 0)
    assert labels == ["Start · 9 m", "1 · 409 m", "2 · 809 m", "3 · 1209 m", "4 · 1609 m"]
    panel.set_replay(metric)
    panel.update_frame(metric.duration_s)
    labels = column(panel.splits.laps_model, 0)
    assert labels == ["Start · 300 m", "1 · 700 m", "2 · 1100 m", "3 · 1500 m"]


def test_published_splits_stay_exact_to_the_hundredth(qtbot, mile):
    panel = make_panel(qtbot, mile)
    panel.splits.set_mode(SPLITS)
    model = panel.splits.splits_model
    by_label = dict(zip(column(model, 0), column(model, 1), strict=True))
    assert by_label["400"] == "1:00.20"  # /work/shared/race-facts.md
    assert by_label["800"] == "2:00.75"
    assert by_label["1200"] == "3:01.84"
    assert column(panel.splits.laps_model, 1)[-1] == format_time(mile.finish_time_s[mile.focus])


@pytest.mark.parametrize("race", ["mile", "metric"])
@pytest.mark.parametrize("width", [380, 420, 576])
def test_no_cell_is_cut_off_at_any_panel_width(qtbot, request, race, width):
    """The longer labels take width from the times: every cell's text fits its column, bold
    (the current row) included, in both tabs, from the narrowest panel up."""
    replay = request.getfixturevalue(race)
    lap_end = analysis.lap_table(replay)[-2].time_s
    panel = make_panel(qtbot, replay, width, t=lap_end + 1.0)  # last lap current: bold
    view = panel.splits.view
    for mode in (LAPS, SPLITS):
        panel.splits.set_mode(mode)
        QApplication.processEvents()
        model = view.model()
        bold = QFontMetrics(model.data(model.index(0, 4), Qt.ItemDataRole.FontRole))
        for c in range(model.columnCount()):
            if view.isColumnHidden(c):  # a split tab's Target, in the narrowest panel
                continue
            need = max(bold.horizontalAdvance(text) for text in column(model, c))
            if c == 0:
                need += view.iconSize().width()  # a published split's dot
            assert view.horizontalHeader().sectionSize(c) >= need + 4, (mode, c)
        if mode == LAPS:  # narrow or not, the label names the distance
            assert all(text.endswith(" m") for text in column(model, 0))


def test_the_200_m_tab_does_not_call_a_shorter_stretch_200_m(qapp):
    """The mile's finish is 9.34 m past its last 200 m mark, so its last row times 9.34 m:
    the column was headed "200 m" over a 15.49 s split (of a 1500 m's 100 m, then)."""
    from racegui.io.replay_file import read_replay
    from racegui.model.analysis import split_table
    from racegui.ui.panel.splits_table import SPLIT_HEADERS
    from racegui.ui.ui_paths import demo_path

    rows = split_table(read_replay(demo_path()))
    stretches = {
        round(b.distance_m - a.distance_m, 2) for a, b in zip(rows, rows[1:], strict=False)
    }
    assert stretches == {200.0, 9.34}
    assert "200 m" not in SPLIT_HEADERS and "Split" in SPLIT_HEADERS


def test_the_laps_tab_dots_the_published_lap_and_lines_up_the_rest(qtbot, mile):
    """Lap times at 409, 809 and 1209 m are read from the model between the published 400 m
    splits, the finish is published: only its row has the dot, and the other labels leave
    the dot's room so that all line up; the tooltips say which is which."""
    model = make_panel(qtbot, mile).splits.laps_model
    marks = [
        model.data(model.index(r, 0), Qt.ItemDataRole.DecorationRole)
        for r in range(model.rowCount())
    ]
    assert len({(pm.width(), pm.height()) for pm in marks}) == 1 and marks[0].width() > 0
    clear = [
        pm.toImage().pixelColor(pm.width() // 2, pm.height() // 2).alpha() == 0 for pm in marks
    ]
    assert clear == [True] * 4 + [False]
    tips = [model.data(model.index(r, 1), Qt.ItemDataRole.ToolTipRole) for r in range(5)]
    assert "read from the model between published splits" in tips[1]
    assert "time published; lap time read from the model" in tips[4]
    narrow = make_panel(qtbot, mile, width=380).splits.laps_model  # short labels, no room
    assert narrow.data(narrow.index(4, 0), Qt.ItemDataRole.DecorationRole) is None


def _italic(model: SplitsModel, row: int) -> list[int]:
    """Columns of a row drawn in italics."""
    columns = range(model.columnCount())
    fonts = [model.data(model.index(row, c), Qt.ItemDataRole.FontRole) for c in columns]
    return [c for c, font in enumerate(fonts) if font.italic()]


def test_figures_read_from_the_model_are_in_italics_and_the_card_says_so(qtbot, mile, metric):
    """The laps' times between published splits looked just like published ones (a coach read
    them as his watch's): such figures are in italics, and the card's title row says what
    italics mean while the tab shown has any."""
    panel = make_panel(qtbot, mile)
    laps = panel.splits.laps_model
    assert [_italic(laps, r) for r in range(4)] == [[1, 2, 4]] * 4
    assert _italic(laps, 4) == [2, 4]  # 4:06.42 published; the lap from 1209 m is not
    assert panel.splits.legend.isVisible()
    whole = make_panel(qtbot, metric)  # laps end at the 1500's published splits
    assert all(_italic(whole.splits.laps_model, r) == [] for r in range(4))
    assert not whole.splits.legend.isVisible()
    whole.splits.set_mode(SPLITS)  # its 200 m marks are read from the model
    assert whole.splits.legend.isVisible()
    splits = whole.splits.splits_model
    labels = splits.labels()
    assert _italic(splits, labels.index("500")) == [1, 2, 4, 5]
    # published; its 200 m from 100 m (and so Δ split) read from the model
    assert _italic(splits, labels.index("300")) == [2, 4]
    # read from the model, its 100 m from the start too (as the laps' part lap is a lap)
    assert _italic(splits, labels.index("100")) == [1, 2, 4, 5]


def test_the_200_m_tab_s_split_column_is_200_m_after_the_first_mark(qtbot, metric):
    """A 1500 m's published splits at 300, 700 and 1100 m cut its 200 m stretches in two:
    the Split column read 30.11, 15.09, 15.11... with nothing to say which was 100 m (a
    coach's review). Each mark's split is the 200 m since the mark before: a 1500 m's marks
    run from the finish back (100, 300, ... 1500), where its splits are. The first mark's,
    100 m, is the one from the start, with its target, as the Laps tab's part lap ("Start ·
    300 m"): it had been blank beside its Δ total (reviewer R16); its tip says so."""
    model = make_panel(qtbot, metric).splits.splits_model
    rows = {label: r for r, label in enumerate(model.labels())}
    cell = lambda label, c: model.data(model.index(rows[label], c), DISPLAY)  # noqa: E731
    replay = metric
    at = lambda m: float(analysis.timed(replay.time_at_distance(replay.focus, m)))  # noqa: E731
    assert cell("500", 2) == format_time(at(500.0) - at(300.0))
    assert cell("300", 2) == format_time(at(300.0) - at(100.0))
    assert cell("100", 1) == cell("100", 2) == format_time(at(100.0))
    assert cell("100", 3) == "15.33"  # 3:50 for 1500 m
    tip = model.data(model.index(rows["100"], 2), Qt.ItemDataRole.ToolTipRole)
    assert "the 100 m from the start" in tip
    assert cell("Finish", 1) == format_time(at(1500.0))
    assert cell("Finish", 2) == format_time(at(1500.0) - at(1300.0))  # the closing 200 m
