"""The export dialog starts with the window's theme, unless the user picked another in the
dialog for the last export of the same race in this session (a laptop and keyboard user's
review: switched to light with D, the window opened Export on dark, the theme of an export
made in an earlier session)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from racegui.export.window_export import install_export, open_export_dialog
from racegui.resources_path import demo_race_path


def _dialog(window, qtbot):
    dlg = open_export_dialog(window)
    qtbot.addWidget(dlg)
    return dlg


def _export_still(dlg, path) -> None:
    dlg.path_edit.setText(str(path))
    assert dlg.run_export(dlg.options()) is not None
    dlg.close()


def _pick(qtbot, dlg, theme: str) -> None:
    """The user picks `theme` in the dialog's list with the keyboard."""
    combo = dlg.theme_combo
    key = Qt.Key.Key_Down if theme == "light" else Qt.Key.Key_Up
    qtbot.keyClick(combo, key)
    assert combo.currentText() == theme


def test_the_window_s_theme_wins_over_an_earlier_session_s_export(window, qtbot, tmp_path):
    """An export made in an earlier session (its theme in the settings, as they had kept
    it): the window switched to light with D opens Export on light."""
    install_export(window)
    window.settings.store.setValue("export/theme", "dark")  # as a previous version kept it
    assert window.theme_name == "dark"
    qtbot.keyClick(window, Qt.Key.Key_D)
    assert window.theme_name == "light"
    dlg = _dialog(window, qtbot)
    assert dlg.theme_combo.currentText() == "light" and dlg.options().theme == "light"
    _export_still(dlg, tmp_path / "a.png")  # exported on the window's theme
    window.set_theme("dark")
    assert _dialog(window, qtbot).options().theme == "dark"  # it follows the window


def test_a_theme_picked_in_the_dialog_stays_for_the_race(window, qtbot, tmp_path):
    """Picked in the dialog over the window's and exported: the next dialog of the same race
    starts with it whatever the window shows; for another race, the window's."""
    install_export(window)
    dlg = _dialog(window, qtbot)
    _pick(qtbot, dlg, "light")
    assert dlg.chosen_theme == "light"
    _export_still(dlg, tmp_path / "a.png")
    assert _dialog(window, qtbot).options().theme == "light"  # the window is dark
    window.switch_theme()
    window.switch_theme()  # light and back: still the user's light
    assert _dialog(window, qtbot).options().theme == "light"
    assert window.open_path(demo_race_path().with_name("kipyegon-wr-2023.json"))
    assert _dialog(window, qtbot).options().theme == "dark"


def test_the_window_s_theme_picked_again_follows_the_window(window, qtbot, tmp_path):
    """Light picked, then dark (the window's) again: no choice of the user's is kept, and
    the next dialog follows the window to light."""
    install_export(window)
    dlg = _dialog(window, qtbot)
    _pick(qtbot, dlg, "light")
    _pick(qtbot, dlg, "dark")
    assert dlg.chosen_theme is None
    _export_still(dlg, tmp_path / "a.png")
    window.set_theme("light")
    assert _dialog(window, qtbot).options().theme == "light"


def test_a_theme_picked_but_not_exported_is_not_kept(window, qtbot):
    """Closed without an export, the dialog's options are not kept (as for its others)."""
    install_export(window)
    dlg = _dialog(window, qtbot)
    _pick(qtbot, dlg, "light")
    dlg.close()
    assert _dialog(window, qtbot).options().theme == "dark"
