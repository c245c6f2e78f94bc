"""The replay window closes cleanly on Ctrl+C (SIGINT), SIGTERM or SIGHUP: a running export is
cancelled and its temporary file deleted, as the command line does (kill had left a hidden
.part file)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from racegui.export.dialog import ExportDialog
from racegui.ui.app import main_gui
from racegui.ui.main_window import MainWindow

def start_export():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.actions["export"].trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog))
    dialog.size_combo.setCurrentIndex(4)  # 640 x 360: quick, but the whole race
    dialog.path_edit.setText(sys.argv[1])
    dialog.export_button.click()

QTimer.singleShot(0, start_export)
sys.exit(main_gui(None))
"""


def _part_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)])
def test_a_stop_signal_cancels_the_export_and_closes_the_app(tmp_path, sig):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["HOME"] = env["XDG_CONFIG_HOME"] = str(tmp_path / "home")  # not the user's settings
    out = out_dir / "race.mp4"
    proc = subprocess.Popen(
        [sys.executable, "-c", APP, str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal has
    )
    try:
        deadline = time.monotonic() + 60
        while not _part_files(out_dir):  # the export is under way
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline, "the export never started"
            time.sleep(0.05)
        time.sleep(0.3)
        proc.send_signal(sig)
        code = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert code == 128 + sig, proc.stderr.read()
    assert list(out_dir.iterdir()) == []  # no part file, no half-written race.mp4
