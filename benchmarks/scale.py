"""Scale: per-step time and peak memory as the store grows, and the cost of a small daily add.

Corpus: generated at run time from real texts in ../shared, never written to the repository:
the text-reuse corpus (evaluation/reuse_corpus.py: real MUC-4, India Police Events, AEB and
ECB+ articles republished, cut, quoted, with typos; so copies included) and the GVA incident
reports (real local news pages, dated 2013-2018), repeated until the size is reached. Each
repeat gives every word a repeat-specific suffix ("gunmen" -> "gunmen2") and moves its dates
by six years, so a repeat keeps the real texts' shape, lengths and copy structure but shares
no word and no week with the others: copy and story density stay those of the real corpora.
(The suffixed words also hide the event trigger words, so in repeats the nlp stage parses few
sentences: its time there understates real text; the corpus-level steps are what this measures.)

Runs, each a fresh ``newsfuse run`` process into one store (start-up included):
- growth: the store is filled up to each size in turn (a run adds the documents between the
  previous size and this one), with the time of each step of the run and the peak RSS of the
  process tree;
- the daily add at each size: 20 real reports held out of the corpus added to a copy of the
  store of that size, beside the same 20 reports added to an empty store (the issue-10 target:
  at most 1.3 times).
- the daily add at larger sizes (``--replicate 10000,100000``): the same, into the largest filled
  store replicated up to that size (benchmarks/replicate.py: every row copied with new ids, days
  and index keys; the nlp of the copies is the real run's, not recomputed).
``python -m benchmarks.scale [--quick] [--sizes 2000,10000,30000,100000] [--keep DIR] [--rounds 3]
[--replicate 100000] [--step 10000]``: the sizes are a parameter because the nlp stage makes 100,000 reports take
hours on two shared cores; ``--keep DIR`` keeps the store of each size there and reuses it on the
next call (the daily add can then be measured again without filling the store again); ``--step N``
feeds each size's new reports in runs of at most N (a backfill in batches: a run's memory follows
the run, not the store).
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from benchmarks.process import entry, measure
from benchmarks.replicate import replicate
from evaluation.common import console, dataset, table

ADD = 20
SHIFT_DAYS = 6 * 365


def _base() -> list[dict]:
    """The real reports every repeat is made from, as JSONL records newsfuse reads."""
    from evaluation.reuse_corpus import build

    out = [{"title": d.title, "outlet": d.outlet, "published": d.published.date if d.published else None,
            "text": d.text} for d in build(quick=False).docs]
    with open(dataset("datasets", "gva_incidents", "docs.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("text", "").strip():
                out.append({"title": rec.get("title"), "url": rec.get("url"), "published": rec.get("published"),
                            "text": rec["text"]})
    return out


def _shift(day: str | None, rep: int) -> str | None:
    if not day or rep == 0:
        return day
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=rep * SHIFT_DAYS)).isoformat() + day[10:]
    except ValueError:
        return day


def _repeat(rec: dict, rep: int) -> dict:
    if rep == 0:
        return rec
    suffix = lambda m: f"{m.group()}{rep}"  # noqa: E731
    return {**{k: v for k, v in rec.items() if v is not None},
            "text": re.sub(r"[^\W\d_]+", suffix, rec["text"]),
            "title": re.sub(r"[^\W\d_]+", suffix, rec["title"]) if rec.get("title") else None,
            "published": _shift(rec.get("published"), rep),
            "url": _repeat_url(rec["url"], rep) if rec.get("url") else None}


def _repeat_url(url: str, rep: int) -> str:
    """The same outlet (host), another page: the original path goes, since newsfuse reads a day from
    an address (/2014/06/04/, clean/address.py) and a repeat must keep only its shifted date."""
    from newsfuse.nlp.outlets import outlet_host  # the host newsfuse reads (an archive's original site)

    page = hashlib.blake2b(url.encode("utf-8"), digest_size=8).hexdigest()
    return f"https://{outlet_host(url) or 'example.org'}/repeat{rep}/{page}"


def corpus(size: int, base: list[dict]) -> list[dict]:
    return [_repeat(base[i % len(base)], i // len(base)) for i in range(size)]


def _write(path: Path, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec) + "\n")


def _job(feed: str, db: str) -> None:
    from newsfuse.pipeline import run

    s = run([feed], db)
    print(json.dumps({"added": s.added, "documents": s.documents, "copies": s.copies, "stories": s.stories,
                      "events": s.events, "seconds": s.seconds, "stages": s.stage_seconds}))


def _run(feed: Path, db: Path) -> dict:
    """One measured run, with the load average before and after it (the machine is shared)."""
    load_before = os.getloadavg()[0]
    r = measure("benchmarks.scale", str(feed), str(db))
    return {**r, "load": [load_before, os.getloadavg()[0]],
            "ended": datetime.now(timezone.utc).isoformat(timespec="seconds")}


def _log(folder: Path | None, kind: str, row: dict) -> None:
    """Append a finished measurement to DIR/scale.jsonl (``--keep DIR``) at once: a long fill cut by a
    timeout keeps the sizes it reached."""
    if folder is not None:
        with open(folder / "scale.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps({"kind": kind, "at": time.time(), **row}) + "\n")


def _fill(records: list[dict], store: Path, tmp: str, size: int, step: int | None, log: Path | None) -> dict:
    """Add ``records`` to ``store`` in runs of at most ``step`` reports (``--step``: a backfill fed in
    batches, as the README advises, since a run's memory follows the run, not the store); the growth
    row sums the runs' times and keeps their highest peak memory and load."""
    runs = []
    step = step or len(records) or 1
    for start in range(0, len(records), step):
        feed = Path(tmp, f"upto{size}-{start}.jsonl")
        _write(feed, records[start:start + step])
        runs.append(_run(feed, store))
        feed.unlink()
        if len(records) > step:
            _log(log, "step", {"size": size, "start": start, **runs[-1]})
    if len(runs) == 1:
        return runs[0]
    stages: dict[str, float] = {}
    for r in runs:
        for k, v in r["stages"].items():
            stages[k] = stages.get(k, 0.0) + v
    return {**runs[-1], "runs": len(runs), "added": sum(r["added"] for r in runs),
            **{k: sum(r[k] for r in runs) for k in ("wall_s", "cpu_s")},
            **{k: max(r.get(k, 0.0) for r in runs) for k in ("peak_rss_mb", "peak_pss_mb")},
            "stages": stages, "load": [runs[0]["load"][0], max(r["load"][1] for r in runs)]}


def _add(add_feed: Path, store: Path, tmp: str, size: int, rounds: int) -> dict:
    """The daily add into a copy of ``store`` and into an empty store, ``rounds`` times each,
    alternating; the median ratio of the pairs (the machine is shared: a pair is measured together)."""
    pairs = []
    for r in range(rounds):
        copy, empty = Path(tmp, f"at{size}-{r}.duckdb"), Path(tmp, f"empty{size}-{r}.duckdb")
        shutil.copy(store, copy)
        # the copy's pages are written out before the add: a real store is not copied just before
        # its daily add, and DuckDB's fsync at the add's commits and close otherwise waits for the
        # whole file (1.9 GB at 100,000 reports) to reach the disk
        os.sync()
        pairs.append((_run(add_feed, copy), _run(add_feed, empty)))
        copy.unlink()
        empty.unlink()
    ratios = [a["wall_s"] / b["wall_s"] for a, b in pairs]
    best = sorted(range(rounds), key=lambda i: ratios[i])[rounds // 2]
    return {"size": size, "ratios": ratios, "ratio": statistics.median(ratios), "into_store": pairs[best][0],
            "into_empty": pairs[best][1]}


def _add_row(size: object, a: dict, results: dict) -> list[object]:
    results["add"].append(a)
    into_store = a["into_store"]
    return [size, a["into_empty"]["wall_s"], into_store["wall_s"], a["ratio"], " ".join(f"{x:.2f}" for x in a["ratios"]),
            into_store["stages"].get("copies", 0.0), into_store["stages"].get("stories", 0.0),
            into_store["stages"].get("reconcile", 0.0), into_store["peak_rss_mb"]]


def main(quick: bool = False, sizes: list[int] | None = None, keep: str | None = None, rounds: int = 3,
         replicated: list[int] | None = None, step: int | None = None) -> dict:
    sizes = sorted(sizes or ([200, 600] if quick else [1000, 3000, 10000]))
    base = _base()
    # the daily add: the last real GVA reports as they are, held out of the store at every size
    base, fresh = base[:-ADD], base[-ADD:]
    records = corpus(sizes[-1], base)
    # the corpus (up to 100,000 texts) stays in this process while the measured runs go on beside it:
    # out of the collector's way, so its sweeps do not compete with them for the two cores
    gc.freeze()
    atexit.register(gc.unfreeze)  # handed back for the interpreter's shutdown (nlp/resident.py says why)
    results: dict = {"sizes": sizes, "growth": [], "add": []}
    growth_rows, add_rows = [], []
    with tempfile.TemporaryDirectory(prefix="newsfuse-bench-scale-") as tmp:
        folder = Path(keep or tmp)  # --keep DIR: the stores of each size stay there and are reused
        folder.mkdir(parents=True, exist_ok=True)
        store, add_feed = Path(tmp, "store.duckdb"), Path(tmp, "add.jsonl")
        _write(add_feed, fresh)
        done = 0
        for size in sizes:
            kept = folder / f"store{size}.duckdb"
            if keep and kept.exists():
                shutil.copy(kept, store)
            else:
                r = _fill(records[done:size], store, tmp, size, step, Path(keep) if keep else None)
                results["growth"].append({"size": size, **r})
                _log(Path(keep) if keep else None, "growth", {"size": size, **r})
                stages = r["stages"]
                growth_rows.append([size, f'{r["added"]} in {r["runs"]} runs' if r.get("runs") else r["added"], r["wall_s"], r["cpu_s"], r["cpu_s"] / max(1, r["added"]) * 1000,
                                    *(stages.get(k, 0.0) for k in ("ingest and clean", "copies", "nlp and events")),
                                    stages.get("stories", 0.0) + stages.get("stories and reconcile", 0.0),
                                    stages.get("reconcile", 0.0), r["peak_rss_mb"], r.get("peak_pss_mb", 0.0),
                                    "{:.1f} -> {:.1f}".format(*r["load"])])
                if keep:
                    shutil.copy(store, kept)
            done = size
            add_rows.append(_add_row(size, _add(add_feed, store, tmp, size, rounds), results))
            _log(Path(keep) if keep else None, "add", results["add"][-1])
        for size in sorted(replicated or []):
            copy = Path(tmp, f"replicated{size}.duckdb")
            held = replicate(store, copy, size)
            add_rows.append(_add_row(f"{held} (store of {sizes[-1]} replicated)", _add(add_feed, copy, tmp, held, rounds),
                                     results))
            copy.unlink()
    console.print(table(
        "scale: filling one store (each run adds the reports up to the size), seconds per step",
        ["size", "added", "run s", "CPU s", "CPU ms/report", "ingest+clean", "copies", "nlp+events", "stories",
         "reconcile", "peak RSS MB (tree)", "peak PSS MB (tree)", "load"], growth_rows))
    console.print(table(
        f"scale: adding {ADD} new reports to the store of each size vs to an empty store (fresh processes)",
        ["store size", "into empty s", "into store s", "median ratio (target <= 1.3)", "ratios", "copies s",
         "stories s", "reconcile s", "peak RSS MB"], add_rows))
    return results


def main_from_argv(argv: list[str]) -> dict:
    """``[--quick] [--sizes 1000,3000] [--keep DIR] [--rounds N] [--replicate 100000] [--step N]``."""
    def option(name: str) -> str | None:
        return argv[argv.index(name) + 1] if name in argv[:-1] else None

    sizes, replicated = option("--sizes"), option("--replicate")
    return main(quick="--quick" in argv, sizes=[int(x) for x in sizes.split(",")] if sizes else None,
                keep=option("--keep"), rounds=int(option("--rounds") or 3),
                replicated=[int(x) for x in replicated.split(",")] if replicated else None,
                step=int(option("--step")) if option("--step") else None)


if __name__ == "__main__":
    entry(_job, lambda quick: main_from_argv(sys.argv[1:]))
