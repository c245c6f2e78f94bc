"""The replay window's presentation mode and full screen (a mixin of MainWindow).

Presentation mode: full screen, type sized to the screen (presentation_scale), no menu bar,
the transport bar docked below the track (BarDock) and hidden, with the pointer, after
HIDE_CONTROLS_MS of stillness. Full screen alone keeps the window's layout; leaving either
goes back to the window as it was (maximised or not).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from racegui.ui.bar_dock import BarDock
from racegui.ui.presentation import (
    PRESENTATION_HEIGHT_PX,
    PRESENTATION_WIDTH_PX,
    presentation_scale,
)

HIDE_CONTROLS_MS = 2000
"""How long (ms) presentation mode's controls and pointer stay after the last move or key."""


class PresentationMixin:
    """Presentation mode and full screen for a QMainWindow with `scene` (ReplayScene),
    `controls` (TransportBar, in the central widget's layout), `clock` (PlaybackClock) and
    `actions` (window_actions.build_actions); call _set_up_presentation once they exist."""

    def _set_up_presentation(self) -> None:
        """The mode's state: off, the bar in the layout, no full screen to come back from."""
        self._bar_dock = BarDock(self.controls, self.scene.track)
        """Presentation mode's bar, out of the layout below the track (see _dock_controls)."""
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(HIDE_CONTROLS_MS)
        self._hide_timer.timeout.connect(self._on_hide_timer_timeout)
        self._presentation = False
        self._restore_maximized = False
        """Whether leaving full screen goes back to a maximised window (it was one)."""
        self._windowed_geometry: QByteArray | None = None
        """The window's geometry before it went full screen: what closing then saves."""

    def set_presentation(self, on: bool) -> None:
        """Full screen, type sized to the screen (1.4 times the window's on a 1920x1080
        screen, in proportion to the height on others, or to the width on one narrower than
        PRESENTATION_WIDTH_PX: see presentation_scale), no menu bar, controls that hide after
        2 s of stillness."""
        self._presentation = bool(on)
        self.actions["presentation"].setChecked(on)
        if on:
            screen = self.screen()
            size = screen.size() if screen is not None else None
            if size is None:
                self._fit_presentation(PRESENTATION_WIDTH_PX, PRESENTATION_HEIGHT_PX)
            else:
                self._fit_presentation(size.width(), size.height())
        else:
            self.scene.set_scale(1.0, presentation=False)
        self.menuBar().setVisible(not on)
        self.scene.set_panel_cue(not on)  # no note to the user before an audience
        self.scene.speed_pill.show_speed(self.clock.speed, on)  # the audience's "4× speed"
        self.scene.panel.set_static(on)  # "+ 4 more" for an audience, not a scroll bar
        self._dock_controls(on)
        app = QApplication.instance()
        if on:
            app.installEventFilter(self)
            self._hide_timer.start()
            self._show_full_screen()
        else:
            app.removeEventFilter(self)
            self._hide_timer.stop()
            self.controls.setVisible(True)
            self.unsetCursor()
            if not self.actions["fullscreen"].isChecked():
                self._leave_full_screen()

    def lay_out_presentation(self, width: int, height: int) -> None:
        """Lay the window out as presentation mode on a width x height px screen, with its
        controls hidden as after 2 s of stillness, but not full screen and with no timer (a
        screenshot of presentation mode)."""
        self._fit_presentation(width, height)
        self.scene.set_panel_cue(False)
        self.scene.panel.set_static(True)
        self.menuBar().setVisible(False)
        self._dock_controls(True)
        self.controls.setVisible(False)

    def _dock_controls(self, on: bool) -> None:
        """Presentation mode's transport bar (on): out of the layout, over a strip the scene
        leaves free below the track, so that showing and hiding it moves nothing and covers
        neither the track nor the panel (in the layout it shrank the scene: the panel's last
        rows went under a scroll bar and the track jumped up; presenter's review). Off: back
        below the scene, across the window."""
        if on == self._bar_dock.docked:
            return
        layout = self.centralWidget().layout()
        if on:
            layout.removeWidget(self.controls)
            self.scene.set_bottom_room(self._bar_dock.height())
            self._bar_dock.set_docked(True)  # and placed as the track's size settles
        else:
            self._bar_dock.set_docked(False)
            self.scene.set_bottom_room(0)
            layout.addWidget(self.controls, 0)

    def _fit_presentation(self, width: float, height: float) -> None:
        """Presentation scale for a full-screen window of this size (px), if it changed."""
        scale = presentation_scale(width, height)
        if abs(scale - self.scene.scale) > 1e-3:
            self.scene.set_scale(scale, presentation=True)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._presentation:
            # Moved to a projector, or the screen's resolution changed (mirroring a 720p
            # projector): the scale follows the screen, as when presentation began.
            self._fit_presentation(self.width(), self.height())

    def _show_full_screen(self) -> None:
        """Full screen, remembering whether the window was maximised."""
        if not self.isFullScreen():
            self._restore_maximized = self.isMaximized()
            self._windowed_geometry = self.saveGeometry()
        self.showFullScreen()

    def _leave_full_screen(self) -> None:
        """Back from full screen to the window as it was: maximised or not. A window not
        full screen is left as it is (Esc had un-maximised a maximised window)."""
        if not self.isFullScreen():
            return
        if self._restore_maximized:
            self.showMaximized()
        else:
            self.showNormal()

    def _on_fullscreen_toggled(self, on: bool) -> None:
        if on:
            self._show_full_screen()
        elif not self._presentation:
            self._leave_full_screen()

    def _on_leave_fullscreen(self) -> None:
        if self._presentation:
            self.set_presentation(False)
        self.actions["fullscreen"].setChecked(False)
        self._leave_full_screen()

    def _on_hide_timer_timeout(self) -> None:
        if not self._presentation:
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._hide_timer.start()  # a button held (the seek handle): not while it is down
        else:
            self.controls.setVisible(False)
            self.setCursor(Qt.CursorShape.BlankCursor)

    def _flash_controls(self) -> None:
        """In presentation mode with the controls hidden, show them (play or pause, speed)
        for HIDE_CONTROLS_MS: a presenter's Space or + from the keyboard had changed the
        playback with nothing on screen to say so. The pointer stays hidden."""
        if not self._presentation:
            return
        self.controls.setVisible(True)
        self._hide_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._presentation and event.type() == QEvent.Type.MouseMove:
            if not self.controls.isVisible():
                self.controls.setVisible(True)
                self.unsetCursor()
            self._hide_timer.start()
        return False
