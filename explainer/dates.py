"""Dates with a precision: "2025", "2025-03" or "2025-03-01"."""
from __future__ import annotations

import datetime as dt

PRECISIONS = {1: "year", 2: "month", 3: "day"}


def precision_of(date: str) -> str:
    """The precision that the date's form says (year, month or day)."""
    return PRECISIONS.get(len(date.split("-")), "?")


def date_error(date: str) -> str | None:
    """Why the date cannot be a calendar date, or None when it can."""
    parts = [int(p) for p in date.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    try:
        dt.date(year, month, day)
    except ValueError as err:
        return str(err)
    return None


def sort_key(date: str) -> tuple[int, int, int]:
    """Order by date; a date known only to the month or year sorts at the start of that period."""
    parts = [int(p) for p in date.split("-")]
    return tuple((parts + [0, 0])[:3])  # type: ignore[return-value]
