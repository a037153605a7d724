"""Query filters, sorting and paging for the API, as pure functions over exported rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from newsfuse.export.countries import country_codes
from newsfuse.export.days import parse_date


def _day(value: str | None, end: bool) -> date | None:
    if not value:
        return None
    span = parse_date(value, None)
    if span is None:
        raise ValueError(f"not an ISO date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return span[1] if end else span[0]


@cache
def _gazetteer_ids(query: str) -> frozenset[int]:
    """GeoNames ids a place name can mean, through the gazetteer's alternate names
    ("Al Qaim", "al-Qa'im" and "Al Qā’im" are one town)."""
    try:
        from newsfuse.nlp.gazetteer import load
        from newsfuse.nlp.names import name_key

        return frozenset(e.geonameid for e, _ in load().lookup(name_key(query)))
    except Exception:  # noqa: BLE001 - the gazetteer is a help, a spelling match still works without it
        return frozenset()


def _key(text: str) -> str:
    from newsfuse.nlp.names import name_key

    return name_key(text)


@dataclass(frozen=True)
class PlaceQuery:
    """Any spelling of a place or a country: name, part of a name, GeoNames id, ISO code, country name."""

    text: str

    @property
    def folded(self) -> str:
        return _key(self.text)

    @property
    def countries(self) -> set[str]:
        return country_codes(self.text)

    @property
    def ids(self) -> frozenset[int]:
        return _gazetteer_ids(self.text.strip())

    def matches(self, place: dict[str, Any] | None) -> bool:
        if place is None:
            return False
        q = self.text.strip()
        if q.isdigit() and str(place.get("geonameid")) == q:
            return True
        if place.get("geonameid") is not None and place["geonameid"] in self.ids:
            return True
        if (place.get("country") or "") in self.countries:
            return True
        names = [place.get("name") or "", place.get("admin1") or "", place.get("admin2") or ""]
        key = self.folded
        return bool(key) and any(key in _key(n) for n in names if n and not n.isdigit())


def place_matches(place: dict[str, Any] | None, query: str) -> bool:
    return PlaceQuery(query).matches(place)


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees (GeoJSON order); west > east crosses the antimeridian."""
    if not text:
        return None
    try:
        west, south, east, north = (float(x) for x in text.split(","))
    except ValueError:
        raise ValueError(f"bbox {text!r}: give west,south,east,north in degrees, e.g. 38.8,29.0,48.6,37.4") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError(f"bbox {text!r}: longitudes in -180..180, latitudes in -90..90 with south <= north")
    return west, south, east, north


def in_bbox(place: dict[str, Any] | None, box: tuple[float, float, float, float]) -> bool:
    if place is None or place.get("lat") is None or place.get("lon") is None:
        return False
    west, south, east, north = box
    lat, lon = place["lat"], place["lon"]
    inside_lon = west <= lon <= east if west <= east else (lon >= west or lon <= east)
    return south <= lat <= north and inside_lon


def filter_events(
    rows: list[dict[str, Any]],
    story: str | None = None,
    type: str | Sequence[str] | None = None,  # noqa: A002 - the API's parameter name
    date_from: str | None = None,
    date_to: str | None = None,
    place: str | None = None,
    country: str | None = None,
    bbox: str | None = None,
    actor: str | None = None,
    min_fatalities: int | None = None,
) -> list[dict[str, Any]]:
    """Events matching every given filter; several types match any of them. A date range keeps
    events whose (possibly month- or year-long) date overlaps it; undated events drop out of any range."""
    lo, hi = _day(date_from, end=False), _day(date_to, end=True)
    types = {t.casefold() for t in ([type] if isinstance(type, str) else (type or [])) if t}
    where = PlaceQuery(place) if place else None
    codes = country_codes(country) if country else None
    if country and not codes:
        raise ValueError(f"country {country!r}: no country of that name or code")
    box = parse_bbox(bbox)
    who = actor.casefold().strip() if actor else ""
    out = []
    for r in rows:
        if story and r["story"] != story:
            continue
        if types and not types & {r["type"].casefold(), r["sub_type"].casefold()}:
            continue
        if where and not where.matches(r["place"]):
            continue
        if codes is not None and (r["place"] or {}).get("country") not in codes:
            continue
        if box and not in_bbox(r["place"], box):
            continue
        if who and not any(who in a.casefold() for a in r["actors"]):
            continue
        if min_fatalities is not None and (r["fatalities"]["best"] or 0) < min_fatalities:
            continue
        if lo or hi:
            span = parse_date(r["date"], r["date_precision"])
            if span is None or (lo and span[1] < lo) or (hi and span[0] > hi):
                continue
        out.append(r)
    return out


def _sort_value(row: dict[str, Any], field: str) -> Any:
    value: Any = row
    for part in field.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        return len(value)
    return value


def sort_rows(rows: list[dict[str, Any]], sort: str | None, allowed: Sequence[str]) -> list[dict[str, Any]]:
    """Rows ordered by ``sort`` (``field`` or ``-field`` for descending); missing values last either way."""
    if not sort:
        return rows
    desc = sort.startswith("-")
    field = sort.lstrip("-+")
    if field not in allowed:
        raise ValueError(f"sort {sort!r}: sort by one of {', '.join(allowed)} (prefix - for descending)")
    path = SORT_PATHS.get(field, field)
    present = [r for r in rows if _sort_value(r, path) is not None]
    missing = [r for r in rows if _sort_value(r, path) is None]
    return sorted(present, key=lambda r: _sort_value(r, path), reverse=desc) + missing


# API sort names for nested fields of the exported rows
SORT_PATHS = {"fatalities": "fatalities.best", "place": "place.name", "sources": "independent_sources"}
EVENT_SORTS = ("date", "fatalities", "sources", "documents", "place", "type", "sub_type", "id")
DOCUMENT_SORTS = ("published", "outlet", "title", "source", "id")
STORY_SORTS = ("documents", "events", "title", "id")
COPY_SORTS = ("overlap", "kind", "a", "b")


def page(rows: list[dict[str, Any]], limit: int, offset: int) -> list[dict[str, Any]]:
    return rows[offset:offset + limit]


def contradictions(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per contradicted field of an event."""
    return [
        {"event": e["id"], "story": e["story"], "label": e["label"], "summary": e["summary"], "type": e["type"], **c}
        for e in events
        for c in e["contradictions"]
    ]


