"""Store evaluation: do real records come back whole, and what does keeping them cost on disk?

Data: the real pages of ../shared/datasets/scrapinghub_aeb/html (181; quick: 40)
through ingest + clean, so the Documents carry real text, paragraphs, removed
chrome and credits. Figures:

- round trip: share of documents read back equal to what was written, after
  closing and reopening the file read-only; re-adding them all must add 0;
- a write that fails midway (simulated) must leave the table as it was;
- bytes on disk per document: the DuckDB file beside the same records as JSON
  Lines (``records.to_dict``), gzipped JSON Lines, and a zstd Parquet file of
  the store's own document rows (the peers a user would otherwise keep).
"""

from __future__ import annotations

import gzip
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from evaluation.common import console, dataset, table


def aeb_documents(limit: int | None) -> list:
    """The first ``limit`` AEB pages (all when None) read and cleaned as ``newsfuse run`` does."""
    from newsfuse.clean import clean_documents
    from newsfuse.config import Settings
    from newsfuse.ingest import read_inputs
    from newsfuse.records import Document, RawDocument

    pages = sorted(dataset("datasets", "scrapinghub_aeb", "html").glob("*.html"))[:limit]
    s = Settings()
    raws = [r for r in read_inputs([str(p) for p in pages], s.ingest) if isinstance(r, RawDocument)]
    return [d for d in clean_documents(raws, s.clean) if isinstance(d, Document)]


def main(quick: bool = False) -> dict:
    import pyarrow.parquet as pq

    from newsfuse.records import to_dict
    from newsfuse.store import Store, rows
    from newsfuse.store import store as store_module

    docs = aeb_documents(40 if quick else None)
    out: dict[str, float] = {"documents": len(docs)}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        db = tmpdir / "eval.duckdb"
        with Store(db) as store:
            store.add_documents(docs)
        with Store(db, read_only=True) as store:
            back = {d.id: d for d in store.documents()}
        out["round_trip_equal"] = sum(back.get(d.id) == d for d in docs) / len(docs)
        with Store(db) as store:
            out["re_added"] = store.add_documents(docs)
            from newsfuse.records import Story

            kept = [Story("s1", "first", tuple(back)[:2])]
            store.replace_stories(kept)
            before = store.stats()["documents"]
            original = store_module.Store._insert

            def crash(con, table, data, where=""):
                raise RuntimeError("simulated crash")

            # each write dies after its DELETE / before its INSERT completes: nothing may change
            store_module.Store._insert = staticmethod(crash)
            failed = 0
            for write in (lambda: store.replace_stories([Story("s2", "second", tuple(back))]),
                          lambda: store.add_documents([replace(docs[0], id="f" * 16)])):
                try:
                    write()
                except RuntimeError:
                    failed += 1
            store_module.Store._insert = original
            out["rows_after_failed_writes_unchanged"] = float(
                failed == 2 and store.stats()["documents"] == before and store.stories() == kept
            )
        jsonl = tmpdir / "docs.jsonl"
        jsonl.write_text("\n".join(json.dumps(to_dict(d), ensure_ascii=False) for d in docs) + "\n")
        jsonl_gz = tmpdir / "docs.jsonl.gz"
        jsonl_gz.write_bytes(gzip.compress(jsonl.read_bytes()))
        parquet = tmpdir / "docs.parquet"
        pq.write_table(rows.arrow("documents", [rows.document_row(d, i) for i, d in enumerate(docs)]), parquet,
                       compression="zstd")
        sizes = {"DuckDB store (newsfuse)": db, "JSON Lines": jsonl, "JSON Lines, gzip": jsonl_gz,
                 "Parquet, zstd (same rows)": parquet}
        per_doc = {k: p.stat().st_size / len(docs) / 1000 for k, p in sizes.items()}
    text_kb = sum(len(d.text.encode()) for d in docs) / len(docs) / 1000
    console.print(table(
        f"Store round trip on {len(docs)} cleaned real pages",
        ["check", "figure"],
        [["documents read back equal", out["round_trip_equal"]], ["documents added on re-adding", out["re_added"]],
         ["tables unchanged after failed writes", out["rows_after_failed_writes_unchanged"]]],
    ))
    console.print(table(
        f"Bytes on disk per document (KB; clean text alone is {text_kb:.1f} KB)",
        ["format", "KB per document"], [[k, v] for k, v in per_doc.items()],
    ))
    out.update({f"kb_per_doc: {k}": v for k, v in per_doc.items()})
    return out


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)
