"""Speed of the store: bulk Arrow writes beside row-by-row inserts, and reading records back.

Data: the real pages of ../shared/datasets/scrapinghub_aeb/html (181; quick: 60)
run through ingest + clean (not timed) so the Documents carry real paragraphs,
removed chrome and credits. Each measured job runs in a fresh interpreter and
times only its own operation; peak RSS (VmHWM) includes imports and loading the
pickled Documents.

- write:   ``Store.add_documents`` (one Arrow batch, one transaction) beside the
  peer: the same rows into the same schema with DuckDB ``executemany``.
- re-add:  ``add_documents`` of documents all already stored (idempotent re-run).
- read:    ``Store.documents()`` (rows -> records) beside the peer: DuckDB
  ``fetchall`` of the same columns with no records built (the floor).
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.ingest import _peak_rss_mb, _run
from evaluation.common import console, table
from evaluation.store import aeb_documents


def _job(kind: str, pickled: str, db: str) -> None:
    import duckdb

    from newsfuse.store import Store
    from newsfuse.store import rows

    docs = pickle.loads(Path(pickled).read_bytes())
    t = time.perf_counter()
    if kind == "newsfuse-write":
        with Store(db) as store:
            n = store.add_documents(docs)
    elif kind == "newsfuse-readd":
        with Store(db) as store:
            t = time.perf_counter()
            n = len(docs) - store.add_documents(docs)
    elif kind == "peer-write":
        Store(db).close()  # the same schema
        t = time.perf_counter()
        con = duckdb.connect(db)
        cols = rows.columns("documents")
        values = [tuple(rows.document_row(d, i)[c] for c in cols) for i, d in enumerate(docs)]
        con.executemany(f"INSERT INTO documents ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values)
        con.close()
        n = len(values)
    elif kind == "newsfuse-read":
        with Store(db, read_only=True) as store:
            t = time.perf_counter()
            n = len(store.documents())
    else:  # peer-read
        con = duckdb.connect(db, read_only=True)
        t = time.perf_counter()
        n = len(con.execute(f"SELECT {', '.join(rows.DOCUMENT_COLUMNS)} FROM documents").fetchall())
        con.close()
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "docs": n, "rss_mb": _peak_rss_mb()}))


def main(quick: bool = False) -> dict:
    docs = aeb_documents(60 if quick else None)
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        pickled = tmpdir / "docs.pickle"
        pickled.write_bytes(pickle.dumps(docs))
        jobs = {
            ("write", "newsfuse Store.add_documents (Arrow)"): ("newsfuse-write", "a.duckdb"),
            ("write", "DuckDB executemany, row by row"): ("peer-write", "b.duckdb"),
            ("re-add", "newsfuse add_documents, all known"): ("newsfuse-readd", "a.duckdb"),
            ("read", "newsfuse Store.documents()"): ("newsfuse-read", "a.duckdb"),
            ("read", "DuckDB fetchall, no records"): ("peer-read", "a.duckdb"),
        }
        rows = []
        for (task, system), (kind, db) in jobs.items():
            r = _run(kind, pickled, str(tmpdir / db), module="benchmarks.store")
            r["docs_per_s"] = r["docs"] / r["seconds"] if r["seconds"] else float("inf")
            figures[f"{task}: {system}"] = r
            rows.append([task, system, r["docs"], r["docs_per_s"], r["seconds"], r["rss_mb"]])
        mb = sum(len(d.text.encode()) for d in docs) / 1e6
    console.print(table(
        f"Store speed on {len(docs)} cleaned real pages ({mb:.1f} MB of text; one process per row)",
        ["task", "system", "documents", "documents/s", "seconds", "peak RSS MB"], rows,
    ))
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
