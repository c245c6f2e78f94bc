"""Text colours that stay readable on a given background (WCAG contrast ratio)."""

from __future__ import annotations

from PySide6.QtGui import QColor

READABLE_RATIO = 4.5
"""WCAG AA contrast for normal-size text."""


def mix(a: QColor | str, b: QColor | str, share_b: float) -> QColor:
    """Colour a with share_b (0..1) of colour b mixed in (a's alpha)."""
    ca, cb = QColor(a), QColor(b)
    rgb = (x + (y - x) * share_b for x, y in zip(ca.getRgbF()[:3], cb.getRgbF()[:3], strict=True))
    return QColor.fromRgbF(*rgb, ca.alphaF())


def _luminance(c: QColor) -> float:
    ch = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c.getRgbF()[:3]]
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def legible_on(colour: QColor, backgrounds: list[QColor], ratio: float = READABLE_RATIO) -> QColor:
    """``colour`` itself if it reaches ``ratio`` against every background, else the nearest
    mix of it with black or white (whichever the backgrounds contrast with more) that does,
    so the hue is kept as far as it can be. Alpha is kept."""

    def worst(c: QColor) -> float:
        return min(contrast_ratio(c, bg) for bg in backgrounds)

    if worst(colour) >= ratio:
        return QColor(colour)
    dark = sum(_luminance(bg) for bg in backgrounds) / len(backgrounds) > 0.18
    end = QColor(0, 0, 0) if dark else QColor(255, 255, 255)
    out = QColor(colour)
    for step in range(1, 21):
        out = mix(colour, end, step / 20)
        if worst(out) >= ratio:
            break
    return out


def deepened(colour: QColor, backgrounds: list[QColor], ratio: float) -> QColor:
    """``colour`` itself if it reaches ``ratio`` against every background, else the nearest
    shade of its hue and saturation that does: its HSL lightness lowered (raised, where the
    backgrounds are dark) in steps of 0.01. A pale yellow becomes a gold, where mixing in
    black (legible_on) gives an olive. Alpha is kept."""

    def worst(c: QColor) -> float:
        return min(contrast_ratio(c, bg) for bg in backgrounds)

    if worst(colour) >= ratio:
        return QColor(colour)
    dark = sum(_luminance(bg) for bg in backgrounds) / len(backgrounds) > 0.18
    hue, saturation, lightness, alpha = QColor(colour).toHsl().getHslF()
    step = -0.01 if dark else 0.01
    out = QColor(colour)
    while 0.0 <= lightness + step <= 1.0:
        lightness += step
        out = QColor.fromHslF(max(hue, 0.0), saturation, lightness, alpha).toRgb()
        if worst(out) >= ratio:
            break
    return out
