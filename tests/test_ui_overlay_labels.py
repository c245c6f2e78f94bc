"""Track name tags: every leader line is drawn before any tag, so no line crosses a tag, and
a pacer who has stepped off is tagged fainter."""

import math

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from racegui.model.names import short_name
from racegui.model.track import LANE1_LINE_M
from racegui.ui.loading import load_replay
from racegui.ui.overlay import BroadcastOverlay, Label
from racegui.ui.scene import ReplayScene
from racegui.ui.theme import DARK
from racegui.ui.track_labels import frame_labels
from racegui.ui.ui_paths import demo_path


class RecordingPainter:
    """Passes every call to a real painter and remembers the drawing calls' names."""

    def __init__(self, painter: QPainter) -> None:
        self._painter = painter
        self.calls: list[str] = []

    def __getattr__(self, name: str):
        method = getattr(self._painter, name)

        def call(*args):
            if name.startswith("draw"):
                self.calls.append(name)
            return method(*args)

        return call


def test_leader_lines_are_all_drawn_before_the_tags(qapp):
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor(DARK.background))
    labels = [
        Label(150.0 + 100 * k, 300.0 - 10 * k, 0.0, -1.0, f"Pacer {k}", QColor("#4aa3ff"), 5.0)
        for k in range(4)
    ]
    painter = QPainter(image)
    recorder = RecordingPainter(painter)
    drawn = BroadcastOverlay(DARK).paint_labels(
        recorder, labels, [], 14.0, QRectF(0.0, 0.0, 600.0, 400.0), 0.0
    )
    painter.end()
    assert len(drawn) == 4
    lines = [k for k, name in enumerate(recorder.calls) if name == "drawLine"]
    tags = [k for k, name in enumerate(recorder.calls) if name == "drawPixmap"]
    assert len(lines) == 4 and len(tags) == 4
    assert max(lines) < min(tags)


def test_a_stepped_off_pacer_keeps_a_faded_tag_and_the_runners_do_not(qapp):
    """As in the pocket cam, a pacer who has just stepped off is tagged fainter than the
    athletes still running, on the track (frame_labels) and in what is drawn."""
    replay = load_replay(demo_path())
    drops = replay.dropout_time_s
    t = float(np.nanmin(drops)) + 2.0
    scene = ReplayScene(replay, DARK)
    scene.update_frame(t)
    faded = {lab.text: lab.faded for lab in frame_labels(scene.track, QTransform())}
    scene.close()
    names = {short_name(a.name): drops[i] for i, a in enumerate(replay.athletes)}
    gone = {text for text in faded if names.get(text, math.inf) <= t}
    assert gone and all(faded[text] for text in gone)
    assert len(faded) > len(gone) and not any(faded[text] for text in faded if text not in gone)

    def tag_pixels(faded: bool) -> int:
        """Bright pixels of a white-text tag painted on black."""
        image = QImage(300, 120, QImage.Format.Format_RGB32)
        image.fill(QColor("#000000"))
        painter = QPainter(image)
        lab = Label(150.0, 100.0, 0.0, -1.0, "Pacer 10", QColor("#4aa3ff"), 5.0, faded=faded)
        BroadcastOverlay(DARK).paint_labels(painter, [lab], [], 14.0, QRectF(0, 0, 300, 120), 0.0)
        painter.end()
        return sum(
            1 for y in range(120) for x in range(300) if QColor(image.pixel(x, y)).lightness() > 200
        )

    assert tag_pixels(faded=True) == 0 < tag_pixels(faded=False)


def test_a_faded_tag_stays_legible_on_the_track_and_the_grass():
    """The first faded tags halved their box's opacity: grey on pink over the light theme's
    track (seen in the pocket cam). A faded name is now the theme's muted text on the usual
    box, 4.5:1 or better over the track and the infield in both themes."""
    from racegui.ui.legible import contrast_ratio, mix
    from racegui.ui.theme import LIGHT

    for theme in (DARK, LIGHT):
        for ground in (theme.track_surface, theme.infield, theme.infield_lines):
            box = mix(ground, theme.overlay_background, 200 / 255)
            assert contrast_ratio(QColor(theme.text_muted), box) >= 4.5, (theme.name, ground)

    def box_colour(faded: bool) -> QColor:
        """A tag's box at its right end (no text there), painted on the light track."""
        image = QImage(300, 120, QImage.Format.Format_RGB32)
        image.fill(QColor(LIGHT.track_surface))
        painter = QPainter(image)
        lab = Label(150.0, 100.0, 0.0, -1.0, "Pacer 10", QColor("#4aa3ff"), 5.0, faded=faded)
        overlay = BroadcastOverlay(LIGHT)
        (rect,) = overlay.paint_labels(painter, [lab], [], 14.0, QRectF(0, 0, 300, 120), 0.0)
        painter.end()
        return image.pixelColor(int(rect.right()) - 4, int(rect.top()) + 4)

    assert box_colour(faded=True) == box_colour(faded=False)


@pytest.mark.parametrize("ground", ["background", "track_surface", "infield"])
def test_the_lights_faded_tag_reads_3_to_1_and_fainter_than_a_live_one(qapp, ground):
    """The light's faded tag ("Sub-4 pacing light 4:00.00") on the light theme, as drawn:
    its darkest text reaches 3:1 against its box over the white page (where it sits at the
    line in the window at 4:03), the track and the grass, yet is clearly fainter than a
    live tag's."""
    from racegui.ui.legible import contrast_ratio
    from racegui.ui.theme import LIGHT

    def text_and_box(faded: bool) -> tuple[QColor, QColor]:
        image = QImage(400, 120, QImage.Format.Format_RGB32)
        image.fill(QColor(getattr(LIGHT, ground)))
        painter = QPainter(image)
        text = "Sub-4 pacing light 4:00.00"
        lab = Label(200.0, 100.0, 0.0, -1.0, text, QColor("#39ff6a"), 5.0, faded=faded)
        overlay = BroadcastOverlay(LIGHT)
        (rect,) = overlay.paint_labels(painter, [lab], [], 14.0, QRectF(0, 0, 400, 120), 0.0)
        painter.end()
        box = image.pixelColor(int(rect.right()) - 4, int(rect.top()) + 4)
        inner = rect.adjusted(0.45 * rect.height(), 2, -4, -2).toAlignedRect()
        darkest = min(
            (
                image.pixelColor(x, y)
                for x in range(inner.left(), inner.right())
                for y in range(inner.top(), inner.bottom())
            ),
            key=lambda c: c.lightness(),
        )
        return darkest, box

    faded, box = text_and_box(True)
    live, live_box = text_and_box(False)
    assert contrast_ratio(faded, box) >= 3.0
    assert contrast_ratio(live, live_box) >= 1.5 * contrast_ratio(faded, box)


def test_the_light_switches_off_once_it_has_run_the_target_time(qapp):
    """After 4:00 the light parked at the line beside a runner still running read as level
    with her (user review at 4:05.90). Once it finishes the band goes out (on the track and
    in the pocket cam), its head stays at the line, faded, and its tag gives its time (the
    same tag: its key stays the light's name), at full strength as a finished ghost's."""
    replay = load_replay(demo_path())
    light = replay.athletes[replay.target].name
    done = float(replay.finish_time_s[replay.target])
    finish = replay.track.race_xy(
        np.array([replay.race.distance_m]), replay.race.distance_m, np.array([-LANE1_LINE_M])
    )
    scene = ReplayScene(replay, DARK)
    track = scene.track
    try:
        for t, off in ((done - 1.0, False), (done + 5.9, True)):
            scene.update_frame(t)
            band = (track.light_glow, track.light_core)
            assert [item.isVisible() for item in band] == [not off, not off]
            assert (track._light_band is None) == off  # the pocket cam's band and tag
            assert track.light_head.isVisible()
            assert track.light_head.ids().tolist() == [int(off)]  # the faded sprite
            (tag,) = [lab for lab in frame_labels(track, QTransform()) if lab.key == light]
            assert not tag.faded
            assert tag.text == (f"{light} 4:00.00" if off else light)
        x, y = track.light_head.points()
        assert (x[0], y[0]) == (pytest.approx(finish[0][0]), pytest.approx(finish[1][0]))
    finally:
        scene.close()


def test_a_tags_leader_line_follows_its_colour_and_fading_from_frame_to_frame(qapp):
    """Leader pens are made once per colour: the same overlay, drawing the same tag in
    another colour (a new race, another theme's colours) or faded, draws its line so."""
    overlay = BroadcastOverlay(DARK)

    def line_ink(colour: str, faded: bool = False) -> np.ndarray:
        """Red, green and blue summed over what is drawn outside the tag (its leader line),
        on black."""
        image = QImage(300, 200, QImage.Format.Format_RGB32)
        image.fill(QColor("#000000"))
        painter = QPainter(image)
        lab = Label(150.0, 150.0, 0.0, -1.0, "Pacer 1", QColor(colour), 5.0, faded=faded)
        (rect,) = overlay.paint_labels(painter, [lab], [], 14.0, QRectF(0, 0, 300, 200), 0.0)
        painter.end()
        overlay.reset_tags()
        tag = overlay.tag_rects[0][1].toAlignedRect().adjusted(-2, -2, 2, 2)
        rgb = np.array(
            [
                QColor(image.pixel(x, y)).getRgb()[:3]
                for y in range(200)
                for x in range(300)
                if not tag.contains(x, y)
            ]
        )
        return rgb.sum(axis=0)

    red, blue = line_ink("#ff0000"), line_ink("#0000ff")
    assert red[0] > 500 and red[2] < red[0] / 10
    assert blue[2] > 500 and blue[0] < blue[2] / 10
    assert line_ink("#0000ff", faded=True)[2] < 0.7 * blue[2]
