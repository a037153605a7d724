"""Flat rows: one scalar per column, for CSV, Parquet, GeoJSON properties and DataFrames.

The JSON export keeps the nested contract of ``shared/DESIGN.md``
(``place {name, lat, lon}``, ``fatalities {low, best, high}``); spreadsheets,
QGIS and pandas want ``latitude``, ``longitude`` and ``fatalities`` columns
instead, and real dates. Fields other stages may add later (``admin2``,
``geo_precision`` on places, ``killed`` / ``injured`` on events) are read with
``getattr`` so the columns fill as soon as the records carry them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from newsfuse.export.countries import country
from newsfuse.export.snapshot import Snapshot
from newsfuse.records import Contradiction, DateValue, Event, Fatalities, Mention, Place
from newsfuse.export.days import parse_date

# columns holding a calendar day: DATE in Parquet, Arrow, DuckDB and DataFrames
DATE_COLUMNS = frozenset({"date", "date_end", "event_date", "published"})
_GEO_PRECISION = {"point": 1, "region": 2, "country": 3}


def day_span(value: DateValue | None) -> tuple[date | None, date | None]:
    """First and last day a (day, week, month or year) date covers."""
    if value is None:
        return None, None
    span = parse_date(value.date, value.precision)
    return span if span else (None, None)


def admin_name(place: Place | None, level: int) -> str | None:
    """The admin1 / admin2 *name* of a place: the gazetteer code ("13") is no name for an analyst."""
    if place is None:
        return None
    for attr in (f"admin{level}_name", f"admin{level}"):
        value = getattr(place, attr, None)
        if isinstance(value, str) and value.strip() and not value.strip().isdigit():
            return value.strip()
    # a place that is itself a first-level region (a province) names its admin1
    if level == 1 and place.precision == "region" and place.feature != "country":
        return place.name
    return None


def geo_precision(place: Place | None) -> int | None:
    """ACLED's 1 (town) / 2 (near a town, a district) / 3 (province or country)."""
    if place is None:
        return None
    given = getattr(place, "geo_precision", None)
    if isinstance(given, int):
        return given
    if place.precision == "region" and admin_name(place, 1) == place.name:
        return 3
    return _GEO_PRECISION.get(place.precision, 1)


def place_columns(place: Place | None) -> dict[str, Any]:
    c = country(place.country) if place else None
    return {
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "country": c.name if c else (place.country if place else None),
        "country_code": place.country if place else None,
        "admin1": admin_name(place, 1),
        "admin2": admin_name(place, 2),
        "geonameid": place.geonameid if place else None,
        "geo_precision": geo_precision(place),
    }


def date_columns(value: DateValue | None) -> dict[str, Any]:
    start, end = day_span(value)
    return {"date": start, "date_end": end, "date_precision": value.precision if value else None}


def fatality_columns(f: Fatalities) -> dict[str, Any]:
    return {"fatalities": f.best, "fatalities_low": f.low, "fatalities_high": f.high}


def event_flat_row(ev: Event, snap: Snapshot | None = None) -> dict[str, Any]:
    return {
        "id": ev.id,
        "story": ev.story,
        "type": ev.type,
        "sub_type": ev.sub_type,
        **date_columns(ev.date),
        **place_columns(ev.place),
        "actors": list(ev.actors),
        **fatality_columns(ev.fatalities),
        "injured": ev.injured.best,
        "independent_sources": len(ev.independent_sources),
        "sources": list(ev.independent_sources),
        "documents": list(ev.documents),
        "contradictions": len(ev.contradictions),
        "contested": [c.field for c in ev.contradictions],
        "summary": ev.summary,
    }


def mention_flat_row(m: Mention) -> dict[str, Any]:
    return {
        "id": m.id,
        "document": m.document,
        "type": m.type,
        "sub_type": m.sub_type,
        **date_columns(m.date),
        "date_resolution": m.date.resolution if m.date else None,
        **place_columns(m.place),
        "place_text": m.place_text,
        "actor1": [a.name for a in m.actors if a.role == "actor1"],
        "actor2": [a.name for a in m.actors if a.role in ("actor2", "target")],
        "associated": [a.name for a in m.actors if a.role == "associated"],
        "fatalities": m.fatalities.best if m.fatalities else None,
        "fatalities_qualifier": m.fatalities.qualifier if m.fatalities else None,
        "injured": m.injured.best if m.injured else None,
        "attribution": m.attribution,
        "sentence": m.sentence,
        "confidence": m.confidence,
    }


def _value_text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value)
    return str(value)


def contradiction_rows(ev: Event, c: Contradiction, snap: Snapshot) -> list[dict[str, Any]]:
    """One row per competing value: the analyst reads who says what side by side."""
    start, _ = day_span(ev.date)
    return [
        {
            "event": ev.id,
            "story": ev.story,
            "type": ev.type,
            "sub_type": ev.sub_type,
            "date": start,
            "location": ev.place.name if ev.place else None,
            "latitude": ev.place.lat if ev.place else None,
            "longitude": ev.place.lon if ev.place else None,
            "field": c.field,
            "value": _value_text(v.value),
            "documents": list(v.documents),
            "reported_by": [snap.label(d) for d in v.documents],
            "event_label": ev.label,
            "summary": ev.summary,
        }
        for v in c.values
    ]


def all_contradiction_rows(snap: Snapshot) -> list[dict[str, Any]]:
    return [row for ev in snap.events for c in ev.contradictions for row in contradiction_rows(ev, c, snap)]
