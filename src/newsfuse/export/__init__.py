"""Export: store -> JSON / CSV / Parquet / GeoJSON.   ``export(store, table, fmt, out)``"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from newsfuse.export.formats import GEO_TABLES, to_csv, to_geojson, to_json, to_parquet
from newsfuse.export.rows import TABLES, columns, rows
from newsfuse.export.snapshot import NEEDS, Snapshot, load

Table = Literal["documents", "copies", "stories", "events", "mentions", "briefs"]
Format = Literal["json", "csv", "parquet", "geojson"]
FORMATS = ("json", "csv", "parquet", "geojson")

__all__ = ["FORMATS", "NEEDS", "TABLES", "Snapshot", "columns", "export", "export_snapshot", "load", "rows"]


def export_snapshot(snap: Snapshot, table: Table, fmt: Format) -> tuple[bytes, str | None]:
    """The exported bytes, and a note for stderr (or None). Pure: no I/O."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    data = rows(snap, table)
    if fmt == "json":
        return to_json(data), None
    if fmt == "csv":
        return to_csv(data, columns(table)), None
    if fmt == "parquet":
        return to_parquet(data, columns(table)), None
    if fmt == "geojson":
        if table not in GEO_TABLES:
            raise ValueError(f"geojson exports events or mentions, not {table}")
        body, missing = to_geojson(data)
        note = f"{missing} of {len(data)} {table} have no coordinates and are left out of the GeoJSON" if missing else None
        return body, note
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def export(store: Any, table: Table, fmt: Format, out: Path | None = None) -> Path | None:
    """Write one table of the store to ``out`` (stdout when None; Parquet needs a file)."""
    if out is None and fmt == "parquet":
        raise ValueError("parquet is binary: give an output file (-o out.parquet)")
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    body, note = export_snapshot(load(store, NEEDS[table]), table, fmt)
    if note:
        print(note, file=sys.stderr)
    if out is None:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
        return None
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(body)
    return out
