"""ISO dates of day, week, month or year precision as the days they cover."""

from __future__ import annotations

from datetime import date, timedelta


def parse_date(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """An ISO date of day/week/month/year precision as the first and last day it covers."""
    if not value:
        return None
    try:
        parts = [int(x) for x in value[:10].split("-")]
        if len(parts) == 3:
            start = date(*parts)
            end = start + timedelta(days=6) if precision == "week" else start
            if precision == "month":
                start = start.replace(day=1)
            if precision == "year":
                start = date(parts[0], 1, 1)
            return start, _last_day(start, precision) if precision in ("month", "year") else end
        if len(parts) == 2:
            start = date(parts[0], parts[1], 1)
            return start, _last_day(start, "month")
        start = date(parts[0], 1, 1)
        return start, date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None


def _last_day(start: date, precision: str | None) -> date:
    if precision == "year":
        return date(start.year, 12, 31)
    nxt = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return nxt - timedelta(days=1)
