"""Markers and lines are drawn at the device's scale: exports' output scale, HiDPI screens."""

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from racegui.ui.device_sprites import DiscSprite, blit_centred
from racegui.ui.track_items import PathItem


def pixels(image: QImage) -> np.ndarray:
    buf = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * image.height())
    return buf.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(int)


def canvas(ratio: float) -> QImage:
    image = QImage(round(80 * ratio), round(60 * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#1e4d2b"))
    return image


def test_a_disc_is_drawn_once_per_scale_at_that_scale(qapp):
    disc = DiscSprite(QColor("#ff2d6f"), QPen(QColor("#ffffff"), 2.0), 12.0)
    one, two = disc.at(1.0), disc.at(2.0)
    assert abs(two.width() - 2 * one.width()) <= 1
    assert disc.at(2.0) is two


def test_on_a_hidpi_screen_a_disc_is_as_sharp_as_an_ellipse_drawn_there(qapp):
    fill, pen, diameter = QColor("#ff2d6f"), QPen(QColor("#ffffff"), 2.0), 14.0
    direct, blitted = canvas(2.0), canvas(2.0)
    p = QPainter(direct)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(pen)
    p.setBrush(fill)
    p.drawEllipse(QPointF(40.0, 30.0), diameter / 2, diameter / 2)
    p.end()
    sprite = DiscSprite(fill, pen, diameter)
    p = QPainter(blitted)
    blit_centred(p, [(sprite, 40.0, 30.0)])
    p.end()
    diff = np.abs(pixels(direct) - pixels(blitted))
    assert diff.max() <= 24, diff.max()  # a 1x disc scaled up 2x differs by 132 at its rim


def stroke_rows(scale: float) -> int:
    """Rows a 12 px wide horizontal PathItem covers when painted at a world scale."""
    item = PathItem()
    item.set_pen(QPen(QColor("#ffffff"), 12.0))
    item.set_xy(np.array([10.0, 150.0]), np.array([50.0, 50.0]))
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    p = QPainter(image)
    p.scale(scale, scale)
    item.paint(p, QStyleOptionGraphicsItem(), None)
    p.end()
    column = pixels(image)[:, 4 * round(80 * scale)]
    return int((column > 128).sum())


def test_a_line_in_a_scaled_export_is_as_much_thinner_as_the_scene(qapp):
    assert stroke_rows(1.0) == 12
    assert stroke_rows(2.0 / 3.0) == 8
