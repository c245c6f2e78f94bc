"""Dates in words are English on any machine (strftime's month names follow the locale)."""

import datetime as dt

import pytest

from racegui.model import dates


def test_days_in_words():
    day = dt.date(2025, 6, 26)
    assert dates.long_date(day) == "26 June 2025"
    assert dates.short_date(day) == "26 Jun 2025"
    assert dates.day_and_month(dt.date(2025, 5, 1)) == "1 May"
    assert dates.iso_day("2025-06-26") == day
    assert dates.iso_day("26/6/2025") is None and dates.iso_day(None) is None


def test_no_locale_month_names(monkeypatch):
    """strftime is not used: its names would follow the machine's language."""

    class Day(dt.date):
        def strftime(self, fmt):  # pragma: no cover - must not be called
            raise AssertionError(fmt)

    day = Day(2025, 12, 3)
    assert (dates.long_date(day), dates.short_date(day)) == ("3 December 2025", "3 Dec 2025")


@pytest.mark.parametrize(
    ("module", "call", "want"),
    [
        ("racegui.ui.track_view", lambda m: m.nice_date("2025-06-26"), "26 June 2025"),
        ("racegui.ui.panel.header", lambda m: m._date_text("2025-06-26"), "26 Jun 2025"),
        ("racegui.ui.track_view", lambda m: m.nice_date("summer 2025"), "summer 2025"),
    ],
)
def test_the_views_say_dates_the_same_way(module, call, want):
    import importlib

    assert call(importlib.import_module(module)) == want
