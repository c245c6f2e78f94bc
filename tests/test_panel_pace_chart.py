"""The pace chart's "target 61.33" label stays legible over the bars, in both themes, and
without a target the bars are neutral."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFontMetricsF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from racegui.io.race_file import read_race  # noqa: E402
from racegui.model.replay import compile_race  # noqa: E402
from racegui.ui.legible import READABLE_RATIO, contrast_ratio  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.panel.pace_chart import label_backdrops  # noqa: E402
from racegui.ui.panel.side_panel import SidePanel  # noqa: E402
from racegui.ui.theme import DARK, LIGHT  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402
from tests.helpers_race import demo_data, long_race_data, write_json  # noqa: E402

THEMES = pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])


def shown(qtbot, name: str, theme, t: float, scale: float = 1.0) -> SidePanel:
    panel = SidePanel(load_replay(demo_path().with_name(name)), theme)
    qtbot.addWidget(panel)
    panel.set_scale(scale, presentation=scale > 1.0)
    panel.resize(round(420 * scale), 1000)
    panel.show()
    qtbot.waitExposed(panel)
    panel.update_frame(t)
    QApplication.processEvents()
    return panel


@THEMES
def test_target_label_is_legible_on_the_bars_it_sits_on(qtbot, theme):
    # The 1500 m demo at 3:20: faster than target, green bars under the label (review c40).
    panel = shown(qtbot, "example-1500m.json", theme, 200.0)
    label = panel.chart.target_text
    assert label.textItem.toPlainText() == "target 61.33"
    text = label.textItem.defaultTextColor()
    no_fill = label.fill.style() == Qt.BrushStyle.NoBrush
    fill = QColor(0, 0, 0, 0) if no_fill else label.fill.color()
    backdrops = label_backdrops(panel._style, fill)  # card, ahead bar, behind bar
    card = backdrops[0]
    for backdrop in backdrops:
        assert contrast_ratio(text, backdrop) >= READABLE_RATIO, backdrop.name()
        # The bars are muted under the label: green text never sits on green.
        assert contrast_ratio(backdrop, card) < 1.15, backdrop.name()


@THEMES
@pytest.mark.parametrize("scale", [1.0, 1.4])
def test_target_label_is_inside_the_plot(qtbot, theme, scale):
    # Breaking4's 59.65 is near the fast (top) edge: the label above the line was cut off.
    panel = shown(qtbot, "breaking4-2025.json", theme, 181.84, scale)
    chart = panel.chart
    box = chart._vb.sceneBoundingRect()
    label = chart.target_text.mapRectToScene(chart.target_text.boundingRect())
    assert box.contains(label), (box, label)


def _chart_at_height(qtbot, name: str, scale: float, height: int):
    """The panel of race file `name` at `scale`, `height` px tall, its chart, and the
    followed runner's finish (s)."""
    panel = shown(qtbot, name, DARK, 0.0, scale)
    panel.resize(panel.width(), height)
    QApplication.processEvents()
    replay = panel.chart._data.replay
    return panel, panel.chart, float(replay.finish_time_s[replay.focus])


@pytest.mark.parametrize(
    ("name", "scale", "height"),
    [
        ("breaking4-2025.json", 1.0, 1000),
        ("breaking4-2025.json", 1.4, 1000),
        ("example-1500m.json", 1.0, 1000),
        ("example-1500m.json", 1.0, 640),  # a short chart: the label is wide for it
    ],
)
def test_the_cursor_never_runs_through_the_target_label(qtbot, name, scale, height):
    """The time cursor had crossed Breaking4's "target 59.65" over most of the last lap
    (reviewer R12), and the 1500 m's "target 61.33" at the left over the first 300 m: the
    label moves to the other end of its line, once, and stays clear of the cursor."""
    panel, chart, end = _chart_at_height(qtbot, name, scale, height)
    ends = set()
    for t in [*np.arange(0.0, end, 1.0), end]:
        panel.update_frame(float(t))
        label = chart.target_text.mapRectToScene(chart.target_text.boundingRect())
        x = chart._vb.mapViewToScene(QPointF(chart.cursor.value(), 0.0)).x()
        assert not label.left() - 2 <= x <= label.right() + 2, (t, x, label)
        assert chart._vb.sceneBoundingRect().contains(label), t
        ends.add(tuple(chart.target_text.anchor))
    assert len(ends) == 2


@pytest.mark.parametrize(
    ("name", "scale", "height"),
    [
        ("example-1500m.json", 1.0, 1000),
        ("example-1500m.json", 1.0, 640),
        ("breaking4-2025.json", 1.0, 1000),
        ("breaking4-2025.json", 1.4, 1000),
    ],
)
def test_the_cursor_never_runs_through_a_lap_name(qtbot, name, scale, height):
    """The time cursor crossed the 1500 m's "start" at the chart's foot over its first
    300 m (K33 noticed; 0:10 and 0:20 at 720p and 1080p), and each lap's name as she ran
    past it: it stops short of the names' band where it meets one, and elsewhere runs to
    the plot's foot."""
    panel, chart, end = _chart_at_height(qtbot, name, scale, height)
    plot = chart._vb.sceneBoundingRect()
    spans = set()
    for t in [*np.arange(0.0, end, 1.0), end]:
        panel.update_frame(float(t))
        cursor = chart.cursor
        cursor.boundingRect()  # its end points for the view as it is now
        ends = [cursor.mapToScene(QPointF(m, 0.0)) for m in cursor._endPoints]
        x = ends[0].x()
        top, bottom = sorted(p.y() for p in ends)
        spans.add(bottom < plot.bottom() - 1)
        for text in chart._lap_texts:
            if not text.isVisible():
                continue
            box = text.mapRectToScene(text.boundingRect())
            across = box.left() - 2 <= x <= box.right() + 2
            assert not (across and top < box.bottom() and bottom > box.top()), (t, x, box)
    assert spans == {True, False}  # short at the names only


def test_without_a_target_the_bars_are_neither_ahead_nor_behind(qtbot, tmp_path):
    """With no target the bars rose from the slowest pace in the 'ahead' green, reading as
    good; they are now the theme's muted colour."""
    data = demo_data("example-1500m.json")
    del data["target"]
    path = write_json(tmp_path / "no-target.json", data)
    panel = SidePanel(compile_race(read_race(path)), DARK)
    qtbot.addWidget(panel)
    panel.resize(420, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    panel.update_frame(200.0)
    QApplication.processEvents()
    brushes = panel.chart.bars.opts["brushes"]
    assert brushes and all(QColor(b).rgb() == QColor(DARK.text_muted).rgb() for b in brushes), [
        QColor(b).name() for b in brushes
    ]


def _ten_k(tmp_path):
    """A 10,000 m race, 25 laps of 72 s (the coach's review's club 10k)."""
    data = demo_data()
    data.pop("distance", None)
    data["distance_m"] = 10000
    data["target"] = {"time": "30:00.00"}
    runner = dict(data["athletes"][0], dropout=None)
    runner["splits"] = [{"distance_m": 400 * k, "time": 72.0 * k} for k in range(1, 26)]
    data["athletes"] = [{k: v for k, v in runner.items() if v is not None}]
    return compile_race(read_race(write_json(tmp_path / "10k.json", data)))


def _overlaps(rects) -> list:
    rects = sorted(rects, key=lambda r: r.left())
    return [(a, b) for a, b in zip(rects, rects[1:], strict=False) if a.right() > b.left()]


@pytest.mark.parametrize("width", [420, 640])
def test_lap_names_and_distances_do_not_run_into_each_other_in_a_long_race(qtbot, tmp_path, width):
    """A 10,000 m's "L1 L2 ... L25" and "400 800 ... 9600" ran into unreadable text: the
    chart names every 2nd, 5th... lap and distance, as many as fit side by side."""
    replay = _ten_k(tmp_path)
    panel = SidePanel(replay, DARK)
    qtbot.addWidget(panel)
    panel.resize(width, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    panel.update_frame(300.0)
    QApplication.processEvents()
    chart = panel.chart
    names = [t for t in chart._lap_texts if t.isVisible()]
    boxes = [t.mapRectToScene(t.boundingRect()) for t in names]
    assert 3 <= len(names) < 25 and not _overlaps(boxes)
    axis = chart.plot.getPlotItem().getAxis("bottom")
    ticks = axis._tickLevels[0]
    fm = QFontMetricsF(axis.style["tickFont"])
    px_per_m = chart._vb.width() / 10000.0
    inner = [(m, text) for m, text in ticks if m < 10000.0]
    spans = [
        (
            m * px_per_m - fm.horizontalAdvance(text) / 2,
            m * px_per_m + fm.horizontalAdvance(text) / 2,
        )
        for m, text in inner
    ]
    assert 3 <= len(inner) < 25
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_a_mile_names_every_lap_and_every_400_m(qtbot):
    panel = shown(qtbot, "breaking4-2025.json", DARK, 100.0)
    chart = panel.chart
    assert [t.textItem.toPlainText() for t in chart._lap_texts if t.isVisible()] == [
        "L1",
        "L2",
        "L3",
        "L4",
    ]
    ticks = chart.plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert [text for _, text in ticks] == ["0", "400", "800", "1200", "1609 m"]


def test_lap_names_stand_over_the_curve_on_a_backdrop(qtbot):
    """A slow lap's curve ran through the lap names along the chart's foot: the names are
    drawn over the curve (under the cursor), on the card's colour."""
    chart = shown(qtbot, "breaking4-2025.json", DARK, 200.0).chart
    for text in chart._lap_texts:
        assert chart.curve.zValue() < text.zValue() < chart.cursor.zValue()
        assert text.fill.style() != Qt.BrushStyle.NoBrush and text.fill.color().alphaF() > 0.5


def test_the_part_lap_s_name_does_not_thin_the_others(qtbot, tmp_path):
    """A 5000 m's laps were named only every 2nd at some widths because "start", the part
    lap's name, is wider than "L12" (diff review): its width is left out of the step."""
    data = demo_data()
    data.pop("distance", None)
    data["distance_m"] = 5000
    data["target"] = {"time": "15:00.00"}
    runner = dict(data["athletes"][0], dropout=None)
    runner["splits"] = [{"distance_m": 200 + 400 * k, "time": 36.0 * (0.5 + k)} for k in range(13)]
    data["athletes"] = [{k: v for k, v in runner.items() if v is not None}]
    replay = compile_race(read_race(write_json(tmp_path / "5k.json", data)))
    panel = SidePanel(replay, DARK)
    qtbot.addWidget(panel)
    panel.resize(560, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    chart = panel.chart

    def shown() -> list[str]:
        return [t.textItem.toPlainText() for t in chart._lap_texts if t.isVisible()]

    laps = [name for name in shown() if name != "start"]
    start = next(t for t in chart._lap_texts if t.textItem.toPlainText() == "start")
    start.setText("a part lap's very long name")
    chart._labels_width = -1.0
    chart._thin_labels()
    assert [name for name in shown() if name.startswith("L")] == laps


def test_lap_names_are_thinned_for_the_plot_s_own_width(qtbot, tmp_path):
    """A 5000 m in a presentation panel 896 px wide named only "L10": the names had been
    thinned for the plot's 63 px before the layout gave it 782."""
    panel = SidePanel(_slow_5000(tmp_path), DARK)
    qtbot.addWidget(panel)
    panel.set_scale(1.4, presentation=True)
    panel.resize(896, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    panel.update_frame(600.0)
    QApplication.processEvents()
    chart = panel.chart
    assert chart._labels_width == chart._vb.width() > 700
    names = [t.textItem.toPlainText() for t in chart._lap_texts if t.isVisible()]
    assert names == [f"L{k}" for k in range(1, 13)]


def _slow_5000(tmp_path):
    """A club 5000 m run at 87.5 s a lap against a 15:30 target (74.4 s a lap): the coach's
    review's Pat Quinn, whose laps ran along the chart's foot under the lap names."""
    data = long_race_data(5000.0, 87.5, target="15:30.00")
    return compile_race(read_race(write_json(tmp_path / "slow5k.json", data)))


@pytest.mark.parametrize(
    ("width", "height", "scale"), [(420, 1000, 1.0), (420, 700, 1.0), (896, 1000, 1.4)]
)
def test_a_slow_runner_s_pace_stands_above_the_lap_names(qtbot, tmp_path, width, height, scale):
    """The chart's range holds the runner's and the target's pace, and the lap names along
    its foot stand below the slowest pace drawn, not over it (87.5 s laps had run under "L4"
    to "L10" along the chart's foot)."""
    panel = SidePanel(_slow_5000(tmp_path), DARK)
    qtbot.addWidget(panel)
    panel.set_scale(scale, presentation=scale > 1.0)
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    panel.update_frame(600.0)
    QApplication.processEvents()
    chart, data = panel.chart, panel.data
    fast, slow = chart._vb.viewRange()[1]
    paces = np.concatenate([data.curve_pace_s400, data.seg_pace_s400])
    assert fast < 74.4 < slow and fast < paces.min() and paces.max() < slow
    slowest = chart._vb.mapViewToScene(QPointF(0.0, float(paces.max()))).y()
    names = [t for t in chart._lap_texts if t.isVisible()]
    assert len(names) >= 6
    for text in names:
        box = text.mapRectToScene(text.boundingRect())
        assert box.top() > slowest, (text.textItem.toPlainText(), box.top(), slowest)


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1280, 720)])
def test_the_demo_s_pace_range_is_its_data_s(qtbot, settings, size):
    """Breaking4's curve stands clear of its lap names in the data's own air, even in a
    short window's chart: its slowest pace, at the finish, is beside "L4", not under it.
    Its chart keeps the range it always had at its foot; at its top too, but in a chart too
    short for the target label above its line, where the top makes room for it (it had sat
    on her bars, green on red: presenter's review). In a chart shortened for the laps
    (1280x720's, 102 px high) the foot moves a fraction of a second for the lap names' band
    and the top a little more for the label."""
    from racegui.ui.app import ensure_app, render_window
    from racegui.ui.main_window import MainWindow
    from racegui.ui.panel.pace_scale import pace_range
    from racegui.ui.panel.side_panel import CHART_MIN_PX

    ensure_app()
    win = MainWindow(load_replay(demo_path()), settings, theme="dark")
    qtbot.addWidget(win)
    render_window(win, 246.42, size)
    chart = win.scene.panel.chart
    fast, slow = chart._vb.viewRange()[1]
    data_fast, data_slow = pace_range(chart._data)
    short = chart.height() < CHART_MIN_PX
    if short:
        assert data_slow <= slow < data_slow + 0.5
    else:
        assert slow == pytest.approx(data_slow)
    if size == (1920, 1080):
        assert fast == pytest.approx(data_fast)
    else:
        assert data_fast - (2.0 if short else 1.0) < fast < data_fast
    label = chart.target_text
    # Above its line, at the left: at the finish the cursor has run past its right place.
    assert tuple(label.anchor) == (0.0, 1.0)
    top = label.mapRectToScene(label.boundingRect()).top()
    assert top >= chart._vb.sceneBoundingRect().top() - 0.5  # inside the plot


@THEMES
def test_a_pale_runner_s_pace_line_is_legible_on_the_card(qtbot, tmp_path, theme):
    """The pace line took the runner's own colour: an orange runner's line on the light
    theme's white card was about 2:1. It is her colour, darkened where needed to 3:1 (as the
    splits' marks are), and her own colour where that is legible already."""
    data = demo_data()
    data["athletes"][0]["colour"] = "#ff9f1c"
    replay = compile_race(read_race(write_json(tmp_path / "orange.json", data)))
    panel = SidePanel(replay, theme)
    qtbot.addWidget(panel)
    card = QColor(panel._style.card)
    line = panel.chart.curve.opts["pen"].color()
    assert contrast_ratio(line, card) >= 3.0
    if contrast_ratio(QColor("#ff9f1c"), card) >= 3.0:
        assert line.name() == "#ff9f1c"


def test_the_plots_unused_title_label_is_out_of_its_layout_and_scene(qtbot):
    """Torn down with the plot, the layout had resized the empty title label after its text
    item was deleted: "Internal C++ object (QGraphicsTextItem) already deleted", then a
    segfault in a full test run. The chart has no title: the label is taken out."""
    panel = shown(qtbot, "breaking4-2025.json", DARK, 100.0)
    item = panel.chart.plot.getPlotItem()
    label = item.titleLabel
    layout = item.layout
    assert all(layout.itemAt(k) is not label for k in range(layout.count()))
    assert label.scene() is None and label.parentItem() is None
