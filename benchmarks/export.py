"""Speed of export and report beside DuckDB's own COPY on the same store.

Data: the 181 real news/blog pages of ../shared/datasets/scrapinghub_aeb/html
(quick: the first 40), run through ingest + clean + copies into a temporary
store (not timed). Each measured job runs in a fresh Python process so its
peak RSS is its own (and includes that process's imports: Python + DuckDB alone
is about 35 MB).

Peer: DuckDB ``COPY (SELECT <the document columns>) TO ... (FORMAT ...)``, the
native C++ writer over the same table. It is the floor, not an equal: it
writes the stored columns only, while newsfuse rebuilds records and adds the
contract's derived fields (origins, origin group, near_duplicate_of, story).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PEER_COLUMNS = "id, source, url, outlet, title, byline, published_date, published_precision, text"


def _build_store(db: Path, pages: list[Path]) -> int:
    from newsfuse.clean import clean_documents
    from newsfuse.config import Settings
    from newsfuse.copies import find_copies
    from newsfuse.ingest import read_inputs
    from newsfuse.records import Document
    from newsfuse.store import Store

    s = Settings()
    raws = [r for r in read_inputs([str(p) for p in pages], s.ingest) if not hasattr(r, "stage")]
    docs = [d for d in clean_documents(raws, s.clean) if isinstance(d, Document)]
    with Store(db) as store:
        store.add_documents(docs)
        store.replace_copies(find_copies(docs, s.copies))
    return len(docs)


def _job(kind: str, fmt: str, db: str, out: str) -> None:
    """One measured job (run in a child process): prints seconds and peak RSS as JSON."""
    import duckdb

    from newsfuse.store import Store

    t = time.perf_counter()
    if kind == "newsfuse":
        from newsfuse.export import export
        from newsfuse.report import write_report

        with Store(db, read_only=True) as store:
            if fmt == "report":
                write_report(store, Path(out))
            else:
                export(store, "documents", fmt, Path(out))
    else:
        con = duckdb.connect(db, read_only=True)
        options = {"json": "FORMAT JSON, ARRAY true", "csv": "FORMAT CSV, HEADER", "parquet": "FORMAT PARQUET"}[fmt]
        con.execute(f"COPY (SELECT {PEER_COLUMNS} FROM documents) TO '{out}' ({options})")
        con.close()
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "rss_mb": _peak_rss_mb()}))


def _peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM, not ru_maxrss: Linux carries ru_maxrss over
    exec, so a child would report its parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run(kind: str, fmt: str, db: Path, out: Path) -> dict:
    res = subprocess.run([sys.executable, "-m", "benchmarks.export", "--job", kind, fmt, str(db), str(out)],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(quick: bool = False) -> dict:
    # imported here, not at the top, so the measured child processes stay lean
    from evaluation.common import console, dataset, table

    pages = sorted(dataset("datasets", "scrapinghub_aeb", "html").glob("*.html"))[: 40 if quick else None]
    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        n = _build_store(db, pages)
        rows = []
        for fmt in ("json", "csv", "parquet", "report"):
            ours = _run("newsfuse", fmt, db, Path(tmp) / f"ours.{fmt}")
            peer = _run("duckdb", fmt, db, Path(tmp) / f"peer.{fmt}") if fmt != "report" else None
            figures[fmt] = {"documents": n, "newsfuse": ours, "duckdb_copy": peer}
            rows.append([
                f"documents → {fmt}" if fmt != "report" else "report.html (no peer)",
                n, n / ours["seconds"], ours["rss_mb"],
                n / peer["seconds"] if peer else "–", peer["rss_mb"] if peer else "–",
            ])
    console.print(table(
        f"export / report speed, {n} real pages (scrapinghub_aeb{' quick' if quick else ''})",
        ["job", "docs", "newsfuse docs/s", "newsfuse peak MB", "DuckDB COPY docs/s", "DuckDB peak MB"], rows))
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--job"]:
        _job(*sys.argv[2:6])
    else:
        main(quick="--quick" in sys.argv)
