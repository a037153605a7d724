"""Speed and memory of story clustering at 1k, 5k and 20k documents, beside a plain TF-IDF peer.

Data: real news text from ../shared, pooled: ECB+ (982 docs), MUC-4 (1,700),
Times of India police events (1,257) and the CoNLL++ Reuters documents
(1,393): 5,332 documents; the first N are taken. Annotations are empty, so
this times the clustering itself (TF-IDF, similarity, average-link), not NLP.

Peer: plain TF-IDF + connected components at one cut (scipy), the simplest
real clustering over the same vectoriser; it holds the dense n x n matrix, so it runs up to 5k
only (the clustering before 2026-11-23 did too: 5.6 GB at 20k, against 1.05 GB now). Each job runs in a fresh Python
process so peak RSS (ru_maxrss) is its own; it includes the imports.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

from evaluation.common import console, dataset, table


def load_texts(limit: int) -> list[tuple[str, str]]:
    """(id, text) of up to ``limit`` real documents, in a fixed order; past the 5,332 real ones, the
    same texts again under new ids, as if each were syndicated to more outlets."""
    from evaluation.stories import load_ecbplus

    out: list[tuple[str, str]] = []
    docs, _ = load_ecbplus()
    out += [(d.id, (d.title or "") + "\n" + d.text) for d in docs]
    for part in ("train", "dev", "test"):
        with open(dataset("datasets", "muc4", "processed", f"{part}.json"), encoding="utf-8") as f:
            out += [(f"muc-{r['docid']}", r["doctext"]) for r in map(json.loads, f)]
    with open(dataset("datasets", "india_police_events", "docs.jsonl"), encoding="utf-8") as f:
        out += [(f"toi-{r['doc_id']}", r["doc_text"]) for r in map(json.loads, f)]
    for part in ("train", "dev", "test"):
        words: list[str] = []
        n = 0
        for line in dataset("datasets", "conllpp", f"conllpp_{part}.txt").read_text(encoding="utf-8").splitlines():
            if line.startswith("-DOCSTART-"):
                if words:
                    out.append((f"conll-{part}-{n}", " ".join(words)))
                    n += 1
                words = []
            elif line.strip():
                words.append(line.split(" ", 1)[0])
        if words:
            out.append((f"conll-{part}-{n}", " ".join(words)))
    real = len(out)
    while len(out) < limit:
        k = len(out)
        doc_id, text = out[k % real]
        out.append((f"{doc_id}~{k // real}", text))
    return out[:limit]


def _job(kind: str, n: int) -> None:
    """One measured run in this (child) process: prints seconds, stories, peak RSS."""
    import resource

    from newsfuse.records import Document
    from newsfuse.stories import StorySettings, cluster_stories

    docs = [Document(id=i, source=i, text=t) for i, t in load_texts(n)]
    t = time.perf_counter()
    if kind == "newsfuse":
        clusters = len(cluster_stories(docs, {}, [], StorySettings()))
    else:
        from evaluation.stories import connected_components

        clusters = len(set(connected_components(docs, 0.2).values()))
    seconds = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"docs": len(docs), "seconds": seconds, "stories": clusters, "rss_mb": rss}))


def _store_job(path: str, n: int) -> None:
    """Cluster the first ``n`` documents of a filled store (with their stored signals) in this process, as a
    first run does: prints seconds, stories, RSS before clustering and peak RSS."""
    import resource

    from newsfuse import pipeline
    from newsfuse.store import Store
    from newsfuse.stories import StorySettings, cluster_stories

    with Store(path, read_only=True) as s:
        docs, signals = s.documents()[:n], pipeline.stored_signals(s)
    with open("/proc/self/status", encoding="ascii") as f:
        before = next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024
    t = time.perf_counter()
    clusters = len(cluster_stories(docs, signals, [], StorySettings()))
    seconds = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"docs": len(docs), "seconds": seconds, "stories": clusters, "rss_before_mb": before,
                      "rss_mb": rss}))


def on_store(path: str, sizes: list[int]) -> None:
    """Peak memory of clustering N stored reports with their real signals (a scale store of
    benchmarks/scale.py: ``--keep DIR``), each N in a fresh process."""
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, "-m", "benchmarks.stories", "--store-job", path, str(n)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append([r["docs"], r["seconds"], r["stories"], r["rss_before_mb"], r["rss_mb"]])
    console.print(table(f"stories: clustering stored reports with their signals ({path})",
                        ["docs", "seconds", "stories", "RSS before MB", "peak RSS MB"], rows))


def main(quick: bool = False) -> dict:
    sizes = [1000] if quick else [1000, 5000, 20000]
    rows, results = [], {}
    for n in sizes:
        # the peer holds a dense n x n float64 matrix: 3.2 GB at 20k, so it runs up to 5k only
        for kind in ("newsfuse", "peer") if n <= 5000 else ("newsfuse",):
            out = subprocess.run([sys.executable, "-m", "benchmarks.stories", "--job", kind, str(n)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            results[f"{kind}@{n}"] = r
            name = "newsfuse cluster_stories" if kind == "newsfuse" else "peer: TF-IDF connected components"
            rows.append([name, r["docs"], r["docs"] / r["seconds"], r["seconds"], r["stories"], r["rss_mb"]])
    console.print(table("stories: clustering speed (real news text, no annotations)",
                        ["system", "docs", "docs/s", "seconds", "stories", "peak RSS MB"], rows))
    return results


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--job":
        _job(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--store-job":
        _store_job(sys.argv[2], int(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--store":
        # python -m benchmarks.stories --store STORE.duckdb [N,N,...]
        on_store(sys.argv[2], [int(x) for x in (sys.argv[3] if len(sys.argv) > 3 else "2000,5000,10000").split(",")])
    else:
        main(quick="--quick" in sys.argv)
