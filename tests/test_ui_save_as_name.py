"""File > Save As starts with a name from the race in a folder of the user's (a laptop user's
review: the demo was offered as "race.json", in the folder last opened from, which could be
the package's own races folder)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from racegui.ui.ui_paths import demo_path  # noqa: E402

DEMO_NAME = "breaking4-faith-kipyegons-mile.json"
"""The demo's title, "Breaking4: Faith Kipyegon's mile", as an export names its file."""


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A home folder of the test's own (with an empty XDG config: Documents is ~/Documents)."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


def _offered(window, monkeypatch) -> Path:
    """Where File > Save As's dialog starts (the dialog itself is not run)."""
    from racegui.ui import main_window

    asked: list[str] = []

    def pick(_parent, _caption, start, _filters, *_rest):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(main_window, "save_file_name", pick)
    window.actions["save_as"].trigger()
    assert len(asked) == 1
    return Path(asked[0])


def test_the_demo_is_offered_under_its_title_in_documents(window, monkeypatch, home):
    (home / "Documents").mkdir()
    window.settings.last_folder = str(demo_path().parent)  # the package's races folder
    assert window.path is None  # the built-in demo
    offered = _offered(window, monkeypatch)
    assert offered == home / "Documents" / DEMO_NAME


def test_without_a_documents_folder_the_demo_is_offered_at_home(window, monkeypatch, home):
    assert _offered(window, monkeypatch) == home / DEMO_NAME


def test_a_shipped_race_opened_from_the_package_is_not_offered_there(window, monkeypatch, home):
    (home / "Documents").mkdir()
    assert window.open_path(demo_path())
    offered = _offered(window, monkeypatch)
    assert offered == home / "Documents" / DEMO_NAME
    assert not offered.is_relative_to(demo_path().parent.parent)


def test_a_user_s_file_is_offered_under_its_own_name_beside_it(window, monkeypatch, home, tmp_path):
    """Save As of the user's own file: its name, as .json, in its folder."""
    mine = tmp_path / "races" / "club 3000.json"
    mine.parent.mkdir()
    shutil.copy(demo_path(), mine)
    assert window.open_path(mine)
    assert _offered(window, monkeypatch) == mine
