"""Date values as day ranges, so precision decides what agrees with what."""

from __future__ import annotations

import calendar
from datetime import date

from newsfuse.records import DateValue

PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}


def day_range(value: DateValue) -> tuple[int, int] | None:
    """First and last day (ordinals) the value can mean; None when unreadable."""
    text = value.date
    try:
        if value.precision == "year" or len(text) == 4:
            y = int(text[:4])
            return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
        if value.precision == "month" or len(text) == 7:
            y, m = int(text[:4]), int(text[5:7])
            return date(y, m, 1).toordinal(), date(y, m, calendar.monthrange(y, m)[1]).toordinal()
        d = date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return None
    if value.precision == "week":
        # a week read from the text ("last week", "two weeks ago") is dated by its Monday; a
        # publication date standing in for the event's covers the week up to that day
        return (d - 6, d) if is_fallback(value) else (d, d + 6)
    return d, d


def is_fallback(value: DateValue) -> bool:
    """A date that is only the publication date standing in for the event's.

    ("relative weekday to published 2014-06-21" is a real event date read
    relative to publication, not a fallback.)
    """
    return value.resolution.strip().lower().startswith("published")


def gap_days(a: DateValue, b: DateValue) -> int | None:
    """Days between the closest days the two values can mean (0 when they overlap)."""
    ra, rb = day_range(a), day_range(b)
    if ra is None or rb is None:
        return None
    if ra[1] < rb[0]:
        return rb[0] - ra[1]
    if rb[1] < ra[0]:
        return ra[0] - rb[1]
    return 0


def is_background(value: DateValue | None) -> bool:
    """A mention the events stage marked as background: it may join an event, never found one."""
    return value is not None and "; background" in value.resolution


def is_follow_up(value: DateValue | None) -> bool:
    """A publication date standing in for an incident that a follow-up (arrest, trial) tells of."""
    return value is not None and is_fallback(value) and "; follow-up" in value.resolution
