"""The pace chart's look apart from its layout: the bars' and the target label's colours
and backdrops, and the plot's unused title taken out (see racegui.ui.panel.pace_chart)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

from racegui.ui.legible import legible_on
from racegui.ui.legible import mix as legible_mix
from racegui.ui.panel.style import PanelStyle, rgba

BAR_FILL_ALPHA = 0.38
"""Opacity of a 100 m segment bar's fill."""
TARGET_LABEL_FILL_ALPHA = 0.85
"""Opacity of the target label's card-coloured backdrop (the bars show faintly through)."""


def target_label_colours(style: PanelStyle) -> tuple[QColor, QColor]:
    """(text, backdrop) of the "target 61.33" label: a card-coloured backdrop that mutes the
    bars under it, and the target's colour made legible on it over the card and over either
    bar colour (it was green on the green bars of a runner faster than target)."""
    t = style.theme
    fill = rgba(style.card, TARGET_LABEL_FILL_ALPHA)
    return legible_on(QColor(t.target_glow), label_backdrops(style, fill)), fill


def label_backdrops(style: PanelStyle, fill: QColor) -> list[QColor]:
    """What a label with backdrop `fill` can sit on, composited: the card, and the card under
    an ahead or a behind bar (their alpha as _show_segments draws them)."""
    t = style.theme
    under = [QColor(style.card)] + [
        legible_mix(style.card, colour, BAR_FILL_ALPHA) for colour in (t.ahead, t.behind)
    ]
    return [legible_mix(colour, fill, fill.alphaF()) for colour in under]


def drop_title(item: pg.PlotItem) -> None:
    """Take the plot's (unused, empty) title label out of its layout and scene. Torn down
    with the plot, the layout resized the label after its text item had gone: its Python
    resizeEvent raised "Internal C++ object (QGraphicsTextItem) already deleted" and the
    process died (a segfault in a full test run)."""
    label = item.titleLabel
    item.layout.removeItem(label)
    scene = label.scene()
    if scene is not None:
        scene.removeItem(label)
