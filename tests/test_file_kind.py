"""Which files are read as race files (JSON) and which as splits (CSV): by what they hold,
the suffix .json or .csv where the first bytes agree (io.file_kind; tester R6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from racegui.io.file_kind import HEAD_BYTES, file_kind
from racegui.ui.ui_paths import demo_path
from tests.test_cli_file_kind import COMMAS, LAPS, TABS, WIDE


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("tabs.txt", TABS, "csv"),
        ("TABS.TXT", TABS, "csv"),
        ("tabs.tsv", TABS, "csv"),
        ("splits", COMMAS, "csv"),
        ("data.json", COMMAS, "csv"),
        ("laps.json", LAPS, "csv"),
        ("wide.json", WIDE, "csv"),
        ("titled.json", "Club 1500m, 3 Oct\n\n" + COMMAS, "csv"),
        ("race.txt", "\ufeff  \n" + demo_path().read_text(encoding="utf-8"), "json"),
        ("race", "[1, 2]", "json"),
        ("race.csv", demo_path().read_text(encoding="utf-8"), "json"),
        ("ok.csv", COMMAS, "csv"),
        ("RACE.JSON", demo_path().read_text(encoding="utf-8"), "json"),
        # a .json that is no race and shows no splits header: read as the JSON it is named
        ("top.json", '"hello"', "json"),
        ("comment.json", "// exported\n{}", "json"),
        ("mess.json", "not,a,header\n1,2,3\n", "json"),
    ],
)
def test_the_kind_is_what_the_file_holds(tmp_path, name, text, kind):
    assert file_kind(_write(tmp_path / name, text)) == kind


def test_utf16_text_with_its_mark_is_told_by_what_it_holds(tmp_path):
    """Excel's "Unicode Text" is UTF-16 with a byte-order mark, tab separated, as .txt."""
    path = tmp_path / "unicode.txt"
    path.write_bytes(TABS.encode("utf-16"))
    assert file_kind(path) == "csv"
    race = tmp_path / "race.txt"
    race.write_bytes(demo_path().read_text(encoding="utf-8").encode("utf-16"))
    assert file_kind(race) == "json"


def test_a_file_that_cannot_be_told_goes_by_its_suffix(tmp_path):
    """Missing, empty or binary: its reader says what is wrong (no file is opened to tell
    a folder or a missing file)."""
    assert file_kind(tmp_path / "gone.json") == "json"
    assert file_kind(tmp_path / "gone.txt") == "csv"
    assert file_kind(_write(tmp_path / "empty.json", "  \n")) == "json"
    (tmp_path / "bin.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert file_kind(tmp_path / "bin.json") == "json"
    assert file_kind(tmp_path) == "csv"


def test_only_the_head_of_a_big_file_is_read(tmp_path, monkeypatch):
    path = _write(tmp_path / "big.txt", TABS + "Anna\t1609.34\t4:20.0\n" * 20_000)
    sizes: list[int] = []
    real_open = Path.open

    def counting_open(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        real_read = handle.read

        def read(n=-1):
            sizes.append(n)
            return real_read(n)

        handle.read = read
        return handle

    monkeypatch.setattr(Path, "open", counting_open)
    assert file_kind(path) == "csv"
    assert sizes == [HEAD_BYTES]
