"""A scaled copy patched rect by rect equals the whole image scaled."""

import numpy as np
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from racegui.ui.scaled_patches import ScaledPatches, scale_grid


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    buf = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * image.height())
    return buf.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].copy()


def noisy(w: int, h: int, seed: int) -> QImage:
    rng = np.random.default_rng(seed)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("#203040"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for _ in range(40):
        x, y = rng.integers(0, w), rng.integers(0, h)
        p.setPen(QColor(*rng.integers(0, 255, 3)))
        p.drawText(int(x), int(y), "4:06.42")
    p.end()
    return image


def test_grids():
    assert scale_grid((2 / 3, 2 / 3), 576, 1080, 1344) == 3
    assert scale_grid((1.0, 1.0), 7) == 1
    assert scale_grid((0.5, 0.5), 576, 1080) == 2
    assert scale_grid((2 / 3, 2 / 3), 577) is None  # an odd size has no whole-pixel grid
    assert scale_grid((0.5203, 0.5203), 576) is None


def test_patched_copy_equals_the_whole_image_scaled(qapp):
    scale = (2 / 3, 2 / 3)
    before, after = noisy(576, 300, 1), noisy(576, 300, 1)
    changes = [QRect(10, 17, 50, 20), QRect(301, 250, 100, 50), QRect(0, 0, 5, 5)]
    p = QPainter(after)
    for rect in changes:
        p.fillRect(rect, QColor("#ff2d6f"))
    p.end()

    device = QImage(400, 220, QImage.Format.Format_RGB32)
    device.fill(QColor("#000000"))
    copy = ScaledPatches()
    p = QPainter(device)
    copy.draw(p, QPoint(4, 6), before, None, scale, fresh=True)
    copy.draw(p, QPoint(4, 6), after, changes, scale, fresh=False)
    p.end()

    whole = after.scaled(
        384, 200, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    assert np.array_equal(pixels(device)[6:206, 16 : 16 + 384 * 4], pixels(whole))
    assert not np.array_equal(
        pixels(whole),
        pixels(
            before.scaled(
                384,
                200,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        ),
    )
