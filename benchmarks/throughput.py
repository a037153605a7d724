"""End-to-end throughput of the local driver beside spaCy alone, same real reports, one run.

Data: the first N reports of the GVA incident corpus (``../shared/datasets/gva_incidents/docs.jsonl``,
real local news pages as text; N = 360, 60 with --quick), written as one JSONL file.

Each job runs in a fresh Python process and is timed from process start to end, start-up
included (imports, model loading, worker processes):
- the peer: spaCy en_core_web_sm, whole pipeline, ``nlp.pipe`` over the texts (what the reports
  would cost just to parse once);
- ``newsfuse run`` as shipped: ingest, clean, copies, nlp, events, stories, reconcile, store, with a
  worker process per core;
- the same with one process (``Settings(workers=1)``): what the worker pool buys;
- the same with ``parse_all=True``: what parsing only the sentences that can carry an event buys.
The jobs run in ``rounds`` rounds, the peer first in each; the ratios are per round (the machine
is shared, so a ratio measured within one round is the figure to read), and the median is reported.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.process import entry, measure
from evaluation.common import console, dataset, table

JOBS = {
    "spacy": "peer: spaCy en_core_web_sm nlp.pipe, whole texts",
    "newsfuse": "newsfuse run, a worker per core",
    "newsfuse-1": "newsfuse run, one process",
    "newsfuse-parse-all": "newsfuse run, a worker per core, parse_all=True",
}


def write_reports(path: Path, limit: int) -> int:
    """The first ``limit`` GVA reports as a JSONL feed newsfuse reads; how many were written."""
    n = 0
    with open(dataset("datasets", "gva_incidents", "docs.jsonl"), encoding="utf-8") as src, \
            open(path, "w", encoding="utf-8") as out:
        for line in src:
            if n >= limit:
                break
            rec = json.loads(line)
            if rec.get("text", "").strip():
                out.write(json.dumps({k: rec.get(k) for k in ("url", "title", "published", "text")}) + "\n")
                n += 1
    return n


def _job(kind: str, feed: str, db: str) -> None:
    """One measured run in this (child) process; prints a JSON line."""
    t = time.perf_counter()
    if kind == "spacy":
        from newsfuse.nlp import model
        from newsfuse.nlp.settings import NlpSettings

        texts = [json.loads(line)["text"] for line in open(feed, encoding="utf-8")]
        nlp = model._load(NlpSettings().model)  # every component on, as spaCy ships it
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=NlpSettings().batch_size))
        print(json.dumps({"seconds": time.perf_counter() - t, "documents": len(texts), "tokens": tokens}))
        return
    from dataclasses import replace

    from newsfuse.config import Settings
    from newsfuse.pipeline import run

    settings = Settings()
    if kind == "newsfuse-1":
        settings = replace(settings, workers=1)
    elif kind == "newsfuse-parse-all":
        settings = replace(settings, nlp=replace(settings.nlp, parse_all=True))
    s = run([feed], db, settings)
    print(json.dumps({"seconds": time.perf_counter() - t, "documents": s.added, "events": s.events,
                      "stages": s.stage_seconds}))


def main(quick: bool = False, rounds: int | None = None, limit: int | None = None) -> dict:
    limit = limit or (60 if quick else 360)
    rounds = rounds or (1 if quick else 2)
    results: dict = {"rounds": []}
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-throughput-") as tmp:
        feed = Path(tmp, "gva.jsonl")
        n = write_reports(feed, limit)
        results["documents"] = n
        for r in range(rounds):
            got = {}
            for kind in JOBS:
                got[kind] = measure("benchmarks.throughput", kind, str(feed), str(Path(tmp, f"{kind}-{r}.duckdb")))
            results["rounds"].append(got)
    rows = []
    for kind, name in JOBS.items():
        walls = [g[kind]["wall_s"] for g in results["rounds"]]
        ratios = [g["spacy"]["wall_s"] / g[kind]["wall_s"] for g in results["rounds"]]
        results[kind] = {"docs_per_s": n / statistics.median(walls), "x_spacy": statistics.median(ratios)}
        cpus = [g[kind]["cpu_s"] for g in results["rounds"]]
        cpu_ratio = statistics.median(g["spacy"]["cpu_s"] / g[kind]["cpu_s"] for g in results["rounds"])
        results[kind]["cpu_x_spacy"] = cpu_ratio
        rows.append([name, n / statistics.median(walls), statistics.median(ratios),
                     " ".join(f"{w:.1f}" for w in walls), n / statistics.median(cpus), cpu_ratio,
                     max(g[kind]["peak_rss_mb"] for g in results["rounds"])])
    console.print(table(
        f"throughput: {n} real GVA reports, end to end (start-up included), {os.cpu_count()} cores, "
        f"{rounds} round(s)",
        ["run", "docs/s", "x spaCy alone (same round)", "seconds per round", "docs/CPU-s", "CPU x spaCy",
         "peak RSS MB (tree)"], rows))
    console.print("[dim]docs/CPU-s counts every process of the run (workers included): what the run costs per "
                  "core, whatever else the machine is doing[/]")
    stages = results["rounds"][-1]["newsfuse"].get("stages", {})
    console.print("[dim]newsfuse run, last round, seconds per step: "
                  + ", ".join(f"{k} {v:.1f}" for k, v in stages.items()) + "[/]")
    return results


if __name__ == "__main__":
    entry(_job, main)
