"""The panel header's matchup line: the target's time once, and on one line."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from racegui.model.replay import Replay  # noqa: E402
from racegui.model.timefmt import label_names_time  # noqa: E402
from racegui.ui.loading import load_replay  # noqa: E402
from racegui.ui.panel.side_panel import SidePanel  # noqa: E402
from racegui.ui.theme import DARK  # noqa: E402
from racegui.ui.ui_paths import demo_path  # noqa: E402

DEMOS = ["kipyegon-wr-2023.json", "breaking4-2025.json", "example-1500m.json"]


@pytest.fixture(scope="module", params=DEMOS)
def replay(request) -> Replay:
    return load_replay(demo_path().with_name(request.param))


def matchup_text(panel: SidePanel) -> str:
    doc = QTextDocument()
    doc.setHtml(panel.header.matchup.text())
    return doc.toPlainText()


def shown(qtbot, replay: Replay, width: int, scale: float = 1.0) -> SidePanel:
    panel = SidePanel(replay, DARK)
    qtbot.addWidget(panel)
    panel.set_scale(scale, presentation=scale > 1.0)
    panel.resize(width, 1000)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    return panel


def test_world_record_header_gives_the_record_time_once(qtbot):
    wr = load_replay(demo_path().with_name("kipyegon-wr-2023.json"))
    text = matchup_text(shown(qtbot, wr, 576))
    # The review saw "... vs Previous world record 4:12.33 4:12.33".
    assert text.count("4:12.33") == 1
    assert text.endswith("Previous world record 4:12.33")


def test_a_label_without_the_time_still_gets_it(qtbot):
    text = matchup_text(shown(qtbot, load_replay(demo_path()), 576))
    assert text.endswith("Sub-4 pacing light 4:00.00")


@pytest.mark.parametrize(
    ("label", "seconds", "named"),
    [
        ("Previous world record 4:12.33", 252.33, True),
        ("3:50 even pace", 230.0, True),  # the same time, written to the second
        ("Sub-4 pacing light", 240.0, False),
        ("Previous world record 4:12.33", 240.0, False),  # another time: keep both
        ("Record 4:12.3", 252.33, True),
        ("1:02:03.4 marathon pace", 3723.4, True),
    ],
)
def test_label_names_time(label, seconds, named):
    assert label_names_time(label, seconds) is named


@pytest.mark.parametrize(
    ("width", "scale"),
    [(380, 1.0), (420, 1.0), (432, 1.0), (576, 1.0), (532, 1.4), (588, 1.4)],
)
def test_matchup_stays_on_one_line(qtbot, replay, width, scale):
    """The panel widths of the usual windows (1280 to 1920 px wide, and presentation)."""
    panel = shown(qtbot, replay, width, scale)
    label = panel.header.matchup
    one_line = label.fontMetrics().lineSpacing()
    assert label.heightForWidth(label.width()) < 1.5 * one_line, matchup_text(panel)
    assert "vs" in matchup_text(panel)


def test_a_long_runner_name_leaves_the_target_its_share(qtbot):
    """A 32-character runner's name had cut the target's label to "Su…" (user review): the
    longer of the two gives way first, and the target keeps its whole label here."""
    import dataclasses

    from racegui.model.replay import compile_race

    demo = load_replay(demo_path())
    race = demo.race
    long_name = "Faith Chepngetich Kipyegon-Wonderwoman"
    athletes = tuple(
        dataclasses.replace(a, name=long_name) if a.id == "kipyegon" else a for a in race.athletes
    )
    replay = compile_race(dataclasses.replace(race, athletes=athletes))
    panel = shown(qtbot, replay, 432)
    text = matchup_text(panel)
    label = panel.header.matchup
    assert label.heightForWidth(label.width()) < 1.5 * label.fontMetrics().lineSpacing()
    assert text.endswith("Sub-4 pacing light 4:00.00"), text
    assert "Faith Chepngetich" in text and "…" in text
