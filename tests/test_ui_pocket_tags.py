"""Pocket cam name tags and pills: drawn at the resolution of the output they go to."""

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from racegui.ui.pocket_paint import PocketStyle, paint_chrome
from racegui.ui.pocket_tags import Tag, TagPainter
from racegui.ui.theme import DARK

SCALE = 2.0 / 3.0
"""A 1280x720 export draws a layout made for 1080 px at this scale."""


def pixels(image: QImage) -> np.ndarray:
    buf = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * image.height())
    return buf.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(int)


def canvas() -> QImage:
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#1e4d2b"))
    return image


def test_a_tag_on_a_scaled_export_is_as_sharp_as_text_drawn_there(qapp):
    painter = TagPainter(
        "DejaVu Sans", 18.0, QColor("#101418"), QColor("#f5f7fa"), QColor("#8b949e")
    )
    rect = QRectF(30.0, 30.0, painter.width("Kipyegon"), painter.h)  # whole device px
    tag = Tag(rect.center().x(), rect.top() - 15.0, 0.0, "Kipyegon", QColor("#ff2d6f"))

    direct, tagged = canvas(), canvas()
    p = QPainter(direct)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.scale(SCALE, SCALE)
    painter._draw_tag(p, rect, tag)  # vector drawing straight onto the output
    p.end()
    p = QPainter(tagged)
    p.scale(SCALE, SCALE)
    painter.paint(p, [(tag, rect)])
    p.end()

    box = rect.adjusted(1, 2, -1, -1)  # inside the tag, below its leader line
    rows = slice(round(box.top() * SCALE), round(box.bottom() * SCALE))
    cols = slice(round(box.left() * SCALE) * 4, round(box.right() * SCALE) * 4)
    diff = np.abs(pixels(direct)[rows, cols] - pixels(tagged)[rows, cols])
    assert diff.max() <= 8, diff.max()
    assert (pixels(tagged)[rows, cols] > 200).any()  # the text is there


def test_the_pocket_cam_title_on_a_scaled_export_is_as_sharp_as_drawing_it_there(qapp):
    style = PocketStyle(DARK)
    inset = QRectF(0.0, 0.0, 540.0, 240.0)
    style.size_for(inset, 18.0, 1.0)
    direct, drawn = canvas(), canvas()
    p = QPainter(direct)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.scale(SCALE, SCALE)
    title, _ = paint_chrome(p, inset, style, [])
    p.end()
    p = QPainter(direct)  # the title again, as vectors, at the whole pixel the cache uses
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.fillRect(
        QRectF(title.topLeft() * SCALE, title.size() * SCALE).adjusted(-2, -2, 2, 2),
        QColor("#1e4d2b"),
    )
    at = title.topLeft() * SCALE
    p.translate(round(at.x()), round(at.y()))
    p.scale(SCALE, SCALE)
    style.paint_title(p, QRectF(QPointF(0.0, 0.0), title.size()))
    p.end()
    p = QPainter(drawn)
    p.scale(SCALE, SCALE)
    paint_chrome(p, inset, style, [])
    p.end()

    device = QRectF(title.topLeft() * SCALE, title.size() * SCALE).toAlignedRect()
    rows = slice(device.top() + 1, device.bottom() - 1)
    cols = slice((device.left() + 1) * 4, (device.right() - 1) * 4)
    diff = np.abs(pixels(direct)[rows, cols] - pixels(drawn)[rows, cols])
    assert diff.max() <= 40, diff.max()
    assert np.percentile(diff, 99) <= 8
