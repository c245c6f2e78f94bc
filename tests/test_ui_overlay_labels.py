"""Track name tags: every leader line is drawn before any tag, so no line crosses a tag."""

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from racegui.ui.overlay import BroadcastOverlay, Label
from racegui.ui.theme import DARK


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
        Label(300.0 + 40 * k, 300.0 - 10 * k, 0.0, -1.0, f"Pacer {k}", QColor("#4aa3ff"), 5.0)
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
