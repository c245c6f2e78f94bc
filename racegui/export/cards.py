"""Title and end cards for exported videos, drawn with QPainter onto a QImage of exact size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QLinearGradient, QPainter, QPen

from racegui.model.replay import Replay
from racegui.model.timefmt import format_time, label_names_time
from racegui.ui.fonts import load_bundled_fonts, unhinted
from racegui.ui.theme import Theme


@dataclass(frozen=True)
class CardText:
    """The lines of a card, biggest first."""

    kicker: str
    headline: str
    lines: tuple[str, ...]
    footer: str


def title_text(replay: Replay) -> CardText:
    """Race title, date and venue, distance and target."""
    race = replay.race
    runner = replay.athletes[replay.focus]
    pacers = int(np.count_nonzero(replay.roles == "pacer"))
    lines = [f"{runner.name}  ·  {distance_label(race.distance_m)}"]
    if race.target_time_s is not None:
        label = race.target.label if race.target is not None else "Target"
        if label_names_time(label, race.target_time_s):  # "Previous world record 4:12.33"
            lines.append(label)
        else:
            lines.append(f"{label}: {format_time(race.target_time_s)}")
    if pacers:
        lines.append(f"{pacers} pacer{'s' if pacers != 1 else ''}")
    return CardText("RACE REPLAY", race.title, tuple(lines), _where(replay))


def end_text(replay: Replay) -> CardText:
    """The runner's final time and the margin to target."""
    race = replay.race
    runner = replay.athletes[replay.focus]
    finish = replay.finish_time_s[replay.focus]
    lines = []
    if race.target_time_s is not None and np.isfinite(finish):
        margin = float(finish) - race.target_time_s
        side = "behind" if margin > 0 else "ahead of"
        lines.append(
            f"{format_time(abs(margin))} s {side} the {format_time(race.target_time_s)} target"
        )
    lines.append(race.title)
    return CardText(runner.name.upper(), format_time(float(finish)), tuple(lines), _where(replay))


def _where(replay: Replay) -> str:
    """Venue and date ("26 June 2025" from an ISO date)."""
    race = replay.race
    when = race.date
    if when:
        try:
            day = date.fromisoformat(when)
            when = f"{day.day} {day.strftime('%B %Y')}"
        except ValueError:
            pass
    return "  ·  ".join(x for x in (race.venue, when) if x)


def distance_label(distance_m: float) -> str:
    """ "Mile" for 1609.344 m, else "1500 m" style."""
    if abs(distance_m - 1609.344) < 1e-6:
        return "Mile"
    return f"{distance_m:g} m"


def _fit_font(family: str, text: str, px: float, width: float, lines: int) -> QFont:
    """A bold font no bigger than px whose text wraps into at most `lines` lines of width."""
    while px > 8:
        font = _font(family, px, QFont.Weight.Black)
        metrics = QFontMetricsF(font)
        box = metrics.boundingRect(QRectF(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        if box.width() <= width and box.height() <= metrics.lineSpacing() * lines + 1:
            return font
        px *= 0.92
    return _font(family, 8, QFont.Weight.Black)


def _font(family: str, px: float, weight: QFont.Weight) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(int(px), 6))
    font.setWeight(weight)
    return unhinted(font)


def draw_card(text: CardText, size: tuple[int, int], theme: Theme) -> QImage:
    """A card image of exactly `size` pixels (RGB32), independent of the screen's pixel ratio."""
    load_bundled_fonts()
    w, h = size
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(1.0)
    bg = QColor(theme.background)
    gradient = QLinearGradient(0, 0, 0, h)
    gradient.setColorAt(0.0, bg.lighter(135))
    gradient.setColorAt(1.0, bg)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(0, 0, w, h, gradient)
        unit = min(w / 16, h / 9)  # scale by the 16:9 box that fits
        left = w * 0.5 - unit * 7
        width = unit * 14
        painter.fillRect(
            QRectF(left, h * 0.5 - unit * 2.9, unit * 0.5, unit * 0.12), QColor(theme.accent)
        )
        headline_font = _fit_font(theme.font_family, text.headline, unit * 0.95, width, 2)
        headline_h = (
            QFontMetricsF(headline_font)
            .boundingRect(QRectF(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text.headline)
            .height()
        )
        rows = [
            (
                text.kicker,
                _font(theme.font_family, unit * 0.32, QFont.Weight.Bold),
                theme.accent,
                unit * 0.55,
            ),
            (text.headline, headline_font, theme.text, headline_h + unit * 0.3),
        ]
        rows += [
            (
                line,
                _font(theme.font_family, unit * 0.42, QFont.Weight.Normal),
                theme.text,
                unit * 0.66,
            )
            for line in text.lines
        ]
        y = h * 0.5 - unit * 2.6
        flags = (
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        )
        for line, font, colour, step in rows:
            painter.setFont(font)
            painter.setPen(QPen(QColor(colour)))
            painter.drawText(QRectF(left, y, width, step), flags, line)
            y += step
        painter.setFont(_font(theme.font_family, unit * 0.3, QFont.Weight.Normal))
        painter.setPen(QPen(QColor(theme.text_muted)))
        painter.drawText(
            QRectF(left, h - unit * 1.2, width, unit * 0.6),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text.footer,
        )
    finally:
        painter.end()
    return image
