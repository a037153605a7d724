"""Export: store -> JSON / CSV / Parquet / GeoJSON / ACLED CSV.   ``export(store, table, fmt, out)``

JSON keeps the nested contract of ``shared/DESIGN.md``; CSV, Parquet and
GeoJSON carry flat rows (``flat.py``) with latitude, longitude, fatalities and
typed dates; ``acled`` writes events in ACLED's columns (``acled.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from newsfuse.export.acled import COLUMNS as ACLED_COLUMNS
from newsfuse.export.acled import acled_rows
from newsfuse.export.flat import all_contradiction_rows, event_flat_row, mention_flat_row
from newsfuse.export.formats import GEO_TABLES, to_arrow, to_csv, to_geojson, to_json, to_parquet
from newsfuse.export.rows import TABLES, columns, rows
from newsfuse.export.snapshot import ACLED_NEEDS, NEEDS, Snapshot, load

Table = Literal["documents", "copies", "stories", "events", "mentions", "briefs", "contradictions"]
Format = Literal["json", "csv", "parquet", "geojson", "acled"]
FORMATS = ("json", "csv", "parquet", "geojson", "acled")

__all__ = ["FORMATS", "NEEDS", "TABLES", "Snapshot", "columns", "export", "export_snapshot", "flat_columns",
           "flat_rows", "load", "rows", "to_arrow"]


def flat_rows(snap: Snapshot, table: str) -> list[dict[str, Any]]:
    """One scalar (or list of scalars) per column: what CSV, Parquet, GeoJSON and DataFrames hold."""
    if table == "events":
        return [event_flat_row(e) for e in snap.events]
    if table == "mentions":
        return [mention_flat_row(m) for m in snap.mentions]
    if table == "contradictions":
        return all_contradiction_rows(snap)
    return rows(snap, table)


def flat_columns(table: str) -> list[str]:
    """The flat column names, known even for an empty table (so an empty CSV still has its header)."""
    from newsfuse.records import Event, Fatalities, Mention

    if table == "events":
        return list(event_flat_row(Event("", None, "", "", None, None, (), Fatalities(None, None, None), (), (), ())))
    if table == "mentions":
        return list(mention_flat_row(Mention("", "", (0, 0), "", "", "")))
    return columns(table)


def _not_geographic(table: str) -> str:
    return f"geojson exports {', '.join(GEO_TABLES[:-1])} or {GEO_TABLES[-1]}, not {table}: use json, csv or parquet"


def export_snapshot(snap: Snapshot, table: Table, fmt: Format) -> tuple[bytes, str | None]:
    """The exported bytes, and a note for stderr (or None). Pure: no I/O."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    if fmt == "acled":
        if table != "events":
            raise ValueError(f"the ACLED format exports events, not {table}")
        return to_csv(acled_rows(snap), ACLED_COLUMNS), None
    if fmt == "json":
        return to_json(rows(snap, table)), None
    if fmt == "geojson":
        if table not in GEO_TABLES:
            raise ValueError(_not_geographic(table))
        data = flat_rows(snap, table)
        body, missing = to_geojson(data)
        note = (f"{missing} of {len(data)} {table} have no coordinates and are left out of the GeoJSON"
                if missing else None)
        return body, note
    if fmt == "csv":
        return to_csv(flat_rows(snap, table), flat_columns(table)), None
    if fmt == "parquet":
        return to_parquet(flat_rows(snap, table), flat_columns(table)), None
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def needs(table: str, fmt: str) -> tuple[str, ...]:
    """The store tables an export reads (exporting stories need not read every text)."""
    if fmt == "acled":
        return ACLED_NEEDS
    return NEEDS[table]


def check(table: str, fmt: str, out: Path | None) -> None:
    """Refuse an impossible request before the store is opened: one line saying what to do instead."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if out is None and fmt == "parquet":
        raise ValueError("parquet is binary: give an output file (-o out.parquet)")
    if fmt == "acled" and table != "events":
        raise ValueError(f"the ACLED format exports events, not {table}")
    if fmt == "geojson" and table not in GEO_TABLES:
        raise ValueError(_not_geographic(table))


def export(store: Any, table: Table, fmt: Format, out: Path | None = None) -> Path | None:
    """Write one table of the store to ``out`` (stdout when None; Parquet needs a file)."""
    check(table, fmt, out)
    body, note = export_snapshot(load(store, needs(table, fmt)), table, fmt)
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
