"""What an audience sees: the track view with its graphics, and the side panel beside it.

The main window embeds one ReplayScene; exports make their own and call
:meth:`ReplayScene.render_image` for each frame, at an exact pixel size.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QHBoxLayout,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from racegui.model.replay import Replay
from racegui.ui.fonts import load_bundled_fonts
from racegui.ui.panel.side_panel import SidePanel
from racegui.ui.panel_cue import PanelCue
from racegui.ui.scaled_patches import ScaledPatches, scale_grid
from racegui.ui.speed_pill import SpeedPill
from racegui.ui.theme import Theme
from racegui.ui.track_frames import TrackFrames
from racegui.ui.track_view import TrackView

PANEL_FRACTION = 0.30
"""Share of the scene's width given to the side panel."""
STACKED_PANEL_FRACTION = 0.5
"""Share of the height given to the panel below the track (at least: a portrait scene's
panel takes all the height the track does not need)."""
TRACK_MIN_WIDTH_PX = 460
"""Narrowest track beside the panel (px): below this the scoreboard and the pocket cam crowd
each other, so a narrower landscape scene shows the track alone."""
QWIDGETSIZE_MAX = (1 << 24) - 1
"""Qt's largest widget size (QWIDGETSIZE_MAX): no maximum."""
STACK_GAIN = 1.15
"""How much bigger (scale) the track must be drawn with the panel below it than beside it
before a landscape or square scene stacks them (1080x1080: 1.47 times, stacked; 1280x1024:
1.07 and 1920x1080: 0.72, side by side)."""
STACKED_MIN_HEIGHT_PX = 500
"""Least height (px at scale 1) of a panel below a landscape or square track: its two columns
show every card whole (a 1080x1080 video gives it 540)."""
ONE_COLUMN_HEIGHT_PX = 1100
"""Least height (px at scale 1) of a panel below the track laid out in one column: every
card whole with room for the pace chart (a 1080x1920 video gives it 1317; a 1080x1350 one,
747, keeps two columns)."""
PANEL_WIDTH_PX = (420, 600)
"""Narrowest and widest side panel (px at scale 1); the narrowest is the panel's own minimum,
so its numbers are never cut off."""


class ReplayScene(QWidget):
    """Track view plus side panel (which can be hidden) for one replay, theme and size."""

    seek_requested = Signal(float)
    """Race time (s) the panel asked to jump to (e.g. a dropout entry was clicked)."""

    def __init__(
        self, replay: Replay, theme: Theme, parent: QWidget | None = None, panel: bool = True
    ) -> None:
        super().__init__(parent)
        load_bundled_fonts()
        self.setAutoFillBackground(True)
        self.replay = replay
        self.theme = theme
        self.t = 0.0
        self._scale = 1.0
        layout = QHBoxLayout(self)
        # An offscreen scene (an export) is sized by its caller: the layout sets it no least
        # size, which would hold a resize at the last layout's panel (a tall portrait panel
        # kept a landscape resize 1385 px high). Every resize fits the panel afresh.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.track = TrackView(replay, theme, self)
        # The track over a strip left free for the window's transport bar in presentation
        # mode (none otherwise: see set_bottom_room), its column's bottom margin.
        self._track_column = QVBoxLayout()
        self._track_column.setContentsMargins(0, 0, 0, 0)
        self._track_column.addWidget(self.track)
        layout.addLayout(self._track_column, 1)
        self.panel = SidePanel(replay, theme, self)
        layout.addWidget(self.panel, 0)
        self.panel.seek_requested.connect(self.seek_requested)
        self.panel.setVisible(panel)
        self.track.overlay.gap_shown_elsewhere = bool(panel)  # the panel's gap card
        self._panel_wanted = panel
        self._frame_image: QImage | None = None
        self._track_frames = TrackFrames(self.track)
        self._panel_drawn = False
        """Whether the reused frame image holds the panel's last drawing (see render_image)."""
        self._panel_copy = ScaledPatches()
        self.panel_cue = PanelCue(self.track, theme, self.track.fixed_boxes)
        # after the paint that moved the labels (the note is moved between paints)
        self.track.labels_moved.connect(self.panel_cue.place, Qt.ConnectionType.QueuedConnection)
        """Says on the track that the panel stepped aside for want of width (see
        set_panel_cue); never where the user hid it."""
        self._cue_wanted = False
        self.speed_pill = SpeedPill(self.track, theme)
        """Says the playback speed on the track in presentation mode (see SpeedPill)."""
        self._apply_palette()

    # --- configuration ----------------------------------------------------------------------
    def panel_visible(self) -> bool:
        return self._panel_wanted

    def set_panel_visible(self, on: bool) -> None:
        """Show or hide the side panel."""
        self._panel_wanted = bool(on)
        self._fit_panel()  # shows it only where there is room (see _show_panel)
        if on:
            self.panel.update_frame(self.t)

    def set_panel_cue(self, on: bool) -> None:
        """Whether a panel hidden for want of width says so on the track (the window, outside
        presentation mode: never in an export or before an audience)."""
        self._cue_wanted = bool(on)
        self._fit_panel()

    def panel_squeezed_out(self) -> bool:
        """Whether the user wants the panel but the scene is too narrow to show it."""
        return self._panel_wanted and self.panel.isHidden()

    def set_replay(self, replay: Replay) -> None:
        self.replay = replay
        self.track.set_replay(replay)
        self.panel.set_replay(replay)
        self.update_frame(min(self.t, replay.duration_s))

    def set_compare(self, other: Replay | None) -> None:
        """Show other's runner as a ghost and her laps against it in the panel (None: no
        comparison)."""
        self.track.set_compare(other)
        self.panel.set_compare(other)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._apply_palette()
        self.track.set_theme(theme)
        self.panel.set_theme(theme)  # restyling resets the panel's minimum width
        self.panel_cue.set_theme(theme)
        self.speed_pill.set_theme(theme)
        self._fit_panel()

    @property
    def scale(self) -> float:
        """Type and graphics scale (1.0 normal)."""
        return self._scale

    def set_scale(self, factor: float, presentation: bool = False) -> None:
        """Type and graphics x factor (1.0 normal). ``presentation`` lays the panel out for a
        big screen (presentation mode, see SidePanel.set_scale)."""
        self._scale = factor
        self.track.set_scale(factor, presentation)
        self.panel.set_scale(factor, presentation)
        self._fit_panel()

    def bottom_room(self) -> int:
        """Height (px) left free below the track (see set_bottom_room)."""
        return self._track_column.contentsMargins().bottom()

    def set_bottom_room(self, px: int) -> None:
        """Leave a strip px high free below the track, beside the panel (or between the track
        and a panel below it): where presentation mode's transport bar shows, over nothing,
        and hides again without anything moving. 0: none (the window, exports)."""
        self._track_column.setContentsMargins(0, 0, 0, max(0, int(px)))
        self._fit_panel()  # the tags' reference height (see _fit_panel)

    def _apply_palette(self) -> None:
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor(self.theme.background))
        self.setPalette(pal)

    def _side_width(self) -> tuple[float, float]:
        """(narrowest, chosen) width (px) of the panel beside the track."""
        lo, hi = PANEL_WIDTH_PX
        # The panel's own minimum, not minimumWidth(): setFixedWidth raises that to the width
        # last fitted, which would keep the panel from ever narrowing with the window.
        lo = max(lo * self._scale, self.panel.column_min_width())
        room = self.width() - TRACK_MIN_WIDTH_PX
        w = int(min(max(self.width() * PANEL_FRACTION, lo), max(hi * self._scale, lo)))
        return lo, max(min(w, room), lo)

    def _stacks_panel(self) -> bool:
        """Whether the panel goes below the track: always in a portrait scene (a phone held
        upright); in a landscape or square one with room for two whole panel columns below,
        where that draws the track bigger than beside it by STACK_GAIN or more (a square
        video)."""
        w, h = self.width(), self.height()
        if w <= 0 or h <= 0:
            return False
        if h > w:
            return True
        if w < 2 * self.panel.column_min_width():
            return False  # one column below would be too short: side by side, or track alone
        if h * STACKED_PANEL_FRACTION < STACKED_MIN_HEIGHT_PX * self._scale:
            return False  # two columns would be cut off (a 900x900 window)
        bounds = self.track.backdrop.bounds()  # the track and its labels (m)
        bw, bh = bounds.width(), bounds.height()
        beside = min((w - self._side_width()[1]) / bw, h / bh)
        below = min(w / bw, h * (1.0 - STACKED_PANEL_FRACTION) / bh)
        return below >= STACK_GAIN * beside

    def _fit_panel(self) -> None:
        """Beside the track in a landscape scene; below it in a portrait or square one (see
        _stacks_panel), in two columns where each keeps the panel's minimum width, or one
        where the panel is tall enough for every card in a column."""
        stacked = self._stacks_panel()
        box = self.layout()
        box.setDirection(
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        # Let go of the last layout's fixed size first: the column change below lays the
        # panel out, and a window still held to a stacked panel's height grew to fit it
        # (900x1600 resized to 1600x900 stayed 1097 px high).
        if stacked:
            self.panel.setMinimumWidth(0)
            self.panel.setMaximumWidth(QWIDGETSIZE_MAX)
        else:
            self.panel.setMinimumHeight(0)
            self.panel.setMaximumHeight(QWIDGETSIZE_MAX)
        height = self._stacked_panel_height() if stacked else 0
        # Below the track: two columns where each keeps the panel's own minimum width, but
        # one where it is tall enough for every card in a column (a phone's portrait video).
        wide_enough = self.width() >= 2 * self.panel.column_min_width()
        tall = height >= ONE_COLUMN_HEIGHT_PX * self._scale
        self.panel.set_columns(2 if stacked and wide_enough and not tall else 1)
        # Tags sized as with STACKED_PANEL_FRACTION of the height below the track: a
        # portrait track drawn as wide as ever keeps its tags as big. Beside the panel, as
        # with the strip below the track too (the same tags with the bar's room as without).
        beside = float(self.height()) if self.bottom_room() else None
        self.track.set_tag_reference(
            self.height() * (1.0 - STACKED_PANEL_FRACTION) if stacked else beside
        )
        if stacked:
            self._show_panel(self._panel_wanted)
            self.panel.setFixedHeight(height)
            self.panel_cue.show_cue(False)
            return
        lo, width = self._side_width()
        # Too narrow for both (a window snapped to half a laptop screen): the track alone,
        # until the window is wide enough again, saying so on the track.
        self._show_panel(self._panel_wanted and self.width() - TRACK_MIN_WIDTH_PX >= lo)
        self.panel.setFixedWidth(round(width))
        self.panel_cue.set_needed_width(math.ceil(TRACK_MIN_WIDTH_PX + lo))
        self.panel_cue.show_cue(self._cue_wanted and self.panel_squeezed_out())

    def _stacked_panel_height(self) -> int:
        """Height (px) of the panel below the track: STACKED_PANEL_FRACTION of the scene's,
        or in a portrait scene all that the track, drawn as wide as the scene, leaves."""
        w, h = self.width(), self.height()
        share = round(h * STACKED_PANEL_FRACTION)
        if h <= w:
            return share
        bounds = self.track.backdrop.bounds()  # the track and its labels (m)
        track_h = math.ceil(w * bounds.height() / bounds.width())
        return max(share, h - track_h)

    def _show_panel(self, on: bool) -> None:
        """Show or hide the panel for the layout (the user's choice is _panel_wanted)."""
        self.track.overlay.gap_shown_elsewhere = on  # a tight scoreboard may leave it out
        if on == (not self.panel.isHidden()):
            return
        self.panel.setVisible(on)
        if on:
            self.panel.update_frame(self.t)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        """The layout's least size, but with a panel below the track no taller than the
        track's least height: that panel's fixed height is fitted afresh on every resize,
        and as a least height it kept a portrait window from being made landscape again
        (1080x1920 to 1920x1080 stopped at 1920x1385)."""
        hint = super().minimumSizeHint()
        if self.layout().direction() == QBoxLayout.Direction.TopToBottom:
            hint.setHeight(self.track.minimumSizeHint().height() + self.bottom_room())
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._fit_panel()
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:  # Qt override
        handled = super().event(event)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and self._track_stale():
            # The layout pass this event made was cut into by another (the panel's fit sends
            # the posted layout requests, which can resize the scene again), then went on for
            # the size it started with: the track kept an old height (entering presentation
            # in a window already the screen's size, the bar's strip 19 px above the bottom).
            self.layout().invalidate()
            self.layout().activate()
        return handled

    def _track_stale(self) -> bool:
        """Whether the track beside the panel is laid out for another height than the
        scene's (a panel below the track is fitted after each layout pass instead)."""
        if self.layout().direction() != QBoxLayout.Direction.LeftToRight:
            return False
        return self._track_column.geometry().height() != self.height()

    # --- per frame -----------------------------------------------------------------------------
    def update_frame(self, t: float) -> None:
        """Show race time t (s): track and panel."""
        self.t = t
        self.track.update_frame(t)
        if self.panel.isVisible():
            # Reuse the track's state at t: the panel then evaluates no athlete but the runner.
            state = getattr(self.track, "state", None)
            self.panel.update_frame(t, state if state is not None and state.t == t else None)

    def _settle(self) -> None:
        """Apply pending layout and resize work (only after showing or resizing)."""
        self.layout().activate()
        QApplication.sendPostedEvents()
        self.track.vb.prepareForPaint()

    def _paint_reused(self, painter: QPainter, scale: tuple[float, float], fresh: bool) -> None:
        """Draw a frame over the previous one (render_image with reuse): the track repaints
        only its moving graphics, the panel only what changed."""
        sx, sy = scale
        at = self.track.pos()
        origin = QPointF(at.x() * sx, at.y() * sy).toPoint()
        self._track_frames.paint(painter, origin, scale, fresh)
        if not self.panel.isVisible():
            self._panel_drawn = False  # the track now covers where the panel was
            return
        image, changed = self.panel.updated_image()
        redraw = fresh or not self._panel_drawn
        panel_at = self.panel.pos()
        if (sx, sy) == (1.0, 1.0):
            for rect in [image.rect()] if redraw or changed is None else changed:
                painter.drawImage(rect.translated(panel_at), image, rect)
        elif scale_grid(scale, panel_at.x(), panel_at.y()) is not None:
            origin = QPoint(round(panel_at.x() * sx), round(panel_at.y() * sy))
            self._panel_copy.draw(painter, origin, image, changed, scale, redraw)
        else:  # no pixel grid for this scale: draw the whole panel scaled
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.scale(sx, sy)
            painter.drawImage(panel_at, image)
            painter.restore()
        self._panel_drawn = True

    def render_image(
        self,
        t: float,
        size: tuple[int, int] | None = None,
        panel: bool | None = None,
        *,
        reuse: bool = False,
        out_size: tuple[int, int] | None = None,
    ) -> QImage:
        """The scene at race time t (s) as an RGB32 QImage of exactly size=(w, h) pixels.

        Works offscreen and independently of the screen's device pixel ratio. A top-level
        scene is resized to `size`; an embedded one is drawn at its size and scaled. With
        `reuse`, every call draws into the same image (no allocation or clearing: the
        scene paints every pixel), so the caller must copy what it keeps before the next
        call; exports do this. With `out_size` (w, h px), the scene laid out at `size` is
        drawn scaled to out_size directly (vector drawing at the output resolution).
        """
        if panel is not None and panel != self._panel_wanted:
            self.set_panel_visible(panel)
        if self.parent() is None:
            settled = False
            if not self.isVisible():
                self.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
                self.show()
                self._settle()
                settled = True
            if size is not None and QSize(*size) != self.size():
                self.resize(*size)
                self._settle()
                settled = True
            if settled:
                # Settling painted the scene's own (never seen) window at the time it held
                # (0 s for a new one): its name tags leave no memory in this frame's, or an
                # export's first frame was placed as if it followed the start of the race.
                self.track.reset_tags()
        self.update_frame(t)
        # Widgets shown/hidden by update_frame re-layout via posted LayoutRequest events.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        w, h = self.width(), self.height()
        out_w, out_h = out_size if out_size is not None else (w, h)
        img = self._frame_image
        fresh = not reuse or img is None or (img.width(), img.height()) != (out_w, out_h)
        if fresh:
            img = QImage(out_w, out_h, QImage.Format.Format_RGB32)
            img.setDevicePixelRatio(1.0)
            img.fill(QColor(self.theme.background))
            self._frame_image = img if reuse else None
        painter = QPainter(img)
        try:
            panel = self.panel
            if reuse and self.parent() is None:
                self._paint_reused(painter, (out_w / w, out_h / h), fresh)
                return img
            if (out_w, out_h) != (w, h):
                # Draw the layout straight at the output resolution (crisp text, no resampling).
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.scale(out_w / w, out_h / h)
            if self.parent() is None and panel.isVisible():
                # The panel redraws only what changed since the last frame (render_into).
                rest = QRegion(self.rect()).subtracted(QRegion(panel.geometry()))
                self.render(painter, rest.boundingRect().topLeft(), rest)
                panel.render_into(painter, panel.pos())
            else:
                self.render(painter, QPoint(0, 0))
        finally:
            painter.end()
        if out_size is not None:
            return img
        if size is not None and (w, h) != tuple(size):
            img = img.scaled(
                size[0],
                size[1],
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        return img
