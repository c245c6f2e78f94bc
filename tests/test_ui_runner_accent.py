"""What stands for the followed runner is in her colour, not the theme's pink: the clock's bar
and bell-lap pill, the splits' marks and current row, the timelines' progress.

In the example 1500 the theme's pink is Runner A's colour: following Runner B had left the
panel and scoreboard looking as if they were about Runner A.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from racegui.io.race_file import race_from_data
from racegui.model.replay import compile_race
from racegui.ui.app import ensure_app
from racegui.ui.legible import contrast_ratio, mix
from racegui.ui.panel import SidePanel
from racegui.ui.race_status import RaceStatus
from racegui.ui.runner_accent import ACCENT_RATIO
from racegui.ui.scene import ReplayScene
from racegui.ui.seek_bar import SeekBar
from racegui.ui.theme import DARK, LIGHT, Theme
from tests.helpers_panel import shown_panel
from tests.helpers_race import two_runner_data

PINK = "#ff2d6f"
"""The first runner's colour, the dark theme's accent."""
ORANGE = "#ff9f1c"
"""Sara Lane's colour (followed)."""
T = 150.0
"""Race time (s): both runners on their third lap."""


def _replay(sara: str = ORANGE, focus: str = "s"):
    data = two_runner_data()
    data["athletes"][0]["colour"] = PINK
    data["athletes"][1]["colour"] = sara
    return compile_race(race_from_data(data), focus=focus)


def _count(image: QImage, colour: str, tolerance: int = 12) -> int:
    """Pixels of image within tolerance (per channel, 0..255) of colour."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    rgb = rows[:, : image.width(), 2::-1].astype(int)
    want = QColor(colour)
    target = np.array([want.red(), want.green(), want.blue()])
    return int((np.abs(rgb - target).max(axis=2) <= tolerance).sum())


@pytest.fixture
def panel(qtbot):
    panel = shown_panel(qtbot, _replay())
    panel.update_frame(T)
    return panel


def test_the_splits_marks_and_current_row_are_the_followed_runners(panel, qtbot):
    model = panel.splits.view.model()
    row = model.current_row()
    tint = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    assert tint.rgb() == QColor(ORANGE).rgb()
    last = model.rowCount() - 1  # the finish: a published split
    mark = model.data(model.index(last, 0), Qt.ItemDataRole.DecorationRole).toImage()
    assert _count(mark, ORANGE) > 0 and _count(mark, PINK) == 0
    strip = panel.pacers.strip.grab().toImage()
    assert _count(strip, ORANGE) > 0 and _count(strip, PINK) == 0
    # Following the other runner (View > Follow) turns them her colour.
    panel.set_replay(panel.replay.following("r"))
    panel.update_frame(T)
    model = panel.splits.view.model()
    tint = model.data(model.index(model.current_row(), 0), Qt.ItemDataRole.BackgroundRole)
    assert tint.rgb() == QColor(PINK).rgb()
    assert _count(panel.pacers.strip.grab().toImage(), PINK) > 0


def test_the_scoreboards_bell_lap_pill_is_the_followed_runners(qtbot):
    ensure_app()
    scene = ReplayScene(_replay(), DARK)
    qtbot.addWidget(scene)
    overlay = scene.track.overlay
    image = QImage(1200, 800, QImage.Format.Format_RGB32)
    image.fill(QColor(DARK.infield))
    painter = QPainter(image)
    status = RaceStatus("3:20.00", "Bell lap", "Lap 4 of 4", "", False, None, None)
    overlay.paint_scoreboard(painter, QRectF(300.0, 200.0, 600.0, 400.0), status, "T", "V")
    painter.end()
    assert _count(image, ORANGE) > 500  # the pill, and the clock's bar
    assert _count(image, PINK) == 0


def test_the_seek_bars_played_part_is_the_followed_runners(qtbot):
    ensure_app()
    bar = SeekBar(DARK)
    qtbot.addWidget(bar)
    bar.resize(600, 34)
    bar.set_replay(_replay())
    bar.set_time(T)
    image = bar.grab().toImage()
    assert _count(image, ORANGE) > 100 and _count(image, PINK) == 0


@pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])
@pytest.mark.parametrize("colour", ["#ffe14d", "#1b1f3a", ORANGE], ids=["pale", "dark", "orange"])
def test_the_runners_accent_is_readable_on_either_theme(qtbot, theme: Theme, colour: str):
    ensure_app()
    replay = _replay(colour)
    panel = SidePanel(replay, theme)
    qtbot.addWidget(panel)
    style = panel._style
    assert contrast_ratio(style.runner_accent, QColor(style.card)) >= ACCENT_RATIO
    scene = ReplayScene(replay, theme)
    qtbot.addWidget(scene)
    overlay = scene.track.overlay
    for ground in (theme.infield, theme.infield_lines):
        box = mix(ground, theme.overlay_background, overlay._box.alphaF())
        assert contrast_ratio(overlay._accent, box) >= ACCENT_RATIO  # bar, finished clock
    assert contrast_ratio(overlay._on_accent, overlay._accent) >= ACCENT_RATIO  # pill text
    bar = SeekBar(theme)
    qtbot.addWidget(bar)
    bar.set_replay(replay)
    for ground in (theme.controls_background, theme.slider_groove):
        assert contrast_ratio(bar._played, QColor(ground)) >= ACCENT_RATIO


def _shown_window(qtbot, settings):
    """The window following Runner A (pink), shown at 1440x860."""
    from racegui.ui.main_window import MainWindow

    ensure_app()
    window = MainWindow(_replay(focus="r"), settings, theme="dark")
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_following_another_runner_recolours_the_panel_at_the_same_width(qtbot, settings):
    """The panel is restyled for her colour; restyling had let go of the width the scene
    fixed (432 px narrowed to 420 px on following Sara Lane)."""
    window = _shown_window(qtbot, settings)
    panel = window.scene.panel
    width = panel.width()
    assert panel.minimumWidth() == width
    window.follow("s")
    qtbot.wait(50)
    model = panel.splits.view.model()
    tint = model.data(model.index(model.current_row(), 0), Qt.ItemDataRole.BackgroundRole)
    assert tint.rgb() == QColor(ORANGE).rgb()
    assert (panel.width(), panel.minimumWidth()) == (width, width)


def _title_dot(scene: ReplayScene) -> QColor:
    """The colour at the centre of the pocket cam title's dot in a frame at T (1920x1080
    for a scene of its own, else the scene's size in its window)."""
    from PySide6.QtCore import QPoint

    from racegui.ui.pocket_paint import pill_boxes

    image = scene.render_image(T, (1920, 1080) if scene.parent() is None else None)
    cam = scene.track.pocket
    title, _ = pill_boxes(cam.rect, cam.style)
    u = cam.style.unit
    at = QPoint(round(title.left() + 0.75 * u), round(title.center().y()))
    return image.pixelColor(scene.track.mapTo(scene, at))


def test_the_pocket_cams_dot_is_the_followed_runners_and_follows_a_switch(qtbot, settings):
    """The "POCKET CAM" title's dot (a recording light: the camera is on her) had stayed
    the theme's pink, Runner A's, whoever was followed (Runner B's export at 3:00)."""
    window = _shown_window(qtbot, settings)
    assert _title_dot(window.scene).rgb() == QColor(PINK).rgb()
    window.follow("s")
    assert _title_dot(window.scene).rgb() == QColor(ORANGE).rgb()
    window.follow("r")
    assert _title_dot(window.scene).rgb() == QColor(PINK).rgb()


def test_the_pocket_cams_dot_is_readable_on_the_light_theme(qtbot):
    """On the light theme's white pill the dot is her colour deepened to ACCENT_RATIO, as
    the scoreboard's bar is, not the theme's pink."""
    from racegui.ui.runner_accent import TAG_ALPHA, TAG_GROUNDS

    ensure_app()
    scene = ReplayScene(_replay(), LIGHT, panel=False)
    qtbot.addWidget(scene)
    dot = _title_dot(scene)
    assert dot.hslHue() == pytest.approx(QColor(ORANGE).hslHue(), abs=4)
    pill = [mix(getattr(LIGHT, g), LIGHT.overlay_background, TAG_ALPHA / 255) for g in TAG_GROUNDS]
    assert min(contrast_ratio(dot, g) for g in pill) >= ACCENT_RATIO
