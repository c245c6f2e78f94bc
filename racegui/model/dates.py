"""Calendar days in words, in English whatever the machine's language: strftime's month
names follow the locale, which Qt sets from the machine's at start, so a German machine's
export would have said "12 Mai" (diff review); "%-d" does not work on Windows either."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date) -> str:
    """ "26 June 2025"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    """ "26 Jun 2025"."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def day_and_month(day: dt.date) -> str:
    """ "12 May"."""
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def iso_day(text: str | None) -> dt.date | None:
    """The day an ISO date ("2025-06-26") names, or None (no text, or not such a date)."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
