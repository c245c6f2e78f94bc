"""Preferences remembered between runs (QSettings): theme, toggles, recent files, layout
(not the playback speed: each launch plays at real time, as a video player does)."""

from __future__ import annotations

import math
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from racegui.export.options import SPLITS_TABLES

ORGANISATION = "racegui"
APPLICATION = "racegui"
DISPLAY_NAME = "racegui"
"""The name window titles end with (QGuiApplication.applicationDisplayName)."""
MAX_RECENT = 8
MAX_SPLITS_FILES = 50
"""Race files whose splits tab is remembered (the ones shown last)."""


def _bool(value: object, default: bool) -> bool:
    """A stored on/off: a bool, 0/1, or "true"/"false" text; default for anything else (unset,
    or a value of another type in a hand-edited or damaged settings file)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("1", "true", "yes"):
            return True
        if text in ("0", "false", "no"):
            return False
    return default


def _race_key(path: str | Path | None) -> str:
    """A race file as its splits tab is remembered: its real path (through links), "" for
    the demo."""
    return "" if path is None else os.path.realpath(str(path))


class AppSettings:
    """Typed access to the QSettings store (pass another QSettings, e.g. in tests)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANISATION, APPLICATION)

    def _get(self, key: str, default: object) -> object:
        value = self.store.value(key)
        return default if value is None else value

    def _text(self, key: str) -> str:
        """A text setting ("" when unset or not text)."""
        value = self._get(key, "")
        return value if isinstance(value, str) else ""

    def _seconds(self, key: str) -> float:
        """A length in seconds (0 when unset, not a number or negative)."""
        try:
            value = float(self._get(key, 0.0))
        except (TypeError, ValueError):
            return 0.0
        return value if 0 < value < math.inf else 0.0

    @property
    def theme(self) -> str:
        value = str(self._get("view/theme", "dark"))
        return value if value in ("dark", "light") else "dark"

    @theme.setter
    def theme(self, name: str) -> None:
        self.store.setValue("view/theme", name)

    @property
    def labels(self) -> bool:
        return _bool(self.store.value("view/labels"), True)

    @labels.setter
    def labels(self, on: bool) -> None:
        self.store.setValue("view/labels", bool(on))

    @property
    def trails(self) -> bool:
        return _bool(self.store.value("view/trails"), True)

    @trails.setter
    def trails(self, on: bool) -> None:
        self.store.setValue("view/trails", bool(on))

    @property
    def pocket_cam(self) -> bool:
        """Whether the pocket cam inset is shown (on by default)."""
        return _bool(self.store.value("view/pocket_cam"), True)

    @pocket_cam.setter
    def pocket_cam(self, on: bool) -> None:
        self.store.setValue("view/pocket_cam", bool(on))

    @property
    def panel(self) -> bool:
        return _bool(self.store.value("view/panel"), True)

    @panel.setter
    def panel(self, on: bool) -> None:
        self.store.setValue("view/panel", bool(on))

    def splits_for(self, path: str | Path | None) -> str:
        """The splits tab last chosen for the race file at path (None: the demo): "laps",
        "200m" or "timed"; "laps" for a file not opened before. One tab for every race had
        opened a new file on the Timed tab chosen for another (coach's review)."""
        key = _race_key(path)
        for entry in self._splits_entries():
            name, _, where = entry.partition("\t")
            if where == key:
                return name if name in SPLITS_TABLES else "laps"
        return "laps"

    def set_splits_for(self, path: str | Path | None, name: str) -> None:
        """Remember the splits tab shown for the race file at path (None: the demo), for the
        MAX_SPLITS_FILES files shown last."""
        key = _race_key(path)
        kept = [e for e in self._splits_entries() if e.partition("\t")[2] != key]
        self.store.setValue(
            "view/splits_by_file", [f"{name}\t{key}"] + kept[: MAX_SPLITS_FILES - 1]
        )
        self.store.remove("view/splits")  # older versions kept one tab for every race

    def _splits_entries(self) -> list[str]:
        """The stored "tab<TAB>file" entries, newest first (none when unset or damaged)."""
        value = self.store.value("view/splits_by_file")
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            return []
        return [v for v in value if isinstance(v, str) and "\t" in v]

    @property
    def loop(self) -> bool:
        return _bool(self.store.value("playback/loop"), False)

    @loop.setter
    def loop(self, on: bool) -> None:
        self.store.setValue("playback/loop", bool(on))

    @property
    def recent_files(self) -> list[str]:
        """The recent files' paths, newest first: none when unset or not a list of text (a
        damaged settings file's "@Rect(1 2 3 4)" was a TypeError)."""
        value = self.store.value("files/recent")
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            return []
        return [v for v in value if isinstance(v, str) and v][:MAX_RECENT]

    def add_recent(self, path: str) -> list[str]:
        """Put path first in the recent files (deduplicated, at most MAX_RECENT)."""
        files = [path] + [f for f in self.recent_files if f != path]
        self.store.setValue("files/recent", files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def remove_recent(self, path: str) -> None:
        """Drop path from the recent files (it has gone)."""
        self.store.setValue("files/recent", [f for f in self.recent_files if f != path])

    def clear_recent(self) -> None:
        self.store.setValue("files/recent", [])

    @property
    def last_folder(self) -> str:
        """The folder a race was last opened from ("" before any): where Open starts."""
        return self._text("files/last_folder")

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self.store.setValue("files/last_folder", str(folder))

    @property
    def export_folder(self) -> str:
        """The folder of the last finished export ("" before any): where Export starts."""
        return self._text("export/folder")

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self.store.setValue("export/folder", str(folder))

    @property
    def export_title_card_s(self) -> float:
        """Title card length (video s) of the last export (0: none)."""
        return self._seconds("export/title_card_s")

    @export_title_card_s.setter
    def export_title_card_s(self, seconds: float) -> None:
        self.store.setValue("export/title_card_s", float(seconds))

    @property
    def export_end_card_s(self) -> float:
        """End card length (video s) of the last export (0: none)."""
        return self._seconds("export/end_card_s")

    @export_end_card_s.setter
    def export_end_card_s(self, seconds: float) -> None:
        self.store.setValue("export/end_card_s", float(seconds))

    @property
    def export_presentation(self) -> bool:
        """Whether the last export had big type for a projector (off before any)."""
        return _bool(self.store.value("export/presentation"), False)

    @export_presentation.setter
    def export_presentation(self, on: bool) -> None:
        self.store.setValue("export/presentation", bool(on))

    @property
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, data: QByteArray) -> None:
        self.store.setValue("window/geometry", data)

    @property
    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    @window_state.setter
    def window_state(self, data: QByteArray) -> None:
        self.store.setValue("window/state", data)

    def sync(self) -> None:
        self.store.sync()
