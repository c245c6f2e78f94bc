"""A bug in drawing code costs a frame's graphics, never the process (Qt would segfault)."""

import subprocess
import sys
import textwrap

from PySide6.QtGui import QImage, QPainter

from racegui.ui.qt_guard import guarded_paint

SCRIPT = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    import racegui.ui.overlay as overlay
    from racegui.io.race_file import read_race
    from racegui.model.replay import compile_race
    from racegui.resources_path import demo_race_path
    from racegui.ui.scene import ReplayScene
    from racegui.ui.theme import DARK

    def broken(self, p, *args, **kwargs):
        p.save()  # left unbalanced on purpose
        raise ValueError("a drawing bug")

    overlay.BroadcastOverlay.paint_labels = broken
    app = QApplication([])
    scene = ReplayScene(compile_race(read_race(demo_race_path())), DARK)
    for t in (10.0, 20.0, 30.0):
        image = scene.render_image(t, (640, 360))
    print("drew", image.width(), image.height())
    """
)


def test_an_exception_while_painting_the_track_is_reported_and_the_app_lives():
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "drew 640 360" in run.stdout
    assert run.stderr.count("racegui: drawing failed in TrackView.drawForeground") == 1
    assert "ValueError: a drawing bug" in run.stderr


class Widgetish:
    calls = 0

    @guarded_paint
    def paint(self, p: QPainter) -> None:
        Widgetish.calls += 1
        p.translate(50, 50)
        raise RuntimeError("oops")


def test_the_guard_restores_the_painter_and_reports_once(qapp, capsys):
    image = QImage(10, 10, QImage.Format.Format_RGB32)
    p = QPainter(image)
    try:
        Widgetish().paint(p)
        Widgetish().paint(p)
        assert p.transform().isIdentity()
    finally:
        p.end()
    assert Widgetish.calls == 2
    assert capsys.readouterr().err.count("drawing failed in Widgetish.paint") == 1


SPRITE_SCRIPT = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from racegui.ui.device_sprites import pixmap_of

    app = QApplication([])

    def broken(p, rect):
        raise ValueError("a sprite bug")

    for _ in range(3):
        try:
            pixmap_of(20, 10, broken)
        except ValueError:
            pass
    print("still here")
    """
)


def test_a_sprite_that_fails_to_draw_raises_instead_of_crashing_qt():
    run = subprocess.run(
        [sys.executable, "-c", SPRITE_SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "still here" in run.stdout
    assert "being painted" not in run.stderr
