"""Query filters for the API, as pure functions over exported rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from newsfuse.export.days import parse_date


def _day(value: str | None, end: bool) -> date | None:
    if not value:
        return None
    span = parse_date(value, None)
    if span is None:
        raise ValueError(f"not an ISO date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return span[1] if end else span[0]


def place_matches(place: dict[str, Any] | None, query: str) -> bool:
    """A place filter: GeoNames id, ISO country code, or part of the place name."""
    if place is None:
        return False
    q = query.strip().casefold()
    if q.isdigit():
        return str(place.get("geonameid")) == q
    if len(q) == 2 and (place.get("country") or "").casefold() == q:
        return True
    return q in (place.get("name") or "").casefold()


def filter_events(
    rows: list[dict[str, Any]],
    story: str | None = None,
    type: str | None = None,  # noqa: A002 - the API's parameter name
    date_from: str | None = None,
    date_to: str | None = None,
    place: str | None = None,
) -> list[dict[str, Any]]:
    """Events matching every given filter. A date range keeps events whose (possibly
    month- or year-long) date overlaps it; undated events drop out of any range."""
    lo, hi = _day(date_from, end=False), _day(date_to, end=True)
    out = []
    for r in rows:
        if story and r["story"] != story:
            continue
        if type and type.casefold() not in (r["type"].casefold(), r["sub_type"].casefold()):
            continue
        if place and not place_matches(r["place"], place):
            continue
        if lo or hi:
            span = parse_date(r["date"], r["date_precision"])
            if span is None or (lo and span[1] < lo) or (hi and span[0] > hi):
                continue
        out.append(r)
    return out


def contradictions(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per contradicted field of an event."""
    return [
        {"event": e["id"], "story": e["story"], "summary": e["summary"], "type": e["type"], **c}
        for e in events
        for c in e["contradictions"]
    ]
