"""Start the replay window, or render it once to an image file (PNG, JPEG, WebP or BMP; works
with QT_QPA_PLATFORM=offscreen)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QImageWriter
from PySide6.QtWidgets import QApplication, QMessageBox

from racegui.cli_output import to_stderr
from racegui.cli_text import TypedTime, after_end_text, stand_in_note
from racegui.export.dialog import ExportDialog
from racegui.export.window_export import install_export
from racegui.io.atomic import cannot_write, missing_folder, write_bytes_atomic
from racegui.io.replay_file import compare_options, is_splits_csv
from racegui.model.follow import following_named
from racegui.model.replay import Replay, comparison_problem
from racegui.model.timefmt import within_end
from racegui.stop_signals import install, restore
from racegui.ui.background_load import load_while_drawing
from racegui.ui.chrome_palette import apply_chrome
from racegui.ui.csv_dialog import open_csv
from racegui.ui.fonts import load_bundled_fonts
from racegui.ui.gc_timer import GuiThreadCollection
from racegui.ui.icons import app_icon
from racegui.ui.loading import LoadError, error_text, load_replay
from racegui.ui.main_window import MainWindow
from racegui.ui.settings import APPLICATION, DISPLAY_NAME, ORGANISATION, AppSettings
from racegui.ui.theme import theme_named
from racegui.ui.ui_paths import demo_path

DEFAULT_SHOT_SIZE = (1600, 900)
SHOT_FORMATS = {
    ".png": ("png", -1),
    ".jpg": ("jpeg", 92),
    ".jpeg": ("jpeg", 92),
    ".webp": ("webp", 92),
    ".bmp": ("bmp", -1),
}
"""Screenshot suffix -> (Qt image format, quality 0-100 or -1 for Qt's default): lossy
formats at a quality that keeps the small type of the panel crisp (Qt's default is 75)."""


STOP_POLL_MS = 200
"""How often (ms) the event loop lets Python run, so a stop signal is heard (Qt's loop is C++:
a Python signal handler runs only when Python code does)."""


class StopSignals(QObject):
    """Closes the app cleanly on Ctrl+C (SIGINT), SIGTERM or SIGHUP, the way Cancel and Quit
    do (see racegui.stop_signals).

    A running export is cancelled first (its temporary file is deleted: kill had left a
    hidden .NAME.mp4.XXXX.part beside the output); then every window closes (the replay
    window saves its settings) and the app exits with 128 + the signal's number. The handler
    only notes the signal; a timer acts on it between events (an exception raised in the
    handler could land inside a Qt paint call, where it is swallowed). A signal already
    ignored (nohup) stays ignored.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.received: list[int] = []
        self._previous = install(self._on_signal)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start(STOP_POLL_MS)

    def _on_signal(self, signum: int, _frame: object) -> None:
        self.received.append(signum)

    def _on_timer_timeout(self) -> None:
        if self.received:
            self.stop()

    def stop(self) -> None:
        """Cancel running exports; once none runs, close every window and exit the app."""
        running = [w for w in _export_dialogs() if w.running]
        for dialog in running:
            dialog.request_cancel()
        if running:
            return  # asked again on the next tick, once the export has unwound
        self._timer.stop()
        app = QApplication.instance()
        app.closeAllWindows()
        app.exit(128 + self.received[0] if self.received else 0)

    def uninstall(self) -> None:
        """Put back the handlers there were before."""
        self._timer.stop()
        restore(self._previous)
        self._previous = {}


def _export_dialogs() -> list[ExportDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog)]


def ensure_app() -> QApplication:
    """The QApplication (created once), named for QSettings, antialiased, with its icon."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setWindowIcon(app_icon())
    load_bundled_fonts()
    pg.setConfigOptions(antialias=True)
    return app


def show_start_error(message: str) -> None:
    """A message box saying why the window cannot open (for a launcher with no console)."""
    ensure_app()
    apply_chrome(QApplication.instance(), theme_named(AppSettings().theme))
    QMessageBox.critical(None, "Cannot start racegui", message)


def render_window(window: MainWindow, t: float, size: tuple[int, int]) -> QImage:
    """The whole window at race time t (s) as a QImage of exactly size=(w, h) px, offscreen."""
    w, h = size
    if not window.isVisible():
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.show()
    window.resize(w, h)
    QApplication.processEvents()
    window.centralWidget().layout().activate()
    window.clock.seek(t)
    window.show_time(window.clock.time())
    QApplication.processEvents()
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.setDevicePixelRatio(1.0)
    img.fill(QColor(window.scene.theme.background))
    window.render(img)
    return img


def _writable_formats() -> dict[str, tuple[str, int]]:
    """The SHOT_FORMATS this Qt can write (WebP needs Qt's image-format plugin)."""
    have = {bytes(f).decode("ascii").lower() for f in QImageWriter.supportedImageFormats()}
    return {suffix: fq for suffix, fq in SHOT_FORMATS.items() if fq[0] in have}


def shot_format(out: Path) -> tuple[str, int] | str:
    """(Qt format, quality) for a screenshot named out, by its suffix; or, for a suffix
    that names no image format racegui writes, the one-line message saying so."""
    formats = _writable_formats()
    found = formats.get(out.suffix.lower())
    if found is not None:
        return found
    what = f"{out.suffix!r} is not" if out.suffix else "a name without a suffix is not"
    *most, last = formats
    return (
        f"racegui: --screenshot {out}: {what} an image type racegui writes "
        f"(use {', '.join(most)} or {last})"
    )


def _encoded(img: QImage, fmt: str, quality: int) -> bytes | None:
    """img as the bytes of an image file of format fmt (None if Qt cannot encode it)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = img.save(buffer, fmt, quality)
    buffer.close()
    return bytes(data.data()) if ok else None


def _save_shot(img: QImage, out: Path, fmt: str, quality: int) -> int:
    """Write img to out atomically (never a half-written file); 0, or 2 with one line."""
    data = _encoded(img, fmt, quality)
    if data is None:
        to_stderr(f"racegui: cannot encode the screenshot as {fmt.upper()}")
        return 2
    try:
        write_bytes_atomic(out, data)
    except OSError as exc:
        to_stderr(cannot_write(out, exc))
        return 2
    return 0


def _screenshot(
    file: Path | None,
    compare: Path | None,
    out: Path,
    t: float,
    size: tuple[int, int],
    theme: str | None,
    presentation: bool,
    follow: str | None = None,
    distance_m: float | None = None,
) -> int:
    fmt = shot_format(out)
    if isinstance(fmt, str):  # refused before anything is loaded or drawn
        to_stderr(fmt)
        return 2
    try:
        if file is not None and is_splits_csv(file):  # as its dialog starts: no dialog
            replay = open_csv(file, ask=False, distance_m=distance_m, on_guess=to_stderr)
        else:
            replay = load_replay(file if file is not None else demo_path())
        other = load_replay(compare, compare_options(replay)) if compare is not None else None
    except LoadError as exc:
        to_stderr(f"racegui: {exc}")
        return 2
    replay = following_named(replay, follow)
    problem = comparison_problem(replay, other) if other is not None else None
    if problem is not None:
        to_stderr(f"racegui: --compare {compare}: {problem}")
        return 2
    note = stand_in_note(replay, other, compare) if other is not None else ""
    if note:
        to_stderr(f"racegui: note: {note}")
    try:  # said before drawing
        why = None if out.parent.is_dir() else missing_folder(out)
    except OSError as exc:  # a folder name longer than the file system allows
        why = exc
    if why is not None:
        to_stderr(cannot_write(out, why))
        return 2
    shown = within_end(t, replay.duration_s)
    if shown is None:  # the window would show the end instead
        to_stderr("racegui: " + after_end_text("--time", t, replay.duration_s))
        return 2
    t = shown
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(QSettings(str(Path(tmp) / "shot.ini"), QSettings.Format.IniFormat))
        window = MainWindow(replay, settings, path=file, theme=theme or "dark")
        # A picture of any size the layout can draw (a 640x360 thumbnail), not only of one a
        # user can make the window: the least size is for dragging its edges.
        window.setMinimumSize(0, 0)
        if other is not None:
            window.set_compare(other, compare)
        if presentation:
            window.lay_out_presentation(*size)
        img = render_window(window, t, size)
        drawn = (window.width(), window.height())
        window.close()
        window.deleteLater()
    if drawn[0] > size[0] or drawn[1] > size[1]:  # Qt kept the window at its least size
        least = f"{max(drawn[0], size[0])}x{max(drawn[1], size[1])}"
        to_stderr(
            f"racegui: --size {size[0]}x{size[1]} is smaller than the window can be drawn "
            f"(at least {least}); nothing was written"
        )
        return 2
    return _save_shot(img, out, *fmt)


def _interactive(
    file: Path | None,
    compare: Path | None,
    theme: str | None,
    presentation: bool,
    follow: str | None = None,
    reopen_last: bool = False,
    distance_m: float | None = None,
) -> int:
    app = QApplication.instance()
    settings = AppSettings()
    theme = theme or settings.theme
    apply_chrome(app, theme_named(theme))  # a message about a bad file comes before the window
    replay: Replay | None = None
    problem: str | None = None
    if file is None and reopen_last:
        file = last_race_file(settings)
    if file is not None:
        try:  # a CSV's dialog before the window: the race it reads is the window's
            # Read off the GUI thread: a big file shows its "Reading NAME…" box at once.
            if is_splits_csv(file):
                replay = open_csv(file, distance_m=distance_m, on_guess=to_stderr)
            else:
                replay = load_while_drawing(None, file)
        except LoadError as exc:
            problem = error_text(exc) + "\n\nShowing the demo race instead."
        if replay is None:
            file = None
            follow = None  # a runner of the file, not of the demo
    if replay is None:
        replay = load_replay(demo_path())
    replay = following_named(replay, follow)
    window = MainWindow(replay, settings, path=file, theme=theme)
    install_export(window)
    window.show()
    if presentation:
        window.set_presentation(True)
    # Said over the window, which is there behind it (a box alone on the screen, with the
    # window only after OK, looked like the app had not started).
    if problem is not None:
        QMessageBox.critical(window, "Cannot open race", problem)
    window.show_reading_notes()
    if compare is not None and window.open_compare(compare):
        note = stand_in_note(window.replay, window.compare, compare)
        if note:
            to_stderr(f"racegui: note: {note}")
    stop = StopSignals(app)
    collection = GuiThreadCollection(app)
    try:
        return app.exec()
    finally:
        collection.stop()
        stop.uninstall()


def last_race_file(settings: AppSettings) -> Path | None:
    """The race file opened last (first in Open Recent), to open again at launch: None if
    it is a splits CSV (its dialog would come before the window) or no longer a file."""
    recent = settings.recent_files
    if not recent:
        return None
    path = Path(recent[0])
    try:
        usable = path.is_file() and not is_splits_csv(path)
    except (OSError, ValueError):
        usable = False
    return path if usable else None


def main_gui(
    file: Path | None,
    *,
    compare: Path | None = None,
    screenshot: Path | None = None,
    time_s: float | None = None,
    size: tuple[int, int] | None = None,
    theme: str | None = None,
    presentation: bool = False,
    follow: str | None = None,
    reopen_last: bool = False,
    distance_m: float | None = None,
) -> int:
    """Run the replay window for FILE (None: the Breaking4 demo, or with `reopen_last` the
    race file opened last, see last_race_file); returns the exit code.

    With `screenshot`, render the window at race time `time_s` (s, default 0) and `size`
    (w, h px, default 1600x900) to that image file without showing it, in the format its
    suffix names (SHOT_FORMATS), and return 0 (2 for a bad file or suffix, with one line on
    stderr). `theme` is "dark" or "light"; `presentation` starts in
    presentation mode (for a screenshot: no menu bar or controls, bigger type). `follow`
    names the runner the window follows (see model.follow.runner_named): FollowError,
    before any window shows or file is written, if she is none of FILE's runners.
    `distance_m` (m): a splits CSV FILE's race distance, as racegui import's --distance (None:
    the CSV's own, or the race a lap CSV's laps fit best, said on stderr where no dialog
    shows it).
    """
    if theme is not None:
        theme_named(theme)  # ValueError for an unknown name, before any window
    ensure_app()
    file = Path(file) if file is not None else None
    compare = Path(compare) if compare is not None else None
    if screenshot is not None:
        return _screenshot(
            file,
            compare,
            Path(screenshot),
            time_s if isinstance(time_s, TypedTime) else float(time_s or 0.0),
            size or DEFAULT_SHOT_SIZE,
            theme,
            presentation,
            follow,
            distance_m,
        )
    return _interactive(file, compare, theme, presentation, follow, reopen_last, distance_m)
