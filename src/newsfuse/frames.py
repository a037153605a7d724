"""The record as DataFrames: ``newsfuse.open(db).events()`` and friends.

Each table is built once as a typed Arrow table (the same flat rows as the CSV
and Parquet exports: latitude, longitude, fatalities columns, DATE columns) and
handed to pandas or polars from there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from newsfuse.export import flat_columns, flat_rows, load, needs, to_arrow
from newsfuse.export.acled import COLUMNS as ACLED_COLUMNS
from newsfuse.export.acled import acled_rows
from newsfuse.export.snapshot import Snapshot

As = Literal["pandas", "polars", "arrow"]


class Frames:
    """A read-only newsfuse store whose tables come back as DataFrames.

    ``as_`` picks the kind: ``"pandas"`` (default), ``"polars"`` (needs the
    ``polars`` extra) or ``"arrow"`` (a ``pyarrow.Table``).
    """

    def __init__(self, db: str | Path) -> None:
        self.path = Path(db)
        if not self.path.exists():
            raise FileNotFoundError(f"{self.path}: no newsfuse database here; run newsfuse.run(paths, db=...) first")
        self._snap = Snapshot()
        self._read: set[str] = set()

    def __repr__(self) -> str:
        return f"newsfuse.open({str(self.path)!r})"

    def __enter__(self) -> Frames:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Forget what was read; the next table reads the store again (it may have grown)."""
        self._snap, self._read = Snapshot(), set()

    def _snapshot(self, parts: tuple[str, ...]) -> Snapshot:
        from newsfuse.store import Store

        missing = tuple(p for p in parts if p not in self._read)
        if missing:
            # the database is opened only while reading, so `newsfuse.run` may write it in between
            with Store(self.path, read_only=True) as store:
                fresh = load(store, missing)
            self._snap = Snapshot(**{p: getattr(fresh if p in missing else self._snap, p)
                                     for p in ("documents", "graph", "stories", "events", "briefs", "mentions",
                                               "rejections")})
            self._read |= set(missing)
        return self._snap

    def table(self, name: str, as_: As = "pandas") -> Any:
        """Any exported table by name: documents, copies, stories, events, mentions, briefs, contradictions."""
        snap = self._snapshot(needs(name, "csv"))
        return _convert(to_arrow(flat_rows(snap, name), flat_columns(name)), as_)

    def events(self, as_: As = "pandas") -> Any:
        """One row per event: type, date (DATE), location, latitude, longitude, actors, fatalities, sources."""
        return self.table("events", as_)

    def documents(self, as_: As = "pandas") -> Any:
        """One row per document: source, outlet, title, published (DATE), text, origins, story."""
        return self.table("documents", as_)

    def copies(self, as_: As = "pandas") -> Any:
        """One row per copy relation: the two documents, kind, overlap, which is the original."""
        return self.table("copies", as_)

    def stories(self, as_: As = "pandas") -> Any:
        return self.table("stories", as_)

    def mentions(self, as_: As = "pandas") -> Any:
        return self.table("mentions", as_)

    def contradictions(self, as_: As = "pandas") -> Any:
        """One row per competing value of a contested field, with the documents reporting it."""
        return self.table("contradictions", as_)

    def acled(self, as_: As = "pandas") -> Any:
        """The events in ACLED's columns, as ``newsfuse export events --format acled`` writes them."""
        snap = self._snapshot(needs("events", "acled"))
        return _convert(to_arrow(acled_rows(snap), ACLED_COLUMNS), as_)


def _convert(table: pa.Table, as_: As) -> Any:
    if as_ == "arrow":
        return table
    if as_ == "pandas":
        import pandas as pd

        # days as datetime64 and counts as nullable integers: what pandas users filter and sum
        nullable = {pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int32Dtype()}
        return table.to_pandas(date_as_object=False, types_mapper=nullable.get)
    if as_ == "polars":
        try:
            import polars
        except ImportError as err:
            raise ImportError("polars is not installed: pip install 'newsfuse[polars]'") from err
        return polars.from_arrow(table)
    raise ValueError(f"unknown kind {as_!r}: choose pandas, polars or arrow")
