"""Speed of the Spark driver (local[2]) beside the local driver, same real documents, one run.

Data: the first N MUC-4 newswire texts (../shared/datasets/muc4/processed, test then dev
then train; N = 200, 40 with --quick), each written as a .txt report into a temp folder,
so both drivers do the whole job: ingest, clean, copies, nlp, events, stories, reconcile,
store. Each driver runs in a fresh Python process into its own new DuckDB file; its time
is end to end as a user sees it (model loading, and for Spark the JVM and its Python
workers starting, included); a third run times Spark warm (JVM up, workers holding the
model) to show the steady-state rate a long-lived cluster would give. Peak RSS is the whole process tree (driver, JVM, Python
workers, extractor pool) sampled every 0.2 s from /proc, since Spark's memory is mostly
outside the driver process.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from benchmarks.process import entry, measure
from evaluation.common import console, dataset, table

MASTER = "local[2]"


def load_texts(limit: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for part in ("test", "dev", "train"):
        with open(dataset("datasets", "muc4", "processed", f"{part}.json"), encoding="utf-8") as f:
            out += [(r["docid"], r["doctext"]) for r in map(json.loads, f) if r["doctext"].strip()]
        if len(out) >= limit:
            break
    return out[:limit]


def _job(kind: str, folder: str, db: str) -> None:
    """One measured run in this (child) process; prints its summary as JSON."""
    t = time.perf_counter()
    if kind == "spark":
        from newsfuse.spark import run_spark

        s = run_spark([folder], db, master=MASTER)
    elif kind == "spark-warm":
        # steady state: JVM up and every Python worker holding the model, as in a long-lived
        # cluster; warmed on a throwaway run of the first files, then timed on all of them
        from newsfuse.spark import SparkSettings, run_spark
        from newsfuse.spark.session import spark_context

        with spark_context(MASTER, SparkSettings()) as sc:
            warm = sorted(Path(folder).iterdir())[: 2 * sc.defaultParallelism * SparkSettings().partitions_per_core]
            run_spark([str(p) for p in warm], db + ".warm", context=sc)
            t = time.perf_counter()
            s = run_spark([folder], db, context=sc)
            seconds = time.perf_counter() - t
    else:
        from newsfuse.pipeline import run

        s = run([folder], db)
    if kind != "spark-warm":
        seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "added": s.added, "mentions": s.mentions, "stories": s.stories,
                      "events": s.events, "rejected": len(s.rejected)}))


def _measure(kind: str, folder: str, db: str) -> dict:
    result = measure("benchmarks.spark", kind, folder, db)
    result.pop("wall_s")  # the job times itself: the warm run leaves its warm-up out
    return result


def main(quick: bool = False) -> dict:
    n = 40 if quick else 200
    texts = load_texts(n)
    results: dict = {"documents": len(texts), "master": MASTER}
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-spark-") as tmp:
        folder = Path(tmp, "reports")
        folder.mkdir()
        for doc_id, text in texts:
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        runs = (
            ("spark", f"newsfuse run_spark ({MASTER}), cold start"),
            ("spark-warm", f"newsfuse run_spark ({MASTER}), JVM and workers warm"),
            ("local", "peer: newsfuse pipeline.run (local driver), cold start"),
        )
        for kind, name in runs:
            r = _measure(kind, str(folder), str(Path(tmp, f"{kind}.duckdb")))
            r["docs_per_s"] = len(texts) / r["seconds"]
            results[kind] = r
            rows.append([name, len(texts), r["docs_per_s"], r["seconds"], r["added"], r["events"], r["peak_rss_mb"]])
    console.print(table(f"spark: end-to-end speed on {len(texts)} MUC-4 texts, {os.cpu_count()} cores",
                        ["driver", "reports", "docs/s", "seconds", "stored", "events", "peak RSS MB (tree)"], rows))
    return results


if __name__ == "__main__":
    entry(_job, main)
