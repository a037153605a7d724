"""A large store made from a real one: every table of a store filled by a real run, copied R times.

Filling a store of 100,000 reports with the real nlp stage takes hours on two shared cores, but
what a small daily add costs in a large store depends on the corpus-level look-ups (the copy
index, the stories and story signals of the add's days, the documents and annotations not yet
annotated), not on how the stored annotations were made. So the scale benchmark fills a store of
a few thousand reports for real and replicates it here: copy ``r`` of every row gets ids suffixed
``~r``, its dates and story days moved by ``r`` times six years (as the scale corpus' repeats are),
and its copy-index keys (duplicate, LSH band, n-gram hashes) and name keys re-hashed with ``r``, so copies share
no index key, no day and no story with one another, and copy and story density stay the real ones.
What is replicated, not recomputed: annotations, mentions, events and briefs (their JSON records
still name the original ids; no add reads them, as an add only reaches the stories of its own days).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

SHIFT_DAYS = 6 * 365  # the scale corpus' shift between repeats


def _id(column: str) -> str:
    return f"{column} || '~' || r"


def _ids(column: str) -> str:
    return f"list_transform({column}, lambda x: x || '~' || r)"


def _day(column: str) -> str:
    # an ISO day (or minute) moves; a month or year alone stays (no add reads a replica's)
    return (f"CASE WHEN length({column}) >= 10 AND TRY_CAST(left({column}, 10) AS DATE) IS NOT NULL THEN "
            f"strftime(CAST(left({column}, 10) AS DATE) + CAST(r * {SHIFT_DAYS} AS INTEGER), '%Y-%m-%d') || substr({column}, 11) "
            f"ELSE {column} END")


def _key(column: str) -> str:
    return f"CASE WHEN {column} = 0 THEN {column} ELSE hash({column}, r) END"


# per table: the expression of each column in copy r (columns not named are copied as they are)
CHANGED: dict[str, dict[str, str]] = {
    "documents": {"id": _id("id"), "seq": "seq + r * {seq}", "published_date": _day("published_date")},
    "annotations": {"document": _id("document")},
    "mentions": {"id": _id("id"), "seq": "seq + r * {seq}", "document": _id("document"), "date": _day("date")},
    "copies": {"seq": "seq + r * {seq}", "a": _id("a"), "b": _id("b"), "original": _id("original")},
    "origin_groups": {"document": _id("document"), "origin_group": _id("origin_group")},
    "origins": {"document": _id("document")},
    "stories": {"id": _id("id"), "seq": "seq + r * {seq}", "documents": _ids("documents")},
    "events": {"id": _id("id"), "seq": "seq + r * {seq}", "story": _id("story"), "date": _day("date"),
               "documents": _ids("documents")},
    "briefs": {"story": _id("story"), "seq": "seq + r * {seq}"},
    "copy_index": {"document": _id("document"), "n": "n + r * {n}", "duplicate": _key("duplicate")},
    "copy_bands": {"key": _key("key"), "n": "n + r * {n}"},
    "copy_grams": {"gram": f"({_key('gram')}) & 4294967295", "n": "n + r * {n}"},  # 32-bit keys
    "copy_stock": {"gram": _key("gram")},
    "story_signals": {"document": _id("document"), "day": f"day + CAST(r * {SHIFT_DAYS} AS INTEGER)"},
    # name keys are signed (BIGINT): re-hashed into that range
    "story_names": {"key": "CAST(hash(key, r) >> 1 AS BIGINT)", "document": _id("document"),
                    "day": f"day + CAST(r * {SHIFT_DAYS} AS INTEGER)"},
}


def replicate(source: Path, target: Path, size: int) -> int:
    """``target``: ``source`` with its rows copied until it holds at least ``size`` documents; how many it holds."""
    shutil.copy(source, target)
    con = duckdb.connect(str(target))
    try:
        con.execute("SET enable_progress_bar = false")
        base = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        copies = -(-size // base)  # copy 0 is the source itself
        spans = {"seq": 1 + max(con.execute(f"SELECT coalesce(max(seq), 0) FROM {t}").fetchone()[0]
                                for t in CHANGED if "seq" in CHANGED[t]),
                 "n": 1 + con.execute("SELECT coalesce(max(n), 0) FROM copy_index").fetchone()[0]}
        con.execute("BEGIN")
        for table, changed in CHANGED.items():
            columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()]
            select = ", ".join(changed.get(c, c).format(**spans) for c in columns)
            con.execute(f"INSERT INTO {table} SELECT {select} FROM {table} CROSS JOIN "
                        f"(SELECT range AS r FROM range(1, {copies})) WHERE TRUE")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        _settle(con)
        return int(con.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        con.close()


def _settle(con: duckdb.DuckDBPyConnection) -> None:
    """Leave the copy as a store grown by runs is: after a bulk load, DuckDB's next checkpoint makes
    a one-off pass over the file (1.4 s at 100,000 documents, 1.3 GB; 25 ms at 2,000), which every
    later checkpoint skips (measured: 17-20 ms after an add of 20 reports). Without this, each
    daily add measured here would pay the bulk load's pass at its close."""
    con.execute("INSERT INTO store_meta VALUES ('replicated', 'settling')")
    con.execute("CHECKPOINT")
    con.execute("DELETE FROM store_meta WHERE key = 'replicated'")
    con.execute("CHECKPOINT")
