"""One place that turns a value into a CSV cell, so every CSV newsfuse writes
(plain tables and the ACLED sheet) gets the same flattening and the same
treatment of untrusted text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from newsfuse.untrusted import safe_csv_cell


def cell(value: Any) -> str:
    """A value as CSV cell text: lists of plain values joined with ';', objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (list, tuple)):
        if all(v is None or isinstance(v, (str, int, float, bool)) for v in value):
            return ";".join("" if v is None else str(v) for v in value)
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([safe_csv_cell(cell(r.get(c))) for c in columns])  # no cell runs as a formula
    return buf.getvalue().encode("utf-8")
