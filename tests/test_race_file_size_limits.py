"""Huge files are refused quickly and in little memory, and what import writes, the app reads."""

from __future__ import annotations

import tracemalloc

import pytest

from racegui.io import race_file
from racegui.io.errors import RaceFileError
from racegui.io.race_file import race_from_data, read_race, write_race
from racegui.resources_path import demo_race_path
from tests.helpers_race import minimal_data


def _refused_with_peak(data) -> tuple[list[str], int]:
    """The problems race_from_data finds in data, and the most memory (bytes) it allocated."""
    tracemalloc.start()
    try:
        with pytest.raises(RaceFileError) as info:
            race_from_data(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return [f"{p.where}: {p.message}" for p in info.value.problems], peak


def test_a_file_that_is_a_huge_list_is_refused_in_little_memory():
    """'[0,0,...]' of 62 MB took 90 s and 5 GB: a (value, path) pair for every number."""
    problems, peak = _refused_with_peak([0] * 1_000_000)
    assert problems == ["$: should be an object ({...}), not a list"]
    assert peak < 1_000_000


def test_a_far_too_long_list_is_refused_before_its_items_are_walked():
    data = minimal_data()
    data["notes"] = [0] * 1_000_000
    del data["title"]  # would be listed too, after a walk of every note
    problems, peak = _refused_with_peak(data)
    assert problems == ["$.notes: has 1000000 entries; at most 1000 are allowed"]
    assert peak < 1_000_000


def test_an_object_of_a_million_fields_is_refused_in_little_memory():
    data = minimal_data()
    data["athletes"][0] |= {f"f{i}": 0 for i in range(1_000_000)}
    problems, peak = _refused_with_peak(data)
    assert problems == [
        "$.athletes[0]: has 1000004 fields; no object of a race file has more than a few dozen"
    ]
    assert peak < 1_000_000


def test_a_race_too_big_indented_is_written_compact_and_reads_back(tmp_path, monkeypatch):
    """import of 1000 athletes x 1000 splits wrote 80 MB of indented JSON that info then
    refused as over 64 MB (tester): whatever import writes, the app reads."""
    race = read_race(demo_race_path())
    indented = tmp_path / "indented.json"
    write_race(race, indented)
    limit = indented.stat().st_size - 1
    monkeypatch.setattr(race_file, "MAX_FILE_BYTES", limit)
    out = tmp_path / "compact.json"
    write_race(race, out)
    assert out.stat().st_size <= limit and out.read_text().count("\n") == 1
    assert read_race(out) == race


def test_a_race_too_big_even_compact_is_refused_writing_nothing(tmp_path, monkeypatch):
    race = read_race(demo_race_path())
    monkeypatch.setattr(race_file, "MAX_FILE_BYTES", 1000)
    out = tmp_path / "race.json"
    with pytest.raises(RaceFileError, match="cannot write: the race would be 0 MB, over the"):
        write_race(race, out)
    assert list(tmp_path.iterdir()) == []
