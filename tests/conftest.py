"""Qt tests run headless; shared fixtures for tests that need the replay window."""

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from racegui.gc_control import collect_due  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    """Window settings in a temporary file, never the user's own."""
    from PySide6.QtCore import QSettings

    from racegui.ui.settings import AppSettings

    return AppSettings(QSettings(str(tmp_path / "racegui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, settings):
    """The replay window on the Breaking4 demo, shown and active."""
    from racegui.ui.app import ensure_app
    from racegui.ui.loading import load_replay
    from racegui.ui.main_window import MainWindow
    from racegui.ui.ui_paths import demo_path

    ensure_app()
    win = MainWindow(load_replay(demo_path()), settings, theme="dark")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


@pytest.fixture(autouse=True)
def _flush_deferred_deletes():
    """Delete the widgets a test closed (pytest-qt calls deleteLater, which only an event
    loop would carry out): windows left alive slow every later palette change."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    collect_due()  # between tests, as the app collects between frames


@pytest.fixture(scope="session", autouse=True)
def _no_collection_mid_test():
    """No automatic garbage collection during a test, as in the app (racegui.gc_control):
    an earlier test's panels collected while a pace chart painted crashed the run in
    QPainter::restore (about 1 run in 2 of some files; once in the whole suite)."""
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()
