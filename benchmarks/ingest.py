"""Speed of ingest beside the obvious peers, on real pages.

Data: the real HTML pages of ../shared/datasets/trafilatura_eval/html (990,
gzipped) and scrapinghub_aeb/html (181); quick: 200 of them. Each measured job
runs in a fresh Python process so its peak RSS (VmHWM) is its own, imports included.

- folder:  ``read_inputs`` over the files (gunzip, binary checks, encoding
  detection, ids) beside the peer: open + trafilatura's ``decode_file`` per file
  (gunzip + UTF-8 / charset guess), which is what an extractor fed bytes does.
- warc:    the same pages written into one .warc.gz (not timed), ``read_inputs``
  beside plain warcio iteration + ``decode_file``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evaluation.common import console, dataset, table


def _pages(quick: bool) -> list[Path]:
    files = sorted(dataset("datasets", "trafilatura_eval", "html").glob("*.gz"))
    files += sorted(dataset("datasets", "scrapinghub_aeb", "html").glob("*.html"))
    return files[:: max(1, len(files) // 200)][:200] if quick else files


def _write_warc(pages: list[Path], out: Path) -> None:
    import gzip

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, p in enumerate(pages):
            body = p.read_bytes()
            if p.suffix == ".gz":
                body = gzip.decompress(body)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://pages.example/{i}", "response", payload=io.BytesIO(body),
                                            http_headers=headers)
            writer.write_record(rec)


def _job(kind: str, target: str, extra: str) -> None:
    """One measured job, run in a child process: prints JSON {seconds, docs, rss_mb}."""
    import gzip

    t = time.perf_counter()
    docs = 0
    if kind == "newsfuse-read":
        from newsfuse.ingest import IngestSettings, read_inputs
        from newsfuse.records import RawDocument

        paths = json.loads(Path(target).read_text())
        docs = sum(isinstance(r, RawDocument) for r in read_inputs(paths, IngestSettings()))
    elif kind == "peer-folder":
        from trafilatura.utils import decode_file

        for p in json.loads(Path(target).read_text()):
            data = Path(p).read_bytes()
            decode_file(gzip.decompress(data) if p.endswith(".gz") else data)
            docs += 1
    elif kind == "peer-warc":
        from trafilatura.utils import decode_file
        from warcio.archiveiterator import ArchiveIterator

        with open(json.loads(Path(target).read_text())[0], "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "response":
                    decode_file(record.content_stream().read())
                    docs += 1
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "docs": docs, "rss_mb": _peak_rss_mb()}))


def _peak_rss_mb() -> float:
    """Peak RSS of this process (VmHWM: Linux carries ru_maxrss over exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _run(kind: str, target: Path, extra: str = "", module: str = "benchmarks.ingest") -> dict:
    """Run ``module._job(kind, target, extra)`` in a fresh interpreter; its last stdout line is JSON."""
    code = f"import sys, {module} as b; b._job(sys.argv[1], sys.argv[2], sys.argv[3])"
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-c", code, kind, str(target), extra], capture_output=True, text=True,
                          cwd=root)
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark job {kind} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(quick: bool = False) -> dict:
    pages = _pages(quick)
    figures: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        listing = tmpdir / "pages.json"
        listing.write_text(json.dumps([str(p) for p in pages]))
        warc = tmpdir / "pages.warc.gz"
        _write_warc(pages, warc)
        warc_listing = tmpdir / "warc.json"
        warc_listing.write_text(json.dumps([str(warc)]))
        jobs = {
            ("folder", "newsfuse read_inputs"): ("newsfuse-read", listing, ""),
            ("folder", "open + trafilatura decode_file"): ("peer-folder", listing, ""),
            ("warc", "newsfuse read_inputs"): ("newsfuse-read", warc_listing, ""),
            ("warc", "warcio + trafilatura decode_file"): ("peer-warc", warc_listing, ""),
        }
        rows = []
        for (task, system), (kind, target, extra) in jobs.items():
            r = _run(kind, target, extra)
            r["docs_per_s"] = r["docs"] / r["seconds"] if r["seconds"] else float("inf")
            figures[f"{task}: {system}"] = r
            rows.append([task, system, r["docs"], r["docs_per_s"], r["seconds"], r["rss_mb"]])
    console.print(table(
        f"Ingest speed on {len(pages)} real pages (one process per row, imports included)",
        ["task", "system", "documents", "documents/s", "seconds", "peak RSS MB"], rows,
    ))
    return figures


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
