"""The replay window: the ReplayScene, the transport bar, menus, shortcuts and file handling.

One 16 ms precise QTimer ticks the PlaybackClock while playing; every change of race time
(tick, seek, step) arrives as clock.time_changed and is fanned out to the scene and controls.
Its race files (open, compare, save as, drop) are window_files's, its presentation mode and
full screen window_presentation's, its actions and menus window_actions's.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
import PySide6
from PySide6.QtCore import QMargins, QSize, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from racegui import __version__
from racegui.model import analysis
from racegui.model.replay import Replay, comparison_problem
from racegui.ui.chrome_palette import apply_chrome
from racegui.ui.clock import PlaybackClock
from racegui.ui.controls import TransportBar
from racegui.ui.file_dialogs import open_file_name, save_file_name
from racegui.ui.follow_menu import fill_follow_menu
from racegui.ui.goto_time import GoToTimeDialog
from racegui.ui.help_dialog import HelpDialog
from racegui.ui.icons import app_icon
from racegui.ui.panel.splits_table import COMPARE_NAME, MODE_NAMES
from racegui.ui.presentation import presentation_scale as presentation_scale  # tests use it
from racegui.ui.race_notes import RaceNotesDialog
from racegui.ui.save_race import SAVE_FILTER, suggested_name
from racegui.ui.scene import ReplayScene
from racegui.ui.screen_room import fitted, frame_margins, room
from racegui.ui.settings import DISPLAY_NAME, AppSettings
from racegui.ui.theme import theme_named
from racegui.ui.window_actions import SPLITS_ACTIONS, build_actions, build_menus
from racegui.ui.window_files import RaceFilesMixin
from racegui.ui.window_presentation import PresentationMixin

FRAME_MS = 16
STEP_S = 0.1
JUMP_S = 5.0
FILE_FILTER = (
    "Race files (*.json *.csv *.txt *.tsv);;Race JSON (*.json);;Splits CSV (*.csv *.txt *.tsv)"
    ";;All files (*)"
)
"""The file dialogs' filters: any of these is read for what it holds (io.file_kind)."""


FIRST_SIZE_PX = (1440, 860)
"""The window's size on first launch (px), where the screen has room for it."""
FIRST_SIZE_SHARE = 0.92
"""At most this share of the screen's available width and height on first launch."""
MIN_SIZE_PX = (640, 640)
"""The window's least size (px): half a 1280 px screen wide (a window snapped beside another
shows the track alone, with a note that the panel needs more width), and as high as the
demo's side panel needs beside the track with every card whole and its splits table at its
least two rows (lower, the panel scrolled; at the 132 px Qt had allowed, the track was gone
and the controls were all that was left)."""
FRAME_SETTLE_MS = 300
"""How long (ms) after the window first shows its frame is taken as drawn (see
MainWindow._keep_on_screen): the window manager frames a window after it is mapped."""
SHORT_MIN_HEIGHT_PX = 400
"""The window's least height (px) on a screen with no room for MIN_SIZE_PX's with the
window's frame (a 1366x768 laptop at 125% or 150% scale is 614 or 512 px high): the track
about 330 px high between the menu bar and the controls, the panel beside it scrolling.
As high as the screen, the window's least size had put its controls under the screen's
bottom edge, below its title bar, and no window could be made shorter."""


def first_size(screen: QScreen | None, frame: QMargins | None = None) -> QSize:
    """The window's first size: FIRST_SIZE_PX, made smaller to fit the screen's available
    area with the window's frame (FRAME_GUESS if None): a 1440x860 window ran off a
    1366x768 laptop or 1280x720 projector, hiding the controls."""
    w, h = FIRST_SIZE_PX
    space = room(screen, frame)
    if screen is not None and space is not None:
        area = screen.availableGeometry()
        w = min(w, round(area.width() * FIRST_SIZE_SHARE), space.width())
        h = min(h, round(area.height() * FIRST_SIZE_SHARE), space.height())
    return QSize(w, h)


def minimum_size(screen: QScreen | None, frame: QMargins | None = None) -> QSize:
    """The window's least size: MIN_SIZE_PX where the screen's available area holds it with
    the window's frame (FRAME_GUESS if None); SHORT_MIN_HEIGHT_PX high where it does not;
    never more than that area (see screen_room.room), so that the window always fits."""
    w, h = MIN_SIZE_PX
    space = room(screen, frame)
    if space is not None:
        if space.height() < h:
            h = SHORT_MIN_HEIGHT_PX
        w, h = min(w, space.width()), min(h, space.height())
    return QSize(w, h)


def about_text() -> str:
    """The About box: what racegui is, its version and the Qt it runs on (for bug reports)."""
    return (
        f"<b>racegui {__version__}</b><br>Replays middle-distance races on a to-scale 400 m "
        "track: runner, pacers and the target pacing light.<br><br>"
        f"PySide6 {PySide6.__version__}, Qt {qVersion()}, pyqtgraph {pg.__version__}"
    )


def recent_labels(paths: list[str]) -> list[str]:
    """Menu labels for recent files: the file name, and where two share a name as many of its
    folders as it takes to tell them apart ("race.json  (usb/races)")."""
    names = [Path(p).name for p in paths]
    labels = []
    for p, name in zip(paths, names, strict=True):
        twins = [Path(q).parent.parts for q, n in zip(paths, names, strict=True) if n == name]
        if len(twins) == 1:
            labels.append(name)
            continue
        parts = Path(p).parent.parts
        for k in range(1, len(parts) + 1):  # fewest trailing folders that differ
            if sum(t[-k:] == parts[-k:] for t in twins) == 1:
                break
        labels.append(f"{name}  ({Path(*parts[-k:]).as_posix() if parts else '/'})")
    return labels


class MainWindow(PresentationMixin, RaceFilesMixin, QMainWindow):
    """Replay window for one race, with an optional comparison race."""

    export_requested = Signal()
    """File > Export… was chosen (enabled once an exporter calls add_export_action)."""
    replay_changed = Signal(object)
    """A new Replay is shown (after Open or drop, or following another runner)."""

    def __init__(
        self,
        replay: Replay,
        settings: AppSettings | None = None,
        *,
        path: Path | None = None,
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else AppSettings()
        self.replay = replay
        self.path = path
        self.compare: Replay | None = None
        self.compare_path: Path | None = None
        """The compared race's file (None: no comparison, or one not read from a file)."""
        self.theme_name = theme or self.settings.theme
        th = theme_named(self.theme_name)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.clock = PlaybackClock(replay.duration_s, self)
        self.actions = build_actions(self)
        self.scene = ReplayScene(replay, th, panel=self.settings.panel)
        self.scene.set_panel_cue(True)  # a panel squeezed out says so (not in presentation)
        self.controls = TransportBar(self.actions, th)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scene, 1)
        layout.addWidget(self.controls, 0)
        self.setCentralWidget(central)
        self.menus = build_menus(self, self.actions, self._fill_recent_menu, self.set_speed)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._set_up_presentation()
        self._resume_after_scrub = False
        """Whether playback paused by pressing the seek bar's handle goes on when let go."""
        self._goto_dialog: GoToTimeDialog | None = None
        """Playback > Go to Time…'s dialog while it is open."""
        self._shown_once = False
        self._connect()
        self._apply_settings()
        self._set_replay(replay, path)
        if path is not None:  # given on the command line: as recent as one opened here
            self._remember_opened(path)
        self.setMinimumSize(minimum_size(self.screen()))
        self.resize(first_size(self.screen()))
        # The window itself has the keyboard focus (its keys are its shortcuts), so that
        # activating it does not put the focus on its one Tab stop, the splits table, which
        # would then take Page Up/Down from the window; Tab goes to the table and back.
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
            # Saved full screen (by a version before _windowed_geometry): a window, not an
            # unticked borderless full screen that leaving presentation mode then shrank.
            full = Qt.WindowState.WindowFullScreen
            if self.windowState() & full:
                self.setWindowState(self.windowState() & ~full)

    # --- wiring ---------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions
        c = self.clock
        c.time_changed.connect(self._on_clock_time_changed)
        c.state_changed.connect(self._on_clock_state_changed)
        c.speed_changed.connect(self._on_clock_speed_changed)
        c.loop_changed.connect(a["loop"].setChecked)
        a["play"].triggered.connect(lambda: c.toggle())
        a["restart"].triggered.connect(c.restart)
        a["loop"].toggled.connect(c.set_loop)
        a["step_back"].triggered.connect(lambda: c.step(-STEP_S))
        a["step_forward"].triggered.connect(lambda: c.step(STEP_S))
        a["jump_back"].triggered.connect(lambda: c.seek(c.time() - JUMP_S))
        a["jump_forward"].triggered.connect(lambda: c.seek(c.time() + JUMP_S))
        a["prev_event"].triggered.connect(self.previous_event)
        a["next_event"].triggered.connect(self.next_event)
        a["faster"].triggered.connect(c.faster)
        a["slower"].triggered.connect(c.slower)
        a["home"].triggered.connect(lambda: c.seek(0.0))
        a["end"].triggered.connect(self.go_to_end)
        a["goto_time"].triggered.connect(self.go_to_time)
        a["labels"].toggled.connect(self._on_labels_toggled)
        a["trails"].toggled.connect(self._on_trails_toggled)
        a["panel"].toggled.connect(self._on_panel_toggled)
        a["pocket"].toggled.connect(self._on_pocket_toggled)
        a["theme_dark"].triggered.connect(lambda: self.set_theme("dark"))
        a["theme_light"].triggered.connect(lambda: self.set_theme("light"))
        # A key for it: in presentation mode, with no menu bar, the theme was out of reach
        # without leaving it (presenter's review).
        a["switch_theme"].triggered.connect(self.switch_theme)
        a["presentation"].toggled.connect(self.set_presentation)
        a["fullscreen"].toggled.connect(self._on_fullscreen_toggled)
        a["leave_fullscreen"].triggered.connect(self._on_leave_fullscreen)
        a["open"].triggered.connect(self._on_open_triggered)
        a["save_as"].triggered.connect(self._on_save_as_triggered)
        a["compare"].triggered.connect(self._on_compare_triggered)
        a["clear_compare"].triggered.connect(self.clear_compare)
        a["clear_compare"].setEnabled(False)  # nothing to clear until a comparison is set
        a["export"].triggered.connect(self.export_requested)
        a["quit"].triggered.connect(self.close)
        a["help"].triggered.connect(self.show_help)
        a["race_notes"].triggered.connect(self.show_race_notes)
        a["about"].triggered.connect(self._on_about_triggered)
        for mode, name in enumerate(SPLITS_ACTIONS):
            a[name].triggered.connect(lambda _=False, m=mode: self.scene.panel.splits.set_mode(m))
        self.controls.seek_requested.connect(c.seek)
        self.controls.scrub_started.connect(self._on_scrub_started)
        self.scene.panel.splits.mode_changed.connect(self._on_splits_mode_changed)
        self.scene.panel.splits.mode_chosen.connect(self._on_splits_mode_chosen)
        self.controls.scrub_finished.connect(self._on_scrub_finished)
        self.controls.speed_chosen.connect(self.set_speed)
        self.controls.time_double_clicked.connect(self.go_to_time)
        self.scene.seek_requested.connect(c.seek)

    def _apply_settings(self) -> None:
        s = self.settings
        a = self.actions
        a["labels"].setChecked(s.labels)
        a["trails"].setChecked(s.trails)
        self.scene.track.set_labels_visible(s.labels)
        self.scene.track.set_trails_visible(s.trails)
        a["pocket"].setChecked(s.pocket_cam)
        self.scene.track.set_pocket_visible(s.pocket_cam)
        a["panel"].setChecked(self.scene.panel_visible())
        a[f"theme_{self.theme_name}"].setChecked(True)
        a["loop"].setChecked(s.loop)
        self._on_clock_speed_changed(self.clock.speed)
        self.set_theme(self.theme_name)

    # --- public API -----------------------------------------------------------------------
    def add_export_action(self, callback: Callable[[], None]) -> QAction:
        """Enable File > Export… and call callback when it is chosen."""
        action = self.actions["export"]
        action.setEnabled(True)
        action.setToolTip("Export the replay as a video or image")
        action.triggered.connect(callback)
        return action

    def show_time(self, t: float) -> None:
        """Draw race time t (s) everywhere (without moving the clock)."""
        self.scene.update_frame(t)
        self.controls.update_frame(t)

    def set_speed(self, speed: float) -> None:
        self.clock.set_speed(speed)

    def set_theme(self, name: str) -> None:
        """Switch to the "dark" or "light" theme (menus and dialogs follow it too)."""
        th = theme_named(name)
        apply_chrome(QApplication.instance(), th)
        self.theme_name = name
        self.settings.theme = name
        self.actions[f"theme_{name}"].setChecked(True)
        # The window's style sheet first: setting it polishes the children again, which gave
        # the scene back the palette it had when the first was set (the old theme's), seen
        # in presentation mode's strip below the track after a switch.
        self.setStyleSheet(
            f"QMainWindow {{ background: {th.background}; }}"
            f"QMenuBar {{ background: {th.controls_background}; color: {th.text}; }}"
            f"QMenuBar::item:selected {{ background: {th.slider_groove}; }}"
        )
        self.scene.set_theme(th)
        self.controls.set_theme(th)

    def switch_theme(self) -> None:
        """Dark to light or back (key D)."""
        self.set_theme("light" if self.theme_name == "dark" else "dark")

    def follow(self, athlete_id: str) -> None:
        """Follow another runner of the race shown (by id) at the same race time, playing
        on if it was (FollowError for an id that is no runner of it)."""
        replay = self.replay.following(athlete_id)
        if replay is not self.replay:
            self._set_replay(replay, self.path, keep_time=True)

    def event_times(self) -> list[float]:
        """Times (s) of the replay's events (start, laps, dropouts, finishes), sorted."""
        return self._event_times

    def next_event(self) -> None:
        """Jump to the first event after now."""
        t = self.clock.time()
        i = bisect.bisect_right(self._event_times, t + 1e-6)
        if i < len(self._event_times):
            self.clock.seek(self._event_times[i])

    def previous_event(self) -> None:
        """Jump to the last event before now."""
        t = self.clock.time()
        i = bisect.bisect_left(self._event_times, t - 1e-6)
        if i > 0:
            self.clock.seek(self._event_times[i - 1])

    def go_to_end(self) -> None:
        """End: the race's end (the last runner's finish, where an export ends: 4:06.42 in
        the demo); pressed there, the replay's end, once the runners have slowed to a stop.
        End had gone 4 s past the finish, the runner drawn 20 m beyond the line (presenter's
        review)."""
        clock, end = self.clock, self.replay.race_end_s
        clock.seek(end if clock.time() < end - 1e-6 else clock.duration_s)

    def go_to_time(self) -> GoToTimeDialog:
        """Playback > Go to Time… (Ctrl+G, or a double-click on the time): a dialog, not
        blocking, prefilled with the race time shown; Enter seeks to the time typed as
        --time reads it, playing on if it was, as the other seeks do. One open is raised."""
        if self._goto_dialog is not None:
            self._goto_dialog.raise_()
            self._goto_dialog.activateWindow()
            return self._goto_dialog
        dialog = GoToTimeDialog(self.clock.time(), self.clock.duration_s, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.time_chosen.connect(self.clock.seek)
        dialog.finished.connect(self._on_goto_dialog_finished)
        self._goto_dialog = dialog
        dialog.open()  # window-modal: the window's keys wait until it is closed
        return dialog

    def _on_goto_dialog_finished(self, _result: int) -> None:
        self._goto_dialog = None

    def show_help(self) -> None:
        HelpDialog(self).exec()

    def show_race_notes(self) -> None:
        """Help > About this race: the race file's notes and sources."""
        RaceNotesDialog(self.replay.race, self).exec()

    # --- internals ------------------------------------------------------------------------
    def _set_replay(self, replay: Replay, path: Path | None, keep_time: bool = False) -> None:
        """Show replay (from path), at race time 0 or, with keep_time, at the time shown."""
        t = self.clock.time() if keep_time else 0.0
        self.replay = replay
        self.path = path
        # Exact times: rounded (to 1e-6 s), a dropout's time landed just before the dropout,
        # and PageDown onto it showed the pacer still running.
        self._event_times = sorted({e.time_s for e in analysis.events(replay)})
        was_playing = self.clock.playing
        self.clock.pause()
        self.clock.set_duration(replay.duration_s)
        # The tab last chosen for this file (Laps for a new one), not another race's; the
        # same race's comparison tab, shown, stays (another runner followed: the file's tab
        # had replaced it).
        tab = self.settings.splits_for(path)
        if keep_time and self.scene.panel.splits.mode_name == COMPARE_NAME:
            tab = COMPARE_NAME
        dropped = self.compare
        problem = comparison_problem(replay, dropped) if dropped is not None else None
        if problem is not None:  # another distance, or the compared race itself
            self.set_compare(None)
        elif dropped is not None:  # her own run in it, if she ran in it too
            self.set_compare(dropped, self.compare_path)
        self.scene.set_replay(replay)
        self.scene.panel.splits.set_mode_name(tab)
        self._show_splits_mode()
        self.controls.set_replay(replay)
        fill_follow_menu(self.menus["follow"], replay, self.follow)
        self.clock.seek(t)
        self.show_time(self.clock.time())
        name = path.name if path is not None else "demo"
        if len(replay.followable) > 1:  # which of them the figures are for
            name += f", following {replay.athletes[replay.focus].name}"
        # Ending in the application's display name stops Qt adding it a second time.
        self.setWindowTitle(f"{replay.race.title} ({name}) — {DISPLAY_NAME}")
        if was_playing:
            self.clock.play()
        self.replay_changed.emit(replay)
        if problem is not None:  # it had gone without a word (user review)
            QMessageBox.information(
                self,
                "Comparison cleared",
                f"{dropped.race.title} is no longer compared: {problem}.",
            )

    def _fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        files = self.settings.recent_files
        for f, label in zip(files, recent_labels(files), strict=True):
            act = menu.addAction(label)
            act.setToolTip(f)
            act.triggered.connect(lambda _=False, p=f: self.open_path(p))
        if not files:
            menu.addAction("(none)").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear list").triggered.connect(self.settings.clear_recent)

    def _on_timer_timeout(self) -> None:
        self.clock.tick()

    def _on_clock_time_changed(self, t: float) -> None:
        self.show_time(t)

    def _on_clock_state_changed(self, playing: bool) -> None:
        self.actions["play"].setChecked(playing)
        self.controls.refresh_icons()
        self._flash_controls()
        if playing:
            self.timer.start()
        else:
            self.timer.stop()
            self.scene.track.settle_tags()  # paused: no half-faded tag copies on screen

    def _on_clock_speed_changed(self, speed: float) -> None:
        self.controls.set_speed(speed)
        self.scene.speed_pill.show_speed(speed, self._presentation)
        self._flash_controls()
        for act in self.menus["speed"].actions():
            act.setChecked(act.data() == speed)

    def _on_labels_toggled(self, on: bool) -> None:
        self.scene.track.set_labels_visible(on)
        self.settings.labels = on

    def _on_trails_toggled(self, on: bool) -> None:
        self.scene.track.set_trails_visible(on)
        self.settings.trails = on

    def _on_pocket_toggled(self, on: bool) -> None:
        self.scene.track.set_pocket_visible(on)
        self.settings.pocket_cam = on

    def _on_panel_toggled(self, on: bool) -> None:
        self.scene.set_panel_visible(on)
        self.settings.panel = on

    def _on_splits_mode_changed(self, mode: int) -> None:
        self._show_splits_mode()

    def _on_splits_mode_chosen(self, mode: int) -> None:
        """The splits tab chosen is the one this race file opens on next time."""
        self.settings.set_splits_for(self.path, MODE_NAMES[mode])

    def _show_splits_mode(self) -> None:
        """Tick the View > Splits table entry of the tab shown; Timed only where it has rows,
        the comparison only while another race is compared."""
        splits = self.scene.panel.splits
        self.actions["splits_timed"].setEnabled(splits.timed_available)
        self.actions["splits_compare"].setEnabled(splits.compare_available)
        self.actions[SPLITS_ACTIONS[splits.mode]].setChecked(True)

    def _on_scrub_started(self) -> None:
        """The replay holds still under a pressed seek handle (it had run on under the
        pointer, ahead of the time the pointer showed)."""
        self._resume_after_scrub = self.clock.playing
        if self.clock.playing:
            self.clock.pause()

    def _on_scrub_finished(self) -> None:
        if self._resume_after_scrub:
            self._resume_after_scrub = False
            self.clock.play()

    # File > Open, Save As and Compare ask for a file here; window_files reads or writes it.
    def _on_open_triggered(self) -> None:
        path, _ = open_file_name(self, "Open race", self.settings.last_folder, FILE_FILTER)
        if path:
            self.open_path(path)

    def _on_save_as_triggered(self) -> None:
        chosen, _ = save_file_name(
            self,
            "Save race as",
            suggested_name(self.path, self.replay.race.title),
            SAVE_FILTER,
        )
        if chosen:
            self.save_as(chosen)

    def _on_compare_triggered(self) -> None:
        path, _ = open_file_name(self, "Compare with race", self.settings.last_folder, FILE_FILTER)
        if path:
            self.open_compare(path)

    def _on_about_triggered(self) -> None:
        QMessageBox.about(self, "About racegui", about_text())

    # --- on screen ------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # Not a window drawn only into an image (--screenshot): that has no frame and is
        # any size the layout can draw, its least size let go. Nor on the offscreen platform,
        # which has no window manager and one fixed 800x600 screen: fitted to it 300 ms on,
        # a 1440x860 window under test narrowed its panel whenever a test waited that long.
        offscreen = self.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        offscreen = offscreen or QApplication.platformName() == "offscreen"
        if not self._shown_once and not offscreen:
            self._shown_once = True
            shown = self.size()
            QTimer.singleShot(FRAME_SETTLE_MS, self, lambda: self._keep_on_screen(shown))

    def _keep_on_screen(self, shown: QSize) -> None:
        """With the window's frame now known (FRAME_GUESS had stood for it): its least size
        for that frame, and a window still at the size it was `shown` at (its first or saved
        size, not one the user has given it since) but too big for its screen's available
        area (saved on a bigger screen, a frame bigger than guessed) made smaller and moved
        inside it, title bar and all."""
        screen = self.screen()
        if screen is None or self.windowState() != Qt.WindowState.WindowNoState:
            return  # maximised or full screen: the window manager fits it
        frame = frame_margins(self)
        self.setMinimumSize(minimum_size(screen, frame))
        if self.size() != shown:
            return
        size = fitted(self.size(), room(screen, frame))
        self.resize(size)
        area, at = screen.availableGeometry(), self.frameGeometry().topLeft()
        outer = size.grownBy(frame)
        x = max(area.left(), min(at.x(), area.right() + 1 - outer.width()))
        y = max(area.top(), min(at.y(), area.bottom() + 1 - outer.height()))
        if (x, y) != (at.x(), at.y()):
            self.move(x, y)

    # --- close ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.timer.stop()
        full = self.isFullScreen() and self._windowed_geometry is not None
        # closed full screen (or in presentation): the next launch opens as the window was
        # before, not borderless full screen with neither mode ticked (a coach's review)
        self.settings.geometry = self._windowed_geometry if full else self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.loop = self.clock.loop
        self.settings.sync()
        super().closeEvent(event)
