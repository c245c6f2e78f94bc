"""Menus and dialogs take the window's theme; exports do not depend on it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyle

from racegui.export.dialog import ExportDialog
from racegui.export.scene_source import SceneFrameSource
from racegui.ui.app import ensure_app
from racegui.ui.chrome_palette import ChromeStyle, apply_chrome, chrome_palette
from racegui.ui.legible import contrast_ratio
from racegui.ui.loading import load_replay
from racegui.ui.main_window import MainWindow
from racegui.ui.settings import AppSettings
from racegui.ui.theme import DARK, LIGHT
from racegui.ui.ui_paths import demo_path

Role = QPalette.ColorRole


@pytest.fixture
def restore_palette(qapp):
    saved, style = QPalette(QApplication.palette()), QApplication.style().name() or "fusion"
    yield
    QApplication.setStyle(style)
    QApplication.setPalette(saved)


@pytest.mark.parametrize("theme", [DARK, LIGHT], ids=["dark", "light"])
def test_the_palette_keeps_text_readable(theme):
    pal = chrome_palette(theme)
    for fg, bg in [
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.ButtonText, Role.Button),
        (Role.HighlightedText, Role.Highlight),
    ]:
        assert contrast_ratio(pal.color(fg), pal.color(bg)) >= 4.5, (fg, bg)
    disabled = pal.color(QPalette.ColorGroup.Disabled, Role.Text)
    assert contrast_ratio(disabled, pal.color(Role.Text)) > 1.5  # greyed out, visibly


def test_dialogs_follow_the_window_theme(qtbot, tmp_path, restore_palette):
    ensure_app()
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(load_replay(demo_path()), settings, theme="dark")
    qtbot.addWidget(window)
    dialog = ExportDialog(window.replay, start_dir=tmp_path, parent=window)
    qtbot.addWidget(dialog)
    assert dialog.palette().color(Role.Window).lightness() < 60
    assert dialog.palette().color(Role.WindowText).lightness() > 200
    window.set_theme("light")
    light = ExportDialog(window.replay, start_dir=tmp_path, parent=window)
    qtbot.addWidget(light)
    assert light.palette().color(Role.Window).lightness() > 200
    assert light.palette().color(Role.WindowText).lightness() < 60


def test_an_export_does_not_depend_on_the_window_theme(qapp, restore_palette):
    replay = load_replay(demo_path())
    frames = []
    for chrome in (None, DARK, LIGHT):  # headless (Qt's own look), then a window's themes
        if chrome is not None:
            apply_chrome(qapp, chrome)
        source = SceneFrameSource(replay, DARK, (640, 360))
        try:
            frames.append(source.frame_at(100.0).copy())
        finally:
            source.close()
    assert np.array_equal(frames[0], frames[1]) and np.array_equal(frames[0], frames[2])


def test_dialog_buttons_have_no_stock_icons_once_themed(qapp, restore_palette):
    apply_chrome(qapp, DARK)
    hint = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons
    assert QApplication.style().styleHint(hint) == 0
    apply_chrome(qapp, LIGHT)  # theming again keeps one proxy, not a proxy of a proxy
    assert isinstance(QApplication.style(), ChromeStyle)
    assert not isinstance(QApplication.style().baseStyle(), ChromeStyle)
