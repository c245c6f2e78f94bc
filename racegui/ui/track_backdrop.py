"""The static, to-scale track: surface, infield, kerb, lane lines, start and finish, 100 m marks.

Geometry is built once in metres from the model's Track; :meth:`TrackBackdrop.paint` draws it
through a data-to-pixel transform, so lines stay crisp at any size. The view caches the result
(QGraphicsView.CacheBackground) and only repaints it when the view range changes.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from racegui.model.lane_start import break_line_lap_position_m, start_lap_position_m
from racegui.model.track import LANE1_LINE_M, Track
from racegui.ui.fonts import unhinted
from racegui.ui.text_floor import floored
from racegui.ui.theme import Theme

MARGIN_M = 7.0
"""Room round the outside of the track (m) for the 100 m labels."""
MARK_CLEAR_OF_START_M = 25.0
"""A 100 m mark's label this close (m along the track) to the start gives way to START."""


def _poly(x: np.ndarray, y: np.ndarray) -> QPolygonF:
    return QPolygonF([QPointF(float(a), float(b)) for a, b in zip(x, y, strict=True)])


class TrackBackdrop:
    """Track geometry (metres) for one track and race distance, painted on demand."""

    def __init__(self, track: Track, race_distance_m: float, in_lanes: bool = False) -> None:
        """``in_lanes``: the race starts in lanes (an 800 m: model.lane_start), its start
        marked in each lane, staggered, with the break line after the first bend."""
        self.track = track
        self.race_distance_m = race_distance_m
        s = np.linspace(0.0, track.lap_m, 721)
        kerb_lat = -LANE1_LINE_M
        self.outer_radius_m = track.outer_radius_m
        self._outline = {}
        for k in range(track.lanes + 1):
            lat = kerb_lat + k * track.lane_width_m
            x, y, _ = track.xy(s, lat)
            self._outline[k] = _poly(x, y)
        x, y, _ = track.xy(s, kerb_lat + track.lanes * track.lane_width_m + 0.6)
        self._apron = _poly(x, y)
        self._infield = QPainterPath()
        self._infield.addPolygon(self._outline[0])
        self._infield.closeSubpath()
        surface = QPainterPath()
        surface.addPolygon(self._outline[track.lanes])
        surface.closeSubpath()
        self._surface = surface.subtracted(self._infield)
        apron = QPainterPath()
        apron.addPolygon(self._apron)
        apron.closeSubpath()
        self._apron_path = apron.subtracted(surface).subtracted(self._infield)
        self.start_s = track.start_position_m(race_distance_m)
        self.label_rects: list[QRectF] = []
        """Pixel rectangles of the labels drawn by the last paint (obstacles for name tags)."""
        self.label_px = 0
        """Pixel size of the labels' type in the last paint."""
        outer_lat = kerb_lat + track.lanes * track.lane_width_m
        self._finish = self._across(0.0, kerb_lat, outer_lat)
        self._start = [self._across(self.start_s, kerb_lat, outer_lat)]
        self._break_line: QPolygonF | None = None
        if in_lanes:
            edges = [kerb_lat + n * track.lane_width_m for n in range(track.lanes + 1)]
            self._start = [
                self._across(start_lap_position_m(track, n), edges[n - 1], edges[n])
                for n in range(1, track.lanes + 1)
            ]
            across = np.linspace(edges[1], edges[-1], 24)
            x, y, _ = track.xy(break_line_lap_position_m(track, across), across)
            self._break_line = _poly(x, y)
        self._marks = [
            (m, self._across(float(m), outer_lat, outer_lat + 1.6), track.xy(m, outer_lat + 5.2))
            for m in (100, 200, 300)
        ]

    def _across(self, s: float, lat0: float, lat1: float) -> tuple[QPointF, QPointF]:
        x, y, _ = self.track.xy(np.array([s, s]), np.array([lat0, lat1]))
        return QPointF(float(x[0]), float(y[0])), QPointF(float(x[1]), float(y[1]))

    def bounds(self) -> QRectF:
        """Rectangle (m) the view should show: the track plus labels."""
        half = self.track.straight_m / 2 + self.outer_radius_m + MARGIN_M
        h = self.outer_radius_m + MARGIN_M
        return QRectF(-half, -h, 2 * half, 2 * h)

    def infield_rect(self) -> QRectF:
        """The largest handy rectangle inside the kerb (m), for broadcast graphics."""
        r = self.track.kerb_radius_m
        half = self.track.straight_m / 2 + 0.55 * r
        return QRectF(-half, -0.82 * r, 2 * half, 1.64 * r)

    def paint(
        self,
        p: QPainter,
        to_px: QTransform,
        theme: Theme,
        scale: float = 1.0,
        fit: float = 1.0,
        floor: float = 0.0,
    ) -> None:
        """Draw the track with p in pixel space; to_px maps metres to pixels. The labels' type
        is x scale, sized as for a view 1/fit times as big (presentation.screen_fit), and at
        least floor px (text_floor)."""
        px_per_m = math.hypot(to_px.m11(), to_px.m12())
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setTransform(to_px, True)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(theme.track_surface_edge))
        p.drawPath(self._apron_path)
        p.setBrush(QColor(theme.track_surface))
        p.drawPath(self._surface)
        p.setBrush(QColor(theme.infield))
        p.drawPath(self._infield)
        self._paint_stripes(p, theme)
        lines = QColor(theme.track_lines)
        lines.setAlpha(215)
        pen = QPen(lines, max(1.0, 0.05 * px_per_m * 1.6))
        pen.setCosmetic(True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(pen)
        for k in range(1, self.track.lanes + 1):
            p.drawPolygon(self._outline[k])
        kerb = QPen(QColor(theme.kerb), max(2.0, 0.30 * px_per_m))
        kerb.setCosmetic(True)
        p.setPen(kerb)
        p.drawPolygon(self._outline[0])
        finish = QPen(QColor(theme.track_lines), max(2.5, 0.35 * px_per_m))
        finish.setCosmetic(True)
        finish.setCapStyle(Qt.PenCapStyle.FlatCap)
        p.setPen(finish)
        p.drawLine(*self._finish)
        start = QPen(QColor(theme.accent), max(2.0, 0.25 * px_per_m))
        start.setCosmetic(True)
        start.setCapStyle(Qt.PenCapStyle.FlatCap)
        p.setPen(start)
        for a, b in self._start:
            p.drawLine(a, b)
        if self._break_line is not None:
            start.setWidthF(max(1.5, 0.12 * px_per_m))
            p.setPen(start)
            p.drawPolyline(self._break_line)
        p.setPen(pen)
        for _, (a, b), _ in self._marks:
            p.drawLine(a, b)
        p.restore()
        self._paint_labels(p, to_px, theme, px_per_m, scale, fit, floor)

    def _paint_stripes(self, p: QPainter, theme: Theme) -> None:
        p.save()
        p.setClipPath(self._infield)
        stripe = QColor(theme.infield_lines)
        stripe.setAlpha(70)
        p.setBrush(stripe)
        r = self.outer_radius_m
        half = self.track.straight_m / 2 + r
        width = 8.0
        x = -half
        while x < half:
            p.drawRect(QRectF(x, -r, width / 2, 2 * r))
            x += width
        p.restore()

    def _paint_labels(
        self,
        p: QPainter,
        to_px: QTransform,
        theme: Theme,
        px_per_m: float,
        scale: float,
        fit: float,
        floor: float,
    ) -> None:
        size = floored(max(9.0, min(2.1 * px_per_m / fit, 22.0)) * scale, floor)
        self.label_px = int(round(size))
        font = QFont(theme.font_family)
        font.setPixelSize(int(round(size)))
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        unhinted(font)
        self.label_rects = []
        p.save()
        p.setFont(font)
        muted = QColor(theme.text_muted)
        p.setPen(muted)
        has_start = abs(self.start_s) > 1e-6 and abs(self.start_s - self.track.lap_m) > 1e-6
        for m, _, (x, y, _) in self._marks:
            if has_start and abs(m - self.start_s) < MARK_CLEAR_OF_START_M:
                continue  # a 1500 m starts at the 100 m mark: START says where that is
            pt = to_px.map(QPointF(float(x), float(y)))
            self._centred(p, pt, f"{m} m", size)
        lat = self.outer_radius_m - self.track.radius_m + 4.6
        fx, fy, _ = self.track.xy(0.0, lat)
        p.setPen(QColor(theme.text))
        self._centred(p, to_px.map(QPointF(float(fx), float(fy))), "FINISH", size)
        if has_start:
            sx, sy, _ = self.track.xy(self.start_s, lat)
            spt = to_px.map(QPointF(float(sx), float(sy)))
            fpt = to_px.map(QPointF(float(fx), float(fy)))
            if abs(spt.x() - fpt.x()) < 4.5 * size:  # a mile: start and finish are close
                spt = QPointF(fpt.x() - 4.8 * size, spt.y())
            p.setPen(QColor(theme.accent))
            self._centred(p, spt, "START", size)
        p.restore()

    def _centred(self, p: QPainter, pt: QPointF, text: str, size: float) -> None:
        w = p.fontMetrics().horizontalAdvance(text)
        rect = QRectF(pt.x() - w / 2 - 2, pt.y() - size, w + 4, 2 * size)
        p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        self.label_rects.append(rect.adjusted(0, size * 0.35, 0, -size * 0.35))


def brush(colour: str, alpha: int = 255) -> QBrush:
    """A solid brush of a "#rrggbb" colour with alpha 0..255."""
    c = QColor(colour)
    c.setAlpha(alpha)
    return QBrush(c)
