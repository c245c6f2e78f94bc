"""A long race's splits table: times of ten minutes and more fit their column."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QFont, QFontMetrics  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from racegui.io.race_file import parse_race_text  # noqa: E402
from racegui.model.replay import Replay, compile_race  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.main_window import presentation_scale  # noqa: E402
from racegui.ui.panel.splits_table import LAPS, SPLITS  # noqa: E402
from racegui.ui.scene import ReplayScene  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402
from tests.helpers_race import long_race_data  # noqa: E402

DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.fixture(scope="module")
def ten_k() -> Replay:
    """10,000 m at 70.8 s a lap (29:30): elapsed times up to 29:30.00."""
    return compile_race(
        parse_race_text(json.dumps(long_race_data(10_000.0, 70.8, target="29:30.00")))
    )


def shown_scene(qtbot, replay: Replay, size: tuple[int, int], presentation: bool) -> ReplayScene:
    scene = ReplayScene(replay, DARK)
    qtbot.addWidget(scene)
    if presentation:
        scene.set_scale(presentation_scale(*size), presentation=True)
    scene.resize(*size)
    scene.show()
    qtbot.waitExposed(scene)
    scene.update_frame(replay.duration_s)  # every row run: every time shown
    QApplication.processEvents()
    return scene


def widest(font: QFont, texts: list[str]) -> int:
    """Width (px) of the widest text drawn bold and in italics (the row being run, an
    estimate): the most any cell of the column can take."""
    font = QFont(font)
    font.setBold(True)
    font.setItalic(True)
    fm = QFontMetrics(font)
    return max(fm.horizontalAdvance(t) for t in texts)


@pytest.mark.parametrize(
    ("size", "presentation"),
    [((1280, 720), True), ((1366, 768), True), ((1440, 900), False), ((1280, 800), False)],
)
def test_ten_minute_times_are_whole_in_every_column(qtbot, ten_k, size, presentation):
    """At 1280x720 in presentation a 10,000 m's elapsed times read "10:36.…": the four time
    columns had equal shares of the width whatever they held. Each now has at least its
    widest figure."""
    scene = shown_scene(qtbot, ten_k, size, presentation)
    view = scene.panel.splits
    for mode in (LAPS, SPLITS):
        view.set_mode(mode)
        QApplication.processEvents()
        table = view.view
        model = table.model()
        font = model.data(model.index(0, 1), Qt.ItemDataRole.FontRole)
        for c in range(1, model.columnCount()):
            texts = [model.data(model.index(r, c), DISPLAY) for r in range(model.rowCount())]
            need = widest(font, [t for t in texts if t])
            assert table.horizontalHeader().sectionSize(c) >= need + 4, (mode, c, texts[-1])
        header = table.horizontalHeader()
        total = sum(header.sectionSize(c) for c in range(model.columnCount()))
        assert total <= table.viewport().width()  # and nothing runs off the right


def test_a_mile_s_columns_are_shared_as_before(qtbot):
    """Where equal shares fit every figure (a mile's 4:06.42), the time columns keep them."""
    scene = shown_scene(qtbot, load_replay(demo_path()), (1920, 1080), False)
    header = scene.panel.splits.view.horizontalHeader()
    sizes = [header.sectionSize(c) for c in range(1, 5)]
    assert max(sizes) - min(sizes) <= 1
