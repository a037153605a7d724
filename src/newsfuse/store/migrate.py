"""Bringing a store written by an older newsfuse up to this one's schema, in place, once, on its
first writable open: an analyst's store of months of reports is never rebuilt for a format change.

Each step takes a store of one version to the next, inside the open's transaction.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import duckdb

from newsfuse.store import rows


def _compress_annotations(con: duckdb.DuckDBPyConnection) -> None:
    """Schema 1 -> 2: ``annotations.record`` from JSON text to zlib-compressed JSON (rows.py says why)."""
    con.execute("ALTER TABLE annotations RENAME TO annotations_v1")
    con.execute("CREATE TABLE annotations (document VARCHAR PRIMARY KEY, sentences INTEGER, record BLOB NOT NULL)")
    con.create_function("newsfuse_compress", lambda text: zlib.compress(text.encode("utf-8"), rows.ANNOTATION_LEVEL),
                        ["VARCHAR"], "BLOB")
    try:
        con.execute("INSERT INTO annotations SELECT document, sentences, newsfuse_compress(record::VARCHAR) "
                    "FROM annotations_v1")
    finally:
        con.remove_function("newsfuse_compress")
    con.execute("DROP TABLE annotations_v1")


def _narrow_copy_grams(con: duckdb.DuckDBPyConnection) -> None:
    """Schema 1 -> 2: ``copy_grams.gram`` keeps the low 32 bits of the hash (increments.stored_gram)."""
    con.execute("ALTER TABLE copy_grams RENAME TO copy_grams_v1")
    con.execute("CREATE TABLE copy_grams (gram UINTEGER NOT NULL, n INTEGER NOT NULL)")
    con.execute("INSERT INTO copy_grams SELECT (gram & 4294967295)::UINTEGER, n FROM copy_grams_v1")
    con.execute("DROP TABLE copy_grams_v1")


def _to_schema_2(con: duckdb.DuckDBPyConnection) -> None:
    _compress_annotations(con)
    _narrow_copy_grams(con)


def _to_schema_3(con: duckdb.DuckDBPyConnection) -> None:
    """Schema 2 -> 3: ``story_signals.keys``, what story clustering reads of each document (stories/keys.py),
    filled by the next run (``increments.rekey_story_signals``)."""
    con.execute("ALTER TABLE story_signals ADD COLUMN IF NOT EXISTS keys VARCHAR")


STEPS: dict[str, tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]] = {
    "1": ("2", _to_schema_2),
    "2": ("3", _to_schema_3),
}


def migrate(con: duckdb.DuckDBPyConnection, version: str, target: str) -> str:
    """Run the steps from ``version`` up to ``target``; returns the version reached (``version`` itself
    when no step starts there: a store newer than this newsfuse, or an unknown one)."""
    while version != target and version in STEPS:
        version, step = STEPS[version]
        step(con)
    return version
