"""Cached drawings look like the drawing they replace and are painted once per look."""

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from racegui.ui.sprite_cache import SpriteCache


def pixels(image: QImage) -> np.ndarray:
    buf = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * image.height())
    return buf.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].copy()


def canvas() -> QImage:
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#102030"))
    return image


def pill(p: QPainter, r: QRectF) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#ff2d6f"))
    p.drawRoundedRect(r, r.height() / 2, r.height() / 2)


def test_a_cached_drawing_matches_painting_it_directly(qapp):
    rect = QRectF(10, 20, 60, 18)
    direct, cached = canvas(), canvas()
    p = QPainter(direct)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pill(p, rect)
    p.end()
    p = QPainter(cached)
    SpriteCache().draw(p, rect, "pill", pill)
    p.end()
    assert np.abs(pixels(direct).astype(int) - pixels(cached).astype(int)).max() <= 2


def test_each_look_is_painted_once_and_then_copied_anywhere(qapp):
    calls = []

    def counted(p: QPainter, r: QRectF) -> None:
        calls.append(r.size())
        pill(p, r)

    cache = SpriteCache()
    a, b = canvas(), canvas()
    for image, x in ((a, 10.0), (b, 40.0)):
        p = QPainter(image)
        cache.draw(p, QRectF(x, 20, 60, 18), "pill", counted)
        p.end()
    assert len(calls) == 1
    assert np.array_equal(pixels(a)[:, 40:244], pixels(b)[:, 160:364])  # same pixels, moved

    p = QPainter(a)
    p.scale(2.0, 2.0)  # a new device scale is a new look
    cache.draw(p, QRectF(5, 5, 20, 9), "pill", counted)
    cache.draw(p, QRectF(5, 5, 20, 10), "pill", counted)  # and so is a new size
    p.end()
    assert len(calls) == 3


def test_the_painter_font_is_part_of_the_look_unless_the_drawing_sets_its_own(qapp):
    calls = []

    def counted(p: QPainter, r: QRectF) -> None:
        calls.append(p.font().pixelSize())
        pill(p, r)

    image = canvas()
    p = QPainter(image)
    for cache, painter_font, expected in ((SpriteCache(), True, 2), (SpriteCache(), False, 1)):
        calls.clear()
        for px in (10, 14):
            font = QFont(p.font())
            font.setPixelSize(px)
            p.setFont(font)
            cache.draw(p, QRectF(5, 5, 20, 9), "pill", counted, painter_font=painter_font)
        assert len(calls) == expected
    p.end()


def test_on_a_hidpi_device_the_drawing_is_cached_at_device_resolution(qapp):
    def hidpi() -> QImage:
        image = QImage(240, 160, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(2.0)
        image.fill(QColor("#102030"))
        return image

    def label(p: QPainter, r: QRectF) -> None:
        pill(p, r)
        p.setPen(QColor("#ffffff"))
        p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), "Kipyegon")

    rect = QRectF(10, 20, 80, 18)
    direct, cached = hidpi(), hidpi()
    p = QPainter(direct)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    label(p, rect)
    p.end()
    cache = SpriteCache()
    p = QPainter(cached)
    cache.draw(p, rect, "label", label)
    p.end()
    diff = np.abs(pixels(direct).astype(int) - pixels(cached).astype(int))
    assert diff.max() <= 8, diff.max()  # text drawn at 2x, not a 1x image scaled up
    (image,) = cache._images.values()
    assert (image.width(), image.height()) == (162, 38)  # 80 x 18 px at 2x, plus margins


@pytest.mark.parametrize("by_text", [False, True])
def test_a_font_of_the_same_size_but_another_weight_or_family_is_another_look(qapp, by_text):
    """The painter's font is in the cache's key whole (the QFont, not only its size), and
    so is its key() text where a PySide6 build has no QFont hash (by_text)."""
    calls = []

    def counted(p: QPainter, r: QRectF) -> None:
        calls.append(p.font().weight())
        pill(p, r)

    image = canvas()
    p = QPainter(image)
    cache = SpriteCache()
    if by_text:
        cache._font_id = QFont.key
    base = QFont(p.font())
    base.setPixelSize(12)
    bold = QFont(base)
    bold.setWeight(QFont.Weight.Bold)
    other = QFont(base)
    other.setFamily("Serif" if base.family() != "Serif" else "Sans")
    for font in (base, bold, other, QFont(base), QFont(bold)):
        p.setFont(font)
        cache.draw(p, QRectF(5, 5, 20, 9), "pill", counted)
    p.end()
    assert len(calls) == 3  # each font once; the copies of the first two are hits
