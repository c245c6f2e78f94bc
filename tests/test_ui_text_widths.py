"""The scoreboard's and tags' text widths are remembered, and match Qt's measurement."""

from PySide6.QtGui import QFont, QFontMetricsF

from racegui.ui import overlay


def test_remembered_widths_equal_measured_ones_and_stay_bounded(qapp, monkeypatch):
    monkeypatch.setattr(overlay, "MAX_CACHED_WIDTHS", 50)
    font = QFont("DejaVu Sans")
    font.setPixelSize(23)
    cached, plain = overlay._Metrics(font), QFontMetricsF(font)
    texts = [f"{k // 60}:{k % 60:02d}.00" for k in range(120)] + ["Faith Kipyegon"] * 3
    for text in texts:
        assert cached.horizontalAdvance(text) == plain.horizontalAdvance(text)
    assert cached.horizontalAdvance("Faith Kipyegon", 5) == plain.horizontalAdvance(
        "Faith Kipyegon", 5
    )
    assert len(cached._widths) <= 50
