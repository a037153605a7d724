"""nlp-stage speed on real news text (GeoWebNews + LGL articles), in one run:

- newsfuse ``annotate`` as shipped (full parse only on event-candidate sentences),
- the same with ``parse_all=True`` (every sentence parsed: the shortcut switched off),
- the peer: spaCy's full en_core_web_sm pipeline over whole documents (``nlp.pipe``),
  which gives entities and parses but no gazetteer places, dates, figures or actors.
Models and the gazetteer are loaded before timing (load time reported apart).
Peak RSS is this process's high-water mark after each run (it only grows). Speed is
given per wall second and per CPU second of this process (the latter is steadier when
the machine is shared).
"""

from __future__ import annotations

import resource
import time

from evaluation.common import console, table
from evaluation.nlp import load_gwn, load_lgl
from newsfuse.nlp import annotate, gazetteer, model
from newsfuse.nlp.settings import NlpSettings
from newsfuse.records import Document


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(quick: bool = False) -> dict:
    n = 60 if quick else 300
    texts = [t for t, _ in load_gwn()] + [t for t, _ in load_lgl(400)]
    texts = [t for t in texts if t.strip()][:n]
    docs = [Document(id=f"b{i}", source=f"bench/{i}", text=t) for i, t in enumerate(texts)]
    chars = sum(len(t) for t in texts)
    settings = NlpSettings()
    t0 = time.perf_counter()
    gazetteer.load(settings.cache_dir)
    nlp = model.full_pipeline(settings.model)
    model.sentence_splitter(settings.model)
    list(annotate(docs[:2], settings))  # warm: dateparser import, lazy tables
    load_s = time.perf_counter() - t0

    rows, figures = [], {"documents": len(docs), "chars": chars, "load_s": load_s}
    runs = [
        ("newsfuse annotate (candidate sentences parsed)", lambda: list(annotate(docs, settings))),
        ("newsfuse annotate, parse_all=True", lambda: list(annotate(docs, NlpSettings(parse_all=True)))),
        ("peer: spaCy en_core_web_sm nlp.pipe, whole docs", lambda: list(nlp.pipe(texts, batch_size=settings.batch_size))),
    ]
    for name, fn in runs:
        start, cpu0 = time.perf_counter(), time.process_time()
        out = fn()
        secs = time.perf_counter() - start
        cpu = time.process_time() - cpu0
        parsed = ""
        if name.startswith("newsfuse"):
            sents = [s for a in out for s in a.sentences]
            parsed = f"{sum(s.candidate for s in sents)}/{len(sents)}"
        rows.append([name, len(docs) / secs, len(docs) / cpu, chars / cpu / 1000, parsed, _rss_mb()])
        figures[name] = {"docs_per_s": len(docs) / secs, "docs_per_cpu_s": len(docs) / cpu, "seconds": secs,
                         "cpu_seconds": cpu, "peak_rss_mb": _rss_mb()}
    console.print(table(f"nlp: speed on {len(docs)} real articles ({chars / 1000:.0f}k chars), 1 process; load {load_s:.1f}s",
                        ["run", "docs/s (wall)", "docs/CPU-s", "k chars/CPU-s", "sentences parsed", "peak RSS MB"], rows))
    console.print("[dim]docs/CPU-s is the steadier figure on a shared machine (wall time includes waiting for a core)[/]")
    return figures


if __name__ == "__main__":
    import sys

    main(quick="--quick" in sys.argv)
