"""The split tabs' Δ split column: each split against the target's over the same stretch
(a coach's review: the tabs gave only the gap so far, where info gives both)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication

from racegui.model import analysis
from racegui.model.timefmt import format_delta
from racegui.ui.loading import load_replay
from racegui.ui.panel.splits_table import SPLITS, TIMED
from racegui.ui.panel.style import LEVEL, kind_of
from racegui.ui.ui_paths import demo_path
from tests.helpers_panel import shown_panel

DISPLAY, FOREGROUND = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole
DELTA_SPLIT, DELTA_TOTAL = "Δ split", "Δ total"


def _column(model, c: int, role=DISPLAY) -> list:
    return [model.data(model.index(r, c), role) for r in range(model.rowCount())]


def _header(model) -> list[str]:
    horizontal = Qt.Orientation.Horizontal
    return [model.headerData(c, horizontal) for c in range(model.columnCount())]


@pytest.mark.parametrize("mode", [SPLITS, TIMED])
def test_each_split_against_the_target_s_over_its_stretch(qtbot, mode):
    replay = load_replay(demo_path())
    panel = shown_panel(qtbot, replay)
    panel.splits.set_mode(mode)
    panel.update_frame(250.0)  # after the finish: every row run
    model = panel.splits.view.model()
    heads = _header(model)
    assert heads[-2:] == [DELTA_SPLIT, DELTA_TOTAL]
    c = heads.index(DELTA_SPLIT)
    rows = analysis.given_splits(replay) if mode == TIMED else analysis.split_table(replay)
    want = ["" if r.segment_delta_s is None else format_delta(r.segment_delta_s) for r in rows]
    assert _column(model, c) == want
    if mode == TIMED:  # as info prints them for the file's splits
        assert want == ["+0.55", "+0.90", "+1.44", "+3.53"]
    # coloured as the other deltas are: by the sign, from the panel's style
    style = panel._style
    for r, colour in enumerate(_column(model, c, FOREGROUND)):
        kind = kind_of(rows[r].segment_delta_s)
        expected = style.theme.text if kind == LEVEL else style.colour_of(kind)
        assert QColor(colour) == QColor(expected)
    total = heads.index(DELTA_TOTAL)  # both slower than the target: the same colour
    assert _column(model, c, FOREGROUND)[2] == _column(model, total, FOREGROUND)[2]
    panel.update_frame(100.0)  # a split not run yet gives nothing away
    assert _column(model, c)[-1] == "—"


@pytest.mark.parametrize("width", [380, 420, 576])
def test_every_split_column_fits_and_target_gives_way_only_where_it_must(qtbot, width):
    panel = shown_panel(qtbot, load_replay(demo_path()), size=(width, 1000))
    panel.update_frame(250.0)
    view = panel.splits.view
    for mode in (SPLITS, TIMED):
        panel.splits.set_mode(mode)
        QApplication.processEvents()
        model = view.model()
        hidden = [_header(model)[c] for c in range(model.columnCount()) if view.isColumnHidden(c)]
        assert hidden == (["Target"] if width < 400 else [])
        bold = QFontMetrics(model.data(model.index(0, 4), Qt.ItemDataRole.FontRole))
        for c in range(1, model.columnCount()):
            if view.isColumnHidden(c):
                continue
            need = max(
                bold.horizontalAdvance(t) for t in _column(model, c) + _header(model)[c : c + 1]
            )
            assert view.horizontalHeader().sectionSize(c) >= need + 4, (mode, c)
