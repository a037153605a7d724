"""Rows -> bytes of one format: JSON, CSV, Parquet, GeoJSON.

CSV, Parquet and GeoJSON get flat rows (``export/flat.py``) for events,
mentions and contradictions: latitude, longitude and fatalities are columns.
CSV cells come from ``cells.cell``: lists of plain values joined with ';',
nested objects (copy passages) as JSON text.

Parquet (and the Arrow tables of the Python API) types what it can: calendar
days as DATE, lists of plain values as ``list<string|int>``, fixed-shape objects
(copy passages) as structs.
``contradictions`` is always JSON text because its ``value`` is free-form
(a number in one row, a date string or place name in another), and any other
column pyarrow cannot type is written as JSON text too rather than failing.
"""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsfuse.export.cells import write_csv
from newsfuse.export.flat import DATE_COLUMNS
from newsfuse.export.days import parse_date

ALWAYS_JSON_IN_PARQUET = {"contradictions"}
GEO_TABLES = ("events", "mentions", "contradictions")


def to_json(rows: list[dict[str, Any]]) -> bytes:
    return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> bytes:
    return write_csv(rows, columns or (list(rows[0]) if rows else []))


def _as_day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    span = parse_date(str(value), None)
    return span[0] if span else None


def _column(name: str, values: list[Any]) -> pa.Array:
    if name in DATE_COLUMNS:
        return pa.array([_as_day(v) for v in values], pa.date32())
    as_json = pa.array([None if v is None else json.dumps(v, ensure_ascii=False) for v in values], pa.string())
    if name in ALWAYS_JSON_IN_PARQUET and any(isinstance(v, (dict, list)) for v in values):
        return as_json
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        return as_json


def to_arrow(rows: list[dict[str, Any]], columns: list[str] | None = None) -> pa.Table:
    """Typed columns: calendar days as DATE, plain lists as list<...>, fixed objects as structs."""
    columns = columns or (list(rows[0]) if rows else [])
    arrays = [_column(c, [r.get(c) for r in rows]) for c in columns]
    return pa.Table.from_arrays(arrays, names=columns) if columns else pa.table({})


def to_parquet(rows: list[dict[str, Any]], columns: list[str] | None = None) -> bytes:
    sink = io.BytesIO()
    pq.write_table(to_arrow(rows, columns), sink)
    return sink.getvalue()


def to_geojson(rows: list[dict[str, Any]]) -> tuple[bytes, int]:
    """A FeatureCollection of the rows that have coordinates, and how many had none."""
    features, missing = [], 0
    for r in rows:
        lat, lon = r.get("latitude"), r.get("longitude")
        if lat is None or lon is None:
            missing += 1
            continue
        features.append(
            {
                "type": "Feature",
                **({"id": r["id"]} if r.get("id") is not None else {}),
                # GeoJSON (RFC 7946) orders positions longitude first
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()},
            }
        )
    doc = {"type": "FeatureCollection", "features": features}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), missing
