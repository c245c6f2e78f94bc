"""A settings file with values of the wrong type (hand-edited, or damaged) gives the defaults,
never an exception."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from racegui.ui.settings import AppSettings

PROPERTIES = (
    "theme",
    "labels",
    "trails",
    "pocket_cam",
    "panel",
    "loop",
    "recent_files",
    "last_folder",
    "export_folder",
    "export_title_card_s",
    "export_end_card_s",
    "export_presentation",
    "geometry",
    "window_state",
)
KEYS = (
    "view/theme",
    "view/labels",
    "view/trails",
    "view/pocket_cam",
    "view/panel",
    "view/splits_by_file",
    "playback/loop",
    "files/recent",
    "files/last_folder",
    "export/folder",
    "export/title_card_s",
    "export/end_card_s",
    "export/presentation",
    "window/geometry",
    "window/state",
)

TEXT = ("recent_files", "last_folder", "export_folder")
"""Settings that are text, whatever it says."""


def _settings(path, text: str) -> AppSettings:
    path.write_text(text)
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.mark.parametrize("value", ["@Rect(1 2 3 4)", "@Size(5 6)", "nan", "inf", "-1", "maybe"])
def test_every_setting_of_the_wrong_type_falls_back_to_its_default(tmp_path, value):
    """'[files] recent=@Rect(1 2 3 4)' was a TypeError in Open Recent (tester)."""
    defaults = _settings(tmp_path / "empty.ini", "")
    groups: dict[str, list[str]] = {}
    for key in KEYS:
        group, name = key.split("/")
        groups.setdefault(group, []).append(f"{name}={value}")
    text = "".join(f"[{g}]\n" + "\n".join(lines) + "\n" for g, lines in groups.items())
    damaged = _settings(tmp_path / "damaged.ini", text)
    for name in PROPERTIES:
        if name in TEXT and not value.startswith("@"):
            continue  # "nan" is a folder or file name as far as settings can tell
        assert getattr(damaged, name) == getattr(defaults, name), name
    assert damaged.splits_for(None) == damaged.splits_for("x.json") == "laps"


def test_on_off_settings_read_the_words_qsettings_writes(tmp_path):
    settings = _settings(tmp_path / "s.ini", "[view]\nlabels=false\ntrails=0\npanel=true\n")
    assert (settings.labels, settings.trails, settings.panel) == (False, False, True)


def test_an_export_folder_too_long_to_look_up_is_passed_over(tmp_path):
    """A hand-edited export folder of 300 characters was an OSError opening File > Export."""
    from racegui.export.export_folder import default_folder

    assert default_folder(tmp_path / ("a" * 300), None) != tmp_path / ("a" * 300)


def test_the_splits_tab_is_remembered_per_race_file(tmp_path):
    """One tab for every race had opened a new file on another race's Timed tab (coach's
    review): each file keeps its own, a file not seen before has the laps."""
    settings = _settings(tmp_path / "s.ini", "")
    settings.set_splits_for(tmp_path / "a.json", "timed")
    settings.set_splits_for(None, "200m")
    assert settings.splits_for(tmp_path / "a.json") == "timed"
    assert settings.splits_for(None) == "200m"
    assert settings.splits_for(tmp_path / "b.json") == "laps"
    settings.set_splits_for(tmp_path / "a.json", "laps")
    assert settings.splits_for(str(tmp_path / "a.json")) == "laps"


def test_the_old_one_tab_setting_goes_once_a_tab_is_remembered_per_file(tmp_path):
    """The single "view/splits" tab of older versions was ignored but stayed in the file."""
    settings = _settings(tmp_path / "s.ini", "[view]\nsplits=timed\n")
    assert settings.store.contains("view/splits")
    settings.set_splits_for(None, "200m")
    settings.store.sync()
    assert not settings.store.contains("view/splits")
    assert "splits=timed" not in (tmp_path / "s.ini").read_text()
    assert settings.splits_for(None) == "200m"


def test_a_race_file_opened_through_a_link_keeps_its_own_tab(tmp_path):
    """Opened through a symbolic link and directly, a file had two remembered tabs."""
    settings = _settings(tmp_path / "s.ini", "")
    real = tmp_path / "a.json"
    real.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    settings.set_splits_for(link, "200m")
    assert settings.splits_for(real) == "200m"
