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

At scale (``python -m benchmarks.spark --size 10000 [--against STORE] [--local] [--keep DIR]``):
the first N reports of the scale corpus (benchmarks/scale.py, the same records its growth run
stores, in the same order) written as JSONL files of 250 reports (with ``--into STORE --offset M``
the N after the first M, added to a copy of the scale run's store of M, e.g. a run of 10,000 into
the 100,000), run through ``run_spark``
(executors write Parquet shards; only shard paths reach the driver). ``--against STORE``
compares every stored table with a store the local driver filled with the same reports (the scale
run's ``--keep DIR/storeN.duckdb``), row by row; ``--local`` also times the local driver on the
same files in the same run, for the ratio.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.process import entry, measure
from evaluation.common import console, dataset, table

MASTER = "local[2]"
PER_FILE = 250  # reports per JSONL input file at scale: Spark spreads files over partitions

# every stored table, with the columns left out of the comparison: write order, write time, and
# ``source`` and a rejection's ``reason`` (they name the input file and line: the local scale run
# read one file, Spark many)
COMPARED = {
    "documents": ("seq", "added_at", "source"), "annotations": (), "mentions": ("seq",), "copies": ("seq",),
    "origin_groups": (), "origins": (), "stories": ("seq",), "events": ("seq",), "briefs": ("seq",),
    "rejections": ("seq", "rejected_at", "source", "reason"), "story_signals": (), "story_names": (), "copy_index": (),
    "copy_bands": (), "copy_grams": (), "copy_stock": (), "outlet_evidence": ("seq",),
}


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
                      "events": s.events, "rejected": len(s.rejected),
                      "stages": s.stage_seconds}))


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


def differences(db: str, other: str) -> dict[str, dict[str, int]]:
    """Per table: its rows in each store and the rows of either that the other lacks (a multiset
    difference, ``COMPARED`` columns aside). All zero = the same records."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"ATTACH '{db}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{other}' AS b (READ_ONLY)")
    out = {}
    tables = {(d, t) for d, t in con.execute("SELECT database_name, table_name FROM duckdb_tables()").fetchall()}
    for name, left_out in COMPARED.items():
        if ("a", name) not in tables or ("b", name) not in tables:  # a store written before the table was
            continue
        cols = ", ".join(f'"{c}"' for c, in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = 'a' AND table_name = ? "
            "ORDER BY column_index", [name]).fetchall() if c not in left_out)
        count = lambda q: con.execute(q).fetchone()[0]  # noqa: E731
        out[name] = {
            "rows": count(f"SELECT count(*) FROM a.{name}"), "rows_other": count(f"SELECT count(*) FROM b.{name}"),
            "only_here": count(f"SELECT count(*) FROM (SELECT {cols} FROM a.{name} EXCEPT ALL SELECT {cols} FROM b.{name})"),
            "only_other": count(f"SELECT count(*) FROM (SELECT {cols} FROM b.{name} EXCEPT ALL SELECT {cols} FROM a.{name})"),
        }
    con.close()
    return out


def at_scale(size: int, against: str | None = None, local: bool = False, keep: str | None = None,
             into: str | None = None, offset: int = 0) -> dict:
    """Spark (and with ``local`` the local driver) on ``size`` reports of the scale corpus: the first
    ones into an empty store, or with ``into`` the ``size`` after the first ``offset`` into a copy of
    that store (the scale run's ``storeN.duckdb``, which holds the first N), each driver its own copy."""
    from benchmarks.scale import ADD, _base, _write, corpus

    # the scale run's stores hold exactly these, in this order
    records = corpus(offset + size, _base()[:-ADD])[offset:]
    results: dict = {"size": size, "master": MASTER, "into": into, "offset": offset}
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-spark-") as tmp:
        folder = Path(tmp, "reports")
        folder.mkdir()
        for start in range(0, size, PER_FILE):
            _write(folder / f"part-{start // PER_FILE:05d}.jsonl", records[start:start + PER_FILE])
        for kind in ("spark", "local") if local else ("spark",):
            db = str(Path(tmp, f"{kind}.duckdb"))
            if into:
                shutil.copy(into, db)
                os.sync()  # the copy's pages written out before the measured run, not during it
            load = os.getloadavg()[0]
            r = measure("benchmarks.spark", kind, str(folder), db)
            r.update(load=[load, os.getloadavg()[0]], docs_per_s=size / r["wall_s"])
            results[kind] = r
            console.print(f"{kind}: {json.dumps(r)}")
            rows.append([kind, size, r["docs_per_s"], r["wall_s"], r["tree_cpu_s"], r["added"], r["events"],
                         r["peak_rss_mb"], r["peak_pss_mb"], f"{load:.1f} -> {os.getloadavg()[0]:.1f}"])
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                shutil.copy(db, Path(keep, f"{kind}{size}.duckdb"))
        if local:
            results["ratio_spark_to_local"] = results["local"]["wall_s"] / results["spark"]["wall_s"]
            results["same_as_local"] = differences(str(Path(tmp, "spark.duckdb")), str(Path(tmp, "local.duckdb")))
        if against:
            results["same_as_store"] = differences(str(Path(tmp, "spark.duckdb")), against)
    where = f"into a copy of {into} (after its first {offset})" if into else "into an empty store"
    console.print(table(f"spark at scale: {size} reports of the scale corpus in files of {PER_FILE} {where}, "
                        f"{os.cpu_count()} cores",
                        ["driver", "reports", "docs/s", "wall s", "CPU s (tree)", "stored", "events",
                         "peak RSS MB (tree)", "peak PSS MB (tree)", "load"], rows))
    for key in ("same_as_local", "same_as_store"):
        if key in results:
            console.print(table(f"records: spark vs {'local run' if key == 'same_as_local' else against}",
                                ["table", "rows (spark)", "rows (other)", "only in spark", "only in other"],
                                [[t, *d.values()] for t, d in results[key].items()]))
    if keep:
        Path(keep, f"spark{size}.json").write_text(json.dumps(results, indent=1))
    return results


def main_from_argv(argv: list[str]) -> dict:
    """``[--quick]``, or at scale ``--size N [--against STORE] [--local] [--keep DIR] [--into STORE --offset M]``."""
    def option(name: str) -> str | None:
        return argv[argv.index(name) + 1] if name in argv[:-1] else None

    size = option("--size")
    if size is None:
        return main(quick="--quick" in argv)
    return at_scale(int(size), against=option("--against"), local="--local" in argv, keep=option("--keep"),
                    into=option("--into"), offset=int(option("--offset") or 0))


if __name__ == "__main__":
    entry(_job, lambda quick: main_from_argv(sys.argv[1:]))
