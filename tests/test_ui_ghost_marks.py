"""The pacing light's green and the modelled ghost's yellow read where they are drawn on the
light theme's tags, chips and cards (presenter's review R12): the dots of their name tags on
the track and in the pocket cam, the pocket cam's "light … ahead" chip, the panel header's
"vs ● Sub-4 pacing light" and the pace chart's dashed target line. On the light theme the
race's #39ff6a and #ffd23f had been 1.0 to 1.4:1 on those boxes and cards, the chart's
#00c853 line 2.2:1 on its white card: they all but vanished on a projector. The dark theme
keeps them as they were."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QColor

from racegui.export.frames import to_rgb
from racegui.export.key_colours import hex_rgb, key_colours
from racegui.export.options import ExportOptions
from racegui.export.pipeline import export
from racegui.export.scene_source import SceneFrameSource
from racegui.io.race_file import read_race
from racegui.model.replay import Replay, compile_race
from racegui.resources_path import demo_race_path
from racegui.ui.app import ensure_app
from racegui.ui.legible import READABLE_RATIO, contrast_ratio, deepened, mix
from racegui.ui.scene import ReplayScene
from racegui.ui.theme import DARK, LIGHT, Theme
from tests.helpers_panel import shown_panel

MARK_RATIO = 3.0
"""WCAG's least contrast for graphics (a dot, a ring, a thin line) and large text."""
GROUNDS = ("track_surface", "track_surface_edge", "infield", "infield_lines", "background")
"""What a name tag's box can lie over."""
THEMES = pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])


@pytest.fixture(scope="module")
def demo() -> Replay:
    return compile_race(read_race(demo_race_path()))


def _ghosts(replay: Replay) -> dict[str, int]:
    """The demo's ghosts by id: the pacing light (the target) and the modelled 3:59.37."""
    ghosts = {a.id: i for i, a in enumerate(replay.athletes) if a.role == "ghost"}
    assert set(ghosts) == {"target", "model"}
    return ghosts


def _boxes(box: QColor, theme: Theme) -> list[QColor]:
    """A tag's or chip's box (with its alpha) over each of the grounds it can lie on."""
    return [mix(getattr(theme, name), box, box.alphaF()) for name in GROUNDS]


def _worst(colour: QColor, grounds: list[QColor]) -> float:
    return min(contrast_ratio(colour, g) for g in grounds)


@THEMES
def test_the_light_s_and_the_ghost_s_tag_dots_read_on_their_boxes(qtbot, demo, theme):
    ensure_app()
    scene = ReplayScene(demo, theme)
    qtbot.addWidget(scene)
    track = scene.track
    track_boxes = _boxes(track.overlay._tag, theme)
    pocket_boxes = _boxes(track.pocket.style.box, theme)
    for who, i in _ghosts(demo).items():
        on_track = track.label_colours[i]  # the tag's dot (and its chip, for the light)
        assert _worst(on_track, track_boxes) >= MARK_RATIO, (who, on_track.name())
        in_pocket = track.pocket._fill[i]
        assert _worst(in_pocket, pocket_boxes) >= MARK_RATIO, (who, in_pocket.name())


def _header_dots(panel) -> list[str]:
    """The colours ("#rrggbb") of the header's "●" dots, the runner's then the target's."""
    return re.findall(r"color:(#[0-9a-fA-F]{6})'>●", panel.header.matchup.text())


@THEMES
def test_the_header_s_target_dot_and_the_chart_s_target_line_read_on_the_panel(qtbot, demo, theme):
    panel = shown_panel(qtbot, demo, theme)
    panel.update_frame(100.0)
    card, page = QColor(panel._style.card), QColor(theme.background)
    runner, light = _header_dots(panel)
    assert runner == "#ff2d6f"
    assert _worst(QColor(light), [card, page]) >= MARK_RATIO, light
    line = panel.chart.target_curve.opts["pen"].color()
    assert contrast_ratio(line, card) >= MARK_RATIO, line.name()
    label = panel.chart.target_text.textItem.defaultTextColor()  # small text: 4.5:1
    assert contrast_ratio(label, card) >= READABLE_RATIO, label.name()


def _lab(colour: QColor) -> np.ndarray:
    """CIE L*a*b* (D65) of an sRGB colour."""
    rgb = np.array(colour.getRgbF()[:3])
    lin = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = (
        np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
        @ lin
        / np.array([0.95047, 1.0, 1.08883])
    )
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_the_light_theme_s_shades_keep_their_hue_and_stand_apart_from_every_athlete(qtbot, demo):
    """The deeper shades are the same green and yellow (their hue within 3 degrees of the
    race's colour), told apart from every athlete's colour of the demo and the example 1500
    (CIE76 distance over 30: Runner B's orange is the nearest) and from each other."""
    ensure_app()
    scene = ReplayScene(demo, LIGHT)
    qtbot.addWidget(scene)
    ghosts = _ghosts(demo)
    shades = {who: scene.track.label_colours[i] for who, i in ghosts.items()}
    for who, i in ghosts.items():
        hue = QColor(demo.athletes[i].colour).hslHueF() * 360
        assert abs(shades[who].hslHueF() * 360 - hue) <= 3.0, who
    example = compile_race(read_race(demo_race_path("example-1500m.json")))
    others = {a.colour for r in (demo, example) for a in r.athletes if a.role != "ghost"}
    assert {"#ff9f1c", "#5aa9ff", "#c08bff", "#ff2d6f"} <= others
    for who, shade in shades.items():
        for colour in others:
            gap = np.linalg.norm(_lab(shade) - _lab(QColor(colour)))
            assert gap > 30, (who, shade.name(), colour, gap)
    gap = np.linalg.norm(_lab(shades["target"]) - _lab(shades["model"]))
    assert gap > 30


def test_the_dark_theme_keeps_the_race_s_own_colours(qtbot, demo):
    ensure_app()
    scene = ReplayScene(demo, DARK)
    qtbot.addWidget(scene)
    assert [c.name() for c in scene.track.label_colours] == [a.colour for a in demo.athletes]
    assert key_colours(demo, DARK)[:2] == (hex_rgb("#ff2d6f"), hex_rgb("#39ff6a"))


def test_a_light_theme_gif_keeps_the_tags_shades_exactly(qapp, tmp_path, demo):
    """The shades are key colours: the GIF's palette holds them, and the tags' dots come out
    in them where the still has them (a small dot's colour is lost to median cut without)."""
    t = 100.0  # 1:40: the light's and the ghost's tags beside the field
    source = SceneFrameSource(demo, LIGHT, (960, 540))
    try:
        shades = {
            hex_rgb(source.scene.track.label_colours[i].name()) for i in _ghosts(demo).values()
        }
        assert shades <= set(key_colours(demo, LIGHT))
        still = to_rgb(source.frame_at(t)).astype(int)
        source.reset()
        out = tmp_path / "light.gif"
        export(source, ExportOptions(output=out, size=(960, 540), fps=10, from_s=t, to_s=t + 0.1))
    finally:
        source.close()
    with Image.open(out) as gif:
        frame = np.asarray(gif.convert("RGB")).astype(int)
    for colour in shades:
        where = np.all(still == np.array(colour), axis=2)
        assert where.sum() >= 4, colour  # a tag's dot at least
        assert np.abs(frame[where] - np.array(colour)).max() <= 3, colour


def test_deepened_keeps_a_readable_colour_and_the_hue_of_a_faint_one(qapp):
    white, black = [QColor("#ffffff")], [QColor("#000000")]
    assert deepened(QColor("#1f2328"), white, 4.5).name() == "#1f2328"
    gold = deepened(QColor("#ffd23f"), white, MARK_RATIO)  # darker on white
    assert contrast_ratio(gold, white[0]) >= MARK_RATIO
    assert abs(gold.hslHueF() - QColor("#ffd23f").hslHueF()) * 360 <= 3.0
    assert gold.lightnessF() < QColor("#ffd23f").lightnessF()
    navy = deepened(QColor("#1b1f3a"), black, MARK_RATIO)  # lighter on black
    assert contrast_ratio(navy, black[0]) >= MARK_RATIO
    assert navy.lightnessF() > QColor("#1b1f3a").lightnessF()
