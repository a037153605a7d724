"""Benchmark the events stage: mentions extracted per second given annotations.

Input: IndiaPoliceEvents news articles (real Times of India text), annotated
once by the nlp stage with every sentence parsed (so the events stage reads
every sentence: its worst case). Timed: ``extract_mentions`` alone, beside the
keyword baseline of evaluation/events.py (regex trigger words, no parse) run
over the same documents. Peak RSS is this process's high-water mark (it
includes the spaCy model the annotation loaded).
"""

from __future__ import annotations

import json
import resource
import sys
import time

from evaluation.common import console, dataset, table
from evaluation.events import _doc, _keyword_label, annotate
from newsfuse.events import EventSettings, extract_mentions


def main(quick: bool = False) -> dict[str, float]:
    folder = dataset("datasets", "india_police_events")
    rows = [json.loads(line) for line in (folder / "docs.jsonl").open(encoding="utf-8")]
    rows = rows[: 150 if quick else 600]
    docs = [_doc(f"ipe{r['doc_id']}", r["doc_text"]) for r in rows]
    anns, source = annotate(docs, parse_all=True)
    sentences = sum(len(a.sentences) for a in anns)
    settings = EventSettings()
    repeats = 1 if quick else 3
    t0 = time.perf_counter()
    mentions = 0
    for _ in range(repeats):
        for doc, ann in zip(docs, anns, strict=True):
            mentions += len(extract_mentions(doc, ann, settings))
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(repeats):
        for ann in anns:
            for s in ann.sentences:
                _keyword_label(s.text)
    peer = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(docs) * repeats
    out = {"documents": len(docs), "sentences": sentences, "mentions_per_run": mentions / repeats,
           "newsfuse_docs_per_s": n / ours, "keyword_docs_per_s": n / peer, "peak_rss_mb": rss}
    console.print(table(
        f"events: extraction speed given annotations ({len(docs)} IndiaPoliceEvents articles, "
        f"{sentences} sentences, {source}; x{repeats})",
        ["system", "documents/s", "sentences/s", "mentions", "peak RSS MB"],
        [["newsfuse extract_mentions", n / ours, sentences * repeats / ours, mentions // repeats, rss],
         ["keyword baseline (regex, no parse)", n / peer, sentences * repeats / peer, "-", rss]]))
    return out


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
