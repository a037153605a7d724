"""Rows -> bytes of one format: JSON, CSV, Parquet, GeoJSON.

CSV flattens: lists of plain values are joined with ';', nested objects (and
lists of objects) become JSON text in the cell.

Parquet keeps nesting where pyarrow can type it: lists of plain values become
``list<string|int>`` and fixed-shape objects (place, fatalities, passages,
actors) become structs, so DuckDB users can write ``place.lat``.
``contradictions`` is always JSON text because its ``value`` is free-form
(a number in one row, a date string or place name in another), and any other
column pyarrow cannot type is written as JSON text too rather than failing.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsfuse.untrusted import safe_csv_cell

ALWAYS_JSON_IN_PARQUET = {"contradictions"}
GEO_TABLES = ("events", "mentions")


def to_json(rows: list[dict[str, Any]]) -> bytes:
    return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, list):
        if all(v is None or isinstance(v, (str, int, float, bool)) for v in value):
            return ";".join("" if v is None else str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> bytes:
    columns = columns or (list(rows[0]) if rows else [])
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([safe_csv_cell(_flat(r.get(c))) for c in columns])  # no cell runs as a formula
    return buf.getvalue().encode("utf-8")


def _column(name: str, values: list[Any]) -> pa.Array:
    as_json = pa.array([None if v is None else json.dumps(v, ensure_ascii=False) for v in values], pa.string())
    if name in ALWAYS_JSON_IN_PARQUET:
        return as_json
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        return as_json


def to_parquet(rows: list[dict[str, Any]], columns: list[str] | None = None) -> bytes:
    columns = columns or (list(rows[0]) if rows else [])
    arrays = [_column(c, [r.get(c) for r in rows]) for c in columns]
    table = pa.Table.from_arrays(arrays, names=columns) if columns else pa.table({})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def to_geojson(rows: list[dict[str, Any]]) -> tuple[bytes, int]:
    """A FeatureCollection of the rows that have coordinates, and how many had none."""
    features, missing = [], 0
    for r in rows:
        place = r.get("place") or {}
        lat, lon = place.get("lat"), place.get("lon")
        if lat is None or lon is None:
            missing += 1
            continue
        features.append(
            {
                "type": "Feature",
                "id": r.get("id"),
                # GeoJSON (RFC 7946) orders positions longitude first
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": r,
            }
        )
    doc = {"type": "FeatureCollection", "features": features}
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), missing
